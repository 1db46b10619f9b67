/**
 * Runs the plan's queries through Connected Sheets, as the user, on their project: each into a
 * hidden data-source sheet that KPI Pilot owns (tagged like its other tabs, slot n for the n-th
 * query, reused on every build), then reads the few result rows back as per-period sums.
 *
 * References (Apps Script docs, Spreadsheet service):
 * - https://developers.google.com/apps-script/guides/sheets/connected-sheets — enableBigQueryExecution()
 *   must be called; it brings the bigquery.readonly scope.
 * - …/reference/spreadsheet/data-source-sheet — getSheetValues(columnName), getStatus(),
 *   waitForCompletion(timeoutInSeconds), asSheet().
 * - …/reference/spreadsheet/data-source — updateSpec(spec) refreshes the linked objects with the new spec.
 * - …/reference/spreadsheet/data-execution-error-code — TIME_OUT, PERMISSION_DENIED,
 *   DATA_NOT_FOUND, ENGINE ("use DataExecutionStatus.getErrorMessage()"), TOO_MANY_ROWS…
 */

import { formatDayLong } from "../../contract/format.ts";
import type { Lang } from "../../contract/i18n.ts";
import { isoDay } from "../../kpi/days.ts";
import { readSums } from "../../kpi/sql/result.ts";
import type { PeriodSums } from "../../kpi/sql/sums.ts";
import { SqlSpecError } from "../../kpi/sql/types.ts";
import { messages } from "../workbook/messages.ts";
import { findTaggedSheet } from "../workbook/tabs.ts";
import type { PlannedQuery, SpecProblem } from "./plan.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DataSourceSpec = GoogleAppsScript.Spreadsheet.DataSourceSpec;
type DataSourceSheet = GoogleAppsScript.Spreadsheet.DataSourceSheet;
/** @types/google-apps-script lacks Spreadsheet.insertDataSourceSheet, which the reference documents. */
type ConnectedSpreadsheet = Spreadsheet & {
  insertDataSourceSheet(spec: DataSourceSpec): DataSourceSheet;
};

/** The key of slot n's hidden data-source sheet. */
export const bigQuerySheetKey = (n: number) => `kpiPilot.bigquery.${n}`;
/** The key of the hidden data-source sheet the wizard's preview runs in. */
export const BIGQUERY_PREVIEW_KEY = "kpiPilot.bigquery.preview";
/** How long a build waits for one query; Apps Script stops any run at 6 minutes. */
export const QUERY_TIMEOUT_SECONDS = 120;

/** A query's sums, or why there are none; `table` is the table it reads, `scan` that in words. */
export type QueryOutcome = { readonly table: string; readonly scan: string } & (
  | { readonly ok: true; readonly sums: PeriodSums[] }
  | { readonly ok: false; readonly error: string }
);

/** What an objective on BigQuery gets from a build: its inputs' result columns, its query's outcome. */
export interface BigQueryResult {
  readonly columns: Readonly<Record<string, string>>;
  readonly outcome: QueryOutcome;
}

/** Why a source cannot become a query, in words. */
export function specProblemText(problem: SpecProblem, lang: Lang): string {
  const params = Object.fromEntries(Object.entries(problem.params).map(([k, v]) => [k, String(v)]));
  return messages.t(lang, "bqSpec", { problem: messages.t(lang, `sql_${problem.code}`, params) });
}

/** A query's per-period sums renamed to one objective's KPI inputs (`columns`: input → result column). */
export function inputSums(
  sums: readonly PeriodSums[],
  columns: Readonly<Record<string, string>>,
): PeriodSums[] {
  return sums.map((s) => ({
    ...s,
    values: Object.fromEntries(
      Object.entries(columns).flatMap(([input, column]) =>
        s.values[column] === undefined ? [] : [[input, s.values[column]]],
      ),
    ),
  }));
}

/** Where a query reads, in words: shown before the figures, and beside every error. */
export function scanText(q: PlannedQuery, lang: Lang): string {
  const table = "table" in q.compiled ? q.compiled.table : q.key;
  const scan = "scanFrom" in q.compiled ? q.compiled : { scanFrom: q.startDay, scanTo: q.endDay };
  return messages.t(lang, "bqScan", {
    tables: table,
    from: formatDayLong(q.startDay, lang),
    to: formatDayLong(q.endDay, lang),
    scanFrom: isoDay(scan.scanFrom),
    scanTo: isoDay(scan.scanTo),
  });
}

