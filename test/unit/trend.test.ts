import { describe, expect, it } from "vitest";
import { parseIsoDay } from "../../src/kpi/days.ts";
import { getKpi } from "../../src/kpi/registry/index.ts";
import { kpiSeries, type PeriodPoint, type SeriesTable } from "../../src/kpi/series.ts";
import {
  completePoints,
  dataEndDay,
  elapsedShare,
  evalFit,
  forecastAt,
  forecastKpi,
  linearFit,
  movingKpi,
  predictionInterval,
  progress,
  studentCdf,
  studentQuantile,
  theilSenFit,
} from "../../src/kpi/trend.ts";
import { close, ctxOf, utcDay } from "./helpers.ts";

describe("progress", () => {
  it("is 0 at the baseline and 1 at the target, either way, unclamped", () => {
    expect(progress(50, 200)).toBe(0.25);
    expect(progress(150, 200, 100)).toBe(0.5);
    close(progress(0.45, 0.4, 0.5), 0.5, 12);
    expect(progress(300, 200, 100)).toBe(2);
    expect(progress(50, 200, 100)).toBe(-0.5);
    expect(() => progress(1, 5, 5)).toThrow(/target equals baseline/);
  });
});

describe("elapsedShare", () => {
  const d = parseIsoDay;
  it("is the share of calendar days, clamped to [0, 1]", () => {
    expect(elapsedShare(d("2026-01-01"), d("2026-01-11"), d("2026-01-06"))).toBe(0.5);
    expect(elapsedShare(d("2026-01-01"), d("2026-01-11"), d("2025-12-01"))).toBe(0);
    expect(elapsedShare(d("2026-01-01"), d("2026-01-11"), d("2026-02-01"))).toBe(1);
    expect(elapsedShare(d("2026-01-01"), d("2026-01-01"), d("2026-01-01"))).toBe(1);
    expect(elapsedShare(d("2026-01-01"), d("2026-01-01"), d("2025-12-31"))).toBe(0);
  });
});

describe("linearFit / forecastAt", () => {
  it("fits least squares", () => {
    const fit = linearFit([0, 1, 2], [1, 3, 2]);
    close(fit.slope, 0.5, 12);
    close(fit.intercept, 1.5, 12);
    close(forecastAt([0, 1, 2], [1, 3, 2], 10), 6.5, 12);
    // Large x (day numbers) stay precise.
    close(forecastAt([20500, 20501, 20502], [10, 12, 14], 20504), 18, 9);
  });
  it("throws with fewer than 2 points or one x", () => {
    expect(() => linearFit([1], [1])).toThrow(/at least 2 points/);
    expect(() => linearFit([1, 1], [1, 2])).toThrow(/every x is the same/);
    expect(() => linearFit([1, 2], [1])).toThrow(/2 xs but 1 ys/);
  });
});

/** Daily rows from `from` for `days` days, clicks and impressions from functions of the day index. */
function daily(
  from: string,
  days: number,
  clicks: (i: number) => number,
  impressions: (i: number) => number,
): SeriesTable {
  const start = parseIsoDay(from);
  const dates: Date[] = [];
  const c: number[] = [];
  const im: number[] = [];
  for (let i = 0; i < days; i++) {
    dates.push(new Date((start + i) * 86_400_000));
    c.push(clicks(i));
    im.push(impressions(i));
  }
  return { dates, inputs: { clicks: [c], impressions: [im] } };
}

