/**
 * Rows and columns as lines: inserting and deleting them (everything anchored to them moves
 * along), and their heights and widths.
 */
import type { Rect } from "../a1.ts";
import { displayValue } from "../number-format.ts";
import { type Ctx, getCell, hasContent, type SheetState } from "../state.ts";
import type { CellValue } from "../values.ts";
import { lastRow } from "./book.ts";
import { readCell } from "./cells.ts";
import { checkGridSize } from "./limits.ts";

export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

export type Dim = "row" | "column";

/**
 * Where a span [start, end] lands after inserting `delta` lines before `at` (delta > 0) or
 * deleting lines at…at−delta−1 (delta < 0); null when it is deleted entirely.
 */
function shiftSpan(start: number, end: number, at: number, delta: number): [number, number] | null {
  if (delta > 0) {
    if (start >= at) return [start + delta, end + delta];
    if (end >= at) return [start, end + delta];
    return [start, end];
  }
  const n = -delta;
  const last = at + n - 1;
  const s = start < at ? start : start > last ? start - n : at;
  const e = end < at ? end : end > last ? end - n : at - 1;
  return s > e ? null : [s, e];
}

function shiftRect(rect: Rect, dim: Dim, at: number, delta: number): Rect | null {
  if (dim === "row") {
    const span = shiftSpan(rect.r1, rect.r2, at, delta);
    return span ? { ...rect, r1: span[0], r2: span[1] } : null;
  }
  const span = shiftSpan(rect.c1, rect.c2, at, delta);
  return span ? { ...rect, c1: span[0], c2: span[1] } : null;
}

function shiftMap(map: Map<number, number>, at: number, delta: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const [k, v] of map) {
    const span = shiftSpan(k, k, at, delta);
    if (span) out.set(span[0], v);
  }
  return out;
}

/**
 * Moves everything anchored to rows (or columns) of `sheet`, as Sheets does on insert/delete:
 * `delta` lines inserted before `at`, or −delta lines deleted from `at`. Growing past Sheets'
 * limits throws before anything changes.
 */
export function shift(ctx: Ctx, sheet: SheetState, dim: Dim, at: number, delta: number): void {
  if (delta > 0) {
    if (dim === "row") checkGridSize(ctx.book, sheet, sheet.maxRows + delta, sheet.maxColumns);
    else checkGridSize(ctx.book, sheet, sheet.maxRows, sheet.maxColumns + delta);
  }
  // Only lines at or past `at` move; a shorter (sparse) array has nothing there to move.
  const spliceArgs = (arr: unknown[]) => {
    if (delta > 0) insertHoles(arr, at - 1, delta);
    else arr.splice(at - 1, -delta);
  };
  if (dim === "row") {
    if (sheet.grid.length >= at) spliceArgs(sheet.grid);
    sheet.maxRows += delta;
    sheet.rowHeights = shiftMap(sheet.rowHeights, at, delta);
  } else {
    for (const row of sheet.grid) if (row && row.length >= at) spliceArgs(row);
    sheet.maxColumns += delta;
    sheet.columnWidths = shiftMap(sheet.columnWidths, at, delta);
  }
  const move = (r: Rect) => shiftRect(r, dim, at, delta);
  sheet.merges = sheet.merges.map(move).filter((r): r is Rect => r !== null);
  sheet.protections = sheet.protections.flatMap((p) => {
    const unprotected = p.unprotected.map(move).filter((r): r is Rect => r !== null);
    if (!p.rect) return [{ ...p, unprotected }];
    const rect = move(p.rect);
    return rect ? [{ ...p, rect, unprotected }] : [];
  });
  sheet.conditionalRules = sheet.conditionalRules.flatMap((rule) => {
    const ranges = rule.ranges.map(move).filter((r): r is Rect => r !== null);
    return ranges.length ? [{ ...rule, ranges }] : [];
  });
  for (const other of ctx.book.sheets) {
    for (const chart of other.charts) {
      chart.ranges = chart.ranges.flatMap((r) => {
        if (r.sheetId !== sheet.id) return [r];
        const rect = move(r.rect);
        return rect ? [{ sheetId: r.sheetId, rect }] : [];
      });
      if (other === sheet) {
        const key = dim === "row" ? "anchorRow" : "anchorColumn";
        const span = shiftSpan(chart[key], chart[key], at, delta);
        chart[key] = span ? span[0] : Math.max(1, at - 1);
      }
    }
  }
  ctx.book.metadata = ctx.book.metadata.flatMap((m) => {
    const loc = m.location;
    if (loc.type === "SPREADSHEET" || loc.type === "SHEET" || loc.sheetId !== sheet.id) return [m];
    if ((loc.type === "ROW") !== (dim === "row")) return [m];
    const span = shiftSpan(loc.start, loc.end, at, delta);
    return span ? [{ ...m, location: { ...loc, start: span[0], end: span[1] } }] : [];
  });
  const frozenKey = dim === "row" ? "frozenRows" : "frozenColumns";
  if (sheet[frozenKey] > 0) {
    const span = shiftSpan(1, sheet[frozenKey], at, delta);
    sheet[frozenKey] = span ? span[1] : 0;
  }
  if (ctx.book.activeRange && ctx.book.activeSheetId === sheet.id) {
    ctx.book.activeRange = move(ctx.book.activeRange) ?? undefined;
  }
}

