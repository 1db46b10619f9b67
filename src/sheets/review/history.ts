/**
 * The history tab ("KPI history" / « Historique KPI »): one block of rows per review, one row per
 * objective, found by developer metadata like KPI Pilot's other tabs. Rows are only ever appended
 * below the last one, never rewritten, so the tab is a record a team can trust and chart.
 */
import type { Lang } from "../../contract/i18n.ts";
import type { StatusCode } from "../../contract/objectives.ts";
import { readDay } from "../../kpi/cells.ts";
import { dayToDate } from "../../kpi/days.ts";
import { statusWord } from "../../kpi/status.ts";
import type { EngineContext, Unit } from "../../kpi/types.ts";
import { unitCellValue, unitFromCell, unitNumberFormat } from "../dashboard/format.ts";
import { statusTextOf } from "../status/evaluate.ts";
import { textCell } from "../workbook/cells.ts";
import { messages } from "../workbook/messages.ts";
import { findTaggedSheet, insertTaggedSheet } from "../workbook/tabs.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const HISTORY_KEY = "kpiPilot.history";

/** The columns, in order; the tab is written in this order and read back by position. */
const HEADER_KEYS = [
  "hist_reviewDate",
  "hist_id",
  "hist_name",
  "hist_period",
  "hist_value",
  "hist_status",
  "hist_reason",
  "hist_forecast",
  "hist_forecastLow",
  "hist_forecastHigh",
] as const;
export const HISTORY_COLUMNS = HEADER_KEYS.length;

export interface HistoryRow {
  reviewDay: number;
  id: string;
  name: string;
  /** First day of the period the value is for, or null when there was no complete period. */
  periodStart: number | null;
  value: number | null;
  status: StatusCode | null;
  reason: string;
  forecast: number | null;
  forecastLow: number | null;
  forecastHigh: number | null;
}

const STATUS_CODES: readonly StatusCode[] = [
  "achieved",
  "on_track",
  "at_risk",
  "off_track",
  "missed",
];

/** A status as the tab shows it, in either language, back to its code (the catalogue's words). */
function statusFromWord(word: unknown): StatusCode | null {
  const text = String(word ?? "").trim();
  for (const code of STATUS_CODES) {
    for (const lang of ["en", "fr"] as const) {
      if (statusWord(code, lang) === text) return code;
    }
  }
  return null;
}

function numberOrNull(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Every row of the history tab, oldest first (one getValues), or [] when there is no tab yet. */
export function readHistory(
  ss: Spreadsheet,
  ctx: EngineContext,
  unitOf: (id: string) => Unit | undefined,
): HistoryRow[] {
  const sheet = findTaggedSheet(ss, HISTORY_KEY, { exact: true });
  if (!sheet || sheet.getLastRow() < 2) return [];
  const values = sheet.getRange(2, 1, sheet.getLastRow() - 1, HISTORY_COLUMNS).getValues();
  const rows: HistoryRow[] = [];
  for (const r of values) {
    const reviewDay = readDay(r[0], ctx);
    const id = String(r[1] ?? "").trim();
    // A row someone typed below the block without a date or an id is theirs, not a review's.
    if (reviewDay === null || reviewDay === undefined || id === "") continue;
    const unit = unitOf(id);
    const num = (v: unknown) => {
      const n = numberOrNull(v);
      return n === null || unit === undefined ? n : unitFromCell(n, unit);
    };
    const period = readDay(r[3], ctx);
    rows.push({
      reviewDay,
      id,
      name: String(r[2] ?? ""),
      periodStart: period ?? null,
      value: num(r[4]),
      status: statusFromWord(r[5]),
      reason: String(r[6] ?? ""),
      forecast: num(r[7]),
      forecastLow: num(r[8]),
      forecastHigh: num(r[9]),
    });
  }
  return rows;
}

/** The rows of the latest review before `day`, by objective id, or null when there is none. */
export function previousReview(
  history: readonly HistoryRow[],
  day: number,
): { day: number; rows: Map<string, HistoryRow> } | null {
  let latest: number | null = null;
  for (const h of history)
    if (h.reviewDay < day && (latest === null || h.reviewDay > latest)) latest = h.reviewDay;
  if (latest === null) return null;
  const rows = new Map<string, HistoryRow>();
  for (const h of history) if (h.reviewDay === latest) rows.set(h.id, h);
  return { day: latest, rows };
}

/** The first review that recorded objective `id` at this period: since when it is unchanged. */
export function firstReviewOfPeriod(
  history: readonly HistoryRow[],
  id: string,
  periodStart: number,
): number | null {
  let first: number | null = null;
  for (const h of history) {
    if (h.id === id && h.periodStart === periodStart && (first === null || h.reviewDay < first))
      first = h.reviewDay;
  }
  return first;
}

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
      .setValues([HEADER_KEYS.map((k) => messages.t(lang, k))])
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
