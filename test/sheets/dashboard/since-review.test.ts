/**
 * The dashboard's "since last review" column, fed by the history tab: the status's move when it
 * moved, else the change of the value (points for rates, % otherwise), "—" without an earlier
 * review; in English and French, built on the emulator.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Lang } from "../../../src/contract/i18n.ts";
import { STATUS_CODES, type StatusCode } from "../../../src/contract/objectives.ts";
import { dayFromParts, dayToDate, todayDay } from "../../../src/kpi/days.ts";
import { buildDashboardAt, readWorkbookHistory } from "../../../src/sheets/dashboard/build.ts";
import type { HistoryRow } from "../../../src/sheets/dashboard/history.ts";
import { TABLE_COLUMNS } from "../../../src/sheets/dashboard/layout.ts";
import { saveObjective } from "../../../src/sheets/objectives/endpoints.ts";
import { appendHistory } from "../../../src/sheets/review/history.ts";
import { generateSampleData } from "../../../src/sheets/sample-data.ts";
import type { ObjectiveEval } from "../../../src/sheets/status/evaluate.ts";
import { evaluateWorkbook, readWorkbook } from "../../../src/sheets/status/read.ts";
import { DASHBOARD_KEY } from "../../../src/sheets/workbook/tabs.ts";
import {
  type Emulator,
  installEmulator,
  NOW,
  runFirstMondayReview,
  sampleObjectives,
  taggedSheet,
  writeSampleTab,
} from "../helpers.ts";

const END = dayFromParts(2027, 6, 10) as number;
const col = (name: (typeof TABLE_COLUMNS)[number]) => TABLE_COLUMNS.indexOf(name);
const FIRST_ROW = 8;

let emu: Emulator;
let uninstall: () => void = () => {};
afterEach(() => uninstall());

function setUp(lang: Lang): ObjectiveEval[] {
  ({ emu, uninstall } = installEmulator({
    userLocale: lang === "fr" ? "fr_FR" : "en_US",
    locale: lang === "fr" ? "fr_FR" : "en_US",
  }));
  const tab = lang === "fr" ? "Données d'exemple" : "Sample data";
  writeSampleTab(tab, lang, END);
  for (const o of sampleObjectives(lang, tab)) saveObjective(o);
  return evaluateWorkbook(readWorkbook(SpreadsheetApp.getActiveSpreadsheet(), lang, NOW), lang);
}

/** The dashboard's table, as displayed, by objective name, and the font colours of the column. */
function shownTable(): { cells: Map<string, string>; colours: Map<string, string> } {
  const sheet = taggedSheet(DASHBOARD_KEY);
  const range = sheet.getRange(FIRST_ROW, 1, 5, TABLE_COLUMNS.length);
  const shown = range.getDisplayValues();
  const colours = range.getFontColors();
  const c = col("sinceReview");
  return {
    cells: new Map(shown.map((r) => [r[0] as string, r[c] as string])),
    colours: new Map(shown.map((r, i) => [r[0] as string, colours[i]?.[c] as string])),
  };
}

/** A history row for `e` as a review of `day` would have written it, with `value` and `status`. */
function reviewRow(
  e: ObjectiveEval,
  day: number,
  value: number | null,
  status: StatusCode | null,
): HistoryRow & { unit: ObjectiveEval["kpi"]["unit"] } {
  return {
    reviewDay: day,
    id: e.objective.id,
    name: e.objective.name,
    periodStart: e.current?.start ?? null,
    value,
    status,
    reason: "",
    forecast: null,
    forecastLow: null,
    forecastHigh: null,
    unit: e.kpi.unit,
  };
}

const byName = (evals: readonly ObjectiveEval[], name: string) =>
  evals.find((e) => e.objective.name === name) as ObjectiveEval;

/**
 * Two reviews: a week ago (the one compared with) and today (which must not be: the dashboard
 * compares with the latest review before today, as the review's own rebuild does). A week ago,
 * the conversion rate was 0.3 point lower, the CPA 10% lower, the bounce rate had another
 * status, and Social engagement was not reviewed.
 */
function writeReviews(evals: readonly ObjectiveEval[], lang: Lang): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const today = todayDay(ss.getSpreadsheetTimeZone(), NOW);
  const conversion = byName(evals, "Website conversion rate");
  const open = byName(evals, "Newsletter open rate");
  const bounce = byName(evals, "Bounce rate");
  const cpa = byName(evals, "Paid search CPA");
  const value = (e: ObjectiveEval) => e.current?.value as number;
  // The statuses the tests rely on, so that a change of the sample data says so here first.
  expect([conversion.status, open.status, bounce.status, cpa.status]).toEqual([
    "at_risk",
    "off_track",
    "at_risk",
    "off_track",
  ]);
  appendHistory(
    ss,
    [
      reviewRow(conversion, today - 7, value(conversion) - 0.003, conversion.status),
      reviewRow(open, today - 7, value(open), open.status),
      reviewRow(bounce, today - 7, value(bounce), "off_track"),
      reviewRow(cpa, today - 7, value(cpa) / 1.1, cpa.status),
    ],
    lang,
  );
  appendHistory(
    ss,
    evals.map((e) => reviewRow(e, today, 0.5, "missed")),
    lang,
  );
}

