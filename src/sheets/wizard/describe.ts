/**
 * What the wizard shows before the user picks anything: the KPIs in the user's language, each
 * data tab's headers, date columns and column suggestions (from one read of its first rows), and
 * the advisor's suggestions and the market benchmarks, which read no sheet.
 */
import type { Lang } from "../../contract/i18n.ts";
import { bigQueryNames, isBigQuerySource } from "../../contract/rules/bigquery-source.ts";
import { minusTerm, ONE_PER_ROW } from "../../contract/rules/input-terms.ts";
import type {
  FilterChoice,
  InputSuggestion,
  SheetInfo,
  WizardContext,
  WizardKpi,
} from "../../contract/wizard.ts";
import { dateColumnCheck, looksLikeDate, parseNumberText } from "../../kpi/cells.ts";
import { isoDay, todayDay } from "../../kpi/days.ts";
import {
  type ColumnConcern,
  columnConcern,
  suggestDateColumn,
  suggestKeyColumn,
  suggestMapping,
} from "../../kpi/mapping.ts";
import { adviceIn } from "../../kpi/registry/advice.ts";
import { BENCHMARKS, benchmarkIn } from "../../kpi/registry/benchmarks.ts";
import { KPIS } from "../../kpi/registry/index.ts";
import { objectiveInputs } from "../../kpi/registry/traits.ts";
import { filterKey, selectRows } from "../../kpi/rows.ts";
import type { Direction, EngineContext, KpiDefinition } from "../../kpi/types.ts";
import { ruleKpi } from "../objectives/rules.ts";
import { readObjectives } from "../objectives/tab.ts";
import { HEADER_SEARCH_ROWS, readTable } from "../workbook/cells.ts";
import { userLang } from "../workbook/locale.ts";
import { messages } from "../workbook/messages.ts";
import { ownSheetIds } from "../workbook/tabs.ts";
import { readWizardDraft } from "./draft-store.ts";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows below the header looked at to tell a date column from others. */
const SAMPLE_ROWS = 20;
/**
 * Rows read for the values a filter offers: a few months of a daily campaign report. One read per
 * tab whatever its size; a longer tab says that its list may be incomplete.
 */
export const FILTER_SCAN_ROWS = 2000;
/** Columns offered as filters, and values listed for each. */
const MAX_FILTER_COLUMNS = 4;
export const MAX_FILTER_CHOICES = 40;

/** Everything the wizard shows before the user picks anything; one read per data tab. */
export function getWizardContext(): WizardContext {
  const lang = userLang();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const ctx: EngineContext = { timeZone, locale: ss.getSpreadsheetLocale() };
  const own = ownSheetIds(ss);
  const sheets = describeSheets(ss, own, ctx);
  const { defaultSheet, activeProblem } = activeStart(ss, sheets, own, lang);
  return {
    lang,
    today: isoDay(todayDay(timeZone)),
    timeZone,
    kpis: KPIS.map((k) => wizardKpi(k, lang)),
    sheets,
    defaultSheet,
    activeProblem,
    savedDraft: readWizardDraft(),
    advice: adviceIn(lang),
    benchmarks: BENCHMARKS.map((b) => benchmarkIn(b, lang)),
    bigQueryTables: bigQueryTablesInUse(ss, timeZone, lang),
  };
}

/** The BigQuery tables the Objectives tab's rows read, each once, sorted. */
function bigQueryTablesInUse(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  timeZone: string,
  lang: Lang,
): string[] {
  const tables = new Set<string>();
  for (const { objective } of readObjectives(ss, timeZone, lang).objectives) {
    if (!isBigQuerySource(objective.sourceSheet)) continue;
    const { project, dataset, table } = bigQueryNames(objective.sourceSheet);
    tables.add(`${project}.${dataset}.${table}`);
  }
  return [...tables].sort();
}

