/**
 * The one status rule (src/kpi/status.ts) on the audit's real cases, through the dashboard's own
 * path (evaluatePoints), with the reason it gives; and its two promises as properties.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/contract/i18n.ts";
import type { Frequency, Objective } from "../../src/contract/objectives.ts";
import { dayFromParts, isoDay } from "../../src/kpi/days.ts";
import { nextPeriodStart, type Period } from "../../src/kpi/periods.ts";
import { getKpi } from "../../src/kpi/registry/index.ts";
import type { PeriodPoint } from "../../src/kpi/series.ts";
import {
  chanceOfTarget,
  judge,
  MIN_TREND_PERIODS,
  type StatusInput,
} from "../../src/kpi/status.ts";
import { studentQuantile, type TrendForecast } from "../../src/kpi/trend.ts";
import { stakeholderSummary } from "../../src/sheets/dashboard/summary.ts";
import { evaluatePoints } from "../../src/sheets/status/evaluate.ts";

const day = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return dayFromParts(y as number, m as number, d as number) as number;
};

/**
 * Complete periods of a ratio KPI from its values: each period's denominator is `volume`, its
 * numerator value × volume, every day of it covered.
 */
function periods(
  first: string,
  values: readonly number[],
  period: Period = "month",
  volume = 1000,
): PeriodPoint[] {
  let start = day(first);
  return values.map((value) => {
    const end = nextPeriodStart(start, period);
    const p: PeriodPoint = {
      start,
      end,
      numerator: value * volume,
      denominator: volume,
      value,
      firstDay: start,
      lastDay: end - 1,
      days: end - start,
    };
    start = end;
    return p;
  });
}

function objective(o: {
  name: string;
  kpiId: string;
  baseline: number;
  target: number;
  start: string;
  deadline: string;
  frequency?: Frequency;
}): Objective {
  return {
    id: "obj-1",
    name: o.name,
    kpiId: o.kpiId,
    channel: "",
    sourceSheet: "Data",
    dateColumn: "Date",
    inputs: {},
    direction: o.target > o.baseline ? "higher" : "lower",
    baseline: o.baseline,
    target: o.target,
    startDate: o.start,
    deadline: o.deadline,
    startDay: day(o.start),
    deadlineDay: day(o.deadline),
    frequency: o.frequency ?? "monthly",
    owner: "Claire",
    businessGoal: "",
    notes: "",
    created: "",
    updated: "",
  };
}

function evaluate(o: Objective, pts: readonly PeriodPoint[], today: string, lang: Lang = "en") {
  const period: Period =
    o.frequency === "weekly" ? "week" : o.frequency === "quarterly" ? "quarter" : "month";
  return evaluatePoints(o, getKpi(o.kpiId), pts, period, day(today), lang);
}

/** A small, fixed wobble, so the periods never sit exactly on a line. */
const WOBBLE = [0.4, -0.3, 0.1, -0.5, 0.3, 0.2, -0.2, 0.5, -0.1, -0.4, 0.2, 0];

