/**
 * The sidebar's endpoints for objectives (exported by src/main.ts). Whatever the client sends is
 * checked again here by the one rule set (rules.ts), then against the spreadsheet: the source tab,
 * its headers and its date column. Errors are thrown with a message in the user's language that
 * names the field, which google.script.run hands to the sidebar's failure handler as it is.
 */

import { formatDayLong } from "../../contract/format.ts";
import type { Lang } from "../../contract/i18n.ts";
import type { Objective } from "../../contract/objectives.ts";
import { isBigQuerySource } from "../../contract/rules/bigquery-source.ts";
import { minusTerm, parseTerm } from "../../contract/rules/input-terms.ts";
import { dateColumnCheck, describeValue } from "../../kpi/cells.ts";
import { civilDay } from "../../kpi/days.ts";
import { getKpi } from "../../kpi/registry/index.ts";
import type { EngineContext } from "../../kpi/types.ts";
import { cellText, HEADER_SEARCH_ROWS, readTable, textCell } from "../workbook/cells.ts";
import { userLang } from "../workbook/locale.ts";
import { type LockTask, withDocumentLock } from "../workbook/lock.ts";
import { messages } from "../workbook/messages.ts";
import { findTaggedSheet, OBJECTIVES_KEY, ownSheetIds } from "../workbook/tabs.ts";
import { checkSummable, fieldError, objectiveId, validateObjective } from "./rules.ts";
import {
  createObjectivesSheet,
  type Layout,
  parseObjectiveRows,
  presentColumns,
  type StoreContent,
  withFilterColumn,
  writeHeaderRow,
  writeObjectiveRow,
} from "./tab.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const SAVE_LOCK_WAIT_MS = 10_000;
/** Rows of the date column read at save to tell dates from other values; enough to be sure. */
const DATE_SAMPLE_ROWS = 200;

/** Runs `body` under the document lock, or says what else holds it. */
function underLock<T>(task: LockTask, lang: Lang, body: () => T): T {
  return withDocumentLock(
    task,
    SAVE_LOCK_WAIT_MS,
    (why) => {
      throw new Error(messages.t(lang, `busy_${why}`));
    },
    body,
  );
}

/** The tab's column layout; throws when the header row is missing or out of place. */
function layoutOrThrow(parsed: StoreContent): Layout {
  if (parsed.headerProblem) throw new Error(parsed.headerProblem);
  return parsed.layout;
}

/**
 * Checks the objective against the spreadsheet: the source tab exists and is not one of ours, every
 * header it names is in the tab's header row (found below any title lines, by HeaderRow's rule: a
 * header in another case is accepted and stored as the tab spells it), and its date column holds
 * dates. One read: the lines above the header, the header and a sample of the rows below.
 */
function checkAgainstSheet<T extends Objective | ReturnType<typeof validateObjective>>(
  ss: Spreadsheet,
  input: T,
  lang: Lang,
): T {
  // A BigQuery table is checked by the rules (names) and by BigQuery itself when a build runs.
  if (isBigQuerySource(input.sourceSheet)) return input;
  const source = ss.getSheetByName(input.sourceSheet);
  if (!source) fieldError(lang, "sourceSheet", "noSuchSheet", { value: input.sourceSheet });
  if (ownSheetIds(ss).has(source.getSheetId())) {
    fieldError(lang, "sourceSheet", "ownSheet", { value: input.sourceSheet });
  }
  const lastColumn = source.getLastColumn();
  const lastRow = source.getLastRow();
  if (lastColumn < 1 || lastRow < 1) {
    fieldError(lang, "sourceSheet", "sheetEmpty", { value: input.sourceSheet });
  }
  const ctx: EngineContext = {
    timeZone: ss.getSpreadsheetTimeZone(),
    locale: ss.getSpreadsheetLocale(),
  };
  const rows = Math.min(lastRow, HEADER_SEARCH_ROWS + DATE_SAMPLE_ROWS);
  const table = readTable(source.getRange(1, 1, rows, lastColumn).getValues(), ctx);
  const { header } = table;
  checkSummable(getKpi(input.kpiId), input.inputs, lang);
  const spelled = (field: "dateColumn" | "inputs" | "filter", name: string): string =>
    header.spelling(name) ??
    fieldError(lang, field, "noSuchColumn", {
      value: name,
      sheet: input.sourceSheet,
      row: table.headerIndex + 1,
    });
  const inputs: Record<string, string[]> = {};
  for (const [name, list] of Object.entries(input.inputs)) {
    inputs[name] = list.map((t) => {
      const term = parseTerm(t);
      if (term.kind === "rows") return t;
      const h = spelled("inputs", term.header);
      return term.sign < 0 ? minusTerm(h) : h;
    });
  }
  const dateColumn = spelled("dateColumn", input.dateColumn);
  const filter = input.filter
    ? { column: spelled("filter", input.filter.column), values: input.filter.values }
    : input.filter;
  const col = header.find(dateColumn) as number;
  const cells = table.rows.slice(0, DATE_SAMPLE_ROWS).map((r) => r[col]);
  if (cells.length > 0) {
    const check = dateColumnCheck(cells, ctx);
    if (!check.isDates) {
      fieldError(lang, "dateColumn", "dateColumnNotDates", {
        value: dateColumn,
        sheet: input.sourceSheet,
        row: check.firstOther + table.firstRow,
        cell: describeValue(cells[check.firstOther], lang),
      });
    }
  }
  return { ...input, dateColumn, inputs, filter };
}

