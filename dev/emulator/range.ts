/** Range: values, formulas, formats, merges, validation, notes, protection, metadata. */
import { type Bounds, columnLetters, contains, formatA1, intersects, type Rect } from "./a1.ts";
import { DeveloperMetadataVisibility, isEnumMember } from "./enums.ts";
import {
  EmuDataValidation,
  EmuDeveloperMetadataFinder,
  EmuProtection,
  metadataWhere,
  unwrapDataValidation,
  validationViolated,
} from "./features.ts";
import { DEFAULT_NUMBER_FORMAT, displayValue } from "./number-format.ts";
import { sheetFacade } from "./spreadsheet.ts";
import {
  type Cell,
  type Ctx,
  cellFor,
  type DataValidationState,
  FORMAT_KEYS,
  getCell,
  hasContent,
  INTERNAL,
  instrument,
  type MetadataLocation,
  type SheetState,
} from "./state.ts";
import { type CellValue, isDate, kindOf, normalizeColor } from "./values.ts";

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

/** What a script's write turns into, once Sheets has read it as user input. */
type Written =
  | { kind: "clear" }
  | { kind: "value"; value: CellValue }
  | { kind: "formula"; formula: string };

export interface RangeInternal {
  ctx: Ctx;
  sheet: SheetState;
  rect: Rect;
  bounds: Bounds;
}

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
    return sheetFacade(ctx, sheet) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
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
    return makeRange(ctx, sheet, r1, c1, nr, nc) as unknown as GRange;
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
    const location = rowOrColumnLocation(this, sheet, rect);
    addMetadata(ctx, location, key, valueOrVisibility, visibility, "Range.addDeveloperMetadata");
    return this as unknown as GRange;
  }
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    const { ctx, sheet, rect } = this.live();
    const loc = JSON.stringify(rowOrColumnLocation(this, sheet, rect));
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

/** Checks bounds the way Sheet.getRange does and builds the range. */
export function makeRange(
  ctx: Ctx,
  sheet: SheetState,
  row: number,
  column: number,
  numRows = 1,
  numColumns = 1,
  bounds?: Bounds,
): EmuRange {
  for (const [name, v] of [
    ["row", row],
    ["column", column],
    ["numRows", numRows],
    ["numColumns", numColumns],
  ] as const) {
    if (typeof v !== "number" || !Number.isInteger(v)) {
      throw new Error(`emulator: Sheet.getRange: ${name} must be an integer, got ${String(v)}`);
    }
  }
  if (row < 1) throw new Error("The starting row of the range is too small.");
  if (column < 1) throw new Error("The starting column of the range is too small.");
  if (numRows < 1) throw new Error("The number of rows in the range must be at least 1.");
  if (numColumns < 1) throw new Error("The number of columns in the range must be at least 1.");
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
  }
  return new EmuRange(
    ctx,
    sheet,
    { r1: row, c1: column, r2: row + numRows - 1, c2: column + numColumns - 1 },
    bounds,
  );
}

export function unwrapRange(range: unknown, where: string): RangeInternal {
  if (!(range instanceof EmuRange))
    throw new Error(`emulator: ${where} expects a Range from this emulator`);
  const internal = range[INTERNAL];
  if (internal.sheet.deleted) throw new Error("emulator: this range's sheet has been deleted");
  return internal;
}

function forEachCell(range: EmuRange, fn: (row: number, column: number) => void): void {
  const { rect } = range[INTERNAL];
  for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) fn(r, c);
}

function mapCells<T>(range: EmuRange, fn: (row: number, column: number) => T): T[][] {
  const { rect } = range[INTERNAL];
  const out: T[][] = [];
  for (let r = rect.r1; r <= rect.r2; r++) {
    const row: T[] = [];
    for (let c = rect.c1; c <= rect.c2; c++) row.push(fn(r, c));
    out.push(row);
  }
  return out;
}

function cellName(sheet: SheetState, row: number, column: number): string {
  return `${sheet.name}!${columnLetters(column)}${row}`;
}

