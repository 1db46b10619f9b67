/**
 * What a user types into a cell, read as Sheets reads it in the spreadsheet's locale: a formula,
 * a number (decimal comma in French), a percentage, an amount, a date, TRUE/FALSE, or text.
 * A leading apostrophe keeps text as text.
 */

import { usesDecimalComma } from "../../src/kpi/cells.ts";
import { englishFormula } from "../../src/kpi/functions/formula-text.ts";
import { type CsvDate, parseNumber } from "../../src/sheets/import/csv.ts";
import { wallClock } from "../emulator/tz.ts";

export type TypedInput =
  | { kind: "clear" }
  | { kind: "formula"; formula: string }
  | { kind: "value"; value: number | string | boolean | Date; format?: string };

function decimalOf(locale: string): "," | "." {
  return /^(fr|de|es|it|pt|nl|ru|pl|sv|da|nb|fi|cs|tr)(?:[-_]|$)/i.test(locale) ? "," : ".";
}

/** The instant of a wall-clock date in a zone (or at the offset the text carried). */
export function zonedDate(d: CsvDate, timeZone: string): Date {
  const guess = Date.UTC(d.y, d.m - 1, d.d, d.hh, d.mi, d.ss);
  if (d.offsetMinutes !== undefined) return new Date(guess - d.offsetMinutes * 60_000);
  let t = guess - wallClock(new Date(guess), timeZone).offsetMinutes * 60_000;
  // Once more, for a guess that fell on the other side of a DST change.
  t = guess - wallClock(new Date(t), timeZone).offsetMinutes * 60_000;
  return new Date(t);
}

export function percentFormat(value: number): string {
  return Number.isInteger(Math.round(value * 1e6) / 1e4) ? "0%" : "0.00%";
}

export function currencyFormat(symbol: string): string {
  const s = symbol === "EUR" ? "€" : symbol === "USD" ? "$" : symbol === "GBP" ? "£" : symbol;
  return s === "€" || s === "CHF" ? `#,##0.00" ${s}"` : `"${s}"#,##0.00`;
}

export function parseTypedInput(text: string, locale: string, timeZone: string): TypedInput {
  if (text === "") return { kind: "clear" };
  if (text.startsWith("=") && text.length > 1) {
    return { kind: "formula", formula: englishFormula(text, usesDecimalComma(locale)) };
  }
  if (text.startsWith("'")) return { kind: "value", value: text };
  const trimmed = text.trim();
  if (/^(true|vrai)$/i.test(trimmed)) return { kind: "value", value: true };
  if (/^(false|faux)$/i.test(trimmed)) return { kind: "value", value: false };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  let date: CsvDate | undefined;
  if (iso) date = calendar(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  else if (slashed) {
    const monthFirst = /^en[-_]US$/i.test(locale) || /^en$/i.test(locale);
    const a = Number(slashed[1]);
    const b = Number(slashed[2]);
    date = calendar(Number(slashed[3]), monthFirst ? a : b, monthFirst ? b : a);
  }
  if (date) return { kind: "value", value: zonedDate(date, timeZone) };
  const num = parseNumber(trimmed, decimalOf(locale));
  if (num) {
    if (num.percent) return { kind: "value", value: num.value, format: percentFormat(num.value) };
    if (num.currency)
      return { kind: "value", value: num.value, format: currencyFormat(num.currency) };
    return { kind: "value", value: num.value };
  }
  // Text that starts like a formula but is not one ("=") or looks like a number is kept as typed.
  return { kind: "value", value: /^[=']/.test(text) ? `'${text}` : text };
}

function calendar(y: number, m: number, d: number): CsvDate | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return { y, m, d, hh: 0, mi: 0, ss: 0, hasTime: false };
}
