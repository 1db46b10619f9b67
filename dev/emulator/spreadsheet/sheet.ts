/** Sheet: one tab, its size, rows and columns, and what is anchored to it. */
import { parseA1, type Rect } from "../a1.ts";
import { enumName, SheetType } from "../enums.ts";
import { type Ctx, INTERNAL, instrument, type SheetState } from "../state.ts";
import { normalizeColor } from "../values.ts";
import { checkSheetName, lastColumn, lastRow, makeRange, rangeFromRef } from "./book.ts";
import { clearCells } from "./cells.ts";
import { EmuEmbeddedChart, EmuEmbeddedChartBuilder, newChartDraft, unwrapChart } from "./charts.ts";
import { EmuConditionalFormatRule, unwrapRule } from "./conditional-format.ts";
import { EmuDataSourceSheet } from "./data-source.ts";
import { checkGridSize } from "./limits.ts";
import { addMetadata, EmuDeveloperMetadataFinder, metadataWhere } from "./metadata.ts";
import { EmuProtection } from "./protection.ts";
import {
  autoResizeColumns,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  type Dim,
  setSizes,
  shift,
} from "./rows-columns.ts";

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;

/** The state behind a Sheet of this emulator, or an error naming `where`. */
export function unwrapSheet(ctx: Ctx, sheet: unknown, where: string): SheetState {
  if (!(sheet instanceof EmuSheet) || sheet[INTERNAL].ctx !== ctx) {
    throw new Error(`emulator: ${where} expects a Sheet of this spreadsheet`);
  }
  const s = sheet[INTERNAL].sheet;
  if (s.deleted) throw new Error("emulator: this sheet has been deleted");
  return s;
}

export type SheetMethods =
  | "activate"
  | "addDeveloperMetadata"
  | "appendRow"
  | "asDataSourceSheet"
  | "autoResizeColumn"
  | "autoResizeColumns"
  | "clear"
  | "clearConditionalFormatRules"
  | "clearContents"
  | "clearFormats"
  | "clearNotes"
  | "createDeveloperMetadataFinder"
  | "deleteColumn"
  | "deleteColumns"
  | "deleteRow"
  | "deleteRows"
  | "getCharts"
  | "getColumnWidth"
  | "getConditionalFormatRules"
  | "getDataRange"
  | "getDeveloperMetadata"
  | "getFrozenColumns"
  | "getFrozenRows"
  | "getIndex"
  | "getLastColumn"
  | "getLastRow"
  | "getMaxColumns"
  | "getMaxRows"
  | "getName"
  | "getParent"
  | "getProtections"
  | "getRange"
  | "getRowHeight"
  | "getSheetId"
  | "getSheetName"
  | "getSheetValues"
  | "getTabColor"
  | "getType"
  | "hasHiddenGridlines"
  | "hideSheet"
  | "insertChart"
  | "insertColumnAfter"
  | "insertColumnBefore"
  | "insertColumnsAfter"
  | "insertColumnsBefore"
  | "insertRowAfter"
  | "insertRowBefore"
  | "insertRowsAfter"
  | "insertRowsBefore"
  | "isSheetHidden"
  | "newChart"
  | "protect"
  | "removeChart"
  | "setColumnWidth"
  | "setColumnWidths"
  | "setConditionalFormatRules"
  | "setFrozenColumns"
  | "setFrozenRows"
  | "setHiddenGridlines"
  | "setName"
  | "setRowHeight"
  | "setRowHeights"
  | "setRowHeightsForced"
  | "setTabColor"
  | "showSheet"
  | "updateChart";

export class EmuSheet implements Pick<GSheet, SheetMethods> {
  readonly [INTERNAL]: { ctx: Ctx; sheet: SheetState };
  constructor(ctx: Ctx, sheet: SheetState) {
    this[INTERNAL] = { ctx, sheet };
  }

