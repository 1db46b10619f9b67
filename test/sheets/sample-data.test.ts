/**
 * "Insert sample data" on the emulator, and the whole menu path on it with the real clock:
 * sample data up to yesterday, objectives for this year, dashboard.
 */
import { afterEach, describe, expect, it } from "vitest";
import { MONTHS_EN } from "../../dev/emulator/format-date.ts";
import { civilDay, dayParts, todayDay } from "../../src/kpi/days.ts";
import { buildDashboard } from "../../src/sheets/dashboard/build.ts";
import { saveObjective } from "../../src/sheets/objectives/endpoints.ts";
import { insertSampleData } from "../../src/sheets/sample-data.ts";
import { listObjectives } from "../../src/sheets/status/endpoints.ts";
import { type Emulator, installEmulator, sampleObjectives } from "./helpers.ts";

let emu: Emulator;
let uninstall: () => void = () => {};
afterEach(() => uninstall());

const TZ = "Pacific/Auckland";

describe("insertSampleData", () => {
  it("adds daily data up to yesterday in the spreadsheet's zone, and a tab of visits", () => {
    ({ emu, uninstall } = installEmulator({ userLocale: "en_US", timeZone: TZ }));
    emu.calls.reset();
    insertSampleData();
    expect(emu.calls.counts()["Range.setValues"]).toBe(2);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getSheets().map((s) => s.getName())).toEqual([
      "Sheet1",
      "Sample data",
      "Sample visits",
    ]);
    expect(ss.getActiveSheet().getName()).toBe("Sample data");
    const sheet = ss.getSheetByName("Sample data")!;
    expect(sheet.getFrozenRows()).toBe(1);
    const values = sheet.getDataRange().getValues();
    expect((values[0] as string[]).join(", ")).toBe(
      "Date, Visitors, Sessions, Single-page sessions, Total session duration (s), Conversions, Revenue, Ad cost, Impressions, Clicks, Emails sent, Bounced, Opens, Posts, Likes, Comments, Shares",
    );
    expect(
      sheet
        .getRange(1, 1, 1, 17)
        .getFontWeights()[0]
        ?.every((w) => w === "bold"),
    ).toBe(true);
    // Yesterday where the spreadsheet is, not where the machine (UTC) is.
    const last = values[values.length - 1]?.[0] as Date;
    expect(civilDay(last, TZ)).toBe(todayDay(TZ) - 1);
    const clock = new Intl.DateTimeFormat("en-GB", {
      timeZone: TZ,
      hour: "2-digit",
      minute: "2-digit",
    });
    expect(clock.format(last)).toBe("00:00");
    const first = civilDay(values[1]?.[0] as Date, TZ);
    expect(todayDay(TZ) - 1 - first).toBeGreaterThanOrEqual(547);
    expect(dayParts(first).day).toBe(1);
    expect(sheet.getRange(2, 1).getNumberFormat()).toBe("yyyy-mm-dd");
    expect(sheet.getRange(2, 7).getNumberFormat()).toBe("#,##0.00");
    const visits = ss.getSheetByName("Sample visits")!.getDataRange().getValues();
    expect(visits[0]).toEqual(["Visitor ID", "Date"]);
    expect(visits.length).toBeGreaterThan(5000);
    expect(emu.ui.toasts.at(-1)?.message).toMatch(
      /^\d+ days of sample data in "Sample data", \d+ visits in "Sample visits"\.$/,
    );
  });

  it("never overwrites a tab: a second insert gets new names, the first stays as it was", () => {
    ({ emu, uninstall } = installEmulator({ userLocale: "en_US" }));
    insertSampleData();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.getSheetByName("Sample data")!.getRange("B2").setValue(999_999);
    const before = JSON.stringify(ss.getSheetByName("Sample data")!.getDataRange().getValues());
    insertSampleData();
    expect(ss.getSheets().map((s) => s.getName())).toEqual([
      "Sheet1",
      "Sample data",
      "Sample visits",
      "Sample data (2)",
      "Sample visits (2)",
    ]);
    expect(JSON.stringify(ss.getSheetByName("Sample data")!.getDataRange().getValues())).toBe(
      before,
    );
    expect(ss.getActiveSheet().getName()).toBe("Sample data (2)");
  });

  it("writes French headers for a French user, matching the registry's aliases", () => {
    ({ emu, uninstall } = installEmulator({ userLocale: "fr_FR" }));
    insertSampleData();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const header = ss.getSheetByName("Données d'exemple")!.getRange(1, 1, 1, 17).getValues()[0];
    expect(header?.join(", ")).toBe(
      "Date, Visiteurs, Sessions, Sessions d'une page, Durée totale des sessions (s), Conversions, Chiffre d'affaires, Coût publicitaire, Impressions, Clics, E-mails envoyés, Rebonds, Ouvertures, Publications, J'aime, Commentaires, Partages",
    );
    expect(ss.getSheetByName("Visites d'exemple")!.getRange(1, 1, 1, 2).getValues()[0]).toEqual([
      "ID visiteur",
      "Date",
    ]);
  });
});

describe("the menu path with today's date", () => {
  it("builds a dashboard of this year's objectives on freshly inserted sample data", () => {
    ({ emu, uninstall } = installEmulator({ userLocale: "en_US" }));
    insertSampleData();
    const year = dayParts(todayDay("Europe/Paris")).year;
    for (const o of sampleObjectives("en", "Sample data")) {
      saveObjective({ ...o, startDate: `${year}-01-01`, deadline: `${year + 1}-06-30` });
    }
    buildDashboard();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const dashboard = ss.getActiveSheet();
    expect(dashboard.getName()).toBe("KPI dashboard");
    expect(ss.getSheets()[0]?.getName()).toBe("KPI dashboard");
    const yesterday = todayDay("Europe/Paris") - 1;
    const p = dayParts(yesterday);
    expect(dashboard.getRange(3, 1).getValue()).toBe(
      `Latest data: Sample data up to ${p.day} ${MONTHS_EN[p.month - 1]} ${p.year}.`,
    );
    expect(dashboard.getCharts()).toHaveLength(5);
    const list = listObjectives();
    expect(list.objectives).toHaveLength(5);
    for (const o of list.objectives) {
      expect(o.error).toBeUndefined();
      expect(o.status).toBeDefined();
    }
  });
});