function signatureError(method: string, args: unknown[]): Error {
  return new Error(
    `The parameters (${args.map(kindOf).join(",")}) don't match the method signature for SpreadsheetApp.${method}.`,
  );
}

/** Reads one cell as getValues does: a copy, "" when empty, a formula computed or refused. */
export function readCell(ctx: Ctx, sheet: SheetState, row: number, column: number): unknown {
  const cell = getCell(sheet, row, column);
  if (!cell) return "";
  if (cell.formula !== undefined) {
    const hook = ctx.opts.evaluateFormula;
    if (!hook) {
      throw new Error(
        `emulator: ${cellName(sheet, row, column)} holds a formula (${cell.formula}) whose value is not computed; pass evaluateFormula to createEmulator`,
      );
    }
    const v = hook(cell.formula, { sheet: sheet.name, row, column });
    if (v === null || v === undefined || v === "") return "";
    if (isDate(v)) return new ctx.DateCtor(v.getTime());
    if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
    throw new Error(
      `emulator: evaluateFormula returned a ${kindOf(v)} for ${cellName(sheet, row, column)}`,
    );
  }
  const v = cell.value;
  if (v === undefined) return "";
  return isDate(v) ? new ctx.DateCtor(v.getTime()) : v;
}

function checkGrid(range: EmuRange, data: unknown, method: string): void {
  const { rect } = range[INTERNAL];
  if (!Array.isArray(data)) throw signatureError(method, [data]);
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  if (data.length !== rows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rows}.`,
    );
  }
  for (const row of data) {
    if (!Array.isArray(row)) throw signatureError(method, [data]);
    if (row.length !== cols) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${cols}.`,
      );
    }
  }
}

/**
 * How Sheets takes a value written by a script: "=…" is a formula, a leading apostrophe forces
 * text (and is not kept), null clears. Anything a cell cannot hold is refused with the cell named.
 */
function parseWrite(
  value: unknown,
  sheet: SheetState,
  row: number,
  column: number,
  method: string,
): Written {
  if (value === null || value === undefined || value === "") return { kind: "clear" };
  if (typeof value === "string") {
    if (value.length > 1 && value.startsWith("=")) return { kind: "formula", formula: value };
    if (value.startsWith("'")) {
      const rest = value.slice(1);
      return rest === "" ? { kind: "clear" } : { kind: "value", value: rest };
    }
    if (value.length > 50_000) {
      throw new Error(
        `Your input contains more than the maximum of 50000 characters in a single cell.`,
      );
    }
    return { kind: "value", value };
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new Error(
        `emulator: ${method}: ${cellName(sheet, row, column)} would get ${value}, which a cell cannot hold`,
      );
    }
    return { kind: "value", value };
  }
  if (typeof value === "boolean") return { kind: "value", value };
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) {
      throw new Error(
        `emulator: ${method}: ${cellName(sheet, row, column)} would get an invalid Date`,
      );
    }
    return { kind: "value", value: new Date(value.getTime()) };
  }
  throw new Error(
    `emulator: ${method}: ${cellName(sheet, row, column)} would get a${/^[AEIOU]/.test(kindOf(value)) ? "n" : ""} ${kindOf(value)}, which a cell cannot hold (numbers, strings, booleans, Dates)`,
  );
}

function commitWrites(sheet: SheetState, rect: Rect, writes: Written[][]): void {
  // Validation first, so a rejected write leaves the range as it was.
  for (let r = rect.r1; r <= rect.r2; r++) {
    for (let c = rect.c1; c <= rect.c2; c++) {
      const dv = getCell(sheet, r, c)?.validation;
      const w = writes[r - rect.r1]![c - rect.c1]!;
      if (dv && !dv.allowInvalid && w.kind === "value" && validationViolated(dv, w.value)) {
        throw new Error(
          `The data you entered in cell ${columnLetters(c)}${r} violates the data validation rules set on this cell.`,
        );
      }
    }
  }
  for (let r = rect.r1; r <= rect.r2; r++) {
    for (let c = rect.c1; c <= rect.c2; c++) {
      const w = writes[r - rect.r1]![c - rect.c1]!;
      if (w.kind === "clear") {
        const cell = getCell(sheet, r, c);
        if (cell) {
          delete cell.value;
          delete cell.formula;
        }
        continue;
      }
      const cell = cellFor(sheet, r, c);
      if (w.kind === "value") {
        cell.value = w.value;
        delete cell.formula;
      } else {
        cell.formula = w.formula;
        delete cell.value;
      }
    }
  }
}

