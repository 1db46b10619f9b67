/**
 * An in-memory Apps Script for tests and the playground: the part of SpreadsheetApp, Ui,
 * HtmlService, PropertiesService, CacheService, LockService, Session, Utilities and Logger a
 * Sheets editor add-on uses. It never reaches Google. See README.md beside this file.
 */

import {
  EmuLockService,
  type Execution,
  holdDocumentLock,
  lockState,
  startExecution,
} from "./services/lock.ts";
import { EmuMailApp } from "./services/mail.ts";
import {
  advanceTo,
  defaultJitter,
  EmuScriptApp,
  nextDue,
  runTrigger,
  switchUser,
} from "./services/script.ts";
import { EmuCharts, EmuLogger, EmuSession, EmuUtilities } from "./services/session.ts";
import { EmuCacheService, EmuPropertiesService } from "./services/storage.ts";
import { EmuHtmlService } from "./services/ui.ts";
import { bookFromSnapshot, takeSnapshot, type WorkbookSnapshot } from "./snapshot.ts";
import { facadesOf, spreadsheetFacade } from "./spreadsheet/facades.ts";
import type { EmuSpreadsheet } from "./spreadsheet/spreadsheet.ts";
import { EmuSpreadsheetApp } from "./spreadsheet/spreadsheet-app.ts";
import {
  type BigQueryRunner,
  CallCounter,
  type Ctx,
  IdSequence,
  type LockHolder,
  newSheetState,
  type UiRecord,
} from "./state.ts";
import { assertTimeZone } from "./tz.ts";

export { columnLetters, columnNumber, formatA1, parseA1 } from "./a1.ts";
export { formatJavaDate } from "./format-date.ts";
export { DEFAULT_NUMBER_FORMAT, displayValue } from "./number-format.ts";
export type { Execution } from "./services/lock.ts";
export type { CellSnapshot, ChartSnapshot, SheetSnapshot, WorkbookSnapshot } from "./snapshot.ts";
export { SNAPSHOT_FORMAT } from "./snapshot.ts";
export { MAX_CELLS, MAX_COLUMNS } from "./spreadsheet/limits.ts";
export type { EmuSpreadsheet } from "./spreadsheet/spreadsheet.ts";
export type {
  BigQueryAnswer,
  BigQueryRunner,
  ClockSchedule,
  LockHolder,
  SentMail,
  SentMailImage,
  TriggerRun,
  UiRecord,
} from "./state.ts";

export interface EmulatorOptions {
  /** Spreadsheet time zone, default "Europe/Paris". */
  timeZone?: string;
  /** Spreadsheet locale, default "en_US". */
  locale?: string;
  /** Session.getActiveUserLocale(), default "en". */
  userLocale?: string;
  /** Session.getActiveUser()/getEffectiveUser().getEmail(), default "marketer@example.com". */
  userEmail?: string;
  /** Session.getScriptTimeZone(): the manifest's zone, default "Europe/Paris" (appsscript.json). */
  scriptTimeZone?: string;
  /**
   * The clock (cache expiry, trigger creation, mail dates): a function, or a fixed Date; default
   * () => new Date(). setNow/advanceClock replace it with a simulated clock.
   */
  now?: (() => Date) | Date;
  /** How long after its slot's hour a trigger fires (ms, 0 to 3,599,999); default a hash of both. */
  triggerJitter?: (uid: string, slotStart: number) => number;
  /** MailApp's daily recipients per user, default 100 (a consumer account). */
  mailQuota?: number;
  /** Files for HtmlService.createHtmlOutputFromFile(name), by name without ".html". */
  htmlFiles?: Record<string, string>;
  /** Title of createAddonMenu()'s menu, default "KPI Pilot". */
  addOnName?: string;
  /** Spreadsheet id and name, defaults fixed so snapshots are reproducible. */
  spreadsheetId?: string;
  spreadsheetName?: string;
  /**
   * Computes the value of a formula cell when our code reads it back. Without it, reading a
   * formula cell's value throws rather than returning something wrong.
   */
  /**
   * Connected Sheets: runs a data-source sheet's raw query, synchronously (Apps Script code is).
   * Tests and the playground pass a DuckDB stand-in (dev/bigquery/stand-in.ts).
   */
  bigQuery?: BigQueryRunner;
  evaluateFormula?: (
    formula: string,
    ctx: { sheet: string; row: number; column: number },
  ) => unknown;
}

