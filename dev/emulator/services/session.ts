/** Session, Utilities, Logger and the Charts enums. */
import {
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  CurveStyle,
  Position,
} from "../enums.ts";
import { formatJavaDate } from "../format-date.ts";
import { type Ctx, INTERNAL, instrument } from "../state.ts";
import { isDate } from "../values.ts";
import { blobBytes, EmuBlob } from "./mail.ts";

// ── Session ─────────────────────────────────────────────────────────────────────────────────────

export class EmuSession
  implements
    Pick<
      GoogleAppsScript.Base.Session,
      | "getActiveUser"
      | "getActiveUserLocale"
      | "getEffectiveUser"
      | "getScriptTimeZone"
      | "getTemporaryActiveUserKey"
    >
{
  readonly [INTERNAL]: { ctx: Ctx };
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  getActiveUser(): GoogleAppsScript.Base.User {
    return new EmuUser(
      this[INTERNAL].ctx,
      this[INTERNAL].ctx.opts.userEmail,
    ) as unknown as GoogleAppsScript.Base.User;
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return new EmuUser(
      this[INTERNAL].ctx,
      this[INTERNAL].ctx.opts.userEmail,
    ) as unknown as GoogleAppsScript.Base.User;
  }
  getActiveUserLocale(): string {
    return this[INTERNAL].ctx.opts.userLocale;
  }
  getScriptTimeZone(): string {
    return this[INTERNAL].ctx.opts.scriptTimeZone;
  }
  getTemporaryActiveUserKey(): string {
    return "emulator-temporary-user-key";
  }
}
instrument(EmuSession, "Session");

export class EmuUser implements Pick<GoogleAppsScript.Base.User, "getEmail"> {
  readonly [INTERNAL]: { ctx: Ctx; email: string };
  constructor(ctx: Ctx, email: string) {
    this[INTERNAL] = { ctx, email };
  }
  getEmail(): string {
    return this[INTERNAL].email;
  }
}
instrument(EmuUser, "User");

// ── Utilities and Logger ────────────────────────────────────────────────────────────────────────

export class EmuUtilities
  implements
    Pick<
      GoogleAppsScript.Utilities.Utilities,
      "formatDate" | "formatString" | "getUuid" | "newBlob" | "sleep"
    >
{
  readonly [INTERNAL]: { ctx: Ctx };
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    return formatJavaDate(date, timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    return sprintf(template, args);
  }
  getUuid(): string {
    return globalThis.crypto.randomUUID();
  }
  newBlob(data: unknown, contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
    return new EmuBlob(
      this[INTERNAL].ctx,
      blobBytes(data),
      contentType ?? null,
      name ?? null,
    ) as unknown as GoogleAppsScript.Base.Blob;
  }
  /** Time does not pass in the emulator; a sleep is accepted and returns at once. */
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== "number" || milliseconds < 0)
      throw new Error("emulator: Utilities.sleep expects milliseconds");
    if (milliseconds > 300_000) throw new Error("emulator: Utilities.sleep over 300000 ms");
  }
}
instrument(EmuUtilities, "Utilities");

/** The subset of printf Apps Script's Utilities.formatString and Logger.log(format, …) accept. */
export function sprintf(template: string, args: unknown[]): string {
  let i = 0;
  return String(template).replace(
    /%(-?\d*)(?:\.(\d+))?([sdif%])/g,
    (m, width: string, precision: string | undefined, conv: string) => {
      if (conv === "%") return "%";
      if (i >= args.length) return m;
      const a = args[i++];
      let out: string;
      if (conv === "s")
        out = isDate(a)
          ? a.toString()
          : typeof a === "object" && a !== null
            ? JSON.stringify(a)
            : String(a);
      else if (conv === "d" || conv === "i") out = String(Math.trunc(Number(a)));
      else out = precision === undefined ? String(Number(a)) : Number(a).toFixed(Number(precision));
      const w = Number(width || 0);
      return w < 0 ? out.padEnd(-w) : out.padStart(w);
    },
  );
}

export class EmuLogger implements Pick<GoogleAppsScript.Base.Logger, "clear" | "getLog" | "log"> {
  readonly [INTERNAL]: { ctx: Ctx };
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  clear(): void {
    this[INTERNAL].ctx.logs.length = 0;
  }
  getLog(): string {
    return this[INTERNAL].ctx.logs.map((l) => `${l}\n`).join("");
  }
  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    const line =
      values.length > 0 && typeof data === "string"
        ? sprintf(data, values)
        : typeof data === "object" && data !== null && !isDate(data)
          ? JSON.stringify(data)
          : String(data);
    this[INTERNAL].ctx.logs.push(line);
    return this as unknown as GoogleAppsScript.Base.Logger;
  }
}
instrument(EmuLogger, "Logger");

// ── Charts (the enums a Sheets chart builder takes) ─────────────────────────────────────────────

export class EmuCharts
  implements
    Pick<
      GoogleAppsScript.Charts.Charts,
      | "ChartHiddenDimensionStrategy"
      | "ChartMergeStrategy"
      | "ChartType"
      | "CurveStyle"
      | "Position"
    >
{
  readonly [INTERNAL]: { ctx: Ctx };
  readonly ChartHiddenDimensionStrategy = ChartHiddenDimensionStrategy;
  readonly ChartMergeStrategy = ChartMergeStrategy;
  readonly ChartType = ChartType;
  readonly CurveStyle = CurveStyle;
  readonly Position = Position;
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
}
instrument(EmuCharts, "Charts");