describe("the audit's real cases", () => {
  it("Paid media ROI: on pace, but the trend reaches about 946% of 1,100%: At risk, not On track", () => {
    // ROI 736% in Oct 2025 rising 12 points a month to 868% in Sep 2026 (± a few tenths).
    const values = WOBBLE.map((w, i) => 7.36 + 0.12 * i + w / 100);
    const o = objective({
      name: "Paid media ROI",
      kpiId: "roi",
      baseline: 7,
      target: 11,
      start: "2026-04-01",
      deadline: "2027-03-31",
    });
    const e = evaluate(o, periods("2025-10-01", values), "2026-10-02");
    // Progress (8.68 − 7) / 4 = 42%; 182 of 364 days gone at the end of September: 50%.
    expect(e.progress).toBeCloseTo(0.42, 9);
    expect(e.expected).toBeCloseTo(182 / 364, 9);
    // The old rule said On track (lag 8 points). The line: 8.68 + 0.12 × ~6.5 months ≈ 9.46.
    expect(e.forecast?.value).toBeGreaterThan(9.3);
    expect(e.forecast?.value).toBeLessThan(9.6);
    expect(e.forecast?.high).toBeLessThan(11);
    expect(e.status).toBe("at_risk");
    expect(e.reason).toMatch(
      /^On pace \(42% of the way, 50% of the time gone\), but the trend points to 9\d\d\.\d% by 31 March 2027 \(80% range 9\d\d\.\d% to 9\d\d\.\d%; target 1,100\.0%\): under 5% likely\.$/,
    );
  });

  it("Search ads CTR: ahead of pace, but the trend reaches about 1.77% of 2.0%: At risk", () => {
    // CTR 1.56% in Apr 2026 rising 0.01 points a month to 1.67% in Mar 2027.
    const values = WOBBLE.map((w, i) => (1.56 + 0.01 * i + w / 100) / 100);
    const o = objective({
      name: "Search ads CTR",
      kpiId: "ctr",
      baseline: 0.015,
      target: 0.02,
      start: "2027-01-01",
      deadline: "2027-12-31",
    });
    const e = evaluate(o, periods("2026-04-01", values), "2027-04-02");
    expect(e.progress).toBeCloseTo((0.0167 - 0.015) / 0.005, 9); // 34%
    expect(e.expected).toBeCloseTo(89 / 364, 9); // 24%
    // 1.67% + 0.01 × ~9.5 months ≈ 1.765%.
    expect(e.forecast?.value).toBeGreaterThan(0.0172);
    expect(e.forecast?.value).toBeLessThan(0.0181);
    expect(e.status).toBe("at_risk");
    expect(e.reason).toMatch(
      /^Ahead of pace \(34% of the way, 24% of the time gone\), but the trend points to 1\.8% by 31 December 2027 .*target 2\.0%\): under 5% likely\.$/,
    );
  });

  it("Landing-page bounce rate: on pace, but the trend stops at about 45.6% against 44%: At risk", () => {
    // From 48.8% in Jul 2026 down 0.2 points a month to 46.6% in Jun 2027.
    const values = WOBBLE.map((w, i) => (48.8 - 0.2 * i + w / 10) / 100);
    const o = objective({
      name: "Landing-page bounce rate",
      kpiId: "bounce_rate",
      baseline: 0.5,
      target: 0.44,
      start: "2027-01-01",
      deadline: "2027-12-31",
    });
    const e = evaluate(o, periods("2026-07-01", values), "2027-07-02");
    // Progress (50 − 46.6) / 6 = 57%; 180 of 364 days: 49%.
    expect(e.progress).toBeCloseTo((0.5 - 0.466) / 0.06, 9);
    expect(e.status).toBe("at_risk");
    // 46.6% − 0.2 × 6 months ≈ 45.4%: still above 44%.
    expect(e.forecast?.value).toBeGreaterThan(0.449);
    expect(e.forecast?.value).toBeLessThan(0.459);
    expect(e.reason).toMatch(
      /^Ahead of pace .*, but the trend points to 45\.\d% by 31 December 2027/,
    );
  });

  it("Instagram engagement: baseline 0 accepted no more, and the flat trend at ~57 is At risk", () => {
    // Interactions per post between 52 and 61 all year; baseline 0, target 70.
    const values = [55, 52, 58, 61, 54, 57, 60, 53, 59, 56, 58, 61];
    const o = objective({
      name: "Instagram engagement",
      kpiId: "engagement",
      baseline: 0,
      target: 70,
      start: "2026-01-01",
      deadline: "2026-12-31",
    });
    const e = evaluate(o, periods("2026-01-01", values, "month", 20), "2027-01-01");
    // As of 1 January the deadline has passed: December (61) decides, and 61 < 70.
    expect(e.status).toBe("missed");
    const mid = evaluate(o, periods("2025-07-01", values, "month", 20), "2026-07-02");
    // June 2026 = 61: progress 87% with 49% of the time gone, the old rule's "On track".
    expect(mid.progress).toBeCloseTo(61 / 70, 9);
    expect(mid.status).toBe("at_risk");
    expect(mid.forecast?.high).toBeLessThan(70);
    // The three months whose middle is nearest 1 January 2026 (Jan 60, Dec 57, Nov 54): 57.
    expect(mid.warnings).toEqual([
      "Baseline 0: the data around the start is about 57.00, so progress counts from too low; edit the objective's baseline.",
    ]);
  });

  it("CPA ≤ 6.70 by 31 March: March (7.46) decides Missed, June's 6.61 is only noted", () => {
    const values = [7.9, 7.7, 7.46, 7.1, 6.8, 6.61];
    const o = objective({
      name: "Paid search CPA",
      kpiId: "cpa",
      baseline: 8,
      target: 6.7,
      start: "2027-01-01",
      deadline: "2027-03-31",
    });
    const e = evaluate(o, periods("2027-01-01", values), "2027-07-01");
    expect(e.status).toBe("missed");
    expect(e.reason).toBe(
      "Mar 2027, the period of the deadline, decides: 7.46 against a target of 6.70. Since then: 6.61 in Jun 2027, which does not change the verdict.",
    );
    expect(stakeholderSummary([e], "en")).toBe(
      "The objective needs attention. Paid search CPA missed: 7.46 in Mar 2027 against 6.70 by 31 March 2027.",
    );
    const fr = evaluate(o, periods("2027-01-01", values), "2027-07-01", "fr");
    expect(stakeholderSummary([fr], "fr")).toBe(
      "L'objectif demande de l'attention. Paid search CPA manqué : 7,46 en mars 2027 pour une cible de 6,70 au 31 mars 2027.",
    );
  });

  it("ROAS: a period before the start date is Not started, not On track", () => {
    const o = objective({
      name: "ROAS",
      kpiId: "roas",
      baseline: 3,
      target: 4,
      start: "2027-07-01",
      deadline: "2027-12-31",
    });
    const pts = periods("2027-01-01", [3, 3.1, 2.9, 3, 3.05, 3]);
    const e = evaluate(o, pts, "2027-07-02");
    expect(e.current?.start).toBe(day("2027-06-01"));
    expect(e.status).toBe("not_started");
    expect(e.reason).toBe("No complete period since the start (1 July 2027) yet.");
    const before = evaluate(o, pts, "2027-06-20", "fr");
    expect(before.status).toBe("not_started");
    expect(before.reason).toBe("Commence le 1er juillet 2027.");
  });

  it("A weekly spike: twelve weeks ending on a campaign do not double the December forecast", () => {
    // Eleven ordinary weeks of 50–56 interactions per post, then a campaign week at 95.
    const values = [52, 54, 51, 55, 53, 56, 52, 54, 53, 55, 53.67, 95];
    const o = objective({
      name: "Weekly engagement",
      kpiId: "engagement",
      baseline: 50,
      target: 60,
      start: "2027-09-06",
      deadline: "2027-12-31",
      frequency: "weekly",
    });
    const pts = periods("2027-09-06", values, "week", 30);
    const e = evaluate(o, pts, "2027-11-29");
    // A least-squares line through the weekly values would reach about 100 by the end of
    // December: slope ≈ 1.9 a week from the spike alone. The robust trend stays near 55–58.
    expect(e.forecast?.value).toBeGreaterThan(53);
    expect(e.forecast?.value).toBeLessThan(62);
  });
});

