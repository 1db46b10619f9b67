/**
 * The dashboard tab as grids of values and formats, computed without touching Apps Script so the
 * writer can send each kind of content in one call (one setValues, one setNumberFormats, …).
 *
 * Layout, top to bottom: title, "as of", latest data per source, the stakeholder summary, a note
 * on skipped rows; the summary table (one row per objective) and its footnote; then one section
 * per objective: its trend block (period, value, target, 3-period average) with a line chart
 * beside it.
 */

import { channelLabel } from "../../contract/advisor.ts";
import {
  formatDayLong,
  formatDayShort,
  formatUnitValue,
  periodLabel,
  UNDEFINED_MARK,
  upperFirst,
} from "../../contract/format.ts";
import type { Lang } from "../../contract/i18n.ts";
import type { RowProblem } from "../../contract/objectives.ts";
import { anomalyIsGood } from "../../kpi/anomalies/detect.ts";
import { type BenchmarkRow, objectiveBenchmark } from "../../kpi/registry/benchmarks.ts";
import { changeBetween } from "../status/compare.ts";
import { type ObjectiveEval, SPARKLINE_PERIODS, statusTextOf } from "../status/evaluate.ts";
import { columnLetter } from "../workbook/cells.ts";
import { messages } from "../workbook/messages.ts";
import {
  percentFormat,
  pointChangeFormat,
  publishedNumberFormat,
  shareChangeFormat,
  unitCellValue,
  unitNumberFormat,
} from "./format.ts";
import {
  BAD,
  BAR_COLORS,
  type ChartSpec,
  type DashboardGrid,
  FORMULA_FORMAT,
  type FormulaBlock,
  GOOD,
  Grid,
  HEADER_FILL,
  MUTED,
  PROBLEM,
  STATUS_COLORS,
} from "./grid.ts";
import type { HistoryRow, LastReview } from "./history.ts";
import { lowerFirst, stakeholderSummary, statusMoveIsBetter } from "./summary.ts";

/** The summary table's columns, in order. */
export const TABLE_COLUMNS = [
  "objective",
  "kpi",
  "status",
  "reason",
  "owner",
  "frequency",
  "period",
  "current",
  "previous",
  "change",
  "sinceReview",
  "yearAgo",
  "recent",
  "baseline",
  "target",
  "benchmark",
  "sparkline",
  "bar",
  "progress",
  "expected",
  "forecast",
  "range",
  "deadline",
  "note",
] as const;

type TableColumn = (typeof TABLE_COLUMNS)[number];
const COL = Object.fromEntries(TABLE_COLUMNS.map((c, i) => [c, i])) as Record<TableColumn, number>;
export const DASHBOARD_WIDTH = TABLE_COLUMNS.length;

/** Rows of the header area above the table (title, as of, latest data, summary, problems, blank). */
const TABLE_HEADER_ROW = 6;
/** A section is at least as tall as its chart (about 371 px at 21 px a row). */
const SECTION_MIN_ROWS = 19;
const TREND_WIDTH = 4;
/** The column after the trend block's (charted) numbers marks its unusual periods. */
const ANOMALY_COLUMN = TREND_WIDTH;
const CHART_COLUMN = TREND_WIDTH + 2;
/** Widths of the first columns (set in layoutDashboard): the summary sentence is merged across them. */
const NAME_WIDTH = 210;
const REASON_WIDTH = 360;
const DEFAULT_WIDTH = 100;
const SINCE_REVIEW_WIDTH = 170;
const SUMMARY_COLUMNS = 4;
const SUMMARY_WIDTH = 2 * NAME_WIDTH + DEFAULT_WIDTH + REASON_WIDTH;

/**
 * The height of a row holding `text` wrapped in `width` pixels at 11 pt bold: about 7.5 px a
 * character on average, 18 px a line, never below Sheets' 21 px default.
 */
export function wrappedHeight(text: string, width: number): number {
  const lines = Math.max(1, Math.ceil((text.length * 7.5) / (width - 8)));
  return Math.max(21, lines * 18 + 6);
}

