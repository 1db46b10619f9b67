/**
 * The wizard's endpoints on the emulator: what getWizardContext offers, what previewObjective
 * computes (against the custom functions on the same cells), what they refuse and how they say
 * it, how many reads they cost, and how the sidebar is opened.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../../../dev/paths.ts";
import type { PreviewRequest } from "../../../src/contract/wizard.ts";
import { civilDay, dayFromParts, isoDay, todayDay } from "../../../src/kpi/days.ts";
import { getKpi, KPIS } from "../../../src/kpi/registry/index.ts";
import { KPI_CONVERSION } from "../../../src/sheets/custom-functions.ts";
import { saveObjective } from "../../../src/sheets/objectives/endpoints.ts";
import { insertSampleData } from "../../../src/sheets/sample-data.ts";
import { describeTable, getWizardContext } from "../../../src/sheets/wizard/describe.ts";
import {
  checkRealism,
  previewFromValues,
  previewObjective,
} from "../../../src/sheets/wizard/endpoints.ts";
import {
  SIDEBAR_HTML_TAG,
  showNewObjective,
  showObjectives,
  sidebarPage,
} from "../../../src/sheets/wizard/sidebar.ts";
import { GA4_HEADERS } from "../../fixtures.ts";
import {
  type Emulator,
  ga4Table,
  installEmulator,
  sampleObjectives,
  writeSampleTab,
} from "../helpers.ts";

const TZ = "Europe/Paris";
let emu: Emulator;
let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

function start(userLocale = "en", locale = "en_US"): void {
  ({ emu, uninstall } = installEmulator({ userLocale, locale, timeZone: TZ }));
}

/** A GA4-style export: one row per day for `days` days ending yesterday. */
function writeGa4Tab(name: string, days: number): GoogleAppsScript.Spreadsheet.Sheet {
  const rows = ga4Table(todayDay(TZ) - 1, days, TZ);
  const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet(name);
  sheet.getRange(1, 1, rows.length, GA4_HEADERS.length).setValues(rows);
  return sheet;
}

function conversionRequest(sheet: string, extra: Partial<PreviewRequest> = {}): PreviewRequest {
  return {
    kpiId: "conversion",
    sourceSheet: sheet,
    dateColumn: "Date",
    inputs: { conversions: ["Conversions"], visitors: ["Visitors"] },
    frequency: "monthly",
    ...extra,
  };
}

