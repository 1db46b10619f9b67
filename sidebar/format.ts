/**
 * Numbers and dates as the user reads and types them, per KPI unit and language. Values are
 * stored in the KPI's own unit (fractions for rates, seconds for durations); the user sees and
 * types percents ("5" means 5%) and m:ss.
 */
import {
  type Currency,
  formatDayLong,
  formatDayShort,
  formatDuration,
  formatUnitValue,
  periodLabel,
  periodLabelShort,
} from "../src/contract/format.ts";
import type { Lang } from "../src/contract/i18n.ts";
import type { Frequency, Unit } from "../src/contract/objectives.ts";

export { formatDelta, formatPublishedValue } from "../src/contract/format.ts";

/**
 * A value in the KPI's unit as the user reads it: "2.1%", « 2,1 % », "1:35", "12.50"; money with
 * the spreadsheet's currency when the server sent it ("$12.50").
 */
export function formatValue(
  value: number | null | undefined,
  unit: Unit,
  lang: Lang,
  currency?: Currency,
): string {
  return formatUnitValue(value, unit, lang, currency);
}

/**
 * Parses a number typed the English or French way: "1,234.5", "1 234,5", "12,5", "5%", "€12".
 * A lone comma followed by three digits ("1,234") is a thousands separator in English and a
 * decimal comma in French. Returns null for anything else.
 */
export function parseNumberText(raw: string, lang: Lang): number | null {
  let s = raw
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/[€$£]/g, "");
  if (s.endsWith("%")) s = s.slice(0, -1);
  if (s === "") return null;
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? "," : ".";
    const thousands = decimal === "," ? "." : ",";
    s = s.split(thousands).join("").replace(decimal, ".");
  } else if (lastComma >= 0) {
    const grouped = /^[-+]?\d{1,3}(,\d{3})+$/.test(s);
    if (grouped && (lang === "en" || s.split(",").length > 2)) s = s.replace(/,/g, "");
    else if (s.split(",").length === 2) s = s.replace(",", ".");
    else return null;
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** "95", "1:35" or "1:02:05" → seconds; null for anything else. */
export function parseDurationText(raw: string, lang: Lang): number | null {
  const s = raw.trim();
  const clock = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(s);
  if (clock) {
    const [, a, b, c] = clock;
    return c === undefined
      ? Number(a) * 60 + Number(b)
      : Number(a) * 3600 + Number(b) * 60 + Number(c);
  }
  return parseNumberText(s, lang);
}

/** What the user typed, in the KPI's stored unit (5 → 0.05 for rates), or null if unreadable. */
export function parseInUnit(raw: string, unit: Unit, lang: Lang): number | null {
  if (unit === "seconds") return parseDurationText(raw, lang);
  const n = parseNumberText(raw, lang);
  if (n === null) return null;
  return unit === "percent" ? n / 100 : n;
}

/** A stored value as editable text: 0.0213 → "2.13" (en) or "2,13" (fr); 95 s → "1:35". */
export function toInputText(value: number, unit: Unit, lang: Lang): string {
  if (unit === "seconds") return formatDuration(value);
  const shown = unit === "percent" ? value * 100 : value;
  const digits = unit === "count" && Number.isInteger(shown) ? 0 : 2;
  const text = String(Number(shown.toFixed(digits)));
  return lang === "fr" ? text.replace(".", ",") : text;
}

/** An example of a valid entry, for error messages. */
export function exampleInput(unit: Unit, lang: Lang): string {
  const examples: Record<Unit, string> = {
    percent: "3.5",
    currency: "12.50",
    ratio: "4.5",
    count: "1200",
    seconds: "1:30",
  };
  const text = examples[unit];
  return lang === "fr" ? text.replace(".", ",") : text;
}

// Calendar days are ISO strings; Date objects are only used at UTC midnight so no zone shifts them.

export function dayToUtc(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export function utcToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function isIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return utcToDay(dayToUtc(text)) === text;
}

/** The last day of the month `months` after the month of `iso`. */
export function endOfMonthAfter(iso: string, months: number): string {
  const d = dayToUtc(iso);
  return utcToDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)));
}

/** "30 June 2027", « 30 juin 2027 », « 1er juin 2027 ». */
export function formatLongDate(iso: string, lang: Lang): string {
  return formatDayLong(isoToDay(iso), lang);
}

/** "30 Jun 2027", « 30 juin 2027 ». */
export function formatShortDate(iso: string, lang: Lang): string {
  return formatDayShort(isoToDay(iso), lang);
}

/** A period as a person names it: "May 2026", "week of 4 May 2026", "Q2 2026". */
export function formatPeriod(start: string, frequency: Frequency, lang: Lang): string {
  return periodLabel(isoToDay(start), frequency, lang, true);
}

/** Short axis label for a period: "May", "4 May", "Q2". */
export function formatPeriodShort(start: string, frequency: Frequency, lang: Lang): string {
  return periodLabelShort(isoToDay(start), frequency, lang);
}

function isoToDay(iso: string): number {
  return Math.round(dayToUtc(iso).getTime() / 86_400_000);
}
