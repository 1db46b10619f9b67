/**
 * What the playground server sends the page: the workbook as the page draws it, already
 * formatted (number formats, locale, time zone and formulas are the server's business), so the
 * page only lays things out.
 */
import type { Lang } from "../../src/contract/i18n.ts";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  background?: string;
  align?: "left" | "center" | "right";
  valign?: "top" | "middle" | "bottom";
  size?: number;
  wrap?: boolean;
}

export interface SparklineView {
  type: "line" | "bar" | "column" | "winloss";
  values: (number | null)[];
  min?: number;
  max?: number;
  color?: string;
  /** Second colour of a bar sparkline (color2). */
  color2?: string;
  negColor?: string;
  lineWidth?: number;
}

export interface CellView {
  /** Displayed text. */
  d?: string;
  /** Formula, when the cell holds one. */
  f?: string;
  /** What the formula bar shows and editing starts from, when it differs from d. */
  e?: string;
  /** Index into SheetView.styles. */
  s?: number;
  /** Alignment Sheets chooses when none is set: numbers and dates right, booleans centred. */
  n?: "r" | "c";
  /** A formula error's message (d holds "#N/A", "#ERROR!", …). */
  err?: string;
  spark?: SparklineView;
  /** Shown by a formula spilling from another cell: that cell, in A1. */
  spill?: string;
  note?: string;
}

export interface ChartSeriesView {
  name: string;
  values: (number | null)[];
  /** Each value under the series' number format, for tooltips. */
  texts: string[];
  color: string;
  dashed?: boolean;
  lineWidth?: number;
}

export interface ChartView {
  id: number;
  type: "line" | "column" | "bar" | "area" | "pie" | "scatter" | "other";
  /** The type name the script asked for, when the page draws it as a line instead. */
  requestedType: string;
  title: string;
  /** Categories (x axis), as displayed. */
  labels: string[];
  series: ChartSeriesView[];
  /** Number format of the values, applied to the vertical axis and tooltips. */
  valueFormat?: string;
  /** Axis tick labels, already formatted by the server. */
  ticks: { value: number; label: string }[];
  min: number;
  max: number;
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  width: number;
  height: number;
  legend: "bottom" | "right" | "top" | "none";
  /** Radius of the points drawn on lines; Sheets draws none unless the chart asks. */
  pointSize: number;
  hAxisTitle?: string;
  vAxisTitle?: string;
  /** Why the chart could not be drawn (bad range, no numbers), shown in its frame. */
  problem?: string;
}

export interface SheetView {
  id: number;
  name: string;
  /** Rows sent (a window from row 1). */
  rows: number;
  /** The last row with content (what getLastRow says). */
  totalRows: number;
  columns: number;
  frozenRows: number;
  frozenColumns: number;
  colWidths: number[];
  /** Row heights set by the script, by 1-based row. */
  rowHeights: Record<number, number>;
  /** cells[r][c], 0-based, for the rows and columns sent; null for an empty cell. */
  cells: (CellView | null)[][];
  styles: CellStyle[];
  merges: { row: number; column: number; rows: number; columns: number }[];
  charts: ChartView[];
  /** Rows covered by a protection, for the "protected cell" warning Sheets gives. */
  protectedRanges: { r1: number; c1: number; r2: number; c2: number; warningOnly: boolean }[];
  /** False when the script hid the gridlines (as dashboards often do). */
  gridlines: boolean;
}

export interface MenuItemView {
  label: string;
  functionName: string;
}

export interface WorkbookView {
  version: number;
  lang: Lang;
  userLocale: string;
  /** The spreadsheet's own locale and zone (they format the cells). */
  locale: string;
  timeZone: string;
  title: string;
  sheets: { id: number; name: string; tabColor: string | null }[];
  activeSheetId: number;
  active: SheetView;
  /** The add-on menu, as the bundle's onOpen built it; null when onOpen failed. */
  menu: { title: string; items: (MenuItemView | { separator: true })[] } | null;
  menuError?: string;
  /** The simulated clock, in the spreadsheet's zone, and the next firing of a trigger. */
  clock: { now: string; next: string | null };
  /** What MailApp sent, latest first. */
  outbox: { id: number; subject: string; to: string; at: string; size: number }[];
  /** The local BigQuery stand-in's table (project.dataset.events_*) and its number of events. */
  bigQuery: { table: string; events: number } | null;
}

/** What a script run left for the user to see. */
export type UiEvent =
  | { type: "sidebar"; id: number; title: string; width: number }
  | { type: "dialog"; id: number; title: string; width: number; height: number }
  | { type: "alert"; title: string; prompt: string }
  | { type: "toast"; title: string; message: string }
  | { type: "error"; functionName: string; message: string }
  | { type: "notice"; message: string };

export interface ActionReply {
  ok: boolean;
  events: UiEvent[];
  state: WorkbookView;
  /** Set when the action itself was refused (bad CSV, unknown sheet). */
  error?: string;
}
