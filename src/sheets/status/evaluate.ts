/**
 * Where each objective stands, computed from its source table: pure, so the dashboard, the
 * sidebar's list and the tests share one computation. Reads a table already fetched (one
 * getValues per source tab) and never touches Apps Script.
 */

import {
  type Currency,
  currencyOfLocale,
  formatDayLong,
  formatUnitValue,
  periodLabel,
  upperFirst,
} from "../../contract/format.ts";
import type { Lang } from "../../contract/i18n.ts";
import type { Objective, ObjectiveSummary, StatusCode } from "../../contract/objectives.ts";
import { baselineCheck, valuesAroundStart } from "../../contract/rules/baseline-check.ts";
import { isBigQuerySource } from "../../contract/rules/bigquery-source.ts";
import { detectAnomalies } from "../../kpi/anomalies/detect.ts";
import { dateColumnCheck, describeValue, readDay } from "../../kpi/cells.ts";
import { frequencyPeriod, type Period, periodStart } from "../../kpi/periods.ts";
import { getKpi } from "../../kpi/registry/index.ts";
import { kpiSeries, type PeriodPoint, pointsFromSums } from "../../kpi/series.ts";
import {
  decisivePeriod,
  judge,
  MIN_TREND_PERIODS,
  statusWord,
  trendWindow,
  type Verdict,
} from "../../kpi/status.ts";
import {
  completePoints,
  dataEndDay,
  elapsedShare,
  forecastKpi,
  movingKpi,
  progress,
  type TrendForecast,
} from "../../kpi/trend.ts";
import type { EngineContext, KpiDefinition } from "../../kpi/types.ts";
import { type BigQueryResult, inputSums } from "../bigquery/run.ts";
import { checkSummable } from "../objectives/rules.ts";
import { messages } from "../workbook/messages.ts";
import { SourceRows } from "../workbook/source.ts";
import { changeBetween, yearAgoStart } from "./compare.ts";
import { reasonOf } from "./reason.ts";

/** A source tab as read: its values (header row first), or null when the tab does not exist. */
export interface SourceTable {
  readonly name: string;
  readonly values: readonly (readonly unknown[])[] | null;
}

/** How many complete periods the trend block and the forecast look back over. */
export const TREND_PERIODS = 24;
export const SPARKLINE_PERIODS = 12;

export interface TrendRow {
  start: number;
  value: number | null;
  average: number | null;
  /** The anomaly rule's expectation for the period (src/kpi/anomalies), and whether it flagged it. */
  expected: number | null;
  flag: "high" | "low" | null;
}

/** How many periods before the current one its "recent average" comparison covers. */
export const RECENT_PERIODS = 4;

export interface ObjectiveEval {
  objective: Objective;
  kpi: KpiDefinition;
  /** Why nothing could be computed (missing tab or column, unreadable cells). */
  error: string | null;
  /** The last complete period, and the one just before it (null when it had no data). */
  current: PeriodPoint | null;
  previous: PeriodPoint | null;
  /** The latest period with data when it is not complete yet. */
  partial: PeriodPoint | null;
  /** The same period a year before, when the data covers it. */
  yearAgo: PeriodPoint | null;
  /** The KPI over the RECENT_PERIODS complete periods before the current one (a ratio of sums). */
  recent: number | null;
  /** The current period when the anomaly rule flags it: what the summary lists. */
  anomaly: TrendRow | null;
  /** Change from previous to current: percentage points (×100) for rates, a share otherwise. */
  change: number | null;
  changeKind: "pp" | "share";
  progress: number | null;
  expected: number | null;
  status: StatusCode | null;
  /** How the status was decided (src/kpi/status.ts), and that in words. */
  verdict: Verdict | null;
  reason: string | null;
  /** The trend at the deadline with its 80% interval, when the status used it. */
  forecast: TrendForecast | null;
  /** Warnings about the objective itself (its baseline), shown in the notes. */
  warnings: string[];
  /** The last complete periods, oldest first, with their 3-period moving average. */
  trend: TrendRow[];
  /** Latest calendar day with data in the objective's rows (any period). */
  latestDay: number | null;
  /** "Jun 2027 in progress: 3.1% so far (11 of 30 days)." when the latest period is partial. */
  partialNote: string | null;
  notes: string[];
  /** The spreadsheet's money (currencyOfLocale), for a KPI counted in it; else absent. */
  currency?: Currency;
}

function quoteList(names: readonly string[], lang: Lang): string {
  return names.map((n) => (lang === "fr" ? `« ${n} »` : `"${n}"`)).join(", ");
}