  getName(): string {
    return this.s().name;
  }
  getSheetName(): string {
    return this.s().name;
  }
  setName(name: string): GSheet {
    const s = this.s();
    s.name = checkSheetName(this[INTERNAL].ctx, name, s);
    return this.self();
  }
  getSheetId(): number {
    return this.s().id;
  }
  asDataSourceSheet(): GoogleAppsScript.Spreadsheet.DataSourceSheet | null {
    const ctx = this[INTERNAL].ctx;
    const state = this.s().dataSource;
    return state ? (new EmuDataSourceSheet(ctx, state, this.self()) as never) : null;
  }
  getIndex(): number {
    return this[INTERNAL].ctx.book.sheets.indexOf(this.s()) + 1;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this[INTERNAL].ctx.facades.spreadsheet();
  }
  getType(): GoogleAppsScript.Spreadsheet.SheetType {
    this.s();
    return SheetType.GRID;
  }
  activate(): GSheet {
    const s = this.s();
    const book = this[INTERNAL].ctx.book;
    book.activeSheetId = s.id;
    book.activeRange = undefined;
    return this.self();
  }
  hideSheet(): GSheet {
    const s = this.s();
    const ctx = this[INTERNAL].ctx;
    if (ctx.book.sheets.filter((x) => !x.hidden && x !== s).length === 0) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    s.hidden = true;
    if (ctx.book.activeSheetId === s.id) {
      ctx.book.activeSheetId = ctx.book.sheets.find((x) => !x.hidden)!.id;
      ctx.book.activeRange = undefined;
    }
    return this.self();
  }
  showSheet(): GSheet {
    this.s().hidden = false;
    return this.self();
  }
  isSheetHidden(): boolean {
    return this.s().hidden;
  }
  getTabColor(): string | null {
    return this.s().tabColor;
  }
  setTabColor(color: string | null): GSheet {
    this.s().tabColor = color === null ? null : normalizeColor(color, "Sheet.setTabColor");
    return this.self();
  }
  hasHiddenGridlines(): boolean {
    return this.s().hiddenGridlines;
  }
  setHiddenGridlines(hideGridlines: boolean): GSheet {
    this.s().hiddenGridlines = !!hideGridlines;
    return this.self();
  }

  // ── size and content extent ────────────────────────────────────────────────────────────────

