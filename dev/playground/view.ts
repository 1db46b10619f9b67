/**
 * Turns the emulator's snapshot into what the page draws: display text under each cell's number
 * format (in the spreadsheet's locale and zone), computed formulas, sparklines, styles with
 * conditional formatting applied, and charts with their data read from the ranges they name.
 */
import { usesDecimalComma } from "../../src/kpi/cells.ts";
import { localFormula } from "../../src/kpi/functions/formula-text.ts";
import { columnLetters, parseA1 } from "../emulator/a1.ts";
import { displayValue } from "../emulator/number-format.ts";
import type {
  CellSnapshot,
  ChartSnapshot,
  ConditionalFormatRuleSnapshot,
  SheetSnapshot,
} from "../emulator/snapshot.ts";
import { decodeCellValue } from "../emulator/values.ts";
import { type FormulaResult, isFormulaError, isSparkline, type SparklineValue } from "./formula.ts";
import type {
  CellStyle,
  CellView,
  ChartSeriesView,
  ChartView,
  SheetView,
  SparklineView,
} from "./view-types.ts";

type Value = number | string | boolean | Date;

export interface ViewEnv {
  timeZone: string;
  locale: string;
  /** The computed value of a formula cell (1-based row and column). */
  evaluate(sheet: string, row: number, column: number, formula: string): FormulaResult;
  /** Values of a block as getValues returns them (formulas computed). */
  readValues(sheet: string, r1: number, c1: number, r2: number, c2: number): unknown[][];
  /** Short messages the view shows in its own words (chart problems). */
  text: { chartNoData(range: string): string; notComputed(name: string): string };
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

export const CHART_COLORS = [
  "#4285f4",
  "#ea4335",
  "#fbbc04",
  "#34a853",
  "#ff6d01",
  "#46bdc6",
  "#7baaf7",
  "#f07b72",
];

function show(value: Value | "", format: string | undefined, env: ViewEnv): string {
  try {
    return displayValue(value, format, { timeZone: env.timeZone, locale: env.locale });
  } catch {
    return String(value);
  }
}

/** What the formula bar shows for a value: the number as typed, not as formatted. */
function editTextOf(value: Value, format: string | undefined, env: ViewEnv): string | undefined {
  if (typeof value === "string") return undefined;
  if (typeof value === "boolean") return undefined;
  if (isDate(value)) return show(value, undefined, env);
  const decimal = show(1.5, undefined, env).charAt(1);
  if (format && /%/.test(format.replace(/"[^"]*"/g, ""))) {
    return `${String(Number((value * 100).toPrecision(12))).replace(".", decimal)}%`;
  }
  return String(Number(value.toPrecision(15))).replace(".", decimal);
}

function defaultAlign(value: unknown): "r" | "c" | undefined {
  if (typeof value === "number" || isDate(value)) return "r";
  if (typeof value === "boolean") return "c";
  return undefined;
}

function styleOf(
  cell: CellSnapshot | null,
  conditional: ConditionalFormatRuleSnapshot["format"] | undefined,
): CellStyle | undefined {
  const s: CellStyle = {};
  if (cell) {
    if (cell.fontWeight === "bold") s.bold = true;
    if (cell.fontStyle === "italic") s.italic = true;
    if (cell.fontColor && cell.fontColor !== "#000000") s.color = cell.fontColor;
    if (cell.background && cell.background !== "#ffffff") s.background = cell.background;
    const h = cell.horizontalAlignment?.toLowerCase().replace(/^general-/, "");
    if (h === "left" || h === "center" || h === "right") s.align = h;
    const v = cell.verticalAlignment?.toLowerCase();
    if (v === "top" || v === "middle" || v === "bottom") s.valign = v;
    if (cell.fontSize && cell.fontSize !== 10) s.size = cell.fontSize;
    if (cell.wrap) s.wrap = true;
  }
  if (conditional) {
    if (conditional.background) s.background = conditional.background;
    if (conditional.fontColor) s.color = conditional.fontColor;
    if (conditional.bold) s.bold = true;
    if (conditional.italic) s.italic = true;
  }
  return Object.keys(s).length === 0 ? undefined : s;
}

interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function rectOf(a1: string, sheet?: SheetSnapshot): Rect | undefined {
  const ref = parseA1(a1);
  if (!ref) return undefined;
  return {
    r1: ref.r1 ?? 1,
    c1: ref.c1 ?? 1,
    r2: ref.r2 ?? sheet?.maxRows ?? 1_000_000,
    c2: ref.c2 ?? sheet?.maxColumns ?? 18_278,
  };
}

const inRect = (r: Rect, row: number, column: number) =>
  r.r1 <= row && row <= r.r2 && r.c1 <= column && column <= r.c2;

/** Conditional formats whose criteria the playground can judge; others are left undrawn. */
function ruleMatches(
  rule: ConditionalFormatRuleSnapshot,
  value: unknown,
  display: string,
): boolean {
  const args = rule.values.map((v) =>
    typeof v === "object" && v !== null && "$date" in v
      ? new Date((v as { $date: string }).$date)
      : v,
  );
  const text = typeof value === "string" ? value : display;
  const a = args[0];
  const b = args[1];
  const n = typeof value === "number" ? value : Number.NaN;
  switch (rule.criteria) {
    case "TEXT_EQUAL_TO":
      return text === String(a);
    case "TEXT_NOT_EQUAL_TO":
      return text !== String(a);
    case "TEXT_CONTAINS":
      return text.toLowerCase().includes(String(a).toLowerCase());
    case "TEXT_DOES_NOT_CONTAIN":
      return !text.toLowerCase().includes(String(a).toLowerCase());
    case "TEXT_STARTS_WITH":
      return text.toLowerCase().startsWith(String(a).toLowerCase());
    case "TEXT_ENDS_WITH":
      return text.toLowerCase().endsWith(String(a).toLowerCase());
    case "CELL_EMPTY":
      return value === "" || value === undefined;
    case "CELL_NOT_EMPTY":
      return !(value === "" || value === undefined);
    case "NUMBER_GREATER_THAN":
      return n > Number(a);
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return n >= Number(a);
    case "NUMBER_LESS_THAN":
      return n < Number(a);
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return n <= Number(a);
    case "NUMBER_EQUAL_TO":
      return n === Number(a);
    case "NUMBER_NOT_EQUAL_TO":
      return !Number.isNaN(n) && n !== Number(a);
    case "NUMBER_BETWEEN":
      return n >= Math.min(Number(a), Number(b)) && n <= Math.max(Number(a), Number(b));
    case "NUMBER_NOT_BETWEEN":
      return (
        !Number.isNaN(n) &&
        (n < Math.min(Number(a), Number(b)) || n > Math.max(Number(a), Number(b)))
      );
    default:
      return false;
  }
}

function sparklineView(s: SparklineValue): SparklineView {
  const o = s.sparkline.options;
  const type = String(o.charttype ?? "line");
  const num = (k: string) => (typeof o[k] === "number" ? (o[k] as number) : undefined);
  const str = (k: string) => (typeof o[k] === "string" ? (o[k] as string) : undefined);
  const values = s.sparkline.data
    .flat()
    .map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null));
  const view: SparklineView = {
    type: type === "bar" || type === "column" || type === "winloss" ? type : "line",
    values,
  };
  const min = num("ymin") ?? num("min");
  const max = num("ymax") ?? num("max");
  if (min !== undefined) view.min = min;
  if (max !== undefined) view.max = max;
  const color = str("color") ?? str("color1");
  if (color) view.color = color;
  const color2 = str("color2");
  if (color2) view.color2 = color2;
  const neg = str("negcolor");
  if (neg) view.negColor = neg;
  const lw = num("linewidth");
  if (lw !== undefined) view.lineWidth = lw;
  return view;
}

