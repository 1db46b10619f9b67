/**
 * The wizard's endpoints: what the sidebar needs to propose an objective (KPIs, tabs, headers,
 * column suggestions) and a preview computed by the same engine as the custom functions. The
 * client is never trusted: every argument is checked here, and errors name the wizard field in
 * the user's language.
 */
import type { Lang } from "../../contract/i18n.ts";
import { FIELD_MAX_LENGTH, type Frequency } from "../../contract/objectives.ts";
import type {
  InputSuggestion,
  Preview,
  PreviewPoint,
  PreviewRequest,
  RealismRequest,
  RealismResult,
  SheetInfo,
  WizardContext,
  WizardKpi,
} from "../../contract/wizard.ts";
import { parseDayText } from "../../kpi/cells.ts";
import { isoDay, todayDay, tryParseIsoDay } from "../../kpi/days.ts";
import { FREQUENCIES, frequencyPeriod, periodsBetween } from "../../kpi/periods.ts";
import { findKpi, KPIS, suggestDateColumn, suggestMapping } from "../../kpi/registry.ts";
import { kpiSeries, kpiTotal, type PeriodPoint } from "../../kpi/series.ts";
import { realismCheck } from "../../kpi/smart.ts";
import { completePoints } from "../../kpi/trend.ts";
import type { EngineContext, KpiDefinition } from "../../kpi/types.ts";
import { isDateValue } from "../objectives/codec.ts";
import {
  DIRECTIONS,
  kpiCanBeNegative,
  MAX_INPUT_COLUMNS,
  objectiveInputs,
} from "../objectives/rules.ts";
import { ownSheetIds } from "../objectives/tab.ts";
import { userLang } from "../workbook/locale.ts";
import { kpiPhrase, suggestedName, type WizardMessageKey, wizardMessages } from "./messages.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows below the header looked at to tell a date column from others. */
const SAMPLE_ROWS = 20;
/** Share of a sample's non-blank cells that must be dates for the column to count as dates. */
const DATE_SHARE = 0.8;
/** Periods the preview returns for its small chart. */
const RECENT_PERIODS = 12;
/** Complete periods sent back for the realism check: years of weekly data, and no more. */
const HISTORY_PERIODS = 120;

// ---------------------------------------------------------------------------------------------
// Context

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
  };
}

export function wizardKpi(kpi: KpiDefinition, lang: Lang): WizardKpi {
  return {
    id: kpi.id,
    name: kpi.name[lang],
    definition: kpi.definition[lang],
    formula: kpi.formula[lang],
    unit: kpi.unit,
    direction: kpi.direction,
    canBeNegative: kpiCanBeNegative(kpi),
    inputs: objectiveInputs(kpi).map((i) => ({
      name: i.name,
      label: i.label[lang],
      optional: i.optional === true,
      multiColumn: i.multiColumn === true,
    })),
    suggestedName: suggestedName(kpi, kpi.direction, lang),
    suggestedNames: {
      higher: suggestedName(kpi, "higher", lang),
      lower: suggestedName(kpi, "lower", lang),
    },
    phrase: kpiPhrase(kpi, lang),
  };
}

/** Header texts by column index; blank and repeated headers are left out (a mapping names one). */
export function headerIndex(row: readonly unknown[]): Map<string, number> {
  const index = new Map<string, number>();
  row.forEach((cell, i) => {
    const text = headerText(cell);
    if (text !== "" && !index.has(text)) index.set(text, i);
  });
  return index;
}

function headerText(cell: unknown): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

/** A tab's headers, date columns and column suggestions, from its first rows (one read). */
export function describeSheet(sheet: Sheet, ctx: EngineContext): SheetInfo | null {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 2 || lastColumn < 1) return null;
  const values = sheet.getRange(1, 1, Math.min(lastRow, SAMPLE_ROWS + 1), lastColumn).getValues();
  return describeTable(sheet.getName(), values, lastRow - 1, ctx);
}

