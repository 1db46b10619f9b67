/**
 * Which rows of a source table an objective counts: the rows below the header that carry data,
 * less the summary rows the tools append ("Total", « Total : compte », « Totaux »), the rows with
 * no date (they belong to no period), and the rows the objective's filter leaves out. Every
 * reader (wizard preview, dashboard, sidebar list) selects through here, so they all count the
 * same rows and can all say what was left out and why.
 */
import { isBlank } from "../contract/rules/text-checks.ts";
import { isTotalLabel, readDay } from "./cells.ts";
import type { EngineContext } from "./types.ts";

/**
 * An objective's filter: the rows whose cell in `column` equals one of `values` (one campaign of a
 * Google Ads report, one channel of a GA4 export). Values compare by filterKey.
 */
export interface RowFilter {
  readonly column: string;
  readonly values: readonly string[];
}

/** A filter bound to its column's index in the table. */
export interface ColumnFilter {
  readonly col: number;
  readonly values: readonly string[];
}

/**
 * How a cell or a filter value compares: trimmed and case-insensitive, so "search - marque " is
 * the campaign "Search - Marque". Accents still count: « Générique » is not "Generique".
 */
export function filterKey(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).trim().toLowerCase();
}

export interface RowSelection {
  /** Indexes of the rows that count, in the table's order. */
  readonly rows: number[];
  /** Summary rows left out. */
  readonly totals: number;
  /** Rows with data but a blank date, left out of every period. */
  readonly undated: number;
  /** Rows the filter left out (other campaigns); 0 without a filter. */
  readonly filtered: number;
}

/**
 * A summary row: its date cell is not a day, and it or the row's first filled cell is a total's
 * label. A row with a real date is data whatever its other cells say (a campaign may be named
 * "Total Brand").
 */
export function isTotalRow(row: readonly unknown[], dateCol: number, ctx: EngineContext): boolean {
  const date = row[dateCol];
  if (!isBlank(date) && readDay(date, ctx) !== undefined) return false;
  if (isTotalLabel(date)) return true;
  const first = row.find((v) => !isBlank(v));
  return isTotalLabel(first);
}

/**
 * The rows an objective counts. A row whose date cell holds something that is not a date stays
 * in, so the engine's error names it: only blank rows, total rows, rows the filter leaves out and
 * undated rows are left out. A total row is counted as a total, never as filtered out, and an
 * undated row as undated only when the filter would have kept it.
 */
export function selectRows(
  rows: readonly (readonly unknown[])[],
  dateCol: number,
  ctx: EngineContext,
  filter?: ColumnFilter,
): RowSelection {
  const kept: number[] = [];
  let totals = 0;
  let undated = 0;
  let filtered = 0;
  const wanted = filter ? new Set(filter.values.map(filterKey)) : null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as readonly unknown[];
    if (row.every(isBlank)) continue;
    if (isTotalRow(row, dateCol, ctx)) {
      totals++;
      continue;
    }
    if (filter && wanted && !wanted.has(filterKey(row[filter.col]))) {
      filtered++;
      continue;
    }
    if (isBlank(row[dateCol])) {
      undated++;
      continue;
    }
    kept.push(i);
  }
  return { rows: kept, totals, undated, filtered };
}
