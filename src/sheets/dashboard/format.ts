/**
 * Dates, numbers and number formats as the dashboard shows them, in the user's language. Pure: the
 * dashboard writes calendar days (integers since 1970-01-01, already in the spreadsheet's zone), so
 * no time zone is involved here, and Apps Script's formatter (English month names only) is not.
 */
import type { Lang } from "../../contract/i18n.ts";
import type { Frequency } from "../../contract/objectives.ts";
import type { Unit } from "../../kpi/types.ts";
import { messages } from "../workbook/messages.ts";

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

const DAY_MS = 86_400_000;

/** Year, month (1–12) and day of a calendar day number. */
export function dayParts(day: number): { year: number; month: number; date: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

/** "31 March 2027" / "31 mars 2027" (French writes the first of the month "1er"). */
export function formatDayLong(day: number, lang: Lang): string {
  const { year, month, date } = dayParts(day);
  const d = lang === "fr" && date === 1 ? "1er" : String(date);
  return `${d} ${MONTHS[lang][month - 1]} ${year}`;
}

/** "31 Mar 2027" / "31 mars 2027". */
export function formatDayShort(day: number, lang: Lang): string {
  const { year, month, date } = dayParts(day);
  return `${date} ${MONTHS_SHORT[lang][month - 1]} ${year}`;
}

/**
 * The name of the period that starts on `start`: "Mar 2027", "Q1 2027", and for a week its
 * Monday, "1 Mar 2027" in a cell (the row says weekly), "Week of 1 Mar 2027" in a sentence.
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
    return messages.t(lang, "quarterLabel", { q: Math.floor((month - 1) / 3) + 1, year });
  }
  const day = formatDayShort(start, lang);
  return inSentence ? messages.t(lang, "weekOf", { day }) : day;
}

/** The sheet number format of a KPI unit (the spreadsheet's locale picks the separators). */
export function unitNumberFormat(unit: Unit): string {
  switch (unit) {
    case "percent":
      return "0.0%";
    case "currency":
      return "#,##0.00";
    case "seconds":
      return "[m]:ss";
    case "count":
      return "#,##0";
    case "ratio":
      return "#,##0.00";
  }
}

/**
 * A KPI value as a cell holds it: durations become fractions of a day, which is what Sheets'
 * duration formats display, so 125 s shows as 2:05 and still sorts and charts as a number.
 */
export function unitCellValue(value: number, unit: Unit): number {
  return unit === "seconds" ? value / 86_400 : value;
}

function groupThousands(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** A number with fixed decimals, grouped the English or French way. */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [intPart = "0", frac] = fixed.split(".");
  const grouped = groupThousands(intPart, lang === "fr" ? "\u202f" : ",");
  const body = frac === undefined ? grouped : `${grouped}${lang === "fr" ? "," : "."}${frac}`;
  return value < 0 && Number(fixed) !== 0 ? `−${body}` : body;
}

/** A KPI value as text in a sentence: "19.8%", "1,234.50", "2:05", "12,345" (fr: "19,8 %"). */
export function formatUnitValue(value: number, unit: Unit, lang: Lang): string {
  switch (unit) {
    case "percent": {
      const n = formatNumber(value * 100, 1, lang);
      return lang === "fr" ? `${n}\u00a0%` : `${n}%`;
    }
    case "currency":
      return formatNumber(value, 2, lang);
    case "ratio":
      return formatNumber(value, 2, lang);
    case "count":
      return formatNumber(value, 0, lang);
    case "seconds": {
      const total = Math.round(Math.abs(value));
      const m = Math.floor(total / 60);
      const s = total % 60;
      return `${value < 0 ? "−" : ""}${m}:${String(s).padStart(2, "0")}`;
    }
  }
}
