/** SpreadsheetApp, Spreadsheet and Sheet. */
import { parseA1, type Rect } from "./a1.ts";
import { EmuEmbeddedChart, EmuEmbeddedChartBuilder, newChartDraft, unwrapChart } from "./charts.ts";
import {
  BooleanCriteria,
  BorderStyle,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  Dimension,
  enumName,
  ProtectionType,
  SheetType,
  WrapStrategy,
} from "./enums.ts";
import {
  EmuConditionalFormatRule,
  EmuConditionalFormatRuleBuilder,
  EmuDataValidationBuilder,
  EmuDeveloperMetadataFinder,
  EmuProtection,
  metadataWhere,
  unwrapRule,
} from "./features.ts";
import { displayValue } from "./number-format.ts";
import { addMetadata, clearCells, EmuRange, makeRange, readCell } from "./range.ts";
import { uiFacade } from "./services.ts";
import {
  type Ctx,
  cachedIn,
  getCell,
  hasContent,
  INTERNAL,
  instrument,
  newSheetState,
  type SheetState,
} from "./state.ts";
import { assertTimeZone } from "./tz.ts";
import { type CellValue, normalizeColor } from "./values.ts";

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;

// ── facades ─────────────────────────────────────────────────────────────────────────────────────

export function sheetFacade(ctx: Ctx, sheet: SheetState): EmuSheet {
  return cachedIn(ctx.sheetFacades, sheet, () => new EmuSheet(ctx, sheet)) as EmuSheet;
}

const spreadsheets = new WeakMap<Ctx, EmuSpreadsheet>();

export function spreadsheetFacade(ctx: Ctx): EmuSpreadsheet {
  return cachedIn(spreadsheets, ctx, () => new EmuSpreadsheet(ctx));
}

function unwrapSheet(ctx: Ctx, sheet: unknown, where: string): SheetState {
  if (!(sheet instanceof EmuSheet) || sheet[INTERNAL].ctx !== ctx) {
    throw new Error(`emulator: ${where} expects a Sheet of this spreadsheet`);
  }
  const s = sheet[INTERNAL].sheet;
  if (s.deleted) throw new Error("emulator: this sheet has been deleted");
  return s;
}

export function activeSheet(ctx: Ctx): SheetState {
  const { book } = ctx;
  const s = book.sheets.find((x) => x.id === book.activeSheetId) ?? book.sheets[0];
  if (!s) throw new Error("emulator: the spreadsheet has no sheet");
  return s;
}

function langIsFrench(ctx: Ctx): boolean {
  return /^fr(?:[-_]|$)/i.test(ctx.opts.userLocale);
}

