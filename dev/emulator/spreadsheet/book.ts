/**
 * Facts about the workbook's tabs that several classes need: which is active, their names and
 * extent, and ranges by position or A1 notation with Sheets' bounds checks.
 */
import type { Bounds, parseA1 } from "../a1.ts";
import { type Ctx, hasContent, type SheetState } from "../state.ts";

type GRange = GoogleAppsScript.Spreadsheet.Range;

/** The active range, or A1 when the remembered one no longer fits the sheet. */
export function activeRange(ctx: Ctx): GoogleAppsScript.Spreadsheet.Range {
  const sheet = activeSheet(ctx);
  const rect = ctx.book.activeRange ?? { r1: 1, c1: 1, r2: 1, c2: 1 };
  const fits = rect.r2 <= sheet.maxRows && rect.c2 <= sheet.maxColumns;
  return ctx.facades.range(sheet, fits ? rect : { r1: 1, c1: 1, r2: 1, c2: 1 });
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

export function checkSheetName(ctx: Ctx, name: unknown, self: SheetState | undefined): string {
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

/** Checks bounds the way Sheet.getRange does and builds the range. */
export function makeRange(
  ctx: Ctx,
  sheet: SheetState,
  row: number,
  column: number,
  numRows = 1,
  numColumns = 1,
  bounds?: Bounds,
): GRange {
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
  return ctx.facades.range(
    sheet,
    { r1: row, c1: column, r2: row + numRows - 1, c2: column + numColumns - 1 },
    bounds,
  );
}

/** A range from parsed A1 notation; open ends ("A:A", "2:3", "A2:B") reach the sheet's edge. */
export function rangeFromRef(
  ctx: Ctx,
  sheet: SheetState,
  ref: NonNullable<ReturnType<typeof parseA1>>,
): GRange {
  const rowsBounded = ref.r2 !== undefined;
  const colsBounded = ref.c2 !== undefined;
  const r1 = ref.r1 ?? 1;
  const c1 = ref.c1 ?? 1;
  const r2 = ref.r2 ?? sheet.maxRows;
  const c2 = ref.c2 ?? sheet.maxColumns;
  if (r1 > r2 || c1 > c2) throw new Error("Range not found");
  return makeRange(ctx, sheet, r1, c1, r2 - r1 + 1, c2 - c1 + 1, { rowsBounded, colsBounded });
}
