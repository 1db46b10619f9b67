/**
 * The dashboard tab as grids of values and formats, computed without touching Apps Script so the
 * writer can send each kind of content in one call (one setValues, one setNumberFormats, …).
 *
 * Layout, top to bottom: title, "as of", latest data per source, the stakeholder summary, a note
 * on skipped rows; the summary table (one row per objective) and its footnote; then one section
 * per objective: its trend block (period, value, target, 3-period average) with a line chart
 * beside it.
 */

import {
  formatDayLong,
  formatDayShort,
  formatUnitValue,
  periodLabel,
  UNDEFINED_MARK,
} from "../../contract/format.ts";
import type { Lang } from "../../contract/i18n.ts";
import type { RowProblem, StatusCode } from "../../contract/objectives.ts";
import { tryParseIsoDay } from "../../kpi/days.ts";
import type { Unit } from "../../kpi/types.ts";
import { textCell } from "../objectives/codec.ts";
import { columnLetter } from "../objectives/tab.ts";
import { type ObjectiveEval, SPARKLINE_PERIODS } from "../status/evaluate.ts";
import { messages } from "../workbook/messages.ts";
import { unitCellValue, unitNumberFormat } from "./format.ts";

/** The summary table's columns, in order. */
export const TABLE_COLUMNS = [
  "objective",
  "kpi",
  "owner",
  "frequency",
  "period",
  "current",
  "previous",
  "change",
  "baseline",
  "target",
  "sparkline",
  "bar",
  "progress",
  "expected",
  "status",
  "forecast",
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
const CHART_COLUMN = TREND_WIDTH + 2;

export interface ChartSpec {
  /** Data: the trend block with its header row (1-based). */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  anchorRow: number;
  anchorColumn: number;
  title: string;
}

export interface FormulaBlock {
  row: number;
  column: number;
  formulas: string[][];
}

export interface DashboardGrid {
  height: number;
  width: number;
  values: unknown[][];
  numberFormats: string[][];
  backgrounds: string[][];
  fontWeights: ("bold" | "normal")[][];
  fontColors: string[][];
  fontSizes: number[][];
  alignments: ("left" | "center" | "right")[][];
  formulaBlocks: FormulaBlock[];
  charts: ChartSpec[];
  columnWidths: { column: number; count: number; width: number }[];
}

export const STATUS_COLORS: Record<StatusCode | "none", string> = {
  achieved: "#b7e1cd",
  on_track: "#d9ead3",
  at_risk: "#fce8b2",
  off_track: "#f4c7c3",
  missed: "#e6b8af",
  none: "#eeeeee",
};
const BAR_COLORS: Record<StatusCode, string> = {
  achieved: "#0f9d58",
  on_track: "#34a853",
  at_risk: "#f9ab00",
  off_track: "#d93025",
  missed: "#a50e0e",
};
const WHITE = "#ffffff";
const INK = "#202124";
const MUTED = "#5f6368";
const HEADER_FILL = "#f1f3f4";
const GOOD = "#188038";
const BAD = "#c5221f";
const PROBLEM = "#a50e0e";
const TEXT = "@";
const FORMULA_FORMAT = "0.00";
const PERCENT_WHOLE = "0%";
const SHARE_CHANGE = "+0.0%;-0.0%;0.0%";

function changeFormat(lang: Lang): string {
  const pp = messages.t(lang, "pp");
  return `+0.0" ${pp}";-0.0" ${pp}";0.0" ${pp}"`;
}

export interface DashboardInput {
  evals: readonly ObjectiveEval[];
  problems: readonly RowProblem[];
  /** Latest day with data per source tab, in order of first use; null: no dated row; "missing": no tab. */
  sources: readonly { name: string; latest: number | null | "missing" }[];
  today: number;
  lang: Lang;
}

class Grid {
  readonly values: unknown[][] = [];
  readonly numberFormats: string[][] = [];
  readonly backgrounds: string[][] = [];
  readonly fontWeights: ("bold" | "normal")[][] = [];
  readonly fontColors: string[][] = [];
  readonly fontSizes: number[][] = [];
  readonly alignments: ("left" | "center" | "right")[][] = [];

  constructor(readonly width: number) {}

  /** Adds a blank row and returns its 0-based index. */
  row(): number {
    const w = this.width;
    this.values.push(new Array<unknown>(w).fill(""));
    this.numberFormats.push(new Array<string>(w).fill(TEXT));
    this.backgrounds.push(new Array<string>(w).fill(WHITE));
    this.fontWeights.push(new Array<"bold" | "normal">(w).fill("normal"));
    this.fontColors.push(new Array<string>(w).fill(INK));
    this.fontSizes.push(new Array<number>(w).fill(10));
    this.alignments.push(new Array<"left" | "center" | "right">(w).fill("left"));
    return this.values.length - 1;
  }

  get height(): number {
    return this.values.length;
  }

  /** Text, always stored as text: names a user typed may start with = + - @. */
  text(r: number, c: number, s: string): void {
    (this.values[r] as unknown[])[c] = textCell(s);
  }

  number(r: number, c: number, v: number | null, format: string): void {
    (this.values[r] as unknown[])[c] = v === null ? UNDEFINED_MARK : v;
    (this.numberFormats[r] as string[])[c] = format;
    (this.alignments[r] as string[])[c] = "right";
  }

  style(
    r: number,
    c: number,
    s: {
      bold?: boolean;
      color?: string;
      size?: number;
      fill?: string;
      align?: "left" | "center" | "right";
    },
  ): void {
    if (s.bold !== undefined) (this.fontWeights[r] as string[])[c] = s.bold ? "bold" : "normal";
    if (s.color) (this.fontColors[r] as string[])[c] = s.color;
    if (s.size) (this.fontSizes[r] as number[])[c] = s.size;
    if (s.fill) (this.backgrounds[r] as string[])[c] = s.fill;
    if (s.align) (this.alignments[r] as string[])[c] = s.align;
  }
}

function statusWord(status: StatusCode | null, e: ObjectiveEval, lang: Lang): string {
  if (status) return messages.t(lang, `status_${status}`);
  return messages.t(lang, e.error ? "status_error" : "status_no_data");
}

/** French month names are lower case; a note starting with one still starts a sentence. */
function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lowerFirst(s: string, lang: Lang): string {
  return s.charAt(0).toLocaleLowerCase(lang) + s.slice(1);
}

/** A KPI value in a sentence, without a useless ".0": "25%" but "19.8%". */
function sentenceValue(v: number, unit: Unit, lang: Lang): string {
  const s = formatUnitValue(v, unit, lang);
  return unit === "percent" ? s.replace(/[.,]0(?=\u00a0?%)/, "") : s;
}

const SEVERITY: Record<StatusCode, number> = {
  missed: 3,
  off_track: 2,
  at_risk: 1,
  on_track: 0,
  achieved: 0,
};

/** How many objectives each lagging one names in the summary. */
const NAMED_IN_SUMMARY = 2;

/**
 * One or two sentences a marketer can paste to stakeholders: how many objectives are fine, how
 * many need attention, then the ones lagging most, with where they stand against their target.
 * "3 of 5 objectives on track or achieved; 2 need attention. Newsletter open rate off track:
 * 20.8% against 25% by 31 December 2027; Paid search CPA at risk: 7.04 against 6.00 by …."
 */
export function stakeholderSummary(evals: readonly ObjectiveEval[], lang: Lang): string {
  const n = evals.length;
  if (n === 0) return messages.t(lang, "dashNoObjectives");
  const t = (key: Parameters<typeof messages.t>[1], params?: Record<string, string | number>) =>
    messages.t(lang, key, params);
  const rated = evals.filter((e) => e.status !== null);
  const errors = evals.filter((e) => e.error !== null).length;
  const late = rated
    .filter((e) => e.status && SEVERITY[e.status] > 0)
    .sort(
      (a, b) =>
        SEVERITY[b.status as StatusCode] - SEVERITY[a.status as StatusCode] ||
        (b.expected ?? 0) - (b.progress ?? 0) - ((a.expected ?? 0) - (a.progress ?? 0)),
    );
  const ok = rated.length - late.length;
  const clauses: string[] = [];
  if (rated.length === 0) clauses.push(t("sumNone"));
  else if (n === 1) clauses.push(t(ok === 1 ? "sumOneOk" : "sumOneLate"));
  else if (ok === n) clauses.push(t("sumAll", { n }));
  else {
    clauses.push(t("sumCount", { k: ok, n }));
    if (late.length > 0) {
      clauses.push(late.length === 1 ? t("sumLateOne") : t("sumLateMany", { count: late.length }));
    }
  }
  if (errors > 0) {
    clauses.push(errors === 1 ? t("sumErrorOne") : t("sumErrorMany", { count: errors }));
  }
  const sentences = [`${clauses.join(t("listSeparator"))}.`];
  const named = late
    .filter((e) => e.current?.value !== null && e.current?.value !== undefined)
    .slice(0, NAMED_IN_SUMMARY)
    .map((e) =>
      t("sumLate", {
        name: e.objective.name,
        status: lowerFirst(t(`status_${e.status as StatusCode}`), lang),
        current: sentenceValue(e.current?.value as number, e.kpi.unit, lang),
        target: sentenceValue(e.objective.target, e.kpi.unit, lang),
        deadline: formatDayLong(deadlineDayOf(e), lang),
      }),
    );
  if (named.length > 0) sentences.push(`${named.join(t("listSeparator"))}.`);
  return sentences.join(" ");
}

function deadlineDayOf(e: ObjectiveEval): number {
  return tryParseIsoDay(e.objective.deadline) ?? 0;
}

/** Whether a change is an improvement for this objective: up when higher is better. */
function improvement(e: ObjectiveEval): boolean | null {
  if (e.change === null || e.change === 0) return null;
  return e.objective.direction === "higher" ? e.change > 0 : e.change < 0;
}

export function layoutDashboard(input: DashboardInput): DashboardGrid {
  const { evals, problems, sources, today, lang } = input;
  const g = new Grid(DASHBOARD_WIDTH);
  const t = (key: Parameters<typeof messages.t>[1], params?: Record<string, string | number>) =>
    messages.t(lang, key, params);

  // Header area.
  const title = g.row();
  g.text(title, 0, t("dashTitle"));
  g.style(title, 0, { bold: true, size: 18 });
  const asOf = g.row();
  g.text(asOf, 0, t("dashAsOf", { date: formatDayLong(today, lang) }));
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
  g.text(summary, 0, stakeholderSummary(evals, lang));
  g.style(summary, 0, { bold: true, size: 11 });
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

  const formulaBlocks: FormulaBlock[] = [];
  const charts: ChartSpec[] = [];
  if (evals.length > 0) {
    // Summary table.
    const head = g.row();
    if (head !== TABLE_HEADER_ROW) throw new Error("dashboard layout: header rows miscounted");
    const headerKey: Record<TableColumn, Parameters<typeof messages.t>[1]> = {
      objective: "col_objective",
      kpi: "col_kpi",
      owner: "col_owner",
      frequency: "col_frequency",
      period: "col_period",
      current: "col_current",
      previous: "col_previous",
      change: "col_change",
      sparkline: "col_sparkline",
      baseline: "col_baseline",
      target: "col_target",
      progress: "col_progress",
      bar: "col_bar",
      expected: "col_expected",
      status: "col_status",
      forecast: "col_forecast",
      deadline: "col_deadline",
      note: "col_note",
    };
    TABLE_COLUMNS.forEach((c, i) => {
      g.text(head, i, t(headerKey[c]));
      g.style(head, i, {
        bold: true,
        fill: HEADER_FILL,
        align: i === 0 ? "left" : "center",
      });
    });
    const firstRow = head + 1;
    const tableRows = evals.map(() => g.row());
    g.row();
    const foot = g.row();
    g.text(foot, 0, t("footnote"));
    g.style(foot, 0, { color: MUTED, size: 9 });
    g.row();

    // Sections: trend block and chart per objective with at least one complete period.
    const sectionOf = new Map<number, { valueRow: number; rows: number }>();
    evals.forEach((e, i) => {
      if (e.trend.length === 0) return;
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
      const labels = [t("trend_period"), t("trend_value"), t("trend_target"), t("trend_average")];
      labels.forEach((l, c) => {
        g.text(header, c, l);
        g.style(header, c, { bold: true, fill: HEADER_FILL, align: c === 0 ? "left" : "right" });
      });
      const format = unitNumberFormat(e.kpi.unit);
      const unit = e.kpi.unit;
      const cell = (v: number | null) => (v === null ? null : unitCellValue(v, unit));
      for (const p of e.trend) {
        const r = g.row();
        g.text(r, 0, periodLabel(p.start, e.objective.frequency, lang));
        g.number(r, 1, cell(p.value), format);
        g.number(r, 2, cell(e.objective.target), format);
        if (p.average === null) {
          (g.numberFormats[r] as string[])[3] = format;
        } else {
          g.number(r, 3, cell(p.average), format);
        }
      }
      const used = 2 + e.trend.length;
      for (let k = used; k < SECTION_MIN_ROWS; k++) g.row();
      g.row();
      sectionOf.set(i, { valueRow: header + 1, rows: e.trend.length });
      charts.push({
        row: header + 1,
        column: 1,
        numRows: e.trend.length + 1,
        numColumns: TREND_WIDTH,
        anchorRow: top + 1,
        anchorColumn: CHART_COLUMN,
        title: t("chartTitle", { name: e.objective.name, kpi: e.kpi.name[lang] }),
      });
    });

    // Table rows (after the sections, whose positions the sparklines refer to).
    // The sparkline and the bar sit side by side: one setFormulas for both.
    const formulas: string[][] = [];
    evals.forEach((e, i) => {
      const r = tableRows[i] as number;
      const o = e.objective;
      const unit = e.kpi.unit;
      const format = unitNumberFormat(unit);
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
      g.number(r, COL.change, e.change, e.changeKind === "pp" ? changeFormat(lang) : SHARE_CHANGE);
      const better = improvement(e);
      if (better !== null) g.style(r, COL.change, { color: better ? GOOD : BAD });
      g.number(r, COL.baseline, cell(o.baseline), format);
      g.number(r, COL.target, cell(o.target), format);
      g.number(r, COL.progress, e.progress, PERCENT_WHOLE);
      g.number(r, COL.expected, e.expected, PERCENT_WHOLE);
      g.text(r, COL.status, statusWord(e.status, e, lang));
      g.style(r, COL.status, {
        bold: true,
        fill: STATUS_COLORS[e.status ?? "none"],
        align: "center",
      });
      g.number(r, COL.forecast, cell(e.forecast), format);
      g.text(r, COL.deadline, formatDayShort(deadlineDayOf(e), lang));
      g.style(r, COL.deadline, { align: "right" });
      g.text(r, COL.note, e.error ?? notesOf(e));
      // Last column: long notes overflow into the empty cells to its right.
      if (e.error) g.style(r, COL.note, { color: PROBLEM });

      const progressCell = `${columnLetter(COL.progress)}${r + 1}`;
      const bar =
        e.progress !== null && e.status
          ? `=SPARKLINE(${progressCell},{"charttype","bar";"max",1;"color1","${BAR_COLORS[e.status]}"})`
          : "";
      const section = sectionOf.get(i);
      let spark = "";
      if (section && section.rows >= 2) {
        const last = section.valueRow + section.rows;
        const first = Math.max(section.valueRow + 1, last - SPARKLINE_PERIODS + 1);
        spark = `=SPARKLINE(B${first}:B${last},{"charttype","line";"color","#1a73e8";"linewidth",2})`;
      }
      formulas.push([spark, bar]);
      // A cell formatted as plain text may show a formula as its text: give these a number format.
      (g.numberFormats[r] as string[])[COL.sparkline] = FORMULA_FORMAT;
      (g.numberFormats[r] as string[])[COL.bar] = FORMULA_FORMAT;
    });
    if (COL.bar !== COL.sparkline + 1) throw new Error("dashboard layout: formula columns apart");
    formulaBlocks.push({ row: firstRow + 1, column: COL.sparkline + 1, formulas });
  }

  return {
    height: g.height,
    width: g.width,
    values: g.values,
    numberFormats: g.numberFormats,
    backgrounds: g.backgrounds,
    fontWeights: g.fontWeights,
    fontColors: g.fontColors,
    fontSizes: g.fontSizes,
    alignments: g.alignments,
    formulaBlocks,
    charts,
    // Objective and KPI names (and the trend blocks' period and value) need room, and so does the
    // trend blocks' "3-period average" in D; the other columns keep Sheets' default width, which
    // fits their short headers and numbers.
    columnWidths: [
      { column: 1, count: 2, width: 210 },
      { column: 4, count: 1, width: 140 },
    ],
  };
}

/** The notes of a row, the in-progress period first, marked ◐. */
function notesOf(e: ObjectiveEval): string {
  const partial = e.partialNote ? `◐ ${upperFirst(e.partialNote)}` : null;
  return [partial, ...e.notes].filter(Boolean).join(" ");
}