describe("getWizardContext", () => {
  it("offers the sample tabs with their date columns, the active one by default", () => {
    start();
    insertSampleData();
    const ctx = getWizardContext();
    expect(ctx.lang).toBe("en");
    expect(ctx.today).toBe(isoDay(todayDay(TZ)));
    expect(ctx.timeZone).toBe(TZ);
    expect(ctx.defaultSheet).toBe("Sample data");
    const sample = ctx.sheets.find((s) => s.name === "Sample data");
    expect(sample?.dateColumns).toEqual(["Date"]);
    expect(sample?.headers).toContain("Single-page sessions");
    expect(sample?.rows).toBeGreaterThan(540);
    expect(sample?.suggestions.conversion).toEqual({
      conversions: { columns: ["Conversions"], confidence: "exact" },
      visitors: { columns: ["Visitors"], confidence: "exact" },
    });
    expect(sample?.suggestions.engagement?.interactions).toEqual({
      columns: ["Likes", "Comments", "Shares"],
      confidence: "exact",
    });
    const visits = ctx.sheets.find((s) => s.name !== "Sample data" && s.dateColumns.length > 0);
    expect(visits?.suggestions.unique_visitors?.visitor_ids?.columns).toEqual(["Visitor ID"]);
    // The empty first tab of a new spreadsheet is not a source.
    expect(ctx.sheets.map((s) => s.name)).not.toContain("Sheet1");
  });

  it("lists every KPI of the registry with its inputs, and no date inputs to map", () => {
    start();
    const ctx = getWizardContext();
    // The order itself is pinned by the registry's unit test.
    expect(ctx.kpis.map((k) => k.id)).toEqual(KPIS.map((k) => k.id));
    const conversion = ctx.kpis[0];
    expect(conversion?.name).toBe(getKpi("conversion").name.en);
    expect(conversion?.definition).toBe(getKpi("conversion").definition.en);
    expect(conversion?.formula).toBe(getKpi("conversion").formula.en);
    expect(conversion?.suggestedNames).toEqual({
      higher: "Raise conversion rate",
      lower: "Lower conversion rate",
    });
    expect(conversion?.phrase).toBe("the conversion rate");
    const bounce = ctx.kpis.find((k) => k.id === "bounce_rate");
    expect(bounce?.direction).toBe("lower");
    expect(bounce?.suggestedName).toBe("Lower bounce rate");
    const unique = ctx.kpis.find((k) => k.id === "unique_visitors");
    expect(unique?.inputs.map((i) => i.name)).toEqual(["visitor_ids"]);
    expect(ctx.kpis.find((k) => k.id === "roi")?.canBeNegative).toBe(true);
    expect(ctx.kpis.find((k) => k.id === "cpa")?.canBeNegative).toBe(false);
  });

  it("speaks French to a French user", () => {
    start("fr_FR", "fr_FR");
    insertSampleData();
    const ctx = getWizardContext();
    expect(ctx.lang).toBe("fr");
    expect(ctx.defaultSheet).toBe("Données d'exemple");
    const conversion = ctx.kpis.find((k) => k.id === "conversion");
    expect(conversion?.name).toBe("Taux de conversion");
    expect(conversion?.suggestedName).toBe("Augmenter le taux de conversion");
    expect(conversion?.phrase).toBe("le taux de conversion");
    expect(ctx.kpis.find((k) => k.id === "bounce_rate")?.suggestedName).toBe(
      "Réduire le taux de rebond",
    );
    expect(ctx.kpis.find((k) => k.id === "avg_visit_duration")?.phrase).toBe(
      "la durée moyenne des visites",
    );
    const sample = ctx.sheets.find((s) => s.name === "Données d'exemple");
    expect(sample?.suggestions.conversion?.visitors?.columns).toEqual(["Visiteurs"]);
  });

  it("maps a GA4 export, never proposing a rate column for a count", () => {
    start();
    writeGa4Tab("GA4 export", 60);
    const ctx = getWizardContext();
    expect(ctx.defaultSheet).toBe("GA4 export");
    const ga4 = ctx.sheets.find((s) => s.name === "GA4 export");
    // Sessions, which add up over a month, rather than daily users, which do not.
    expect(ga4?.suggestions.conversion).toEqual({
      conversions: { columns: ["Key events"], confidence: "exact" },
      visitors: { columns: ["Sessions"], confidence: "exact" },
    });
    // GA4's "Bounce rate" is a rate, not a count of single-page sessions: bounces are derived.
    expect(ga4?.suggestions.bounce_rate).toEqual({
      bounces: { columns: ["Sessions", "\u2212Engaged sessions"], confidence: "exact" },
      sessions: { columns: ["Sessions"], confidence: "exact" },
    });
    // An average is no duration to add up: not proposed, and named as what it is.
    expect(ga4?.suggestions.avg_visit_duration?.durations).toEqual({
      columns: [],
      confidence: "none",
    });
    expect(ga4?.concerns).toEqual({
      "Total users": "users",
      "Average engagement time": "average",
      "Bounce rate": "rate",
    });
    // Real GA4 metrics that only partly match an alias are proposed, flagged as unsure.
    expect(ga4?.suggestions.roas).toEqual({
      revenue: { columns: ["Item revenue"], confidence: "partial" },
      cost: { columns: ["Google Ads cost"], confidence: "partial" },
    });
    expect(ga4?.suggestions.ctr).toEqual({
      clicks: { columns: [], confidence: "none" },
      impressions: { columns: [], confidence: "none" },
    });
  });

  it("starts on the active tab even when it has no dates, and skips our own tabs", () => {
    start();
    writeSampleTab("Data", "en", todayDay(TZ) - 1);
    saveObjective(sampleObjectives("en", "Data")[0]);
    const notes = SpreadsheetApp.getActiveSpreadsheet().insertSheet("Notes");
    notes.getRange(1, 1, 3, 2).setValues([
      ["Topic", "Text"],
      ["a", "b"],
      ["c", "d"],
    ]);
    notes.activate();
    const ctx = getWizardContext();
    // The Measurable step says there that it has no date column; no other tab is picked instead.
    expect(ctx.defaultSheet).toBe("Notes");
    expect(ctx.activeProblem).toBeNull();
    expect(ctx.sheets.map((s) => s.name)).toEqual(["Data", "Notes"]);
    expect(ctx.sheets.find((s) => s.name === "Notes")?.dateColumns).toEqual([]);
  });

  it("says why when the active tab cannot be read, and starts on no tab", () => {
    start();
    writeSampleTab("Data", "en", todayDay(TZ) - 1);
    saveObjective(sampleObjectives("en", "Data")[0]);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.getSheetByName("Objectives")?.activate();
    let ctx = getWizardContext();
    expect(ctx.defaultSheet).toBeNull();
    expect(ctx.activeProblem).toBe(
      "“Objectives”, the tab you are on, is one KPI Pilot writes itself. Choose the tab of your data.",
    );
    // Title lines only: no header with data below it.
    const empty = ss.insertSheet("Draft");
    empty.getRange(1, 1).setValue("Campaign report");
    empty.activate();
    ctx = getWizardContext();
    expect(ctx.defaultSheet).toBeNull();
    expect(ctx.activeProblem).toMatch(/^“Draft”, the tab you are on, has no header row/);
  });

  it("reads each tab once, whatever its length", () => {
    start();
    writeSampleTab("Data", "en", todayDay(TZ) - 1);
    writeGa4Tab("GA4", 400);
    emu.calls.reset();
    getWizardContext();
    expect(emu.calls.counts()["Range.getValues"]).toBe(2);
  });

  it("tells text dates from text that is not a date", () => {
    const info = describeTable(
      "T",
      [
        ["When", "Day", "Label", "Visitors"],
        ["2027-01-04", new Date(Date.UTC(2027, 0, 4)), "x", 1],
        ["2027-01-05", new Date(Date.UTC(2027, 0, 5)), "2027", 2],
      ],
      3,
      { timeZone: TZ, locale: "en_US" },
    );
    // Both hold dates; "Day" is a date alias of the registry, so it comes first.
    expect(info?.dateColumns).toEqual(["Day", "When"]);
  });
});