export function lastContentRow(sheet: SheetSnapshot): number {
  for (let r = sheet.rows.length; r > 0; r--) {
    const row = sheet.rows[r - 1];
    if (
      row?.some((c) => c && (c.formula !== undefined || (c.value !== undefined && c.value !== "")))
    )
      return r;
  }
  return 0;
}

export function buildSheetView(
  sheet: SheetSnapshot,
  rowsWanted: number,
  env: ViewEnv,
  snapshotOf: (name: string) => SheetSnapshot | undefined,
): SheetView {
  const totalRows = lastContentRow(sheet);
  const charts = sheet.charts;
  const chartRows = charts.map((c) => c.anchor.row);
  const rows = Math.min(
    sheet.rows.length,
    Math.max(rowsWanted, ...chartRows.map((r) => Math.min(r, rowsWanted))),
  );
  const rowsSent = Math.min(Math.max(rows, Math.min(totalRows, rowsWanted)), sheet.rows.length);

  const merges = sheet.merges.flatMap((m) => {
    const r = rectOf(m);
    return r ? [{ row: r.r1, column: r.c1, rows: r.r2 - r.r1 + 1, columns: r.c2 - r.c1 + 1 }] : [];
  });
  const rules = sheet.conditionalFormatRules.map((rule) => ({
    rule,
    rects: rule.ranges.flatMap((a) => rectOf(a, sheet) ?? []),
  }));

  const styles: CellStyle[] = [];
  const styleIndex = new Map<string, number>();
  const internStyle = (s: CellStyle | undefined): number | undefined => {
    if (!s) return undefined;
    const key = JSON.stringify(s);
    let i = styleIndex.get(key);
    if (i === undefined) {
      i = styles.length;
      styles.push(s);
      styleIndex.set(key, i);
    }
    return i;
  };

  let columns = 0;
  const cells: (CellView | null)[][] = [];
  const spills: { row: number; column: number; values: unknown[][]; from: string }[] = [];
  for (let r = 1; r <= rowsSent; r++) {
    const src = sheet.rows[r - 1] ?? [];
    const out: (CellView | null)[] = [];
    for (let c = 1; c <= src.length; c++) {
      const cell = src[c - 1] ?? null;
      if (!cell) {
        out.push(null);
        continue;
      }
      const view: CellView = {};
      let value: unknown = "";
      if (cell.formula !== undefined) {
        // Stored with English separators (as setFormula takes them), shown as the locale writes.
        view.f = localFormula(cell.formula, usesDecimalComma(env.locale));
        const result = env.evaluate(sheet.name, r, c, cell.formula);
        if (isFormulaError(result)) {
          view.d = result.error;
          view.err =
            result.notComputed === undefined
              ? result.message
              : env.text.notComputed(result.notComputed);
          view.n = "c";
        } else if (isSparkline(result)) {
          view.spark = sparklineView(result);
        } else if (Array.isArray(result)) {
          const first = (result[0] as unknown[] | undefined)?.[0];
          value = first ?? "";
          view.d = show(value as Value, cell.numberFormat, env);
          if (result.length > 1 || (result[0] as unknown[]).length > 1) {
            spills.push({ row: r, column: c, values: result, from: `${columnLetters(c)}${r}` });
          }
        } else {
          value = result;
          view.d = show(result as Value, cell.numberFormat, env);
        }
      } else if (cell.value !== undefined) {
        value = decodeCellValue(cell.value);
        view.d = show(value as Value, cell.numberFormat, env);
        const e = editTextOf(value as Value, cell.numberFormat, env);
        if (e !== undefined && e !== view.d) view.e = e;
      }
      const n = view.n ?? defaultAlign(value);
      if (n) view.n = n;
      let conditional: ConditionalFormatRuleSnapshot["format"] | undefined;
      for (const { rule, rects } of rules) {
        if (rects.some((rect) => inRect(rect, r, c)) && ruleMatches(rule, value, view.d ?? "")) {
          conditional = rule.format;
          break;
        }
      }
      const s = internStyle(styleOf(cell, conditional));
      if (s !== undefined) view.s = s;
      if (cell.note) view.note = cell.note;
      if (view.d === "") delete view.d;
      out.push(Object.keys(view).length === 0 ? null : view);
    }
    columns = Math.max(columns, out.length);
    cells.push(out);
  }

  // Arrays returned by formulas spill right and down into empty cells, as in Sheets; a spill
  // may reach below the last row that holds anything, so those rows are sent too.
  const spillEnd = Math.max(0, ...spills.map((s) => s.row + s.values.length - 1));
  while (cells.length < Math.min(spillEnd, Math.max(rowsWanted, rowsSent))) cells.push([]);
  for (const spill of spills) {
    spill.values.forEach((row, i) => {
      (row as unknown[]).forEach((v, j) => {
        if (i === 0 && j === 0) return;
        const r = spill.row + i;
        const c = spill.column + j;
        const line = cells[r - 1];
        if (!line) return;
        const existing = line[c - 1];
        if (existing?.d || existing?.f) return;
        while (line.length < c) line.push(null);
        const format = sheet.rows[r - 1]?.[c - 1]?.numberFormat;
        const view: CellView = {
          ...(existing ?? {}),
          d: show(v as Value, format, env),
          spill: spill.from,
        };
        const n = defaultAlign(v);
        if (n) view.n = n;
        line[c - 1] = view;
        columns = Math.max(columns, c);
      });
    });
  }

  const colWidths: number[] = [];
  const widestColumn = Math.max(columns, ...Object.keys(sheet.columnWidths).map(Number));
  for (let c = 1; c <= widestColumn; c++) colWidths.push(sheet.columnWidths[String(c)] ?? 100);
  const rowHeights: Record<number, number> = {};
  for (const [k, v] of Object.entries(sheet.rowHeights)) rowHeights[Number(k)] = v;

  const protectedRanges = sheet.protections.flatMap((p) => {
    const rect =
      p.range === null
        ? { r1: 1, c1: 1, r2: sheet.maxRows, c2: sheet.maxColumns }
        : rectOf(p.range);
    return rect ? [{ ...rect, warningOnly: p.warningOnly }] : [];
  });

  return {
    id: sheet.sheetId,
    name: sheet.name,
    rows: cells.length,
    totalRows,
    columns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    colWidths,
    rowHeights,
    cells,
    styles,
    merges,
    charts: charts.map((chart) => buildChartView(chart, env, snapshotOf)),
    protectedRanges,
    gridlines: !sheet.hiddenGridlines,
  };
}