/** "Sheet2", or "Feuille 2" for a French user, as a new tab is named in the UI. */
export function defaultSheetName(ctx: Ctx): string {
  const taken = new Set(ctx.book.sheets.map((s) => s.name.toLowerCase()));
  for (let n = ctx.book.sheets.length + 1; ; n++) {
    const name = langIsFrench(ctx) ? `Feuille ${n}` : `Sheet${n}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function checkSheetName(ctx: Ctx, name: unknown, self: SheetState | undefined): string {
  if (typeof name !== "string" || name.trim() === "")
    throw new Error("emulator: a sheet name must be a non-empty string");
  if (name.length > 100)
    throw new Error(`The sheet name "${name.slice(0, 20)}…" is longer than 100 characters.`);
  // Sheets compares tab names without regard to case.
  const clash = ctx.book.sheets.find(
    (s) => s !== self && s.name.toLowerCase() === name.toLowerCase(),
  );
  if (clash)
    throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  return name;
}

// ── SpreadsheetApp ──────────────────────────────────────────────────────────────────────────────

export type SpreadsheetAppMembers =
  | "BooleanCriteria"
  | "BorderStyle"
  | "DataValidationCriteria"
  | "DeveloperMetadataLocationType"
  | "DeveloperMetadataVisibility"
  | "Dimension"
  | "ProtectionType"
  | "SheetType"
  | "WrapStrategy"
  | "flush"
  | "getActive"
  | "getActiveRange"
  | "getActiveSheet"
  | "getActiveSpreadsheet"
  | "getUi"
  | "newConditionalFormatRule"
  | "newDataValidation"
  | "setActiveSheet";

export class EmuSpreadsheetApp
  implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, SpreadsheetAppMembers>
{
  readonly [INTERNAL]: { ctx: Ctx };
  readonly BooleanCriteria = BooleanCriteria;
  readonly BorderStyle = BorderStyle;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly Dimension = Dimension;
  readonly ProtectionType = ProtectionType;
  readonly SheetType = SheetType;
  readonly WrapStrategy = WrapStrategy;
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  flush(): void {}
  getActive(): GSpreadsheet {
    return spreadsheetFacade(this[INTERNAL].ctx) as unknown as GSpreadsheet;
  }
  getActiveSpreadsheet(): GSpreadsheet {
    return spreadsheetFacade(this[INTERNAL].ctx) as unknown as GSpreadsheet;
  }
  getActiveSheet(): GSheet {
    const ctx = this[INTERNAL].ctx;
    return sheetFacade(ctx, activeSheet(ctx)) as unknown as GSheet;
  }
  getActiveRange(): GRange {
    return activeRange(this[INTERNAL].ctx);
  }
  setActiveSheet(sheet: GSheet): GSheet {
    const ctx = this[INTERNAL].ctx;
    const s = unwrapSheet(ctx, sheet, "SpreadsheetApp.setActiveSheet");
    ctx.book.activeSheetId = s.id;
    ctx.book.activeRange = undefined;
    return sheet;
  }
  getUi(): GoogleAppsScript.Base.Ui {
    return uiFacade(this[INTERNAL].ctx) as unknown as GoogleAppsScript.Base.Ui;
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return new EmuConditionalFormatRuleBuilder(
      this[INTERNAL].ctx,
    ) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return new EmuDataValidationBuilder(
      this[INTERNAL].ctx,
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }
}
instrument(EmuSpreadsheetApp, "SpreadsheetApp");

function activeRange(ctx: Ctx): GRange {
  const sheet = activeSheet(ctx);
  const rect = ctx.book.activeRange ?? { r1: 1, c1: 1, r2: 1, c2: 1 };
  const fits = rect.r2 <= sheet.maxRows && rect.c2 <= sheet.maxColumns;
  return new EmuRange(
    ctx,
    sheet,
    fits ? rect : { r1: 1, c1: 1, r2: 1, c2: 1 },
  ) as unknown as GRange;
}

// ── Spreadsheet ─────────────────────────────────────────────────────────────────────────────────

export type SpreadsheetMethods =
  | "addDeveloperMetadata"
  | "createDeveloperMetadataFinder"
  | "deleteSheet"
  | "getActiveRange"
  | "getActiveSheet"
  | "getDeveloperMetadata"
  | "getId"
  | "getName"
  | "getNumSheets"
  | "getProtections"
  | "getRange"
  | "getSheetById"
  | "getSheetByName"
  | "getSheets"
  | "getSpreadsheetLocale"
  | "getSpreadsheetTimeZone"
  | "getUrl"
  | "insertSheet"
  | "moveActiveSheet"
  | "rename"
  | "setActiveSheet"
  | "setSpreadsheetLocale"
  | "setSpreadsheetTimeZone"
  | "toast";

type InsertOptions = { template?: GSheet | undefined };

export class EmuSpreadsheet implements Pick<GSpreadsheet, SpreadsheetMethods> {
  readonly [INTERNAL]: { ctx: Ctx };
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  getId(): string {
    return this[INTERNAL].ctx.book.id;
  }
  getName(): string {
    return this[INTERNAL].ctx.book.name;
  }
  rename(newName: string): void {
    if (typeof newName !== "string" || newName === "")
      throw new Error("emulator: Spreadsheet.rename expects a name");
    this[INTERNAL].ctx.book.name = newName;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this[INTERNAL].ctx.book.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this[INTERNAL].ctx.book.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    assertTimeZone(timezone);
    this[INTERNAL].ctx.book.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this[INTERNAL].ctx.book.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this[INTERNAL].ctx.book.locale = String(locale);
  }
  getSheets(): GSheet[] {
    const ctx = this[INTERNAL].ctx;
    return ctx.book.sheets.map((s) => sheetFacade(ctx, s) as unknown as GSheet);
  }
  getNumSheets(): number {
    return this[INTERNAL].ctx.book.sheets.length;
  }
  getSheetByName(name: string): GSheet | null {
    const ctx = this[INTERNAL].ctx;
    const s = ctx.book.sheets.find((x) => x.name === name);
    return s ? (sheetFacade(ctx, s) as unknown as GSheet) : null;
  }
  getSheetById(id: number): GSheet | null {
    const ctx = this[INTERNAL].ctx;
    const s = ctx.book.sheets.find((x) => x.id === id);
    return s ? (sheetFacade(ctx, s) as unknown as GSheet) : null;
  }
  getActiveSheet(): GSheet {
    const ctx = this[INTERNAL].ctx;
    return sheetFacade(ctx, activeSheet(ctx)) as unknown as GSheet;
  }
  getActiveRange(): GRange | null {
    return activeRange(this[INTERNAL].ctx);
  }
  setActiveSheet(sheet: GSheet, _restoreSelection?: boolean): GSheet {
    const ctx = this[INTERNAL].ctx;
    const s = unwrapSheet(ctx, sheet, "Spreadsheet.setActiveSheet");
    ctx.book.activeSheetId = s.id;
    ctx.book.activeRange = undefined;
    return sheet;
  }
  moveActiveSheet(pos: number): void {
    const ctx = this[INTERNAL].ctx;
    const s = activeSheet(ctx);
    const sheets = ctx.book.sheets;
    if (!Number.isInteger(pos) || pos < 1 || pos > sheets.length)
      throw new Error("emulator: moveActiveSheet: position out of range");
    sheets.splice(sheets.indexOf(s), 1);
    sheets.splice(pos - 1, 0, s);
  }
  insertSheet(
    a?: string | number | InsertOptions,
    b?: number | InsertOptions,
    c?: InsertOptions,
  ): GSheet {
    const ctx = this[INTERNAL].ctx;
    const name = typeof a === "string" ? a : undefined;
    const index = typeof a === "number" ? a : typeof b === "number" ? b : undefined;
    const options = [a, b, c].find((x): x is InsertOptions => typeof x === "object" && x !== null);
    if (options?.template)
      throw new Error("emulator: Spreadsheet.insertSheet with a template is not emulated");
    const finalName =
      name === undefined ? defaultSheetName(ctx) : checkSheetName(ctx, name, undefined);
    const sheets = ctx.book.sheets;
    if (index !== undefined && (!Number.isInteger(index) || index < 0 || index > sheets.length)) {
      throw new Error(
        `emulator: Spreadsheet.insertSheet: index ${index} is outside 0…${sheets.length}`,
      );
    }
    const state = newSheetState(ctx.sheetIds.next(), finalName);
    // Without an index Apps Script puts the new tab right after the active one.
    const at = index ?? sheets.indexOf(activeSheet(ctx)) + 1;
    sheets.splice(at, 0, state);
    // The new sheet becomes the active one, as in Apps Script.
    ctx.book.activeSheetId = state.id;
    ctx.book.activeRange = undefined;
    return sheetFacade(ctx, state) as unknown as GSheet;
  }
  deleteSheet(sheet: GSheet): void {
    const ctx = this[INTERNAL].ctx;
    const s = unwrapSheet(ctx, sheet, "Spreadsheet.deleteSheet");
    const sheets = ctx.book.sheets;
    if (sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    const at = sheets.indexOf(s);
    sheets.splice(at, 1);
    s.deleted = true;
    ctx.book.metadata = ctx.book.metadata.filter(
      (m) => m.location.type === "SPREADSHEET" || m.location.sheetId !== s.id,
    );
    if (ctx.book.activeSheetId === s.id) {
      const next =
        sheets.slice(Math.max(0, at - 1)).find((x) => !x.hidden) ??
        sheets.find((x) => !x.hidden) ??
        sheets[0]!;
      ctx.book.activeSheetId = next.id;
      ctx.book.activeRange = undefined;
    }
  }
  getRange(a1Notation: string): GRange {
    const ctx = this[INTERNAL].ctx;
    const ref = parseA1(String(a1Notation));
    if (!ref) throw new Error(`Range not found`);
    const sheet =
      ref.sheet === undefined
        ? activeSheet(ctx)
        : ctx.book.sheets.find((s) => s.name === ref.sheet);
    if (!sheet) throw new Error("Range not found");
    return rangeFromRef(ctx, sheet, ref) as unknown as GRange;
  }
  toast(msg: string, title?: string, _timeoutSeconds?: number | null): void {
    const t = { message: String(msg), ...(title === undefined ? {} : { title: String(title) }) };
    this[INTERNAL].ctx.ui.toasts.push(t);
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GProtection[] {
    const ctx = this[INTERNAL].ctx;
    const t = enumName(type);
    return ctx.book.sheets.flatMap((s) =>
      s.protections
        .filter((p) => p.type === t)
        .map((p) => new EmuProtection(ctx, s, p.id) as unknown as GProtection),
    );
  }
  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: unknown,
    visibility?: unknown,
  ): GSpreadsheet {
    addMetadata(
      this[INTERNAL].ctx,
      { type: "SPREADSHEET" },
      key,
      valueOrVisibility,
      visibility,
      "Spreadsheet.addDeveloperMetadata",
    );
    return this as unknown as GSpreadsheet;
  }
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return metadataWhere(this[INTERNAL].ctx, (m) => m.location.type === "SPREADSHEET");
  }
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return new EmuDeveloperMetadataFinder(this[INTERNAL].ctx, {
      kind: "spreadsheet",
    }) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  }
}
instrument(EmuSpreadsheet, "Spreadsheet");

function rangeFromRef(
  ctx: Ctx,
  sheet: SheetState,
  ref: NonNullable<ReturnType<typeof parseA1>>,
): EmuRange {
  const rowsBounded = ref.r2 !== undefined;
  const colsBounded = ref.c2 !== undefined;
  const r1 = ref.r1 ?? 1;
  const c1 = ref.c1 ?? 1;
  const r2 = ref.r2 ?? sheet.maxRows;
  const c2 = ref.c2 ?? sheet.maxColumns;
  if (r1 > r2 || c1 > c2) throw new Error("Range not found");
  return makeRange(ctx, sheet, r1, c1, r2 - r1 + 1, c2 - c1 + 1, { rowsBounded, colsBounded });
}

// ── Sheet ───────────────────────────────────────────────────────────────────────────────────────

export type SheetMethods =
  | "activate"
  | "addDeveloperMetadata"
  | "appendRow"
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

export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

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
  getIndex(): number {
    return this[INTERNAL].ctx.book.sheets.indexOf(this.s()) + 1;
  }
  getParent(): GSpreadsheet {
    return spreadsheetFacade(this[INTERNAL].ctx) as unknown as GSpreadsheet;
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
      return rangeFromRef(ctx, s, ref) as unknown as GRange;
    }
    if (column === undefined) throw new Error("emulator: Sheet.getRange(row) needs a column");
    return makeRange(ctx, s, a, column, numRows ?? 1, numColumns ?? 1) as unknown as GRange;
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
    ) as unknown as GRange;
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
    // appendRow grows the sheet when it is full, unlike setValues.
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
    const s = this.s();
    const ctx = this[INTERNAL].ctx;
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

function checkSpan(start: number, n: number, max: number, what: string): void {
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
function setSizes(s: SheetState, dim: Dim, start: number, n: number, size: number): void {
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

export function lastRow(s: SheetState): number {
  for (let r = s.grid.length; r >= 1; r--) {
    const row = s.grid[r - 1];
    if (row?.some(hasContent)) return r;
  }
  return 0;
}

export function lastColumn(s: SheetState): number {
  let last = 0;
  for (const row of s.grid) {
    if (!row) continue;
    for (let c = row.length; c > last; c--) {
      if (hasContent(row[c - 1])) {
        last = c;
        break;
      }
    }
  }
  return last;
}

// ── inserting and deleting rows or columns ──────────────────────────────────────────────────────

type Dim = "row" | "column";

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

/** Moves everything anchored to rows (or columns) of `sheet`, as Sheets does on insert/delete. */
function shift(ctx: Ctx, sheet: SheetState, dim: Dim, at: number, delta: number): void {
  // Only lines at or past `at` move; a shorter (sparse) array has nothing there to move.
  const spliceArgs = (arr: unknown[]) => {
    if (delta > 0) arr.splice(at - 1, 0, ...new Array(delta));
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
