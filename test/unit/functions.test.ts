import { describe, expect, it } from "vitest";
import { isoDay, todayDay } from "../../src/kpi/days.ts";
import { CUSTOM_FUNCTIONS } from "../../src/kpi/functions/index.ts";
import { KPIS } from "../../src/kpi/registry/index.ts";
import { at, call, close, col, ctxOf, errorOf, FR, untouchableCtx, utcDay } from "./helpers.ts";

describe("the custom-function specs", () => {
  it("are the 19 functions, KPI ones first in registry order", () => {
    expect(CUSTOM_FUNCTIONS.map((s) => s.name)).toEqual([
      ...KPIS.map((k) => k.functionName),
      "KPI_GROWTH",
      "KPI_PROGRESS",
      "KPI_FORECAST",
      "KPI_STATUS",
      "KPI_SERIES",
      "KPI_ANOMALIES",
      "KPI_BENCHMARK",
    ]);
  });

  it("have JS-identifier parameters, optional ones last, and the text the stubs need", () => {
    for (const s of CUSTOM_FUNCTIONS) {
      const names = s.params.map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
      for (const p of s.params) {
        expect(p.name).toMatch(/^[A-Za-z_$][\w$]*$/);
        expect(p.type.length).toBeGreaterThan(0);
        expect(p.description.length).toBeGreaterThan(0);
        expect(p.description).not.toMatch(/\*\//);
      }
      const firstOptional = s.params.findIndex((p) => p.optional);
      if (firstOptional >= 0)
        expect(s.params.slice(firstOptional).every((p) => p.optional)).toBe(true);
      expect(s.description.length).toBeGreaterThan(20);
      expect(s.returns.length).toBeGreaterThan(5);
      expect(s.example).toMatch(new RegExp(`^=${s.name}\\(`));
      expect(s.examples.length).toBeGreaterThan(0);
    }
  });

  it("give the KPI functions a mode parameter, the unique-visitor one date bounds", () => {
    const params = (n: string) =>
      CUSTOM_FUNCTIONS.find((s) => s.name === n)!.params.map((p) => p.name);
    expect(params("KPI_CTR")).toEqual(["clicks", "impressions", "mode"]);
    expect(params("KPI_OPEN_RATE")).toEqual(["opens", "sent", "bounced", "mode"]);
    expect(params("KPI_BOUNCE_RATE")).toEqual(["bounces", "sessions", "mode"]);
    expect(params("KPI_AVG_VISIT_DURATION")).toEqual(["durations", "visits", "mode"]);
    expect(params("KPI_UNIQUE_VISITORS")).toEqual([
      "visitor_ids",
      "dates",
      "start_date",
      "end_date",
    ]);
    expect(params("KPI_STATUS")).toEqual([
      "actual",
      "target",
      "baseline",
      "start_date",
      "deadline",
      "as_of",
      "dates",
      "values",
    ]);
    expect(params("KPI_SERIES")).toEqual(["period", "dates", "values", "denominators"]);
  });
});

describe("rule 1: arguments are single values or ranges of any shape", () => {
  it("takes single values", () => {
    expect(call("KPI_CTR", [5, 100])).toBe(0.05);
  });
  it("takes rows, columns and blocks alike", () => {
    expect(call("KPI_CTR", [[[1, 2, 3]], col(10, 20, 30)])).toBe(0.1);
    expect(
      call("KPI_CTR", [
        [
          [1, 2],
          [3, 4],
        ],
        100,
      ]),
    ).toBe(0.1);
  });
  it("counts cells in reading order in errors", () => {
    expect(
      errorOf(() =>
        call("KPI_CTR", [
          [
            [1, 2],
            [3, "x"],
          ],
          100,
        ]),
      ),
    ).toBe('KPI_CTR: clicks, cell 4: "x" is not a number');
  });
  it("matches the issue's example message exactly", () => {
    expect(errorOf(() => call("KPI_CTR", [col(1, 2, "abc"), col(10, 10, 10)]))).toBe(
      'KPI_CTR: clicks, cell 3: "abc" is not a number',
    );
    expect(errorOf(() => call("KPI_CTR", [col(1, 2, "abc"), col(10, 10, 10)], FR))).toBe(
      "KPI_CTR : clicks, cellule 3 : « abc » n'est pas un nombre",
    );
  });
});

describe("rule 2: blank cells are ignored", () => {
  it('skips "" and null', () => {
    expect(call("KPI_CTR", [col(1, "", 3, null), col(10, 20, "", 10)])).toBe(0.1);
  });
});

describe("rule 3: numbers as text", () => {
  it("reads English and French text numbers, percentages and currencies", () => {
    expect(call("KPI_CTR", [col("1,000", "500"), col("10 000", "5\u202f000")])).toBe(0.1);
    expect(call("KPI_CPC", [col("12,50 €", "$7.50"), col(10, 10)])).toBe(1);
    expect(call("KPI_CONVERSION", [col("50%"), col(2)])).toBe(0.25);
  });
  it("lets the locale decide 1,234", () => {
    expect(call("KPI_ROAS", ["1,234", 1], ctxOf("UTC", "en_US"))).toBe(1234);
    expect(call("KPI_ROAS", ["1,234", 1], ctxOf("UTC", "fr_FR"))).toBe(1.234);
  });
  it("refuses booleans and dates where a number is expected", () => {
    expect(errorOf(() => call("KPI_CTR", [col(true), col(1)]))).toBe(
      "KPI_CTR: clicks, cell 1: TRUE is not a number",
    );
    expect(errorOf(() => call("KPI_CTR", [col(1), col(1, utcDay(2026, 3, 1))]))).toBe(
      "KPI_CTR: impressions, cell 2: the date 2026-03-01 is not a number",
    );
  });
});

describe("rule 4: signs", () => {
  it("refuses negative counts and costs, naming the cell", () => {
    expect(errorOf(() => call("KPI_CTR", [col(1, -2), col(10, 10)]))).toBe(
      "KPI_CTR: clicks, cell 2: -2 is negative; counts, costs and durations must be 0 or more",
    );
    expect(errorOf(() => call("KPI_ROI", [col(100), col(-5)]))).toMatch(
      /KPI_ROI: cost, cell 1: -5 is negative/,
    );
    expect(errorOf(() => call("KPI_AVG_VISIT_DURATION", [col(10, -1)]))).toMatch(
      /durations, cell 2: -1 is negative/,
    );
  });
  it("allows negative revenue", () => {
    expect(call("KPI_ROI", [col(-100, 50), col(100)])).toBe(-1.5);
    expect(call("KPI_ROAS", [col(-100, 300), col(100)])).toBe(2);
  });
});

describe("rule 5: total mode", () => {
  it("is the ratio of sums, never the mean of ratios", () => {
    // Row rates 1/1 and 0/99: mean 0.5, ratio of sums 0.01.
    expect(call("KPI_CONVERSION", [col(1, 0), col(1, 99)])).toBe(0.01);
  });
  it('gives "" when every input cell is blank', () => {
    expect(call("KPI_CTR", [col("", ""), col("", null)])).toBe("");
    expect(call("KPI_CTR", ["", ""])).toBe("");
    expect(call("KPI_OPEN_RATE", [col(""), col(""), col("")])).toBe("");
  });
  it("throws naming the denominator when it sums to 0", () => {
    expect(errorOf(() => call("KPI_CTR", [col(1), col(0, "")]))).toBe(
      "KPI_CTR: impressions sums to 0, so the ratio is undefined",
    );
    expect(errorOf(() => call("KPI_CTR", [col(""), col(0)]))).toMatch(/impressions sums to 0/);
    expect(errorOf(() => call("KPI_OPEN_RATE", [col(5), col(10), col(10)]))).toBe(
      "KPI_OPEN_RATE: sent − bounced sums to 0, so the ratio is undefined",
    );
    expect(errorOf(() => call("KPI_CTR", [col(1), col(0)], FR))).toBe(
      "KPI_CTR : la somme de l'argument impressions vaut 0, le ratio n'est donc pas défini",
    );
  });
  it('accepts "total" explicitly, in any case', () => {
    expect(call("KPI_CTR", [col(1, 3), col(10, 30), "TOTAL"])).toBe(0.1);
    expect(call("KPI_CTR", [col(1, 3), col(10, 30), " total "])).toBe(0.1);
    expect(call("KPI_CTR", [col(1, 3), col(10, 30), ""])).toBe(0.1);
  });
});

describe("rule 6: rows mode", () => {
  it("gives one value per row, summing across columns", () => {
    expect(call("KPI_CTR", [col(1, 3), col(10, 10), "rows"])).toEqual([[0.1], [0.3]]);
    expect(call("KPI_CTR", [col(1, 3), col(10, 10), "Rows"])).toEqual([[0.1], [0.3]]);
    expect(
      call("KPI_ENGAGEMENT", [
        [
          [1, 2, 3],
          [4, "", 6],
        ],
        col(2, 5),
        "rows",
      ]),
    ).toEqual([[3], [2]]);
  });
  it('gives "" where the denominator is blank or 0, so the spill never breaks', () => {
    expect(call("KPI_CTR", [col(1, 1, "", 2), col(10, 0, "", ""), "rows"])).toEqual([
      [0.1],
      [""],
      [""],
      [""],
    ]);
  });
  it("gives 0 where only the numerator is blank", () => {
    expect(call("KPI_CTR", [col("", 1), col(10, 10), "rows"])).toEqual([[0], [0.1]]);
  });
  it("needs ranges with the same number of rows", () => {
    expect(errorOf(() => call("KPI_CTR", [col(1, 2, 3), col(10, 10), "rows"]))).toBe(
      "KPI_CTR: in rows mode every range needs the same number of rows, but impressions has 2 and clicks has 3",
    );
  });
  it("still throws on bad cells, naming them", () => {
    expect(errorOf(() => call("KPI_CTR", [col(1, "x"), col(10, 10), "rows"]))).toMatch(
      /clicks, cell 2: "x"/,
    );
  });
  it("works with the optional inputs of open rate and bounce rate", () => {
    expect(call("KPI_OPEN_RATE", [col(20, 30), col(100, 100), col(0, 25), "rows"])).toEqual([
      [0.2],
      [0.4],
    ]);
    expect(call("KPI_OPEN_RATE", [col(20, 30), col(100, 100), "", "rows"])).toEqual([[0.2], [0.3]]);
    expect(call("KPI_BOUNCE_RATE", [col(1, 3, "", 1), "rows"])).toEqual([[1], [0], [""], [1]]);
    expect(call("KPI_AVG_VISIT_DURATION", [col(60, ""), "rows"])).toEqual([[60], [""]]);
  });
  it('gives "" on a row with bounced but no sent: its denominator is blank', () => {
    expect(call("KPI_OPEN_RATE", [col(1, ""), col(10, ""), col(0, 3), "rows"])).toEqual([
      [0.1],
      [""],
    ]);
  });
  it("checks bounced ≤ sent on every row", () => {
    expect(errorOf(() => call("KPI_OPEN_RATE", [col(1, 1), col(10, 10), col(0, 11), "rows"]))).toBe(
      "KPI_OPEN_RATE: row 2: bounced (11) is greater than sent (10)",
    );
  });
});

describe("arguments and modes", () => {
  it("rejects a misspelt mode", () => {
    expect(errorOf(() => call("KPI_CTR", [1, 10, "rowz"]))).toBe(
      'KPI_CTR: mode must be "rows" or "total", not "rowz"',
    );
    expect(errorOf(() => call("KPI_CTR", [1, 10, 3]))).toMatch(
      /mode must be "rows" or "total", not 3/,
    );
    expect(errorOf(() => call("KPI_OPEN_RATE", [1, 10, "rowz"]))).toMatch(/mode must be/);
  });
  it("rejects extra and missing arguments", () => {
    expect(errorOf(() => call("KPI_CTR", [1, 10, "rows", 4]))).toMatch(
      /KPI_CTR: takes at most 3 arguments, but got 4/,
    );
    expect(errorOf(() => call("KPI_CTR", [1]))).toBe("KPI_CTR: impressions is missing");
    expect(errorOf(() => call("KPI_OPEN_RATE", [1, 10, "rows", "total"]))).toMatch(/takes at most/);
    expect(call("KPI_CTR", [1, 10, undefined])).toBe(0.1);
  });
  it("reads neither the zone nor the locale for plain numbers", () => {
    const ctx = untouchableCtx();
    call("KPI_CTR", [col(1, 2, "", 3), col(10, 20, 30, ""), "rows"], ctx);
    call("KPI_CTR", [col(1, 2), col(10, 20)], ctx);
    call("KPI_GROWTH", [col(1, 2), col(3)], ctx);
    call("KPI_UNIQUE_VISITORS", [col("a", "b")], ctx);
    expect(ctx.reads).toEqual([]);
    call("KPI_CTR", [col("1,234"), col(10_000)], ctx);
    expect(ctx.reads).toEqual(["locale"]);
  });
});

describe("KPI_OPEN_RATE", () => {
  it("is opens over sent minus bounced, or over sent without bounced", () => {
    expect(call("KPI_OPEN_RATE", [col(200, 140), col(1000, 800), col(40, 60)])).toBe(0.2);
    close(call("KPI_OPEN_RATE", [col(200, 140), col(1000, 800)]), 340 / 1800, 15);
    close(call("KPI_OPEN_RATE", [col(200, 140), col(1000, 800), ""]), 340 / 1800, 15);
    close(call("KPI_OPEN_RATE", [col(200, 140), col(1000, 800), col("", "")]), 340 / 1800, 15);
  });
  it("takes a text third argument as the mode", () => {
    expect(call("KPI_OPEN_RATE", [col(20), col(100), "rows"])).toEqual([[0.2]]);
    expect(call("KPI_OPEN_RATE", [col(20), col(100), "total"])).toBe(0.2);
  });
  it("throws when bounced exceeds sent", () => {
    expect(errorOf(() => call("KPI_OPEN_RATE", [col(1), col(10), col(11)]))).toBe(
      "KPI_OPEN_RATE: bounced (11) is greater than sent (10)",
    );
  });
});

describe("KPI_UNIQUE_VISITORS", () => {
  it('counts distinct ids, trimmed and case-insensitively, 123 = "123"', () => {
    expect(call("KPI_UNIQUE_VISITORS", [col("a", " A", "b", 123, "123", "", null)])).toBe(3);
    expect(
      call("KPI_UNIQUE_VISITORS", [
        [
          ["a", "b"],
          ["c", "A"],
        ],
      ]),
    ).toBe(3);
  });
  it("gives 0 without ids", () => {
    expect(call("KPI_UNIQUE_VISITORS", [col("", "")])).toBe(0);
    expect(call("KPI_UNIQUE_VISITORS", [""])).toBe(0);
  });
  const ids = col("a", "b", "c", "d", "e");
  const dates = col(
    utcDay(2026, 3, 1),
    utcDay(2026, 3, 2),
    "",
    utcDay(2026, 3, 3),
    utcDay(2026, 3, 4),
  );
  it("counts only rows between start_date and end_date, inclusive", () => {
    expect(call("KPI_UNIQUE_VISITORS", [ids, dates, utcDay(2026, 3, 2), utcDay(2026, 3, 3)])).toBe(
      2,
    );
    expect(call("KPI_UNIQUE_VISITORS", [ids, dates, "2026-03-02", "2026-03-03"])).toBe(2);
  });
  it("treats a blank bound as open, and leaves out blank dates once a bound is set", () => {
    expect(call("KPI_UNIQUE_VISITORS", [ids, dates, "", utcDay(2026, 3, 2)])).toBe(2);
    expect(call("KPI_UNIQUE_VISITORS", [ids, dates, utcDay(2026, 3, 3), ""])).toBe(2);
    expect(call("KPI_UNIQUE_VISITORS", [ids, dates, utcDay(2026, 3, 3)])).toBe(2);
    expect(call("KPI_UNIQUE_VISITORS", [ids, dates, "", ""])).toBe(5);
    expect(call("KPI_UNIQUE_VISITORS", [ids, dates])).toBe(5);
  });
  it("compares calendar days in the spreadsheet's zone", () => {
    // 23:30 UTC on March 28 is 00:30 on March 29 in Paris, 19:30 on March 28 in New York.
    const late = col(at("2026-03-28T23:30:00Z"));
    const day = "2026-03-29";
    expect(call("KPI_UNIQUE_VISITORS", [col("x"), late, day, day], ctxOf("Europe/Paris"))).toBe(1);
    expect(call("KPI_UNIQUE_VISITORS", [col("x"), late, day, day], ctxOf("America/New_York"))).toBe(
      0,
    );
    // The bounds are Dates too, read in the same zone: Paris midnight of March 29.
    const parisMidnight = at("2026-03-28T23:00:00Z");
    expect(
      call(
        "KPI_UNIQUE_VISITORS",
        [col("x"), late, parisMidnight, parisMidnight],
        ctxOf("Europe/Paris"),
      ),
    ).toBe(1);
  });
  it("needs as many dates as ids, and dates when a bound is set", () => {
    expect(
      errorOf(() =>
        call("KPI_UNIQUE_VISITORS", [col("a", "b"), col(utcDay(2026, 1, 1)), "2026-01-01"]),
      ),
    ).toBe(
      "KPI_UNIQUE_VISITORS: dates has 1 cells but visitor_ids has 2; they must be the same size",
    );
    expect(errorOf(() => call("KPI_UNIQUE_VISITORS", [col("a"), "", "2026-01-01"]))).toBe(
      "KPI_UNIQUE_VISITORS: dates is missing",
    );
    expect(
      errorOf(() => call("KPI_UNIQUE_VISITORS", [col("a"), col("soon"), "2026-01-01"])),
    ).toMatch(/dates, cell 1: "soon" is not a date/);
    expect(
      errorOf(() =>
        call("KPI_UNIQUE_VISITORS", [col("a"), col("2026-01-01"), col("2026-01-01", "2026-01-02")]),
      ),
    ).toMatch(/start_date must be a single cell/);
  });
});

describe("KPI_AVG_VISIT_DURATION", () => {
  it("is the mean of one range, or Σdurations ÷ Σvisits", () => {
    expect(call("KPI_AVG_VISIT_DURATION", [col(60, "", 120)])).toBe(90);
    expect(call("KPI_AVG_VISIT_DURATION", [col(3600, 5400), col(20, 40)])).toBe(150);
  });
  it("takes text h:mm:ss and m:ss", () => {
    expect(call("KPI_AVG_VISIT_DURATION", [col("0:02:30", "3:30", 90)])).toBe(150);
  });
  it("takes Sheets durations, converted in the spreadsheet's zone", () => {
    // 0:02:30 and 0:03:30 as Sheets hands them to a script for a sheet in Paris (LMT +0:09:21).
    const durations = col(at("1899-12-29T23:53:09Z"), at("1899-12-29T23:54:09Z"));
    expect(call("KPI_AVG_VISIT_DURATION", [durations], ctxOf("Europe/Paris"))).toBe(180);
    // The same instants read in UTC are 9 min 21 s off: the zone matters.
    expect(errorOf(() => call("KPI_AVG_VISIT_DURATION", [durations], ctxOf("UTC")))).toMatch(
      /is negative/,
    );
    const ny = col(at("1899-12-30T05:02:30Z"));
    expect(call("KPI_AVG_VISIT_DURATION", [ny], ctxOf("America/New_York"))).toBe(150);
  });
});

describe("KPI_BOUNCE_RATE", () => {
  it("is single-page sessions over sessions", () => {
    expect(call("KPI_BOUNCE_RATE", [col(120, 80), col(300, 200)])).toBe(0.4);
  });
  it("with one range of pages per session, is the share of cells equal to 1", () => {
    expect(call("KPI_BOUNCE_RATE", [col(1, 3, 1, 2, 1, "")])).toBe(0.6);
    expect(call("KPI_BOUNCE_RATE", [col("1", "2")])).toBe(0.5);
    expect(call("KPI_BOUNCE_RATE", [col(1), ""])).toBe(1);
  });
  it("throws when bounces exceed sessions", () => {
    expect(errorOf(() => call("KPI_BOUNCE_RATE", [col(301), col(300)]))).toBe(
      "KPI_BOUNCE_RATE: bounces (301) is greater than sessions (300)",
    );
  });
});

describe("KPI_ENGAGEMENT", () => {
  it("sums several interaction columns over posts", () => {
    expect(
      call("KPI_ENGAGEMENT", [
        [
          [40, 10, 5],
          [25, 5, 5],
        ],
        col(2, 1),
      ]),
    ).toBe(30);
  });
  it("gives the reach variant when passed reach", () => {
    expect(
      call("KPI_ENGAGEMENT", [
        [
          [40, 10, 5],
          [25, 5, 5],
        ],
        col(1000, 2000),
      ]),
    ).toBe(0.03);
  });
});

describe("money KPIs", () => {
  it("ROI, ROAS, CPA, CPC, CPM", () => {
    expect(call("KPI_ROI", [col(5000, 7000), col(2000, 2000)])).toBe(2);
    expect(call("KPI_ROAS", [col(5000, 7000), col(2000, 2000)])).toBe(3);
    expect(call("KPI_CPA", [col(300, 500), col(10, 30)])).toBe(20);
    expect(call("KPI_CPC", [col(120, 80), col(300, 500)])).toBe(0.25);
    expect(call("KPI_CPM", [col(60, 90), col(20000, 30000)])).toBe(3);
    expect(call("KPI_CPM", [col(60, 90), col(20000, 30000), "rows"])).toEqual([[3], [3]]);
  });
  it("CPA with no conversions throws, naming conversions", () => {
    expect(errorOf(() => call("KPI_CPA", [col(300), col(0)]))).toBe(
      "KPI_CPA: conversions sums to 0, so the ratio is undefined",
    );
  });
});

describe("KPI_GROWTH", () => {
  it("is (current − previous) ÷ |previous|, ranges summed", () => {
    expect(call("KPI_GROWTH", [1200, 1000])).toBe(0.2);
    expect(call("KPI_GROWTH", [col(400, 500), col(700, 500)])).toBe(-0.25);
    expect(call("KPI_GROWTH", [-50, -100])).toBe(0.5);
    expect(call("KPI_GROWTH", ["1 200", "1 000"], FR)).toBe(0.2);
  });
  it("0 → 0 is 0; from 0 to anything else throws", () => {
    expect(call("KPI_GROWTH", [0, 0])).toBe(0);
    expect(errorOf(() => call("KPI_GROWTH", [5, 0]))).toBe(
      "KPI_GROWTH: previous is 0 while current is 5; growth from 0 is undefined",
    );
  });
  it('is "" when everything is blank', () => {
    expect(call("KPI_GROWTH", ["", col("", "")])).toBe("");
  });
  it("needs both arguments", () => {
    expect(errorOf(() => call("KPI_GROWTH", [5]))).toBe("KPI_GROWTH: previous is missing");
  });
});

describe("KPI_PROGRESS", () => {
  it("is (actual − baseline) ÷ (target − baseline), baseline 0 by default", () => {
    expect(call("KPI_PROGRESS", [50, 200])).toBe(0.25);
    expect(call("KPI_PROGRESS", [50, 200, ""])).toBe(0.25);
    expect(call("KPI_PROGRESS", [150, 200, 100])).toBe(0.5);
    expect(call("KPI_PROGRESS", [col(100, 50), 200, 100])).toBe(0.5);
  });
  it("works below the baseline and is not clamped", () => {
    close(call("KPI_PROGRESS", [0.45, 0.4, 0.5]), 0.5, 12);
    close(call("KPI_PROGRESS", [0.55, 0.4, 0.5]), -0.5, 12);
    expect(call("KPI_PROGRESS", [300, 200, 100])).toBe(2);
    close(call("KPI_PROGRESS", ["35%", "40%", "50%"]), 1.5, 12);
  });
  it("throws when target equals baseline or is blank", () => {
    expect(errorOf(() => call("KPI_PROGRESS", [1, 5, 5]))).toBe(
      "KPI_PROGRESS: target equals baseline (5), so progress is undefined",
    );
    expect(errorOf(() => call("KPI_PROGRESS", [1, ""]))).toBe("KPI_PROGRESS: target is blank");
  });
  it('is "" when actual is blank', () => {
    expect(call("KPI_PROGRESS", ["", 5])).toBe("");
  });
});

describe("KPI_FORECAST", () => {
  it("fits the least-squares line over calendar days", () => {
    const dates = col(utcDay(2026, 1, 1), utcDay(2026, 1, 2), utcDay(2026, 1, 3));
    expect(call("KPI_FORECAST", [dates, col(10, 12, 14), utcDay(2026, 1, 5)])).toBe(18);
    // Not collinear: least squares through (0,1), (1,3), (2,2) is y = 1.5 + 0.5x.
    close(call("KPI_FORECAST", [dates, col(1, 3, 2), utcDay(2026, 1, 11)]), 1.5 + 0.5 * 10, 10);
  });
  it("skips pairs with a blank date or value, and may be negative", () => {
    const dates = col(utcDay(2026, 1, 1), "", utcDay(2026, 1, 2), utcDay(2026, 1, 3));
    expect(call("KPI_FORECAST", [dates, col(10, "junk?", 8, ""), "2026-01-10"])).toBe(-8);
  });
  it("reads dates as calendar days in the spreadsheet's zone", () => {
    // Paris: these instants are 2026-03-29 and 2026-03-30 (across the DST change).
    const dates = col(at("2026-03-28T23:30:00Z"), at("2026-03-29T22:30:00Z"));
    expect(call("KPI_FORECAST", [dates, col(1, 2), "2026-03-31"], ctxOf("Europe/Paris"))).toBe(3);
    // New York: 2026-03-28 and 2026-03-29.
    expect(call("KPI_FORECAST", [dates, col(1, 2), "2026-03-31"], ctxOf("America/New_York"))).toBe(
      4,
    );
  });
  it("throws with fewer than 2 points or a single date", () => {
    expect(
      errorOf(() => call("KPI_FORECAST", [col(utcDay(2026, 1, 1), ""), col(1, 2), "2026-02-01"])),
    ).toBe("KPI_FORECAST: a trend needs at least 2 points with both a date and a value, got 1");
    expect(
      errorOf(() =>
        call("KPI_FORECAST", [
          col(utcDay(2026, 1, 1), utcDay(2026, 1, 1)),
          col(1, 2),
          "2026-02-01",
        ]),
      ),
    ).toBe(
      "KPI_FORECAST: every point has the same date (2026-01-01); a trend needs 2 different dates",
    );
    expect(
      errorOf(() => call("KPI_FORECAST", [col(utcDay(2026, 1, 1)), col(1, 2), "2026-02-01"])),
    ).toMatch(/values has 2 cells but dates has 1/);
    expect(errorOf(() => call("KPI_FORECAST", [col(utcDay(2026, 1, 1)), col(1), ""]))).toBe(
      "KPI_FORECAST: target_date is blank",
    );
  });
});

describe("KPI_STATUS", () => {
  const s = (actual: number, asOf: string, deadline = "2026-12-31") =>
    call("KPI_STATUS", [actual, 100, 0, "2026-01-01", deadline, asOf]);
  // 2026-01-01 → 2026-12-31 is 364 days; 2026-07-02 is day 182: e = 0.5.
  it("is Achieved at p ≥ 1 after the deadline; before it, reaching the target is On track", () => {
    expect(s(100, "2026-03-01")).toBe("On track");
    expect(s(120, "2027-03-01")).toBe("Achieved");
  });
  it("is Not started before the start date, and speaks the spreadsheet's language", () => {
    expect(s(50, "2025-12-31")).toBe("Not started");
    const fr = (actual: number, asOf: string) =>
      call("KPI_STATUS", [actual, 100, 0, "2026-01-01", "2026-12-31", asOf], FR);
    expect(fr(50, "2025-12-31")).toBe("Pas commencé");
    expect(fr(50, "2026-07-02")).toBe("En bonne voie");
    expect(fr(30, "2026-07-02")).toBe("À risque");
    expect(fr(10, "2026-07-02")).toBe("En retard");
    expect(fr(100, "2027-01-02")).toBe("Atteint");
    expect(fr(10, "2027-01-02")).toBe("Manqué");
  });
  describe("with a history", () => {
    const months = ["01", "02", "03", "04", "05", "06"].map((m) => `2026-${m}-01`);
    const withHistory = (actual: number, asOf: string, values: number[], dates = months) =>
      call("KPI_STATUS", [
        actual,
        100,
        0,
        "2026-01-01",
        "2026-12-31",
        asOf,
        col(...dates),
        col(...values),
      ]);
    it("lets a trend that falls short keep a good pace from On track", () => {
      // 50 of 100 at mid-year is on pace alone, but six months flat at 50 will not reach 100.
      expect(s(50, "2026-07-02")).toBe("On track");
      expect(withHistory(50, "2026-07-02", [49, 51, 50, 50, 49, 51])).toBe("At risk");
      // Rising 12 a month from 26 to 86: the line reaches ~160 by December.
      expect(withHistory(40, "2026-07-02", [26, 38, 50, 62, 74, 86])).toBe("On track");
    });
    it("uses pace alone below 5 values", () => {
      expect(withHistory(50, "2026-07-02", [50, 50, 50, 50], months.slice(0, 4))).toBe("On track");
    });
    it("decides by the last value dated by the deadline, whatever comes after", () => {
      const dates = ["2026-10-01", "2026-11-01", "2026-12-01", "2027-01-01", "2027-02-01"];
      expect(withHistory(120, "2027-03-01", [80, 90, 95, 110, 120], dates)).toBe("Missed");
      expect(withHistory(10, "2027-03-01", [80, 90, 101, 10, 10], dates)).toBe("Achieved");
    });
    it("names both ranges when they differ in size", () => {
      expect(errorOf(() => withHistory(50, "2026-07-02", [1, 2, 3], months.slice(0, 2)))).toBe(
        "KPI_STATUS: values has 3 cells but dates has 2; they must be the same size",
      );
    });
  });
  it("is Missed after the deadline otherwise", () => {
    expect(s(99, "2027-01-01")).toBe("Missed");
  });
  it("is On track up to 10 points behind, At risk up to 25, Off track beyond", () => {
    expect(s(50, "2026-07-02")).toBe("On track");
    expect(s(40, "2026-07-02")).toBe("On track");
    expect(s(39, "2026-07-02")).toBe("At risk");
    expect(s(25, "2026-07-02")).toBe("At risk");
    expect(s(24, "2026-07-02")).toBe("Off track");
    expect(s(0, "2026-01-01")).toBe("On track");
    expect(s(99, "2026-12-31")).toBe("On track");
  });
  it("holds at the thresholds despite floating point (0.45 − 0.35)", () => {
    // e = 0.45 exactly: 0.45 × 200 days = day 90; p = 0.35.
    expect(call("KPI_STATUS", [0.35, 1, 0, "2026-01-01", "2026-07-20", "2026-04-01"])).toBe(
      "On track",
    );
  });
  it("works for a target below the baseline", () => {
    expect(call("KPI_STATUS", [0.45, 0.4, 0.5, "2026-01-01", "2026-12-31", "2026-07-02"])).toBe(
      "On track",
    );
    expect(call("KPI_STATUS", [0.52, 0.4, 0.5, "2026-01-01", "2026-12-31", "2026-07-02"])).toBe(
      "Off track",
    );
  });
  it("judges as of today in the spreadsheet's zone when as_of is omitted", () => {
    const today = todayDay("Pacific/Auckland");
    const start = isoDay(today - 10);
    const deadline = isoDay(today + 10);
    // e = 0.5 today; p = 0.5 → On track; p = 0.3 → At risk.
    expect(call("KPI_STATUS", [50, 100, 0, start, deadline], ctxOf("Pacific/Auckland"))).toBe(
      "On track",
    );
    expect(call("KPI_STATUS", [30, 100, 0, start, deadline], ctxOf("Pacific/Auckland"))).toBe(
      "At risk",
    );
  });
  it('is "" without an actual value, and throws on bad dates', () => {
    expect(errorOf(() => s(Number.NaN, "2026-07-02"))).toBe(
      "KPI_STATUS: actual, cell 1: NaN is not a number",
    );
    expect(call("KPI_STATUS", ["", 100, 0, "2026-01-01", "2026-12-31"])).toBe("");
    expect(errorOf(() => call("KPI_STATUS", [1, 100, 0, "2026-12-31", "2026-01-01"]))).toBe(
      "KPI_STATUS: deadline (2026-01-01) is before start_date (2026-12-31)",
    );
    expect(errorOf(() => call("KPI_STATUS", [1, 100, 0, "", "2026-01-01"]))).toBe(
      "KPI_STATUS: start_date is blank",
    );
    expect(errorOf(() => call("KPI_STATUS", [1, 100, 0, "2026-01-01"]))).toBe(
      "KPI_STATUS: deadline is missing",
    );
    expect(errorOf(() => call("KPI_STATUS", [1, 100, 100, "2026-01-01", "2026-02-01"]))).toMatch(
      /target equals baseline/,
    );
  });
});

describe("KPI_SERIES", () => {
  const dates = col(
    utcDay(2026, 1, 5),
    utcDay(2026, 1, 20),
    utcDay(2026, 2, 3),
    "",
    utcDay(2026, 4, 1),
  );
  const values = col(10, 20, 5, 1000, 7);
  it("sums values per month, ascending, one row per period with data", () => {
    expect(call("KPI_SERIES", ["month", dates, values])).toEqual([
      [utcDay(2026, 1, 1), 30],
      [utcDay(2026, 2, 1), 5],
      [utcDay(2026, 4, 1), 7],
    ]);
  });
  it("cuts ISO weeks (Monday), quarters, years and days; French names too", () => {
    expect(call("KPI_SERIES", ["semaine", dates, values])).toEqual([
      [utcDay(2026, 1, 5), 10],
      [utcDay(2026, 1, 19), 20],
      [utcDay(2026, 2, 2), 5],
      [utcDay(2026, 3, 30), 7],
    ]);
    expect(call("KPI_SERIES", ["Trimestre", dates, values])).toEqual([
      [utcDay(2026, 1, 1), 35],
      [utcDay(2026, 4, 1), 7],
    ]);
    expect(call("KPI_SERIES", ["année", dates, values])).toEqual([[utcDay(2026, 1, 1), 42]]);
    expect(
      call("KPI_SERIES", ["day", col(utcDay(2026, 1, 2), utcDay(2026, 1, 1)), col(1, 2)]),
    ).toEqual([
      [utcDay(2026, 1, 1), 2],
      [utcDay(2026, 1, 2), 1],
    ]);
  });
  it('divides by the period\'s denominators, "" where they sum to 0', () => {
    expect(call("KPI_SERIES", ["month", dates, values, col(100, 200, 0, 5, 70)])).toEqual([
      [utcDay(2026, 1, 1), 0.1],
      [utcDay(2026, 2, 1), ""],
      [utcDay(2026, 4, 1), 0.1],
    ]);
  });
  it("sums several value columns per row", () => {
    expect(
      call("KPI_SERIES", [
        "year",
        col(utcDay(2026, 1, 1), utcDay(2026, 5, 1)),
        [
          [1, 2],
          [3, 4],
        ],
      ]),
    ).toEqual([[utcDay(2026, 1, 1), 10]]);
  });
  it('skips periods with no value, and returns "" without data', () => {
    expect(
      call("KPI_SERIES", ["month", col(utcDay(2026, 1, 1), utcDay(2026, 2, 1)), col("", 3)]),
    ).toEqual([[utcDay(2026, 2, 1), 3]]);
    expect(call("KPI_SERIES", ["month", col("", ""), col(1, 2)])).toBe("");
  });
  it("cuts periods in the spreadsheet's zone and returns local midnights", () => {
    // 22:30 UTC on March 31 is already April 1 in Paris, still March 31 in New York.
    const d = col(at("2026-03-31T22:30:00Z"));
    expect(call("KPI_SERIES", ["month", d, col(1)], ctxOf("Europe/Paris"))).toEqual([
      [at("2026-03-31T22:00:00Z"), 1],
    ]);
    expect(call("KPI_SERIES", ["month", d, col(1)], ctxOf("America/New_York"))).toEqual([
      [at("2026-03-01T05:00:00Z"), 1],
    ]);
    expect(
      call("KPI_SERIES", ["week", col(at("2026-03-29T21:30:00Z")), col(1)], ctxOf("Europe/Paris")),
    ).toEqual([[at("2026-03-22T23:00:00Z"), 1]]);
  });
  it("throws on an unknown period, mismatched sizes and bad cells", () => {
    expect(errorOf(() => call("KPI_SERIES", ["fortnight", dates, values]))).toBe(
      'KPI_SERIES: unknown period "fortnight": use day, week, month, quarter or year',
    );
    expect(errorOf(() => call("KPI_SERIES", ["quinzaine", dates, values], FR))).toMatch(
      /^KPI_SERIES : période inconnue « quinzaine »/,
    );
    expect(errorOf(() => call("KPI_SERIES", ["month", dates, col(1, 2)]))).toBe(
      "KPI_SERIES: values has 2 cells but dates has 5; they must be the same size",
    );
    expect(errorOf(() => call("KPI_SERIES", ["month", dates, col(1, 2, "x", 4, 5)]))).toMatch(
      /values, cell 3: "x"/,
    );
    expect(errorOf(() => call("KPI_SERIES", ["month", col("later"), col(1)]))).toMatch(
      /dates, cell 1: "later" is not a date/,
    );
    expect(errorOf(() => call("KPI_SERIES", ["", dates, values]))).toBe(
      "KPI_SERIES: period is blank",
    );
    expect(
      errorOf(() => call("KPI_SERIES", ["month", dates, values, col(1, 1, 1, 1, -1)])),
    ).toMatch(/denominators, cell 5: -1 is negative/);
  });
  it("allows negative values", () => {
    expect(call("KPI_SERIES", ["year", col(utcDay(2026, 1, 1)), col(-5)])).toEqual([
      [utcDay(2026, 1, 1), -5],
    ]);
  });
});

describe("custom-function edge cases", () => {
  it("names both ranges and their rows when a total's ranges differ in length", () => {
    expect(errorOf(() => call("KPI_CONVERSION", [col(1, 2, 3), col(10, 20)]))).toBe(
      "KPI_CONVERSION: visitors covers 2 rows but conversions covers 3; their ranges must cover the same rows (or give a single cell for a total)",
    );
    expect(errorOf(() => call("KPI_CONVERSION", [col(1, 2, 3), col(10, 20)], FR))).toBe(
      "KPI_CONVERSION : visitors couvre 2 lignes mais conversions en couvre 3 ; leurs plages doivent couvrir les mêmes lignes (ou donnez une seule cellule pour un total)",
    );
    // A total typed in one cell goes with a range: 6 conversions over 100 visitors.
    expect(call("KPI_CONVERSION", [col(1, 2, 3), 100])).toBe(0.06);
    expect(call("KPI_CONVERSION", [col(1, 2, 3), col(10, 20, 30)])).toBe(0.1);
  });

  it("gives a named error for a date serial no date cell can hold", () => {
    const dates = col(utcDay(2026, 1, 1), 1e8);
    expect(errorOf(() => call("KPI_SERIES", ["month", dates, col(1, 2)]))).toMatch(
      /^KPI_SERIES: dates, cell 2: 100,?000,?000 is not a date \(give a date, or text YYYY-MM-DD\)$/,
    );
    // 31 December 9999 is the last day a serial may stand for.
    const last = call("KPI_SERIES", ["year", col(2958465), col(5)]) as unknown[][];
    expect(last[0]).toEqual([utcDay(9999, 1, 1), 5]);
    expect(errorOf(() => call("KPI_SERIES", ["year", col(2958466), col(5)]))).toMatch(
      /is not a date/,
    );
  });

  it("turns an overflow to Infinity into an error naming the function", () => {
    const overflow = (fn: string) =>
      `${fn}: the result is beyond the largest number (±1.8e308); check the inputs for a huge value`;
    expect(errorOf(() => call("KPI_GROWTH", [1e308, -1e308]))).toBe(overflow("KPI_GROWTH"));
    expect(errorOf(() => call("KPI_ROI", [col(1e308, 1e308), col(1, 1)]))).toBe(
      overflow("KPI_ROI"),
    );
    expect(errorOf(() => call("KPI_CPM", [1e306, 1]))).toBe(overflow("KPI_CPM"));
    expect(errorOf(() => call("KPI_OPEN_RATE", [col(1e308, 1e308), col(1e308, 1e308)]))).toBe(
      overflow("KPI_OPEN_RATE"),
    );
    expect(errorOf(() => call("KPI_CPM", [col(1, 1e306), col(1, 1), "rows"]))).toBe(
      "KPI_CPM: row 2: the result is beyond the largest number (±1.8e308); check the inputs for a huge value",
    );
    expect(errorOf(() => call("KPI_GROWTH", [1e308, -1e308], FR))).toBe(
      "KPI_GROWTH : le résultat dépasse le plus grand nombre (±1,8e308) ; vérifiez qu'aucune entrée n'est démesurée",
    );
    // Just below the limit is a number: 1000 × 1e305 ÷ 1.
    expect(call("KPI_CPM", [1e305, 1])).toBe(1e308);
  });

  it("reads a blank numerator beside a denominator as 0 in rows mode", () => {
    expect(call("KPI_CONVERSION", [col(1, "", 3), col(10, 20, 30), "rows"])).toEqual([
      [0.1],
      [0],
      [0.1],
    ]);
  });
});