export interface DashboardInput {
  evals: readonly ObjectiveEval[];
  problems: readonly RowProblem[];
  /** Latest day with data per source tab, in order of first use; null: no dated row; "missing": no tab. */
  sources: readonly { name: string; latest: number | null | "missing" }[];
  today: number;
  lang: Lang;
  /** The latest review before today in the history tab, or null when there is none. */
  lastReview: LastReview | null;
}

/** Whether a change is an improvement for this objective: up when higher is better. */
function improvement(change: number | null, e: ObjectiveEval): boolean | null {
  if (change === null || change === 0) return null;
  return e.objective.direction === "higher" ? change > 0 : change < 0;
}

/** A change cell's format: percentage points by the value's size for rates, a signed % otherwise. */
function changeFormat(change: number | null, e: ObjectiveEval, lang: Lang): string {
  return e.changeKind === "pp" ? pointChangeFormat(change ?? 0, lang) : shareChangeFormat(lang);
}

type MessageKey = Parameters<typeof messages.t>[1];
type Params = Record<string, string | number>;

const HEADER_KEYS: Record<TableColumn, MessageKey> = {
  objective: "col_objective",
  kpi: "col_kpi",
  owner: "col_owner",
  frequency: "col_frequency",
  period: "col_period",
  current: "col_current",
  previous: "col_previous",
  change: "col_change",
  sinceReview: "col_sinceReview",
  yearAgo: "col_yearAgo",
  recent: "col_recent",
  sparkline: "col_sparkline",
  baseline: "col_baseline",
  target: "col_target",
  benchmark: "col_benchmark",
  progress: "col_progress",
  bar: "col_bar",
  expected: "col_expected",
  status: "col_status",
  reason: "col_reason",
  forecast: "col_forecast",
  range: "col_range",
  deadline: "col_deadline",
  note: "col_note",
};

/** Where an objective's trend block sits: the sparkline of its table row refers to it. */
interface Section {
  valueRow: number;
  rows: number;
}

/** Title, "as of", latest data per source, the stakeholder summary and skipped rows. */
function layoutHeader(g: Grid, input: DashboardInput, t: (k: MessageKey, p?: Params) => string) {
  const { evals, problems, sources, today, lang, lastReview } = input;
  const title = g.row();
  g.text(title, 0, t("dashTitle"));
  g.style(title, 0, { bold: true, size: 18 });
  const asOf = g.row();
  g.text(
    asOf,
    0,
    lastReview
      ? t("dashAsOfReview", {
          date: formatDayLong(today, lang),
          review: formatDayLong(lastReview.day, lang),
        })
      : t("dashAsOf", { date: formatDayLong(today, lang) }),
  );
  g.style(asOf, 0, { color: MUTED });
  const latest = g.row();
  if (sources.length > 0) {
    const list = sources.map((s) =>
      s.latest === "missing"
        ? t("dashLatestMissing", { sheet: s.name })
        : s.latest === null
          ? t("dashLatestNone", { sheet: s.name })
          : t("dashLatestItem", { sheet: s.name, date: formatDayLong(s.latest, lang) }),
    );
    g.text(latest, 0, t("dashLatest", { list: list.join(t("listSeparator")) }));
  }
  g.style(latest, 0, { color: MUTED });
  const summary = g.row();
  const sentence = stakeholderSummary(evals, lang);
  g.text(summary, 0, sentence);
  // Merged across the table's first columns and wrapped, so a long (French) summary stays on
  // screen; Sheets does not grow a row to fit a merged cell's text, so its height is set.
  g.style(summary, 0, { bold: true, size: 11, wrap: true });
  g.merges.push({ row: summary, column: 0, numColumns: SUMMARY_COLUMNS });
  g.rowHeights.push({ row: summary, height: wrappedHeight(sentence, SUMMARY_WIDTH) });
  const problemRow = g.row();
  if (problems.length > 0) {
    const shown = problems
      .slice(0, 3)
      .map((p) => t("dashProblem", { row: p.row, message: p.message }));
    if (problems.length > 3) shown.push("…");
    g.text(problemRow, 0, t("dashProblems", { list: shown.join(t("listSeparator")) }));
    g.style(problemRow, 0, { color: PROBLEM });
  }
  g.row();
}