/**
 * Opens `n` empty slots at `index` of a sparse array. Only the existing entries move, so the cost
 * follows what the sheet holds, not `n` (no `splice(…, ...new Array(n))`).
 */
function insertHoles(arr: unknown[], index: number, n: number): void {
  for (let i = arr.length - 1; i >= index; i--) {
    if (i in arr) arr[i + n] = arr[i];
    delete arr[i];
  }
}

// ── heights and widths ──────────────────────────────────────────────────────────────────────────

/** Widths fitted to the displayed text: an estimate from its length, font size and weight. */
export function autoResizeColumns(
  ctx: Ctx,
  s: SheetState,
  startColumn: number,
  numColumns: number,
): void {
  checkSpan(startColumn, numColumns, s.maxColumns, "column");
  const env = { timeZone: ctx.book.timeZone, locale: ctx.book.locale };
  const last = lastRow(s);
  for (let c = startColumn; c < startColumn + numColumns; c++) {
    let longest = 0;
    for (let r = 1; r <= last; r++) {
      const cell = getCell(s, r, c);
      if (!hasContent(cell)) continue;
      // A formula without a computed value is measured by its text rather than refused.
      const shown =
        cell!.formula !== undefined && !ctx.opts.evaluateFormula
          ? cell!.formula
          : displayValue(readCell(ctx, s, r, c) as CellValue | "", cell!.numberFormat, env);
      const factor = cell!.fontWeight === "bold" ? 8 : 7;
      longest = Math.max(
        longest,
        Math.ceil(shown.length * factor * ((cell!.fontSize ?? 10) / 10)) + 12,
      );
    }
    if (longest > 0) setSizes(s, "column", c, 1, Math.min(longest, 1000));
  }
}

export function checkSpan(start: number, n: number, max: number, what: string): void {
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(n) ||
    start < 1 ||
    n < 1 ||
    start + n - 1 > max
  ) {
    throw new Error(`emulator: ${what}s ${start}…${start + n - 1} are outside 1…${max}`);
  }
}

function checkSize(v: number, what: string): void {
  if (!Number.isInteger(v) || v < 0)
    throw new Error(`emulator: ${what} must be a whole number of pixels`);
}

/** Sets rows' heights or columns' widths; only sizes other than the default are stored. */
export function setSizes(s: SheetState, dim: Dim, start: number, n: number, size: number): void {
  const row = dim === "row";
  checkSpan(start, n, row ? s.maxRows : s.maxColumns, dim);
  checkSize(size, row ? "height" : "width");
  const sizes = row ? s.rowHeights : s.columnWidths;
  const fallback = row ? DEFAULT_ROW_HEIGHT : DEFAULT_COLUMN_WIDTH;
  for (let i = start; i < start + n; i++) {
    if (size === fallback) sizes.delete(i);
    else sizes.set(i, size);
  }
}
