/**
 * The wizard's look at a BigQuery source before its first run: which table and days the dashboard
 * build would read, from the same plan the build uses. It runs no query, since in BigQuery a
 * preview would be the build's query itself, billed to the user's project.
 */
import type { ObjectiveField } from "../../contract/rules/objective-rules.ts";
import type { BigQueryScan, BigQueryScanRequest } from "../../contract/wizard.ts";
import { todayDay } from "../../kpi/days.ts";
import { planQueries } from "../bigquery/plan.ts";
import { scanText } from "../bigquery/run.ts";
import { validateObjectiveFields } from "../objectives/rules.ts";
import { userLang } from "../workbook/locale.ts";
import { messages } from "../workbook/messages.ts";

const SCAN_FIELDS: readonly ObjectiveField[] = [
  "kpiId",
  "sourceSheet",
  "dateColumn",
  "inputs",
  "startDate",
  "frequency",
];

export function previewBigQueryScan(request: BigQueryScanRequest): BigQueryScan {
  const lang = userLang();
  const valid = validateObjectiveFields(request, lang, SCAN_FIELDS);
  const timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  // The objective as it would be saved, for the plan only: the fields the plan reads are checked.
  const objective = { ...valid, id: "", created: "", updated: "" };
  const [query] = planQueries([objective], timeZone, todayDay(timeZone), "bigquery");
  if (!query) throw new Error(messages.t(lang, "bqScanNotBigQuery"));
  if ("problem" in query.compiled) {
    throw new Error(messages.t(lang, "bqSpec", { problem: query.compiled.problem }));
  }
  return { text: scanText(query, lang), project: query.project };
}