/** An objective's trend block (period, value, target, 3-period average) and its chart. */
function layoutSection(
  g: Grid,
  e: ObjectiveEval,
  lang: Lang,
  t: (k: MessageKey, p?: Params) => string,
): { section: Section; chart: ChartSpec } {
  const top = g.row();
  g.text(
    top,
    0,
    t("trendTitle", {
      name: e.objective.name,
      kpi: e.kpi.name[lang],
      frequency: lowerFirst(t(`frequency_${e.objective.frequency}`), lang),
    }),
  );
  g.style(top, 0, { bold: true, size: 12 });
  const header = g.row();
  const labels = [
    t("trend_period"),
    t("trend_value"),
    t("trend_target"),
    t("trend_average"),
    t("trend_anomaly"),
  ];
  labels.forEach((l, c) => {
    g.text(header, c, l);
    g.style(header, c, { bold: true, fill: HEADER_FILL, align: c === 0 ? "left" : "right" });
  });
  const format = unitNumberFormat(e.kpi.unit, lang, e.currency);
  const unit = e.kpi.unit;
  const cell = (v: number | null) => (v === null ? null : unitCellValue(v, unit));
  for (const p of e.trend) {
    const r = g.row();
    g.text(r, 0, periodLabel(p.start, e.objective.frequency, lang));
    g.number(r, 1, cell(p.value), format);
    g.number(r, 2, cell(e.objective.target), format);
    if (p.average === null) (g.numberFormats[r] as string[])[3] = format;
    else g.number(r, 3, cell(p.average), format);
    if (p.flag) {
      g.text(r, ANOMALY_COLUMN, t(p.flag === "high" ? "anomalyHigh" : "anomalyLow"));
      const good = anomalyIsGood(p.flag, e.objective.direction);
      g.style(r, ANOMALY_COLUMN, { bold: true, color: good ? GOOD : BAD });
    }
  }
  for (let k = 2 + e.trend.length; k < SECTION_MIN_ROWS; k++) g.row();
  g.row();
  return {
    section: { valueRow: header + 1, rows: e.trend.length },
    chart: {
      row: header + 1,
      column: 1,
      numRows: e.trend.length + 1,
      numColumns: TREND_WIDTH,
      anchorRow: top + 1,
      anchorColumn: CHART_COLUMN,
      // The channel tells apart two charts of one KPI (search ads and social ads CPC).
      title: e.objective.channel
        ? t("chartTitleChannel", {
            name: e.objective.name,
            channel: e.objective.channel,
            kpi: e.kpi.name[lang],
          })
        : t("chartTitle", { name: e.objective.name, kpi: e.kpi.name[lang] }),
    },
  };
}

/**
 * An objective's row of the summary table; returns its two formulas (sparkline and progress
 * bar), which sit side by side so one setFormulas writes them all.
 */