describe("forecastKpi", () => {
  const ctr = getKpi("ctr");
  const utc = ctxOf("UTC");

  it("keeps a constant rate whatever the volume does (numerator and denominator fitted alike)", () => {
    // Volume swings wildly from month to month; the rate is always 2%.
    const volumes = [1000, 50, 4000, 200, 3000];
    const table = daily(
      "2026-01-01",
      150,
      (i) => volumes[Math.floor(i / 30)]! * 0.02,
      (i) => volumes[Math.floor(i / 30)]!,
    );
    const points = kpiSeries(ctr, table, "month", utc);
    close(forecastKpi(points, ctr, parseIsoDay("2026-09-30"))?.value, 0.02, 9);
  });

  it("is not fooled by a partly covered last period", () => {
    // 10 clicks and 100 impressions a day, data until 2026-04-10: April is a third covered.
    const table = daily(
      "2026-01-01",
      100,
      () => 10,
      () => 100,
    );
    const points = kpiSeries(ctr, table, "month", utc);
    expect(points.at(-1)?.days).toBe(10);
    close(forecastKpi(points, ctr, parseIsoDay("2026-06-30"))?.value, 0.1, 9);
    const cpm = getKpi("cpm");
    const costTable: SeriesTable = {
      dates: table.dates,
      inputs: { cost: table.inputs.clicks!, impressions: table.inputs.impressions! },
    };
    close(
      forecastKpi(kpiSeries(cpm, costTable, "month", utc), cpm, parseIsoDay("2026-06-30"))?.value,
      100,
      9,
    );
  });

  it("follows a rate that rises linearly", () => {
    // Impressions steady at 1000 a day; clicks rise by 0.5 a day: the rate at day t is (20 + 0.5t)/1000.
    const table = daily(
      "2026-01-01",
      180,
      (i) => 20 + 0.5 * i,
      () => 1000,
    );
    const points = kpiSeries(ctr, table, "month", utc);
    const at = parseIsoDay("2026-09-01");
    close(
      forecastKpi(points, ctr, at)?.value,
      (20 + 0.5 * (at - parseIsoDay("2026-01-01"))) / 1000,
      12,
    );
  });

  it("reads weekly rows as covering a week, not a day", () => {
    // One row per Monday, 7000 impressions and a rate rising 0.001 a week.
    const dates: Date[] = [];
    const clicks: number[] = [];
    const impressions: number[] = [];
    const first = parseIsoDay("2026-01-05");
    for (let k = 0; k < 22; k++) {
      dates.push(new Date((first + 7 * k) * 86_400_000));
      impressions.push(7000);
      clicks.push(7000 * (0.02 + 0.001 * k));
    }
    const points = kpiSeries(
      ctr,
      { dates, inputs: { clicks: [clicks], impressions: [impressions] } },
      "month",
      utc,
    );
    // The rate on a day d is that of the week containing it, ~0.02 + 0.001 × (d − first − 3) / 7.
    const at = parseIsoDay("2026-07-01");
    const truth = 0.02 + (0.001 * (at + 0.5 - first - 3.5)) / 7;
    const got = forecastKpi(points, ctr, at)!;
    expect(Math.abs(got.value - truth) / truth).toBeLessThan(1e-9);
  });

  it("fits distinct counts per complete period", () => {
    const mk = (start: number, n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => `${prefix}${start + i}`);
    const ids = [...mk(0, 100, "a"), ...mk(0, 110, "b"), ...mk(0, 120, "c"), ...mk(0, 20, "d")];
    const months = ["2026-01", "2026-02", "2026-03", "2026-04"];
    const dates = [
      ...Array(100).fill(`${months[0]}-10`),
      ...Array(110).fill(`${months[1]}-10`),
      ...Array(120).fill(`${months[2]}-10`),
      ...Array(20).fill(`${months[3]}-02`),
    ];
    const uv = getKpi("unique_visitors");
    const points = kpiSeries(uv, { dates, inputs: { visitor_ids: [ids] } }, "month", utc);
    expect(points.map((p) => p.value)).toEqual([100, 110, 120, 20]);
    // April (one day of data so far) is left out: the trend of 100, 110, 120 continues.
    const got = forecastKpi(points, uv, parseIsoDay("2026-05-16"))!;
    expect(got.value).toBeGreaterThan(135);
    expect(got.value).toBeLessThan(145);
  });

  it("returns null without two points, or when the denominator trends to nothing", () => {
    const one: PeriodPoint[] = [
      {
        start: 0,
        end: 31,
        numerator: 1,
        denominator: 10,
        value: 0.1,
        firstDay: 0,
        lastDay: 30,
        days: 31,
      },
    ];
    expect(forecastKpi(one, ctr, 100)).toBeNull();
    const falling = daily(
      "2026-01-01",
      60,
      () => 1,
      (i) => (i < 31 ? 1000 : 10),
    );
    expect(
      forecastKpi(kpiSeries(ctr, falling, "month", utc), ctr, parseIsoDay("2026-12-31")),
    ).toBeNull();
  });
});

