/**
 * How this week's export goes into a tab that holds last week's: a row of the file replaces the
 * tab's row of the same day (and the same campaign, channel or post, where the file has such a
 * column), a row of a new day is appended, and every other row of the tab stays as it is. Pure: it
 * plans, endpoints.ts writes.
 */
import { isBlank } from "../../contract/rules/text-checks.ts";
import { idKey, readDay } from "../../kpi/cells.ts";
import { dayFromParts } from "../../kpi/days.ts";
import { suggestKeyColumn } from "../../kpi/mapping.ts";
import { isTotalRow } from "../../kpi/rows.ts";
import type { EngineContext } from "../../kpi/types.ts";
import type { DataTable } from "../workbook/cells.ts";
import { type CsvCell, isCsvDate, type ParsedCsv } from "./csv.ts";

/** The file's table as the import reads it. */
export interface FileTable {
  readonly headers: readonly string[];
  /** Data rows (no total rows), cells as parsed. */
  readonly rows: readonly (readonly CsvCell[])[];
  readonly dateCol: number;
  readonly keyCol: number | null;
}

export type FileProblem = { code: "noDates" };

/** The file's date column (the first of dates) and key column, or why it cannot be merged. */
export function fileTable(csv: ParsedCsv): FileTable | FileProblem {
  const headers = (csv.rows[0] ?? []).map((h) => String(h ?? ""));
  const dateCol = csv.kinds.findIndex((k) => k === "date" || k === "datetime");
  if (dateCol < 0) return { code: "noDates" };
  const key = suggestKeyColumn(headers);
  return { headers, rows: csv.rows.slice(1), dateCol, keyCol: key };
}

export interface MergePlan {
  /** The tab's column of each of the file's columns. */
  readonly columns: readonly number[];
  /** Pairs [index of the tab's data row, index of the file's row] to replace. */
  readonly replaced: readonly (readonly [number, number])[];
  /** Rows of the file to append, in file order. */
  readonly appended: readonly number[];
  /** Data rows of the tab left as they are. */
  readonly kept: number;
}

export type MergeProblem = { code: "missingColumns"; columns: string[] };

function fileDay(cell: CsvCell): number | undefined {
  return isCsvDate(cell) ? dayFromParts(cell.y, cell.m, cell.d) : undefined;
}

/**
 * Matches the file's rows with the tab's by day and key. The n-th row of a day and key in the
 * file replaces the n-th such row of the tab, so a day with two rows of one campaign (two posts
 * of a day, without a post id) still pairs one to one. Every header of the file must be in the
 * tab's header row: a column the file has and the tab lacks would be lost.
 */
export function planMerge(
  file: FileTable,
  tab: DataTable,
  ctx: EngineContext,
): MergePlan | MergeProblem {
  const columns: number[] = [];
  const missing: string[] = [];
  for (const h of file.headers) {
    const c = h === "" ? undefined : tab.header.find(h);
    if (c === undefined) missing.push(h);
    columns.push(c ?? -1);
  }
  if (missing.length > 0) return { code: "missingColumns", columns: missing };
  const tabDate = columns[file.dateCol] as number;
  const tabKey = file.keyCol === null ? null : (columns[file.keyCol] as number);

  const keyOf = (day: number, key: unknown, seen: Map<string, number>) => {
    const base = `${day}|${tabKey === null ? "" : (idKey(key) ?? "")}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${base}#${n}`;
  };
  const tabRows = new Map<string, number>();
  const tabSeen = new Map<string, number>();
  let dataRows = 0;
  tab.rows.forEach((row, i) => {
    if (row.every(isBlank)) return;
    if (isTotalRow(row, tabDate, ctx)) return;
    dataRows++;
    const day = readDay(row[tabDate], ctx);
    if (day === null || day === undefined) return;
    tabRows.set(keyOf(day, tabKey === null ? "" : row[tabKey], tabSeen), i);
  });

  const replaced: [number, number][] = [];
  const appended: number[] = [];
  const fileSeen = new Map<string, number>();
  file.rows.forEach((row, j) => {
    const day = fileDay(row[file.dateCol] ?? null);
    const key =
      day === undefined
        ? undefined
        : keyOf(day, file.keyCol === null ? "" : row[file.keyCol], fileSeen);
    const i = key === undefined ? undefined : tabRows.get(key);
    if (i === undefined) appended.push(j);
    else replaced.push([i, j]);
  });
  return { columns, replaced, appended, kept: dataRows - replaced.length };
}