export type AppsScriptGlobals = {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  LockService: GoogleAppsScript.Lock.LockService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  Charts: GoogleAppsScript.Charts.Charts;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
};

/** A trigger as the emulator holds it (what the Apps Script dashboard would list). */
export interface TriggerInfo {
  uid: string;
  handler: string;
  user: string;
  documentId: string;
  schedule: import("./state.ts").ClockSchedule;
  timeZone: string;
}

export interface CallCounts {
  /** Calls by "Class.method", e.g. { "Range.getValues": 3 }. Only calls from outside count. */
  counts(): Record<string, number>;
  /** Sum of all counts, or of those whose key starts with `prefix` ("Range." or "Range.set"). */
  total(prefix?: string): number;
  /** Calls on the Spreadsheet service's objects (SpreadsheetApp, Spreadsheet, Sheet, Range, charts, rules, metadata…). */
  spreadsheetTotal(): number;
  reset(): void;
}

export type AlertButton = "OK" | "CANCEL" | "YES" | "NO" | "CLOSE";

export interface Emulator {
  readonly globals: AppsScriptGlobals;
  /** Copies the globals onto `target` (default globalThis); returns a function that restores it. */
  install(target?: object): () => void;
  readonly spreadsheet: EmuSpreadsheet;
  /** What the add-on showed: menus, sidebars, dialogs, alerts and toasts, in order. */
  readonly ui: UiRecord;
  readonly calls: CallCounts;
  /** Lines written by Logger.log. */
  readonly logs: string[];
  snapshot(): WorkbookSnapshot;
  load(snapshot: WorkbookSnapshot): void;
  setUserLocale(locale: string): void;
  /**
   * Another execution takes LockService.getDocumentLock() and holds it until the returned
   * function is called. Throws when the document lock is not free.
   */
  holdDocumentLock(): () => void;
  /**
   * Who holds each lock: "free", "self" (the execution running now: the default one, or the one
   * whose run() is in progress) or "other".
   */
  lockState(): { document: LockHolder; script: LockHolder; user: LockHolder };
  /**
   * Starts a separate execution of the add-on (another user, another click) on this workbook.
   * Code passed to its run() gets Locks that belong to it: a lock it holds makes tryLock in any
   * other execution return false and waitLock throw, until it releases the lock or end()s.
   */
  startExecution(): Execution;
  /** Runs `fn` as a new execution, which ends (releasing the locks it still holds) when fn returns or throws. */
  execution<T>(fn: (execution: Execution) => T): T;
  /**
   * While true, LockService.getDocumentLock() returns null, as Apps Script does outside a
   * containing document (standalone script, web app).
   */
  setDocumentLockUnavailable(unavailable: boolean): void;
  /** The next SpreadsheetApp.flush() throws `error` (default: an Error naming the emulator), once. */
  failNextFlush(error?: unknown): void;
  /** Replaces the Connected Sheets query runner (see the `bigQuery` option). */
  setBigQueryRunner(runner: BigQueryRunner | undefined): void;
  /** The button later alerts and prompts answer with (undefined: OK, or YES for yes/no), and a prompt's text. */
  answerAlerts(button: AlertButton | undefined, promptText?: string): void;
  /**
   * Dates handed to the add-on (getValues, getValue) are made with this constructor. For code
   * running in node:vm pass the context's Date (`vm.runInContext("Date", context)`), or its
   * `instanceof Date` checks fail on our Dates.
   */
  setDateConstructor(ctor: DateConstructor): void;

