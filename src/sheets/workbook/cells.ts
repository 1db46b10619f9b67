/**
 * Cells of the user's tabs read as people see them, and their header row: the one rule for finding
 * the header row of a tab (below the title and comment lines exports start with) and a column by
 * its header, used by the save endpoint, the wizard, the dashboard and the import alike.
 */
import { isBlank } from "../../contract/rules/text-checks.ts";
import { isDateValue, parseNumberText, readDay } from "../../kpi/cells.ts";
import { civilDay, isoDay } from "../../kpi/days.ts";
import type { EngineContext } from "../../kpi/types.ts";

/** A cell read as text: what a person typed, whatever Sheets made of it. */
export function cellText(v: unknown, timeZone: string): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (isDateValue(v)) return isoDay(civilDay(v, timeZone));
  return String(v);
}

/** Text that Sheets would otherwise take for a formula (= + - @) or parse (numbers, dates, TRUE). */
export function textCell(s: string): string {
  return s === "" ? "" : `'${s}`;
}

/**
 * A tab's header row. A header is found by its text, trimmed: the exact text first, else the same
 * text in another case (Sheets users retype headers), so "clicks" finds "Clicks". Blank headers
 * are no column; of two equal headers, the first counts.
 */
export class HeaderRow {
  /** The distinct non-blank headers, left to right, as the tab spells them. */
  readonly headers: readonly string[];
  /** The header of each column by index; "" for a blank or repeated one (no column by that name). */
  readonly byColumn: readonly string[];
  private readonly exact = new Map<string, number>();
  private readonly folded = new Map<string, number>();

  constructor(row: readonly unknown[], timeZone: string) {
    const headers: string[] = [];
    const byColumn: string[] = [];
    row.forEach((cell, col) => {
      const text = cellText(cell, timeZone).trim();
      byColumn.push("");
      if (text === "" || this.exact.has(text)) return;
      byColumn[col] = text;
      this.exact.set(text, col);
      headers.push(text);
      const fold = text.toLowerCase();
      if (!this.folded.has(fold)) this.folded.set(fold, col);
    });
    this.headers = headers;
    this.byColumn = byColumn;
  }

  /** 0-based column of a header, or undefined when the row has none by that name. */
  find(header: string): number | undefined {
    const key = header.trim();
    return this.exact.get(key) ?? this.folded.get(key.toLowerCase());
  }

  /** The header as the tab spells it, or undefined. */
  spelling(header: string): string | undefined {
    const col = this.find(header);
    return col === undefined ? undefined : this.byColumn[col];
  }
}

// ---------------------------------------------------------------------------------------------
// Where the header row is

/** Rows looked at for a header: GA4 writes about ten comment lines, Google Ads two. */
export const HEADER_SEARCH_ROWS = 30;

/** A comment line (GA4's "# Account: …") or Excel's "sep=," line: never a header. */
function isCommentRow(filled: readonly unknown[]): boolean {
  const first = filled[0];
  return typeof first === "string" && /^\s*(?:#|sep=)/i.test(first);
}

/** A header's cell: text that is neither a number nor a date. */
function isLabel(v: unknown, ctx: EngineContext): boolean {
  if (typeof v !== "string") return false;
  const s = v.trim();
  return (
    s !== "" && parseNumberText(s, () => ctx.locale) === undefined && readDay(s, ctx) === undefined
  );
}

/**
 * The 0-based index of a table's header row: the first row of two or more labels, not a comment,
 * followed by a row that holds values (a number or a date) and is not more than twice as wide.
 * Title lines (one cell), date-range lines and comment lines above it are skipped. A table with
 * no such row keeps its first row as the header, as it always had.
 */
export function findHeaderRow(values: readonly (readonly unknown[])[], ctx: EngineContext): number {
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const filled = (values[i] ?? []).filter((v) => !isBlank(v));
    if (filled.length < 2 || isCommentRow(filled)) continue;
    if (!filled.every((v) => isLabel(v, ctx))) continue;
    let next: unknown[] | undefined;
    for (let j = i + 1; j < values.length && !next; j++) {
      const cells = (values[j] ?? []).filter((v) => !isBlank(v));
      if (cells.length > 0) next = cells;
    }
    if (!next) return i;
    if (next.every((v) => isLabel(v, ctx))) continue;
    if (filled.length * 2 < next.length) continue;
    return i;
  }
  return 0;
}

/** A tab's values split at its header row. */
export interface DataTable {
  /** 0-based index of the header row in the values. */
  readonly headerIndex: number;
  readonly header: HeaderRow;
  /** The rows below the header. */
  readonly rows: readonly (readonly unknown[])[];
  /** Sheet row number of rows[0]. */
  readonly firstRow: number;
}

export function readTable(values: readonly (readonly unknown[])[], ctx: EngineContext): DataTable {
  const headerIndex = findHeaderRow(values, ctx);
  return {
    headerIndex,
    header: new HeaderRow(values[headerIndex] ?? [], ctx.timeZone),
    rows: values.slice(headerIndex + 1),
    firstRow: headerIndex + 2,
  };
}

/** "A" for column 0, "Z", "AA"…: a column as Sheets names it. */
export function columnLetter(col0: number): string {
  let n = col0 + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
