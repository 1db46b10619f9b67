/** Values, formulas, shapes, bounds and A1 notation on the emulator. */
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { formatA1, parseA1 } from "../../../dev/emulator/a1.ts";
import { createEmulator } from "../../../dev/emulator/index.ts";

function setup(options: Parameters<typeof createEmulator>[0] = {}) {
  const emu = createEmulator(options);
  const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0]!;
  return { emu, ss, sheet };
}

describe("values", () => {
  it('round-trips numbers, strings, booleans and Dates, with empty cells as ""', () => {
    const { sheet } = setup();
    const d = new Date("2026-03-29T10:00:00Z");
    sheet.getRange(2, 2, 2, 3).setValues([
      [1.5, "text", true],
      [d, "", null],
    ]);
    const back = sheet.getRange("B2:E3").getValues();
    expect(back).toEqual([
      [1.5, "text", true, ""],
      [d, "", "", ""],
    ]);
    // A copy: changing what was read or written changes nothing stored.
    (back[1]![0] as Date).setFullYear(1999);
    d.setFullYear(1998);
    expect((sheet.getRange("B3").getValue() as Date).toISOString()).toBe(
      "2026-03-29T10:00:00.000Z",
    );
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(4);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:D3");
  });

  it("sets one value on every cell of a range with setValue", () => {
    const { sheet } = setup();
    sheet.getRange("A1:B2").setValue(7);
    expect(sheet.getRange("A1:B2").getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  it("refuses what a cell cannot hold, naming the cell", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange("A1").setValue(Number.NaN)).toThrow(/Sheet1!A1 would get NaN/);
    expect(() => sheet.getRange("A1:B1").setValues([[1, { a: 1 }]])).toThrow(
      /Sheet1!B1 would get an Object/,
    );
    expect(() => sheet.getRange("A1").setValue(new Date("nope"))).toThrow(/invalid Date/);
    // All or nothing: the first cell of the refused row was not written.
    expect(sheet.getRange("A1").getValue()).toBe("");
  });

  it("gives Dates of the caller's realm once told its Date constructor", () => {
    const { emu } = setup();
    const context = vm.createContext({ ...emu.globals });
    const script = `(() => {
      const r = SpreadsheetApp.getActiveSheet().getRange("A1");
      r.setValue(new Date(0));
      return r.getValue() instanceof Date;
    })()`;
    expect(vm.runInContext(script, context)).toBe(false);
    emu.setDateConstructor(vm.runInContext("Date", context) as DateConstructor);
    expect(vm.runInContext(script, context)).toBe(true);
  });
});

describe("formulas", () => {
  it("stores text starting with = as a formula, as Sheets does", () => {
    const { sheet } = setup();
    sheet.getRange("A1:B1").setValues([["=1+1", "=SUM(A1)"]]);
    expect(sheet.getRange("A1:C1").getFormulas()).toEqual([["=1+1", "=SUM(A1)", ""]]);
    expect(sheet.getRange("B1").getFormula()).toBe("=SUM(A1)");
    expect(sheet.getLastRow()).toBe(1);
  });

  it("stores text after a leading apostrophe as text, without the apostrophe", () => {
    const { sheet } = setup();
    sheet.getRange("A1:C1").setValues([["'=1+1", "'+33 6", "+33 6"]]);
    expect(sheet.getRange("A1:C1").getValues()).toEqual([["=1+1", "+33 6", "+33 6"]]);
    expect(sheet.getRange("A1:C1").getFormulas()).toEqual([["", "", ""]]);
  });

  it("refuses to read a formula's value it cannot compute, naming the cell and formula", () => {
    const { sheet } = setup();
    sheet.getRange("B2").setFormula("=KPI_PROGRESS(A1:A3)");
    const msg =
      "emulator: Sheet1!B2 holds a formula (=KPI_PROGRESS(A1:A3)) whose value is not computed; pass evaluateFormula to createEmulator";
    expect(() => sheet.getRange("B2").getValue()).toThrow(msg);
    expect(() => sheet.getRange("A1:C3").getValues()).toThrow(msg);
    expect(() => sheet.getRange("B2").getDisplayValue()).toThrow(msg);
    // Cells around it still read.
    expect(sheet.getRange("A1:C1").getValues()).toEqual([["", "", ""]]);
  });

  it("reads a formula's value through evaluateFormula", () => {
    const seen: unknown[] = [];
    const { sheet } = setup({
      evaluateFormula: (formula, at) => {
        seen.push({ formula, ...at });
        return 0.25;
      },
    });
    sheet.getRange("C4").setFormula("=A1/4").setNumberFormat("0.0%");
    expect(sheet.getRange("C4").getValue()).toBe(0.25);
    expect(sheet.getRange("C4").getDisplayValue()).toBe("25.0%");
    expect(seen[0]).toEqual({ formula: "=A1/4", sheet: "Sheet1", row: 4, column: 3 });
  });

  it("shifts relative references when one formula is set on several cells", () => {
    const { sheet } = setup();
    sheet.getRange("C2:D3").setFormula('=A2*$B$1+B2&"A1"');
    expect(sheet.getRange("C2:D3").getFormulas()).toEqual([
      ['=A2*$B$1+B2&"A1"', '=B2*$B$1+C2&"A1"'],
      ['=A3*$B$1+B3&"A1"', '=B3*$B$1+C3&"A1"'],
    ]);
  });

  it("replaces a formula by a value and a value by a formula", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1");
    r.setFormula("=NOW()");
    r.setValue(3);
    expect(r.getFormula()).toBe("");
    expect(r.getValue()).toBe(3);
    r.setFormulas([["=2"]]);
    expect(r.getFormula()).toBe("=2");
  });
});

