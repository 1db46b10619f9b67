/**
 * Reading one cell as a number, a duration, a calendar day or a visitor id (rule 3 of issue 3),
 * and the errors that name the function, the argument, the cell and the offending value.
 *
 * The aggregation loops test `typeof v === "number"` themselves and only call in here for other
 * values, so the cost of the text rules below is paid only by cells that hold text.
 */
import { type Lang, langOf } from "../contract/i18n.ts";
import { civilDay, DAY_MS, dayFromParts, isoDay, tryParseIsoDay, wallClockMs } from "./days.ts";
import { KPI_MESSAGES, type KpiMessageKey } from "./messages.ts";
import type { EngineContext } from "./types.ts";

/** Where a cell comes from, for error messages. */
export interface CellSource {
  /** The custom function's name, or what the dashboard/wizard computes ("where"). */
  readonly fn: string;
  /** The argument's name, or the column's header. */
  readonly arg: string;
  readonly ctx: EngineContext;
  /**
   * Set when cells are the rows of one column of a sheet: positions are then reported as
   * "row firstRow + index". Otherwise as "cell index + 1" of the range, in reading order.
   */
  readonly firstRow?: number;
  /**
   * The sheet row of each index, when the rows are a selection of a tab's rows (total rows and
   * other rows left out): errors then name the row the user sees. Takes precedence over firstRow.
   */
  readonly rowNumbers?: readonly number[];
}

/** Days from Sheets' day zero, 1899-12-30, to 1970-01-01. */
export const SHEETS_EPOCH_DAYS = 25_569;
/** Date serials of 1 January 0001 and 1 January 10000: the days a date cell can hold. */
const MIN_SERIAL = -693_593;
const MAX_SERIAL = 2_958_466;
const SHEETS_EPOCH_MS = -SHEETS_EPOCH_DAYS * DAY_MS;

/** The engine's language for messages; reads the (possibly lazy) locale only when called. */
export function langOfCtx(ctx: EngineContext): Lang {
  try {
    return langOf(ctx.locale);
  } catch {
    return "en";
  }
}

/** An Error whose message comes from the engine's catalogue, in the spreadsheet's language. */
export function kpiError(
  ctx: EngineContext,
  key: KpiMessageKey,
  params: Readonly<Record<string, string | number>> = {},
): Error {
  return new Error(KPI_MESSAGES.t(langOfCtx(ctx), key, params));
}

/** A value as the error messages show it: text quoted, booleans as Sheets spells them. */
export function describeValue(v: unknown, lang: Lang, timeZone?: () => string): string {
  if (typeof v === "string") {
    const text = v.length > 60 ? `${v.slice(0, 57)}…` : v;
    return KPI_MESSAGES.t(lang, "quoted", { text });
  }
  if (typeof v === "boolean") return KPI_MESSAGES.t(lang, v ? "trueValue" : "falseValue");
  if (isDateValue(v)) {
    if (Number.isNaN(v.getTime())) return KPI_MESSAGES.t(lang, "quoted", { text: "Invalid Date" });
    let day: number;
    try {
      day = civilDay(v, timeZone ? timeZone() : "UTC");
    } catch {
      day = Math.floor(v.getTime() / DAY_MS);
    }
    return KPI_MESSAGES.t(lang, "dateValue", { date: isoDay(day) });
  }
  if (typeof v === "number") return formatNumber(v);
  if (v === null || v === undefined) return KPI_MESSAGES.t(lang, "quoted", { text: "" });
  return KPI_MESSAGES.t(lang, "quoted", { text: String(v) });
}

/** A number for a message: plain, at most 10 significant digits, no exponent for usual sizes. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  return String(Number(x.toPrecision(10)));
}

function position(src: CellSource, index: number): (lang: Lang) => string {
  return (lang) => {
    const row = src.rowNumbers?.[index];
    if (row !== undefined) return KPI_MESSAGES.t(lang, "row", { n: row });
    return src.firstRow !== undefined
      ? KPI_MESSAGES.t(lang, "row", { n: src.firstRow + index })
      : KPI_MESSAGES.t(lang, "cell", { n: index + 1 });
  };
}

/** The error for the cell at 0-based `index` of `src`. */
export function cellError(
  key: "notNumber" | "notDuration" | "notDate" | "negative",
  src: CellSource,
  index: number,
  value: unknown,
): Error {
  const lang = langOfCtx(src.ctx);
  return new Error(
    KPI_MESSAGES.t(lang, key, {
      fn: src.fn,
      arg: src.arg,
      pos: position(src, index)(lang),
      value: describeValue(value, lang, () => src.ctx.timeZone),
    }),
  );
}

