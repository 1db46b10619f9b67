/** SpreadsheetApp: the entry point, its enums and builders. */
import {
  BooleanCriteria,
  BorderStyle,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  Dimension,
  ProtectionType,
  SheetType,
  WrapStrategy,
} from "../enums.ts";
import { uiFacade } from "../services/ui.ts";
import { type Ctx, INTERNAL, instrument } from "../state.ts";
import { activeRange, activeSheet } from "./book.ts";
import { EmuConditionalFormatRuleBuilder } from "./conditional-format.ts";
import {
  DataExecutionErrorCode,
  DataExecutionState,
  DataSourceType,
  EmuDataSourceSpecBuilder,
} from "./data-source.ts";
import { unwrapSheet } from "./sheet.ts";
import { EmuDataValidationBuilder } from "./validation.ts";

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;

export type SpreadsheetAppMembers =
  | "BooleanCriteria"
  | "DataExecutionErrorCode"
  | "DataExecutionState"
  | "DataSourceType"
  | "enableBigQueryExecution"
  | "newDataSourceSpec"
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
  readonly DataExecutionErrorCode = DataExecutionErrorCode;
  readonly DataExecutionState = DataExecutionState;
  readonly DataSourceType = DataSourceType;
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
  /** Recorded only: the emulator has no scopes to add (see the README's Connected Sheets notes). */
  enableBigQueryExecution(): void {
    this[INTERNAL].ctx.bigQueryEnabled = true;
  }
  newDataSourceSpec(): GoogleAppsScript.Spreadsheet.DataSourceSpecBuilder {
    return new EmuDataSourceSpecBuilder(this[INTERNAL].ctx) as never;
  }
  flush(): void {
    const ctx = this[INTERNAL].ctx;
    const failure = ctx.flushFailure;
    ctx.flushFailure = undefined;
    if (failure) throw failure.error;
  }
  getActive(): GSpreadsheet {
    return this[INTERNAL].ctx.facades.spreadsheet();
  }
  getActiveSpreadsheet(): GSpreadsheet {
    return this[INTERNAL].ctx.facades.spreadsheet();
  }
  getActiveSheet(): GSheet {
    const ctx = this[INTERNAL].ctx;
    return ctx.facades.sheet(activeSheet(ctx));
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