/** Every data tab as the wizard offers it: KPI Pilot's own tabs and empty ones left out. */
function describeSheets(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  own: ReadonlySet<number>,
  ctx: EngineContext,
): SheetInfo[] {
  const sheets: SheetInfo[] = [];
  for (const sheet of ss.getSheets()) {
    if (own.has(sheet.getSheetId())) continue;
    const info = describeSheet(sheet, ctx);
    if (info) sheets.push(info);
  }
  return sheets;
}

/**
 * The data tabs again, for a wizard left open while the workbook changed (a tab imported since):
 * the same description as getWizardContext's, and nothing else.
 */
export function getWizardSheets(): SheetInfo[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ctx: EngineContext = {
    timeZone: ss.getSpreadsheetTimeZone(),
    locale: ss.getSpreadsheetLocale(),
  };
  return describeSheets(ss, ownSheetIds(ss), ctx);
}

/**
 * Where the wizard starts: on the tab the user is on. When that tab cannot be read, it says so and
 * starts on no tab; picking another would put someone else's data under the user's objective.
 */
function activeStart(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheets: readonly SheetInfo[],
  own: ReadonlySet<number>,
  lang: Lang,
): { defaultSheet: string | null; activeProblem: string | null } {
  const active = ss.getActiveSheet();
  if (!active) return { defaultSheet: null, activeProblem: null };
  const name = active.getName();
  if (sheets.some((s) => s.name === name)) return { defaultSheet: name, activeProblem: null };
  const key = own.has(active.getSheetId()) ? "activeOwnTab" : "activeUnreadable";
  return { defaultSheet: null, activeProblem: messages.t(lang, key, { sheet: name }) };
}

export function wizardKpi(kpi: KpiDefinition, lang: Lang): WizardKpi {
  // What the objective rules know of the KPI (the sidebar checks with them), and its words.
  const { id, name, canBeNegative, inputs } = ruleKpi(kpi, lang);
  return {
    id,
    name,
    canBeNegative,
    inputs: [...inputs],
    definition: kpi.definition[lang],
    formula: kpi.formula[lang],
    unit: kpi.unit,
    direction: kpi.direction,
    suggestedName: suggestedName(kpi, kpi.direction, lang),
    suggestedNames: {
      higher: suggestedName(kpi, "higher", lang),
      lower: suggestedName(kpi, "lower", lang),
    },
    phrase: kpi.phrase[lang],
  };
}

/** A tab's headers, date columns and column suggestions, from its first rows (one read). */
export function describeSheet(sheet: Sheet, ctx: EngineContext): SheetInfo | null {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 2 || lastColumn < 1) return null;
  const read = Math.min(lastRow, Math.max(HEADER_SEARCH_ROWS + SAMPLE_ROWS + 1, FILTER_SCAN_ROWS));
  const values = sheet.getRange(1, 1, read, lastColumn).getValues();
  return describeTable(sheet.getName(), values, lastRow, ctx);
}

/**
 * The pure part of describeSheet, on the first rows of a tab (lines above the header included)
 * and the tab's number of rows.
 */