  getMaxRows(): number {
    return this.s().maxRows;
  }
  getMaxColumns(): number {
    return this.s().maxColumns;
  }
  getLastRow(): number {
    return lastRow(this.s());
  }
  getLastColumn(): number {
    return lastColumn(this.s());
  }
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GRange {
    const ctx = this[INTERNAL].ctx;
    const s = this.s();
    if (typeof a === "string") {
      const ref = parseA1(a);
      if (!ref) throw new Error("Range not found");
      if (ref.sheet !== undefined && ref.sheet !== s.name) {
        throw new Error(
          `emulator: Sheet.getRange("${a}") on sheet "${s.name}": use Spreadsheet.getRange for another sheet`,
        );
      }
      return rangeFromRef(ctx, s, ref);
    }
    if (column === undefined) throw new Error("emulator: Sheet.getRange(row) needs a column");
    return makeRange(ctx, s, a, column, numRows ?? 1, numColumns ?? 1);
  }
  getDataRange(): GRange {
    const s = this.s();
    return makeRange(
      this[INTERNAL].ctx,
      s,
      1,
      1,
      Math.max(1, lastRow(s)),
      Math.max(1, lastColumn(s)),
    );
  }
  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): unknown[][] {
    const s = this.s();
    const rows = numRows === -1 ? lastRow(s) - startRow + 1 : numRows;
    const cols = numColumns === -1 ? lastColumn(s) - startColumn + 1 : numColumns;
    return makeRange(this[INTERNAL].ctx, s, startRow, startColumn, rows, cols).getValues();
  }
  appendRow(rowContents: unknown[]): GSheet {
    const s = this.s();
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      throw new Error("emulator: Sheet.appendRow expects a non-empty array");
    }
    const row = lastRow(s) + 1;
    // appendRow grows the sheet when it is full, unlike setValues; both ways at once or not at all.
    const ctx = this[INTERNAL].ctx;
    checkGridSize(
      ctx.book,
      s,
      Math.max(row, s.maxRows),
      Math.max(rowContents.length, s.maxColumns),
    );
    if (row > s.maxRows) shift(this[INTERNAL].ctx, s, "row", s.maxRows + 1, row - s.maxRows);
    if (rowContents.length > s.maxColumns) {
      shift(this[INTERNAL].ctx, s, "column", s.maxColumns + 1, rowContents.length - s.maxColumns);
    }
    makeRange(this[INTERNAL].ctx, s, row, 1, 1, rowContents.length).setValues([rowContents]);
    return this.self();
  }

  // ── clearing ───────────────────────────────────────────────────────────────────────────────

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GSheet {
    const o = options ?? {};
    const only = o.formatOnly || o.contentsOnly;
    return this.clearWhole({
      contents: !only || !!o.contentsOnly,
      formats: !only || !!o.formatOnly,
    });
  }
  clearContents(): GSheet {
    return this.clearWhole({ contents: true });
  }
  clearFormats(): GSheet {
    return this.clearWhole({ formats: true });
  }
  clearNotes(): GSheet {
    return this.clearWhole({ notes: true });
  }

  // ── rows, columns, freezing ────────────────────────────────────────────────────────────────

  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    return this.insert("row", afterPosition + 1, howMany, afterPosition, "Sheet.insertRowsAfter");
  }
  insertRowAfter(afterPosition: number): GSheet {
    return this.insert("row", afterPosition + 1, 1, afterPosition, "Sheet.insertRowAfter");
  }
  insertRowsBefore(beforePosition: number, howMany: number): GSheet {
    return this.insert("row", beforePosition, howMany, beforePosition, "Sheet.insertRowsBefore");
  }
  insertRowBefore(beforePosition: number): GSheet {
    return this.insert("row", beforePosition, 1, beforePosition, "Sheet.insertRowBefore");
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    return this.insert(
      "column",
      afterPosition + 1,
      howMany,
      afterPosition,
      "Sheet.insertColumnsAfter",
    );
  }
  insertColumnAfter(afterPosition: number): GSheet {
    return this.insert("column", afterPosition + 1, 1, afterPosition, "Sheet.insertColumnAfter");
  }
  insertColumnsBefore(beforePosition: number, howMany: number): GSheet {
    return this.insert(
      "column",
      beforePosition,
      howMany,
      beforePosition,
      "Sheet.insertColumnsBefore",
    );
  }
  insertColumnBefore(beforePosition: number): GSheet {
    return this.insert("column", beforePosition, 1, beforePosition, "Sheet.insertColumnBefore");
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.remove("row", rowPosition, howMany, "Sheet.deleteRows");
  }
  deleteRow(rowPosition: number): GSheet {
    return this.remove("row", rowPosition, 1, "Sheet.deleteRow");
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.remove("column", columnPosition, howMany, "Sheet.deleteColumns");
  }
  deleteColumn(columnPosition: number): GSheet {
    return this.remove("column", columnPosition, 1, "Sheet.deleteColumn");
  }
  getFrozenRows(): number {
    return this.s().frozenRows;
  }
  setFrozenRows(rows: number): void {
    this.freeze("row", rows, "Sheet.setFrozenRows");
  }
  getFrozenColumns(): number {
    return this.s().frozenColumns;
  }
  setFrozenColumns(columns: number): void {
    this.freeze("column", columns, "Sheet.setFrozenColumns");
  }
  getColumnWidth(columnPosition: number): number {
    return this.s().columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  setColumnWidth(columnPosition: number, width: number): GSheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    setSizes(this.s(), "column", startColumn, numColumns, width);
    return this.self();
  }
  autoResizeColumn(columnPosition: number): GSheet {
    return this.autoResizeColumns(columnPosition, 1);
  }
  autoResizeColumns(startColumn: number, numColumns: number): GSheet {
    autoResizeColumns(this[INTERNAL].ctx, this.s(), startColumn, numColumns);
    return this.self();
  }
  getRowHeight(rowPosition: number): number {
    return this.s().rowHeights.get(rowPosition) ?? DEFAULT_ROW_HEIGHT;
  }
  setRowHeight(rowPosition: number, height: number): GSheet {
    return this.setRowHeights(rowPosition, 1, height);
  }
  setRowHeights(startRow: number, numRows: number, height: number): GSheet {
    setSizes(this.s(), "row", startRow, numRows, height);
    return this.self();
  }
  setRowHeightsForced(startRow: number, numRows: number, height: number): GSheet {
    return this.setRowHeights(startRow, numRows, height);
  }

  // ── protection, rules, metadata ────────────────────────────────────────────────────────────

  protect(): GProtection {
    const s = this.s();
    const ctx = this[INTERNAL].ctx;
    // A sheet has at most one sheet-level protection; protecting again returns it.
    let p = s.protections.find((x) => x.type === "SHEET");
    if (!p) {
      p = {
        id: ctx.protectionIds.next(),
        type: "SHEET",
        description: "",
        warningOnly: false,
        editors: [ctx.opts.userEmail],
        unprotected: [],
      };
      s.protections.push(p);
    }
    return new EmuProtection(ctx, s, p.id) as unknown as GProtection;
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GProtection[] {
    const s = this.s();
    const t = enumName(type);
    return s.protections
      .filter((p) => p.type === t)
      .map((p) => new EmuProtection(this[INTERNAL].ctx, s, p.id) as unknown as GProtection);
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    const s = this.s();
    const ctx = this[INTERNAL].ctx;
    return s.conditionalRules.map(
      (r) =>
        new EmuConditionalFormatRule(ctx, {
          ranges: r.ranges.map((rect) => ({ sheetId: s.id, rect })),
          criteria: r.criteria,
          values: r.values,
          format: r.format,
        }) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
    );
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    const s = this.s();
    if (!Array.isArray(rules))
      throw new Error("emulator: Sheet.setConditionalFormatRules expects an array");
    s.conditionalRules = rules.map((rule) => {
      const d = unwrapRule(rule, "Sheet.setConditionalFormatRules");
      if (d.ranges.some((r) => r.sheetId !== s.id)) {
        throw new Error(
          "emulator: a conditional format rule's ranges must be on the sheet it is set on",
        );
      }
      return {
        ranges: d.ranges.map((r) => r.rect),
        criteria: d.criteria!,
        values: d.values,
        format: d.format,
      };
    });
  }
  clearConditionalFormatRules(): void {
    this.s().conditionalRules = [];
  }
  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): GSheet {
    addMetadata(
      this[INTERNAL].ctx,
      { type: "SHEET", sheetId: this.s().id },
      key,
      valueOrVisibility,
      visibility,
      "Sheet.addDeveloperMetadata",
    );
    return this.self();
  }
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    const id = this.s().id;
    return metadataWhere(
      this[INTERNAL].ctx,
      (m) => m.location.type === "SHEET" && m.location.sheetId === id,
    );
  }
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return new EmuDeveloperMetadataFinder(this[INTERNAL].ctx, {
      kind: "sheet",
      sheetId: this.s().id,
    }) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  }

  // ── charts ─────────────────────────────────────────────────────────────────────────────────

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return new EmuEmbeddedChartBuilder(
      this[INTERNAL].ctx,
      newChartDraft(this.s().id),
    ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const s = this.s();
    const ctx = this[INTERNAL].ctx;
    const d = unwrapChart(chart, "Sheet.insertChart");
    if (d.id !== 0 && ctx.book.sheets.some((x) => x.charts.some((c) => c.id === d.id))) {
      throw new Error(
        `emulator: Sheet.insertChart: chart ${d.id} is already in the spreadsheet; use updateChart`,
      );
    }
    const { sheetId: _from, type, ...rest } = d;
    s.charts.push({ ...rest, type: type!, id: ctx.chartIds.next() });
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    const s = this.s();
    const ctx = this[INTERNAL].ctx;
    return s.charts.map(
      (c) =>
        new EmuEmbeddedChart(ctx, {
          ...c,
          sheetId: s.id,
        }) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart,
    );
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const s = this.s();
    const d = unwrapChart(chart, "Sheet.updateChart");
    const at = s.charts.findIndex((c) => c.id === d.id);
    if (d.id === 0 || at === -1) {
      throw new Error(
        `emulator: Sheet.updateChart: that chart is not on sheet "${s.name}" (insertChart it first)`,
      );
    }
    const { sheetId: _from, type, ...rest } = d;
    s.charts[at] = { ...rest, type: type! };
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const s = this.s();
    const d = unwrapChart(chart, "Sheet.removeChart");
    const at = s.charts.findIndex((c) => c.id === d.id);
    if (d.id === 0 || at === -1)
      throw new Error(`emulator: Sheet.removeChart: that chart is not on sheet "${s.name}"`);
    s.charts.splice(at, 1);
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────

  private s(): SheetState {
    const s = this[INTERNAL].sheet;
    if (s.deleted) throw new Error("emulator: this sheet has been deleted");
    return s;
  }
  private self(): GSheet {
    return this as unknown as GSheet;
  }
  private freeze(dim: Dim, n: number, method: string): void {
    const s = this.s();
    if (!Number.isInteger(n) || n < 0) throw new Error(`emulator: ${method} expects a count ≥ 0`);
    if (n >= (dim === "row" ? s.maxRows : s.maxColumns))
      throw new Error(`You can't freeze all visible ${dim}s on the sheet.`);
    const splits = (m: Rect) => (dim === "row" ? m.r1 <= n && m.r2 > n : m.c1 <= n && m.c2 > n);
    if (n > 0 && s.merges.some(splits)) {
      throw new Error(
        `Sorry, it is not possible to freeze ${dim}s that contain only part of a merged cell.`,
      );
    }
    if (dim === "row") s.frozenRows = n;
    else s.frozenColumns = n;
  }
  private clearWhole(what: Parameters<typeof clearCells>[2]): GSheet {
    const s = this.s();
    clearCells(s, whole(s), what);
    return this.self();
  }
  private insert(dim: Dim, at: number, howMany: number, anchor: number, method: string): GSheet {
    const s = this.s();
    const max = dim === "row" ? s.maxRows : s.maxColumns;
    if (!Number.isInteger(howMany) || howMany < 1)
      throw new Error(`emulator: ${method}: howMany must be ≥ 1`);
    if (!Number.isInteger(anchor) || anchor < 1 || anchor > max) {
      throw new Error(`emulator: ${method}: position ${anchor} is outside 1…${max}`);
    }
    shift(this[INTERNAL].ctx, s, dim, at, howMany);
    return this.self();
  }
  private remove(dim: Dim, at: number, howMany: number, method: string): GSheet {
    const s = this.s();
    const max = dim === "row" ? s.maxRows : s.maxColumns;
    if (
      !Number.isInteger(at) ||
      !Number.isInteger(howMany) ||
      at < 1 ||
      howMany < 1 ||
      at + howMany - 1 > max
    ) {
      throw new Error(`emulator: ${method}: ${at}…${at + howMany - 1} is outside 1…${max}`);
    }
    if (howMany === max) throw new Error(`You can't delete all the ${dim}s on the sheet.`);
    shift(this[INTERNAL].ctx, s, dim, at, -howMany);
    return this.self();
  }
}
instrument(EmuSheet, "Sheet");

function whole(s: SheetState): Rect {
  return { r1: 1, c1: 1, r2: s.maxRows, c2: s.maxColumns };
}
