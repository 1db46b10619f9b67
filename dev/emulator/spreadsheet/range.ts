/** Range: the facade over a rectangle of cells; what it does to cells lives in cells.ts. */
import { type Bounds, contains, formatA1, intersects, type Rect } from "../a1.ts";
import { DEFAULT_NUMBER_FORMAT, displayValue } from "../number-format.ts";
import {
  type Cell,
  type Ctx,
  getCell,
  hasContent,
  INTERNAL,
  instrument,
  type RangeInternal,
  type SheetState,
} from "../state.ts";
import { type CellValue, normalizeColor } from "../values.ts";
import { makeRange } from "./book.ts";
import {
  bool,
  checkGrid,
  clearCells,
  commitWrites,
  fontSize,
  forEachCell,
  horizontal,
  mapCells,
  mergeRects,
  oneOf,
  parseWrite,
  readCell,
  setAll,
  setGrid,
  shiftFormula,
  signatureError,
  text,
} from "./cells.ts";
import {
  addMetadata,
  EmuDeveloperMetadataFinder,
  metadataWhere,
  rangeLocation,
} from "./metadata.ts";
import { EmuProtection } from "./protection.ts";
import { EmuDataValidation, unwrapDataValidation } from "./validation.ts";

type GRange = GoogleAppsScript.Spreadsheet.Range;

export type RangeMethods =
  | "activate"
  | "addDeveloperMetadata"
  | "breakApart"
  | "clear"
  | "clearContent"
  | "clearDataValidations"
  | "clearFormat"
  | "clearNote"
  | "createDeveloperMetadataFinder"
  | "getA1Notation"
  | "getBackground"
  | "getBackgrounds"
  | "getCell"
  | "getColumn"
  | "getDataValidation"
  | "getDataValidations"
  | "getDeveloperMetadata"
  | "getDisplayValue"
  | "getDisplayValues"
  | "getFontColor"
  | "getFontColors"
  | "getFontFamily"
  | "getFontSize"
  | "getFontSizes"
  | "getFontStyle"
  | "getFontWeight"
  | "getFontWeights"
  | "getFormula"
  | "getFormulas"
  | "getGridId"
  | "getHeight"
  | "getHorizontalAlignment"
  | "getHorizontalAlignments"
  | "getLastColumn"
  | "getLastRow"
  | "getMergedRanges"
  | "getNote"
  | "getNotes"
  | "getNumColumns"
  | "getNumRows"
  | "getNumberFormat"
  | "getNumberFormats"
  | "getRow"
  | "getRowIndex"
  | "getSheet"
  | "getValue"
  | "getValues"
  | "getVerticalAlignment"
  | "getWidth"
  | "getWrap"
  | "getWraps"
  | "isBlank"
  | "isPartOfMerge"
  | "merge"
  | "mergeAcross"
  | "mergeVertically"
  | "offset"
  | "protect"
  | "setBackground"
  | "setBackgrounds"
  | "setDataValidation"
  | "setDataValidations"
  | "setFontColor"
  | "setFontColors"
  | "setFontFamily"
  | "setFontSize"
  | "setFontSizes"
  | "setFontStyle"
  | "setFontWeight"
  | "setFontWeights"
  | "setFormula"
  | "setFormulas"
  | "setHorizontalAlignment"
  | "setHorizontalAlignments"
  | "setNote"
  | "setNotes"
  | "setNumberFormat"
  | "setNumberFormats"
  | "setValue"
  | "setValues"
  | "setVerticalAlignment"
  | "setWrap"
  | "setWraps";

export class EmuRange implements Pick<GRange, RangeMethods> {
  readonly [INTERNAL]: RangeInternal;

  constructor(
    ctx: Ctx,
    sheet: SheetState,
    rect: Rect,
    bounds: Bounds = { rowsBounded: true, colsBounded: true },
  ) {
    this[INTERNAL] = { ctx, sheet, rect, bounds };
  }

  // ── geometry ────────────────────────────────────────────────────────────────────────────────

