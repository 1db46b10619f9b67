import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { civilDay, dayToDate, isoDay, parseIsoDay } from "../../src/kpi/days.ts";
import { findFunction } from "../../src/kpi/functions/index.ts";
import { nextPeriodStart, type Period } from "../../src/kpi/periods.ts";
import { getKpi, KPIS } from "../../src/kpi/registry/index.ts";
import { kpiSeries, kpiTotal, kpiValue, type SeriesTable } from "../../src/kpi/series.ts";
import type { KpiDefinition } from "../../src/kpi/types.ts";
import { at, close, ctxOf, errorOf, FR, utcDay } from "./helpers.ts";

const PARIS = ctxOf("Europe/Paris", "fr_FR");

/** The custom function on the given rows of the table, as a user would call it on those cells. */
function viaFunction(kpi: KpiDefinition, table: SeriesTable, rows: number[]): unknown {
  const args = kpi.inputs.map((input) => {
    const cols = table.inputs[input.name];
    if (!cols || cols.length === 0) return "";
    return rows.map((i) => cols.map((c) => c[i]));
  });
  if (kpi.combine.kind === "distinct") return findFunction(kpi.functionName)!.run(PARIS, [args[0]]);
  return findFunction(kpi.functionName)!.run(PARIS, args);
}

