/**
 * What the page may ask of one cell, checked at the server's door against Google Sheets' own
 * limits, before the workbook grows: a careless or hostile `{"row": 1e8}` must be refused in
 * Sheets' words, not allocated. The limits are those of Google's help page on the files Drive
 * stores (support.google.com/drive/answer/37603): 10 million cells per spreadsheet, counting
 * every sheet's grid (rows × columns, empty or not), 18,278 columns (ZZZ), and 50,000 characters
 * in one cell. This does not rely on the emulator enforcing them too.
 */

export const MAX_CELLS = 10_000_000;
export const MAX_COLUMNS = 18_278;
export const MAX_CELL_TEXT = 50_000;

/** A sheet as far as its size goes. */
export interface SheetGrid {
  sheetId: number;
  maxRows: number;
  maxColumns: number;
}

export interface CellEdit {
  sheetId: number;
  row: number;
  column: number;
  text: string;
}

export type EditCheck = { ok: true; edit: CellEdit } | { ok: false; error: string };

function wholeNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 1 ? value : undefined;
}

/**
 * The edit `body` asks for, or why it cannot be made. Coordinates are 1-based; a cell beyond the
 * sheet's grid grows the grid to reach it, so the whole workbook's cell count after that growth
 * is what is checked.
 */
export function checkEdit(body: Record<string, unknown>, sheets: readonly SheetGrid[]): EditCheck {
  const sheet = sheets.find((s) => s.sheetId === body.sheetId);
  if (!sheet) return { ok: false, error: `There is no sheet with id ${String(body.sheetId)}.` };
  const row = wholeNumber(body.row);
  if (row === undefined) return { ok: false, error: "row must be a whole number, 1 or more." };
  const column = wholeNumber(body.column);
  if (column === undefined)
    return { ok: false, error: "column must be a whole number, 1 or more." };
  if (column > MAX_COLUMNS) {
    return {
      ok: false,
      error: `This action would increase the number of columns in the sheet above the limit of ${MAX_COLUMNS} columns.`,
    };
  }
  const text = body.text ?? "";
  if (typeof text !== "string") return { ok: false, error: "text must be a string." };
  if (text.length > MAX_CELL_TEXT) {
    return {
      ok: false,
      error: `Your input contains more than the maximum of ${MAX_CELL_TEXT} characters in a single cell.`,
    };
  }
  let cells = Math.max(sheet.maxRows, row) * Math.max(sheet.maxColumns, column);
  for (const s of sheets) if (s !== sheet) cells += s.maxRows * s.maxColumns;
  if (cells > MAX_CELLS) {
    return {
      ok: false,
      error: `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
    };
  }
  return { ok: true, edit: { sheetId: sheet.sheetId, row, column, text } };
}