describe("previewObjective", () => {
  it("agrees with KPI_CONVERSION on the same cells, and reads the tab once", () => {
    start();
    insertSampleData();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Sample data");
    if (!sheet) throw new Error("no sample tab");
    const values = sheet.getDataRange().getValues();
    const header = values[0] as string[];
    const col = (name: string) => values.slice(1).map((r) => [r[header.indexOf(name)]]);
    emu.calls.reset();
    const preview = previewObjective(conversionRequest("Sample data"));
    expect(emu.calls.counts()["Range.getValues"]).toBe(1);
    expect(preview.total).toBe(KPI_CONVERSION(col("Conversions"), col("Visitors")));
    expect(preview.rows).toBe(values.length - 1);

    // The baseline is the last complete month: the month before today's.
    const today = todayDay(TZ);
    const { year, month } = {
      year: Number(isoDay(today).slice(0, 4)),
      month: Number(isoDay(today).slice(5, 7)),
    };
    const thisMonth = dayFromParts(year, month, 1) as number;
    const lastMonth = dayFromParts(
      month === 1 ? year - 1 : year,
      month === 1 ? 12 : month - 1,
      1,
    ) as number;
    expect(preview.baseline?.start).toBe(isoDay(lastMonth));
    expect(preview.baseline?.end).toBe(isoDay(thisMonth - 1));
    expect(preview.baseline?.complete).toBe(true);
    const inMonth = values.slice(1).filter((r) => {
      const d = civilDay(r[0] as Date, TZ);
      return d >= lastMonth && d < thisMonth;
    });
    const pick = (name: string) => inMonth.map((r) => [r[header.indexOf(name)]]);
    expect(preview.baseline?.value).toBeCloseTo(
      KPI_CONVERSION(pick("Conversions"), pick("Visitors")) as number,
      14,
    );
    // The running month is the latest, and marked incomplete.
    expect(preview.current?.start).toBe(isoDay(thisMonth));
    expect(preview.current?.complete).toBe(false);
    expect(preview.recent).toHaveLength(12);
    expect(preview.lastDate).toBe(isoDay(today - 1));
  });

  it("returns the complete periods' values for the realism check", () => {
    start();
    insertSampleData();
    const monthly = previewObjective(conversionRequest("Sample data"));
    expect(monthly.history.length).toBeGreaterThanOrEqual(18);
    expect(monthly.history.at(-1)).toBe(monthly.baseline?.value);
    const weekly = previewObjective(conversionRequest("Sample data", { frequency: "weekly" }));
    // Capped: years of weekly data, no more.
    expect(weekly.history.length).toBeGreaterThan(70);
    expect(weekly.history.length).toBeLessThanOrEqual(120);
  });

  it("refuses what the client must not be trusted with, naming the field", () => {
    start();
    insertSampleData();
    const bad = (request: unknown) => () => previewObjective(request as PreviewRequest);
    expect(bad(null)).toThrow(/^The objective received is not an object/);
    expect(bad(conversionRequest("Sample data", { kpiId: "nps" }))).toThrow(
      /^KPI id: "nps" is not a KPI of KPI Pilot/,
    );
    expect(bad(conversionRequest("Gone"))).toThrow(
      /^Source tab: there is no tab named "Gone" in this spreadsheet/,
    );
    expect(bad(conversionRequest("Sample data", { dateColumn: "Day" }))).toThrow(
      /^Date column: row 1 of "Sample data" has no column headed "Day"/,
    );
    expect(
      bad(conversionRequest("Sample data", { inputs: { conversions: ["Conversions"] } })),
    ).toThrow(/^Input columns: the input "Visitors" of Conversion rate needs a column/);
    expect(
      bad(
        conversionRequest("Sample data", {
          inputs: { conversions: ["Conversions", "Revenue"], visitors: ["Visitors"] },
        }),
      ),
    ).toThrow(/^Input columns: the input "Conversions" takes a single column \(got 2\)/);
    expect(
      bad(
        conversionRequest("Sample data", {
          inputs: { conversions: ["Nope"], visitors: ["Visitors"] },
        }),
      ),
    ).toThrow(/^Input columns: row 1 of "Sample data" has no column headed "Nope"/);
    expect(
      bad(
        conversionRequest("Sample data", {
          inputs: { clicks: ["Clicks"], visitors: ["Visitors"] },
        }),
      ),
    ).toThrow(/^Input columns: Conversion rate has no input named "clicks"/);
    expect(bad(conversionRequest("Sample data", { frequency: "daily" as "weekly" }))).toThrow(
      /^Review frequency: must be one of weekly, monthly, quarterly/,
    );
  });

  it("bounds what it reads before reading: columns per input, repeats, text lengths", () => {
    start();
    insertSampleData();
    const reads = () => emu.calls.counts()["Range.getValues"] ?? 0;
    const before = reads();
    const engagement = (interactions: string[]) => () =>
      previewObjective({
        kpiId: "engagement",
        sourceSheet: "Sample data",
        dateColumn: "Date",
        inputs: { interactions, posts: ["Posts"] },
        frequency: "monthly",
      });
    // A client could send a million headers; each would cost a pass over the tab.
    expect(engagement(new Array<string>(1_000_000).fill("Likes"))).toThrow(
      /^Input columns: the input "Interactions" takes at most 10 columns/,
    );
    // The same column twice would count every like twice.
    expect(engagement(["Likes", "Comments", " Likes"])).toThrow(
      /^Input columns: the column "Likes" is given twice for the input "Interactions"/,
    );
    expect(engagement(["x".repeat(201)])).toThrow(
      /^Input columns: at most 200 characters \(this one has 201\)/,
    );
    expect(() =>
      previewObjective(conversionRequest("Sample data", { dateColumn: "D".repeat(100_000) })),
    ).toThrow(/^Date column: at most 200 characters \(this one has 100000\)/);
    expect(reads()).toBe(before);
    expect(engagement(["Likes", "Comments", "Shares"])().total).toBeGreaterThan(0);
  });

  it("says it in French to a French user", () => {
    start("fr", "fr_FR");
    insertSampleData();
    expect(() => previewObjective(conversionRequest("Disparu"))).toThrow(
      "Onglet source : aucun onglet ne s'appelle « Disparu » dans ce classeur.",
    );
  });

  it("passes on the engine's message for a bad cell, with its header and row", () => {
    start();
    writeSampleTab("Data", "en", todayDay(TZ) - 1);
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Data");
    const header = sheet?.getRange(1, 1, 1, 17).getValues()[0] as string[];
    sheet?.getRange(12, header.indexOf("Conversions") + 1).setValue("lots");
    expect(() => previewObjective(conversionRequest("Data"))).toThrow(/Conversions.*12.*lots/);
  });
});

