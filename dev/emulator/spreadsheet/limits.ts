/**
 * Google Sheets' size limits, checked before the workbook grows so that a huge request fails the
 * way Sheets fails, before the emulator allocates anything for it.
 *
 * The limits: "up to 10 million cells or 18,278 columns (column ZZZ)" per spreadsheet, from Google's
 * help page on the files you can store in Drive (support.google.com/drive/answer/37603). The cell
 * counts every sheet's grid (maxRows × maxColumns), empty or not.
 */
import type { BookState, SheetState } from "../state.ts";

export const MAX_CELLS = 10_000_000;
export const MAX_COLUMNS = 18_278;

/**
 * Throws when `sheet` (undefined: a sheet being added) would break a limit at `rows` × `columns`.
 *
 * Message texts: the cell one is Sheets' own, quoted verbatim in reports of the Sheets API and of
 * Apps Script hitting it (e.g. github.com/UoaWDCC/uasc-web pull 833: "This action would increase
 * the number of cells in the workbook above the limit of 10000000 cells."). No public source quotes
 * the column one; it is written on the same pattern, so match it on "above the limit of 18278
 * columns" rather than on the whole sentence.
 */
export function checkGridSize(
  book: BookState,
  sheet: SheetState | undefined,
  rows: number,
  columns: number,
): void {
  if (columns > MAX_COLUMNS) {
    throw new Error(
      `This action would increase the number of columns in the sheet above the limit of ${MAX_COLUMNS} columns.`,
    );
  }
  let cells = rows * columns;
  for (const s of book.sheets) if (s !== sheet) cells += s.maxRows * s.maxColumns;
  if (cells > MAX_CELLS) {
    throw new Error(
      `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
    );
  }
}