/** "cell 3" or "row 12" for `index` of `src`, in the spreadsheet's language. */
export function positionText(src: CellSource, index: number): string {
  return position(src, index)(langOfCtx(src.ctx));
}

// ---------------------------------------------------------------------------------------------
// Numbers written as text

const decimalCommaCache = new Map<string, boolean>();

/**
 * Whether the locale writes decimals with a comma, which decides text such as "1,234".
 * Sheets spells locales "fr_FR"; Intl wants "fr-FR". An unknown locale falls back to its language.
 */
export function usesDecimalComma(locale: string): boolean {
  let result = decimalCommaCache.get(locale);
  if (result === undefined) {
    result = langOf(locale) === "fr";
    const tag = locale.replace(/_/g, "-");
    try {
      if (tag !== "" && Intl.NumberFormat.supportedLocalesOf([tag]).length > 0) {
        const decimal = new Intl.NumberFormat(tag)
          .formatToParts(1.5)
          .find((p) => p.type === "decimal")?.value;
        if (decimal !== undefined) result = decimal === ",";
      }
    } catch {
      // A malformed locale tag: keep the language's convention.
    }
    decimalCommaCache.set(locale, result);
  }
  return result;
}

const dotGroupCache = new Map<string, boolean>();

/** Whether the locale groups thousands with a dot (de_DE, nl_BE, it_IT…): "1.234" is then 1234. */
export function groupsWithDot(locale: string): boolean {
  let result = dotGroupCache.get(locale);
  if (result === undefined) {
    result = false;
    const tag = locale.replace(/_/g, "-");
    try {
      if (tag !== "" && Intl.NumberFormat.supportedLocalesOf([tag]).length > 0) {
        const group = new Intl.NumberFormat(tag, { useGrouping: true })
          .formatToParts(1234567)
          .find((p) => p.type === "group")?.value;
        result = group === ".";
      }
    } catch {
      // A malformed locale tag: no dot grouping.
    }
    dotGroupCache.set(locale, result);
  }
  return result;
}