describe("judge", () => {
  const base = {
    baseline: 0,
    target: 100,
    startDay: 0,
    deadlineDay: 360,
    asOfDay: 181,
    decisive: null,
    latest: null,
  } as const;
  const forecast = (value: number, se: number, dof = 8): TrendForecast => {
    const half = studentQuantile(0.9, dof) * se;
    return { value, low: value - half, high: value + half, se, dof, n: dof + 2 };
  };
  const at = (value: number, f: TrendForecast | null, periods = 10): StatusInput => ({
    ...base,
    current: { start: 150, value, day: 180 },
    forecast: f,
    trendPeriods: periods,
  });

  it("combines pace and chance by its table", () => {
    // e = 180/360 = 0.5.
    expect(judge(at(50, forecast(130, 10)))?.status).toBe("on_track"); // on pace, likely
    expect(judge(at(30, forecast(130, 10)))?.status).toBe("on_track"); // behind 20, likely
    expect(judge(at(20, forecast(130, 10)))?.status).toBe("at_risk"); // far behind, likely
    expect(judge(at(50, forecast(100, 10)))?.status).toBe("at_risk"); // 50%: uncertain
    expect(judge(at(20, forecast(100, 10)))?.status).toBe("off_track");
    expect(judge(at(60, forecast(70, 10)))?.status).toBe("at_risk"); // ahead, unlikely
    expect(judge(at(30, forecast(70, 10)))?.status).toBe("off_track");
  });

  it("lets pace alone decide below MIN_TREND_PERIODS periods, and says so", () => {
    const v = judge(at(42, forecast(130, 10), MIN_TREND_PERIODS - 1));
    expect(v).toMatchObject({ status: "on_track", basis: "pace", why: "few_periods" });
    expect(judge(at(30, null, 4))?.status).toBe("at_risk");
    expect(judge(at(20, null, 4))?.status).toBe("off_track");
    expect(judge(at(50, null, 9))).toMatchObject({ basis: "pace", why: "no_trend" });
  });

  it("reads the chance from Student's t: the 80% interval's edge is a 10% chance", () => {
    const f = forecast(90, 5, 6);
    expect(chanceOfTarget(f, f.high, true)).toBeCloseTo(0.1, 9);
    expect(chanceOfTarget(f, f.low, true)).toBeCloseTo(0.9, 9);
    expect(chanceOfTarget(f, f.low, false)).toBeCloseTo(0.1, 9);
    expect(chanceOfTarget({ ...f, se: 0 }, 90, true)).toBe(1);
    expect(chanceOfTarget({ ...f, se: 0 }, 90.1, true)).toBe(0);
  });

  it("is Not started before the start, and decides after the deadline by the decisive value", () => {
    expect(judge({ ...at(50, null), asOfDay: -1 })?.status).toBe("not_started");
    const after = { ...at(50, null), asOfDay: 400 };
    expect(judge({ ...after, decisive: { start: 330, value: 100 } })?.status).toBe("achieved");
    expect(judge({ ...after, decisive: { start: 330, value: 99 } })?.status).toBe("missed");
    expect(judge(after)).toBeNull();
  });
});

