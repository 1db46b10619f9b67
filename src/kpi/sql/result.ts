/**
 * A query's result, read back into per-period sums. Connected Sheets hands back cell values
 * (numbers, text, perhaps Dates), DuckDB numbers and bigints: every cell is checked, so a result
 * of the wrong shape stops here with the column and row named, never as a wrong figure.
 */
import { civilDay, tryParseIsoDay } from "../days.ts";
import type { PeriodSums } from "./sums.ts";
import { PERIOD_COLUMNS, SqlSpecError } from "./types.ts";

function dayOf(v: unknown, timeZone: string): number | undefined {
  if (typeof v === "string") return tryParseIsoDay(v.trim());
  if (v instanceof Date) return civilDay(v, timeZone);
  return undefined;
}

function numberOf(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "string" && /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(v.trim())) {
    return Number(v);
  }
  return undefined;
}

/**
 * Rows of a result whose columns are `columns` (as compileQuery lists them), in any order given
 * by `header`. `timeZone` reads a Date cell (the spreadsheet's zone).
 */
export function readSums(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  measures: readonly string[],
  timeZone: string,
): PeriodSums[] {
  const index = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new SqlSpecError("badResult", { column: name, row: 0 });
    return i;
  };
  const [pStart, pFirst, pLast, pDays] = PERIOD_COLUMNS.map(index) as [
    number,
    number,
    number,
    number,
  ];
  const cols = measures.map((m) => [m, index(m)] as const);
  return rows.map((row, r) => {
    const bad = (column: string): never => {
      throw new SqlSpecError("badResult", { column, row: r + 1 });
    };
    const start = dayOf(row[pStart], timeZone) ?? bad("period_start");
    const firstDay = dayOf(row[pFirst], timeZone) ?? bad("first_day");
    const lastDay = dayOf(row[pLast], timeZone) ?? bad("last_day");
    const days = numberOf(row[pDays]) ?? bad("days");
    const values: Record<string, number> = {};
    for (const [name, i] of cols) values[name] = numberOf(row[i]) ?? bad(name);
    return { start, firstDay, lastDay, days, values };
  });
}
