/**
 * One playground workbook: the emulator, the real dist/Code.js loaded on it, and its state file.
 *
 * There is one workbook and many possible users: as in Sheets, the language is the user's, not
 * the document's, so every request sets the emulator's user locale before it calls the bundle
 * (Node runs one request at a time, so this cannot interleave). The spreadsheet's own locale,
 * which formats numbers and dates, belongs to the workbook; a new, untouched workbook takes it
 * from the first person who opens it, as a new Sheets file takes its creator's.
 */

import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import vm from "node:vm";
import { formatDayShort } from "../../src/contract/format.ts";
import { langOf } from "../../src/contract/i18n.ts";
import { civilDay } from "../../src/kpi/days.ts";
import { parseCsv, sheetNameFromFile } from "../../src/sheets/import/csv.ts";
import { csvErrorMessage } from "../../src/sheets/import/endpoints.ts";
import {
  type BigQueryRunner,
  createEmulator,
  type Emulator,
  formatJavaDate,
  type WorkbookSnapshot,
} from "../emulator/index.ts";
import { type LoadedBundle, loadBundle } from "../harness/bundle.ts";
import { mailAsPage } from "../harness/mail-view.ts";
import { currencyFormat, parseTypedInput, zonedDate } from "./cell-input.ts";
import type { SheetGrid } from "./edit-request.ts";
import {
  evaluateFormula,
  type FormulaResult,
  isFormulaError,
  isSparkline,
  placeResult,
} from "./formula.ts";
import { playgroundMessages } from "./messages.ts";
import { readStateFile, STATE_FORMAT, STATE_VERSION } from "./state-file.ts";
import { buildSheetView } from "./view.ts";
import type { MenuItemView, UiEvent, WorkbookView } from "./view-types.ts";
import { checkSavedWorkbook } from "./workbook-check.ts";

export interface SessionOptions {
  stateFile: string;
  /** dist/Code.js and dist/Sidebar.html, as built. */
  code: string;
  sidebarHtml: string;
  /** Zone of a new workbook. */
  timeZone: string;
  /**
   * Fill a brand-new workbook (no state file yet) with the add-on's own sample data, in the
   * language of whoever opens it first, so a first visit has something to try at once.
   */
  seedSampleData?: boolean;
  /**
   * A local stand-in for BigQuery: what answers Connected Sheets' queries (DuckDB on a generated
   * GA4 export, dev/bigquery), and the table it holds, shown on the page.
   */
  bigQuery?: { runner: BigQueryRunner; table: string; events: number };
}

type Menu = NonNullable<WorkbookView["menu"]>;

export interface ActionResult {
  ok: boolean;
  events: UiEvent[];
  error?: string;
}

/** "fr" → "fr_FR", "en" → "en_US": the spreadsheet locale a user of that language would get. */
export function spreadsheetLocaleFor(userLocale: string): string {
  const m = /^([a-z]{2,3})(?:[-_]([A-Za-z]{2}))?/i.exec(userLocale);
  if (!m) return "en_US";
  const lang = (m[1] as string).toLowerCase();
  if (m[2]) return `${lang}_${m[2].toUpperCase()}`;
  return lang === "fr" ? "fr_FR" : "en_US";
}

