/**
 * KPI values, changes, calendar days and periods as a person reads them, in English or French:
 * the one formatter of the dashboard, its sentences, the server's messages and the sidebar. Pure,
 * with its own month names: calendar days are integers (days since 1970-01-01, already in the
 * spreadsheet's zone), so no time zone is involved, and neither Intl (whose data differs between
 * Apps Script and browsers) nor Apps Script's formatter (English months only) is.
 */
import { dayParts } from "../kpi/days.ts";
import { defineCatalogue, type Lang } from "./i18n.ts";
import type { Currency, Frequency, Unit } from "./objectives.ts";

export type { Currency };

const formatMessages = defineCatalogue({
  en: {
    quarterLabel: "Q{q} {year}",
    quarterShort: "Q{q}",
    weekOf: "week of {day}",
    weekCell: "w/c {day}",
    pointOne: "pt",
    pointMany: "pts",
  },
  fr: {
    quarterLabel: "T{q} {year}",
    quarterShort: "T{q}",
    weekOf: "semaine du {day}",
    weekCell: "sem. du {day}",
    pointOne: "pt",
    pointMany: "pts",
  },
});

const MONTHS: Record<Lang, readonly string[]> = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  fr: [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
  ],
};

const MONTHS_SHORT: Record<Lang, readonly string[]> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  fr: [
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
  ],
};

/** Placeholder for a value that does not exist (no data, a zero denominator). */
export const UNDEFINED_MARK = "—";

/** "Week of 1 Mar": the first letter up, for the start of a sentence or a cell. */
export function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "31 March 2027" / "31 mars 2027" (French writes the first of the month "1er"). */
export function formatDayLong(day: number, lang: Lang): string {
  const { year, month, day: date } = dayParts(day);
  const d = lang === "fr" && date === 1 ? "1er" : String(date);
  return `${d} ${MONTHS[lang][month - 1]} ${year}`;
}

/** "31 Mar 2027" / "31 mars 2027". */
export function formatDayShort(day: number, lang: Lang): string {
  const { year, month, day: date } = dayParts(day);
  return `${date} ${MONTHS_SHORT[lang][month - 1]} ${year}`;
}

/**
 * The name of the period that starts on `start`: "Mar 2027", "Q1 2027", and for a week its
 * Monday, "w/c 1 Mar 2027" (« sem. du 1 mars 2027 ») in a cell, "week of 1 Mar 2027" in a
 * sentence: a bare date would read as one day.
 */
export function periodLabel(
  start: number,
  frequency: Frequency,
  lang: Lang,
  inSentence = false,
): string {
  const { year, month } = dayParts(start);
  if (frequency === "monthly") return `${MONTHS_SHORT[lang][month - 1]} ${year}`;
  if (frequency === "quarterly") {
    return formatMessages.t(lang, "quarterLabel", { q: Math.floor((month - 1) / 3) + 1, year });
  }
  const day = formatDayShort(start, lang);
  return formatMessages.t(lang, inSentence ? "weekOf" : "weekCell", { day });
}

/** A short axis label for a period: "May", "4 May", "Q2". */
export function periodLabelShort(start: number, frequency: Frequency, lang: Lang): string {
  const { month, day } = dayParts(start);
  if (frequency === "quarterly") {
    return formatMessages.t(lang, "quarterShort", { q: Math.floor((month - 1) / 3) + 1 });
  }
  const name = MONTHS_SHORT[lang][month - 1] ?? "";
  return frequency === "weekly" ? `${day} ${name}` : name;
}

function groupThousands(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** A number with fixed decimals, grouped the English or French way; negatives with a real minus. */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [intPart = "0", frac] = fixed.split(".");
  const grouped = groupThousands(intPart, lang === "fr" ? "\u202f" : ",");
  const body = frac === undefined ? grouped : `${grouped}${lang === "fr" ? "," : "."}${frac}`;
  return value < 0 && Number(fixed) !== 0 ? `−${body}` : body;
}

