/**
 * Which rows of a source table an objective counts: the rows below the header that carry data,
 * less the summary rows the tools append ("Total", « Total : compte », « Totaux »), the rows with
 * no date (they belong to no period), and the rows the objective's filter leaves out. Every
 * reader (wizard preview, dashboard, sidebar list) selects through here, so they all count the
 * same rows and can all say what was left out and why.
 */
import { idKey, isTotalLabel, readDay } from "./cells.ts";
import type { EngineContext } from "./types.ts";

/** Keep a row when its cell in `column` is one of `values` (trimmed, any case). */
export interface RowFilter {
  readonly column: number;
  readonly values: readonly string[];
}

export interface RowSelection {
  /** Indexes of the rows that count, in the table's order. */
  readonly rows: number[];
  /** Summary rows left out. */
  readonly totals: number;
  /** Rows with data but a blank date, left out of every period. */
  readonly undated: number;
  /** Rows whose filter column holds none of the filter's values. */
  readonly filteredOut: number;
}

function isBlank(v: unknown): boolean {
  return v === "" || v === null || v === undefined;
}

/** Whether a cell matches one of the filter's keys (as made by filterKeys). */
export function filterKeys(values: readonly string[]): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const v of values) {
    const key = idKey(v);
    if (key !== null) keys.add(key);
  }
  return keys;
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
 * in, so the engine's error names it: only blank rows, total rows and undated rows are left out.
 */
export function selectRows(
  rows: readonly (readonly unknown[])[],
  dateCol: number,
  ctx: EngineContext,
  filter?: RowFilter,
): RowSelection {
  const kept: number[] = [];
  let totals = 0;
  let undated = 0;
  let filteredOut = 0;
  const keys = filter ? filterKeys(filter.values) : null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as readonly unknown[];
    if (row.every(isBlank)) continue;
    if (isTotalRow(row, dateCol, ctx)) {
      totals++;
      continue;
    }
    if (isBlank(row[dateCol])) {
      undated++;
      continue;
    }
    if (filter && keys) {
      const key = idKey(row[filter.column]);
      if (key === null || !keys.has(key)) {
        filteredOut++;
        continue;
      }
    }
    kept.push(i);
  }
  return { rows: kept, totals, undated, filteredOut };
}

/** The distinct values of a column (as first written), for the wizard's filter choices. */
export function distinctValues(
  rows: readonly (readonly unknown[])[],
  col: number,
  limit: number,
): string[] {
  const seen = new Map<string, string>();
  for (const row of rows) {
    const v = row[col];
    const key = idKey(v);
    if (key === null || seen.has(key)) continue;
    seen.set(key, String(v).trim());
    if (seen.size >= limit) break;
  }
  return [...seen.values()];
}
