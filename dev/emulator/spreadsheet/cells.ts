/**
 * Cells as Range reads and writes them: how a script's value becomes a cell, the shape checks,
 * format setters' argument checks, clearing, merging and filling formulas.
 */
import { columnLetters, contains, intersects, type Rect } from "../a1.ts";
import {
  type Cell,
  type Ctx,
  cellFor,
  type DataValidationState,
  FORMAT_KEYS,
  getCell,
  INTERNAL,
  type RangeInternal,
  type SheetState,
} from "../state.ts";
import { type CellValue, isDate, kindOf } from "../values.ts";
import { validationViolated } from "./validation.ts";

type GRange = GoogleAppsScript.Spreadsheet.Range;

/** A Range facade, seen through its state only (this module does not know the class). */
export type RangeLike = { readonly [INTERNAL]: RangeInternal };

/** What a script's write turns into, once Sheets has read it as user input. */
export type Written =
  | { kind: "clear" }
  | { kind: "value"; value: CellValue }
  | { kind: "formula"; formula: string };

export function forEachCell(range: RangeLike, fn: (row: number, column: number) => void): void {
  const { rect } = range[INTERNAL];
  for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) fn(r, c);
}

export function mapCells<T>(range: RangeLike, fn: (row: number, column: number) => T): T[][] {
  const { rect } = range[INTERNAL];
  const out: T[][] = [];
  for (let r = rect.r1; r <= rect.r2; r++) {
    const row: T[] = [];
    for (let c = rect.c1; c <= rect.c2; c++) row.push(fn(r, c));
    out.push(row);
  }
  return out;
}

export function cellName(sheet: SheetState, row: number, column: number): string {
  return `${sheet.name}!${columnLetters(column)}${row}`;
}

export function signatureError(method: string, args: unknown[]): Error {
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

export function checkGrid(range: RangeLike, data: unknown, method: string): void {
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
export function parseWrite(
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

export function commitWrites(sheet: SheetState, rect: Rect, writes: Written[][]): void {
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

export function setAll<K extends CellKey>(
  range: RangeLike,
  key: K,
  value: Cell[K] | undefined,
): GRange {
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

export function setGrid<K extends CellKey, T>(
  range: RangeLike,
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

export function text(v: unknown, method: string): string {
  if (typeof v !== "string") throw signatureError(method, [v]);
  return v;
}

export function bool(v: unknown, method: string): boolean {
  if (typeof v !== "boolean") throw signatureError(method, [v]);
  return v;
}

export function fontSize(v: unknown, method: string): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) throw signatureError(method, [v]);
  return v;
}

export function oneOf<T extends string>(
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

export function horizontal(v: unknown, method: string): string | undefined {
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

export function mergeRects(sheet: SheetState, rects: Rect[]): void {
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