function layoutTableRow(
  g: Grid,
  r: number,
  e: ObjectiveEval,
  section: Section | undefined,
  before: HistoryRow | undefined,
  lang: Lang,
  t: (k: MessageKey, p?: Params) => string,
): [string, string] {
  const o = e.objective;
  const unit = e.kpi.unit;
  const format = unitNumberFormat(unit, lang, e.currency);
  const cell = (v: number | null | undefined) =>
    v === null || v === undefined || !Number.isFinite(v) ? null : unitCellValue(v, unit);
  g.text(r, COL.objective, o.channel ? `${o.name} · ${o.channel}` : o.name);
  g.style(r, COL.objective, { bold: true });
  g.text(r, COL.kpi, e.kpi.name[lang]);
  g.text(r, COL.owner, o.owner);
  g.text(r, COL.frequency, t(`frequency_${o.frequency}`));
  g.text(
    r,
    COL.period,
    e.current ? periodLabel(e.current.start, o.frequency, lang) : UNDEFINED_MARK,
  );
  g.number(r, COL.current, cell(e.current?.value), format);
  g.number(r, COL.previous, cell(e.previous?.value), format);
  g.number(r, COL.change, e.change, changeFormat(e.change, e, lang));
  layoutSinceReview(g, r, e, before, lang, t);
  g.number(r, COL.yearAgo, cell(e.yearAgo?.value), format);
  g.number(r, COL.recent, cell(e.recent), format);
  const better = improvement(e.change, e);
  if (better !== null) g.style(r, COL.change, { color: better ? GOOD : BAD });
  g.number(r, COL.baseline, cell(o.baseline), format);
  g.number(r, COL.target, cell(o.target), format);
  // The market's figure, when the objective's channel is one the benchmarks cover; cited in
  // the notes, since a number without its source and year is no benchmark.
  const benchmark = objectiveBenchmark(o.kpiId, o.channel);
  g.number(
    r,
    COL.benchmark,
    benchmark ? cell(benchmark.value) : null,
    publishedNumberFormat(unit, lang),
  );
  g.number(r, COL.progress, e.progress, percentFormat(0, lang));
  g.number(r, COL.expected, e.expected, percentFormat(0, lang));
  g.text(r, COL.status, statusTextOf(e, lang));
  g.style(r, COL.status, { bold: true, fill: STATUS_COLORS[e.status ?? "none"], align: "center" });
  g.text(r, COL.reason, e.reason ?? "");
  g.style(r, COL.reason, { wrap: true });
  g.number(r, COL.forecast, cell(e.forecast?.value), format);
  if (e.forecast) {
    const range = t("forecastRange", {
      low: formatUnitValue(e.forecast.low, unit, lang, e.currency),
      high: formatUnitValue(e.forecast.high, unit, lang, e.currency),
    });
    g.text(r, COL.range, range);
    g.style(r, COL.range, { align: "right" });
  }
  g.text(r, COL.deadline, formatDayShort(o.deadlineDay, lang));
  g.style(r, COL.deadline, { align: "right" });
  // Last column: long notes overflow into the empty cells to its right.
  g.text(r, COL.note, e.error ?? [notesOf(e), benchmarkNote(benchmark, lang, t)].join(" ").trim());
  if (e.error) g.style(r, COL.note, { color: PROBLEM });

  const progressCell = `${columnLetter(COL.progress)}${r + 1}`;
  const bar =
    e.progress !== null && e.status
      ? `=SPARKLINE(${progressCell},{"charttype","bar";"max",1;"color1","${BAR_COLORS[e.status]}"})`
      : "";
  let spark = "";
  if (section && section.rows >= 2) {
    const last = section.valueRow + section.rows;
    const first = Math.max(section.valueRow + 1, last - SPARKLINE_PERIODS + 1);
    spark = `=SPARKLINE(B${first}:B${last},{"charttype","line";"color","#1a73e8";"linewidth",2})`;
  }
  // A cell formatted as plain text may show a formula as its text: give these a number format.
  (g.numberFormats[r] as string[])[COL.sparkline] = FORMULA_FORMAT;
  (g.numberFormats[r] as string[])[COL.bar] = FORMULA_FORMAT;
  return [spark, bar];
}

