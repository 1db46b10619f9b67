/**
 * "Import an export…": the sidebar sends a file's text and the tab it goes to; the server says
 * what it found (header, separator, decimal mark, date format, total rows) and what it would do,
 * then, on the user's word, writes: rows of days already in the tab replaced in place, new days
 * appended, every other row and every other column left as it was. A file that cannot be read,
 * or does not fit the tab, is refused before anything is written.
 */
import type { Lang } from "../../contract/i18n.ts";
import {
  type CsvError,
  type ImportContext,
  type ImportPreview,
  type ImportRequest,
  type ImportResult,
  MAX_IMPORT_BYTES,
} from "../../contract/import.ts";
import { zoneOffsetMs } from "../../kpi/days.ts";
import type { EngineContext } from "../../kpi/types.ts";
import { type DataTable, readTable, textCell } from "../workbook/cells.ts";
import { userLang } from "../workbook/locale.ts";
import { withDocumentLock } from "../workbook/lock.ts";
import { messages } from "../workbook/messages.ts";
import { ownSheetIds } from "../workbook/tabs.ts";
import {
  type CsvCell,
  type CsvDate,
  isCsvDate,
  MAX_CELLS,
  type ParsedCsv,
  parseCsv,
  sheetNameFromFile,
} from "./csv.ts";
import { type FileTable, fileTable, type MergePlan, planMerge } from "./merge.ts";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LOCK_WAIT_MS = 10_000;

/** The tabs a file may go to (the user's, not KPI Pilot's), the active one first in mind. */
export function getImportContext(): ImportContext {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const own = ownSheetIds(ss);
  const sheets = ss
    .getSheets()
    .filter((s) => !own.has(s.getSheetId()))
    .map((s) => s.getName());
  const active = ss.getActiveSheet()?.getName() ?? null;
  return {
    sheets,
    active: active !== null && sheets.includes(active) ? active : null,
    maxBytes: MAX_IMPORT_BYTES,
  };
}

/** The words of a file the parser refused: what is wrong, and where. */
export function csvErrorMessage(error: CsvError, lang: Lang): string {
  switch (error.code) {
    case "empty":
      return messages.t(lang, "csvEmpty");
    case "binary":
      return messages.t(lang, "csvBinary");
    case "headerOnly":
      return messages.t(lang, "csvHeaderOnly");
    case "unbalancedQuote":
      return messages.t(lang, "csvUnbalancedQuote", { line: error.line ?? "?" });
    case "tooManyFields":
      return messages.t(lang, "csvTooManyFields", {
        line: error.line ?? "?",
        fields: error.fields ?? "?",
        expected: error.expected ?? "?",
      });
    case "tooLarge":
      return messages.t(lang, "csvTooLarge", { max: MAX_CELLS.toLocaleString(lang) });
  }
}

interface Checked {
  csv: ParsedCsv;
  file: FileTable;
  ctx: EngineContext;
  /** The target tab, or null for a new one, with its name. */
  sheet: Sheet | null;
  name: string;
  tab: DataTable | null;
  values: unknown[][];
  plan: MergePlan | null;
}

function fail(lang: Lang, key: Parameters<typeof messages.t>[1], params = {}): never {
  throw new Error(messages.t(lang, key, params));
}