type CellKey = keyof Cell;

function setAll<K extends CellKey>(range: EmuRange, key: K, value: Cell[K] | undefined): GRange {
  const { sheet } = range[INTERNAL];
  if (range[INTERNAL].sheet.deleted)
    throw new Error("emulator: this range's sheet has been deleted");
  forEachCell(range, (r, c) => {
    if (value === undefined) {
      const cell = getCell(sheet, r, c);
      if (cell) delete cell[key];
    } else {
      cellFor(sheet, r, c)[key] =
        typeof value === "object" && value !== null ? structuredCloneValue(value) : value;
    }
  });
  return range as unknown as GRange;
}

function setGrid<K extends CellKey, T>(
  range: EmuRange,
  key: K,
  grid: T[][],
  method: string,
  convert: (v: T) => Cell[K] | undefined,
): GRange {
  const { sheet, rect } = range[INTERNAL];
  if (sheet.deleted) throw new Error("emulator: this range's sheet has been deleted");
  checkGrid(range, grid, method);
  const converted = grid.map((row) => row.map(convert));
  forEachCell(range, (r, c) => {
    const v = converted[r - rect.r1]![c - rect.c1];
    if (v === undefined) {
      const cell = getCell(sheet, r, c);
      if (cell) delete cell[key];
    } else {
      cellFor(sheet, r, c)[key] = v;
    }
  });
  return range as unknown as GRange;
}

function structuredCloneValue<T>(value: T): T {
  const v = value as unknown as DataValidationState;
  return { ...v, values: [...v.values] } as unknown as T;
}

function text(v: unknown, method: string): string {
  if (typeof v !== "string") throw signatureError(method, [v]);
  return v;
}

function bool(v: unknown, method: string): boolean {
  if (typeof v !== "boolean") throw signatureError(method, [v]);
  return v;
}

function fontSize(v: unknown, method: string): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) throw signatureError(method, [v]);
  return v;
}

function oneOf<T extends string>(
  v: unknown,
  allowed: readonly T[],
  fallback: T,
  method: string,
): T | undefined {
  if (v === null) return undefined;
  if (typeof v !== "string" || !allowed.includes(v as T)) {
    throw new Error(`emulator: ${method}: "${String(v)}" is not one of ${allowed.join(", ")}`);
  }
  // The default is stored as absent so a reset cell and a fresh one look alike.
  return v === fallback ? undefined : (v as T);
}

function horizontal(v: unknown, method: string): string | undefined {
  if (v === null || v === "normal" || v === "general") return undefined;
  if (v === "left" || v === "center" || v === "right") return v;
  throw new Error(`emulator: ${method}: "${String(v)}" is not one of left, center, right, normal`);
}

export function clearCells(
  sheet: SheetState,
  rect: Rect,
  what: { contents?: boolean; formats?: boolean; validations?: boolean; notes?: boolean },
): void {
  const lastRow = Math.min(rect.r2, sheet.grid.length);
  for (let r = rect.r1; r <= lastRow; r++) {
    const row = sheet.grid[r - 1];
    if (!row) continue;
    const lastCol = Math.min(rect.c2, row.length);
    for (let c = rect.c1; c <= lastCol; c++) {
      const cell = row[c - 1];
      if (!cell) continue;
      if (what.contents) {
        delete cell.value;
        delete cell.formula;
      }
      if (what.formats) for (const k of FORMAT_KEYS) delete cell[k];
      if (what.validations) delete cell.validation;
      if (what.notes) delete cell.note;
    }
  }
}