  getA1Notation(): string {
    const { rect, bounds } = this.live();
    return formatA1(rect, bounds);
  }
  getRow(): number {
    return this.live().rect.r1;
  }
  getRowIndex(): number {
    return this.live().rect.r1;
  }
  getColumn(): number {
    return this.live().rect.c1;
  }
  getLastRow(): number {
    return this.live().rect.r2;
  }
  getLastColumn(): number {
    return this.live().rect.c2;
  }
  getNumRows(): number {
    const { rect } = this.live();
    return rect.r2 - rect.r1 + 1;
  }
  getNumColumns(): number {
    const { rect } = this.live();
    return rect.c2 - rect.c1 + 1;
  }
  getHeight(): number {
    return this.getNumRows();
  }
  getWidth(): number {
    return this.getNumColumns();
  }
  getGridId(): number {
    return this.live().sheet.id;
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    const { ctx, sheet } = this.live();
    return ctx.facades.sheet(sheet);
  }
  getCell(row: number, column: number): GRange {
    const { ctx, sheet, rect } = this.live();
    if (row < 1 || column < 1 || row > rect.r2 - rect.r1 + 1 || column > rect.c2 - rect.c1 + 1) {
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    }
    const r = rect.r1 + row - 1;
    const c = rect.c1 + column - 1;
    return new EmuRange(ctx, sheet, { r1: r, c1: c, r2: r, c2: c }) as unknown as GRange;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    const { ctx, sheet, rect } = this.live();
    const r1 = rect.r1 + rowOffset;
    const c1 = rect.c1 + columnOffset;
    const nr = numRows ?? rect.r2 - rect.r1 + 1;
    const nc = numColumns ?? rect.c2 - rect.c1 + 1;
    return makeRange(ctx, sheet, r1, c1, nr, nc);
  }
  activate(): GRange {
    const { ctx, sheet, rect } = this.live();
    ctx.book.activeSheetId = sheet.id;
    ctx.book.activeRange = { ...rect };
    return this as unknown as GRange;
  }
  isBlank(): boolean {
    const { sheet } = this.live();
    let blank = true;
    forEachCell(this, (r, c) => {
      if (hasContent(getCell(sheet, r, c))) blank = false;
    });
    return blank;
  }

  // ── values and formulas ─────────────────────────────────────────────────────────────────────

  getValues(): unknown[][] {
    const { ctx, sheet } = this.live();
    return mapCells(this, (r, c) => readCell(ctx, sheet, r, c));
  }
  getValue(): unknown {
    const { ctx, sheet, rect } = this.live();
    return readCell(ctx, sheet, rect.r1, rect.c1);
  }
  getDisplayValues(): string[][] {
    const { ctx, sheet } = this.live();
    const env = { timeZone: ctx.book.timeZone, locale: ctx.book.locale };
    return mapCells(this, (r, c) =>
      displayValue(
        readCell(ctx, sheet, r, c) as CellValue | "",
        getCell(sheet, r, c)?.numberFormat,
        env,
      ),
    );
  }
  getDisplayValue(): string {
    const { ctx, sheet, rect } = this.live();
    const env = { timeZone: ctx.book.timeZone, locale: ctx.book.locale };
    return displayValue(
      readCell(ctx, sheet, rect.r1, rect.c1) as CellValue | "",
      getCell(sheet, rect.r1, rect.c1)?.numberFormat,
      env,
    );
  }
  getFormulas(): string[][] {
    const { sheet } = this.live();
    return mapCells(this, (r, c) => getCell(sheet, r, c)?.formula ?? "");
  }
  getFormula(): string {
    const { sheet, rect } = this.live();
    return getCell(sheet, rect.r1, rect.c1)?.formula ?? "";
  }

  setValues(values: unknown[][]): GRange {
    const { sheet, rect } = this.live();
    checkGrid(this, values, "Range.setValues");
    const writes = mapCells(this, (r, c) =>
      parseWrite(values[r - rect.r1]![c - rect.c1], sheet, r, c, "Range.setValues"),
    );
    commitWrites(sheet, rect, writes);
    return this as unknown as GRange;
  }
  setValue(value: unknown): GRange {
    const { sheet, rect } = this.live();
    const writes = mapCells(this, (r, c) => parseWrite(value, sheet, r, c, "Range.setValue"));
    commitWrites(sheet, rect, writes);
    return this as unknown as GRange;
  }
  setFormula(formula: string): GRange {
    const { sheet, rect } = this.live();
    if (typeof formula !== "string") throw signatureError("Range.setFormula", [formula]);
    // Sheets shifts relative references for each cell of a multi-cell range, as a fill would.
    const writes = mapCells(this, (r, c) =>
      parseWrite(shiftFormula(formula, r - rect.r1, c - rect.c1), sheet, r, c, "Range.setFormula"),
    );
    commitWrites(sheet, rect, writes);
    return this as unknown as GRange;
  }
  setFormulas(formulas: string[][]): GRange {
    const { sheet, rect } = this.live();
    checkGrid(this, formulas, "Range.setFormulas");
    const writes = mapCells(this, (r, c) => {
      const f = formulas[r - rect.r1]![c - rect.c1];
      if (typeof f !== "string") throw signatureError("Range.setFormulas", [formulas]);
      return parseWrite(f, sheet, r, c, "Range.setFormulas");
    });
    commitWrites(sheet, rect, writes);
    return this as unknown as GRange;
  }