/** Everything an import needs, read once; throws a message naming what is wrong. */
function check(ss: Spreadsheet, request: unknown, lang: Lang): Checked {
  const r = (request ?? {}) as Partial<ImportRequest>;
  if (typeof r.text !== "string" || typeof r.fileName !== "string") fail(lang, "importBadRequest");
  if (r.target !== null && typeof r.target !== "string") fail(lang, "importBadRequest");
  // A UTF-16 code unit is at most 3 bytes of the file: a text this long came from a larger file.
  if (r.text.length > MAX_IMPORT_BYTES) {
    fail(lang, "importTooLarge", { mb: MAX_IMPORT_BYTES / 1024 / 1024 });
  }
  const parsed = parseCsv(r.text);
  if (!parsed.ok) throw new Error(csvErrorMessage(parsed.error, lang));
  const csv = parsed.csv;
  const file = fileTable(csv);
  if ("code" in file) fail(lang, "importNoDates");
  const ctx: EngineContext = {
    timeZone: ss.getSpreadsheetTimeZone(),
    locale: ss.getSpreadsheetLocale(),
  };
  if (r.target === null) {
    const name = sheetNameFromFile(
      r.fileName,
      ss.getSheets().map((s) => s.getName()),
    );
    return { csv, file, ctx, sheet: null, name, tab: null, values: [], plan: null };
  }
  const sheet = ss.getSheetByName(r.target);
  if (!sheet) fail(lang, "importNoSuchTab", { sheet: r.target });
  if (ownSheetIds(ss).has(sheet.getSheetId())) fail(lang, "importOwnTab", { sheet: r.target });
  const values = sheet.getLastRow() > 0 ? sheet.getDataRange().getValues() : [];
  if (values.length === 0) {
    return { csv, file, ctx, sheet, name: r.target, tab: null, values, plan: null };
  }
  const tab = readTable(values, ctx);
  const plan = planMerge(file, tab, ctx);
  if ("code" in plan) {
    const quoted = plan.columns.map((c) => (lang === "fr" ? `« ${c} »` : `"${c}"`)).join(", ");
    fail(lang, "importMissingColumns", { sheet: r.target, columns: quoted });
  }
  return { csv, file, ctx, sheet, name: r.target, tab, values, plan };
}

function previewOf(c: Checked): ImportPreview {
  const rows = c.file.rows.length;
  return {
    headers: [...c.file.headers],
    headerLine: c.csv.headerLine,
    separator: c.csv.separator,
    decimal: c.csv.decimal,
    dateFormat: c.csv.dateFormat ?? null,
    dateColumn: c.file.headers[c.file.dateCol] ?? "",
    keyColumn: c.file.keyCol === null ? null : (c.file.headers[c.file.keyCol] ?? null),
    rows,
    totals: c.csv.footers.length,
    target: c.name,
    newTab: c.sheet === null,
    added: c.plan ? c.plan.appended.length : rows,
    replaced: c.plan ? c.plan.replaced.length : 0,
    kept: c.plan ? c.plan.kept : 0,
  };
}

/** What importing the file would do; reads the target tab once and writes nothing. */
export function previewImport(request: ImportRequest): ImportPreview {
  const lang = userLang();
  return previewOf(check(SpreadsheetApp.getActiveSpreadsheet(), request, lang));
}

/** A wall-clock date of the file at that time of day in the spreadsheet's zone. */
function zonedDate(d: CsvDate, timeZone: string): Date {
  const guess = Date.UTC(d.y, d.m - 1, d.d, d.hh, d.mi, d.ss);
  if (d.offsetMinutes !== undefined) return new Date(guess - d.offsetMinutes * 60_000);
  // Twice, for a guess that fell on the other side of a change of offset.
  const t = guess - zoneOffsetMs(guess, timeZone);
  return new Date(guess - zoneOffsetMs(t, timeZone));
}

/** A parsed cell as the value written: numbers and dates as such, text kept as text. */
function sheetValue(cell: CsvCell, timeZone: string): unknown {
  if (cell === null) return "";
  if (typeof cell === "number") return cell;
  if (isCsvDate(cell)) return zonedDate(cell, timeZone);
  return textCell(cell);
}

/** The number format of each column, from what the file wrote in it. */
function columnFormat(kind: ParsedCsv["kinds"][number]): string | null {
  if (kind === "date") return "yyyy-mm-dd";
  if (kind === "datetime") return "yyyy-mm-dd hh:mm";
  if (kind === "percent") return "0.00%";
  return null;
}

/** A new tab: the header and the data rows, no title lines, no total rows. */
function writeNewTab(ss: Spreadsheet, c: Checked, sheet: Sheet | null): void {
  const tab = sheet ?? ss.insertSheet(c.name, ss.getSheets().length);
  const width = c.file.headers.length;
  const rows = [
    c.file.headers.map((h) => textCell(h)),
    ...c.file.rows.map((r) =>
      Array.from({ length: width }, (_, i) => sheetValue(r[i] ?? null, c.ctx.timeZone)),
    ),
  ];
  if (tab.getMaxRows() < rows.length)
    tab.insertRowsAfter(tab.getMaxRows(), rows.length - tab.getMaxRows());
  if (tab.getMaxColumns() < width)
    tab.insertColumnsAfter(tab.getMaxColumns(), width - tab.getMaxColumns());
  tab.getRange(1, 1, rows.length, width).setValues(rows);
  c.csv.kinds.forEach((kind, i) => {
    const format = columnFormat(kind);
    if (format && rows.length > 1)
      tab.getRange(2, i + 1, rows.length - 1, 1).setNumberFormat(format);
  });
  tab.getRange(1, 1, 1, width).setFontWeight("bold");
  tab.setFrozenRows(1);
}