export function layoutDashboard(input: DashboardInput): DashboardGrid {
  const { evals, lang } = input;
  const g = new Grid(DASHBOARD_WIDTH);
  const t = (key: MessageKey, params?: Params) => messages.t(lang, key, params);
  layoutHeader(g, input, t);

  const formulaBlocks: FormulaBlock[] = [];
  const charts: ChartSpec[] = [];
  if (evals.length > 0) {
    const head = g.row();
    if (head !== TABLE_HEADER_ROW) throw new Error("dashboard layout: header rows miscounted");
    TABLE_COLUMNS.forEach((c, i) => {
      g.text(head, i, t(HEADER_KEYS[c]));
      g.style(head, i, { bold: true, fill: HEADER_FILL, align: i === 0 ? "left" : "center" });
    });
    const tableRows = evals.map(() => g.row());
    g.row();
    for (const line of [...t("footnote").split("\n"), t("footnoteSinceReview")]) {
      const foot = g.row();
      g.text(foot, 0, line);
      g.style(foot, 0, { color: MUTED, size: 9 });
    }
    g.row();

    // Sections first: the table's sparklines refer to their positions.
    const sections = evals.map((e) => {
      if (e.trend.length === 0) return undefined;
      const { section, chart } = layoutSection(g, e, lang, t);
      charts.push(chart);
      return section;
    });
    const formulas = evals.map((e, i) =>
      layoutTableRow(
        g,
        tableRows[i] as number,
        e,
        sections[i],
        input.lastReview?.rows.get(e.objective.id),
        lang,
        t,
      ),
    );
    if (COL.bar !== COL.sparkline + 1) throw new Error("dashboard layout: formula columns apart");
    if (COL.reason !== SUMMARY_COLUMNS - 1) throw new Error("dashboard layout: summary not over");
    formulaBlocks.push({ row: head + 2, column: COL.sparkline + 1, formulas });
  }

  return g.toDashboard({
    formulaBlocks,
    charts,
    // Objective and KPI names (and the trend blocks' period and value) need room; the status's
    // reason, beside it, wraps in a column wide enough for two or three lines (the trend blocks'
    // "3-period average" shares it). The other columns keep Sheets' default width, which fits
    // their short headers and numbers.
    columnWidths: [
      { column: 1, count: 2, width: NAME_WIDTH },
      { column: COL.reason + 1, count: 1, width: REASON_WIDTH },
      // The status's move ("At risk → On track") fits on one line, its header too.
      { column: COL.sinceReview + 1, count: 1, width: SINCE_REVIEW_WIDTH },
    ],
  });
}

/**
 * The "since last review" cell: the status's move when it moved ("At risk → On track", green when
 * it got better), else the change of the value against the review's row in the change column's
 * units; "—" when the last review did not have the objective, or there is no review yet.
 */
function layoutSinceReview(
  g: Grid,
  r: number,
  e: ObjectiveEval,
  before: HistoryRow | undefined,
  lang: Lang,
  t: (k: MessageKey, p?: Params) => string,
): void {
  const c = COL.sinceReview;
  if (!before) {
    g.text(r, c, UNDEFINED_MARK);
    g.style(r, c, { align: "right" });
    return;
  }
  if (before.status !== e.status) {
    const word = (status: typeof e.status) => statusTextOf({ status, error: null }, lang);
    g.text(r, c, t("sinceStatusMoved", { from: word(before.status), to: word(e.status) }));
    const better = statusMoveIsBetter(before.status, e.status);
    g.style(r, c, {
      align: "right",
      bold: true,
      ...(better === null ? {} : { color: better ? GOOD : BAD }),
    });
    return;
  }
  const value = e.current?.value;
  const current = typeof value === "number" && Number.isFinite(value) ? value : null;
  const change = changeBetween(current, before.value, e.kpi.unit);
  g.number(r, c, change, changeFormat(change, e, lang));
  const better = improvement(change, e);
  if (better !== null) g.style(r, c, { color: better ? GOOD : BAD });
}

/** Where a row's benchmark comes from, and the caveat of open rates; "" without one. */
function benchmarkNote(
  b: BenchmarkRow | null,
  lang: Lang,
  t: (k: MessageKey, p?: Params) => string,
): string {
  if (!b) return "";
  const note = t("dashBenchmark", {
    channel: lowerFirst(channelLabel(b.channel, lang), lang),
    statistic: t(b.statistic === "median" ? "dashMedian" : "dashAverage"),
    source: b.source,
    year: b.year,
    currency: b.currency ? t("dashBenchmarkCurrency", { currency: b.currency }) : "",
  });
  return b.kpiId === "open_rate" ? `${note} ${t("dashBenchmarkMpp")}` : note;
}

/** The notes of a row: warnings about the objective first (⚠), then the in-progress period (◐). */
function notesOf(e: ObjectiveEval): string {
  const warnings = e.warnings.map((w) => `⚠ ${w}`);
  const partial = e.partialNote ? `◐ ${upperFirst(e.partialNote)}` : null;
  return [...warnings, partial, ...e.notes].filter(Boolean).join(" ");
}
