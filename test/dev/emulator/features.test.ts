/** Merges, frozen rows, protections, validation, conditional formats, metadata and charts. */
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../../dev/emulator/index.ts";

function setup() {
  const emu = createEmulator();
  const app = emu.globals.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0]!;
  return { emu, app, ss, sheet, Charts: emu.globals.Charts };
}

describe("merges and frozen rows", () => {
  it("merges keeping the top-left value, lists merges, and refuses partial overlaps", () => {
    const { sheet } = setup();
    sheet.getRange("A1:C1").setValues([["Title", "b", "c"]]);
    sheet.getRange("A1:C1").merge();
    expect(sheet.getRange("A1:C1").getValues()).toEqual([["Title", "", ""]]);
    expect(sheet.getRange("B1").isPartOfMerge()).toBe(true);
    expect(
      sheet
        .getRange("A1:Z5")
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(["A1:C1"]);
    expect(() => sheet.getRange("B1:D1").merge()).toThrow(
      "You must select all cells in a merged range to merge or unmerge them.",
    );
    expect(() => sheet.getRange("B1").breakApart()).toThrow(/select all cells in a merged range/);
    sheet.getRange("A1:D1").merge();
    expect(
      sheet
        .getRange("A1:Z5")
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(["A1:D1"]);
    sheet.getRange("A1:D1").breakApart();
    expect(sheet.getRange("A1:Z5").getMergedRanges()).toEqual([]);
    sheet.getRange("A3:B4").mergeAcross();
    expect(
      sheet
        .getRange("A1:Z5")
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(["A3:B3", "A4:B4"]);
  });

  it("freezes rows and columns, and refuses to cut a merge", () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    sheet.getRange("A3:A4").merge();
    expect(() => sheet.setFrozenRows(3)).toThrow(
      /freeze rows that contain only part of a merged cell/,
    );
    expect(() => sheet.getRange("A1:A2").merge()).toThrow(/merge frozen and non-frozen rows/);
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getFrozenRows()).toBe(3);
    expect(() => sheet.setFrozenRows(sheet.getMaxRows())).toThrow(/can't freeze all visible rows/);
  });
});

describe("protections", () => {
  it("protects a sheet once, with a description and a warning only", () => {
    const { app, ss, sheet } = setup();
    const p = sheet.protect().setDescription("Header row").setWarningOnly(true);
    expect(p.getProtectionType()).toBe(app.ProtectionType.SHEET);
    expect(sheet.protect().getDescription()).toBe("Header row");
    const found = sheet.getProtections(app.ProtectionType.SHEET);
    expect(found).toHaveLength(1);
    expect(found[0]!.isWarningOnly()).toBe(true);
    expect(found[0]!.getRange().getA1Notation()).toBe("A1:Z1000");
    expect(ss.getProtections(app.ProtectionType.RANGE)).toEqual([]);
    found[0]!.remove();
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toEqual([]);
    expect(() => p.getDescription()).toThrow(/removed/);
  });

  it("protects ranges, each on its own, and moves them with inserted rows", () => {
    const { app, sheet } = setup();
    sheet.getRange("1:1").protect().setDescription("headers").setWarningOnly(true);
    sheet.getRange("B5:C6").protect();
    const ranges = sheet.getProtections(app.ProtectionType.RANGE);
    expect(ranges.map((p) => p.getRange().getA1Notation())).toEqual(["A1:Z1", "B5:C6"]);
    sheet.insertRowsAfter(2, 3);
    expect(
      sheet.getProtections(app.ProtectionType.RANGE).map((p) => p.getRange().getA1Notation()),
    ).toEqual(["A1:Z1", "B8:C9"]);
    const editors = ranges[0]!.getEditors().map((u) => u.getEmail());
    expect(editors).toEqual(["marketer@example.com"]);
  });
});

describe("data validation", () => {
  it("stores a rule per cell and rejects a violating write when invalid data is not allowed", () => {
    const { app, sheet } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(["weekly", "monthly"])
      .setAllowInvalid(false)
      .setHelpText("Pick one")
      .build();
    const r = sheet.getRange("C2:C4");
    r.setDataValidation(rule);
    const back = r.getDataValidations();
    expect(back).toHaveLength(3);
    expect(back[0]![0]!.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(back[0]![0]!.getCriteriaValues()).toEqual([["weekly", "monthly"], true]);
    expect(back[2]![0]!.getHelpText()).toBe("Pick one");
    r.setValues([["weekly"], ["monthly"], [""]]);
    expect(() => sheet.getRange("C3").setValue("daily")).toThrow(
      "The data you entered in cell C3 violates the data validation rules set on this cell.",
    );
    expect(sheet.getRange("C3").getValue()).toBe("monthly");
    // A warning-only rule lets the value in.
    sheet.getRange("D2").setDataValidation(app.newDataValidation().requireDate().build());
    sheet.getRange("D2").setValue("not a date");
    expect(sheet.getRange("D2").getValue()).toBe("not a date");
    expect(sheet.getRange("D2").getDataValidation()!.getAllowInvalid()).toBe(true);
    r.setDataValidation(null);
    expect(sheet.getRange("C2").getDataValidation()).toBeNull();
  });
});

describe("conditional format rules", () => {
  it("builds, sets and reads back rules", () => {
    const { app, sheet } = setup();
    const range = sheet.getRange("F2:F20");
    const atRisk = app
      .newConditionalFormatRule()
      .whenTextEqualTo("At risk")
      .setBackground("#FCE8E6")
      .setFontColor("#C5221F")
      .setRanges([range])
      .build();
    const formula = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied("=$G2<0")
      .setBold(true)
      .setRanges([range])
      .build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), atRisk, formula]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(2);
    const c = rules[0]!.getBooleanCondition()!;
    expect(c.getCriteriaType()).toBe(app.BooleanCriteria.TEXT_EQUAL_TO);
    expect(c.getCriteriaValues()).toEqual(["At risk"]);
    expect([c.getBackground(), c.getFontColor(), c.getBold()]).toEqual([
      "#fce8e6",
      "#c5221f",
      null,
    ]);
    expect(rules[1]!.getBooleanCondition()!.getCriteriaValues()).toEqual(["=$G2<0"]);
    expect(rules[1]!.getRanges().map((r) => r.getA1Notation())).toEqual(["F2:F20"]);
    const other = app.getActiveSpreadsheet().insertSheet("Other");
    expect(() => other.setConditionalFormatRules([atRisk])).toThrow(/on the sheet it is set on/);
    expect(() =>
      app.newConditionalFormatRule().setBackground("#fff").setRanges([range]).build(),
    ).toThrow(/needs a condition/);
  });
});

describe("developer metadata", () => {
  it("finds a tab by its metadata after the tab is renamed", () => {
    const { app, ss } = setup();
    const tab = ss.insertSheet("Objectives");
    tab.addDeveloperMetadata("kpi-pilot.objectives", "v1");
    ss.addDeveloperMetadata("kpi-pilot.version", "1", app.DeveloperMetadataVisibility.PROJECT);
    tab.setName("My goals");
    const found = ss.createDeveloperMetadataFinder().withKey("kpi-pilot.objectives").find();
    expect(found).toHaveLength(1);
    const m = found[0]!;
    expect([m.getKey(), m.getValue()]).toEqual(["kpi-pilot.objectives", "v1"]);
    expect(m.getVisibility()).toBe(app.DeveloperMetadataVisibility.DOCUMENT);
    expect(m.getLocation().getLocationType()).toBe(app.DeveloperMetadataLocationType.SHEET);
    expect(m.getLocation().getSheet()!.getName()).toBe("My goals");
    expect(m.getLocation().getSheet()).toBe(tab);
    expect(
      ss.createDeveloperMetadataFinder().withKey("kpi-pilot.objectives").withValue("v2").find(),
    ).toEqual([]);
    const sheetLevel = ss
      .createDeveloperMetadataFinder()
      .withLocationType(app.DeveloperMetadataLocationType.SPREADSHEET)
      .find();
    expect(sheetLevel.map((x) => [x.getKey(), x.getVisibility().toString()])).toEqual([
      ["kpi-pilot.version", "PROJECT"],
    ]);
    expect(tab.getDeveloperMetadata().map((x) => x.getKey())).toEqual(["kpi-pilot.objectives"]);
    expect(tab.createDeveloperMetadataFinder().find()).toHaveLength(1);
    m.remove();
    expect(ss.createDeveloperMetadataFinder().withKey("kpi-pilot.objectives").find()).toEqual([]);
  });

  it("drops a deleted tab's metadata and refuses metadata on a partial range", () => {
    const { ss } = setup();
    const tab = ss.insertSheet("Dash");
    tab.addDeveloperMetadata("kpi-pilot.dashboard");
    tab.getRange("B:B").addDeveloperMetadata("column", "b");
    expect(
      tab
        .getRange("B:B")
        .getDeveloperMetadata()
        .map((m) => m.getValue()),
    ).toEqual(["b"]);
    expect(() => tab.getRange("A1:B2").addDeveloperMetadata("nope")).toThrow(
      /entire row or column/,
    );
    ss.deleteSheet(tab);
    expect(ss.createDeveloperMetadataFinder().find()).toEqual([]);
  });
});

describe("charts", () => {
  it("goes through insert, get, update and remove, keeping its id", () => {
    const { sheet, Charts } = setup();
    sheet.getRange("A1:C4").setValues([
      ["Week", "Value", "Target"],
      [new Date("2026-01-05T00:00:00Z"), 0.02, 0.025],
      [new Date("2026-01-12T00:00:00Z"), 0.021, 0.025],
      [new Date("2026-01-19T00:00:00Z"), 0.023, 0.025],
    ]);
    const built = sheet
      .newChart()
      .setChartType(Charts.ChartType.LINE)
      .addRange(sheet.getRange("A1:C4"))
      .setPosition(6, 2, 10, 20)
      .setOption("title", "Conversion rate")
      .setOption("colors", ["#1a73e8", "#9aa0a6"])
      .setNumHeaders(1)
      .build();
    expect(built.getChartId()).toBeNull();
    sheet.insertChart(built);
    const [chart] = sheet.getCharts();
    expect(sheet.getCharts()).toHaveLength(1);
    const id = chart!.getChartId();
    expect(typeof id).toBe("number");
    expect(chart!.getRanges().map((r) => r.getA1Notation())).toEqual(["A1:C4"]);
    expect(chart!.getOptions().get("title")).toBe("Conversion rate");
    expect(chart!.getOptions().get("colors")).toEqual(["#1a73e8", "#9aa0a6"]);
    expect(chart!.getOptions().get("legend")).toBeNull();
    const info = chart!.getContainerInfo();
    expect([
      info.getAnchorRow(),
      info.getAnchorColumn(),
      info.getOffsetX(),
      info.getOffsetY(),
    ]).toEqual([6, 2, 10, 20]);
    expect(chart!.modify().getChartType()).toBe(Charts.ChartType.LINE);

    sheet.updateChart(
      chart!
        .modify()
        .setOption("title", "Updated")
        .clearRanges()
        .addRange(sheet.getRange("A1:B4"))
        .build(),
    );
    const [updated] = sheet.getCharts();
    expect(sheet.getCharts()).toHaveLength(1);
    expect(updated!.getChartId()).toBe(id);
    expect(updated!.getOptions().get("title")).toBe("Updated");
    expect(updated!.getRanges().map((r) => r.getA1Notation())).toEqual(["A1:B4"]);
    // The chart read before the update is a value: it did not change.
    expect(chart!.getOptions().get("title")).toBe("Conversion rate");

    expect(() => sheet.insertChart(updated!)).toThrow(
      /already in the spreadsheet; use updateChart/,
    );
    sheet.removeChart(updated!);
    expect(sheet.getCharts()).toEqual([]);
    expect(() => sheet.removeChart(updated!)).toThrow(/not on sheet/);
    expect(() => sheet.updateChart(built)).toThrow(/not on sheet/);
    expect(() => sheet.newChart().addRange(sheet.getRange("A1")).build()).toThrow(/setChartType/);
  });

  it("moves chart ranges and anchors with inserted rows", () => {
    const { sheet, Charts } = setup();
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.COLUMN)
        .addRange(sheet.getRange("A5:B9"))
        .setPosition(5, 4, 0, 0)
        .build(),
    );
    sheet.insertRowsBefore(1, 2);
    const chart = sheet.getCharts()[0]!;
    expect(chart.getRanges()[0]!.getA1Notation()).toBe("A7:B11");
    expect(chart.getContainerInfo().getAnchorRow()).toBe(7);
  });
});