export function describeTable(
  name: string,
  values: readonly (readonly unknown[])[],
  lastRow: number,
  ctx: EngineContext,
): SheetInfo | null {
  const table = readTable(values, ctx);
  const { header } = table;
  const headers = header.headers;
  if (headers.length === 0) return null;
  const headerRow = header.byColumn;
  const sample = table.rows.slice(0, SAMPLE_ROWS);
  const dateColumns = headers.filter(
    (h) =>
      dateColumnCheck(
        sample.map((row) => row[header.find(h) as number]),
        ctx,
      ).isDates,
  );
  // The column whose header says "Date" comes first among the columns that hold dates.
  const named = suggestDateColumn(headerRow).candidates.map((c) => headerRow[c] ?? "");
  dateColumns.sort((a, b) => rank(named, a) - rank(named, b));

  const suggestions: Record<string, Record<string, InputSuggestion>> = {};
  const dateSet = new Set(dateColumns);
  // Columns of text or dates: no quantity, whatever their header says.
  const nonQuantities = new Set<number>();
  headerRow.forEach((h, c) => {
    const filled = sample
      .map((row) => row[c])
      .filter((v) => v !== "" && v !== null && v !== undefined);
    if (h !== "" && filled.length > 0 && filled.every((v) => isTextCell(v, ctx))) {
      nonQuantities.add(c);
    }
    if (dateSet.has(h)) nonQuantities.add(c);
  });
  for (const kpi of KPIS) {
    const mapping = suggestMapping(kpi, headerRow, nonQuantities);
    const perInput: Record<string, InputSuggestion> = {};
    for (const input of objectiveInputs(kpi)) {
      const s = mapping[input.name];
      const header = (c: number) => headerRow[c] ?? "";
      const usable = (h: string) => h !== "" && !dateSet.has(h);
      const columns = s?.oneRow
        ? [ONE_PER_ROW]
        : [
            ...(s?.columns ?? []).map(header).filter(usable),
            ...(s?.minus ?? []).map(header).filter(usable).map(minusTerm),
          ];
      perInput[input.name] = {
        columns,
        confidence: columns.length === 0 ? "none" : (s?.confidence ?? "none"),
      };
    }
    suggestions[kpi.id] = perInput;
  }
  const concerns: Record<string, ColumnConcern> = {};
  for (const h of headers) {
    const concern = columnConcern(h);
    if (concern) concerns[h] = concern;
  }
  // Columns of text that are neither dates nor identifiers: the key column (campaign, channel)
  // first, then the others left to right.
  const key = suggestKeyColumn(headerRow);
  const textColumns = [...nonQuantities]
    .filter((c) => !dateSet.has(headerRow[c] ?? "") && concerns[headerRow[c] ?? ""] !== "id")
    .sort((a, b) => Number(b === key) - Number(a === key) || a - b)
    .slice(0, MAX_FILTER_COLUMNS);
  const dateCol = dateColumns[0] === undefined ? undefined : header.find(dateColumns[0]);
  const cut = values.length < lastRow;
  const filters =
    dateCol === undefined
      ? []
      : filterChoices(table.rows, dateCol, textColumns, headerRow, cut, ctx);
  return {
    name,
    headers: [...headers],
    concerns,
    headerRow: table.headerIndex + 1,
    dateColumns,
    rows: Math.max(0, lastRow - table.headerIndex - 1),
    suggestions,
    filters,
  };
}

/**
 * The distinct values of each column, over the data rows (total rows left out by the engine's own
 * rule), compared as the filter compares them; the first spelling seen is the one shown.
 */
function filterChoices(
  rows: readonly (readonly unknown[])[],
  dateCol: number,
  columns: readonly number[],
  headerRow: readonly string[],
  cut: boolean,
  ctx: EngineContext,
): FilterChoice[] {
  const kept = selectRows(rows, dateCol, ctx).rows;
  return columns.map((c) => {
    const seen = new Map<string, string>();
    let more = cut;
    for (const i of kept) {
      const v = rows[i]?.[c];
      const k = filterKey(v);
      if (k === "" || seen.has(k)) continue;
      if (seen.size === MAX_FILTER_CHOICES) {
        more = true;
        break;
      }
      seen.set(k, String(v).trim());
    }
    return { column: headerRow[c] ?? "", values: [...seen.values()], more };
  });
}

/** Text that is neither a number nor a date: a label, a name, a status. */
function isTextCell(v: unknown, ctx: EngineContext): boolean {
  return (
    typeof v === "string" &&
    parseNumberText(v, () => ctx.locale) === undefined &&
    !looksLikeDate(v, ctx)
  );
}

function rank(list: readonly string[], item: string): number {
  const i = list.indexOf(item);
  return i < 0 ? list.length : i;
}

/** A prefilled objective name: "Raise conversion rate", « Augmenter le taux de conversion ». */
function suggestedName(kpi: KpiDefinition, direction: Direction, lang: Lang): string {
  return messages.t(lang, direction === "lower" ? "nameLower" : "nameHigher", {
    kpi: kpi.phraseInName[lang],
  });
}
