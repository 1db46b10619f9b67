/**
 * Whether a saved workbook is fit to load, cell by cell. The emulator's own load trusts each
 * cell's shape (a snapshot it wrote itself is always right), so a hand-edited or damaged state
 * file could pass it and only fail later, when the bundle first reads the workbook: every start
 * would then die the same way. Here the first bad cell is named, as a person finds it in Sheets.
 */
import { columnLetters, quoteSheetName } from "../emulator/a1.ts";
import { createEmulator, type WorkbookSnapshot } from "../emulator/index.ts";

const STRING_FIELDS = ["formula", "note", "numberFormat", "fontColor", "background"] as const;

function preview(value: unknown): string {
  const text =
    typeof value === "number" && !Number.isFinite(value)
      ? String(value)
      : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Why a saved cell value cannot be a cell's value, or undefined when it can. */
function badValue(value: unknown): string | undefined {
  if (value === undefined || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : "is not a number";
  if (isPlainObject(value) && Object.keys(value).length === 1 && "$date" in value) {
    const iso = value.$date;
    return typeof iso === "string" && !Number.isNaN(new Date(iso).getTime())
      ? undefined
      : "is not a date";
  }
  return "is not a cell value (a number, text, true/false or a date)";
}

/**
 * Throws, naming the sheet and cell (Sheet1!B3) and what is wrong there, when a saved workbook
 * holds a cell the playground cannot show; then loads it on a scratch emulator and writes it back,
 * so whatever else is wrong fails here too and not on the bundle's first read.
 */
export function checkSavedWorkbook(workbook: unknown): WorkbookSnapshot {
  if (!isPlainObject(workbook) || !Array.isArray(workbook.sheets))
    throw new Error("the file holds no sheets");
  for (const sheet of workbook.sheets) {
    if (!isPlainObject(sheet) || typeof sheet.name !== "string")
      throw new Error("a sheet has no name");
    const name = sheet.name;
    if (!Array.isArray(sheet.rows)) throw new Error(`sheet ${preview(name)} has no rows`);
    sheet.rows.forEach((row: unknown, r: number) => {
      if (!Array.isArray(row))
        throw new Error(`row ${r + 1} of sheet ${preview(name)} is not a row`);
      row.forEach((cell: unknown, c: number) => {
        if (cell === null) return;
        const at = `${quoteSheetName(name)}!${columnLetters(c + 1)}${r + 1}`;
        if (!isPlainObject(cell)) throw new Error(`cell ${at} holds ${preview(cell)}, not a cell`);
        const why = badValue(cell.value);
        if (why) throw new Error(`cell ${at} holds ${preview(cell.value)}, which ${why}`);
        for (const field of STRING_FIELDS) {
          const v = cell[field];
          if (v !== undefined && typeof v !== "string")
            throw new Error(`cell ${at} has a ${field} of ${preview(v)}, which is not text`);
        }
      });
    });
  }
  const snapshot = workbook as unknown as WorkbookSnapshot;
  const scratch = createEmulator();
  scratch.load(snapshot);
  scratch.snapshot();
  return snapshot;
}