function mergeRects(sheet: SheetState, rects: Rect[]): void {
  for (const rect of rects) {
    for (const m of sheet.merges) {
      if (intersects(m, rect) && !contains(rect, m)) {
        throw new Error("You must select all cells in a merged range to merge or unmerge them.");
      }
    }
    const crossesFrozenRows =
      sheet.frozenRows > 0 && rect.r1 <= sheet.frozenRows && rect.r2 > sheet.frozenRows;
    const crossesFrozenCols =
      sheet.frozenColumns > 0 && rect.c1 <= sheet.frozenColumns && rect.c2 > sheet.frozenColumns;
    if (crossesFrozenRows || crossesFrozenCols) {
      throw new Error("You can't merge frozen and non-frozen rows.");
    }
  }
  for (const rect of rects) {
    if (rect.r1 === rect.r2 && rect.c1 === rect.c2) continue;
    sheet.merges = sheet.merges.filter((m) => !contains(rect, m));
    // Merging keeps the top-left value only, as Sheets does.
    for (let r = rect.r1; r <= rect.r2; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) {
        if (r === rect.r1 && c === rect.c1) continue;
        const cell = getCell(sheet, r, c);
        if (cell) {
          delete cell.value;
          delete cell.formula;
        }
      }
    }
    sheet.merges.push({ ...rect });
  }
}

function rowOrColumnLocation(range: EmuRange, sheet: SheetState, rect: Rect): MetadataLocation {
  if (rect.c1 === 1 && rect.c2 === sheet.maxColumns) {
    return { type: "ROW", sheetId: sheet.id, start: rect.r1, end: rect.r2 };
  }
  if (rect.r1 === 1 && rect.r2 === sheet.maxRows) {
    return { type: "COLUMN", sheetId: sheet.id, start: rect.c1, end: rect.c2 };
  }
  throw new Error(
    `Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column. (range ${range[INTERNAL].sheet.name}!${formatA1(rect)})`,
  );
}

/** addDeveloperMetadata(key), (key, value), (key, visibility), (key, value, visibility). */
export function addMetadata(
  ctx: Ctx,
  location: MetadataLocation,
  key: unknown,
  valueOrVisibility: unknown,
  visibility: unknown,
  method: string,
): void {
  if (typeof key !== "string" || key === "") throw signatureError(method, [key]);
  let value: string | null = null;
  let vis: unknown = DeveloperMetadataVisibility.DOCUMENT;
  if (isEnumMember(valueOrVisibility)) vis = valueOrVisibility;
  else if (valueOrVisibility !== undefined) {
    if (typeof valueOrVisibility !== "string")
      throw signatureError(method, [key, valueOrVisibility]);
    value = valueOrVisibility;
    if (visibility !== undefined) vis = visibility;
  }
  const visName = String(vis);
  if (visName !== "DOCUMENT" && visName !== "PROJECT")
    throw signatureError(method, [key, value, vis]);
  ctx.book.metadata.push({ id: ctx.metadataIds.next(), key, value, visibility: visName, location });
}

const REF =
  /(^|[^A-Za-z0-9_.$'"!])((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

/** A formula as filled `dr` rows down and `dc` columns right: relative references move. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if ((dr === 0 && dc === 0) || !formula.startsWith("=")) return formula;
  // Only outside string literals: "A1" in quotes is text.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            REF,
            (
              _m,
              lead: string,
              sheetRef: string | undefined,
              colAbs: string,
              col: string,
              rowAbs: string,
              row: string,
            ) => {
              const c = colAbs ? col.toUpperCase() : columnLetters(columnNumberOf(col) + dc);
              const r = rowAbs ? row : String(Number(row) + dr);
              return `${lead}${sheetRef ?? ""}${colAbs}${c}${rowAbs}${r}`;
            },
          ),
    )
    .join("");
}

function columnNumberOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