/** The pure part of describeSheet, on the values of the header row and a sample of rows. */
export function describeTable(
  name: string,
  values: readonly (readonly unknown[])[],
  rows: number,
  ctx: EngineContext,
): SheetInfo | null {
  const headerRow = (values[0] ?? []).map(headerText);
  const index = headerIndex(headerRow);
  if (index.size === 0) return null;
  const headers = [...index.keys()];
  const sample = values.slice(1);
  const dateColumns = headers.filter((h) => {
    const col = index.get(h) as number;
    let dates = 0;
    let filled = 0;
    for (const row of sample) {
      const v = row[col];
      if (v === "" || v === null || v === undefined) continue;
      filled++;
      if (
        isDateValue(v) ||
        (typeof v === "string" && parseDayText(v, () => ctx.locale) !== undefined)
      ) {
        dates++;
      }
    }
    return filled > 0 && dates / filled >= DATE_SHARE;
  });
  // The column whose header says "Date" comes first among the columns that hold dates.
  const named = suggestDateColumn(headerRow).candidates.map((c) => headerRow[c] ?? "");
  dateColumns.sort((a, b) => rank(named, a) - rank(named, b));

  const suggestions: Record<string, Record<string, InputSuggestion>> = {};
  const dateSet = new Set(dateColumns);
  for (const kpi of KPIS) {
    const mapping = suggestMapping(kpi, headerRow);
    const perInput: Record<string, InputSuggestion> = {};
    for (const input of objectiveInputs(kpi)) {
      const s = mapping[input.name];
      const columns = (s?.columns ?? [])
        .map((c) => headerRow[c] ?? "")
        .filter((h) => h !== "" && index.has(h) && !dateSet.has(h));
      perInput[input.name] = {
        columns,
        confidence: columns.length === 0 ? "none" : (s?.confidence ?? "none"),
      };
    }
    suggestions[kpi.id] = perInput;
  }
  return { name, headers, dateColumns, rows, suggestions };
}

function rank(list: readonly string[], item: string): number {
  const i = list.indexOf(item);
  return i < 0 ? list.length : i;
}

// ---------------------------------------------------------------------------------------------
// Validation of what the client sends

class WizardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WizardError";
  }
}

function quote(lang: Lang, value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return lang === "fr" ? `«\u00a0${short}\u00a0»` : `“${short}”`;
}

function fail(
  lang: Lang,
  field: string | null,
  key: WizardMessageKey,
  params: Record<string, string | number> = {},
): never {
  const fieldText = field ? wizardMessages.t(lang, `field_${field}` as WizardMessageKey) : "";
  throw new WizardError(wizardMessages.t(lang, key, { field: fieldText, ...params }));
}

function requireText(
  lang: Lang,
  raw: Record<string, unknown>,
  field: string,
  max = Number.POSITIVE_INFINITY,
): string {
  const v = raw[field];
  if (v === undefined || v === null || v === "") fail(lang, field, "required");
  if (typeof v !== "string") fail(lang, field, "notText", { value: quote(lang, v) });
  if (v.length > max) fail(lang, field, "tooLong", { max, length: v.length });
  return v;
}

function requireNumber(lang: Lang, raw: Record<string, unknown>, field: string): number {
  const v = raw[field];
  if (v === undefined || v === null) fail(lang, field, "required");
  if (typeof v !== "number" || !Number.isFinite(v)) {
    fail(lang, field, "notNumber", { value: quote(lang, v) });
  }
  return v;
}

function requireDay(lang: Lang, raw: Record<string, unknown>, field: string): number {
  const v = raw[field];
  if (v === undefined || v === null || v === "") fail(lang, field, "required");
  const day = typeof v === "string" ? tryParseIsoDay(v) : undefined;
  if (day === undefined) fail(lang, field, "badDate", { value: quote(lang, v) });
  return day;
}

interface CheckedRequest {
  kpi: KpiDefinition;
  sheet: Sheet;
  dateColumn: string;
  inputs: Record<string, string[]>;
  frequency: Frequency;
}

