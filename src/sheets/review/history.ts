/**
 * Appending to the history tab ("KPI history" / « Historique KPI »): one block of rows per review,
 * one row per objective, found by developer metadata like KPI Pilot's other tabs. Rows are only
 * ever appended below the last one, never rewritten, so the tab is a record a team can trust and
 * chart. Its columns and its reader are in src/sheets/dashboard/history.ts.
 */
import type { Lang } from "../../contract/i18n.ts";
import { dayToDate } from "../../kpi/days.ts";
import type { Unit } from "../../kpi/types.ts";
import { unitCellValue, unitNumberFormat } from "../dashboard/format.ts";
import {
  HISTORY_COLUMNS,
  HISTORY_HEADER_KEYS,
  HISTORY_KEY,
  type HistoryRow,
} from "../dashboard/history.ts";
import { statusTextOf } from "../status/evaluate.ts";
import { textCell } from "../workbook/cells.ts";
import { messages } from "../workbook/messages.ts";
import { findTaggedSheet, insertTaggedSheet } from "../workbook/tabs.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Appends `rows` below the last row of the history tab, creating the tab (headers in `lang`,
 * frozen) on first use: one setValues and one setNumberFormats for the block, whatever its size.
 * Nothing above is read back or written.
 */
export function appendHistory(
  ss: Spreadsheet,
  rows: readonly (HistoryRow & { unit: Unit })[],
  lang: Lang,
): void {
  if (rows.length === 0) return;
  const timeZone = ss.getSpreadsheetTimeZone();
  let sheet = findTaggedSheet(ss, HISTORY_KEY, { exact: true });
  if (!sheet) {
    sheet = insertTaggedSheet(ss, messages.t(lang, "historyTab"), HISTORY_KEY);
    sheet
      .getRange(1, 1, 1, HISTORY_COLUMNS)
      .setValues([HISTORY_HEADER_KEYS.map((k) => messages.t(lang, k))])
      .setFontWeight("bold");
    sheet.setFrozenRows(1);
  }
  const first = Math.max(sheet.getLastRow(), 1) + 1;
  const needed = first + rows.length - 1;
  const maxRows = sheet.getMaxRows();
  if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
  const cell = (v: number | null, unit: Unit) => (v === null ? "" : unitCellValue(v, unit));
  const values = rows.map((r) => [
    dayToDate(r.reviewDay, timeZone),
    textCell(r.id),
    textCell(r.name),
    r.periodStart === null ? "" : dayToDate(r.periodStart, timeZone),
    cell(r.value, r.unit),
    statusTextOf({ status: r.status, error: null }, lang),
    textCell(r.reason),
    cell(r.forecast, r.unit),
    cell(r.forecastLow, r.unit),
    cell(r.forecastHigh, r.unit),
  ]);
  const formats = rows.map((r) => {
    const f = unitNumberFormat(r.unit, lang);
    return ["yyyy-mm-dd", "@", "@", "yyyy-mm-dd", f, "@", "@", f, f, f];
  });
  sheet
    .getRange(first, 1, rows.length, HISTORY_COLUMNS)
    .setNumberFormats(formats)
    .setValues(values);
}
