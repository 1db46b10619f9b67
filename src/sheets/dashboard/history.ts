/**
 * The history tab ("KPI history" / « Historique KPI ») as read back: its columns, its rows, and
 * the latest review before a day. The weekly review appends to it (src/sheets/review/history.ts);
 * the dashboard's "since last review" column and the digest's "what changed" both read it, so
 * its reader sits here, in the lower of the two layers.
 */
import { STATUS_CODES, type StatusCode } from "../../contract/objectives.ts";
import { readDay } from "../../kpi/cells.ts";
import { statusWord } from "../../kpi/status.ts";
import type { EngineContext, Unit } from "../../kpi/types.ts";
import { findTaggedSheet } from "../workbook/tabs.ts";
import { unitFromCell } from "./format.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const HISTORY_KEY = "kpiPilot.history";

/** The columns, in order; the tab is written in this order and read back by position. */
export const HISTORY_HEADER_KEYS = [
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
export const HISTORY_COLUMNS = HISTORY_HEADER_KEYS.length;

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

/**
 * A status as the tab shows it, in either language, back to its code (the catalogue's words).
 * Every code, "Not started" included: a word read back as no status would show an objective that
 * has not moved as moved.
 */
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
  if (!sheet) return [];
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const values = sheet.getRange(2, 1, last - 1, HISTORY_COLUMNS).getValues();
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

/** A review as the history tab recorded it: its day and its rows, by objective id. */
export interface LastReview {
  day: number;
  rows: ReadonlyMap<string, HistoryRow>;
}

/**
 * The rows of the latest review before `day`, by objective id, or null when there is none: what
 * the digest's "what changed" and the dashboard's "since last review" both compare with. Before
 * the day, so a dashboard rebuilt after today's review still compares with the one before, as
 * the review's own rebuild did.
 */
export function previousReview(history: readonly HistoryRow[], day: number): LastReview | null {
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
