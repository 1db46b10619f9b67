/**
 * Reads what a status needs from the workbook, once: the Objectives tab and each source tab in one
 * getValues each. The dashboard and the sidebar's list of objectives both start here.
 */

import type { Lang } from "../../contract/i18n.ts";
import type { Objective, RowProblem } from "../../contract/objectives.ts";
import { isBigQuerySource } from "../../contract/rules/bigquery-source.ts";
import { todayDay } from "../../kpi/days.ts";
import type { EngineContext } from "../../kpi/types.ts";
import { planQueries } from "../bigquery/plan.ts";
import { type BigQueryResult, runQueries } from "../bigquery/run.ts";
import { readObjectives } from "../objectives/tab.ts";
import { evaluateAll, type ObjectiveEval, type SourceTable } from "./evaluate.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Workbook {
  timeZone: string;
  ctx: EngineContext;
  today: number;
  objectives: Objective[];
  problems: RowProblem[];
  sources: Map<string, SourceTable>;
  /** Per BigQuery objective id: the result columns of its inputs and its query's outcome. */
  queried: Map<string, BigQueryResult>;
}

/** Everything a build or the sidebar's list needs: the objectives, and each source tab read once. */
export function readWorkbook(
  ss: Spreadsheet,
  lang: Lang,
  now: Date,
  options: { bigQuery?: boolean } = {},
): Workbook {
  const timeZone = ss.getSpreadsheetTimeZone();
  const store = readObjectives(ss, timeZone, lang);
  const objectives = store.objectives.map((s) => s.objective);
  const sources = new Map<string, SourceTable>();
  for (const o of objectives) {
    if (sources.has(o.sourceSheet) || isBigQuerySource(o.sourceSheet)) continue;
    const sheet = ss.getSheetByName(o.sourceSheet);
    sources.set(o.sourceSheet, {
      name: o.sourceSheet,
      values: sheet ? sheet.getDataRange().getValues() : null,
    });
  }
  // The locale only settles ambiguous text such as "1,234": fetched if the engine asks for it.
  let locale: string | undefined;
  const ctx: EngineContext = {
    timeZone,
    get locale() {
      locale ??= ss.getSpreadsheetLocale();
      return locale;
    },
  };
  const today = todayDay(timeZone, now);
  // BigQuery bills each query: only a build runs them, never the sidebar's list.
  const queried = new Map<string, BigQueryResult>();
  if (options.bigQuery) {
    const plan = planQueries(objectives, timeZone, today, "bigquery");
    const outcomes = runQueries(ss, plan, timeZone, lang);
    plan.forEach((q, i) => {
      for (const [id, columns] of q.columns) queried.set(id, { columns, outcome: outcomes[i]! });
    });
  }
  return {
    timeZone,
    ctx,
    today,
    queried,
    objectives,
    problems: store.problems,
    sources,
  };
}

export function evaluateWorkbook(wb: Workbook, lang: Lang): ObjectiveEval[] {
  return evaluateAll(wb.objectives, wb.sources, wb.ctx, wb.today, lang, wb.queried);
}