describe("shapes and bounds", () => {
  it("throws Apps Script's messages when the data does not fit the range", () => {
    const { sheet } = setup();
    const r = sheet.getRange(1, 1, 3, 2);
    expect(() =>
      r.setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.",
    );
    expect(() => r.setValues([[1, 2], [3], [5, 6]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
    );
    expect(() => r.setNumberFormats([["0"], ["0"], ["0"]])).toThrow(
      /The data has 1 but the range has 2/,
    );
    expect(() => r.setValues("x" as unknown as unknown[][])).toThrow(
      /don't match the method signature/,
    );
    expect(r.getValues()).toEqual([
      ["", ""],
      ["", ""],
      ["", ""],
    ]);
  });

  it("starts a tab at 1000 × 26, refuses ranges beyond it, and grows with insertRowsAfter", () => {
    const { sheet } = setup();
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet.getRange(1, 27)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet.getRange(0, 1)).toThrow("The starting row of the range is too small.");
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(
      "The number of rows in the range must be at least 1.",
    );
    sheet.insertRowsAfter(sheet.getMaxRows(), 500);
    expect(sheet.getMaxRows()).toBe(1500);
    sheet.getRange(1500, 1).setValue("last");
    expect(sheet.getLastRow()).toBe(1500);
  });

  it("moves cells, merges and row metadata down when rows are inserted, and up when deleted", () => {
    const { sheet } = setup();
    sheet.getRange("A1:A3").setValues([["head"], ["x"], ["y"]]);
    sheet.getRange("B2:C2").merge();
    sheet.getRange("3:3").addDeveloperMetadata("row", "y");
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange("A1:A5").getValues().flat()).toEqual(["head", "", "", "x", "y"]);
    expect(
      sheet
        .getRange("A1:D10")
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(["B4:C4"]);
    const loc = sheet.createDeveloperMetadataFinder().withKey("row").find()[0]!.getLocation();
    expect(loc.getRow()!.getA1Notation()).toBe("5:5");
    sheet.deleteRows(2, 3);
    expect(sheet.getRange("A1:A2").getValues().flat()).toEqual(["head", "y"]);
    expect(sheet.getRange("A1:D10").getMergedRanges()).toEqual([]);
    expect(sheet.getMaxRows()).toBe(999);
  });

  it("appendRow writes after the last row and grows a full sheet", () => {
    const { sheet } = setup();
    sheet.getRange("A1000").setValue("end");
    sheet.appendRow(["more", 2]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange("A1001:B1001").getValues()).toEqual([["more", 2]]);
  });
});

describe("A1 notation", () => {
  it("parses cells, blocks, whole columns and rows, open ranges and quoted sheet names", () => {
    expect(parseA1("B2")).toEqual({ r1: 2, c1: 2, r2: 2, c2: 2 });
    expect(parseA1("$C$3:A1")).toEqual({ r1: 1, c1: 1, r2: 3, c2: 3 });
    expect(parseA1("A:C")).toEqual({ c1: 1, c2: 3 });
    expect(parseA1("2:5")).toEqual({ r1: 2, r2: 5 });
    expect(parseA1("A2:C")).toEqual({ r1: 2, c1: 1, c2: 3 });
    expect(parseA1("AA10")).toEqual({ r1: 10, c1: 27, r2: 10, c2: 27 });
    expect(parseA1("'It''s data'!A1:B2")).toEqual({
      sheet: "It's data",
      r1: 1,
      c1: 1,
      r2: 2,
      c2: 2,
    });
    expect(parseA1("Data!B:B")).toEqual({ sheet: "Data", c1: 2, c2: 2 });
    for (const bad of ["A0", "A", "3", "A1:B2:C3", "1A", "", "A1:"])
      expect(parseA1(bad), bad).toBeUndefined();
    expect(formatA1({ r1: 1, c1: 1, r2: 10, c2: 28 })).toBe("A1:AB10");
  });

  it("gives ranges from A1 the size and notation Sheets gives them", () => {
    const { ss, sheet } = setup();
    expect(sheet.getRange("A:B").getNumRows()).toBe(1000);
    expect(sheet.getRange("A:B").getA1Notation()).toBe("A:B");
    expect(sheet.getRange("2:3").getNumColumns()).toBe(26);
    expect(sheet.getRange("2:3").getA1Notation()).toBe("2:3");
    expect(sheet.getRange("B2:C").getA1Notation()).toBe("B2:C");
    expect(sheet.getRange("B2:C").getNumRows()).toBe(999);
    const other = ss.insertSheet("My data");
    other.getRange("B2").setValue("here");
    expect(ss.getRange("'My data'!B2").getValue()).toBe("here");
    expect(ss.getRange("'My data'!B2").getSheet().getName()).toBe("My data");
    // Without a sheet name, Spreadsheet.getRange reads the active sheet (the new one).
    expect(ss.getRange("B2").getValue()).toBe("here");
    for (const bad of ["A0", "Nope!A1", "A1:B2:C3"])
      expect(() => ss.getRange(bad), bad).toThrow("Range not found");
  });
});

describe("sheets", () => {
  it("inserts after the active tab, activates it, and refuses a name already taken in any case", () => {
    const { ss } = setup();
    const a = ss.insertSheet("Alpha");
    ss.setActiveSheet(ss.getSheets()[0]!);
    ss.insertSheet("Beta");
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Sheet1", "Beta", "Alpha"]);
    expect(ss.getActiveSheet().getName()).toBe("Beta");
    expect(() => ss.insertSheet("alpha")).toThrow(
      'A sheet with the name "alpha" already exists. Please enter another name.',
    );
    expect(() => a.setName("BETA")).toThrow(/already exists/);
    expect(ss.insertSheet().getName()).toBe("Sheet4");
    expect(ss.insertSheet("First", 0).getIndex()).toBe(1);
  });

  it("names new tabs in the user's language", () => {
    const emu = createEmulator({ userLocale: "fr" });
    const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getSheets()[0]!.getName()).toBe("Feuille 1");
    expect(ss.insertSheet().getName()).toBe("Feuille 2");
  });

  it("deletes a tab, moves the active tab, and makes old handles fail loudly", () => {
    const { ss, sheet } = setup();
    const extra = ss.insertSheet("Extra");
    const cell = extra.getRange("A1");
    ss.deleteSheet(extra);
    expect(ss.getActiveSheet().getName()).toBe("Sheet1");
    expect(ss.getSheetByName("Extra")).toBeNull();
    expect(() => cell.getValue()).toThrow(/deleted/);
    expect(() => extra.getName()).toThrow(/deleted/);
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
  });

  it("keeps one Sheet object per tab", () => {
    const { ss } = setup();
    expect(ss.getSheetByName("Sheet1")).toBe(ss.getSheets()[0]);
    expect(ss.getRange("A1").getSheet()).toBe(ss.getActiveSheet());
  });

  it("clears contents and formats separately", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:B1");
    r.setValues([[1, 2]])
      .setBackground("#FF0000")
      .setNumberFormat("0.00");
    sheet.clearContents();
    expect(r.getValues()).toEqual([["", ""]]);
    expect(r.getBackground()).toBe("#ff0000");
    sheet.clear();
    expect(r.getBackground()).toBe("#ffffff");
    expect(r.getNumberFormat()).toBe("0.###############");
  });
});