// ---------------------------------------------------------------------------------------------
// Charts

const TYPE_MAP: Record<string, ChartView["type"]> = {
  LINE: "line",
  AREA: "area",
  STEPPED_AREA: "area",
  COLUMN: "column",
  BAR: "bar",
  COMBO: "line",
  SCATTER: "scatter",
  PIE: "pie",
};

function niceStep(span: number, target: number): number {
  const raw = span / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
  return step * mag;
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : {};
}

export function buildChartView(
  chart: ChartSnapshot,
  env: ViewEnv,
  snapshotOf?: (sheet: string) => SheetSnapshot | undefined,
): ChartView {
  const o = chart.options;
  const width = typeof o.width === "number" ? o.width : 600;
  const height = typeof o.height === "number" ? o.height : 371;
  const type = TYPE_MAP[chart.type] ?? "other";
  const legendOpt = record(o.legend).position ?? o.legend;
  const legend: ChartView["legend"] =
    legendOpt === "none" || legendOpt === "right" || legendOpt === "top" ? legendOpt : "bottom";
  const base: ChartView = {
    id: chart.chartId,
    type,
    requestedType: chart.type,
    title: typeof o.title === "string" ? o.title : "",
    labels: [],
    series: [],
    ticks: [],
    min: 0,
    max: 1,
    anchor: chart.anchor,
    width,
    height,
    legend,
    pointSize: typeof o.pointSize === "number" ? o.pointSize : 0,
  };
  const hTitle = record(o.hAxis).title;
  const vAxis = record(o.vAxis);
  if (typeof hTitle === "string" && hTitle) base.hAxisTitle = hTitle;
  if (typeof vAxis.title === "string" && vAxis.title) base.vAxisTitle = vAxis.title;

  // Columns of all ranges side by side (Sheets' MERGE_COLUMNS), each with its cells' formats.
  let table: { value: unknown; format?: string }[][] = [];
  const names = chart.ranges.map((r) => `${r.sheet}!${r.a1}`).join(", ");
  try {
    for (const range of chart.ranges) {
      const sheetSnap = snapshotOf?.(range.sheet);
      const rect = rectOf(range.a1, sheetSnap);
      if (!rect) continue;
      const last = sheetSnap
        ? Math.min(rect.r2, Math.max(lastContentRow(sheetSnap), rect.r1))
        : rect.r2;
      const values = env.readValues(range.sheet, rect.r1, rect.c1, last, rect.c2);
      const block = values.map((row, i) =>
        row.map((value, j) => ({
          value,
          format: sheetSnap?.rows[rect.r1 - 1 + i]?.[rect.c1 - 1 + j]?.numberFormat,
        })),
      );
      if (table.length === 0) table = block;
      else {
        block.forEach((row, i) => {
          table[i]?.push(...row);
        });
      }
    }
  } catch (error) {
    return { ...base, problem: error instanceof Error ? error.message : String(error) };
  }
  if (chart.transpose && table.length > 0) {
    table = (table[0] ?? []).map((_, j) =>
      table.map((row) => row[j] as { value: unknown; format?: string }),
    );
  }
  if (table.length === 0 || (table[0]?.length ?? 0) < 2) {
    return { ...base, problem: env.text.chartNoData(names) };
  }
  const headerRows =
    chart.numHeaders >= 0
      ? chart.numHeaders
      : table[0]?.slice(1).every((c) => typeof c.value === "string" && c.value !== "")
        ? 1
        : 0;
  const header = headerRows > 0 ? table[0] : undefined;
  const body = table
    .slice(headerRows)
    .filter((row) => row.some((c) => c.value !== "" && c.value !== null));
  base.labels = body.map((row) => {
    const c = row[0];
    return c ? show(c.value as Value, c.format, env) : "";
  });

  const seriesOpt = record(o.series);
  const colors = Array.isArray(o.colors)
    ? o.colors.filter((c): c is string => typeof c === "string")
    : [];
  const width0 = table[0]?.length ?? 0;
  let valueFormat: string | undefined;
  const series: ChartSeriesView[] = [];
  for (let j = 1; j < width0; j++) {
    const k = j - 1;
    const so = record(seriesOpt[String(k)]);
    const values = body.map((row) => {
      const v = row[j]?.value;
      return typeof v === "number" && Number.isFinite(v) ? v : null;
    });
    const format = body.find((row) => typeof row[j]?.value === "number")?.[j]?.format;
    valueFormat ??= format;
    const name = header?.[j]?.value;
    const s: ChartSeriesView = {
      name: typeof name === "string" && name ? name : `Series ${j}`,
      values,
      texts: values.map((v) => (v === null ? "—" : show(v, format, env))),
      color:
        (typeof so.color === "string" ? so.color : undefined) ??
        colors[k] ??
        CHART_COLORS[k % CHART_COLORS.length] ??
        "#4285f4",
    };
    if (Array.isArray(so.lineDashStyle) && so.lineDashStyle.length > 0) s.dashed = true;
    if (typeof so.lineWidth === "number") s.lineWidth = so.lineWidth;
    if (so.visibleInLegend === false && so.lineWidth === 0) continue;
    series.push(s);
  }
  const nums = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (nums.length === 0) return { ...base, series: [], problem: env.text.chartNoData(names) };

  const viewWindow = record(vAxis.viewWindow);
  let min = typeof viewWindow.min === "number" ? viewWindow.min : Math.min(...nums);
  let max = typeof viewWindow.max === "number" ? viewWindow.max : Math.max(...nums);
  if (typeof viewWindow.min !== "number" && min > 0 && min < max * 0.5) min = 0;
  if (min === max) {
    max = min === 0 ? 1 : max + Math.abs(max) * 0.1;
    min = min === 0 ? 0 : min - Math.abs(min) * 0.1;
  }
  const step = niceStep(max - min, 5);
  if (typeof viewWindow.min !== "number") min = Math.floor(min / step) * step;
  if (typeof viewWindow.max !== "number") max = Math.ceil(max / step) * step;
  const axisFormat = typeof vAxis.format === "string" ? vAxis.format : valueFormat;
  const ticks: ChartView["ticks"] = [];
  for (let v = min; v <= max + step / 1e6; v += step) {
    const value = Number(v.toPrecision(12));
    ticks.push({ value, label: show(value, axisFormat, env) });
  }
  const view: ChartView = { ...base, series, min, max, ticks };
  if (axisFormat) view.valueFormat = axisFormat;
  return view;
}
