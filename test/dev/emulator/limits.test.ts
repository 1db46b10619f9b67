/** Google Sheets' size limits: 10,000,000 cells per spreadsheet, 18,278 columns per sheet. */
import { describe, expect, it } from "vitest";
import { createEmulator, MAX_CELLS, MAX_COLUMNS } from "../../../dev/emulator/index.ts";

const CELLS =
  "This action would increase the number of cells in the workbook above the limit of 10000000 cells.";
const COLUMNS = /above the limit of 18278 columns/;

function setUp() {
  const emu = createEmulator();
  const app = emu.globals.SpreadsheetApp;
  const sheet = app.getActiveSheet(); // 1000 × 26
  return { emu, app, sheet };
}

describe("size limits", () => {
  it("are Sheets' own numbers", () => {
    expect(MAX_CELLS).toBe(10_000_000);
    expect(MAX_COLUMNS).toBe(18_278);
  });

  it("refuses a huge insertRowsAfter before allocating anything, and changes nothing", () => {
    const { emu, sheet } = setUp();
    sheet.getRange("A1:B3").setValues([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const before = JSON.stringify(emu.snapshot());
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    expect(() => sheet.insertRowsAfter(1, 1e8)).toThrow(CELLS);
    expect(() => sheet.insertRowsBefore(2, 2 ** 31)).toThrow(CELLS);
    // Generous bounds: an allocation proportional to 1e8 rows would take seconds and gigabytes.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(50 * 1024 * 1024);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(JSON.stringify(emu.snapshot())).toBe(before);
  });

  it("counts every sheet's grid: rows up to the limit pass, one row more fails", () => {
    const { app, sheet } = setUp();
    const ss = app.getActiveSpreadsheet();
    ss.insertSheet("Second"); // 26,000 more cells
    const fitRows = Math.floor((MAX_CELLS - 26_000) / 26); // 383,615 rows of 26 columns
    sheet.insertRowsAfter(1000, fitRows - 1000);
    expect(sheet.getMaxRows()).toBe(fitRows);
    expect(() => sheet.insertRowAfter(1)).toThrow(CELLS);
    expect(() => ss.insertSheet("Third")).toThrow(CELLS);
    expect(ss.getNumSheets()).toBe(2);
    // Freeing cells on one sheet makes room on another.
    sheet.deleteRows(2, 1000);
    expect(ss.insertSheet("Third").getMaxRows()).toBe(1000);
  });

  it("moves content past an insertion without allocating the inserted rows", () => {
    const { sheet } = setUp();
    sheet.getRange("A1:A2").setValues([["top"], ["bottom"]]);
    sheet.insertRowsAfter(1, 300_000);
    expect(sheet.getMaxRows()).toBe(301_000);
    expect(sheet.getRange(300_002, 1).getValue()).toBe("bottom");
    expect(sheet.getLastRow()).toBe(300_002);
  });

  it("refuses more than 18,278 columns on a sheet", () => {
    const { sheet } = setUp();
    sheet.deleteRows(2, 999); // 1 row, so the cell limit is not what stops it
    sheet.insertColumnsAfter(26, MAX_COLUMNS - 26);
    expect(sheet.getMaxColumns()).toBe(MAX_COLUMNS);
    expect(() => sheet.insertColumnAfter(1)).toThrow(COLUMNS);
    expect(() => sheet.insertColumnsBefore(1, 1e9)).toThrow(COLUMNS);
    expect(sheet.getMaxColumns()).toBe(MAX_COLUMNS);
  });

  it("applies to appendRow, which grows the sheet, all or nothing", () => {
    const { sheet } = setUp();
    sheet.deleteRows(2, 999);
    sheet.getRange(1, 1).setValue("full");
    const wide = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => i);
    expect(() => sheet.appendRow(wide)).toThrow(COLUMNS);
    expect(sheet.getMaxRows()).toBe(1);
    expect(sheet.getMaxColumns()).toBe(26);
    sheet.appendRow(["next"]);
    expect(sheet.getMaxRows()).toBe(2);
  });
});
