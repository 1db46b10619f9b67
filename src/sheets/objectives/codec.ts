/**
 * How an objective is written into cells of the Objectives tab and read back. The tab is meant to
 * be read (and sometimes edited) by people, so the column mapping is written as text,
 * `clicks=Clicks; impressions=Impressions`, `interactions=Likes + Comments + Shares`,
 * `bounces=Sessions − Engaged sessions` or `posts=#rows` (input-terms.ts), with JSON as the exact
 * fallback when a header itself holds one of the separators. The rows' filter reads the same way,
 * `Campaign = Search - Marque, Brand`, with JSON as its exact fallback.
 */

import type { RowFilter } from "../../contract/objectives.ts";
import { MINUS, ONE_PER_ROW, parseTerm } from "../../contract/rules/input-terms.ts";
import { isDateValue } from "../../kpi/cells.ts";
import { civilDay, dayToDate, isoDay, tryParseIsoDay } from "../../kpi/days.ts";
import { textCell } from "../workbook/cells.ts";

const SEPARATORS = /[;=+{}\u2212]/;

/** The column mapping as a readable cell: `input=Header; other=Header A + Header B`. */
export function formatInputs(inputs: Readonly<Record<string, readonly string[]>>): string {
  const entries = Object.entries(inputs).filter(([, terms]) => terms.length > 0);
  // Plain text only when it reads back exactly: clean headers, canonical terms, not a subtraction
  // first (nothing to subtract from).
  const plain = entries.every(
    ([name, terms]) =>
      !SEPARATORS.test(name) &&
      terms.every((term, i) => {
        const t = parseTerm(term);
        if (t.kind === "rows") return term === ONE_PER_ROW;
        const h = t.header;
        const clean = !SEPARATORS.test(h) && h === h.trim() && h !== "" && h !== ONE_PER_ROW;
        return clean && term === (t.sign < 0 ? `${MINUS}${h}` : h) && (i > 0 || t.sign > 0);
      }),
  );
  if (!plain) return JSON.stringify(Object.fromEntries(entries));
  const text = (terms: readonly string[]) =>
    terms
      .map((term, i) => {
        const t = parseTerm(term);
        const word = t.kind === "rows" ? ONE_PER_ROW : t.header;
        if (i === 0) return word;
        return t.kind === "column" && t.sign < 0 ? ` ${MINUS} ${word}` : ` + ${word}`;
      })
      .join("");
  return entries.map(([name, terms]) => `${name}=${text(terms)}`).join("; ");
}

/** The JSON form of a cell, or undefined when it is not JSON (the row is then reported). */
function jsonOrUndefined(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/** The reverse of formatInputs; undefined when the text is neither form. */
export function parseInputs(cell: string): Record<string, string[]> | undefined {
  const s = cell.trim();
  if (s === "") return {};
  if (s.startsWith("{")) {
    const parsed = jsonOrUndefined(s);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
    const out = new Map<string, string[]>();
    for (const [name, headers] of Object.entries(parsed)) {
      if (!Array.isArray(headers) || !headers.every((h) => typeof h === "string")) return undefined;
      out.set(name, headers as string[]);
    }
    return ownRecord(out);
  }
  const out = new Map<string, string[]>();
  for (const part of s.split(";")) {
    if (part.trim() === "") continue;
    const eq = part.indexOf("=");
    if (eq <= 0) return undefined;
    const name = part.slice(0, eq).trim();
    // "A + B − C": the operators split the terms; a minus makes the next term subtracted.
    const pieces = part.slice(eq + 1).split(/([+\u2212])/);
    const terms: string[] = [];
    for (let i = 0; i < pieces.length; i += 2) {
      const word = (pieces[i] ?? "").trim();
      if (word === "") return undefined;
      terms.push(pieces[i - 1] === MINUS ? `${MINUS}${word}` : word);
    }
    if (name === "" || out.has(name)) return undefined;
    out.set(name, terms);
  }
  return ownRecord(out);
}

/** The filter as a readable cell: `Campaign = Search - Marque, Brand`; "" for none. */
export function formatFilter(filter: RowFilter | null | undefined): string {
  if (!filter) return "";
  const clean = (t: string) => t === t.trim() && t !== "" && !t.startsWith("{");
  const plain =
    clean(filter.column) &&
    !filter.column.includes("=") &&
    filter.values.every((v) => clean(v) && !v.includes(","));
  if (!plain) return JSON.stringify({ column: filter.column, values: filter.values });
  return `${filter.column} = ${filter.values.join(", ")}`;
}

/**
 * The reverse of formatFilter: null for an empty cell, undefined when the text is neither form.
 * What it reads is checked by the objective rules like anything typed.
 */
export function parseFilter(cell: string): RowFilter | null | undefined {
  const s = cell.trim();
  if (s === "") return null;
  if (s.startsWith("{")) {
    const parsed = jsonOrUndefined(s);
    const { column, values } = (parsed ?? {}) as { column?: unknown; values?: unknown };
    if (typeof column !== "string" || !Array.isArray(values)) return undefined;
    if (!values.every((v) => typeof v === "string")) return undefined;
    return { column, values: values as string[] };
  }
  const eq = s.indexOf("=");
  if (eq <= 0) return undefined;
  const values = s
    .slice(eq + 1)
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
  return { column: s.slice(0, eq).trim(), values };
}

/**
 * A record whose keys are all own data properties: a cell may name an input "__proto__", which an
 * assignment would turn into a prototype change; validation then refuses it as an unknown input.
 */
function ownRecord(map: ReadonlyMap<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(map);
}

/** A date cell as "YYYY-MM-DD" in the spreadsheet's zone; text is passed on for validation. */
export function cellIsoDay(v: unknown, timeZone: string): unknown {
  if (isDateValue(v)) {
    const day = civilDay(v, timeZone);
    return Number.isNaN(day) ? String(v) : isoDay(day);
  }
  return typeof v === "string" ? v.trim() : v;
}

/** A number cell; plain decimal text (a cell formatted as text) is accepted too. */
export function cellNumber(v: unknown): unknown {
  if (typeof v === "string" && /^\s*-?\d+(?:\.\d+)?(?:e-?\d+)?\s*$/i.test(v)) return Number(v);
  return v;
}

/** An ISO timestamp from a date-time cell, or "" when the cell is not one. */
export function cellTimestamp(v: unknown): string {
  if (isDateValue(v) && !Number.isNaN(v.getTime())) return v.toISOString();
  if (typeof v === "string" && !Number.isNaN(Date.parse(v))) return new Date(v).toISOString();
  return "";
}

/** The Date a date cell should hold to show `iso` in the spreadsheet's zone. */
export function dateCell(iso: string, timeZone: string): Date | string {
  const day = tryParseIsoDay(iso);
  return day === undefined ? textCell(iso) : dayToDate(day, timeZone);
}
