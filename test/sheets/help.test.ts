/**
 * Help on the emulator: the help tab in English and in French, its examples with the separators
 * of the spreadsheet's locale, and nothing of the user's overwritten.
 */
import { afterEach, describe, expect, it } from "vitest";
import { fieldLabel, OBJECTIVE_FIELDS } from "../../src/contract/rules/objective-rules.ts";
import { CUSTOM_FUNCTIONS } from "../../src/kpi/functions/index.ts";
import { showHelpDialog } from "../../src/sheets/menu.ts";
import { HELP_KEY, ownSheetIds } from "../../src/sheets/workbook/tabs.ts";
import { type Emulator, installEmulator, taggedSheet } from "./helpers.ts";

let emu: Emulator;
let uninstall: () => void = () => {};
afterEach(() => uninstall());

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The help tab's function rows: name, computes, example, result. */
function functionRows(sheet: Sheet): string[][] {
  const values = sheet.getDataRange().getValues() as string[][];
  return values.filter((row) => /^KPI_[A-Z_]+\(/.test(String(row[0])));
}

describe("Help", () => {
  it("writes the help tab in English: every column of the Objectives tab, every function", () => {
    ({ emu, uninstall } = installEmulator({ userLocale: "en_US", locale: "en_US" }));
    emu.calls.reset();
    showHelpDialog();
    expect(emu.calls.counts()["Range.setValues"]).toBe(1);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = taggedSheet(HELP_KEY);
    expect(sheet.getName()).toBe("KPI Pilot help");
    expect(ss.getActiveSheet().getName()).toBe("KPI Pilot help");
    const text = sheet.getDataRange().getValues().flat().map(String);
    for (const field of OBJECTIVE_FIELDS) expect(text).toContain(fieldLabel(field, "en"));
    const rows = functionRows(sheet);
    expect(rows.map((r) => r[0]?.split("(")[0])).toEqual(CUSTOM_FUNCTIONS.map((s) => s.name));
    const ctr = rows.find((r) => r[0]?.startsWith("KPI_CTR("));
    expect(ctr?.[0]).toBe("KPI_CTR(clicks, impressions, [mode])");
    expect(ctr?.[2]).toMatch(/^=KPI_CTR\(\{.*\}, \{.*\}\)$/);
    // Examples are text, not formulas the tab would compute.
    expect(sheet.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
    expect(ownSheetIds(ss).has(sheet.getSheetId())).toBe(true);
  });

  it("writes it in French with ; between arguments and decimal commas", () => {
    ({ emu, uninstall } = installEmulator({ userLocale: "fr_FR", locale: "fr_FR" }));
    showHelpDialog();
    const sheet = taggedSheet(HELP_KEY);
    expect(sheet.getName()).toBe("Aide KPI Pilot");
    const text = sheet.getDataRange().getValues().flat().map(String);
    for (const field of OBJECTIVE_FIELDS) expect(text).toContain(fieldLabel(field, "fr"));
    expect(text).toContain("Fonction");
    const rows = functionRows(sheet);
    expect(rows).toHaveLength(CUSTOM_FUNCTIONS.length);
    expect(rows.find((r) => r[0]?.startsWith("KPI_CTR("))?.[0]).toBe(
      "KPI_CTR(clicks; impressions; [mode])",
    );
    for (const row of rows) {
      const example = row[2] ?? "";
      // No comma outside quoted text separates anything: decimals only.
      expect(example.replace(/"[^"]*"/g, "")).not.toMatch(/,\D/);
      expect(example.replace(/"[^"]*"/g, "")).not.toMatch(/\d\.\d/);
    }
    const examples = rows.map((r) => r[2] ?? "");
    expect(examples.some((e) => e.includes(";"))).toBe(true);
    expect(examples.some((e) => /\d,\d/.test(e))).toBe(true);
    expect(rows.map((r) => r[3]).some((r) => /^\d+,\d+$/.test(r ?? ""))).toBe(true);
  });

  it("never overwrites a tab of the user's, and rewrites its own in the reader's language", () => {
    ({ emu, uninstall } = installEmulator({ userLocale: "en_US", locale: "en_US" }));
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const mine = ss.insertSheet("KPI Pilot help");
    mine.getRange("A1:B2").setValues([
      ["my", "notes"],
      [1, 2],
    ]);
    showHelpDialog();
    expect(mine.getDataRange().getValues()).toEqual([
      ["my", "notes"],
      [1, 2],
    ]);
    const help = taggedSheet(HELP_KEY);
    expect(help.getName()).toBe("KPI Pilot help (2)");
    const rows = help.getLastRow();
    emu.setUserLocale("fr_FR");
    showHelpDialog();
    expect(taggedSheet(HELP_KEY).getSheetId()).toBe(help.getSheetId());
    expect(ss.getSheets()).toHaveLength(3);
    expect(help.getRange("A1").getValue()).toBe("Aide KPI Pilot");
    expect(help.getLastRow()).toBe(rows);
    expect(mine.getDataRange().getValues()).toEqual([
      ["my", "notes"],
      [1, 2],
    ]);
  });
});