  // ── triggers, clock, mail, users ──
  /** Every installed trigger, of every user, in creation order. */
  triggers(): TriggerInfo[];
  /** Each run of a trigger's handler, with what it threw. */
  readonly triggerRuns: readonly import("./state.ts").TriggerRun[];
  /** Calls a trigger's handler (by function name) with its event object. */
  setTriggerRunner(runner: (handler: string, event: Record<string, unknown>) => unknown): void;
  /** The emulator's clock: the simulated one once set, else the `now` option. */
  now(): Date;
  /** Sets the simulated clock without firing anything (slots jumped over are skipped). */
  setNow(date: Date): void;
  /**
   * Moves the simulated clock forward by `ms`, or to the next firing of any trigger, firing each
   * trigger slot that falls due on the way (each as its own execution, as its owner). Returns
   * how many fired.
   */
  advanceClock(by: number | "next-trigger"): number;
  /** When the next trigger fires (its slot plus jitter), or null when none is installed. */
  nextTriggerTime(): Date | null;
  /** Fires a trigger now (Apps Script may run a slot twice): as advanceClock would. */
  fireTrigger(uid: string): void;
  /** Messages MailApp accepted, in order. */
  readonly outbox: readonly import("./state.ts").SentMail[];
  /** Sets what MailApp.getRemainingDailyQuota() says for `user` (default: the active user). */
  setMailQuota(recipients: number, user?: string): void;
  /**
   * Whether `user` (default: the active user) must authorize again, as after an update that
   * added scopes: getAuthorizationInfo(FULL) says REQUIRED, and MailApp and trigger calls throw.
   */
  setAuthorizationRequired(required: boolean, user?: string): void;
  /** Makes `email` the active user: Session, user properties, user cache and triggers follow. */
  setActiveUser(email: string): void;
  readonly activeUser: string;
}

const SPREADSHEET_SERVICE = new Set([
  "SpreadsheetApp",
  "Spreadsheet",
  "Sheet",
  "Range",
  "Protection",
  "DataValidation",
  "DataValidationBuilder",
  "ConditionalFormatRule",
  "ConditionalFormatRuleBuilder",
  "BooleanCondition",
  "DeveloperMetadata",
  "DeveloperMetadataFinder",
  "DeveloperMetadataLocation",
  "EmbeddedChart",
  "EmbeddedChartBuilder",
  "ChartOptions",
  "ContainerInfo",
]);

function clock(now: EmulatorOptions["now"]): () => Date {
  if (now === undefined) return () => new Date();
  if (typeof now === "function") return now;
  const fixed = now.getTime();
  return () => new Date(fixed);
}

