/** Spreadsheet: its tabs, name, locale and time zone, and spreadsheet-level features. */
import { parseA1 } from "../a1.ts";
import { enumName } from "../enums.ts";
import {
  type Ctx,
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  INTERNAL,
  instrument,
  newSheetState,
} from "../state.ts";
import { assertTimeZone } from "../tz.ts";
import {
  activeRange,
  activeSheet,
  checkSheetName,
  defaultSheetName,
  rangeFromRef,
} from "./book.ts";
import { newDataSourceSheet } from "./data-source.ts";
import { checkGridSize } from "./limits.ts";
import { addMetadata, EmuDeveloperMetadataFinder, metadataWhere } from "./metadata.ts";
import { EmuProtection } from "./protection.ts";
import { unwrapSheet } from "./sheet.ts";

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;

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
  | "insertDataSourceSheet"
  | "insertSheet"
  | "moveActiveSheet"
  | "rename"
  | "setActiveSheet"
  | "setSpreadsheetLocale"
  | "setSpreadsheetTimeZone"
  | "toast";

type InsertOptions = { template?: GSheet | undefined };

/** Spreadsheet as the reference documents it, with what the typings lack. */
type DocumentedSpreadsheet = GSpreadsheet & {
  insertDataSourceSheet(
    spec: GoogleAppsScript.Spreadsheet.DataSourceSpec,
  ): GoogleAppsScript.Spreadsheet.DataSourceSheet;
};

export class EmuSpreadsheet implements Pick<DocumentedSpreadsheet, SpreadsheetMethods> {
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
    return ctx.book.sheets.map((s) => ctx.facades.sheet(s));
  }
  getNumSheets(): number {
    return this[INTERNAL].ctx.book.sheets.length;
  }
  getSheetByName(name: string): GSheet | null {
    const ctx = this[INTERNAL].ctx;
    const s = ctx.book.sheets.find((x) => x.name === name);
    return s ? ctx.facades.sheet(s) : null;
  }
  getSheetById(id: number): GSheet | null {
    const ctx = this[INTERNAL].ctx;
    const s = ctx.book.sheets.find((x) => x.id === id);
    return s ? ctx.facades.sheet(s) : null;
  }
  getActiveSheet(): GSheet {
    const ctx = this[INTERNAL].ctx;
    return ctx.facades.sheet(activeSheet(ctx));
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
  /** A data-source sheet (in the reference, missing from @types/google-apps-script 2.0.13). */
  insertDataSourceSheet(
    spec: GoogleAppsScript.Spreadsheet.DataSourceSpec,
  ): GoogleAppsScript.Spreadsheet.DataSourceSheet {
    const ctx = this[INTERNAL].ctx;
    const sheets = ctx.book.sheets;
    const sheet = this.insertSheet(`Data source ${sheets.length + 1}`, sheets.length);
    return newDataSourceSheet(
      ctx,
      spec,
      sheet,
      unwrapSheet(ctx, sheet, "insertDataSourceSheet"),
    ) as never;
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
    checkGridSize(ctx.book, undefined, DEFAULT_ROWS, DEFAULT_COLUMNS);
    const state = newSheetState(ctx.sheetIds.next(), finalName);
    // Without an index Apps Script puts the new tab right after the active one.
    const at = index ?? sheets.indexOf(activeSheet(ctx)) + 1;
    sheets.splice(at, 0, state);
    // The new sheet becomes the active one, as in Apps Script.
    ctx.book.activeSheetId = state.id;
    ctx.book.activeRange = undefined;
    return ctx.facades.sheet(state);
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
    return rangeFromRef(ctx, sheet, ref);
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