function errorText(
  code: string,
  message: string,
  q: PlannedQuery,
  table: string,
  lang: Lang,
): string {
  const p = { table, project: q.project, message, seconds: QUERY_TIMEOUT_SECONDS };
  switch (code) {
    case "TIME_OUT":
      return messages.t(lang, "bqTimeout", p);
    case "PERMISSION_DENIED":
      return messages.t(lang, "bqPermission", p);
    case "DATA_NOT_FOUND":
      return messages.t(lang, "bqNotFound", p);
    case "TOO_MANY_ROWS":
    case "TOO_MANY_CELLS":
      return messages.t(lang, "bqTooBig", p);
  }
  // Billing and quota refusals arrive as engine errors whose text is BigQuery's own; only a real
  // project shows their exact wording, so these two patterns are a best reading of it.
  if (/billing/i.test(message)) return messages.t(lang, "bqBilling", p);
  if (/quota|rate limit/i.test(message)) return messages.t(lang, "bqQuota", p);
  return messages.t(lang, "bqEngine", { ...p, message: message.slice(0, 300) });
}

/** The hidden sheet tagged `key` with `spec` running in it: reused when it is there, else inserted. */
function slotSheet(ss: ConnectedSpreadsheet, key: string, spec: DataSourceSpec): DataSourceSheet {
  const tagged = findTaggedSheet(ss, key, { exact: true });
  const found = tagged?.asDataSourceSheet();
  if (found) {
    found.getDataSource().updateSpec(spec);
    return found;
  }
  // Tagged but no longer a data-source sheet (its connection was removed in Sheets): it is left
  // as it is, untagged, so the new sheet below is the one found next time, not one more per build.
  if (tagged) {
    for (const md of tagged.createDeveloperMetadataFinder().withKey(key).find()) md.remove();
  }
  const dss = ss.insertDataSourceSheet(spec);
  const sheet = dss.asSheet();
  // Hidden: it holds intermediate sums, not something to read; Sheets names it itself.
  sheet.hideSheet();
  sheet.addDeveloperMetadata(key, String(sheet.getSheetId()));
  return dss;
}

/** Runs each planned query, one after the other, and reads its sums; never throws for BigQuery's errors. */
export function runQueries(
  ss: Spreadsheet,
  plan: readonly PlannedQuery[],
  timeZone: string,
  lang: Lang,
): QueryOutcome[] {
  return plan.map((q, i) => runQuery(ss, q, bigQuerySheetKey(i + 1), timeZone, lang));
}

/**
 * Runs one planned query in the hidden data-source sheet tagged `slotKey` (reused, else
 * inserted) and reads its sums; never throws for BigQuery's errors.
 */
export function runQuery(
  ss: Spreadsheet,
  q: PlannedQuery,
  slotKey: string,
  timeZone: string,
  lang: Lang,
): QueryOutcome {
  const scan = scanText(q, lang);
  if ("problem" in q.compiled) {
    return { ok: false, table: q.key, scan, error: specProblemText(q.compiled.problem, lang) };
  }
  SpreadsheetApp.enableBigQueryExecution();
  const { sql, columns, table } = q.compiled;
  const spec = SpreadsheetApp.newDataSourceSpec()
    .asBigQuery()
    .setProjectId(q.project)
    .setRawQuery(sql)
    .build();
  const dss = slotSheet(ss as ConnectedSpreadsheet, slotKey, spec);
  let status: GoogleAppsScript.Spreadsheet.DataExecutionStatus;
  try {
    status = dss.waitForCompletion(QUERY_TIMEOUT_SECONDS);
  } catch {
    // The reference: waitForCompletion throws when the execution is not done in time, and
    // does not cancel it.
    return { ok: false, table, scan, error: errorText("TIME_OUT", "", q, table, lang) };
  }
  if (String(status.getExecutionState()) !== "SUCCESS") {
    const code = String(status.getErrorCode());
    return {
      ok: false,
      table,
      scan,
      error: errorText(code, status.getErrorMessage(), q, table, lang),
    };
  }
  if (status.isTruncated()) {
    return { ok: false, table, scan, error: errorText("TOO_MANY_ROWS", "", q, table, lang) };
  }
  // One call per column: a handful of columns of a few dozen rows.
  const byColumn = columns.map((c) => dss.getSheetValues(c));
  const rows = (byColumn[0] ?? []).map((_, r) => byColumn.map((col) => col[r]));
  try {
    const measures = columns.slice(4);
    return { ok: true, table, scan, sums: readSums(columns, rows, measures, timeZone) };
  } catch (e) {
    if (!(e instanceof SqlSpecError)) throw e;
    return {
      ok: false,
      table,
      scan,
      error: messages.t(lang, "bqBadResult", {
        table,
        column: String(e.params.column ?? ""),
        row: String(e.params.row ?? ""),
      }),
    };
  }
}