describe("utcDay helper sanity", () => {
  it("is a UTC midnight", () => {
    expect(utcDay(2026, 1, 1).toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });
});

describe("completePoints and dataEndDay", () => {
  const ctr = getKpi("ctr");
  const utc = ctxOf("UTC");
  const d = parseIsoDay;
  const monthsOf = (points: readonly PeriodPoint[]) =>
    points.map((p) => new Date(p.start * 86_400_000).toISOString().slice(0, 7));
  /** One row every `step` days from `from`, `count` rows. */
  const rows = (from: string, step: number, count: number): SeriesTable => {
    const dates: Date[] = [];
    for (let i = 0; i < count; i++) dates.push(new Date((d(from) + i * step) * 86_400_000));
    return { dates, inputs: { clicks: [dates.map(() => 1)], impressions: [dates.map(() => 10)] } };
  };

  it("with daily rows, takes a month once its last day is over", () => {
    const points = kpiSeries(ctr, rows("2026-01-01", 1, 59), "month", utc); // to 28 Feb
    expect(dataEndDay(points, d("2026-03-01"))).toBe(d("2026-02-28"));
    expect(monthsOf(completePoints(points, d("2026-03-01")))).toEqual(["2026-01", "2026-02"]);
    // On 28 February itself, the day is not over yet.
    expect(monthsOf(completePoints(points, d("2026-02-28")))).toEqual(["2026-01"]);
  });

  it("does not take a month whose data stops half way as complete", () => {
    const points = kpiSeries(ctr, rows("2026-01-01", 1, 51), "month", utc); // to 20 Feb
    expect(monthsOf(completePoints(points, d("2026-03-10")))).toEqual(["2026-01"]);
  });

  it("lets a weekly row dated Monday cover its week", () => {
    // Mondays 5 Jan … 23 Feb 2026: the last row covers up to Sunday 1 March.
    const points = kpiSeries(ctr, rows("2026-01-05", 7, 8), "month", utc);
    expect(dataEndDay(points, d("2026-03-05"))).toBe(d("2026-03-01"));
    expect(monthsOf(completePoints(points, d("2026-03-05")))).toEqual(["2026-01", "2026-02"]);
  });

  it("has nothing complete without data", () => {
    expect(dataEndDay([], d("2026-03-01"))).toBeNull();
    expect(completePoints([], d("2026-03-01"))).toEqual([]);
  });
});

describe("theilSenFit", () => {
  it("ignores one spike that drags least squares (hand-computed)", () => {
    // y = 1 + 2x, except a spike of 100 at x = 4. Pairwise slopes: six of 2, then 24.75, 32.3,
    // 47.5 and 93: median 2. Levels y − 2(x − 2): 5, 5, 5, 5, 96: median 5. At x = 10: 21.
    const xs = [0, 1, 2, 3, 4];
    const ys = [1, 3, 5, 7, 100];
    const fit = theilSenFit(xs, ys);
    close(fit.slope, 2, 12);
    close(evalFit(fit, 10), 21, 12);
    // Least squares: slope Σdx·dy / Σdx² = 202 / 10 = 20.2, at 10: 23.2 + 20.2 × 8 = 184.8.
    close(forecastAt(xs, ys, 10), 184.8, 9);
  });
  it("refuses one x, and too few points", () => {
    expect(() => theilSenFit([1, 1], [1, 2])).toThrow(/every x is the same/);
    expect(() => theilSenFit([1], [1])).toThrow(/at least 2 points/);
  });
});

describe("Student's t", () => {
  it("matches the printed tables", () => {
    // Cauchy (1 dof): P(T ≤ 1) = 3/4 exactly; t(2): P(T ≤ t) = ½ + t / (2√(2 + t²)).
    close(studentCdf(1, 1), 0.75, 12);
    close(studentCdf(1, 2), 0.5 + 1 / (2 * Math.sqrt(3)), 12);
    close(studentCdf(0, 7), 0.5, 12);
    close(studentCdf(-1, 1), 0.25, 12);
    // 90% quantiles from the tables: 3.078 (1), 1.886 (2), 1.638 (3), 1.372 (10), 1.325 (20).
    close(studentQuantile(0.9, 1), 3.078, 3);
    close(studentQuantile(0.9, 2), 1.886, 3);
    close(studentQuantile(0.9, 3), 1.638, 3);
    close(studentQuantile(0.9, 10), 1.372, 3);
    close(studentQuantile(0.9, 20), 1.325, 3);
  });
});

describe("predictionInterval", () => {
  it("is value ± t·s·√(1 + 1/n + (x − x̄)²/Sxx), s = 1.4826 × median |residual|", () => {
    // xs 0..4: x̄ = 2, Sxx = 10; |residuals| 1, 1, 0, 2, 1: median 1, s = 1.4826. At x = 7:
    // √(1 + 1/5 + 25/10) = √3.7; t(0.9, 3) = 1.6377.
    const f = predictionInterval(50, [0, 1, 2, 3, 4], [1, -1, 0, 2, -1], 7)!;
    const se = 1.4826 * Math.sqrt(3.7);
    close(f.se, se, 12);
    expect(f.dof).toBe(3);
    close(f.high - f.value, 1.6377 * se, 3);
    close(f.value - f.low, f.high - f.value, 12);
    expect(predictionInterval(50, [0, 1], [0, 0], 3)).toBeNull();
  });
});

describe("movingKpi", () => {
  it("is a ratio of sums over the window, never the mean of the ratios", () => {
    const ctr = getKpi("ctr");
    const p = (numerator: number, denominator: number): PeriodPoint => ({
      start: 0,
      end: 1,
      numerator,
      denominator,
      value: numerator / denominator,
      firstDay: 0,
      lastDay: 0,
      days: 1,
    });
    // 10/100, 1/10 and 50/1000: the mean of ratios is 0.0833…; the ratio of sums 61/1110.
    const averages = movingKpi([p(10, 100), p(1, 10), p(50, 1000), p(0, 0)], ctr, 3);
    expect(averages[0]).toBeNull();
    expect(averages[1]).toBeNull();
    close(averages[2], 61 / 1110, 15);
    close(averages[3], 51 / 1010, 15);
  });
});