function checkChoice<T extends string>(
  lang: Lang,
  field: string,
  allowed: readonly T[],
  value: unknown,
): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    fail(lang, field, "badChoice", { list: allowed.join(", "), value: quote(lang, value) });
  }
  return value as T;
}

function checkObject(lang: Lang, value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail(lang, null, "notAnObject");
  }
  return value as Record<string, unknown>;
}

/** Checks the shape of a preview request; the columns are checked once the tab is read. */
function checkRequest(lang: Lang, ss: Spreadsheet, draft: unknown): CheckedRequest {
  const raw = checkObject(lang, draft);
  const kpiId = requireText(lang, raw, "kpiId");
  const kpi = findKpi(kpiId);
  if (!kpi) fail(lang, "kpiId", "unknownKpi", { value: quote(lang, kpiId) });
  const sheetName = requireText(lang, raw, "sourceSheet", FIELD_MAX_LENGTH.sourceSheet);
  const dateColumn = requireText(lang, raw, "dateColumn", FIELD_MAX_LENGTH.dateColumn);

  const given = raw.inputs;
  if (typeof given !== "object" || given === null || Array.isArray(given)) {
    fail(lang, "inputs", "inputsNotObject");
  }
  const wanted = objectiveInputs(kpi);
  const inputs: Record<string, string[]> = {};
  for (const name of Object.keys(given)) {
    if (!wanted.some((i) => i.name === name)) {
      fail(lang, "inputs", "inputUnknown", { kpi: kpi.name[lang], value: quote(lang, name) });
    }
  }
  for (const input of wanted) {
    const v = (given as Record<string, unknown>)[input.name];
    const list = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
    const label = input.label[lang];
    // Bounded before anything is done per column: each one costs a pass over the whole tab.
    if (list.length > MAX_INPUT_COLUMNS) {
      fail(lang, "inputs", "inputTooMany", { label, max: MAX_INPUT_COLUMNS });
    }
    const columns: string[] = [];
    for (const c of list) {
      if (c === "") continue;
      if (typeof c !== "string") fail(lang, "inputs", "notText", { value: quote(lang, c) });
      if (c.length > FIELD_MAX_LENGTH.header) {
        fail(lang, "inputs", "tooLong", { max: FIELD_MAX_LENGTH.header, length: c.length });
      }
      // The same column twice would count its cells twice; saveObjective refuses it too.
      if (columns.some((d) => d.trim() === c.trim())) {
        fail(lang, "inputs", "inputDuplicate", { value: quote(lang, c), label });
      }
      columns.push(c);
    }
    if (columns.length === 0 && !input.optional) fail(lang, "inputs", "inputMissing", { label });
    if (columns.length > 1 && !input.multiColumn) {
      fail(lang, "inputs", "inputOneColumn", { label, count: columns.length });
    }
    if (columns.length > 0) inputs[input.name] = columns;
  }

  const frequency = checkChoice(lang, "frequency", FREQUENCIES, raw.frequency);
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) fail(lang, "sourceSheet", "noSheet", { value: quote(lang, sheetName) });
  return { kpi, sheet, dateColumn, inputs, frequency };
}

// ---------------------------------------------------------------------------------------------
// Preview

/**
 * The KPI on the chosen columns: its value over all rows (what the custom function gives), per
 * period of the chosen frequency, the last complete period as the suggested baseline, and the
 * values of the complete periods for the realism check. The tab is read once.
 */
export function previewObjective(draft: PreviewRequest): Preview {
  const lang = userLang();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const request = checkRequest(lang, ss, draft);
  const ctx: EngineContext = {
    timeZone: ss.getSpreadsheetTimeZone(),
    locale: ss.getSpreadsheetLocale(),
  };
  const { sheet } = request;
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const sheetName = sheet.getName();
  if (lastRow < 2 || lastColumn < 1) {
    fail(lang, "sourceSheet", "emptySheet", { value: quote(lang, sheetName) });
  }
  const values = sheet.getRange(1, 1, lastRow, lastColumn).getValues();
  return previewFromValues(lang, request, sheetName, values, ctx, todayDay(ctx.timeZone));
}

