import { describe, expect, it } from "vitest";
import {
  type AnomalyPoint,
  anomalyIsGood,
  detectAnomalies,
} from "../../src/kpi/anomalies/detect.ts";
import { parseIsoDay } from "../../src/kpi/days.ts";
import { call, ctxOf, errorOf, utcDay } from "./helpers.ts";

const FR_UTC = ctxOf("UTC", "fr_FR");

/** Weekly points from Monday 2026-01-05, one value each. */
function weekly(values: readonly (number | null)[], volumes?: readonly number[]): AnomalyPoint[] {
  const monday = parseIsoDay("2026-01-05");
  return values.map((value, i) => ({ start: monday + 7 * i, value, volume: volumes?.[i] ?? null }));
}

const HISTORY = [10, 12, 11, 13, 10, 12, 11, 13];

describe("detectAnomalies", () => {
  it("flags a planted spike as high and a planted dip as low, and leaves an ordinary week alone", () => {
    // Reference: the 8 weeks before; median 11.5, absolute deviations 1.5 and 0.5 four times
    // each, so MAD = 1.0.
    const [spike] = detectAnomalies(weekly([...HISTORY, 30])).slice(-1);
    expect(spike?.expected).toBe(11.5);
    expect(spike?.score).toBeCloseTo(0.6745 * 18.5, 12); // 12.478
    expect(spike?.flag).toBe("high");
    const [dip] = detectAnomalies(weekly([...HISTORY, 5])).slice(-1);
    expect(dip?.score).toBeCloseTo(0.6745 * -6.5, 12); // −4.384
    expect(dip?.flag).toBe("low");
    const [usual] = detectAnomalies(weekly([...HISTORY, 14])).slice(-1);
    expect(usual?.score).toBeCloseTo(0.6745 * 2.5, 12); // 1.686
    expect(usual?.flag).toBeNull();
  });

  it("keeps judging after a spike: it sits in the next weeks' reference without moving their median much", () => {
    const scores = detectAnomalies(weekly([...HISTORY, 30, 12, 11]));
    // Week 10's reference: 12, 11, 13, 10, 12, 11, 13, 30 (the last 8 of 9; fewer than 12 exist,
    // so all 9: 10, 12, 11, 13, 10, 12, 11, 13, 30) → median 12, deviations 2,0,1,1,2,0,1,1,18 → MAD 1.
    expect(scores[9]?.expected).toBe(12);
    expect(scores[9]?.score).toBe(0);
    expect(scores[9]?.flag).toBeNull();
    expect(scores[10]?.flag).toBeNull();
  });

  it("flags nothing on a flat series, and uses a floor of 2% of the level when MAD is 0", () => {
    const flat = detectAnomalies(weekly(Array(12).fill(10)));
    expect(flat.filter((s) => s.flag !== null)).toEqual([]);
    expect(flat[11]?.score).toBe(0);
    // MAD 0 → floor 0.02 × 10 = 0.2: +1 is 0.6745 × 1 / 0.2 = 3.37 (not flagged), +2 is 6.745.
    const [small] = detectAnomalies(weekly([...Array(8).fill(10), 11])).slice(-1);
    expect(small?.score).toBeCloseTo(3.3725, 12);
    expect(small?.flag).toBeNull();
    const [big] = detectAnomalies(weekly([...Array(8).fill(10), 12])).slice(-1);
    expect(big?.score).toBeCloseTo(6.745, 12);
    expect(big?.flag).toBe("high");
  });

  it("does not score a series that has always been 0: it has no scale", () => {
    const [last] = detectAnomalies(weekly([...Array(8).fill(0), 5])).slice(-1);
    expect(last).toEqual({
      expected: 0,
      score: null,
      flag: null,
      skipped: "no_scale",
      seasonal: false,
    });
  });

  it("scores nothing before 8 periods of history, however wild", () => {
    const short = detectAnomalies(weekly([10, 11, 10, 11, 10, 11, 10, 500]));
    expect(short.every((s) => s.skipped === "short_history" && s.flag === null)).toBe(true);
    expect(short.every((s) => s.expected === null && s.score === null)).toBe(true);
    // The 9th period is the first with 8 before it.
    const nine = detectAnomalies(weekly([10, 11, 10, 11, 10, 11, 10, 11, 500]));
    expect(nine.map((s) => s.flag)).toEqual([...Array(8).fill(null), "high"]);
    // A blank period is no history.
    const gap = detectAnomalies(weekly([10, 11, null, 11, 10, 11, 10, 11, 500]));
    expect(gap[8]?.skipped).toBe("short_history");
  });

  it("does not count a swing of a rate on less than half the usual volume", () => {
    const values = [0.3, 0.31, 0.29, 0.3, 0.31, 0.29, 0.3, 0.31, 0.1];
    const volumes = [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 400];
    const [quiet] = detectAnomalies(weekly(values, volumes)).slice(-1);
    expect(quiet?.skipped).toBe("low_volume");
    expect(quiet?.flag).toBeNull();
    expect(quiet?.expected).toBe(0.3);
    // The same drop on half the volume or more counts.
    const [busy] = detectAnomalies(weekly(values, [...volumes.slice(0, 8), 500])).slice(-1);
    expect(busy?.flag).toBe("low");
  });

  it("compares a day with the same weekday: a quiet Saturday is no anomaly, a quiet Tuesday is", () => {
    const monday = parseIsoDay("2026-01-05");
    // 10 weeks of weekdays at 100 and weekends at 50.
    const days: AnomalyPoint[] = Array.from({ length: 70 }, (_, i) => ({
      start: monday + i,
      value: i % 7 >= 5 ? 50 : 100,
    }));
    const scores = detectAnomalies(days);
    expect(scores.filter((s) => s.flag !== null)).toEqual([]);
    // Day 56 is the first with 8 same weekdays before it; a Saturday (day 61) expects 50.
    expect(scores[55]?.skipped).toBe("short_history");
    expect(scores[61]?.expected).toBe(50);
    // A Tuesday at 50: reference all 100, MAD 0 → floor 2, score 0.6745 × −50 / 2.
    const dip = detectAnomalies(days.map((d, i) => (i === 64 ? { ...d, value: 50 } : d)));
    expect(dip[64]?.score).toBeCloseTo(-16.8625, 12);
    expect(dip[64]?.flag).toBe("low");
  });

  it("expects last year's campaign week again once 60 weeks exist", () => {
    // 100, 101, 102, 103 repeating, with a campaign of 200 in week 9 and again 52 weeks later.
    const values = Array.from({ length: 62 }, (_, i) =>
      i === 9 || i === 61 ? 200 : 100 + (i % 4),
    );
    const scores = detectAnomalies(weekly(values));
    // Week 9 against weeks 0–8: median 101, MAD 1 under the floor 0.02 × 101 = 2.02, so
    // 0.6745 × 99 / 2.02.
    expect(scores[9]?.score).toBeCloseTo(33.057178217821, 10);
    expect(scores[9]?.flag).toBe("high");
    expect(scores[9]?.seasonal).toBe(false);
    // Week 61: the last 12 weeks (three each of 100–103) have median 101.5 and MAD 1 (floored at
    // 2.03); week 9
    // stood 200 − 101 = 99 above its own reference, so 101.5 + 99 = 200.5 is expected.
    expect(scores[61]?.seasonal).toBe(true);
    expect(scores[61]?.expected).toBe(200.5);
    expect(scores[61]?.score).toBeCloseTo((0.6745 * -0.5) / 2.03, 12);
    expect(scores[61]?.flag).toBeNull();
    // Without last year's week the same campaign would be flagged.
    const [alone] = detectAnomalies(weekly(values.slice(40))).slice(-1);
    expect(alone?.flag).toBe("high");
  });

  it("rejects periods out of order", () => {
    expect(() =>
      detectAnomalies([
        { start: 10, value: 1 },
        { start: 3, value: 1 },
      ]),
    ).toThrow(/ascending/);
  });
});