  // ── formats ─────────────────────────────────────────────────────────────────────────────────

  getNumberFormat(): string {
    return this.topLeft()?.numberFormat ?? DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats(): string[][] {
    const { sheet } = this.live();
    return mapCells(this, (r, c) => getCell(sheet, r, c)?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }
  setNumberFormat(numberFormat: string): GRange {
    return setAll(this, "numberFormat", text(numberFormat, "Range.setNumberFormat"));
  }
  setNumberFormats(numberFormats: string[][]): GRange {
    return setGrid(this, "numberFormat", numberFormats, "Range.setNumberFormats", (v) =>
      text(v, "Range.setNumberFormats"),
    );
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.topLeft()?.fontWeight ?? "normal";
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    const { sheet } = this.live();
    return mapCells(this, (r, c) => getCell(sheet, r, c)?.fontWeight ?? "normal");
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GRange {
    return setAll(
      this,
      "fontWeight",
      oneOf(fontWeight, ["normal", "bold"], "normal", "Range.setFontWeight"),
    );
  }
  setFontWeights(fontWeights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]): GRange {
    return setGrid(this, "fontWeight", fontWeights, "Range.setFontWeights", (v) =>
      oneOf(v, ["normal", "bold"], "normal", "Range.setFontWeights"),
    );
  }
  getFontStyle(): GoogleAppsScript.Spreadsheet.FontStyle {
    return this.topLeft()?.fontStyle ?? "normal";
  }
  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): GRange {
    return setAll(
      this,
      "fontStyle",
      oneOf(fontStyle, ["normal", "italic"], "normal", "Range.setFontStyle"),
    );
  }
  getFontColor(): string {
    return this.topLeft()?.fontColor ?? "#000000";
  }
  getFontColors(): string[][] {
    const { sheet } = this.live();
    return mapCells(this, (r, c) => getCell(sheet, r, c)?.fontColor ?? "#000000");
  }
  setFontColor(color: string | null): GRange {
    return setAll(
      this,
      "fontColor",
      color === null ? undefined : normalizeColor(color, "Range.setFontColor"),
    );
  }
  setFontColors(colors: unknown[][]): GRange {
    return setGrid(this, "fontColor", colors, "Range.setFontColors", (v) =>
      v === null
        ? undefined
        : normalizeColor(text(v, "Range.setFontColors"), "Range.setFontColors"),
    );
  }
  getFontSize(): number {
    return this.topLeft()?.fontSize ?? 10;
  }
  getFontSizes(): number[][] {
    const { sheet } = this.live();
    return mapCells(this, (r, c) => getCell(sheet, r, c)?.fontSize ?? 10);
  }
  setFontSize(size: number): GRange {
    return setAll(this, "fontSize", fontSize(size, "Range.setFontSize"));
  }
  setFontSizes(sizes: number[][]): GRange {
    return setGrid(this, "fontSize", sizes, "Range.setFontSizes", (v) =>
      fontSize(v, "Range.setFontSizes"),
    );
  }
  getFontFamily(): string {
    return this.topLeft()?.fontFamily ?? "Arial";
  }
  setFontFamily(fontFamily: string | null): GRange {
    return setAll(
      this,
      "fontFamily",
      fontFamily === null ? undefined : text(fontFamily, "Range.setFontFamily"),
    );
  }
  getBackground(): string {
    return this.topLeft()?.background ?? "#ffffff";
  }
  getBackgrounds(): string[][] {
    const { sheet } = this.live();
    return mapCells(this, (r, c) => getCell(sheet, r, c)?.background ?? "#ffffff");
  }
  setBackground(color: string | null): GRange {
    return setAll(
      this,
      "background",
      color === null ? undefined : normalizeColor(color, "Range.setBackground"),
    );
  }
  setBackgrounds(color: (string | null)[][]): GRange {
    return setGrid(this, "background", color, "Range.setBackgrounds", (v) =>
      v === null
        ? undefined
        : normalizeColor(text(v, "Range.setBackgrounds"), "Range.setBackgrounds"),
    );
  }
  getHorizontalAlignment(): string {
    return this.topLeft()?.horizontalAlignment ?? "general";
  }
  getHorizontalAlignments(): string[][] {
    const { sheet } = this.live();
    return mapCells(this, (r, c) => getCell(sheet, r, c)?.horizontalAlignment ?? "general");
  }
  setHorizontalAlignment(alignment: "left" | "center" | "normal" | "right" | null): GRange {
    return setAll(
      this,
      "horizontalAlignment",
      horizontal(alignment, "Range.setHorizontalAlignment"),
    );
  }
  setHorizontalAlignments(alignments: ("left" | "center" | "normal" | "right" | null)[][]): GRange {
    return setGrid(this, "horizontalAlignment", alignments, "Range.setHorizontalAlignments", (v) =>
      horizontal(v, "Range.setHorizontalAlignments"),
    );
  }
  getVerticalAlignment(): string {
    return this.topLeft()?.verticalAlignment ?? "bottom";
  }
  setVerticalAlignment(alignment: "top" | "middle" | "bottom" | null): GRange {
    return setAll(
      this,
      "verticalAlignment",
      oneOf(alignment, ["top", "middle", "bottom"], "bottom", "Range.setVerticalAlignment"),
    );
  }
  getWrap(): boolean {
    return this.topLeft()?.wrap ?? false;
  }
  getWraps(): boolean[][] {
    const { sheet } = this.live();
    return mapCells(this, (r, c) => getCell(sheet, r, c)?.wrap ?? false);
  }
  setWrap(isWrapEnabled: boolean): GRange {
    return setAll(this, "wrap", bool(isWrapEnabled, "Range.setWrap"));
  }
  setWraps(isWrapEnabled: boolean[][]): GRange {
    return setGrid(this, "wrap", isWrapEnabled, "Range.setWraps", (v) => bool(v, "Range.setWraps"));
  }
  getNote(): string {
    return this.topLeft()?.note ?? "";
  }
  getNotes(): string[][] {
    const { sheet } = this.live();
    return mapCells(this, (r, c) => getCell(sheet, r, c)?.note ?? "");
  }
  setNote(note: string | null): GRange {
    return setAll(
      this,
      "note",
      note === null || note === "" ? undefined : text(note, "Range.setNote"),
    );
  }
  setNotes(notes: (string | null)[][]): GRange {
    return setGrid(this, "note", notes, "Range.setNotes", (v) =>
      v === null || v === "" ? undefined : text(v, "Range.setNotes"),
    );
  }
  clearNote(): GRange {
    return setAll(this, "note", undefined);
  }

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GRange {
    const { sheet } = this.live();
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    clearCells(sheet, this.live().rect, {
      contents: !any || !!o.contentsOnly,
      formats: !any || !!o.formatOnly,
      validations: !!o.validationsOnly,
      notes: !!o.commentsOnly,
    });
    return this as unknown as GRange;
  }
  clearContent(): GRange {
    clearCells(this.live().sheet, this.live().rect, { contents: true });
    return this as unknown as GRange;
  }
  clearFormat(): GRange {
    clearCells(this.live().sheet, this.live().rect, { formats: true });
    return this as unknown as GRange;
  }
  clearDataValidations(): GRange {
    clearCells(this.live().sheet, this.live().rect, { validations: true });
    return this as unknown as GRange;
  }

  // ── merges ──────────────────────────────────────────────────────────────────────────────────

  merge(): GRange {
    const { sheet, rect } = this.live();
    mergeRects(sheet, [rect]);
    return this as unknown as GRange;
  }
  mergeAcross(): GRange {
    const { sheet, rect } = this.live();
    const rows: Rect[] = [];
    for (let r = rect.r1; r <= rect.r2; r++) rows.push({ r1: r, c1: rect.c1, r2: r, c2: rect.c2 });
    mergeRects(sheet, rows);
    return this as unknown as GRange;
  }
  mergeVertically(): GRange {
    const { sheet, rect } = this.live();
    const cols: Rect[] = [];
    for (let c = rect.c1; c <= rect.c2; c++) cols.push({ r1: rect.r1, c1: c, r2: rect.r2, c2: c });
    mergeRects(sheet, cols);
    return this as unknown as GRange;
  }
  breakApart(): GRange {
    const { sheet, rect } = this.live();
    for (const m of sheet.merges) {
      if (intersects(m, rect) && !contains(rect, m)) {
        throw new Error("You must select all cells in a merged range to merge or unmerge them.");
      }
    }
    sheet.merges = sheet.merges.filter((m) => !contains(rect, m));
    return this as unknown as GRange;
  }
  getMergedRanges(): GRange[] {
    const { ctx, sheet, rect } = this.live();
    return sheet.merges
      .filter((m) => intersects(m, rect))
      .map((m) => new EmuRange(ctx, sheet, { ...m }) as unknown as GRange);
  }
  isPartOfMerge(): boolean {
    const { sheet, rect } = this.live();
    return sheet.merges.some((m) => intersects(m, rect));
  }

  // ── validation, protection, metadata ────────────────────────────────────────────────────────

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GRange {
    const state = rule === null ? undefined : unwrapDataValidation(rule, "Range.setDataValidation");
    return setAll(this, "validation", state);
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): GRange {
    return setGrid(this, "validation", rules, "Range.setDataValidations", (v) =>
      v === null
        ? undefined
        : unwrapDataValidation(
            v as GoogleAppsScript.Spreadsheet.DataValidation,
            "Range.setDataValidations",
          ),
    );
  }
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    const { ctx } = this.live();
    const v = this.topLeft()?.validation;
    return v
      ? (new EmuDataValidation(ctx, v) as unknown as GoogleAppsScript.Spreadsheet.DataValidation)
      : null;
  }
  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    const { ctx, sheet } = this.live();
    return mapCells(this, (r, c) => {
      const v = getCell(sheet, r, c)?.validation;
      return v
        ? (new EmuDataValidation(ctx, v) as unknown as GoogleAppsScript.Spreadsheet.DataValidation)
        : null;
    });
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const { ctx, sheet, rect } = this.live();
    const state = {
      id: ctx.protectionIds.next(),
      type: "RANGE" as const,
      rect: { ...rect },
      description: "",
      warningOnly: false,
      editors: [ctx.opts.userEmail],
      unprotected: [],
    };
    sheet.protections.push(state);
    return new EmuProtection(
      ctx,
      sheet,
      state.id,
    ) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): GRange {
    const { ctx, sheet, rect } = this.live();
    const location = rangeLocation(sheet, rect);
    addMetadata(ctx, location, key, valueOrVisibility, visibility, "Range.addDeveloperMetadata");
    return this as unknown as GRange;
  }
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    const { ctx, sheet, rect } = this.live();
    const loc = JSON.stringify(rangeLocation(sheet, rect));
    return metadataWhere(ctx, (m) => JSON.stringify(m.location) === loc);
  }
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    const { ctx, sheet, rect } = this.live();
    return new EmuDeveloperMetadataFinder(ctx, {
      kind: "range",
      sheetId: sheet.id,
      rect: { ...rect },
    }) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  }

  // ── internals (not on the prototype's public surface: called only from methods above) ──────

  private live(): RangeInternal {
    const internal = this[INTERNAL];
    if (internal.sheet.deleted) throw new Error("emulator: this range's sheet has been deleted");
    return internal;
  }
  private topLeft(): Cell | undefined {
    const { sheet, rect } = this.live();
    return getCell(sheet, rect.r1, rect.c1);
  }
}
instrument(EmuRange, "Range");

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────

export function unwrapRange(range: unknown, where: string): RangeInternal {
  if (!(range instanceof EmuRange))
    throw new Error(`emulator: ${where} expects a Range from this emulator`);
  const internal = range[INTERNAL];
  if (internal.sheet.deleted) throw new Error("emulator: this range's sheet has been deleted");
  return internal;
}
