/**
 * What the add-on must never do to a user's own tabs and cells, on the emulator: a tab that only
 * shares our tab's name, a copy of our dashboard that outlived it, notes beside the Objectives
 * table.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDashboardAt } from "../../src/sheets/dashboard/build.ts";
import { saveObjective } from "../../src/sheets/objectives/endpoints.ts";
import { insertSampleData } from "../../src/sheets/sample-data.ts";
import { listObjectives } from "../../src/sheets/status/endpoints.ts";
import { DASHBOARD_KEY, OBJECTIVES_KEY } from "../../src/sheets/workbook/tabs.ts";
import {
  installEmulator,
  NOW,
  OBJECTIVES_HEADER_EN,
  sampleObjectives,
  taggedSheet,
  writeSampleTab,
} from "./helpers.ts";

const END = Math.round(Date.UTC(2027, 5, 10) / 86_400_000);

let uninstall: () => void;

beforeEach(() => {
  ({ uninstall } = installEmulator({ userLocale: "en_US" }));
  writeSampleTab("Sample data", "en", END);
});
afterEach(() => uninstall());

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A user's own tab with a few cells, and a way to read it back whole. */
function userTab(name: string): { sheet: Sheet; content: () => string } {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet(name);
  sheet.getRange(1, 1, 2, 2).setValues([
    ["Mine", "Keep"],
    ["do not", "touch"],
  ]);
  const content = () => {
    const r = sheet.getDataRange();
    return JSON.stringify([
      sheet.getName(),
      r.getValues(),
      r.getNumberFormats(),
      sheet.getCharts(),
    ]);
  };
  return { sheet, content };
}

describe("a user's tab named like ours, in another case", () => {
  it("is left alone by the dashboard, which takes a free name", () => {
    const mine = userTab("kpi dashboard");
    const before = mine.content();
    saveObjective(sampleObjectives("en", "Sample data")[0]);
    buildDashboardAt(NOW);
    expect(taggedSheet(DASHBOARD_KEY).getName()).toBe("KPI dashboard (2)");
    expect(mine.content()).toBe(before);
  });

  it("is left alone by the Objectives store and by the sample data", () => {
    const objectives = userTab("OBJECTIVES");
    const sample = userTab("sample data (2)");
    const before = [objectives.content(), sample.content()];
    saveObjective(sampleObjectives("en", "Sample data")[0]);
    expect(taggedSheet(OBJECTIVES_KEY).getName()).toBe("Objectives (2)");
    insertSampleData();
    const names = SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .map((s) => s.getName());
    expect(names).toContain("Sample data (3)");
    expect([objectives.content(), sample.content()]).toEqual(before);
  });
});

describe("a copy of the dashboard", () => {
  it("is not cleared by a rebuild once the original is gone", () => {
    saveObjective(sampleObjectives("en", "Sample data")[0]);
    buildDashboardAt(NOW);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const original = taggedSheet(DASHBOARD_KEY);
    // What a duplicated tab looks like: the same tag, whose value names the original's id.
    const copy = userTab("May report");
    copy.sheet.addDeveloperMetadata(DASHBOARD_KEY, String(original.getSheetId()));
    ss.deleteSheet(original);
    const before = copy.content();
    buildDashboardAt(NOW);
    expect(copy.content()).toBe(before);
    const rebuilt = taggedSheet(DASHBOARD_KEY);
    expect(rebuilt.getSheetId()).not.toBe(copy.sheet.getSheetId());
    expect(rebuilt.getName()).toBe("KPI dashboard");
    expect(rebuilt.getCharts()).toHaveLength(1);
    // And the next build finds the new original, not the copy.
    buildDashboardAt(NOW);
    expect(taggedSheet(DASHBOARD_KEY).getSheetId()).toBe(rebuilt.getSheetId());
    expect(copy.content()).toBe(before);
  });
});

describe("the team's own columns beside the Objectives table", () => {
  it("are neither read as broken objectives nor overwritten", () => {
    const saved = sampleObjectives("en", "Sample data")
      .slice(0, 2)
      .map((o) => saveObjective(o));
    const sheet = taggedSheet(OBJECTIVES_KEY);
    const notes = OBJECTIVES_HEADER_EN.length + 2;
    sheet
      .getRange(1, notes, 5, 1)
      .setValues([["Team notes"], ["ok"], ["ok"], ["ask Ana"], ["later"]]);
    const list = listObjectives();
    expect(list.problems).toEqual([]);
    expect(list.objectives.map((o) => o.id)).toEqual(saved.map((o) => o.id));
    const third = saveObjective({ ...sampleObjectives("en", "Sample data")[2], name: "Third" });
    expect(sheet.getRange(1, notes, 6, 1).getValues().flat()).toEqual([
      "Team notes",
      "ok",
      "ok",
      "ask Ana",
      "later",
      "",
    ]);
    expect(sheet.getRange(6, 1).getValue()).toBe(third.id);
  });
});
