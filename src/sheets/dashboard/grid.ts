/**
 * A block of dashboard cells built in memory, one array per kind of content, so the writer sends
 * each kind in one call (one setValues, one setNumberFormats, …); and the dashboard's colours.
 */
import { UNDEFINED_MARK } from "../../contract/format.ts";
import type { StatusCode } from "../../contract/objectives.ts";
import { textCell } from "../workbook/cells.ts";

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
  /** Cells whose text wraps within their column instead of overflowing or being cut. */
  wraps: boolean[][];
  formulaBlocks: FormulaBlock[];
  charts: ChartSpec[];
  columnWidths: { column: number; count: number; width: number }[];
  /** Cells merged across columns (0-based row and column), and rows of a set height. */
  merges: { row: number; column: number; numColumns: number }[];
  rowHeights: { row: number; height: number }[];
}

export const STATUS_COLORS: Record<StatusCode | "none", string> = {
  not_started: "#e8f0fe",
  achieved: "#b7e1cd",
  on_track: "#d9ead3",
  at_risk: "#fce8b2",
  off_track: "#f4c7c3",
  missed: "#e6b8af",
  none: "#eeeeee",
};
export const BAR_COLORS: Record<StatusCode, string> = {
  not_started: "#9aa0a6",
  achieved: "#0f9d58",
  on_track: "#34a853",
  at_risk: "#f9ab00",
  off_track: "#d93025",
  missed: "#a50e0e",
};
export const WHITE = "#ffffff";
export const INK = "#202124";
export const MUTED = "#5f6368";
export const HEADER_FILL = "#f1f3f4";
export const GOOD = "#188038";
export const BAD = "#c5221f";
export const PROBLEM = "#a50e0e";
export const TEXT = "@";
export const FORMULA_FORMAT = "0.00";

export class Grid {
  readonly values: unknown[][] = [];
  readonly numberFormats: string[][] = [];
  readonly backgrounds: string[][] = [];
  readonly fontWeights: ("bold" | "normal")[][] = [];
  readonly fontColors: string[][] = [];
  readonly fontSizes: number[][] = [];
  readonly alignments: ("left" | "center" | "right")[][] = [];
  readonly wraps: boolean[][] = [];
  readonly merges: DashboardGrid["merges"] = [];
  readonly rowHeights: DashboardGrid["rowHeights"] = [];

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
    this.wraps.push(new Array<boolean>(w).fill(false));
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
      wrap?: boolean;
    },
  ): void {
    if (s.bold !== undefined) (this.fontWeights[r] as string[])[c] = s.bold ? "bold" : "normal";
    if (s.color) (this.fontColors[r] as string[])[c] = s.color;
    if (s.size) (this.fontSizes[r] as number[])[c] = s.size;
    if (s.fill) (this.backgrounds[r] as string[])[c] = s.fill;
    if (s.align) (this.alignments[r] as string[])[c] = s.align;
    if (s.wrap !== undefined) (this.wraps[r] as boolean[])[c] = s.wrap;
  }

  /** The grid as the writer takes it. */
  toDashboard(
    extra: Pick<DashboardGrid, "formulaBlocks" | "charts" | "columnWidths">,
  ): DashboardGrid {
    return {
      height: this.height,
      width: this.width,
      values: this.values,
      numberFormats: this.numberFormats,
      backgrounds: this.backgrounds,
      fontWeights: this.fontWeights,
      fontColors: this.fontColors,
      fontSizes: this.fontSizes,
      alignments: this.alignments,
      wraps: this.wraps,
      merges: this.merges,
      rowHeights: this.rowHeights,
      ...extra,
    };
  }
}
