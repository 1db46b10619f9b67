/**
 * The dashboard tab, built on the emulator from the sample data and five objectives.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dayFromParts, dayToDate } from "../../../src/kpi/days.ts";
import { buildDashboard, buildDashboardAt } from "../../../src/sheets/dashboard/build.ts";
import { TABLE_COLUMNS } from "../../../src/sheets/dashboard/layout.ts";
import { saveObjective } from "../../../src/sheets/objectives/endpoints.ts";
import { DASHBOARD_KEY } from "../../../src/sheets/workbook/tabs.ts";
import {
  dumpSheet,
  type Emulator,
  holdLockAs,
  installEmulator,
  NOW,
  sampleObjectives,
  taggedSheet,
  writeSampleTab,
} from "../helpers.ts";

const END = dayFromParts(2027, 6, 10) as number;
const col = (name: (typeof TABLE_COLUMNS)[number]) => TABLE_COLUMNS.indexOf(name);
const FIRST_ROW = 8;

let emu: Emulator;
let uninstall: () => void;

const dashboard = () => taggedSheet(DASHBOARD_KEY);

/** The summary table's row of an objective, as displayed. */
function tableRow(name: string): string[] {
  const shown = dashboard().getDataRange().getDisplayValues();
  const row = shown.find((r, i) => i >= FIRST_ROW - 1 && r[0]?.startsWith(name));
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

function setUp(lang: "en" | "fr", timeZone = "Europe/Paris") {
  ({ emu, uninstall } = installEmulator({
    userLocale: lang === "fr" ? "fr_FR" : "en_US",
    locale: lang === "fr" ? "fr_FR" : "en_US",
    timeZone,
  }));
  const tab = lang === "fr" ? "Données d'exemple" : "Sample data";
  writeSampleTab(tab, lang, END);
  const other = SpreadsheetApp.getActiveSpreadsheet().insertSheet("Notes");
  other.getRange("A1:B2").setValues([
    ["Owner", "=1+1"],
    ["Claire", 42],
  ]);
  for (const o of sampleObjectives(lang, tab)) saveObjective(o);
}

describe("dashboard (English)", () => {
  beforeEach(() => setUp("en"));
  afterEach(() => uninstall());

  it("gives every formula cell a number format, never plain text, so Sheets evaluates it", () => {
    buildDashboardAt(NOW);
    const range = dashboard().getDataRange();
    const formulas = range.getFormulas();
    const formats = range.getNumberFormats();
    let count = 0;
    for (const [r, row] of formulas.entries()) {
      for (const [c, f] of row.entries()) {
        if (f === "") continue;
        count++;
        expect(formats[r]?.[c], `${f} at row ${r + 1}`).not.toBe("@");
      }
    }
    expect(count).toBeGreaterThanOrEqual(5);
  });

  it("writes the header, the summary table and a chart per objective", () => {
    buildDashboardAt(NOW);
    const sheet = dashboard();
    expect(sheet.getName()).toBe("KPI dashboard");
    expect(SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName()).toBe("KPI dashboard");
    const shown = sheet.getDataRange().getDisplayValues();
    expect(shown[0]?.[0]).toBe("KPI dashboard");
    expect(shown[1]?.[0]).toBe("As of 11 June 2027");
    expect(shown[2]?.[0]).toBe("Latest data: Sample data up to 10 June 2027.");
    // Every objective that needs attention is named, worst first (the sample's trends are flat
    // where the targets ask for growth, so four of five fall short of their targets).
    expect(shown[3]?.[0]).toBe(
      "1 of 5 objectives on track or achieved; 4 need attention. " +
        "Newsletter open rate off track: 20.8% against 25.0% by 31 December 2027; " +
        "Paid search CPA off track: $7.04 against $6.00 by 31 December 2027; " +
        "Website conversion rate at risk: 2.2% against 2.5% by 31 December 2027; " +
        "Bounce rate at risk: 46.9% against 44.0% by 31 December 2027.",
    );
    expect(shown[6]?.slice(0, 5)).toEqual(["Objective", "KPI", "Status", "Why", "Owner"]);
    const conv = tableRow("Website conversion rate · Website");
    expect(conv[col("kpi")]).toBe("Conversion rate");
    expect(conv[col("frequency")]).toBe("Monthly");
    expect(conv[col("period")]).toBe("May 2027");
    expect(conv[col("current")]).toMatch(/^\d\.\d%$/);
    expect(conv[col("change")]).toMatch(/^[+-]\d\.\d\u00a0pts?$|^0\.0\u00a0pts$/);
    // The same month a year before is the trend block's May 2026 row; the 4 months before,
    // a ratio of sums, lies within their values.
    const shownAll = sheet.getDataRange().getDisplayValues();
    const may2026 = shownAll.find((r, i) => i > FIRST_ROW + 5 && r[0] === "May 2026");
    expect(conv[col("yearAgo")]).toBe(may2026?.[1]);
    const before = ["Jan 2027", "Feb 2027", "Mar 2027", "Apr 2027"].map((p) =>
      Number.parseFloat(shownAll.find((r) => r[0] === p)?.[1] ?? "NaN"),
    );
    const recent = Number.parseFloat(conv[col("recent")] ?? "NaN");
    expect(recent).toBeGreaterThanOrEqual(Math.min(...before));
    expect(recent).toBeLessThanOrEqual(Math.max(...before));
    expect(conv[col("target")]).toBe("2.5%");
    expect(conv[col("progress")]).toMatch(/^-?\d+%$/);
    expect(conv[col("deadline")]).toBe("31 Dec 2027");
    expect(conv[col("note")]).toMatch(
      /^◐ Jun 2027 in progress: \d\.\d% so far \(10 of 30 days\)\.$/,
    );
    expect(sheet.getCharts()).toHaveLength(5);
    const formulas = sheet.getRange(FIRST_ROW, 1, 5, TABLE_COLUMNS.length).getFormulas();
    for (const f of formulas) {
      expect(f[col("bar")]).toMatch(/^=SPARKLINE\([A-Z]+\d+,\{"charttype","bar";"max",1;/);
      expect(f[col("sparkline")]).toMatch(/^=SPARKLINE\(B\d+:B\d+,\{"charttype","line"/);
    }
  });

  it("computes the current value as the KPI over the last complete period", () => {
    buildDashboardAt(NOW);
    // May 2027 by hand from the sample tab: Σconversions ÷ Σvisitors of the May rows.
    const values = SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName("Sample data")!
      .getDataRange()
      .getValues();
    const tz = "Europe/Paris";
    const from = dayToDate(dayFromParts(2027, 5, 1) as number, tz).getTime();
    const to = dayToDate(dayFromParts(2027, 6, 1) as number, tz).getTime();
    let conversions = 0;
    let visitors = 0;
    for (const r of values.slice(1)) {
      const t = (r[0] as Date).getTime();
      if (t >= from && t < to) {
        conversions += r[5] as number;
        visitors += r[1] as number;
      }
    }
    const row = dashboard()
      .getRange(FIRST_ROW, col("current") + 1)
      .getValue();
    expect(row).toBeCloseTo(conversions / visitors, 12);
  });

  it("gives the same tab on a second build, with no duplicated chart", () => {
    buildDashboard();
    const first = JSON.stringify(emu.snapshot());
    buildDashboard();
    expect(JSON.stringify(emu.snapshot())).toBe(first);
    expect(dashboard().getCharts()).toHaveLength(5);
  });

  it("leaves every other tab byte-identical", () => {
    const others = () => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      return ss
        .getSheets()
        .filter((s) => s.getName() !== "KPI dashboard")
        .map((s) => {
          const r = s.getDataRange();
          return JSON.stringify([
            s.getName(),
            s.getSheetId(),
            r.getValues(),
            r.getFormulas(),
            r.getNumberFormats(),
            r.getBackgrounds(),
            r.getFontWeights(),
            s.getFrozenRows(),
            s.getCharts().length,
          ]);
        });
    };
    const before = others();
    const snapshotBefore = emu.snapshot() as { sheets: { name: string }[] };
    buildDashboard();
    buildDashboard();
    expect(others()).toEqual(before);
    const snapshotAfter = emu.snapshot() as { sheets: { name: string }[] };
    const strip = (s: { sheets: { name: string }[] }) =>
      JSON.stringify(s.sheets.filter((sh) => sh.name !== "KPI dashboard"));
    expect(strip(snapshotAfter)).toBe(strip(snapshotBefore));
  });

  it("shows status in words and colours, respecting lower-is-better objectives", () => {
    buildDashboardAt(NOW);
    const sheet = dashboard();
    const shown = sheet.getRange(FIRST_ROW, 1, 5, TABLE_COLUMNS.length).getDisplayValues();
    const fills = sheet.getRange(FIRST_ROW, 1, 5, TABLE_COLUMNS.length).getBackgrounds();
    const colours = sheet.getRange(FIRST_ROW, 1, 5, TABLE_COLUMNS.length).getFontColors();
    const words: Record<string, string> = {
      Achieved: "#b7e1cd",
      "On track": "#d9ead3",
      "At risk": "#fce8b2",
      "Off track": "#f4c7c3",
      Missed: "#e6b8af",
      "Not started": "#e8f0fe",
    };
    shown.forEach((r, i) => {
      const status = r[col("status")] as string;
      expect(Object.keys(words)).toContain(status);
      expect(fills[i]?.[col("status")]).toBe(words[status]);
    });
    // Bounce rate (lower is better): a fall is progress, and its change shows in green.
    const bounce = shown[2] as string[];
    const values = sheet
      .getRange(FIRST_ROW + 2, 1, 1, TABLE_COLUMNS.length)
      .getValues()[0] as unknown[];
    const current = values[col("current")] as number;
    const progress = values[col("progress")] as number;
    expect(progress).toBeCloseTo((current - 0.49) / (0.44 - 0.49), 12);
    expect(bounce[col("kpi")]).toBe("Bounce rate");
    expect(values[col("change")]).toBeLessThan(0);
    expect(colours[2]?.[col("change")]).toBe("#188038");
    // Newsletter open rate (higher is better) rose a little: green too; its status is still bad.
    expect(colours[1]?.[col("change")]).toBe("#188038");
    // Paid search CPA: lower is better, money format, quarterly.
    const cpa = shown[3] as string[];
    expect(cpa[col("period")]).toBe("Q1 2027");
    expect(cpa[col("target")]).toBe("$6.00");
    const cpaValues = sheet
      .getRange(FIRST_ROW + 3, 1, 1, TABLE_COLUMNS.length)
      .getValues()[0] as unknown[];
    expect(cpaValues[col("change")]).toBeLessThan(0);
    expect(colours[3]?.[col("change")]).toBe("#188038");
    // 13% of the way with 24% of the time gone is behind pace, and the trend (6.40 by the
    // deadline, 80% range 6.14 to 6.67) does not reach 6.00: Off track.
    expect(cpa[col("status")]).toBe("Off track");
    expect(cpa[col("reason")]).toBe(
      "Behind pace (13% of the way, 24% of the time gone), and the trend points to $6.40 by 31 December 2027 (80% range $6.14 to $6.67; target $6.00): under 5% likely.",
    );
    expect(cpa[col("range")]).toBe("$6.14 to $6.67");
    expect(cpaValues[col("progress")]).toBeCloseTo(
      ((cpaValues[col("current")] as number) - 7.2) / (6 - 7.2),
      12,
    );
  });

  it("explains a missing column in that objective's row and builds the others", () => {
    const source = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Sample data")!;
    source.getRange(1, 13).setValue("Unique opens"); // "Opens" renamed after the objective was saved
    buildDashboardAt(NOW);
    const open = tableRow("Newsletter open rate");
    expect(open[col("status")]).toBe("Cannot compute");
    expect(open[col("current")]).toBe("—");
    expect(open[col("note")]).toBe(
      'Column "Opens" not found in row 1 of "Sample data": restore the header, or edit the objective.',
    );
    expect(tableRow("Website conversion rate")[col("current")]).toMatch(/%$/);
    expect(dashboard().getCharts()).toHaveLength(4);
    expect(dashboard().getRange(4, 1).getValue()).toBe(
      "1 of 5 objectives on track or achieved; 3 need attention; 1 could not be computed (Newsletter open rate). " +
        "Paid search CPA off track: $7.04 against $6.00 by 31 December 2027; " +
        "Website conversion rate at risk: 2.2% against 2.5% by 31 December 2027; " +
        "Bounce rate at risk: 46.9% against 44.0% by 31 December 2027.",
    );
  });

  it("names the Objectives rows it left out", () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const objectives = ss.getSheets().find((s) => s.getName() === "Objectives")!;
    objectives.getRange(3, 12).setValue("someday"); // row 3: deadline not a date
    buildDashboardAt(NOW);
    expect(dashboard().getRange(5, 1).getValue()).toBe(
      'Rows of the Objectives tab left out: row 3 (Deadline: "someday" is not a date written YYYY-MM-DD, such as 2027-03-31.).',
    );
    expect(dashboard().getCharts()).toHaveLength(4);
  });

  it("explains a missing source tab", () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.getSheetByName("Sample data")!.setName("Old data");
    buildDashboardAt(NOW);
    const row = tableRow("Paid search CPA");
    expect(row[col("note")]).toBe(
      'Tab "Sample data" not found: restore it, or edit the objective to use another tab.',
    );
    expect(dashboard().getRange(3, 1).getValue()).toBe("Latest data: Sample data tab not found.");
  });

  it("says what holds the lock when a build must wait, and writes nothing", () => {
    const before = JSON.stringify(emu.snapshot());
    for (const [task, message] of [
      ["build", "A dashboard build is running in this spreadsheet right now."],
      ["save", "Someone is saving an objective in this spreadsheet right now."],
      [undefined, "KPI Pilot is busy in this spreadsheet (another save or build)."],
    ] as const) {
      const release = holdLockAs(emu, task);
      buildDashboard();
      release();
      expect(emu.ui.toasts.at(-1)?.message).toContain(message);
    }
    expect(JSON.stringify(emu.snapshot())).toBe(before);
  });

  it("stores objective names that look like formulas as text on the dashboard too", () => {
    const o = sampleObjectives("en", "Sample data")[0]!;
    saveObjective({ ...o, name: '=IMPORTXML("https://evil.example")', channel: "" });
    buildDashboardAt(NOW);
    const sheet = dashboard();
    const formulas = sheet.getDataRange().getFormulas();
    expect(formulas.flat().filter((f) => f !== "" && !f.startsWith("=SPARKLINE"))).toEqual([]);
    expect(sheet.getRange(FIRST_ROW + 5, 1).getValue()).toBe('=IMPORTXML("https://evil.example")');
  });

  it("shows an empty dashboard with a way forward when there is no objective", () => {
    uninstall();
    ({ emu, uninstall } = installEmulator({ userLocale: "en_US" }));
    buildDashboard();
    expect(dumpSheet(dashboard())).toContain("No objectives yet.");
    expect(dashboard().getCharts()).toHaveLength(0);
  });

  it("wraps the summary across the first columns, tops the rows, titles charts with the channel and marks unusual periods", () => {
    buildDashboardAt(NOW);
    const sheet = dashboard();
    const merged = sheet.getRange(4, 1).getMergedRanges();
    expect(merged.map((r) => r.getA1Notation())).toEqual(["A4:D4"]);
    expect(sheet.getRange(4, 1).getWrap()).toBe(true);
    // 332 characters over 872 px at 7.5 px each (2,490 px): 3 lines of 18 px, plus 6.
    expect(sheet.getRange(4, 1).getDisplayValue()).toHaveLength(332);
    expect(sheet.getRowHeight(4)).toBe(60);
    expect(sheet.getRange(FIRST_ROW, 4).getVerticalAlignment()).toBe("top");
    expect(sheet.getCharts()[0]?.getOptions().get("title")).toBe(
      "Website conversion rate · Website: Conversion rate",
    );
    const shown = sheet.getDataRange().getDisplayValues();
    const block = shown.findIndex(
      (r) => r[0] === "Website conversion rate: Conversion rate, monthly",
    );
    expect(shown[block + 1]?.[4]).toBe("Unusual");
    const marked = shown
      .slice(block + 2, block + 22)
      .filter((r) => r[4] !== "")
      .map((r) => [r[0], r[4]]);
    // Black Friday week lifts November 2026 (November 2025 had too little history to be judged).
    expect(marked).toEqual([["Nov 2026", "▲ high"]]);
    const row = block + 2 + shown.slice(block + 2).findIndex((r) => r[0] === "Nov 2026");
    expect(sheet.getRange(row + 1, 5).getFontColor()).toBe("#188038");
  });
});

describe("dashboard (French)", () => {
  beforeEach(() => setUp("fr"));
  afterEach(() => uninstall());

  it("writes labels, status words, periods and dates in French", () => {
    buildDashboardAt(NOW);
    const sheet = dashboard();
    expect(sheet.getName()).toBe("Tableau de bord KPI");
    const shown = sheet.getDataRange().getDisplayValues();
    expect(shown[0]?.[0]).toBe("Tableau de bord KPI");
    expect(shown[1]?.[0]).toBe("Au 11 juin 2027");
    expect(shown[2]?.[0]).toBe("Dernières données : Données d'exemple jusqu'au 10 juin 2027.");
    expect(shown[3]?.[0]).toMatch(
      /^1 objectif sur 5 en bonne voie ou atteint ; 4 demandent de l'attention\. Newsletter open rate en retard : 20,8\u00a0% pour une cible de 25,0\u00a0% au 31 décembre 2027 ; /,
    );
    expect(shown[6]?.slice(0, 5)).toEqual(["Objectif", "KPI", "Statut", "Pourquoi", "Responsable"]);
    const conv = tableRow("Website conversion rate");
    expect(conv[col("kpi")]).toBe("Taux de conversion");
    expect(conv[col("frequency")]).toBe("Mensuelle");
    expect(conv[col("period")]).toBe("mai 2027");
    // One spacing rule for "%" in French, in cells as in sentences.
    expect(conv[col("current")]).toMatch(/^2,\d\u00a0%$/);
    expect(conv[col("progress")]).toBe("34\u00a0%");
    expect(tableRow("Paid search CPA")[col("change")]).toMatch(/^-5,8\u00a0%$/);
    expect(conv[col("deadline")]).toBe("31 déc. 2027");
    expect(conv[col("status")]).toBe("À risque");
    expect(conv[col("reason")]).toMatch(
      /^Dans le rythme \(34\u00a0% du chemin, 41\u00a0% du temps écoulé\), mais la tendance mène à 2,2\u00a0% au 31 décembre 2027 /,
    );
    expect(conv[col("note")]).toMatch(/^◐ Juin 2027 en cours : /);
    expect(tableRow("Paid search CPA")[col("period")]).toBe("T1 2027");
    // A week reads as a week, a change under 2 points in the singular.
    expect(tableRow("Social engagement")[col("period")]).toBe("sem. du 31 mai 2027");
    expect(tableRow("Newsletter open rate")[col("change")]).toMatch(/^[+-]?[01],\d\u00a0pt$/);
  });
});

describe("time zones", () => {
  afterEach(() => uninstall());

  it("buckets by the spreadsheet's calendar day (Europe/Paris) with the machine in UTC", () => {
    expect(new Date(2027, 0, 1).getTimezoneOffset()).toBe(0);
    ({ emu, uninstall } = installEmulator({ userLocale: "en_US", timeZone: "Europe/Paris" }));
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.insertSheet("Clicks");
    // Midnight in Paris is 22:00 or 23:00 UTC the day before: a UTC reading would move each
    // first-of-month row into the previous month. Rows around the March DST change included.
    const tz = "Europe/Paris";
    const rows: unknown[][] = [["Date", "Clicks", "Impressions"]];
    const add = (y: number, m: number, d: number, clicks: number, impressions: number) =>
      rows.push([dayToDate(dayFromParts(y, m, d) as number, tz), clicks, impressions]);
    add(2027, 2, 28, 10, 1000);
    add(2027, 3, 1, 50, 1000);
    add(2027, 3, 28, 30, 1000);
    add(2027, 3, 31, 30, 1000);
    add(2027, 4, 1, 80, 1000);
    add(2027, 4, 30, 20, 1000);
    add(2027, 5, 1, 90, 1000);
    add(2027, 5, 31, 10, 1000);
    add(2027, 6, 1, 5, 1000);
    sheet.getRange(1, 1, rows.length, 3).setValues(rows);
    saveObjective({
      name: "CTR",
      kpiId: "ctr",
      sourceSheet: "Clicks",
      dateColumn: "Date",
      inputs: { clicks: ["Clicks"], impressions: ["Impressions"] },
      direction: "higher",
      baseline: 0.02,
      target: 0.05,
      startDate: "2027-01-01",
      deadline: "2027-12-31",
      frequency: "monthly",
      owner: "Nora",
      businessGoal: "Better ads",
    });
    buildDashboardAt(NOW);
    const values = dashboard().getDataRange().getValues();
    const trendHeader = values.findIndex((r) => r[0] === "Period");
    const trend = values.slice(trendHeader + 1, trendHeader + 5).map((r) => [r[0], r[1]]);
    expect(trend).toEqual([
      ["Feb 2027", 0.01],
      ["Mar 2027", 110 / 3000],
      ["Apr 2027", 100 / 2000],
      ["May 2027", 100 / 2000],
    ]);
    expect(values[FIRST_ROW - 1]?.[col("period")]).toBe("May 2027");
    expect(values[2]?.[0]).toBe("Latest data: Clicks up to 1 June 2027.");
  });
});