describe("kpiSeries", () => {
  const ctr = getKpi("ctr");
  it("gives one point per period with data, ascending, with the sums", () => {
    const table: SeriesTable = {
      dates: [utcDay(2026, 2, 10), utcDay(2026, 1, 5), utcDay(2026, 1, 20), "", utcDay(2026, 4, 2)],
      inputs: { clicks: [[3, 1, 2, 50, ""]], impressions: [[30, 10, 10, 500, ""]] },
    };
    const points = kpiSeries(ctr, table, "month", ctxOf("UTC"));
    expect(points).toEqual([
      {
        start: parseIsoDay("2026-01-01"),
        end: parseIsoDay("2026-02-01"),
        numerator: 3,
        denominator: 20,
        value: 0.15,
        firstDay: parseIsoDay("2026-01-05"),
        lastDay: parseIsoDay("2026-01-20"),
        days: 2,
      },
      {
        start: parseIsoDay("2026-02-01"),
        end: parseIsoDay("2026-03-01"),
        numerator: 3,
        denominator: 30,
        value: 0.1,
        firstDay: parseIsoDay("2026-02-10"),
        lastDay: parseIsoDay("2026-02-10"),
        days: 1,
      },
    ]);
  });

  it("gives a null value when a period's denominator is 0, and applies the scale", () => {
    const table: SeriesTable = {
      dates: [utcDay(2026, 1, 5), utcDay(2026, 2, 5)],
      inputs: { cost: [[5, 2]], impressions: [[0, 1000]] },
    };
    const points = kpiSeries(getKpi("cpm"), table, "month", ctxOf("UTC"));
    expect(points.map((p) => p.value)).toEqual([null, 2]);
    expect(points.map((p) => p.numerator)).toEqual([5, 2]);
  });

  it("sums several columns of a multiColumn input", () => {
    const table: SeriesTable = {
      dates: [utcDay(2026, 1, 5), utcDay(2026, 1, 6)],
      inputs: {
        interactions: [
          [10, 20],
          [1, 2],
          [0, 3],
        ],
        posts: [[1, 2]],
      },
    };
    expect(kpiSeries(getKpi("engagement"), table, "week", ctxOf("UTC"))[0]?.value).toBe(12);
  });

  it("uses the omitted-denominator rules (mean, share of ones)", () => {
    const dates = [utcDay(2026, 1, 5), utcDay(2026, 1, 6), utcDay(2026, 1, 7)];
    expect(
      kpiSeries(
        getKpi("avg_visit_duration"),
        { dates, inputs: { durations: [[60, "", 120]] } },
        "month",
        ctxOf("UTC"),
      )[0],
    ).toMatchObject({ numerator: 180, denominator: 2, value: 90 });
    expect(
      kpiSeries(
        getKpi("bounce_rate"),
        { dates, inputs: { bounces: [[1, 3, 1]], sessions: [] } },
        "month",
        ctxOf("UTC"),
      )[0],
    ).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it("counts distinct visitors per period", () => {
    const table: SeriesTable = {
      dates: [utcDay(2026, 1, 5), utcDay(2026, 1, 6), utcDay(2026, 2, 1), utcDay(2026, 2, 1)],
      inputs: { visitor_ids: [["a", " A", "a", "b"]] },
    };
    const points = kpiSeries(getKpi("unique_visitors"), table, "month", ctxOf("UTC"));
    expect(points.map((p) => [isoDay(p.start), p.value, p.denominator])).toEqual([
      ["2026-01-01", 1, null],
      ["2026-02-01", 2, null],
    ]);
  });

  it("cuts periods in the spreadsheet's zone across the DST change", () => {
    // Paris: 2026-03-29T22:30Z is Monday 2026-03-30 00:30 (CEST), a new ISO week.
    const table: SeriesTable = {
      dates: [at("2026-03-29T21:30:00Z"), at("2026-03-29T22:30:00Z")],
      inputs: { clicks: [[1, 2]], impressions: [[10, 10]] },
    };
    expect(kpiSeries(ctr, table, "week", PARIS).map((p) => [isoDay(p.start), p.numerator])).toEqual(
      [
        ["2026-03-23", 1],
        ["2026-03-30", 2],
      ],
    );
    expect(
      kpiSeries(ctr, table, "week", ctxOf("America/New_York")).map((p) => p.numerator),
    ).toEqual([3]);
  });

  it("names the column header and the sheet row in errors", () => {
    const table: SeriesTable = {
      dates: [utcDay(2026, 1, 5), utcDay(2026, 1, 6)],
      inputs: { clicks: [[1, "beaucoup"]], impressions: [[10, 10]] },
      headers: { dates: "Date", inputs: { clicks: ["Clics"], impressions: ["Impressions"] } },
      firstRow: 2,
    };
    expect(errorOf(() => kpiSeries(ctr, table, "month", FR, "Objectif « CTR T1 »"))).toBe(
      "Objectif « CTR T1 » : Clics, ligne 3 : « beaucoup » n'est pas un nombre",
    );
    expect(
      errorOf(() =>
        kpiSeries(ctr, { ...table, dates: [utcDay(2026, 1, 5), "demain"] }, "month", FR),
      ),
    ).toBe(
      "KPI_CTR : Date, ligne 3 : « demain » n'est pas une date (indiquez une date, ou du texte AAAA-MM-JJ)",
    );
    expect(
      errorOf(() =>
        kpiSeries(ctr, { ...table, inputs: { clicks: [[1]], impressions: [[1, 2]] } }, "month", FR),
      ),
    ).toMatch(/Clics compte 1 cellules mais Date en compte 2/);
  });

  it("checks bounced ≤ sent per period", () => {
    const table: SeriesTable = {
      dates: [utcDay(2026, 1, 5)],
      inputs: { opens: [[1]], sent: [[10]], bounced: [[11]] },
    };
    expect(errorOf(() => kpiSeries(getKpi("open_rate"), table, "month", ctxOf("UTC")))).toBe(
      "KPI_OPEN_RATE: 2026-01-01: bounced (11) is greater than sent (10)",
    );
  });
});

describe("kpiTotal / kpiValue", () => {
  it("is the function's total, null when blank or over a zero denominator", () => {
    const ctr = getKpi("ctr");
    expect(
      kpiValue(ctr, { inputs: { clicks: [[1, 3]], impressions: [[10, 30]] } }, ctxOf("UTC")),
    ).toBe(0.1);
    expect(
      kpiTotal(ctr, { inputs: { clicks: [[1, 3]], impressions: [[10, 30]] } }, ctxOf("UTC")),
    ).toEqual({
      numerator: 4,
      denominator: 40,
      value: 0.1,
    });
    expect(
      kpiValue(ctr, { inputs: { clicks: [["", ""]], impressions: [[""]] } }, ctxOf("UTC")),
    ).toBeNull();
    expect(kpiTotal(ctr, { inputs: { clicks: [[1]], impressions: [[0]] } }, ctxOf("UTC"))).toEqual({
      numerator: 1,
      denominator: 0,
      value: null,
    });
    expect(
      kpiValue(
        getKpi("unique_visitors"),
        { inputs: { visitor_ids: [["a", "b", "A"]] } },
        ctxOf("UTC"),
      ),
    ).toBe(2);
    expect(
      kpiValue(getKpi("unique_visitors"), { inputs: { visitor_ids: [[""]] } }, ctxOf("UTC")),
    ).toBeNull();
  });
});

/** Random tables for every KPI: small counts, some blanks, dates over four months in Paris. */
function tableArb(kpi: KpiDefinition) {
  const cell = fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 0, max: 50 }) },
    { weight: 1, arbitrary: fc.constant("") },
  );
  return fc.integer({ min: 1, max: 40 }).chain((n) =>
    fc.record({
      dates: fc.array(
        fc.oneof(
          {
            weight: 9,
            arbitrary: fc
              .integer({ min: Date.UTC(2026, 1, 15), max: Date.UTC(2026, 5, 15) })
              .map((ms) => new Date(ms)),
          },
          { weight: 1, arbitrary: fc.constant("") },
        ),
        { minLength: n, maxLength: n },
      ),
      columns: fc.tuple(
        ...kpi.inputs.map((input) => {
          const width = input.multiColumn ? 2 : 1;
          const base: fc.Arbitrary<unknown> =
            input.kind === "id" ? fc.constantFrom("a", "b", "C", " c", "") : cell;
          const column = fc.array(base, { minLength: n, maxLength: n });
          // Optional inputs are sometimes omitted.
          return fc.option(fc.array(column, { minLength: width, maxLength: width }), {
            nil: undefined,
            freq: input.optional ? 2 : 1_000_000,
          });
        }),
      ),
    }),
  );
}