function newId(taken: ReadonlySet<string>): string {
  for (;;) {
    let id = "obj-";
    for (let i = 0; i < 8; i++)
      id += "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(Math.random() * 36)];
    if (!taken.has(id)) return id;
  }
}

/** An ISO timestamp to the second: what a date-time cell keeps. */
function timestamp(now: Date): string {
  return new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString();
}

/** Row of each id in the tab's values (the first, when an id is repeated). */
function rowsById(values: readonly (readonly unknown[])[], layout: Layout, timeZone: string) {
  const rowOfId = new Map<string, number>();
  values.forEach((cells, i) => {
    if (i === 0) return; // the header
    const id = cellText(cells[layout.id], timeZone).trim();
    if (id !== "" && !rowOfId.has(id)) rowOfId.set(id, i + 1);
  });
  return rowOfId;
}

/** The version the client loaded must still be the row's: else someone changed it meanwhile. */
function checkVersion(raw: unknown, stored: Objective | undefined, lang: Lang, tz: string): void {
  const version = (raw as { updated?: unknown }).updated;
  if (typeof version !== "string" || version === "") {
    throw new Error(messages.t(lang, "versionMissing"));
  }
  if (!stored || stored.updated === version) return;
  const at = new Date(stored.updated);
  throw new Error(
    messages.t(lang, "staleSave", {
      time: Utilities.formatDate(at, tz, "HH:mm"),
      date: formatDayLong(civilDay(at, tz), lang),
    }),
  );
}

/** Grows the tab so that `row` exists: a tab with no spare row must not block a save. */
function ensureRow(sheet: Sheet, row: number): void {
  const maxRows = sheet.getMaxRows();
  if (row > maxRows) sheet.insertRowsAfter(maxRows, row - maxRows);
}

/** saveObjective with an injectable clock and spreadsheet, for tests. */
export function saveObjectiveIn(ss: Spreadsheet, raw: unknown, lang: Lang, now: Date): Objective {
  const input = checkAgainstSheet(ss, validateObjective(raw, lang), lang);
  return underLock("save", lang, () => {
    const timeZone = ss.getSpreadsheetTimeZone();
    const found = findTaggedSheet(ss, OBJECTIVES_KEY);
    if (!found && input.id) throw new Error(messages.t(lang, "notFound", { value: input.id }));
    const sheet = found ?? createObjectivesSheet(ss, lang);
    // Re-read under the lock: rows may have moved or been deleted since the sidebar loaded.
    const values = sheet.getDataRange().getValues();
    const parsed = parseObjectiveRows(values, timeZone, lang, sheet.getName());
    const empty = values.every((r) => r.every((v) => v === "" || v === null));
    // A tab someone emptied holds nothing to lose: its header is written again.
    if (empty) writeHeaderRow(sheet, lang);
    const layout = empty ? parsed.layout : layoutOrThrow(parsed);
    const rowOfId = rowsById(values, layout, timeZone);
    const stamp = timestamp(now);
    let row: number;
    let id: string;
    let created = stamp;
    if (input.id) {
      const at = rowOfId.get(input.id);
      if (at === undefined) throw new Error(messages.t(lang, "notFound", { value: input.id }));
      row = at;
      id = input.id;
      const existing = parsed.objectives.find((s) => s.row === row)?.objective;
      checkVersion(raw, existing, lang, timeZone);
      if (existing?.created) created = existing.created;
    } else {
      id = newId(new Set(rowOfId.keys()));
      row = Math.max(values.length, sheet.getLastRow()) + 1;
      ensureRow(sheet, row);
    }
    const objective: Objective = { ...input, id, created, updated: stamp };
    const written = objective.filter ? withFilterColumn(sheet, layout, lang) : layout;
    writeObjectiveRow(sheet, written, row, objective, timeZone, lang);
    return objective;
  });
}