function emptyEval(objective: Objective, kpi: KpiDefinition, error: string | null): ObjectiveEval {
  return {
    objective,
    kpi,
    error,
    current: null,
    previous: null,
    partial: null,
    yearAgo: null,
    recent: null,
    anomaly: null,
    change: null,
    changeKind: kpi.unit === "percent" ? "pp" : "share",
    progress: null,
    expected: null,
    status: null,
    verdict: null,
    reason: null,
    forecast: null,
    warnings: [],
    trend: [],
    latestDay: null,
    partialNote: null,
    notes: [],
  };
}

/** Last day in the column (read as the engine reads a day): what "latest data" means for a source. */
export function latestDateDay(dates: readonly unknown[], ctx: EngineContext): number | null {
  let latest: number | null = null;
  for (const d of dates) {
    const day = readDay(d, ctx);
    if (day !== null && day !== undefined && (latest === null || day > latest)) latest = day;
  }
  return latest;
}

function numberOrNull(v: number | null | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * Evaluates one objective as of `today` (a calendar day in the spreadsheet's zone). A period is
 * complete once the source's data covers its last day (a weekly row dated Monday covers the
 * week), and never before that day is over.
 */
export function evaluateObjective(
  objective: Objective,
  table: SourceRows | null,
  ctx: EngineContext,
  today: number,
  lang: Lang,
  currency?: Currency,
): ObjectiveEval {
  const kpi = getKpi(objective.kpiId);
  if (!table) {
    return emptyEval(
      objective,
      kpi,
      messages.t(lang, "missingSheet", { sheet: objective.sourceSheet }),
    );
  }
  const missing: string[] = [];
  const read = table.objectiveTable(objective, (_field, header) => {
    const c = table.find(header);
    if (c === undefined && !missing.includes(header)) missing.push(header);
    return c;
  });
  if (!read) {
    return emptyEval(
      objective,
      kpi,
      messages.t(lang, missing.length > 1 ? "missingColumnsMany" : "missingColumns", {
        columns: quoteList(missing, lang),
        sheet: objective.sourceSheet,
        row: table.data.headerIndex + 1,
      }),
    );
  }
  try {
    checkSummable(kpi, objective.inputs, lang);
  } catch (e) {
    return emptyEval(objective, kpi, e instanceof Error ? e.message : String(e));
  }
  const period = frequencyPeriod(objective.frequency);
  const { dates } = read;
  const dateCheck = dateColumnCheck(dates, ctx);
  if (!dateCheck.isDates) {
    const row = read.table.rowNumbers?.[dateCheck.firstOther] ?? 0;
    return emptyEval(
      objective,
      kpi,
      messages.t(lang, "notDateColumn", {
        column: objective.dateColumn,
        sheet: objective.sourceSheet,
        row,
        value: describeValue(dates[dateCheck.firstOther], lang),
      }),
    );
  }
  let points: PeriodPoint[];
  try {
    points = kpiSeries(kpi, read.table, period, ctx, objective.sourceSheet);
  } catch (e) {
    return emptyEval(
      objective,
      kpi,
      messages.t(lang, "engineError", { message: e instanceof Error ? e.message : String(e) }),
    );
  }
  return evaluatePoints(objective, kpi, points, period, today, lang, currency);
}

/** The part of evaluateObjective after the series: exposed for tests with hand-made points. */
export function evaluatePoints(
  objective: Objective,
  kpi: KpiDefinition,
  allPoints: readonly PeriodPoint[],
  period: Period,
  today: number,
  lang: Lang,
  currency?: Currency,
): ObjectiveEval {
  const result = emptyEval(objective, kpi, null);
  if (currency) result.currency = currency;
  // Rows dated in the future (plans, budgets) say nothing about where the objective stands.
  const points = allPoints.filter((p) => p.start <= today);
  let latest: number | null = null;
  for (const p of points)
    if (latest === null || p.lastDay > latest) latest = Math.min(p.lastDay, today);
  result.latestDay = latest;
  const frequencyWord = messages.t(lang, `frequency_${objective.frequency}`).toLowerCase();
  if (latest === null) {
    result.notes.push(messages.t(lang, "noCompletePeriod", { frequency: frequencyWord }));
    judgeObjective(result, [], today, lang);
    return result;
  }
  const complete = completePoints(points, today);
  const dataEnd = dataEndDay(points, today) as number; // not null: `latest` is not
  const last = points[points.length - 1];
  if (last && last !== complete[complete.length - 1]) result.partial = last;

  const current = complete[complete.length - 1] ?? null;
  result.current = current;
  const { startDay, deadlineDay } = objective;

  if (current) {
    const previousStart = periodStart(current.start - 1, period);
    result.previous = complete.find((p) => p.start === previousStart) ?? null;
    const cur = numberOrNull(current.value);
    const prev = numberOrNull(result.previous?.value);
    result.change = changeBetween(cur, prev, kpi.unit);
    if (result.previous === null || prev === null) {
      result.notes.push(messages.t(lang, "previousMissing"));
    }
    const measuredDay = current.end - 1;
    result.expected = elapsedShare(startDay, deadlineDay, measuredDay);
    if (cur !== null) result.progress = progress(cur, objective.target, objective.baseline);
    result.yearAgo = complete.find((p) => p.start === yearAgoStart(current.start, period)) ?? null;
    const before = complete.slice(0, -1);
    if (before.length >= RECENT_PERIODS) {
      result.recent = numberOrNull(movingKpi(before, kpi, RECENT_PERIODS).at(-1));
    }
    // Every complete period is history for the anomaly rule, not only the ones shown.
    const scores = detectAnomalies(
      complete.map((p) => ({
        start: p.start,
        value: numberOrNull(p.value),
        volume: kpi.combine.kind === "distinct" ? null : p.denominator,
      })),
    );
    const shownFrom = Math.max(0, complete.length - TREND_PERIODS);
    const shown = complete.slice(shownFrom);
    const averages = movingKpi(shown, kpi, 3);
    result.trend = shown.map((p, i) => {
      const score = scores[shownFrom + i];
      return {
        start: p.start,
        value: numberOrNull(p.value),
        average: numberOrNull(averages[i]),
        expected: numberOrNull(score?.expected),
        flag: score?.flag ?? null,
      };
    });
    const last = result.trend.at(-1);
    result.anomaly = last?.flag ? last : null;
  } else {
    result.notes.push(messages.t(lang, "noCompletePeriod", { frequency: frequencyWord }));
  }
  judgeObjective(result, complete, today, lang);

  if (result.partial) {
    const p = result.partial;
    const total = p.end - p.start;
    const days = Math.min(total, dataEnd - p.start + 1);
    const label = upperFirst(periodLabel(p.start, objective.frequency, lang, true));
    const value = numberOrNull(p.value);
    result.partialNote =
      value === null || days <= 0
        ? messages.t(lang, "partialNoValue", { period: label, days: Math.max(0, days), total })
        : messages.t(lang, "partial", {
            period: label,
            value: formatUnitValue(value, kpi.unit, lang, result.currency),
            days,
            total,
          });
  }
  return result;
}

/**
 * The status by the one rule (src/kpi/status.ts) and its reason, from the complete periods: the
 * trend is fitted on trendWindow of them when the deadline is still ahead of the data;
 * after the deadline the period holding it decides. Also checks the baseline against the data
 * around the start.
 */
function judgeObjective(
  result: ObjectiveEval,
  complete: readonly PeriodPoint[],
  today: number,
  lang: Lang,
): void {
  const { objective, kpi, current } = result;
  const { startDay, deadlineDay, baseline, target } = objective;
  const valued = complete.flatMap((p) => {
    const value = numberOrNull(p.value);
    return value === null ? [] : [{ start: p.start, end: p.end, value }];
  });
  const cur = numberOrNull(current?.value);
  const recent = trendWindow(complete);
  const trendPeriods = recent.filter((p) => numberOrNull(p.value) !== null).length;
  let forecast: TrendForecast | null = null;
  if (current && deadlineDay >= current.end && trendPeriods >= MIN_TREND_PERIODS) {
    try {
      forecast = forecastKpi(recent, kpi, deadlineDay);
    } catch {
      forecast = null;
    }
    if (forecast && ![forecast.value, forecast.low, forecast.high].every(Number.isFinite)) {
      forecast = null;
    }
  }
  const verdict = judge({
    baseline,
    target,
    startDay,
    deadlineDay,
    asOfDay: today,
    current:
      current && cur !== null ? { start: current.start, value: cur, day: current.end - 1 } : null,
    // A period that ended before the start measures nothing of the objective.
    decisive: decisivePeriod(
      valued.filter((p) => p.end > startDay),
      deadlineDay,
    ),
    latest: valued.at(-1) ?? null,
    forecast,
    trendPeriods,
  });
  result.verdict = verdict;
  result.status = verdict?.status ?? null;
  result.forecast = verdict && "basis" in verdict && verdict.basis === "trend" ? forecast : null;
  const context = {
    unit: kpi.unit,
    frequency: objective.frequency,
    target,
    startDay,
    deadlineDay,
    lang,
    currency: result.currency,
  };
  if (verdict) result.reason = reasonOf(verdict, context);
  else if (today > deadlineDay && valued.length > 0) {
    result.notes.push(
      messages.t(lang, "reasonNoDecisive", { deadline: formatDayLong(deadlineDay, lang) }),
    );
  }
  const warning = baselineCheck(baseline, target, valuesAroundStart(valued, startDay));
  if (warning) {
    const value = (x: number) => formatUnitValue(x, kpi.unit, lang, result.currency);
    result.warnings.push(
      warning.kind === "far"
        ? messages.t(lang, "baselineFar", {
            baseline: value(baseline),
            typical: value(warning.typical as number),
          })
        : warning.typical === null
          ? messages.t(lang, "baselineZeroUnchecked")
          : messages.t(lang, "baselineZero", { typical: value(warning.typical) }),
    );
  }
}

/** The status as words: its word, or why there is none ("Cannot compute", "Not enough data"). */
export function statusTextOf(e: Pick<ObjectiveEval, "status" | "error">, lang: Lang): string {
  if (e.status) return statusWord(e.status, lang);
  return messages.t(lang, e.error ? "status_error" : "status_no_data");
}

/** The sidebar's view of an evaluated objective. */
export function summaryOf(e: ObjectiveEval, lang: Lang): ObjectiveSummary {
  const summary: ObjectiveSummary = { ...e.objective };
  if (e.currency) summary.currency = e.currency;
  if (e.error) {
    summary.error = e.error;
    return summary;
  }
  summary.current = numberOrNull(e.current?.value);
  if (e.warnings.length > 0) summary.warnings = e.warnings;
  if (e.status) {
    summary.status = e.status;
    summary.statusLabel = statusWord(e.status, lang);
    if (e.reason) summary.reason = e.reason;
  } else {
    summary.error = e.notes[0] ?? messages.t(lang, "status_no_data");
  }
  return summary;
}

/**
 * An objective on BigQuery: its query's per-period sums, renamed to the KPI's inputs, become
 * points by the same engine function as any sums, then the same evaluation as a tab's.
 */
function evaluateQueried(
  objective: Objective,
  result: BigQueryResult | undefined,
  ctx: EngineContext,
  today: number,
  lang: Lang,
  currency?: Currency,
): ObjectiveEval {
  const kpi = getKpi(objective.kpiId);
  if (!result) return emptyEval(objective, kpi, messages.t(lang, "bqNotRun"));
  const { outcome, columns } = result;
  if (!outcome.ok) return emptyEval(objective, kpi, `${outcome.error} ${outcome.scan}`);
  const period = frequencyPeriod(objective.frequency);
  const sums = inputSums(outcome.sums, columns);
  let points: PeriodPoint[];
  try {
    points = pointsFromSums(kpi, sums, period, ctx);
  } catch (e) {
    return emptyEval(
      objective,
      kpi,
      messages.t(lang, "engineError", { message: e instanceof Error ? e.message : String(e) }),
    );
  }
  const e = evaluatePoints(objective, kpi, points, period, today, lang, currency);
  e.notes.push(outcome.scan);
  return e;
}

/** Reads each distinct source once and evaluates every objective against it. */
export function evaluateAll(
  objectives: readonly Objective[],
  sources: ReadonlyMap<string, SourceTable>,
  ctx: EngineContext,
  today: number,
  lang: Lang,
  queried: ReadonlyMap<string, BigQueryResult> = new Map(),
): ObjectiveEval[] {
  const tables = new Map<string, SourceRows | null>();
  for (const [name, source] of sources) {
    tables.set(name, source.values ? new SourceRows(source.values, ctx) : null);
  }
  return objectives.map((o) => {
    // Only money reads the locale: a Spreadsheet call that other KPIs never make.
    const money = getKpi(o.kpiId).unit === "currency" ? currencyOfLocale(ctx.locale) : undefined;
    const e = isBigQuerySource(o.sourceSheet)
      ? evaluateQueried(o, queried.get(o.id), ctx, today, lang, money)
      : evaluateObjective(o, tables.get(o.sourceSheet) ?? null, ctx, today, lang, money);
    if (money) e.currency = money;
    return e;
  });
}