/** The functions the bundle marks as custom functions (its generated JSDoc says so). */
export function customFunctionNames(code: string): Set<string> {
  return new Set(
    [...code.matchAll(/@customfunction\s*\*\/\s*function ([A-Za-z_$][\w$]*)\s*\(/g)].map(
      (m) => m[1] as string,
    ),
  );
}

/** Apps Script methods that only read (or build something not yet inserted). */
const READ_METHOD =
  /^(get|is|has|can|find|as|with|create|new|build|require|format|parse|compute|log)(?![a-z])/;

export class PlaygroundSession {
  readonly stateFile: string;
  /** Bumped whenever the workbook changes; pages compare it to know when to redraw. */
  version = 1;
  private readonly opts: SessionOptions;
  private readonly customFunctions: Set<string>;
  private emulator!: Emulator;
  private bundle!: LoadedBundle;
  private pristine = true;
  /** Set when there was no state file at all and seeding was asked for; cleared once seeded. */
  private seedPending = false;
  private snap!: WorkbookSnapshot;
  private lastJson = "";
  private menus = new Map<string, { menu: Menu | null; error?: string }>();
  private seen = { sidebars: 0, dialogs: 0, alerts: 0, toasts: 0 };
  private readonly evaluating = new Set<string>();
  private displayCache: Map<string, FormulaResult> | undefined;
  /** Said once, to the terminal and to the first page that opens, in its language. */
  private notices: { file: string; message: string; backup: string }[] = [];

  constructor(opts: SessionOptions) {
    this.opts = opts;
    this.stateFile = opts.stateFile;
    this.customFunctions = customFunctionNames(opts.code);
    // Every cell checked, then a trial load: a file the emulator refuses is as unreadable as
    // broken JSON, and is kept aside rather than failing every start the same way.
    const loaded = readStateFile<WorkbookSnapshot>(opts.stateFile, checkSavedWorkbook);
    if (loaded.kind === "loaded") {
      this.boot(loaded.state.workbook);
      this.pristine = loaded.state.pristine;
    } else {
      this.boot(undefined);
      this.seedPending = loaded.kind === "missing" && opts.seedSampleData === true;
      if (loaded.kind === "corrupt") {
        this.notices.push({ file: opts.stateFile, message: loaded.message, backup: loaded.backup });
      }
    }
  }

  /** Messages for the terminal about how the session started (a corrupt state file). */
  get startupNotices(): readonly string[] {
    return this.notices.map((n) => playgroundMessages.t("en", "stateCorrupt", n));
  }

  private boot(snapshot: WorkbookSnapshot | undefined, locale = "en_US", userLocale = "en"): void {
    this.emulator = createEmulator({
      timeZone: snapshot?.timeZone ?? this.opts.timeZone,
      locale: snapshot?.locale ?? locale,
      userLocale,
      htmlFiles: { Sidebar: this.opts.sidebarHtml },
      spreadsheetName: playgroundMessages.t(langOf(userLocale), "docTitle"),
      evaluateFormula: (formula, at) => this.valueForScript(formula, at.sheet, at.row, at.column),
      ...(this.opts.bigQuery ? { bigQuery: this.opts.bigQuery.runner } : {}),
    });
    if (snapshot) this.emulator.load(snapshot);
    const emulator = this.emulator;
    // The script's clock is the emulator's: advancing it to a review, the review and whatever
    // the user does next all see the same "now".
    this.bundle = loadBundle(emulator.globals, this.opts.code, {
      now: () => emulator.now().getTime(),
    });
    emulator.setTriggerRunner((handler, event) => this.bundle.invoke(handler, [event]));
    this.emulator.setDateConstructor(
      vm.runInContext("Date", this.bundle.context) as DateConstructor,
    );
    this.menus.clear();
    this.seen = { sidebars: 0, dialogs: 0, alerts: 0, toasts: 0 };
    this.snap = this.emulator.snapshot();
    this.lastJson = JSON.stringify(this.snap);
    this.writesSeen = this.writeCalls();
  }

  // -------------------------------------------------------------------------------------------
  // Formulas

  /** What a script reading a formula cell gets: Sheets gives the error text, "" for a chart. */
  private valueForScript(formula: string, sheet: string, row: number, column: number): unknown {
    const result = this.evaluateCell(sheet, row, column, formula);
    if (isFormulaError(result)) return result.error;
    if (isSparkline(result)) return "";
    if (Array.isArray(result)) return (result[0] as unknown[] | undefined)?.[0] ?? "";
    return result;
  }

  private evaluateCell(sheet: string, row: number, column: number, formula: string): FormulaResult {
    const key = `${sheet}\u0000${row}\u0000${column}`;
    const cached = this.displayCache?.get(key);
    if (cached !== undefined) return cached;
    if (this.evaluating.has(key)) {
      return { error: "#REF!", message: "Circular dependency detected" };
    }
    this.evaluating.add(key);
    try {
      const computed = evaluateFormula(formula, {
        sheet,
        readRange: (ref) => this.readValues(ref.sheet, ref.r1 ?? 1, ref.c1 ?? 1, ref.r2, ref.c2),
        customFunction: (name) =>
          this.customFunctions.has(name)
            ? (...args: unknown[]) => this.bundle.invoke(name, args)
            : undefined,
      });
      const rows = this.snap.sheets.find((s) => s.name === sheet)?.rows ?? [];
      const result = placeResult(computed, row, column, (r, c) => {
        const cell = rows[r - 1]?.[c - 1];
        return (
          !!cell && (cell.formula !== undefined || (cell.value !== undefined && cell.value !== ""))
        );
      });
      this.displayCache?.set(key, result);
      return result;
    } finally {
      this.evaluating.delete(key);
    }
  }

  private readValues(
    sheetName: string,
    r1: number,
    c1: number,
    r2?: number,
    c2?: number,
  ): unknown[][] {
    const sheet = this.emulator.spreadsheet.getSheetByName(sheetName);
    if (!sheet) throw new Error(`Unresolved sheet name '${sheetName}'`);
    const lastRow = r2 ?? Math.max(sheet.getLastRow(), r1);
    const lastColumn = c2 ?? Math.max(sheet.getLastColumn(), c1);
    return sheet.getRange(r1, c1, lastRow - r1 + 1, lastColumn - c1 + 1).getValues();
  }

  // -------------------------------------------------------------------------------------------
  // Changes

  /**
   * Calls that may have changed something, counted by the emulator: anything but a read. A
   * sidebar makes many read-only calls (previews, lists), and those need no snapshot at all.
   */
  private writeCalls(): number {
    let n = 0;
    for (const [key, count] of Object.entries(this.emulator.calls.counts())) {
      const method = key.slice(key.indexOf(".") + 1);
      if (!READ_METHOD.test(method)) n += count;
    }
    return n;
  }

  private writesSeen = 0;

  /** Saves and bumps the version when the workbook changed; the reply carries a failed save. */
  private commit(events: UiEvent[], force = false): void {
    const writes = this.writeCalls();
    if (!force && writes === this.writesSeen) return;
    this.writesSeen = writes;
    const snap = this.emulator.snapshot();
    const json = JSON.stringify(snap);
    if (json === this.lastJson) return;
    this.snap = snap;
    this.lastJson = json;
    this.version++;
    this.pristine = false;
    try {
      this.save();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`playground: could not save ${this.stateFile}: ${message}`);
      events.push({ type: "error", functionName: "", message: `${this.stateFile}: ${message}` });
    }
  }

  private save(): void {
    // The workbook is already JSON: wrap it rather than serialise it twice.
    const head = JSON.stringify({
      format: STATE_FORMAT,
      version: STATE_VERSION,
      savedAt: new Date().toISOString(),
      pristine: this.pristine,
    });
    mkdirSync(dirname(this.stateFile), { recursive: true });
    const temp = `${this.stateFile}.${process.pid}.tmp`;
    writeFileSync(temp, `${head.slice(0, -1)},"workbook":${this.lastJson}}`);
    renameSync(temp, this.stateFile);
  }

  /** What the scripts showed since the last call: sidebars, dialogs, alerts, toasts. */
  private drainUi(): UiEvent[] {
    const ui = this.emulator.ui;
    const events: UiEvent[] = [];
    for (let i = this.seen.sidebars; i < ui.sidebars.length; i++) {
      const s = ui.sidebars[i];
      if (s) events.push({ type: "sidebar", id: i, title: s.title, width: s.width ?? 300 });
    }
    for (let i = this.seen.dialogs; i < ui.dialogs.length; i++) {
      const d = ui.dialogs[i];
      if (d)
        events.push({
          type: "dialog",
          id: i,
          title: d.title,
          width: d.width ?? 600,
          height: d.height ?? 400,
        });
    }
    for (let i = this.seen.alerts; i < ui.alerts.length; i++) {
      const a = ui.alerts[i];
      if (a) events.push({ type: "alert", title: a.title ?? "", prompt: a.prompt });
    }
    for (let i = this.seen.toasts; i < ui.toasts.length; i++) {
      const t = ui.toasts[i];
      if (t) events.push({ type: "toast", title: t.title ?? "", message: t.message });
    }
    this.seen = {
      sidebars: ui.sidebars.length,
      dialogs: ui.dialogs.length,
      alerts: ui.alerts.length,
      toasts: ui.toasts.length,
    };
    return events;
  }

  private menuFor(userLocale: string): { menu: Menu | null; error?: string } {
    const cached = this.menus.get(userLocale);
    if (cached) return cached;
    this.emulator.setUserLocale(userLocale);
    const before = this.emulator.ui.menus.length;
    let entry: { menu: Menu | null; error?: string };
    try {
      // Sheets runs onOpen each time the document opens; the menu it builds is the add-on's.
      this.bundle.invoke("onOpen", [{ authMode: "FULL" }]);
      const built = this.emulator.ui.menus.slice(before).at(-1);
      entry = built
        ? {
            menu: {
              title: built.title,
              items: built.items.map((item) =>
                "separator" in item
                  ? { separator: true as const }
                  : { label: item.label, functionName: item.functionName },
              ),
            },
          }
        : { menu: null, error: "onOpen built no menu" };
    } catch (error) {
      entry = { menu: null, error: error instanceof Error ? error.message : String(error) };
    }
    this.menus.set(userLocale, entry);
    // Whatever onOpen showed besides its menu is not news for the page.
    this.drainUi();
    return entry;
  }

  // -------------------------------------------------------------------------------------------
  // What the page asks

  /** A page opened (or reloaded): adopt its locale if the workbook is new, build its menu. */
  open(userLocale: string): UiEvent[] {
    const lang = langOf(userLocale);
    const events: UiEvent[] = this.notices.splice(0).map((n) => ({
      type: "notice" as const,
      message: playgroundMessages.t(lang, "stateCorrupt", n),
    }));
    if (this.pristine) {
      const locale = spreadsheetLocaleFor(userLocale);
      if (this.snap.locale !== locale || langOf(this.snap.locale) !== langOf(userLocale)) {
        this.boot(undefined, locale, userLocale);
        this.version++;
      }
    }
    this.menuFor(userLocale);
    if (this.seedPending && this.pristine) {
      this.seedPending = false;
      // Exactly what the menu item does, through the bundle, so the seed is the real sample data.
      events.push(...this.runMenu(userLocale, "insertSampleData").events);
    }
    return events;
  }

  view(userLocale: string, rows: number): WorkbookView {
    this.emulator.setUserLocale(userLocale);
    const snap = this.snap;
    const active = snap.sheets.find((s) => s.name === snap.activeSheet) ?? snap.sheets[0];
    if (!active) throw new Error("the workbook has no sheet");
    const lang = langOf(userLocale);
    const t = playgroundMessages;
    this.displayCache = new Map();
    let sheetView: WorkbookView["active"];
    try {
      sheetView = buildSheetView(
        active,
        rows,
        {
          timeZone: snap.timeZone,
          locale: snap.locale,
          evaluate: (sheet, row, column, formula) => this.evaluateCell(sheet, row, column, formula),
          readValues: (sheet, r1, c1, r2, c2) => this.readValues(sheet, r1, c1, r2, c2),
          text: {
            chartNoData: (range) => t.t(lang, "chartNoData", { range }),
            notComputed: (name) => t.t(lang, "notComputed", { name }),
          },
        },
        (name) => snap.sheets.find((s) => s.name === name),
      );
    } finally {
      this.displayCache = undefined;
    }
    const menu = this.menuFor(userLocale);
    const view: WorkbookView = {
      version: this.version,
      lang,
      userLocale,
      locale: snap.locale,
      timeZone: snap.timeZone,
      title: snap.name,
      sheets: snap.sheets
        .filter((s) => !s.hidden)
        .map((s) => ({ id: s.sheetId, name: s.name, tabColor: s.tabColor })),
      activeSheetId: active.sheetId,
      active: sheetView,
      menu: menu.menu,
      clock: this.clockView(lang),
      outbox: this.emulator.outbox
        .map((m, id) => ({
          id,
          subject: m.subject,
          to: m.to.join(", "),
          at: this.timeText(new Date(m.at), lang),
          size: m.size,
        }))
        .reverse(),
      bigQuery: this.opts.bigQuery
        ? { table: this.opts.bigQuery.table, events: this.opts.bigQuery.events }
        : null,
    };
    if (menu.error) view.menuError = menu.error;
    return view;
  }

  /** The bundle, with the calling user's locale in force (for the google.script.run relay). */
  bundleFor(userLocale: string): LoadedBundle {
    this.emulator.setUserLocale(userLocale);
    return this.bundle;
  }

  /** After a relayed call: what it showed, and the workbook saved if it changed. */
  afterRelay(): UiEvent[] {
    const events = this.drainUi();
    this.commit(events);
    return events;
  }

  runMenu(userLocale: string, functionName: string): ActionResult {
    const { menu } = this.menuFor(userLocale);
    const known = menu?.items.some(
      (i) => "functionName" in i && (i as MenuItemView).functionName === functionName,
    );
    if (!known)
      return { ok: false, events: [], error: `Not an item of the add-on menu: ${functionName}` };
    this.emulator.setUserLocale(userLocale);
    const events: UiEvent[] = [];
    let ok = true;
    try {
      this.bundle.invoke(functionName, []);
    } catch (error) {
      ok = false;
      const message = error instanceof Error ? error.message : String(error);
      events.push(...this.drainUi(), { type: "error", functionName, message });
    }
    events.unshift(...this.drainUi());
    this.commit(events);
    return { ok, events };
  }

  /** Each sheet's grid size as the workbook is now, hidden sheets too (they count in Sheets). */
  sheetGrids(): SheetGrid[] {
    return this.emulator.spreadsheet.getSheets().map((s) => ({
      sheetId: s.getSheetId(),
      maxRows: s.getMaxRows(),
      maxColumns: s.getMaxColumns(),
    }));
  }

  private sheetById(sheetId: number): GoogleAppsScript.Spreadsheet.Sheet | undefined {
    return this.emulator.spreadsheet.getSheets().find((s) => s.getSheetId() === sheetId);
  }

  edit(
    userLocale: string,
    sheetId: number,
    row: number,
    column: number,
    text: string,
  ): ActionResult {
    const sheet = this.sheetById(sheetId);
    if (!sheet || !(row >= 1) || !(column >= 1))
      return { ok: false, events: [], error: "No such cell" };
    this.emulator.setUserLocale(userLocale);
    const input = parseTypedInput(text, this.snap.locale, this.snap.timeZone);
    const events: UiEvent[] = [];
    try {
      if (row > sheet.getMaxRows())
        sheet.insertRowsAfter(sheet.getMaxRows(), row - sheet.getMaxRows());
      if (column > sheet.getMaxColumns()) {
        sheet.insertColumnsAfter(sheet.getMaxColumns(), column - sheet.getMaxColumns());
      }
      const range = sheet.getRange(row, column);
      if (input.kind === "clear") range.setValue("");
      else if (input.kind === "formula") range.setFormula(input.formula);
      else {
        range.setValue(input.value);
        const current = range.getNumberFormat();
        if (
          input.format &&
          (current === "0.###############" || current === "General" || current === "")
        ) {
          range.setNumberFormat(input.format);
        }
      }
    } catch (error) {
      return { ok: false, events, error: error instanceof Error ? error.message : String(error) };
    }
    this.commit(events);
    return { ok: true, events };
  }

  activate(sheetId: number): ActionResult {
    const sheet = this.sheetById(sheetId);
    if (!sheet) return { ok: false, events: [], error: "No such sheet" };
    sheet.activate();
    const events: UiEvent[] = [];
    this.commit(events);
    return { ok: true, events };
  }

  reset(userLocale: string): ActionResult {
    this.boot(undefined, spreadsheetLocaleFor(userLocale), userLocale);
    this.pristine = true;
    this.version++;
    const events: UiEvent[] = [];
    try {
      this.save();
    } catch (error) {
      events.push({ type: "error", functionName: "", message: String(error) });
    }
    events.push({ type: "notice", message: playgroundMessages.t(langOf(userLocale), "resetDone") });
    return { ok: true, events };
  }

  /** Imports a CSV as a new tab at the end, or changes nothing and says why. */
  importCsv(userLocale: string, fileName: string, bytes: Uint8Array): ActionResult {
    const lang = langOf(userLocale);
    const t = (
      k: Parameters<typeof playgroundMessages.t>[1],
      p?: Record<string, string | number>,
    ) => playgroundMessages.t(lang, k, p);
    const parsed = parseCsv(bytes);
    if (!parsed.ok) return { ok: false, events: [], error: csvErrorMessage(parsed.error, lang) };
    const csv = parsed.csv;
    const { timeZone } = this.snap;
    const ss = this.emulator.spreadsheet;
    const name = sheetNameFromFile(
      fileName,
      ss.getSheets().map((s) => s.getName()),
    );
    // As Sheets' File ▸ Import writes a file: its title and comment lines above the table and its
    // total rows below it stay, for the add-on to read past them.
    const width = Math.max(csv.columns, ...csv.preamble.map((line) => line.length));
    const above = csv.preamble.length;
    const values = [...csv.preamble, ...csv.rows, ...csv.footers].map((row) =>
      Array.from({ length: width }, (_, c) => {
        const cell = row[c] ?? null;
        if (cell === null) return "";
        if (typeof cell === "number") return cell;
        if (typeof cell === "string") return /^[=']/.test(cell) ? `'${cell}` : cell;
        return zonedDate(cell, timeZone);
      }),
    );
    const snapshotBefore = this.emulator.snapshot();
    try {
      const sheet = ss.insertSheet(name, ss.getSheets().length);
      const rows = values.length;
      if (rows > sheet.getMaxRows())
        sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
      if (width > sheet.getMaxColumns()) {
        sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
      }
      sheet.getRange(1, 1, rows, width).setValues(values);
      csv.kinds.forEach((kind, c) => {
        const format =
          kind === "date"
            ? "yyyy-mm-dd"
            : kind === "datetime"
              ? "yyyy-mm-dd hh:mm:ss"
              : kind === "percent"
                ? "0.00%"
                : kind === "currency"
                  ? currencyFormat(csv.currencies[c] ?? "$")
                  : undefined;
        if (format && rows > above + 1) {
          sheet.getRange(above + 2, c + 1, rows - above - 1, 1).setNumberFormat(format);
        }
      });
      sheet.getRange(above + 1, 1, 1, csv.columns).setFontWeight("bold");
      if (above === 0) sheet.setFrozenRows(1);
      sheet.activate();
    } catch (error) {
      // Leave the workbook exactly as it was.
      this.emulator.load(snapshotBefore);
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, events: [], error: t("csvUnreadable", { message }) };
    }
    const notes = [
      t("importDone", {
        file: fileName,
        sheet: name,
        rows: csv.rows.length - 1,
        columns: csv.columns,
      }),
    ];
    if (above > 0) notes.push(t("importPreamble", { line: csv.headerLine }));
    if (csv.footers.length > 0) notes.push(t("importFooters", { n: csv.footers.length }));
    if (csv.dateOrder) notes.push(t("importDateOrder", { order: t(csv.dateOrder) }));
    if (csv.encoding !== "utf-8") notes.push(t("importEncoding", { encoding: csv.encoding }));
    const events: UiEvent[] = [{ type: "notice", message: notes.join(" ") }];
    this.commit(events);
    return { ok: true, events };
  }

  private timeText(date: Date, lang: "en" | "fr"): string {
    const zone = this.snap.timeZone;
    return `${formatDayShort(civilDay(date, zone), lang)} ${formatJavaDate(date, zone, "HH:mm")}`;
  }

  private clockView(lang: "en" | "fr"): WorkbookView["clock"] {
    const next = this.emulator.nextTriggerTime();
    return {
      now: this.timeText(this.emulator.now(), lang),
      next: next ? this.timeText(next, lang) : null,
    };
  }

  /**
   * Moves the simulated clock to the next firing of a trigger, which runs there as it would in
   * Apps Script (its own execution, as its owner); what it wrote is saved like any change.
   */
  advanceClock(userLocale: string): ActionResult {
    const lang = langOf(userLocale);
    if (this.emulator.nextTriggerTime() === null) {
      return { ok: false, events: [], error: playgroundMessages.t(lang, "clockNoTrigger") };
    }
    const before = this.emulator.triggerRuns.length;
    this.emulator.advanceClock("next-trigger");
    const events: UiEvent[] = [];
    for (const run of this.emulator.triggerRuns.slice(before)) {
      if (run.error) events.push({ type: "error", functionName: run.handler, message: run.error });
    }
    // A trigger may show nothing; what it showed anyway would be a bug for the page to see.
    events.unshift(...this.drainUi());
    this.commit(events);
    this.version++;
    return { ok: true, events };
  }

  /** A sent message as its recipient's mail client would show it. */
  mailHtml(id: number): string | undefined {
    const mail = this.emulator.outbox[id];
    return mail ? mailAsPage(mail) : undefined;
  }

  frameHtml(kind: "sidebar" | "dialog", id: number): string | undefined {
    const list = kind === "sidebar" ? this.emulator.ui.sidebars : this.emulator.ui.dialogs;
    return list[id]?.html;
  }
}
