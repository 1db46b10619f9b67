/** Snapshot → JSON → load → the same snapshot, and a loaded workbook that works. */
import { describe, expect, it } from "vitest";
import {
  createEmulator,
  type Emulator,
  type WorkbookSnapshot,
} from "../../../dev/emulator/index.ts";

/** A workbook that uses every part of the state a snapshot must carry. */
function richWorkbook(emu: Emulator): void {
  const { SpreadsheetApp: app, Charts, PropertiesService } = emu.globals;
  const ss = app.getActiveSpreadsheet();
  const data = ss.insertSheet("Données 'brutes'");
  data.getRange("A1:D3").setValues([
    ["Date", "Visitors", "Rate", "Note"],
    [new Date("2026-03-29T00:00:00+01:00"), 1200, 0.0213, "'=not a formula"],
    [new Date("2026-03-30T00:00:00+02:00"), 1350, 0.025, true],
  ]);
  data.getRange("E2").setFormula("=B2*C2");
  data.getRange("A2:A3").setNumberFormat("yyyy-mm-dd");
  data.getRange("C2:C3").setNumberFormat("0.00%");
  data
    .getRange("A1:D1")
    .setFontWeight("bold")
    .setBackground("#E8F0FE")
    .setHorizontalAlignment("center")
    .setFontColor("#202124");
  data
    .getRange("D2")
    .setNote("from the CRM")
    .setWrap(true)
    .setFontSize(9)
    .setFontStyle("italic")
    .setVerticalAlignment("top");
  data.setFrozenRows(1);
  data.setFrozenColumns(1);
  data.setColumnWidth(1, 120);
  data.setRowHeights(1, 1, 30);
  data.setTabColor("#34A853");
  data.setHiddenGridlines(true);
  data.getRange("F1:G1").merge();
  data.protect().setDescription("Raw data").setWarningOnly(true);
  data.getRange("1:1").protect().setDescription("Header");
  data
    .getRange("D2:D3")
    .setDataValidation(
      app.newDataValidation().requireDateAfter(new Date("2020-01-01T00:00:00Z")).build(),
    );
  data
    .getRange("B2:B3")
    .setDataValidation(
      app
        .newDataValidation()
        .requireValueInList(["1200", "1350"], false)
        .setAllowInvalid(false)
        .build(),
    );
  data.setConditionalFormatRules([
    app
      .newConditionalFormatRule()
      .whenNumberLessThan(0.022)
      .setBackground("#FCE8E6")
      .setRanges([data.getRange("C2:C3")])
      .build(),
  ]);
  data.addDeveloperMetadata("kpi.source", "daily");
  data.getRange("2:2").addDeveloperMetadata("row.first");
  data
    .getRange("C:C")
    .addDeveloperMetadata("col.rate", "rate", app.DeveloperMetadataVisibility.PROJECT);
  ss.addDeveloperMetadata("kpi.version", "1");
  const dash = ss.insertSheet("Dashboard");
  dash.insertChart(
    dash
      .newChart()
      .setChartType(Charts.ChartType.LINE)
      .addRange(data.getRange("A1:A3"))
      .addRange(data.getRange("C1:C3"))
      .setPosition(3, 2, 5, 6)
      .setOption("title", "Rate")
      .setOption("hAxis", { format: "d MMM", minValue: new Date("2026-03-01T00:00:00Z") })
      .setOption("series", { 0: { color: "#1a73e8" } })
      .build(),
  );
  ss.insertSheet("Hidden").hideSheet();
  dash.activate();
  PropertiesService.getDocumentProperties().setProperty("objectives.version", "3");
  PropertiesService.getUserProperties().setProperty("wizard.step", "2");
}