export function createEmulator(opts: EmulatorOptions = {}): Emulator {
  const timeZone = opts.timeZone ?? "Europe/Paris";
  const scriptTimeZone = opts.scriptTimeZone ?? "Europe/Paris";
  assertTimeZone(timeZone);
  assertTimeZone(scriptTimeZone);
  const baseClock = clock(opts.now);
  const ctx: Ctx = {
    opts: {
      timeZone,
      locale: opts.locale ?? "en_US",
      userLocale: opts.userLocale ?? "en",
      userEmail: opts.userEmail ?? "marketer@example.com",
      scriptTimeZone,
      now: () =>
        ctx.script.simulatedNow === undefined ? baseClock() : new Date(ctx.script.simulatedNow),
      htmlFiles: { ...(opts.htmlFiles ?? {}) },
      addOnName: opts.addOnName ?? "KPI Pilot",
      ...(opts.evaluateFormula ? { evaluateFormula: opts.evaluateFormula } : {}),
    },
    book: {
      id: opts.spreadsheetId ?? "1EmulatedSpreadsheet000000000000000000000000",
      name: opts.spreadsheetName ?? "Untitled spreadsheet",
      timeZone,
      locale: opts.locale ?? "en_US",
      sheets: [],
      activeSheetId: 0,
      activeRange: undefined,
      metadata: [],
      properties: { document: new Map(), user: new Map(), script: new Map() },
    },
    counter: new CallCounter(),
    depth: 0,
    ui: { menus: [], sidebars: [], dialogs: [], alerts: [], toasts: [] },
    logs: [],
    executions: {
      current: 0,
      next: 1,
      ended: new Set(),
      locks: { document: undefined, script: undefined, user: undefined },
    },
    documentLockUnavailable: false,
    flushFailure: undefined,
    cache: { document: new Map(), user: new Map(), script: new Map() },
    alertResponse: undefined,
    promptText: "",
    DateCtor: Date,
    // The first tab of a new spreadsheet has gid 0, as in Sheets.
    sheetIds: new IdSequence(0, () => ctx.book.sheets.map((s) => s.id)),
    chartIds: new IdSequence(undefined, () =>
      ctx.book.sheets.flatMap((s) => s.charts.map((c) => c.id)),
    ),
    metadataIds: new IdSequence(undefined, () => ctx.book.metadata.map((m) => m.id)),
    protectionIds: new IdSequence(undefined, () =>
      ctx.book.sheets.flatMap((s) => s.protections.map((p) => p.id)),
    ),
    sheetFacades: new WeakMap(),
    facades: facadesOf(() => ctx),
    bigQuery: opts.bigQuery,
    bigQueryEnabled: false,
    script: {
      triggers: [],
      nextUid: 1,
      runs: [],
      runner: undefined,
      authRequired: new Set(),
      outbox: [],
      quota: new Map(),
      defaultQuota: opts.mailQuota ?? 100,
      simulatedNow: undefined,
      jitterMs: opts.triggerJitter ?? defaultJitter,
      otherUsers: new Map(),
    },
  };
  const firstName = /^fr(?:[-_]|$)/i.test(ctx.opts.userLocale) ? "Feuille 1" : "Sheet1";
  const first = newSheetState(ctx.sheetIds.next(), firstName);
  ctx.book.sheets.push(first);
  ctx.book.activeSheetId = first.id;

  const globals: AppsScriptGlobals = {
    SpreadsheetApp: new EmuSpreadsheetApp(
      ctx,
    ) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    HtmlService: new EmuHtmlService(ctx) as unknown as GoogleAppsScript.HTML.HtmlService,
    PropertiesService: new EmuPropertiesService(
      ctx,
    ) as unknown as GoogleAppsScript.Properties.PropertiesService,
    CacheService: new EmuCacheService(ctx) as unknown as GoogleAppsScript.Cache.CacheService,
    LockService: new EmuLockService(ctx) as unknown as GoogleAppsScript.Lock.LockService,
    Session: new EmuSession(ctx) as unknown as GoogleAppsScript.Base.Session,
    Utilities: new EmuUtilities(ctx) as unknown as GoogleAppsScript.Utilities.Utilities,
    Logger: new EmuLogger(ctx) as unknown as GoogleAppsScript.Base.Logger,
    Charts: new EmuCharts(ctx) as unknown as GoogleAppsScript.Charts.Charts,
    ScriptApp: new EmuScriptApp(ctx) as unknown as GoogleAppsScript.Script.ScriptApp,
    MailApp: new EmuMailApp(ctx) as unknown as GoogleAppsScript.Mail.MailApp,
  };

  return {
    globals,
    install(target: object = globalThis) {
      const t = target as Record<string, unknown>;
      const saved = Object.keys(globals).map(
        (k) => [k, Object.getOwnPropertyDescriptor(t, k)] as const,
      );
      for (const [k, v] of Object.entries(globals)) {
        Object.defineProperty(t, k, {
          value: v,
          writable: true,
          configurable: true,
          enumerable: false,
        });
      }
      let done = false;
      return () => {
        if (done) return;
        done = true;
        for (const [k, desc] of saved) {
          if (desc) Object.defineProperty(t, k, desc);
          else delete t[k];
        }
      };
    },
    get spreadsheet() {
      return spreadsheetFacade(ctx);
    },
    ui: ctx.ui,
    calls: {
      counts: () => ctx.counter.counts(),
      total: (prefix?: string) => ctx.counter.total(prefix),
      spreadsheetTotal: () =>
        Object.entries(ctx.counter.counts()).reduce(
          (sum, [k, v]) => sum + (SPREADSHEET_SERVICE.has(k.slice(0, k.indexOf("."))) ? v : 0),
          0,
        ),
      reset: () => ctx.counter.reset(),
    },
    logs: ctx.logs,
    snapshot: () => takeSnapshot(ctx),
    load(snapshot: WorkbookSnapshot) {
      const book = bookFromSnapshot(snapshot);
      // Objects handed out before the load point at the old workbook: make them fail loudly.
      for (const s of ctx.book.sheets) s.deleted = true;
      ctx.book = book;
      for (const seq of [ctx.sheetIds, ctx.chartIds, ctx.metadataIds, ctx.protectionIds])
        seq.reset();
    },
    setUserLocale(locale: string) {
      ctx.opts.userLocale = locale;
    },
    holdDocumentLock: () => holdDocumentLock(ctx),
    lockState: () => lockState(ctx),
    startExecution: () => startExecution(ctx),
    execution<T>(fn: (execution: Execution) => T): T {
      const execution = startExecution(ctx);
      try {
        return execution.run(() => fn(execution));
      } finally {
        execution.end();
      }
    },
    setDocumentLockUnavailable(unavailable: boolean) {
      ctx.documentLockUnavailable = unavailable;
    },
    setBigQueryRunner(runner: BigQueryRunner | undefined) {
      ctx.bigQuery = runner;
    },
    failNextFlush(error?: unknown) {
      ctx.flushFailure = {
        error:
          error ?? new Error("emulator: SpreadsheetApp.flush() failed (Emulator.failNextFlush)"),
      };
    },
    answerAlerts(button: AlertButton | undefined, promptText = "") {
      ctx.alertResponse = button;
      ctx.promptText = promptText;
    },
    setDateConstructor(ctor: DateConstructor) {
      ctx.DateCtor = ctor;
    },
    triggers: () =>
      ctx.script.triggers.map((t) => ({
        uid: t.uid,
        handler: t.handler,
        user: t.user,
        documentId: t.documentId,
        schedule: { ...t.schedule },
        timeZone: t.timeZone,
      })),
    triggerRuns: ctx.script.runs,
    setTriggerRunner(runner) {
      ctx.script.runner = runner;
    },
    now: () => ctx.opts.now(),
    setNow(date: Date) {
      const t = date.getTime();
      if (Number.isNaN(t)) throw new Error("emulator: setNow: invalid Date");
      ctx.script.simulatedNow = t;
    },
    advanceClock(by: number | "next-trigger") {
      const now = ctx.opts.now().getTime();
      if (by === "next-trigger") {
        const due = nextDue(ctx);
        if (!due) throw new Error("emulator: advanceClock: no trigger is installed");
        return advanceTo(ctx, due.at);
      }
      if (typeof by !== "number" || !Number.isFinite(by) || by < 0)
        throw new Error('emulator: advanceClock expects a duration in ms, or "next-trigger"');
      return advanceTo(ctx, now + by);
    },
    nextTriggerTime() {
      const due = nextDue(ctx);
      return due ? new Date(due.at) : null;
    },
    fireTrigger(uid: string) {
      const t = ctx.script.triggers.find((x) => x.uid === uid);
      if (!t) throw new Error(`emulator: fireTrigger: no trigger ${uid}`);
      runTrigger(ctx, t, ctx.opts.now().getTime());
    },
    outbox: ctx.script.outbox,
    setMailQuota(recipients: number, user?: string) {
      if (!Number.isInteger(recipients) || recipients < 0)
        throw new Error("emulator: setMailQuota expects a whole number of recipients");
      ctx.script.quota.set(user ?? ctx.opts.userEmail, recipients);
    },
    setAuthorizationRequired(required: boolean, user?: string) {
      const who = user ?? ctx.opts.userEmail;
      if (required) ctx.script.authRequired.add(who);
      else ctx.script.authRequired.delete(who);
    },
    setActiveUser(email: string) {
      switchUser(ctx, email);
    },
    get activeUser() {
      return ctx.opts.userEmail;
    },
  };
}
