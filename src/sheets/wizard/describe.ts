/**
 * What the wizard shows before the user picks anything: the KPIs in the user's language, each
 * data tab's headers, date columns and column suggestions (from one read of its first rows), and
 * the advisor's suggestions and the market benchmarks, which read no sheet.
 */
import type { Lang } from "../../contract/i18n.ts";
import { minusTerm, ONE_PER_ROW } from "../../contract/input-terms.ts";
import type {
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
  suggestMapping,
} from "../../kpi/mapping.ts";
import { adviceIn } from "../../kpi/registry/advice.ts";
import { BENCHMARKS, benchmarkIn } from "../../kpi/registry/benchmarks.ts";
import { KPIS } from "../../kpi/registry/index.ts";
import { objectiveInputs } from "../../kpi/registry/traits.ts";
import type { Direction, EngineContext, KpiDefinition } from "../../kpi/types.ts";
import { ruleKpi } from "../objectives/rules.ts";
import { HEADER_SEARCH_ROWS, readTable } from "../workbook/cells.ts";
import { userLang } from "../workbook/locale.ts";
import { messages } from "../workbook/messages.ts";
import { ownSheetIds } from "../workbook/tabs.ts";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows below the header looked at to tell a date column from others. */
const SAMPLE_ROWS = 20;

/** Everything the wizard shows before the user picks anything; one read per data tab. */
export function getWizardContext(): WizardContext {
  const lang = userLang();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const ctx: EngineContext = { timeZone, locale: ss.getSpreadsheetLocale() };
  const own = ownSheetIds(ss);
  const sheets: SheetInfo[] = [];
  for (const sheet of ss.getSheets()) {
    if (own.has(sheet.getSheetId())) continue;
    const info = describeSheet(sheet, ctx);
    if (info) sheets.push(info);
  }
  const active = ss.getActiveSheet()?.getName();
  const withDates = sheets.filter((s) => s.dateColumns.length > 0);
  const defaultSheet = withDates.find((s) => s.name === active)?.name ?? withDates[0]?.name ?? null;
  return {
    lang,
    today: isoDay(todayDay(timeZone)),
    timeZone,
    kpis: KPIS.map((k) => wizardKpi(k, lang)),
    sheets,
    defaultSheet,
    advice: adviceIn(lang),
    benchmarks: BENCHMARKS.map((b) => benchmarkIn(b, lang)),
  };
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
  const read = Math.min(lastRow, HEADER_SEARCH_ROWS + SAMPLE_ROWS + 1);
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
  return {
    name,
    headers: [...headers],
    concerns,
    headerRow: table.headerIndex + 1,
    dateColumns,
    rows: Math.max(0, lastRow - table.headerIndex - 1),
    suggestions,
  };
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