/** 95 → "1:35", 3725 → "1:02:05". */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? "−" : "";
  const total = Math.round(Math.abs(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, "0")}:${s}` : `${sign}${m}:${s}`;
}

/** Decimals of a percentage: one, or two below 1% where one would read as 0.0%. */
function percentDecimals(value: number): number {
  return value !== 0 && Math.abs(value) < 0.01 ? 2 : 1;
}

// Countries of the euro area, by the region part of a Sheets locale ("fr_FR", "de_AT").
const EURO_AREA = /^(?:AT|BE|CY|DE|EE|ES|FI|FR|GR|HR|IE|IT|LT|LU|LV|MT|NL|PT|SI|SK)$/;
const DOLLAR_AREA = /^(?:AU|CA|MX|NZ|SG|US)$/;

/**
 * The currency of a spreadsheet's locale ("en_US", "fr_FR"): the one rule of which money a
 * spreadsheet counts in. English writes the symbol first ("$6.61", "€6.61" in Ireland); the
 * other languages of the euro area and French Canada write it after (« 6,61 € », « 6,61 $ »).
 * A locale without a region, or one this rule does not know, gets no symbol: a wrong currency
 * would mislead more than a bare number.
 */
export function currencyOfLocale(locale: string | null | undefined): Currency | undefined {
  const [language = "", region = ""] = (locale ?? "").split(/[-_]/);
  const after = language.toLowerCase() !== "en";
  const r = region.toUpperCase();
  if (r === "GB") return { symbol: "£", after: false };
  if (r === "JP") return { symbol: "¥", after: false };
  if (EURO_AREA.test(r)) return { symbol: "€", after };
  if (DOLLAR_AREA.test(r)) return { symbol: "$", after: after && language.toLowerCase() === "fr" };
  return undefined;
}

/** An amount with its symbol: "$6.61", "−$6.61", « 6,61 € » (after a no-break space). */
function moneyText(text: string, currency: Currency | undefined): string {
  if (!currency) return text;
  if (currency.after) return `${text}\u00a0${currency.symbol}`;
  return text.startsWith("−") ? `−${currency.symbol}${text.slice(1)}` : `${currency.symbol}${text}`;
}

/**
 * A KPI value as text: "19.8%", "1,234.50", "2:05", "12,345" (fr: « 19,8 % »); money with the
 * spreadsheet's currency when given ("$6.61", « 6,61 € »). Empty values (null, NaN) read as "—".
 */
export function formatUnitValue(
  value: number | null | undefined,
  unit: Unit,
  lang: Lang,
  currency?: Currency,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return UNDEFINED_MARK;
  switch (unit) {
    case "percent":
      return percentText(formatNumber(value * 100, percentDecimals(value), lang), lang);
    case "currency":
      return moneyText(formatNumber(value, 2, lang), currency);
    case "ratio":
      return formatNumber(value, 2, lang);
    case "count":
      return formatNumber(value, Number.isInteger(value) ? 0 : 1, lang);
    case "seconds":
      return formatDuration(value);
  }
}

function percentText(n: string, lang: Lang): string {
  return lang === "fr" ? `${n}\u00a0%` : `${n}%`;
}

/**
 * A published figure at the precision its source prints it: rates to a hundredth of a point
 * ("6.66%", « 37,65 % »), so a cited benchmark reads as in its source; other units as any value.
 */
export function formatPublishedValue(value: number, unit: Unit, lang: Lang): string {
  return unit === "percent"
    ? percentText(formatNumber(value * 100, 2, lang), lang)
    : formatUnitValue(value, unit, lang);
}

/** A share as a whole percentage: progress, time elapsed, a chance ("42%", « 42 % »). */
export function formatShare(share: number, lang: Lang): string {
  return percentText(formatNumber(share * 100, 0, lang), lang);
}

/**
 * The word after a number of percentage points: "1 pt" but "0.5 pts" in English; French keeps
 * the singular below 2 (« 1,5 pt »). The sentences' changes and the cells' change format use it.
 */
export function pointWord(points: number, lang: Lang): string {
  const singular = lang === "fr" ? Math.abs(points) < 2 : Math.abs(points) === 1;
  return formatMessages.t(lang, singular ? "pointOne" : "pointMany");
}

/** A change, signed: "+0.15 pts" for rates (percentage points), "+12 s", "+1.20". */
export function formatDelta(delta: number, unit: Unit, lang: Lang): string {
  // At most `decimals`, trailing zeros dropped: "+0.15", "−2", "+1.5".
  const signed = (n: number, decimals: number) => {
    const text = formatNumber(n, decimals, lang)
      .replace(/([.,]\d*?)0+$/, "$1")
      .replace(/[.,]$/, "");
    return n > 0 && Number(Math.abs(n).toFixed(decimals)) !== 0 ? `+${text}` : text;
  };
  switch (unit) {
    case "percent": {
      const points = delta * 100;
      const decimals = Math.abs(points) < 1 ? 2 : 1;
      return `${signed(points, decimals)}\u00a0${pointWord(points, lang)}`;
    }
    case "seconds":
      return Math.abs(delta) < 60
        ? `${signed(Math.round(delta), 0)}\u00a0s`
        : `${delta > 0 ? "+" : ""}${formatDuration(delta)}`;
    case "currency":
    case "ratio":
      return signed(delta, 2);
    case "count":
      return signed(delta, Number.isInteger(delta) ? 0 : 1);
  }
}
