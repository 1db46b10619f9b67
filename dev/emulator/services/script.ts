/**
 * ScriptApp: installable time-driven triggers on a simulated clock, and the authorization info a
 * trigger checks before it works. The add-on's limits are enforced as Apps Script enforces them
 * for an editor add-on: one trigger of each type per user per document, none more often than
 * hourly (https://developers.google.com/workspace/add-ons/concepts/editor-triggers, "Installable
 * trigger restrictions").
 */
import {
  AuthMode,
  AuthorizationStatus,
  EventType,
  enumName,
  TriggerSource,
  Weekday,
} from "../enums.ts";
import { type ClockSchedule, type Ctx, INTERNAL, instrument, type TriggerState } from "../state.ts";
import { wallClock } from "../tz.ts";
import { startExecution } from "./lock.ts";

type GTrigger = GoogleAppsScript.Script.Trigger;
type GClockBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;

/** What Apps Script says when an add-on creates a second time-based trigger for a user in a document. */
export const TOO_MANY_TRIGGERS =
  "This add-on has created too many time-based triggers in this document for this Google user account.";

function permissionError(call: string, scope: string): Error {
  return new Error(
    `You do not have permission to call ${call}. Required permissions: https://www.googleapis.com/auth/${scope}`,
  );
}

/** Throws as Apps Script does when the active user's grant lacks a scope the script asks for. */
export function requireGrant(ctx: Ctx, call: string, scope: string): void {
  if (ctx.script.authRequired.has(ctx.opts.userEmail)) throw permissionError(call, scope);
}

export class EmuScriptApp
  implements
    Pick<
      GoogleAppsScript.Script.ScriptApp,
      | "AuthMode"
      | "AuthorizationStatus"
      | "EventType"
      | "TriggerSource"
      | "WeekDay"
      | "deleteTrigger"
      | "getAuthorizationInfo"
      | "getProjectTriggers"
      | "getUserTriggers"
      | "newTrigger"
    >
{
  readonly [INTERNAL]: { ctx: Ctx };
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = Weekday;
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  deleteTrigger(trigger: GTrigger): void {
    const ctx = this[INTERNAL].ctx;
    requireGrant(ctx, "ScriptApp.deleteTrigger", "script.scriptapp");
    const uid = trigger.getUniqueId();
    const i = ctx.script.triggers.findIndex((t) => t.uid === uid && t.user === ctx.opts.userEmail);
    // Apps Script ignores a trigger that is already gone.
    if (i >= 0) ctx.script.triggers.splice(i, 1);
  }
  getAuthorizationInfo(
    authMode: GoogleAppsScript.Script.AuthMode,
  ): GoogleAppsScript.Script.AuthorizationInfo {
    const mode = enumName(authMode);
    return new EmuAuthorizationInfo(
      this[INTERNAL].ctx,
      mode,
    ) as unknown as GoogleAppsScript.Script.AuthorizationInfo;
  }
  getProjectTriggers(): GTrigger[] {
    const ctx = this[INTERNAL].ctx;
    requireGrant(ctx, "ScriptApp.getProjectTriggers", "script.scriptapp");
    return ctx.script.triggers
      .filter((t) => t.user === ctx.opts.userEmail)
      .map((t) => new EmuTrigger(ctx, t) as unknown as GTrigger);
  }
  getUserTriggers(
    document:
      | GoogleAppsScript.Spreadsheet.Spreadsheet
      | GoogleAppsScript.Document.Document
      | GoogleAppsScript.Forms.Form,
  ): GTrigger[] {
    const ctx = this[INTERNAL].ctx;
    requireGrant(ctx, "ScriptApp.getUserTriggers", "script.scriptapp");
    const id = document.getId();
    return ctx.script.triggers
      .filter((t) => t.user === ctx.opts.userEmail && t.documentId === id)
      .map((t) => new EmuTrigger(ctx, t) as unknown as GTrigger);
  }
  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    if (typeof functionName !== "string" || functionName === "")
      throw new Error("emulator: ScriptApp.newTrigger expects a function name");
    return new EmuTriggerBuilder(
      this[INTERNAL].ctx,
      functionName,
    ) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }
}
instrument(EmuScriptApp, "ScriptApp");