const SPACES = /[ \u00a0\u202f]/;
const SPACE_GROUPED = /^[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;
const COMMA_GROUPED_DOT = /^[1-9]\d{0,2}(?:,\d{3})+\.\d+$/;
const COMMA_GROUPED = /^[1-9]\d{0,2}(?:,\d{3})+$/;
const ONE_COMMA = /^\d*,\d+$/;
const AMBIGUOUS_COMMA = /^[1-9]\d{0,2},\d{3}$/;
const ONE_DOT = /^\d*\.\d+$/;
const AMBIGUOUS_DOT = /^[1-9]\d{0,2}\.\d{3}$/;
// Belgian, German, Italian or Spanish grouping: "1.234,5" or "1.234.567" cannot be read otherwise.
const DOT_GROUPED_COMMA = /^[1-9]\d{0,2}(?:\.\d{3})+,\d+$/;
const DOTS_GROUPED = /^[1-9]\d{0,2}(?:\.\d{3}){2,}$/;
const DIGITS = /^\d+$/;
const EXPONENT = /^\d+(?:\.\d+)?[eE][+-]?\d+$/;

/**
 * The number written in `text` the common English, French or German way, or undefined.
 * `locale` is read (through the callback) only for the ambiguous shapes "1,234" and "1.234".
 */
export function parseNumberText(text: string, locale: string | (() => string)): number | undefined {
  let s = text.trim();
  if (s === "") return undefined;
  let negative = false;
  let signs = 0;
  let currency = 0;
  let percent = false;
  // Prefix: a sign and a currency sign, in either order, spaces allowed between.
  for (;;) {
    const c = s.charAt(0);
    if (c === "-" || c === "\u2212" || c === "+") {
      signs++;
      negative = c !== "+";
    } else if (c === "€" || c === "$" || c === "£") currency++;
    else if (!(SPACES.test(c) && s.length > 1)) break;
    s = s.slice(1);
  }
  // Suffix: a percent sign or a currency sign.
  for (;;) {
    const c = s.charAt(s.length - 1);
    if (c === "%") {
      if (percent) return undefined;
      percent = true;
    } else if (c === "€" || c === "$" || c === "£") currency++;
    else if (!(SPACES.test(c) && s.length > 1)) break;
    s = s.slice(0, -1);
  }
  if (signs > 1 || currency > 1 || (percent && currency > 0) || s === "") return undefined;

  let body: string;
  if (AMBIGUOUS_DOT.test(s)) {
    const loc = typeof locale === "function" ? locale() : locale;
    body = groupsWithDot(loc) ? s.replace(".", "") : s;
  } else if (DIGITS.test(s) || EXPONENT.test(s) || ONE_DOT.test(s)) body = s;
  else if (SPACES.test(s)) {
    if (!SPACE_GROUPED.test(s)) return undefined;
    body = s.replace(/[ \u00a0\u202f]/g, "").replace(",", ".");
  } else if (COMMA_GROUPED_DOT.test(s)) body = s.replace(/,/g, "");
  else if (AMBIGUOUS_COMMA.test(s)) {
    const loc = typeof locale === "function" ? locale() : locale;
    body = usesDecimalComma(loc) ? s.replace(",", ".") : s.replace(",", "");
  } else if (COMMA_GROUPED.test(s)) body = s.replace(/,/g, "");
  else if (DOT_GROUPED_COMMA.test(s)) body = s.replace(/\./g, "").replace(",", ".");
  else if (DOTS_GROUPED.test(s)) body = s.replace(/\./g, "");
  else if (ONE_COMMA.test(s)) body = s.replace(",", ".");
  else return undefined;

  let value = Number(body);
  if (!Number.isFinite(value)) return undefined;
  if (percent) value /= 100;
  return negative ? -value : value;
}

/**
 * A cell that is not a plain number, as a number: null when blank, else parsed per rule 3;
 * throws naming the cell. `signed` allows negative values (revenue, growth, forecast values).
 */
export function slowNumber(
  v: unknown,
  src: CellSource,
  index: number,
  signed: boolean,
): number | null {
  let x: number | undefined;
  if (typeof v === "number") x = Number.isFinite(v) ? v : undefined;
  else if (v === "" || v === null || v === undefined) return null;
  else if (typeof v === "string") {
    if (v.trim() === "") return null;
    x = parseNumberText(v, () => src.ctx.locale);
  }
  if (x === undefined) throw cellError("notNumber", src, index, v);
  if (x < 0 && !signed) throw cellError("negative", src, index, v);
  return x;
}

// ---------------------------------------------------------------------------------------------
// Durations

const HMS = /^([+\-\u2212]?)(\d+):([0-5]\d):([0-5]\d(?:[.,]\d+)?)$/;
const MS = /^([+\-\u2212]?)(\d+):([0-5]\d(?:[.,]\d+)?)$/;

/** Seconds of a Sheets duration or time that arrived as a Date (relative to 1899-12-30, local). */
export function durationOfDate(d: Date, timeZone: string): number {
  return (wallClockMs(d.getTime(), timeZone) - SHEETS_EPOCH_MS) / 1000;
}

/**
 * A duration cell in seconds: a number of seconds, a Sheets duration (a Date), or text
 * "h:mm:ss", "m:ss" or a number. Null when blank; throws naming the cell otherwise.
 */
export function slowDuration(v: unknown, src: CellSource, index: number): number | null {
  let x: number | undefined;
  if (isDateValue(v)) {
    const ms = v.getTime();
    if (!Number.isNaN(ms)) {
      x = durationOfDate(v, src.ctx.timeZone);
      // A date-time from 1970 on is a date someone mapped by mistake, not a duration.
      if (x * 1000 + SHEETS_EPOCH_MS >= 0) x = undefined;
    }
  } else if (typeof v === "string") {
    const s = v.trim();
    if (s === "") return null;
    let m = HMS.exec(s);
    if (m) {
      x = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number((m[4] ?? "").replace(",", "."));
    } else {
      m = MS.exec(s);
      if (m) x = Number(m[2]) * 60 + Number((m[3] ?? "").replace(",", "."));
    }
    if (m) {
      if (m[1] !== "" && m[1] !== "+") x = -(x ?? 0);
    } else {
      x = parseNumberText(s, () => src.ctx.locale);
    }
  } else if (typeof v === "number") {
    if (Number.isFinite(v)) x = v;
  } else if (v === null || v === undefined) return null;
  if (x === undefined) throw cellError("notDuration", src, index, v);
  if (x < 0) throw cellError("negative", src, index, v);
  return x;
}

// ---------------------------------------------------------------------------------------------
// Calendar days

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
// A time after a slashed date ("27/10/2026 09:00", Meta's posts) says when, not which day.
const TIME = "(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?";
const YMD_SLASH = new RegExp(`^(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})${TIME}$`);
const DMY_SLASH = new RegExp(`^(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})${TIME}$`);
/** GA4's Date dimension: 20261127. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const COMPACT_MIN = 19_000_101;
/** "27 nov. 2026", "27 novembre 2026", "27 Nov 2026", and "Nov 27, 2026". */
const DAY_MONTH_YEAR = /^(\d{1,2})(?:er)?\s+([a-zéû]+)\.?,?\s+(\d{4})$/;
const MONTH_DAY_YEAR = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/;

/** Month names and their usual abbreviations, English and French, lower case, accents kept. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ["jan", "janv", "january", "janvier"],
    ["feb", "févr", "fevr", "february", "février", "fevrier"],
    ["mar", "mars", "march"],
    ["apr", "avr", "april", "avril"],
    ["may", "mai"],
    ["jun", "june", "juin"],
    ["jul", "juil", "july", "juillet"],
    ["aug", "août", "aout", "august"],
    ["sep", "sept", "september", "septembre"],
    ["oct", "october", "octobre"],
    ["nov", "november", "novembre"],
    ["dec", "déc", "december", "décembre", "decembre"],
  ].flatMap((names, i) => names.map((n) => [n, i + 1] as const)),
);

/** The day of an 8-digit yyyymmdd number or text from 1900 to 2199, or undefined. */
function compactDay(text: string): number | undefined {
  const m = COMPACT.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1900 || year > 2199) return undefined;
  return dayFromParts(year, Number(m[2]), Number(m[3]));
}

