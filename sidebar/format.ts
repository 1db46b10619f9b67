/**
 * Numbers and dates as the user reads and types them, per KPI unit and language. Values are
 * stored in the KPI's own unit (fractions for rates, seconds for durations); the user sees and
 * types percents ("5" means 5%) and m:ss.
 */
import type { Lang } from "../src/contract/i18n.ts";
import type { Frequency } from "../src/contract/objectives.ts";
import type { Unit } from "../src/kpi/types.ts";
import { ui } from "./messages.ts";

const LOCALE: Record<Lang, string> = { en: "en-GB", fr: "fr-FR" };

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return new Intl.NumberFormat(LOCALE[lang], options);
}

/** 95 → "1:35", 3725 → "1:02:05". */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? "-" : "";
  const total = Math.round(Math.abs(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, "0")}:${s}` : `${sign}${m}:${s}`;
}

/** A value in the KPI's unit as the user reads it: "2.1%", "2,1 %", "1:35", "12.50". */
export function formatValue(value: number | null | undefined, unit: Unit, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "percent":
      return numberFormat(lang, {
        style: "percent",
        maximumFractionDigits: Math.abs(value) < 0.01 && value !== 0 ? 2 : 1,
      }).format(value);
    case "seconds":
      return formatDuration(value);
    case "currency":
      return numberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
        value,
      );
    case "ratio":
      return numberFormat(lang, { maximumFractionDigits: 2 }).format(value);
    case "count":
      return numberFormat(lang, { maximumFractionDigits: 1 }).format(value);
  }
}

/** A change per period, signed: "+0.15 pts" for rates (percentage points), "+12 s", "+1.20". */
export function formatDelta(delta: number, unit: Unit, lang: Lang): string {
  const signed = (n: number, digits: number) =>
    numberFormat(lang, { maximumFractionDigits: digits, signDisplay: "exceptZero" }).format(n);
  switch (unit) {
    case "percent": {
      const points = delta * 100;
      const digits = Math.abs(points) < 1 ? 2 : 1;
      const word = ui.t(lang, Math.abs(points) === 1 ? "pointOne" : "pointMany");
      return `${signed(points, digits)}\u00a0${word}`;
    }
    case "seconds":
      return Math.abs(delta) < 60
        ? `${signed(Math.round(delta), 0)}\u00a0s`
        : `${delta > 0 ? "+" : ""}${formatDuration(delta)}`;
    case "currency":
      return signed(delta, 2);
    case "ratio":
      return signed(delta, 2);
    case "count":
      return signed(delta, 1);
  }
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
  const date = dayToUtc(iso);
  const text = new Intl.DateTimeFormat(LOCALE[lang], {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
  return lang === "fr" && date.getUTCDate() === 1 ? text.replace(/^1 /, "1er ") : text;
}

/** "30 Jun 2027", « 30 juin 2027 ». */
export function formatShortDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(dayToUtc(iso));
}

/** A period as a person names it: "May 2026", "week of 4 May 2026", "Q2 2026". */
export function formatPeriod(start: string, frequency: Frequency, lang: Lang): string {
  const date = dayToUtc(start);
  if (frequency === "weekly") return ui.t(lang, "weekOf", { date: formatShortDate(start, lang) });
  if (frequency === "quarterly") {
    const q = Math.floor(date.getUTCMonth() / 3) + 1;
    return ui.t(lang, "quarterLabel", { q, year: date.getUTCFullYear() });
  }
  return new Intl.DateTimeFormat(LOCALE[lang], {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** Short axis label for a period: "May", "4 May", "Q2". */
export function formatPeriodShort(start: string, frequency: Frequency, lang: Lang): string {
  const date = dayToUtc(start);
  if (frequency === "quarterly") {
    return ui.t(lang, "quarterShort", { q: Math.floor(date.getUTCMonth() / 3) + 1 });
  }
  const options: Intl.DateTimeFormatOptions =
    frequency === "weekly"
      ? { day: "numeric", month: "short", timeZone: "UTC" }
      : { month: "short", timeZone: "UTC" };
  return new Intl.DateTimeFormat(LOCALE[lang], options).format(date);
}