describe("series and functions agree (same parse, same combine)", () => {
  for (const kpi of KPIS) {
    it(`${kpi.id}: each period's value is the function on that period's rows`, () => {
      fc.assert(
        fc.property(
          tableArb(kpi),
          fc.constantFrom<Period>("week", "month"),
          ({ dates, columns }, period) => {
            const inputs: Record<string, unknown[][]> = {};
            kpi.inputs.forEach((input, k) => {
              const c = columns[k];
              if (c && input.kind !== "date") inputs[input.name] = c;
            });
            // Sessions or sent must hold bounces or bounced: make the checks hold by construction.
            for (const c of kpi.checks ?? []) {
              const a = inputs[c.input]?.[0];
              const b = inputs[c.atMost]?.[0];
              if (a && b)
                for (let i = 0; i < b.length; i++) b[i] = (Number(b[i]) || 0) + (Number(a[i]) || 0);
            }
            const table: SeriesTable = { dates, inputs };
            const points = kpiSeries(kpi, table, period, PARIS);
            for (const p of points) {
              const rows = dates
                .map((d, i) => [d, i] as const)
                .filter(
                  ([d]) =>
                    d instanceof Date &&
                    civilDay(d, "Europe/Paris") >= p.start &&
                    civilDay(d, "Europe/Paris") < p.end,
                )
                .map(([, i]) => i);
              expect(p.end).toBe(nextPeriodStart(p.start, period));
              let expected: unknown;
              try {
                expected = viaFunction(kpi, table, rows);
              } catch (e) {
                expect((e as Error).message).toMatch(/sums to 0|somme/);
                expected = null;
              }
              if (typeof expected === "number") close(p.value, expected);
              else expect(p.value).toBeNull();
            }
            // And the total over every row (dates ignored) is the function's total.
            const all = dates.map((_, i) => i);
            let total: unknown;
            try {
              total = viaFunction(kpi, table, all);
            } catch {
              total = null;
            }
            const value = kpiValue(kpi, { inputs }, PARIS);
            // A table without any id has no value (null), where the function counts 0 visitors.
            if (typeof total === "number" && !(kpi.combine.kind === "distinct" && total === 0)) {
              close(value, total);
            } else expect(value).toBeNull();
            // Period starts are local midnights on the way out.
            for (const p of points)
              expect(civilDay(dayToDate(p.start, "Europe/Paris"), "Europe/Paris")).toBe(p.start);
          },
        ),
        { numRuns: 150 },
      );
    });
  }
});
