/**
 * The dashboard's Spreadsheet calls: independent of the number of data rows, and within
 * 35 + 15 per objective, on a first build and on a refresh, whether objectives share a source tab
 * or each read their own. (31: one setWraps for the whole grid, so the status's reason wraps in
 * the column beside it, joined the 30 of the first budget. 35: one setVerticalAlignment for the
 * grid, so a table row whose reason wraps reads from its top line, and a getRange, a merge and a
 * setRowHeight for the summary sentence, merged across the first columns so it wraps on screen.)
 */
import { afterEach, describe, expect, it } from "vitest";
import { dayFromParts } from "../../../src/kpi/days.ts";
import { buildDashboardAt } from "../../../src/sheets/dashboard/build.ts";
import { saveObjective } from "../../../src/sheets/objectives/endpoints.ts";
import { type Emulator, installEmulator, manyObjectives, NOW, writeSampleTab } from "../helpers.ts";

const END = dayFromParts(2027, 6, 10) as number;
const budget = (n: number) => 35 + 15 * n;

let uninstall: () => void = () => {};
afterEach(() => uninstall());

/** Calls of a first build and of a refresh, for `n` objectives over `tabs` tabs of `days` days. */
function measure(n: number, tabs: number, days: number): { first: number; refresh: number } {
  let emu: Emulator;
  ({ emu, uninstall } = installEmulator({ userLocale: "en_US" }));
  const names = Array.from({ length: tabs }, (_, i) => `Data ${i + 1}`);
  for (const name of names) writeSampleTab(name, "en", END, END - days + 1);
  for (const o of manyObjectives(n, "en", names)) saveObjective(o);
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

  for (const [n, tabs] of [
    [1, 1],
    [3, 3],
    [5, 1],
    [20, 1],
    [20, 20],
  ] as const) {
    it(`stays within 35 + 15 × ${n} with ${tabs} source tab${tabs > 1 ? "s" : ""}`, () => {
      const { first, refresh } = measure(n, tabs, 400);
      expect(first).toBeLessThanOrEqual(budget(n));
      expect(refresh).toBeLessThanOrEqual(budget(n));
    });
  }
});
