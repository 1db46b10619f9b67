/**
 * The one module that knows the Spreadsheet, Sheet and Range classes together: it fills
 * Ctx.facades, through which the other classes reach them without importing their modules.
 */
import type { Bounds, Rect } from "../a1.ts";
import { type Ctx, cachedIn, type Facades, type SheetState } from "../state.ts";
import { EmuRange, unwrapRange } from "./range.ts";
import { EmuSheet } from "./sheet.ts";
import { EmuSpreadsheet } from "./spreadsheet.ts";

const spreadsheets = new WeakMap<Ctx, EmuSpreadsheet>();

export function spreadsheetFacade(ctx: Ctx): EmuSpreadsheet {
  return cachedIn(spreadsheets, ctx, () => new EmuSpreadsheet(ctx));
}

export function sheetFacade(ctx: Ctx, sheet: SheetState): EmuSheet {
  return cachedIn(ctx.sheetFacades, sheet, () => new EmuSheet(ctx, sheet)) as EmuSheet;
}

/** Facades for the emulator whose context `ctx()` returns (called lazily: ctx is being built). */
export function facadesOf(ctx: () => Ctx): Facades {
  return {
    spreadsheet: () =>
      spreadsheetFacade(ctx()) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    sheet: (sheet: SheetState) =>
      sheetFacade(ctx(), sheet) as unknown as GoogleAppsScript.Spreadsheet.Sheet,
    range: (sheet: SheetState, rect: Rect, bounds?: Bounds) =>
      new EmuRange(
        ctx(),
        sheet,
        { ...rect },
        bounds,
      ) as unknown as GoogleAppsScript.Spreadsheet.Range,
    unwrapRange,
  };
}