/** The pure part of previewObjective, on a tab's values (header row first). */
export function previewFromValues(
  lang: Lang,
  request: Omit<CheckedRequest, "sheet">,
  sheetName: string,
  values: readonly (readonly unknown[])[],
  ctx: EngineContext,
  today: number,
): Preview {
  const index = headerIndex(values[0] ?? []);
  const column = (field: string, header: string): number => {
    const i = index.get(header.trim());
    if (i === undefined) {
      fail(lang, field, "noColumn", { sheet: quote(lang, sheetName), value: quote(lang, header) });
    }
    return i;
  };
  const rows = values.slice(1);
  const dateIndex = column("dateColumn", request.dateColumn);
  const dates = rows.map((r) => r[dateIndex]);
  const inputs: Record<string, unknown[][]> = {};
  const headers: Record<string, string[]> = {};
  for (const [name, columns] of Object.entries(request.inputs)) {
    inputs[name] = columns.map((h) => {
      const i = column("inputs", h);
      return rows.map((r) => r[i]);
    });
    headers[name] = columns;
  }
  const table = {
    dates,
    inputs,
    headers: { dates: request.dateColumn, inputs: headers },
    firstRow: 2,
  };
  const period = frequencyPeriod(request.frequency);
  const points = kpiSeries(request.kpi, table, period, ctx);
  const total = kpiTotal(request.kpi, { inputs, headers: table.headers, firstRow: 2 }, ctx);

  // The same rule as the dashboard's: a period is complete once the data covers its last day.
  const completeSet = new Set(completePoints(points, today));
  const toPoint = (p: PeriodPoint): PreviewPoint => ({
    start: isoDay(p.start),
    end: isoDay(p.end - 1),
    value: p.value,
    complete: completeSet.has(p),
  });
  const complete = points.filter((p) => completeSet.has(p) && p.value !== null);
  const last = complete[complete.length - 1];
  const current = points[points.length - 1];
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    if (p.firstDay < firstDay) firstDay = p.firstDay;
    if (p.lastDay > lastDay) lastDay = p.lastDay;
  }

  return {
    total: total?.value ?? null,
    current: current ? toPoint(current) : null,
    baseline: last ? toPoint(last) : null,
    recent: points.slice(-RECENT_PERIODS).map(toPoint),
    history: complete.slice(-HISTORY_PERIODS).map((p) => p.value as number),
    firstDate: Number.isFinite(firstDay) ? isoDay(firstDay) : null,
    lastDate: Number.isFinite(lastDay) ? isoDay(lastDay) : null,
    rows: rows.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Realism

/**
 * Whether a target asks for more change per period than the data has shown. Reads no sheet: the
 * values come from a preview, and are checked like everything else the client sends.
 */
export function checkRealism(request: RealismRequest): RealismResult {
  const lang = userLang();
  const raw = checkObject(lang, request);
  const values = raw.values;
  if (!Array.isArray(values) || values.length > HISTORY_PERIODS) {
    fail(lang, "values", "notNumber", { value: quote(lang, typeof values) });
  }
  for (const v of values) {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      fail(lang, "values", "notNumber", { value: quote(lang, v) });
    }
  }
  const baseline = requireNumber(lang, raw, "baseline");
  const target = requireNumber(lang, raw, "target");
  const start = requireDay(lang, raw, "startDate");
  const deadline = requireDay(lang, raw, "deadline");
  if (deadline <= start) fail(lang, "deadline", "deadlineNotAfterStart", { start: isoDay(start) });
  const frequency = checkChoice(lang, "frequency", FREQUENCIES, raw.frequency);
  const direction = checkChoice(lang, "direction", DIRECTIONS, raw.direction);
  const periods = Math.max(1, periodsBetween(start, deadline, frequencyPeriod(frequency)));
  return {
    ...realismCheck({
      values,
      baseline,
      target,
      periodsAvailable: periods,
      direction,
    }),
    periods,
  };
}
