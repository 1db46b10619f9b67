/**
 * The sidebar's list of objectives (exported by src/main.ts): every readable objective with where
 * it stands, computed as the dashboard computes it, and the rows of the tab that could not be read.
 */
import type { Lang } from "../../contract/i18n.ts";
import type { ObjectiveList } from "../../contract/objectives.ts";
import { userLang } from "../workbook/locale.ts";
import { summaryOf } from "./evaluate.ts";
import { evaluateWorkbook, readWorkbook } from "./read.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** listObjectives with an injectable clock and spreadsheet, for tests. */
export function listObjectivesIn(ss: Spreadsheet, lang: Lang, now: Date): ObjectiveList {
  const wb = readWorkbook(ss, lang, now);
  return {
    objectives: evaluateWorkbook(wb, lang).map((e) => summaryOf(e, lang)),
    problems: wb.problems,
  };
}

/** Sidebar: every readable objective with where it stands, and the rows that could not be read. */
export function listObjectives(): ObjectiveList {
  return listObjectivesIn(SpreadsheetApp.getActiveSpreadsheet(), userLang(), new Date());
}
