/** Wall-clock time of an instant in an IANA time zone, through Intl (no table of our own). */

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** Minutes east of UTC at that instant (Paris in winter: 60). */
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw new Error(
        `emulator: unknown time zone "${timeZone}" (use an IANA name such as Europe/Paris)`,
      );
    }
    formatters.set(timeZone, f);
  }
  return f;
}

export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

export function wallClock(date: Date, timeZone: string): WallClock {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new Error("emulator: invalid Date");
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(date)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const millisecond = ((t % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
    millisecond,
  );
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
    millisecond,
    weekday: new Date(Date.UTC(parts.year!, parts.month! - 1, parts.day!)).getUTCDay(),
    offsetMinutes: Math.round((asUtc - t) / 60000),
  };
}

/** The wall clock of a UTC-based timestamp, read without any zone (for spreadsheet serials). */
export function utcWallClock(ms: number): WallClock {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    offsetMinutes: 0,
  };
}

/** Sheets' day 0: 30 December 1899. */
export const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
export const DAY_MS = 86_400_000;

/** A Date as the serial number Sheets stores for it in a spreadsheet of the given zone. */
export function dateToSerial(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  const ms = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return (ms - SERIAL_EPOCH_MS) / DAY_MS;
}

/** Short zone name as Java prints it for "z" ("CET", "CEST", "EST", "UTC", else "GMT+01:00"). */
export function shortZoneName(date: Date, timeZone: string, offsetMinutes: number): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  if (timeZone === "GMT" || timeZone === "Etc/GMT") return "GMT";
  for (const locale of ["en-US", "en-GB"]) {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" })
      .formatToParts(date)
      .find((p) => p.type === "timeZoneName")?.value;
    if (name && !/^(GMT|UTC)[+-]/.test(name)) return name;
  }
  return `GMT${offsetText(offsetMinutes, ":")}`;
}

export function longZoneName(date: Date, timeZone: string): string {
  return (
    new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "long" })
      .formatToParts(date)
      .find((p) => p.type === "timeZoneName")?.value ?? timeZone
  );
}

/** "+0100" / "+01:00" style offset. */
export function offsetText(offsetMinutes: number, separator: "" | ":"): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${sign}${hh}${separator}${mm}`;
}