export class EmuAuthorizationInfo
  implements
    Pick<
      GoogleAppsScript.Script.AuthorizationInfo,
      "getAuthorizationStatus" | "getAuthorizationUrl"
    >
{
  readonly [INTERNAL]: { ctx: Ctx; required: boolean };
  constructor(ctx: Ctx, mode: string) {
    // Only FULL needs a grant; the other modes never ask the user for anything.
    this[INTERNAL] = {
      ctx,
      required: mode === "FULL" && ctx.script.authRequired.has(ctx.opts.userEmail),
    };
  }
  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    return this[INTERNAL].required
      ? AuthorizationStatus.REQUIRED
      : AuthorizationStatus.NOT_REQUIRED;
  }
  getAuthorizationUrl(): string {
    // Apps Script returns null when no authorization is needed.
    return this[INTERNAL].required
      ? "https://script.google.com/macros/d/emulator/authorize"
      : (null as unknown as string);
  }
}
instrument(EmuAuthorizationInfo, "AuthorizationInfo");

export class EmuTriggerBuilder
  implements Pick<GoogleAppsScript.Script.TriggerBuilder, "timeBased">
{
  readonly [INTERNAL]: { ctx: Ctx; handler: string };
  constructor(ctx: Ctx, handler: string) {
    this[INTERNAL] = { ctx, handler };
  }
  timeBased(): GClockBuilder {
    const { ctx, handler } = this[INTERNAL];
    return new EmuClockTriggerBuilder(ctx, handler) as unknown as GClockBuilder;
  }
}
instrument(EmuTriggerBuilder, "TriggerBuilder");

interface ClockDraft {
  weekday?: number;
  hour?: number;
  everyWeeks?: number;
  everyDays?: number;
  everyHours?: number;
  timeZone?: string;
}

function positiveInt(n: unknown, where: string): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1)
    throw new Error(`emulator: ${where} expects a positive integer`);
  return n;
}

export class EmuClockTriggerBuilder
  implements
    Pick<
      GClockBuilder,
      | "atHour"
      | "create"
      | "everyDays"
      | "everyHours"
      | "everyMinutes"
      | "everyWeeks"
      | "inTimezone"
      | "onWeekDay"
    >
{
  readonly [INTERNAL]: { ctx: Ctx; handler: string; draft: ClockDraft };
  constructor(ctx: Ctx, handler: string) {
    this[INTERNAL] = { ctx, handler, draft: {} };
  }
  atHour(hour: number): GClockBuilder {
    if (typeof hour !== "number" || !Number.isInteger(hour) || hour < 0 || hour > 23)
      throw new Error("emulator: ClockTriggerBuilder.atHour expects an hour from 0 to 23");
    this[INTERNAL].draft.hour = hour;
    return this.self();
  }
  everyDays(n: number): GClockBuilder {
    this[INTERNAL].draft.everyDays = positiveInt(n, "ClockTriggerBuilder.everyDays");
    return this.self();
  }
  everyHours(n: number): GClockBuilder {
    const hours = positiveInt(n, "ClockTriggerBuilder.everyHours");
    if (![1, 2, 4, 6, 8, 12].includes(hours))
      throw new Error("The value you passed to everyHours must be 1, 2, 4, 6, 8 or 12.");
    this[INTERNAL].draft.everyHours = hours;
    return this.self();
  }
  everyMinutes(n: number): GClockBuilder {
    void n;
    // Editor add-ons: "Time-driven triggers cannot run more frequently than once per hour."
    throw new Error(
      "emulator: an editor add-on's time-driven triggers may not run more often than once an hour (everyMinutes)",
    );
  }
  everyWeeks(n: number): GClockBuilder {
    if (positiveInt(n, "ClockTriggerBuilder.everyWeeks") !== 1)
      throw new Error("emulator: everyWeeks(n) is emulated for n = 1 only");
    this[INTERNAL].draft.everyWeeks = 1;
    return this.self();
  }
  inTimezone(timezone: string): GClockBuilder {
    try {
      wallClock(new Date(0), timezone);
    } catch {
      throw new Error(`Invalid argument: timezone (${timezone})`);
    }
    this[INTERNAL].draft.timeZone = timezone;
    return this.self();
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): GClockBuilder {
    const name = enumName(day);
    // The enum's own order: Sunday first, as Date.getDay() counts.
    const index = Object.keys(Weekday).indexOf(name);
    if (index < 0) throw new Error(`emulator: onWeekDay expects ScriptApp.WeekDay, got ${name}`);
    this[INTERNAL].draft.weekday = index;
    return this.self();
  }
  create(): GTrigger {
    const { ctx, handler, draft } = this[INTERNAL];
    requireGrant(ctx, "ClockTriggerBuilder.create", "script.scriptapp");
    let schedule: ClockSchedule;
    if (draft.weekday !== undefined) {
      schedule = { kind: "weekly", weekday: draft.weekday, hour: draft.hour ?? 0, everyWeeks: 1 };
    } else if (draft.everyDays !== undefined) {
      schedule = { kind: "daily", hour: draft.hour ?? 0, everyDays: draft.everyDays };
    } else if (draft.everyHours !== undefined) {
      schedule = { kind: "hourly", everyHours: draft.everyHours };
    } else {
      throw new Error(
        "emulator: a clock trigger needs onWeekDay, everyDays or everyHours before create()",
      );
    }
    const user = ctx.opts.userEmail;
    const documentId = ctx.book.id;
    if (ctx.script.triggers.some((t) => t.user === user && t.documentId === documentId)) {
      throw new Error(TOO_MANY_TRIGGERS);
    }
    const state: TriggerState = {
      uid: String(ctx.script.nextUid++),
      handler,
      user,
      documentId,
      schedule,
      timeZone: draft.timeZone ?? ctx.opts.scriptTimeZone,
      createdAt: ctx.opts.now().getTime(),
      lastSlot: undefined,
    };
    ctx.script.triggers.push(state);
    return new EmuTrigger(ctx, state) as unknown as GTrigger;
  }
  private self(): GClockBuilder {
    return this as unknown as GClockBuilder;
  }
}
instrument(EmuClockTriggerBuilder, "ClockTriggerBuilder");