describe("status properties", () => {
  const wrongSide = (higher: boolean, target: number, f: TrendForecast) =>
    higher ? f.high < target : f.low > target;

  it("is never On track when the interval lies entirely on the wrong side (judge)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        fc.integer({ min: 0, max: 400 }),
        (baseline, target, value, se, dof, current, asOf) => {
          fc.pre(target !== baseline);
          const half = studentQuantile(0.9, dof) * se;
          const f = { value, low: value - half, high: value + half, se, dof, n: dof + 2 };
          const v = judge({
            baseline,
            target,
            startDay: 0,
            deadlineDay: 360,
            asOfDay: asOf,
            current: { start: 0, value: current, day: Math.min(asOf, 360) },
            decisive: null,
            latest: null,
            forecast: f,
            trendPeriods: 12,
          });
          if (wrongSide(target > baseline, target, f)) expect(v?.status).not.toBe("on_track");
        },
      ),
    );
  });

  it("is never On track when the interval lies entirely on the wrong side (dashboard)", () => {
    const o = objective({
      name: "CTR",
      kpiId: "ctr",
      baseline: 0.02,
      target: 0.03,
      start: "2027-01-01",
      deadline: "2027-12-31",
    });
    let checked = 0;
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 0.05, noNaN: true }), {
          minLength: 1,
          maxLength: 14,
        }),
        fc.double({ min: 0.001, max: 0.05, noNaN: true }),
        (values, target) => {
          fc.pre(Math.abs(target - 0.02) > 1e-6);
          const t = { ...o, target, direction: target > 0.02 ? "higher" : "lower" } as Objective;
          const e = evaluate(t, periods("2026-06-01", values), "2027-08-05");
          if (e.forecast && wrongSide(target > 0.02, target, e.forecast)) {
            checked++;
            expect(e.status).not.toBe("on_track");
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(10);
  });

  it("never lets data after the deadline change Achieved or Missed", () => {
    const o = objective({
      name: "CPA",
      kpiId: "cpa",
      baseline: 8,
      target: 6.7,
      start: "2027-01-01",
      deadline: "2027-03-31",
    });
    const value = fc.double({ min: 1, max: 15, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 3 }),
        fc.array(value, { maxLength: 6 }),
        fc.array(value, { maxLength: 6 }),
        fc.integer({ min: 0, max: 200 }),
        (byDeadline, after, otherAfter, late) => {
          // Up to January–March, then whatever months come after the deadline.
          const first = "2027-04-01";
          const start = ["2027-03-01", "2027-02-01", "2027-01-01"][byDeadline.length - 1] as string;
          const before = periods(start, byDeadline);
          const today = isoDay(
            day(first) + 10 + late + 31 * Math.max(after.length, otherAfter.length),
          );
          const one = evaluate(o, [...before, ...periods(first, after)], today);
          const two = evaluate(o, [...before, ...periods(first, otherAfter)], today);
          expect(one.status === "achieved" || one.status === "missed").toBe(true);
          expect(two.status).toBe(one.status);
          // The decisive value is March's, whatever follows.
          const decisive = one.verdict && "decisive" in one.verdict ? one.verdict.decisive : null;
          expect(decisive?.value).toBe(byDeadline[byDeadline.length - 1]);
        },
      ),
    );
  });
});