describe("previewFromValues", () => {
  const ctx = { timeZone: "UTC", locale: "en_US" };
  const kpi = getKpi("ctr");
  // 1 Jan to 20 Feb 2027; 1 % CTR in January, 2 % in February.
  const values: unknown[][] = [["Date", "Clicks", "Impressions"]];
  for (let d = Date.UTC(2027, 0, 1); d <= Date.UTC(2027, 1, 20); d += 86_400_000) {
    values.push([new Date(d), new Date(d).getUTCMonth() === 0 ? 1 : 2, 100]);
  }
  const request = {
    kpi,
    dateColumn: "Date",
    inputs: { clicks: ["Clicks"], impressions: ["Impressions"] },
    frequency: "monthly" as const,
  };
  /** The preview of tab "T" as the add-on computes it on the given day. */
  const previewOn = (year: number, month: number, day: number) =>
    previewFromValues("en", request, "T", values, ctx, dayFromParts(year, month, day) as number);

  it("takes the last complete period as the baseline, and marks the running one", () => {
    const p = previewOn(2027, 2, 21);
    expect(p.baseline).toEqual({
      start: "2027-01-01",
      end: "2027-01-31",
      value: 0.01,
      complete: true,
    });
    expect(p.current).toEqual({
      start: "2027-02-01",
      end: "2027-02-28",
      value: 0.02,
      complete: false,
    });
    expect(p.total).toBeCloseTo((31 + 40) / (51 * 100), 14);
    expect(p.firstDate).toBe("2027-01-01");
    expect(p.lastDate).toBe("2027-02-20");
    expect(p.history).toEqual([0.01]);
  });

  it("counts a period complete only once the data covers it, as the dashboard does", () => {
    // The data stops on 20 February: on 1 March, February is still a partial month.
    const p = previewOn(2027, 3, 1);
    expect(p.baseline?.start).toBe("2027-01-01");
    expect(p.current).toMatchObject({ start: "2027-02-01", complete: false });
  });

  it("has no baseline before a first period has ended", () => {
    const p = previewOn(2027, 1, 15);
    expect(p.baseline).toBeNull();
    expect(p.history).toEqual([]);
  });
});

