/**
 * The wizard and a BigQuery source. Before anything runs, `previewBigQueryScan` tells which table
 * and days the dashboard build would read, from the same plan the build uses; it runs no query.
 * When the user asks, `previewBigQueryObjective` runs that very query (billed to their project,
 * as the wizard says beside the button) into a hidden data-source sheet of its own, and answers
 * with the same preview as a tab's: periods, the last complete one as the baseline, the history
 * the realism check needs.
 */

import type { Lang } from "../../contract/i18n.ts";
import type { ObjectiveField } from "../../contract/rules/objective-rules.ts";
import type { BigQueryScan, BigQueryScanRequest, Preview } from "../../contract/wizard.ts";
import { todayDay } from "../../kpi/days.ts";
import { frequencyPeriod } from "../../kpi/periods.ts";
import { getKpi } from "../../kpi/registry/index.ts";
import { pointsFromSums } from "../../kpi/series.ts";
import { type PlannedQuery, planQueries } from "../bigquery/plan.ts";
import {
  BIGQUERY_PREVIEW_KEY,
  inputSums,
  runQuery,
  scanText,
  specProblemText,
} from "../bigquery/run.ts";
import { validateObjectiveFields } from "../objectives/rules.ts";
import { userLang } from "../workbook/locale.ts";
import { withDocumentLock } from "../workbook/lock.ts";
import { messages } from "../workbook/messages.ts";
import { previewOfPoints } from "./endpoints.ts";

const SCAN_FIELDS: readonly ObjectiveField[] = [
  "kpiId",
  "sourceSheet",
  "dateColumn",
  "inputs",
  "startDate",
  "frequency",
  "filter",
];

const PREVIEW_LOCK_WAIT_MS = 10_000;

/** The id the draft objective gets in its plan (an objective's columns are keyed by id). */
const DRAFT_ID = "draft";

/** The draft's one query, as the build would plan it; throws the reason in words when there is none. */
function draftQuery(request: BigQueryScanRequest, lang: Lang, timeZone: string): PlannedQuery {
  const valid = validateObjectiveFields(request, lang, SCAN_FIELDS);
  // The objective as it would be saved, for the plan only: the fields the plan reads are checked.
  const objective = { ...valid, id: DRAFT_ID, created: "", updated: "" };
  const [query] = planQueries([objective], timeZone, todayDay(timeZone), "bigquery");
  if (!query) throw new Error(messages.t(lang, "bqScanNotBigQuery"));
  if ("problem" in query.compiled) {
    throw new Error(specProblemText(query.compiled.problem, lang));
  }
  return query;
}

export function previewBigQueryScan(request: BigQueryScanRequest): BigQueryScan {
  const lang = userLang();
  const timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const query = draftQuery(request, lang, timeZone);
  return { text: scanText(query, lang), project: query.project };
}

/** Runs the draft's query in BigQuery and previews its figures; BigQuery's refusals in words. */
export function previewBigQueryObjective(request: BigQueryScanRequest): Preview {
  const lang = userLang();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const ctx = { timeZone, locale: ss.getSpreadsheetLocale() };
  const query = draftQuery(request, lang, timeZone);
  // Under the document lock: the first preview inserts its hidden sheet, which two at once would double.
  const outcome = withDocumentLock(
    "preview",
    PREVIEW_LOCK_WAIT_MS,
    (why) => {
      throw new Error(messages.t(lang, `busy_${why}`));
    },
    () => runQuery(ss, query, BIGQUERY_PREVIEW_KEY, timeZone, lang),
  );
  if (!outcome.ok) throw new Error(`${outcome.error} ${outcome.scan}`);
  const sums = inputSums(outcome.sums, query.columns.get(DRAFT_ID) ?? {});
  const kpi = getKpi(request.kpiId);
  const points = pointsFromSums(kpi, sums, frequencyPeriod(request.frequency), ctx);
  return {
    ...previewOfPoints(points, todayDay(timeZone)),
    total: null,
    rows: 0,
    leftOut: { totals: 0, undated: 0, filtered: 0 },
    headerRow: 1,
    scan: outcome.scan,
  };
}