describe("anomalyIsGood", () => {
  it("follows the KPI's direction", () => {
    expect(anomalyIsGood("high", "higher")).toBe(true);
    expect(anomalyIsGood("low", "higher")).toBe(false);
    expect(anomalyIsGood("high", "lower")).toBe(false);
    expect(anomalyIsGood("low", "lower")).toBe(true);
  });
});

describe("KPI_ANOMALIES", () => {
  const mondays = (n: number) => Array.from({ length: n }, (_, i) => [utcDay(2026, 1, 5 + 7 * i)]);

  it("returns value, expected, score and flag per period, in the spreadsheet's language", () => {
    const values = [...HISTORY, 5].map((v) => [v]);
    const out = call("KPI_ANOMALIES", [mondays(9), values, undefined, "higher"]) as unknown[][];
    expect(out).toHaveLength(9);
    expect(out[0]).toEqual([utcDay(2026, 1, 5), 10, "", "", ""]);
    expect(out[8]?.slice(0, 3)).toEqual([utcDay(2026, 3, 2), 5, 11.5]);
    expect(out[8]?.[3]).toBeCloseTo(-4.38425, 12);
    expect(out[8]?.[4]).toBe("low (bad)");
    const fr = call("KPI_ANOMALIES", [mondays(9), values, "", "lower"], FR_UTC) as unknown[][];
    expect(fr[8]?.[4]).toBe("bas (bon signe)");
    const plain = call("KPI_ANOMALIES", [mondays(9), values]) as unknown[][];
    expect(plain[8]?.[4]).toBe("low");
  });

  it("sorts the rows by date, skips blank dates, and leaves a blank value unscored", () => {
    const dates: unknown[][] = [...mondays(9)].reverse();
    dates.splice(3, 0, [""]);
    const values = [...HISTORY, 30].reverse().map((v) => [v]);
    values.splice(3, 0, [999]);
    const out = call("KPI_ANOMALIES", [dates, values]) as unknown[][];
    expect(out.map((r) => r[1])).toEqual([...HISTORY, 30]);
    expect(out[8]?.[4]).toBe("high");
    const blank = call("KPI_ANOMALIES", [
      mondays(9),
      [...HISTORY, ""].map((v) => [v]),
    ]) as unknown[][];
    expect(blank[8]).toEqual([utcDay(2026, 3, 2), "", 11.5, "", ""]);
  });

  it("takes volumes, and names what is wrong", () => {
    const rates = [0.3, 0.31, 0.29, 0.3, 0.31, 0.29, 0.3, 0.31, 0.1].map((v) => [v]);
    const volumes = [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 400].map((v) => [v]);
    const out = call("KPI_ANOMALIES", [mondays(9), rates, volumes]) as unknown[][];
    expect(out[8]?.slice(2)).toEqual([0.3, "", ""]);
    expect(errorOf(() => call("KPI_ANOMALIES", [mondays(9), rates.slice(1)]))).toBe(
      "KPI_ANOMALIES: values has 8 cells but dates has 9; they must be the same size",
    );
    expect(errorOf(() => call("KPI_ANOMALIES", [mondays(9), rates, volumes.slice(2)]))).toBe(
      "KPI_ANOMALIES: volumes has 7 cells but dates has 9; they must be the same size",
    );
    const twice = mondays(9);
    twice[5] = [utcDay(2026, 1, 5)];
    expect(errorOf(() => call("KPI_ANOMALIES", [twice, rates]))).toBe(
      "KPI_ANOMALIES: dates, cell 6: 2026-01-05 appears twice; give one row per period (for example KPI_SERIES)",
    );
    expect(errorOf(() => call("KPI_ANOMALIES", [mondays(9), rates, "", "up"]))).toBe(
      'KPI_ANOMALIES: direction must be "higher" or "lower" (which way is better), not "up"',
    );
    expect(call("KPI_ANOMALIES", [[[""]], [[""]]])).toBe("");
  });
});
