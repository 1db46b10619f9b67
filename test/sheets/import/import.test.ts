/**
 * "Import an export…" on the emulator: a first export into a new tab, then next week's export of
 * the same report into that tab (days already there replaced, keyed by campaign; new days
 * appended; other rows, a column the user added and a formula untouched), and bad files refused
 * with the workbook unchanged.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { ImportRequest } from "../../../src/contract/import.ts";
import { civilDay, isoDay } from "../../../src/kpi/days.ts";
import {
  getImportContext,
  importExport,
  previewImport,
} from "../../../src/sheets/import/endpoints.ts";
import { exportText } from "../../fixtures/exports/facts.ts";
import { type Emulator, installEmulator } from "../helpers.ts";

const TZ = "Europe/Paris";
let emu: Emulator;
let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

function start(userLocale = "fr", locale = "fr_FR"): void {
  ({ emu, uninstall } = installEmulator({ userLocale, locale, timeZone: TZ }));
}

function request(file: string, target: string | null): ImportRequest {
  return { fileName: file, text: exportText(file), target };
}

function values(name: string): unknown[][] {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`no tab ${name}`);
  return sheet.getDataRange().getValues();
}

/** A tab's rows as "day | campaign | clicks", in tab order. */
function adsRows(name: string): string[] {
  return values(name)
    .slice(1)
    .map((r) => `${isoDay(civilDay(r[0] as Date, TZ))} | ${r[1]} | ${r[4]}`);
}

describe("importExport", () => {
  it("shows what it found before writing anything", () => {
    start();
    const before = JSON.stringify(emu.snapshot());
    const preview = previewImport(request("google-ads-fr.csv", null));
    expect(preview).toMatchObject({
      headerLine: 3,
      separator: ",",
      decimal: ",",
      dateFormat: "yyyy-mm-dd",
      dateColumn: "Jour",
      keyColumn: "Campagne",
      rows: 10,
      totals: 3,
      target: "google-ads-fr",
      newTab: true,
      added: 10,
      replaced: 0,
      kept: 0,
    });
    expect(preview.headers.slice(0, 2)).toEqual(["Jour", "Campagne"]);
    expect(JSON.stringify(emu.snapshot())).toBe(before);
  });

  it("writes a first export as a new tab: the table only, numbers and dates as such", () => {
    start();
    const result = importExport(request("google-ads-fr.csv", null));
    expect(result.message).toBe(
      "10 lignes ajoutées, 0 remplacées, 3 lignes de total exclues dans « google-ads-fr ».",
    );
    const v = values("google-ads-fr");
    expect(v).toHaveLength(11);
    expect(v[0]?.slice(0, 6)).toEqual([
      "Jour",
      "Campagne",
      "État de la campagne",
      "Code de devise",
      "Clics",
      "Impr.",
    ]);
    expect(isoDay(civilDay(v[1]?.[0] as Date, TZ))).toBe("2026-10-31");
    // « 5 000 » and « 0,40 % » are numbers; the summary rows are not in the tab.
    expect(v[1]?.slice(4, 7)).toEqual([20, 5000, 0.004]);
    expect(v.some((r) => String(r[0]).startsWith("Total"))).toBe(false);
    expect(getImportContext().sheets).toContain("google-ads-fr");
  });

  it("replaces the days already there, appends new days, and keeps everything else", () => {
    start();
    importExport(request("google-ads-fr.csv", null));
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("google-ads-fr");
    if (!sheet) throw new Error("no tab");
    // The user's own column, beside the table, and a formula in a row the import keeps.
    sheet.getRange(1, 12).setValue("Remarque");
    sheet.getRange(2, 12).setValue("vérifié");
    sheet.getRange(10, 5).setFormula("=1+1");
    const week2 = request("google-ads-fr-semaine2.csv", "google-ads-fr");
    expect(previewImport(week2)).toMatchObject({ added: 4, replaced: 4, kept: 6, totals: 3 });
    const result = importExport(week2);
    expect(result.message).toBe(
      "4 lignes ajoutées, 4 remplacées, 3 lignes de total exclues dans « google-ads-fr ».",
    );
    expect(adsRows("google-ads-fr")).toEqual([
      // 31 and 30 October: replaced in place, each campaign by its own row.
      "2026-10-31 | Search - Générique | 22",
      "2026-10-31 | Search - Marque | 124",
      "2026-10-30 | Search - Générique | 16",
      "2026-10-30 | Search - Marque | 117",
      // 27 to 29 October: not in this week's file, kept as they were.
      "2026-10-29 | Search - Générique | 18",
      "2026-10-29 | Search - Marque | 121",
      "2026-10-28 | Search - Générique | 19",
      "2026-10-28 | Search - Marque | 125",
      // (its clicks are the user's formula =1+1, kept as a formula)
      "2026-10-27 | Search - Générique | 2",
      "2026-10-27 | Search - Marque | 118",
      // 1 and 2 November: new days, appended in the file's order.
      "2026-11-02 | Search - Générique | 21",
      "2026-11-02 | Search - Marque | 130",
      "2026-11-01 | Search - Générique | 15",
      "2026-11-01 | Search - Marque | 112",
    ]);
    expect(sheet.getRange(2, 12).getValue()).toBe("vérifié");
    expect(sheet.getRange(10, 5).getFormula()).toBe("=1+1");
    // A second import of the same file changes nothing more: no duplicates.
    expect(previewImport(week2)).toMatchObject({ added: 0, replaced: 8, kept: 6 });
    importExport(week2);
    expect(adsRows("google-ads-fr")).toHaveLength(14);
  });

  it("refuses a bad file with a clear message, and the workbook does not change", () => {
    start("en", "en_US");
    importExport(request("google-ads-fr.csv", null));
    const before = JSON.stringify(emu.snapshot());
    const bad =
      (text: string, target: string | null = "google-ads-fr") =>
      () =>
        importExport({ fileName: "bad.csv", text, target });
    expect(bad("Day,Clicks\n2026-10-01,3\n2026-10-02,4,5,6\n")).toThrow(
      "Line 3 has 4 fields but the header has 2. Is the separator right, or is a value with a separator missing its quotes?",
    );
    expect(bad("PK\u0003\u0004\u0000\u0000binary")).toThrow(/This is not a text file/);
    expect(bad("x".repeat(10 * 1024 * 1024 + 1))).toThrow(/The file is over 10 MB/);
    expect(bad("Campaign,Clicks\nA,3\nB,4\n")).toThrow(/The file has no column of dates/);
    expect(bad(exportText("ga4-en.csv"))).toThrow(
      /^The tab "google-ads-fr" has no column "Date", "Sessions", .*nothing was written\.$/,
    );
    expect(bad(exportText("ga4-en.csv"), "Nope")).toThrow(/There is no tab named "Nope"/);
    expect(JSON.stringify(emu.snapshot())).toBe(before);
  });
});
