/**
 * The dashboard's Spreadsheet calls: independent of the number of data rows, and within
 * 45 + 15 per objective, on a first build and on a refresh, whether objectives share a source tab
 * or each read their own. (31: one setWraps for the whole grid, so the status's reason wraps in
 * the column beside it, joined the 30 of the first budget. 35: one setVerticalAlignment for the
 * grid, so a table row whose reason wraps reads from its top line, and a getRange, a merge and a
 * setRowHeight for the summary sentence, merged across the first columns so it wraps on screen.
 * 44: the "since last review" column reads the history tab once per build, which costs 8 calls
 * when the tab exists (the developer-metadata finder, withKey, find, the metadata's value,
 * getSheetById, getLastRow, getRange, getValues; 3 when it does not), and one setColumnWidths
 * gives the column room for a status's move such as "At risk → On track". 45: a dashboard
 * with a KPI counted in money reads the spreadsheet's locale once, for its currency (an
 * objective's cells and sentences show "$6.61", « 6,61 € »); a dashboard without one never does,
 * and the engine's lazy read of the locale for ambiguous text shares the same call.) Measured
 * with a history tab of the objectives' reviews, the costlier case.
 */
import { afterEach, describe, expect, it } from "vitest";
import { dayFromParts } from "../../../src/kpi/days.ts";
import { buildDashboardAt } from "../../../src/sheets/dashboard/build.ts";
import { saveObjective } from "../../../src/sheets/objectives/endpoints.ts";
import { readObjectives } from "../../../src/sheets/objectives/tab.ts";
import { appendHistory } from "../../../src/sheets/review/history.ts";
import { type Emulator, installEmulator, manyObjectives, NOW, writeSampleTab } from "../helpers.ts";

const END = dayFromParts(2027, 6, 10) as number;
const budget = (n: number) => 45 + 15 * n;

let uninstall: () => void = () => {};
afterEach(() => uninstall());

/** `reviews` weekly reviews of every objective in the history tab, the latest a week before END. */
function writeHistory(reviews: number): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ids = readObjectives(ss, ss.getSpreadsheetTimeZone(), "en").objectives.map(
    (s) => s.objective.id,
  );
  for (let k = reviews; k >= 1; k--) {
    const rows = ids.map((id) => ({
      reviewDay: END - 7 * k,
      id,
      name: id,
      periodStart: END - 7 * k - 30,
      value: 0.02,
      status: "at_risk" as const,
      reason: "",
      forecast: null,
      forecastLow: null,
      forecastHigh: null,
      unit: "percent" as const,
    }));
    appendHistory(ss, rows, "en");
  }
}

/**
 * Calls of a first build and of a refresh, for `n` objectives over `tabs` tabs of `days` days,
 * with `reviews` reviews in the history tab.
 */
function measure(
  n: number,
  tabs: number,
  days: number,
  reviews = 1,
): { first: number; refresh: number } {
  let emu: Emulator;
  ({ emu, uninstall } = installEmulator({ userLocale: "en_US" }));
  const names = Array.from({ length: tabs }, (_, i) => `Data ${i + 1}`);
  for (const name of names) writeSampleTab(name, "en", END, END - days + 1);
  for (const o of manyObjectives(n, "en", names)) saveObjective(o);
  if (reviews > 0) writeHistory(reviews);
  emu.calls.reset();
  buildDashboardAt(NOW);
  const first = emu.calls.spreadsheetTotal();
  emu.calls.reset();
  buildDashboardAt(NOW);
  const refresh = emu.calls.spreadsheetTotal();
  // Nothing was skipped: every objective got its chart.
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  expect(ss.getSheets()[0]?.getCharts()).toHaveLength(n);
  uninstall();
  return { first, refresh };
}

describe("dashboard call budget", () => {
  it("does not grow with the number of data rows", () => {
    const oneYear = measure(6, 1, 365);
    const threeYears = measure(6, 1, 3 * 365);
    expect(threeYears).toEqual(oneYear);
  });

  it("reads the history tab in the same calls whatever its length, and costs 5 calls when it exists", () => {
    const none = measure(6, 1, 365, 0);
    const one = measure(6, 1, 365, 1);
    const year = measure(6, 1, 365, 52);
    expect(year).toEqual(one);
    expect(one.first - none.first).toBe(5);
    expect(one.refresh - none.refresh).toBe(5);
  });

  for (const [n, tabs] of [
    [1, 1],
    [3, 3],
    [5, 1],
    [20, 1],
    [20, 20],
  ] as const) {
    it(`stays within 45 + 15 × ${n} with ${tabs} source tab${tabs > 1 ? "s" : ""}`, () => {
      const { first, refresh } = measure(n, tabs, 400);
      expect(first).toBeLessThanOrEqual(budget(n));
      expect(refresh).toBeLessThanOrEqual(budget(n));
    });
  }
});