describe("snapshot and load", () => {
  it("round-trips through JSON to an identical snapshot", () => {
    const a = createEmulator({ timeZone: "America/New_York", locale: "fr_FR" });
    richWorkbook(a);
    const snap = a.snapshot();
    const text = JSON.stringify(snap);
    const b = createEmulator();
    b.load(JSON.parse(text) as WorkbookSnapshot);
    expect(b.snapshot()).toEqual(snap);
    expect(JSON.stringify(b.snapshot())).toBe(text);
  });

  it("is plain JSON with Dates as $date, sheet names and A1 ranges", () => {
    const emu = createEmulator();
    richWorkbook(emu);
    const snap = emu.snapshot();
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    const data = snap.sheets.find((s) => s.name === "Données 'brutes'")!;
    expect(data.rows[1]![0]).toEqual({
      value: { $date: "2026-03-28T23:00:00.000Z" },
      numberFormat: "yyyy-mm-dd",
    });
    expect(data.rows[1]![3]).toMatchObject({
      value: "=not a formula",
      note: "from the CRM",
      wrap: true,
    });
    expect(data.rows[1]![4]).toEqual({ formula: "=B2*C2" });
    expect([data.frozenRows, data.frozenColumns, data.merges, data.columnWidths]).toEqual([
      1,
      1,
      ["F1:G1"],
      { 1: 120 },
    ]);
    expect(data.protections.map((p) => [p.type, p.range, p.description, p.warningOnly])).toEqual([
      ["SHEET", null, "Raw data", true],
      ["RANGE", "A1:Z1", "Header", false],
    ]);
    const chart = snap.sheets.find((s) => s.name === "Dashboard")!.charts[0]!;
    expect(chart).toMatchObject({
      type: "LINE",
      ranges: [
        { sheet: "Données 'brutes'", a1: "A1:A3" },
        { sheet: "Données 'brutes'", a1: "C1:C3" },
      ],
      anchor: { row: 3, column: 2, offsetX: 5, offsetY: 6 },
      options: {
        title: "Rate",
        hAxis: { format: "d MMM", minValue: { $date: "2026-03-01T00:00:00.000Z" } },
      },
    });
    expect(snap.activeSheet).toBe("Dashboard");
    expect(snap.developerMetadata.map((m) => m.location)).toEqual([
      { type: "SHEET", sheet: "Données 'brutes'" },
      { type: "ROW", sheet: "Données 'brutes'", start: 2, end: 2 },
      { type: "COLUMN", sheet: "Données 'brutes'", start: 3, end: 3 },
      { type: "SPREADSHEET" },
    ]);
    expect(snap.properties.document).toEqual({ "objectives.version": "3" });
  });

  it("gives the same snapshot for the same calls, on two emulators", () => {
    const a = createEmulator();
    const b = createEmulator();
    richWorkbook(a);
    richWorkbook(b);
    expect(JSON.stringify(a.snapshot())).toBe(JSON.stringify(b.snapshot()));
  });

  it("loads a workbook that the API then reads and extends without id clashes", () => {
    const a = createEmulator();
    richWorkbook(a);
    const b = createEmulator();
    b.load(JSON.parse(JSON.stringify(a.snapshot())) as WorkbookSnapshot);
    const { SpreadsheetApp: app, Charts, PropertiesService } = b.globals;
    const ss = app.getActiveSpreadsheet();
    expect(ss.getActiveSheet().getName()).toBe("Dashboard");
    const data = ss.getSheetByName("Données 'brutes'")!;
    const date = data.getRange("A2").getValue() as Date;
    expect(date).toBeInstanceOf(Date);
    expect(date.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(data.getRange("C2").getDisplayValue()).toBe("2.13%");
    expect(data.getRange("E2").getFormula()).toBe("=B2*C2");
    expect(() => data.getRange("B2").setValue(99)).toThrow(/violates the data validation rules/);
    expect(
      ss
        .createDeveloperMetadataFinder()
        .withKey("kpi.source")
        .find()[0]!
        .getLocation()
        .getSheet()!
        .getName(),
    ).toBe("Données 'brutes'");
    const dash = ss.getSheetByName("Dashboard")!;
    const chart = dash.getCharts()[0]!;
    expect((chart.getOptions().get("hAxis") as { minValue: Date }).minValue).toBeInstanceOf(Date);
    dash.insertChart(
      dash.newChart().setChartType(Charts.ChartType.PIE).addRange(data.getRange("B1:B3")).build(),
    );
    const ids = dash.getCharts().map((c) => c.getChartId());
    expect(new Set(ids).size).toBe(2);
    const newSheet = ss.insertSheet("New");
    expect(ss.getSheets().filter((s) => s.getSheetId() === newSheet.getSheetId())).toHaveLength(1);
    expect(PropertiesService.getUserProperties().getProperty("wizard.step")).toBe("2");
  });

  it("makes objects from before a load fail loudly, and refuses a foreign snapshot", () => {
    const emu = createEmulator();
    const before = emu.globals.SpreadsheetApp.getActiveSheet();
    emu.load(createEmulator().snapshot());
    expect(() => before.getRange("A1")).toThrow(/deleted/);
    expect(emu.globals.SpreadsheetApp.getActiveSheet().getName()).toBe("Sheet1");
    expect(() => emu.load({ format: "other" } as unknown as WorkbookSnapshot)).toThrow(
      /expected format/,
    );
  });
});
