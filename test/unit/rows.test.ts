import { describe, expect, it } from "vitest";
import { getKpi } from "../../src/kpi/registry/index.ts";
import { filterKey, selectRows } from "../../src/kpi/rows.ts";
import { kpiTotal, type SeriesTable } from "../../src/kpi/series.ts";
import { ctxOf, utcDay } from "./helpers.ts";

const UTC = ctxOf("UTC");

// Day, campaign, clicks, impressions: two campaigns, an undated row and a total row.
const ROWS: unknown[][] = [
  [utcDay(2026, 10, 27), "Search - Marque", 118, 980],
  [utcDay(2026, 10, 27), "Search - Générique", 17, 4900],
  [utcDay(2026, 10, 28), " search - marque ", 125, 1020],
  [utcDay(2026, 10, 28), "Search - Générique", 19, 5100],
  [utcDay(2026, 10, 29), "Display - Remarketing", 40, 8000],
  ["", "Search - Marque", 9, 90],
  ["", "Display - Remarketing", 5, 500],
  ["Total : compte", "--", 333, 20590],
];

/** The CTR over the selected rows, through the engine's own total. */
function ctrOf(rows: readonly number[]): number | null {
  const pick = (col: number) => rows.map((i) => (ROWS[i] as unknown[])[col]);
  const table: SeriesTable = {
    dates: pick(0),
    inputs: { clicks: [pick(2)], impressions: [pick(3)] },
  };
  return kpiTotal(getKpi("ctr"), table, UTC)?.value ?? null;
}

describe("filterKey", () => {
  it("compares trimmed and case-insensitively, keeping accents", () => {
    expect(filterKey("  Search - MARQUE ")).toBe(filterKey("search - marque"));
    expect(filterKey("Générique")).not.toBe(filterKey("Generique"));
    expect(filterKey(42)).toBe("42");
    expect(filterKey(null)).toBe("");
  });
});

describe("selectRows with a filter", () => {
  it("keeps only the rows whose column equals a value, and counts the others as filtered", () => {
    const s = selectRows(ROWS, 0, UTC, { col: 1, values: ["Search - Marque"] });
    expect(s.rows).toEqual([0, 2]);
    // The total row stays a total; the undated Marque row is undated; the two other campaigns'
    // dated rows and the undated Display row are filtered out.
    expect(s).toMatchObject({ totals: 1, undated: 1, filtered: 4 });
    // By hand: (118 + 125) / (980 + 1020) = 243 / 2000.
    expect(ctrOf(s.rows)).toBeCloseTo(0.1215, 12);
  });

  it("takes several values, in any case and with spaces around them", () => {
    const s = selectRows(ROWS, 0, UTC, {
      col: 1,
      values: [" SEARCH - générique", "display - remarketing"],
    });
    expect(s.rows).toEqual([1, 3, 4]);
    expect(s).toMatchObject({ totals: 1, undated: 1, filtered: 3 });
    // By hand: (17 + 19 + 40) / (4900 + 5100 + 8000) = 76 / 18000.
    expect(ctrOf(s.rows)).toBeCloseTo(76 / 18000, 12);
  });

  it("leaves every row in without a filter, and counts none as filtered", () => {
    const s = selectRows(ROWS, 0, UTC);
    expect(s.rows).toEqual([0, 1, 2, 3, 4]);
    expect(s).toMatchObject({ totals: 1, undated: 2, filtered: 0 });
    // By hand: (118 + 17 + 125 + 19 + 40) / (980 + 4900 + 1020 + 5100 + 8000) = 319 / 20000.
    expect(ctrOf(s.rows)).toBeCloseTo(319 / 20000, 12);
  });

  it("keeps no row when no cell equals a value", () => {
    const s = selectRows(ROWS, 0, UTC, { col: 1, values: ["Shopping"] });
    expect(s.rows).toEqual([]);
    expect(s.filtered).toBe(7);
  });
});