const monthFirstCache = new Map<string, boolean>();

/** Whether the locale writes numeric dates month first (en_US: 3/1/2026 is March 1st). */
export function monthFirst(locale: string): boolean {
  let result = monthFirstCache.get(locale);
  if (result === undefined) {
    result = /^en(?:[-_](?:US|PH|PR|UM|VI|AS|GU|MP))?$/i.test(locale);
    const tag = locale.replace(/_/g, "-");
    try {
      if (tag !== "" && Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0) {
        const types = new Intl.DateTimeFormat(tag, { timeZone: "UTC" })
          .formatToParts(0)
          .map((p) => p.type);
        result = types.indexOf("month") < types.indexOf("day");
      }
    } catch {
      // Keep the guess from the locale's name.
    }
    monthFirstCache.set(locale, result);
  }
  return result;
}

/**
 * The calendar day written in `text`, or undefined: ISO, Y/M/D, D/M/Y or M/D/Y by locale (a time
 * after it is ignored), GA4's yyyymmdd, or a month written in English or French.
 */
export function parseDayText(text: string, locale: () => string): number | undefined {
  const s = text.trim();
  let m = ISO_DATE_TIME.exec(s);
  if (m) return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = YMD_SLASH.exec(s);
  if (m) return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DMY_SLASH.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return monthFirst(locale())
      ? dayFromParts(Number(m[3]), a, b)
      : dayFromParts(Number(m[3]), b, a);
  }
  const compact = compactDay(s);
  if (compact !== undefined) return compact;
  const lower = s.toLowerCase();
  m = DAY_MONTH_YEAR.exec(lower);
  if (m) {
    const month = MONTHS.get(m[2] as string);
    return month === undefined ? undefined : dayFromParts(Number(m[3]), month, Number(m[1]));
  }
  m = MONTH_DAY_YEAR.exec(lower);
  if (m) {
    const month = MONTHS.get(m[1] as string);
    return month === undefined ? undefined : dayFromParts(Number(m[3]), month, Number(m[2]));
  }
  return tryParseIsoDay(s);
}