export class EmuTrigger
  implements
    Pick<
      GTrigger,
      | "getEventType"
      | "getHandlerFunction"
      | "getTriggerSource"
      | "getTriggerSourceId"
      | "getUniqueId"
    >
{
  readonly [INTERNAL]: { ctx: Ctx; state: TriggerState };
  constructor(ctx: Ctx, state: TriggerState) {
    this[INTERNAL] = { ctx, state };
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return EventType.CLOCK;
  }
  getHandlerFunction(): string {
    return this[INTERNAL].state.handler;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return TriggerSource.CLOCK;
  }
  getTriggerSourceId(): string {
    // A clock trigger has no source document id.
    return null as unknown as string;
  }
  getUniqueId(): string {
    return this[INTERNAL].state.uid;
  }
}
instrument(EmuTrigger, "Trigger");

// ── the simulated clock ─────────────────────────────────────────────────────────────────────────

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The instant the wall clock of `timeZone` reads y-m-d h:00 (the later one in a DST fold). */
function zonedInstant(y: number, m: number, d: number, h: number, timeZone: string): number {
  const guess = Date.UTC(y, m - 1, d, h);
  const first = guess - wallClock(new Date(guess), timeZone).offsetMinutes * 60_000;
  return guess - wallClock(new Date(first), timeZone).offsetMinutes * 60_000;
}

/** Slot starts of `t`'s schedule from the day before `from` on, in order, for two weeks. */
function slotsFrom(t: TriggerState, from: number): number[] {
  const w = wallClock(new Date(from), t.timeZone);
  const out: number[] = [];
  for (let k = -1; k <= 15; k++) {
    const day = new Date(Date.UTC(w.year, w.month - 1, w.day + k));
    const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    const s = t.schedule;
    if (s.kind === "weekly") {
      if (day.getUTCDay() === s.weekday) out.push(zonedInstant(y, m, d, s.hour, t.timeZone));
    } else if (s.kind === "daily") {
      out.push(zonedInstant(y, m, d, s.hour, t.timeZone));
    } else {
      for (let h = 0; h < 24; h += s.everyHours) out.push(zonedInstant(y, m, d, h, t.timeZone));
    }
  }
  return out;
}

