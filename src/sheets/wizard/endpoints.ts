/**
 * The wizard's endpoints that compute: a preview of the KPI on the chosen columns, by the same
 * engine as the custom functions, and the realism check of a target. The client is never trusted:
 * what it sends is checked by the objective rules (objectives/rules.ts), and errors name the field
 * in the user's language.
 */
import type { Lang } from "../../contract/i18n.ts";
import type { ObjectiveField } from "../../contract/rules/objective-rules.ts";
import type {
  Preview,
  PreviewPoint,
  PreviewRequest,
  RealismRequest,
  RealismResult,
} from "../../contract/wizard.ts";
import { isoDay, todayDay } from "../../kpi/days.ts";
import { frequencyPeriod, periodsBetween } from "../../kpi/periods.ts";
import { getKpi } from "../../kpi/registry/index.ts";
import { kpiSeries, kpiTotal, type PeriodPoint } from "../../kpi/series.ts";
import { realismCheck } from "../../kpi/smart.ts";
import { completePoints } from "../../kpi/trend.ts";
import type { EngineContext, KpiDefinition } from "../../kpi/types.ts";
import { checkSummable, fieldError, validateObjectiveFields } from "../objectives/rules.ts";
import { userLang } from "../workbook/locale.ts";
import { messages } from "../workbook/messages.ts";
import { SourceRows } from "../workbook/source.ts";
import { ownSheetIds } from "../workbook/tabs.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Periods the preview returns for its small chart. */
const RECENT_PERIODS = 12;
/** Complete periods sent back for the realism check: years of weekly data, and no more. */
const HISTORY_PERIODS = 120;

/** The fields a preview needs, and those of a realism check: checked by the one rule set. */
const PREVIEW_FIELDS: readonly ObjectiveField[] = [
  "kpiId",
  "sourceSheet",
  "dateColumn",
  "inputs",
  "filter",
  "frequency",
];
const REALISM_FIELDS: readonly ObjectiveField[] = [
  "kpiId",
  "baseline",
  "target",
  "direction",
  "startDate",
  "deadline",
  "frequency",
];

interface CheckedRequest {
  kpi: KpiDefinition;
  sheet: Sheet;
  dateColumn: string;
  inputs: Record<string, string[]>;
  filter?: PreviewRequest["filter"];
  frequency: PreviewRequest["frequency"];
}

/** Checks a preview request by the objective rules, then finds its tab. */
function checkRequest(lang: Lang, ss: Spreadsheet, draft: unknown): CheckedRequest {
  const o = validateObjectiveFields(draft, lang, PREVIEW_FIELDS);
  checkSummable(getKpi(o.kpiId), o.inputs, lang);
  const sheet = ss.getSheetByName(o.sourceSheet);
  if (!sheet) fieldError(lang, "sourceSheet", "noSuchSheet", { value: o.sourceSheet });
  if (ownSheetIds(ss).has(sheet.getSheetId())) {
    fieldError(lang, "sourceSheet", "ownSheet", { value: o.sourceSheet });
  }
  return {
    kpi: getKpi(o.kpiId),
    sheet,
    dateColumn: o.dateColumn,
    inputs: o.inputs,
    filter: o.filter,
    frequency: o.frequency,
  };
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
    fieldError(lang, "sourceSheet", "sheetEmpty", { value: sheetName });
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
  const source = new SourceRows(values, ctx);
  const read = source.objectiveTable(
    request,
    (field, name) =>
      source.find(name) ??
      fieldError(lang, field, "noSuchColumn", {
        sheet: sheetName,
        value: name,
        row: source.data.headerIndex + 1,
      }),
  );
  // Not null: every missing column threw above.
  const { table, leftOut } = read as NonNullable<typeof read>;
  const points = kpiSeries(request.kpi, table, frequencyPeriod(request.frequency), ctx);
  return {
    ...previewOfPoints(points, today),
    total: kpiTotal(request.kpi, table, ctx)?.value ?? null,
    rows: table.dates.length,
    leftOut,
    headerRow: source.data.headerIndex + 1,
  };
}

/** What a preview says of a KPI's periods, wherever they came from (a tab, or BigQuery's sums). */
export function previewOfPoints(
  points: readonly PeriodPoint[],
  today: number,
): Pick<Preview, "current" | "baseline" | "recent" | "history" | "firstDate" | "lastDate"> {
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
    current: current ? toPoint(current) : null,
    baseline: last ? toPoint(last) : null,
    recent: points.slice(-RECENT_PERIODS).map(toPoint),
    history: complete.slice(-HISTORY_PERIODS).map((p) => p.value as number),
    firstDate: Number.isFinite(firstDay) ? isoDay(firstDay) : null,
    lastDate: Number.isFinite(lastDay) ? isoDay(lastDay) : null,
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
  const o = validateObjectiveFields(request, lang, REALISM_FIELDS);
  const values: unknown = request.values;
  if (
    !Array.isArray(values) ||
    values.length > HISTORY_PERIODS ||
    values.some((v) => typeof v !== "number" || !Number.isFinite(v))
  ) {
    throw new Error(messages.t(lang, "badHistory", { max: HISTORY_PERIODS }));
  }
  const periods = Math.max(
    1,
    periodsBetween(o.startDay, o.deadlineDay, frequencyPeriod(o.frequency)),
  );
  return {
    ...realismCheck({
      values: values as number[],
      baseline: o.baseline,
      target: o.target,
      periodsAvailable: periods,
      direction: o.direction,
    }),
    periods,
  };
}