/** True for a Date from any realm (the bundle runs in node:vm in tests, as in Apps Script). */
export function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/**
 * The one reading of a calendar day from a cell, in the spreadsheet's zone: a Date, a date serial
 * number (days since 1899-12-30, as Sheets stores dates), or date text. Null when blank, undefined
 * when the cell is not a day.
 */
export function readDay(v: unknown, ctx: EngineContext): number | null | undefined {
  if (isDateValue(v)) {
    const d = civilDay(v, ctx.timeZone);
    return Number.isNaN(d) ? undefined : d;
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return undefined;
    // Sheets turns GA4's 20261127 into a number; no date serial is that large (year 9999 is
    // 2958465), so such a number is a yyyymmdd day or nothing.
    if (v >= COMPACT_MIN) return Number.isInteger(v) ? compactDay(String(v)) : undefined;
    // A serial outside years 1–9999 is no date Sheets can show: a count in the wrong column.
    return v >= MIN_SERIAL && v < MAX_SERIAL ? Math.floor(v) - SHEETS_EPOCH_DAYS : undefined;
  }
  if (typeof v === "string") {
    if (v.trim() === "") return null;
    return parseDayText(v, () => ctx.locale);
  }
  if (v === null || v === undefined) return null;
  return undefined;
}

/**
 * Whether a cell looks like what a date column holds: a Date, date text, or GA4's yyyymmdd. A
 * small bare number is not: Sheets hands a date-formatted cell over as a Date, so a number is a
 * count, not a day, and a column of them taken for dates would be read as days of 1900.
 */
export function looksLikeDate(v: unknown, ctx: EngineContext): boolean {
  if (typeof v === "number") return v >= COMPACT_MIN && readDay(v, ctx) !== undefined;
  const day = readDay(v, ctx);
  return day !== null && day !== undefined;
}

/**
 * The label of a summary row as the tools write it: "Total", "Total: Account", « Total : compte »,
 * « Totaux », "Grand total", « Total général », "Subtotal", "Gesamtsumme". Such a row repeats the
 * sums of the rows above it, so counting it would count them twice.
 */
const TOTAL_LABEL =
  /^(?:grand[\s-]+total|totale?s?|totaux|sous[\s-]+totale?s?|sub-?totals?|summe|gesamt(?:summe)?)(?![\p{L}\p{N}])/iu;

export function isTotalLabel(v: unknown): boolean {
  return typeof v === "string" && TOTAL_LABEL.test(v.trim());
}

/** Share of a date column's filled cells that must be dates: room for a note or a total row. */
export const DATE_COLUMN_SHARE = 0.8;

/**
 * Whether cells (a column below its header) hold dates: at least DATE_COLUMN_SHARE of the filled
 * ones look like dates; a total row's label is no cell of the column. `firstOther` is the index of the first filled cell that does not, or -1,
 * so a refusal can name it.
 */
export function dateColumnCheck(
  cells: readonly unknown[],
  ctx: EngineContext,
): { isDates: boolean; firstOther: number } {
  let filled = 0;
  let dates = 0;
  let firstOther = -1;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === "" || v === null || v === undefined || isTotalLabel(v)) continue;
    filled++;
    if (looksLikeDate(v, ctx)) dates++;
    else if (firstOther < 0) firstOther = i;
  }
  return { isDates: filled > 0 && dates >= filled * DATE_COLUMN_SHARE, firstOther };
}

/** A date cell as a calendar day (readDay); null when blank; throws naming the cell otherwise. */
export function cellDay(v: unknown, src: CellSource, index: number): number | null {
  const day = readDay(v, src.ctx);
  if (day === undefined) throw cellError("notDate", src, index, v);
  return day;
}

// ---------------------------------------------------------------------------------------------
// Visitor ids

/**
 * The key under which an id is counted: trimmed, lower-cased, the number 123 and the text "123"
 * alike. Null for a blank cell.
 */
export function idKey(v: unknown): string | null {
  if (typeof v === "string") {
    const s = v.trim();
    return s === "" ? null : s.toLowerCase();
  }
  if (typeof v === "number") return String(v);
  if (v === null || v === undefined) return null;
  if (isDateValue(v)) return Number.isNaN(v.getTime()) ? "invalid date" : v.toISOString();
  return String(v).trim().toLowerCase();
}