describe("checkRealism", () => {
  const request = {
    values: [0.02, 0.021, 0.025, 0.024],
    baseline: 0.024,
    target: 0.03,
    startDate: "2027-01-15",
    deadline: "2027-03-31",
    frequency: "monthly" as const,
    direction: "higher" as const,
    kpiId: "conversion",
  };

  it("counts the review periods from the start to the deadline, and reads no sheet", () => {
    start();
    emu.calls.reset();
    // January, February and March: three monthly reviews.
    expect(checkRealism(request)).toEqual({
      requiredPerPeriod: expect.closeTo(0.002, 14),
      bestSeen: expect.closeTo(0.004, 14),
      realistic: true,
      periods: 3,
    });
    expect(checkRealism({ ...request, target: 0.04 }).realistic).toBe(false);
    expect(checkRealism({ ...request, frequency: "weekly" }).periods).toBe(12);
    expect(checkRealism({ ...request, frequency: "quarterly" }).periods).toBe(1);
    expect(emu.calls.spreadsheetTotal()).toBe(0);
  });

  it("refuses what the client must not be trusted with, naming the field", () => {
    start();
    const bad = (patch: Record<string, unknown>) => () =>
      checkRealism({ ...request, ...patch } as typeof request);
    expect(bad({ target: Number.NaN })).toThrow(/^Target: must be a number \(got NaN\)/);
    expect(bad({ baseline: "2%" })).toThrow(/^Baseline: must be a number \(got "2%"\)/);
    expect(bad({ values: [0.1, null] })).toThrow(/^Data history: expected at most 120 numbers/);
    expect(bad({ values: new Array(121).fill(0.1) })).toThrow(/^Data history/);
    expect(bad({ deadline: "2027-01-15" })).toThrow(
      /^Deadline: must be after the start date \(15 January 2027\)/,
    );
    expect(bad({ deadline: "30/06/2027" })).toThrow(
      /^Deadline: "30\/06\/2027" is not a date written YYYY-MM-DD/,
    );
    expect(bad({ direction: "up" })).toThrow(/^Direction: must be one of higher, lower/);
    expect(bad({ frequency: "daily" })).toThrow(/^Review frequency: must be one of/);
    expect(() => checkRealism(null as unknown as typeof request)).toThrow(
      /^The objective received is not an object/,
    );
  });
});