/**
 * Into an existing tab: one block from the first replaced row to the last appended one, over the
 * columns the file fills. Cells of that block the import does not replace are written back as
 * they were (a formula as its formula), so nothing of the user's changes.
 */
function writeMerge(c: Checked, sheet: Sheet, tab: DataTable, plan: MergePlan): void {
  const cols = plan.columns;
  const left = Math.min(...cols);
  const right = Math.max(...cols);
  const width = right - left + 1;
  const first0 = tab.headerIndex + 1; // 0-based index in values of the first data row
  const appendAt = c.values.length; // 0-based index of the first appended row
  const top =
    plan.replaced.length > 0 ? first0 + Math.min(...plan.replaced.map(([i]) => i)) : appendAt;
  const bottom = appendAt + plan.appended.length; // exclusive
  if (bottom <= top) return;
  const existing = Math.max(0, Math.min(bottom, appendAt) - top);
  const formulas =
    existing > 0 ? sheet.getRange(top + 1, left + 1, existing, width).getFormulas() : [];
  const block: unknown[][] = [];
  for (let r = top; r < bottom; r++) {
    const row: unknown[] = [];
    for (let col = left; col <= right; col++) {
      if (r < appendAt) {
        const formula = formulas[r - top]?.[col - left] ?? "";
        row.push(formula !== "" ? formula : (c.values[r]?.[col] ?? ""));
      } else row.push("");
    }
    block.push(row);
  }
  const put = (r: number, fileRow: number) => {
    const cells = c.file.rows[fileRow] ?? [];
    cols.forEach((col, i) => {
      (block[r - top] as unknown[])[col - left] = sheetValue(cells[i] ?? null, c.ctx.timeZone);
    });
  };
  for (const [i, j] of plan.replaced) put(first0 + i, j);
  plan.appended.forEach((j, k) => {
    put(appendAt + k, j);
  });
  if (sheet.getMaxRows() < bottom)
    sheet.insertRowsAfter(sheet.getMaxRows(), bottom - sheet.getMaxRows());
  sheet.getRange(top + 1, left + 1, block.length, width).setValues(block);
  if (plan.appended.length > 0) {
    c.csv.kinds.forEach((kind, i) => {
      const format = columnFormat(kind);
      const col = cols[i] as number;
      if (format)
        sheet.getRange(appendAt + 1, col + 1, plan.appended.length, 1).setNumberFormat(format);
    });
  }
}

/** The sentence of what an import did: "12 rows added, 7 replaced, 4 total rows left out." */
export function importSentence(p: ImportPreview, lang: Lang): string {
  const parts = [
    messages.t(lang, p.added === 1 ? "importAddedOne" : "importAdded", { n: p.added }),
    messages.t(lang, "importReplaced", { n: p.replaced }),
  ];
  if (p.totals > 0) {
    parts.push(
      messages.t(lang, p.totals === 1 ? "leftOutTotalsOne" : "leftOutTotals", { n: p.totals }),
    );
  }
  return messages.t(lang, "importDone", { what: parts.join(", "), sheet: p.target });
}

/** Menu's panel, "Import": writes the file into its tab, under the document lock. */
export function importExport(request: ImportRequest): ImportResult {
  const lang = userLang();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock(
    "import",
    LOCK_WAIT_MS,
    (why) => fail(lang, `busy_${why}`),
    () => {
      // Checked again under the lock: the tab may have changed since the preview.
      const c = check(ss, request, lang);
      if (c.plan && c.tab && c.sheet) writeMerge(c, c.sheet, c.tab, c.plan);
      else writeNewTab(ss, c, c.sheet);
      const preview = previewOf(c);
      return { ...preview, message: importSentence(preview, lang) };
    },
  );
}