describe("the dashboard's since-last-review column", () => {
  it("shows — for every objective when the history tab has no earlier review", () => {
    setUp("en");
    buildDashboardAt(NOW);
    const sheet = taggedSheet(DASHBOARD_KEY);
    expect(sheet.getRange(FIRST_ROW - 1, col("sinceReview") + 1).getValue()).toBe(
      "Since last review",
    );
    expect(sheet.getRange(2, 1).getValue()).toBe("As of 11 June 2027");
    expect([...shownTable().cells.values()]).toEqual(["—", "—", "—", "—", "—"]);
  });

  it("says the status's move, else the change in points or %, against the review before today", () => {
    const evals = setUp("en");
    writeReviews(evals, "en");
    buildDashboardAt(NOW);
    const sheet = taggedSheet(DASHBOARD_KEY);
    expect(sheet.getRange(2, 1).getValue()).toBe("As of 11 June 2027; last review 4 June 2027");
    const { cells, colours } = shownTable();
    expect(Object.fromEntries(cells)).toEqual({
      "Website conversion rate · Website": "+0.3\u00a0pts",
      "Newsletter open rate · Email": "0.0\u00a0pts",
      "Bounce rate · Website": "Off track → At risk",
      "Paid search CPA · Google Ads": "+10.0%",
      "Social engagement · Instagram": "—",
    });
    // Green when better for the objective: a conversion rate up, a status less severe; a CPA
    // (lower is better) up is red.
    expect(colours.get("Website conversion rate · Website")).toBe("#188038");
    expect(colours.get("Bounce rate · Website")).toBe("#188038");
    expect(colours.get("Paid search CPA · Google Ads")).toBe("#c5221f");
    const foot = sheet
      .getDataRange()
      .getValues()
      .map((r) => String(r[0]))
      .find((t) => t.startsWith("Since last review:"));
    expect(foot).toContain("KPI history");
  });

  it("compares, after the second weekly review, with the first one's rows", () => {
    ({ emu, uninstall } = installEmulator({ userLocale: "en_US", locale: "en_US" }));
    writeSampleTab("Sample data", "en", END);
    for (const o of sampleObjectives("en", "Sample data")) saveObjective(o);
    runFirstMondayReview(emu);
    // The first review's rebuild had no review before it.
    expect([...shownTable().cells.values()]).toEqual(["—", "—", "—", "—", "—"]);
    // A week of data, so the weekly objective has a new period at the second review.
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Sample data")!;
    const data = generateSampleData(END + 7, "en", { startDay: END + 1, visits: false });
    const rows = data.rows.map((r) => [dayToDate(r[0] as number, "Europe/Paris"), ...r.slice(1)]);
    sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, rows[0]!.length).setValues(rows);
    emu.advanceClock("next-trigger");
    expect(emu.outbox).toHaveLength(2);
    const dash = taggedSheet(DASHBOARD_KEY);
    expect(dash.getRange(2, 1).getValue()).toBe("As of 21 June 2027; last review 14 June 2027");
    const { cells } = shownTable();
    // The monthly and quarterly objectives have the same period and value as a week ago.
    expect(cells.get("Website conversion rate · Website")).toBe("0.0\u00a0pts");
    expect(cells.get("Paid search CPA · Google Ads")).toBe("0.0%");
    // The weekly one moved from the week of 31 May to the week of 7 June, as the digest says.
    const social = cells.get("Social engagement · Instagram") as string;
    expect(social).toMatch(/^[+-]\d+\.\d%$/);
    expect(social).not.toBe("0.0%");
  });
});

describe("the history tab read back", () => {
  it("reads every status word back to its code, Not started included, in either language", () => {
    const evals = setUp("en");
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const e = evals[0] as ObjectiveEval;
    // Every status the product has: a new one is read back here too.
    const codes = [...STATUS_CODES];
    codes.forEach((code, i) => {
      appendHistory(ss, [reviewRow(e, END - 100 + i, 0.02, code)], i % 2 ? "fr" : "en");
    });
    const wb = readWorkbook(ss, "en", NOW);
    expect(readWorkbookHistory(ss, wb, evals).map((h) => h.status)).toEqual(codes);
  });
});

describe("the since-last-review column in French", () => {
  it("speaks French: header, the review's date, the status's move and the changes", () => {
    const evals = setUp("fr");
    writeReviews(evals, "fr");
    buildDashboardAt(NOW);
    const sheet = taggedSheet(DASHBOARD_KEY);
    expect(sheet.getRange(FIRST_ROW - 1, col("sinceReview") + 1).getValue()).toBe(
      "Depuis la revue",
    );
    expect(sheet.getRange(2, 1).getValue()).toBe("Au 11 juin 2027 ; dernière revue le 4 juin 2027");
    const { cells } = shownTable();
    expect(Object.fromEntries(cells)).toEqual({
      "Website conversion rate · Website": "+0,3\u00a0pt",
      "Newsletter open rate · Email": "0,0\u00a0pt",
      "Bounce rate · Website": "En retard → À risque",
      "Paid search CPA · Google Ads": "+10,0\u00a0%",
      "Social engagement · Instagram": "—",
    });
  });
});