describe("the sidebar", () => {
  const page = `<!doctype html>${SIDEBAR_HTML_TAG}<head></head><body>KPI Pilot</body></html>`;

  it("opens 300 px wide on the wizard, titled in the user's language", () => {
    ({ emu, uninstall } = installEmulator({ userLocale: "en", htmlFiles: { Sidebar: page } }));
    showNewObjective();
    expect(emu.ui.sidebars).toHaveLength(1);
    const sidebar = emu.ui.sidebars[0];
    expect(sidebar?.title).toBe("New objective");
    expect(sidebar?.width).toBe(300);
    expect(sidebar?.html).toContain('<html lang="en" data-view="new">');
  });

  it("opens on the list for Objectives…, in French for a French user", () => {
    ({ emu, uninstall } = installEmulator({ userLocale: "fr_CA", htmlFiles: { Sidebar: page } }));
    showObjectives();
    const sidebar = emu.ui.sidebars[0];
    expect(sidebar?.title).toBe("Objectifs");
    expect(sidebar?.html).toContain('<html lang="fr" data-view="list">');
    expect(sidebar?.html).not.toContain(SIDEBAR_HTML_TAG);
  });

  it("matches the <html> tag of sidebar/index.html, and says so when a build lacks it", () => {
    const source = readFileSync(join(ROOT, "sidebar", "index.html"), "utf8");
    expect(source).toContain(SIDEBAR_HTML_TAG);
    expect(() => sidebarPage("<html><body></body></html>", "new", "en")).toThrow(
      /sidebar page is missing/,
    );
  });
});