/**
 * Removes the objective's row from KPI Pilot's columns only: the rows below move up within those
 * columns (values and number formats), and the columns the team added beside the table keep every
 * cell where it is.
 */
function removeObjectiveRow(
  sheet: Sheet,
  layout: Layout,
  values: readonly (readonly unknown[])[],
  row: number,
): void {
  const last = values.length;
  const ours = [...new Set(presentColumns(layout))].sort((a, b) => a - b);
  // Runs of adjacent columns: one read and one write of each kind per run.
  const runs: { first: number; width: number }[] = [];
  for (const col of ours) {
    const run = runs[runs.length - 1];
    if (run && col === run.first + run.width) run.width++;
    else runs.push({ first: col, width: 1 });
  }
  const height = last - row + 1;
  for (const { first, width } of runs) {
    const block = sheet.getRange(row, first + 1, height, width);
    const formats = block.getNumberFormats();
    const shifted: unknown[][] = [];
    const shiftedFormats: string[][] = [];
    for (let r = 1; r < height; r++) {
      // Text goes back as text: a name such as "=1+1" or "007" must stay what it was.
      shifted.push(
        (values[row + r - 1] ?? []).slice(first, first + width).map((v) => {
          if (typeof v === "string") return textCell(v);
          return v ?? "";
        }),
      );
      shiftedFormats.push(formats[r] ?? []);
    }
    shifted.push(new Array<unknown>(width).fill(""));
    shiftedFormats.push(formats[0]?.map(() => "General") ?? []);
    block.setValues(shifted);
    block.setNumberFormats(shiftedFormats);
  }
}

/** deleteObjective with an injectable spreadsheet, for tests. */
export function deleteObjectiveIn(
  ss: Spreadsheet,
  rawId: unknown,
  lang: Lang,
): { deleted: string } {
  const id = objectiveId(rawId, lang);
  return underLock("delete", lang, () => {
    const sheet = findTaggedSheet(ss, OBJECTIVES_KEY);
    if (!sheet) throw new Error(messages.t(lang, "notFound", { value: id }));
    const timeZone = ss.getSpreadsheetTimeZone();
    // The row is looked up now, under the lock: the id, not a row number from the client, decides.
    const values = sheet.getDataRange().getValues();
    const layout = layoutOrThrow(parseObjectiveRows(values, timeZone, lang, sheet.getName()));
    const index = values.findIndex(
      (cells, i) => i > 0 && cellText(cells[layout.id], timeZone).trim() === id,
    );
    if (index < 0) throw new Error(messages.t(lang, "notFound", { value: id }));
    removeObjectiveRow(sheet, layout, values, index + 1);
    return { deleted: id };
  });
}

/** Sidebar: creates (no id) or updates (known id) an objective; returns it as stored. */
export function saveObjective(o: unknown): Objective {
  return saveObjectiveIn(SpreadsheetApp.getActiveSpreadsheet(), o, userLang(), new Date());
}

/** Sidebar: deletes the objective with this id (the user confirmed it in the sidebar). */
export function deleteObjective(id: unknown): { deleted: string } {
  return deleteObjectiveIn(SpreadsheetApp.getActiveSpreadsheet(), id, userLang());
}