/** When `t` fires next after `after`: its next slot not yet fired, plus that slot's jitter. */
export function nextFiring(
  ctx: Ctx,
  t: TriggerState,
  after: number,
): { slot: number; at: number } | null {
  for (const slot of slotsFrom(t, after)) {
    if (t.lastSlot !== undefined && slot <= t.lastSlot) continue;
    const at = slot + ctx.script.jitterMs(t.uid, slot);
    if (at > after && at > t.createdAt) return { slot, at };
  }
  return null;
}

/** Within the hour, the same for one slot on every run, so tests are reproducible. */
export function defaultJitter(uid: string, slotStart: number): number {
  let h = 2166136261;
  for (const ch of `${uid}:${slotStart}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h % HOUR_MS;
}

/** The time-driven event object: its fields are in UTC, as Apps Script documents. */
function clockEvent(uid: string, at: number): Record<string, unknown> {
  const d = new Date(at);
  const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    authMode: AuthMode.FULL,
    "day-of-month": d.getUTCDate(),
    "day-of-week": d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    month: d.getUTCMonth() + 1,
    second: d.getUTCSeconds(),
    timezone: "UTC",
    triggerUid: uid,
    "week-of-year": Math.floor((at - jan1) / (7 * DAY_MS)) + 1,
    year: d.getUTCFullYear(),
  };
}

/** Makes `email` the active user: Session, user properties and the user cache follow. */
export function switchUser(ctx: Ctx, email: string): void {
  const current = ctx.opts.userEmail;
  if (current === email) return;
  ctx.script.otherUsers.set(current, {
    properties: ctx.book.properties.user,
    cache: ctx.cache.user,
  });
  const next = ctx.script.otherUsers.get(email);
  ctx.script.otherUsers.delete(email);
  ctx.book.properties.user = next?.properties ?? new Map();
  ctx.cache.user = next?.cache ?? new Map();
  ctx.opts.userEmail = email;
}

/**
 * Runs trigger `t` at `at`, as its own execution and as its owner, with the clock set to `at`.
 * What the handler throws is recorded, not rethrown: Apps Script logs it and mails the owner.
 */
export function runTrigger(ctx: Ctx, t: TriggerState, at: number): void {
  const runner = ctx.script.runner;
  if (!runner) throw new Error("emulator: a trigger fired but no trigger runner is set");
  ctx.script.simulatedNow = at;
  const previousUser = ctx.opts.userEmail;
  switchUser(ctx, t.user);
  const execution = startExecution(ctx);
  const run: { uid: string; handler: string; user: string; at: string; error?: string } = {
    uid: t.uid,
    handler: t.handler,
    user: t.user,
    at: new Date(at).toISOString(),
  };
  try {
    execution.run(() => runner(t.handler, clockEvent(t.uid, at)));
  } catch (error) {
    run.error =
      typeof (error as { message?: unknown })?.message === "string"
        ? (error as { message: string }).message
        : String(error);
  } finally {
    execution.end();
    switchUser(ctx, previousUser);
    ctx.script.runs.push(run);
  }
}

/**
 * The next firing of any trigger after now (or at now, with `includeNow`, for a slot due at the
 * very instant another fired), or null when none is installed.
 */
export function nextDue(
  ctx: Ctx,
  includeNow = false,
): { trigger: TriggerState; slot: number; at: number } | null {
  const now = ctx.opts.now().getTime() - (includeNow ? 1 : 0);
  let best: { trigger: TriggerState; slot: number; at: number } | null = null;
  for (const t of ctx.script.triggers) {
    const next = nextFiring(ctx, t, now);
    if (next && (best === null || next.at < best.at)) best = { trigger: t, ...next };
  }
  return best;
}

/** Moves the clock to `until`, firing every trigger slot that falls due on the way, in order. */
export function advanceTo(ctx: Ctx, until: number): number {
  let fired = 0;
  for (;;) {
    const due = nextDue(ctx, true);
    if (!due || due.at > until) break;
    due.trigger.lastSlot = due.slot;
    runTrigger(ctx, due.trigger, due.at);
    fired++;
  }
  ctx.script.simulatedNow = until;
  return fired;
}

export { HOUR_MS };
