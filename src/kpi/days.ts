/**
 * Calendar days in a spreadsheet's time zone, as integers (days since 1970-01-01).
 *
 * Sheets hands dates over as instants; the day a user sees depends on the *spreadsheet's* zone,
 * not the machine's or the script's. Asking Intl for every cell would cost microseconds each, so
 * a zone's UTC offset is looked up once per UTC day and cached: within a UTC day the offset is
 * constant, except on the rare days holding a transition, whose instant is found once by bisection.
 */

export const DAY_MS = 86_400_000;

/** Offsets of one UTC day: `before` until the instant `at` (Infinity when there is none), then `after`. */
interface DayOffsets {
  readonly before: number;
  readonly after: number;
  readonly at: number;
}

interface Zone {
  readonly fmt: Intl.DateTimeFormat | null;
  readonly days: Map<number, DayOffsets>;
  lastUtcDay: number;
  lastOffsets: DayOffsets;
}

const FIXED_ZERO: DayOffsets = { before: 0, after: 0, at: Number.POSITIVE_INFINITY };
const zones = new Map<string, Zone>();

function zoneOf(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (!zone) {
    const utc = /^(?:utc|gmt|etc\/utc|etc\/gmt|z|zulu|etc\/zulu|universal|etc\/universal)$/i.test(
      timeZone,
    );
    zone = {
      fmt: utc
        ? null
        : new Intl.DateTimeFormat("en-US", {
            timeZone,
            hourCycle: "h23",
            era: "short",
            year: "numeric",
            month: "numeric",
            day: "numeric",
            hour: "numeric",
            minute: "numeric",
            second: "numeric",
          }),
      days: new Map(),
      lastUtcDay: Number.NaN,
      lastOffsets: FIXED_ZERO,
    };
    zones.set(timeZone, zone);
  }
  return zone;
}

/** The zone's offset (local wall clock minus UTC, in ms) at instant `ms`, a whole second; via Intl. */
function intlOffset(fmt: Intl.DateTimeFormat, ms: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of fmt.formatToParts(ms)) {
    switch (part.type) {
      case "year":
        year = Number(part.value);
        break;
      case "month":
        month = Number(part.value);
        break;
      case "day":
        day = Number(part.value);
        break;
      case "hour":
        hour = Number(part.value);
        break;
      case "minute":
        minute = Number(part.value);
        break;
      case "second":
        second = Number(part.value);
        break;
      case "era":
        bc = /^b/i.test(part.value);
        break;
    }
  }
  const wall = new Date(0);
  wall.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  return wall.getTime() - ms;
}

const INVALID: DayOffsets = { before: Number.NaN, after: Number.NaN, at: Number.POSITIVE_INFINITY };

function offsetsOfUtcDay(zone: Zone, utcDay: number): DayOffsets {
  if (utcDay === zone.lastUtcDay) return zone.lastOffsets;
  if (!Number.isFinite(utcDay)) return INVALID;
  let offsets = zone.days.get(utcDay);
  if (!offsets) {
    const fmt = zone.fmt;
    if (!fmt) {
      offsets = FIXED_ZERO;
    } else {
      const start = utcDay * DAY_MS;
      const lastSecond = start + DAY_MS - 1000;
      const before = intlOffset(fmt, start);
      const after = intlOffset(fmt, lastSecond);
      let at = Number.POSITIVE_INFINITY;
      if (before !== after) {
        // Bisect on whole seconds for the first instant with the new offset.
        let lo = start;
        let hi = lastSecond;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (intlOffset(fmt, mid) === after) hi = mid;
          else lo = mid;
        }
        at = hi;
      }
      offsets = { before, after, at };
    }
    zone.days.set(utcDay, offsets);
  }
  zone.lastUtcDay = utcDay;
  zone.lastOffsets = offsets;
  return offsets;
}

/** The zone's offset from UTC in ms at instant `ms` (positive east of Greenwich). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const zone = zoneOf(timeZone);
  const o = offsetsOfUtcDay(zone, Math.floor(ms / DAY_MS));
  return ms >= o.at ? o.after : o.before;
}

/** The instant `ms` as a wall-clock time in the zone, expressed as ms of a UTC timeline. */
export function wallClockMs(ms: number, timeZone: string): number {
  return ms + zoneOffsetMs(ms, timeZone);
}

/**
 * Integer days since 1970-01-01 of the calendar day that instant `d` falls on in `timeZone`.
 * NaN for an invalid Date.
 */
export function civilDay(d: Date, timeZone: string): number {
  const ms = d.getTime();
  const zone = zoneOf(timeZone);
  const o = offsetsOfUtcDay(zone, Math.floor(ms / DAY_MS));
  return Math.floor((ms + (ms >= o.at ? o.after : o.before)) / DAY_MS);
}

/**
 * civilDay for one zone, as a function of an instant in ms: the zone is looked up once, which
 * matters in loops over 100,000 cells.
 */
export function civilDayIn(timeZone: string): (ms: number) => number {
  const zone = zoneOf(timeZone);
  return (ms) => {
    const o = offsetsOfUtcDay(zone, Math.floor(ms / DAY_MS));
    return Math.floor((ms + (ms >= o.at ? o.after : o.before)) / DAY_MS);
  };
}

/**
 * The instant at which calendar day `day` begins in `timeZone`: its midnight, or, where a DST
 * change skips midnight, the first instant of the day.
 */
export function dayToDate(day: number, timeZone: string): Date {
  const base = day * DAY_MS;
  let best = Number.POSITIVE_INFINITY;
  // Any offset in effect around that midnight is one of those found ±2 days away.
  const offsets = new Set<number>();
  for (let k = -2; k <= 2; k++) {
    const o = offsetsOfUtcDay(zoneOf(timeZone), Math.floor(base / DAY_MS) + k);
    offsets.add(o.before);
    offsets.add(o.after);
  }
  for (const o of offsets) {
    const t = base - o;
    if (wallClockMs(t, timeZone) === base && t < best) best = t;
  }
  if (best === Number.POSITIVE_INFINITY) {
    // Midnight falls in a gap: the day starts at the transition, the first instant on that day.
    let lo = base - 2 * DAY_MS;
    let hi = base + 2 * DAY_MS;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (wallClockMs(mid, timeZone) >= base) hi = mid;
      else lo = mid;
    }
    best = hi;
  }
  return new Date(best);
}

/** "YYYY-MM-DD" of a day number. */
export function isoDay(day: number): string {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const year =
    y >= 0 && y <= 9999
      ? String(y).padStart(4, "0")
      : (y < 0 ? "-" : "+") + String(Math.abs(y)).padStart(6, "0");
  return `${year}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

/** The day number of an exact "YYYY-MM-DD" date, or undefined if `s` is not one. */
export function tryParseIsoDay(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The day number of year/month/day (month 1–12), or undefined when that date does not exist. */
export function dayFromParts(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return Math.round(d.getTime() / DAY_MS);
}

/** The day number of "YYYY-MM-DD"; throws on anything else, including dates that do not exist. */
export function parseIsoDay(s: string): number {
  const day = tryParseIsoDay(s);
  if (day === undefined) throw new Error(`${JSON.stringify(s)} is not a date written YYYY-MM-DD`);
  return day;
}

/** Today's calendar day in the zone. */
export function todayDay(timeZone: string, now: Date = new Date()): number {
  return civilDay(now, timeZone);
}

/** Year, month (1–12) and day of month of a day number. */
export function dayParts(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
