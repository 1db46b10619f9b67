/**
 * Progress towards a target, the status of an objective, linear trends and forecasts.
 */
import type { PeriodPoint } from "./series.ts";
import type { KpiDefinition } from "./types.ts";

/**
 * How far `actual` has gone from `baseline` towards `target`: 0 at the baseline, 1 at the target.
 * Works for targets below the baseline (lowering a bounce rate), and is not clamped.
 */
export function progress(actual: number, target: number, baseline = 0): number {
  if (target === baseline) {
    throw new Error(`progress: target equals baseline (${target}), so progress is undefined`);
  }
  return (actual - baseline) / (target - baseline);
}

/** Share of [startDay, deadlineDay] elapsed at `asOfDay`, in calendar days, clamped to [0, 1]. */
export function elapsedShare(startDay: number, deadlineDay: number, asOfDay: number): number {
  if (deadlineDay <= startDay) return asOfDay >= deadlineDay ? 1 : 0;
  const e = (asOfDay - startDay) / (deadlineDay - startDay);
  return Math.min(1, Math.max(0, e));
}

export type Status = "achieved" | "on_track" | "at_risk" | "off_track" | "missed";

/** The words KPI_STATUS returns, in English whatever the locale, so formulas can compare them. */
export const STATUS_WORDS: Readonly<Record<Status, string>> = {
  achieved: "Achieved",
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  missed: "Missed",
};

/**
 * Absorbs floating-point noise at the thresholds: 0.45 − 0.35 is 0.10000000000000003, which a
 * user reads as exactly 10 points behind, so on track.
 */
const EPSILON = 1e-9;

/**
 * The status of an objective from its progress `p` and the elapsed share `e` of its time:
 * p ≥ 1 achieved; otherwise missed once `asOfDay` is past the deadline; otherwise on track when
 * progress lags time by at most 10 points, at risk up to 25, off track beyond.
 */
export function statusOf(p: number, e: number, asOfDay: number, deadlineDay: number): Status {
  if (p >= 1 - EPSILON) return "achieved";
  if (asOfDay > deadlineDay) return "missed";
  const lag = e - p;
  if (lag <= 0.1 + EPSILON) return "on_track";
  if (lag <= 0.25 + EPSILON) return "at_risk";
  return "off_track";
}

export interface LinearFit {
  readonly slope: number;
  readonly intercept: number;
  /** Mean of xs: the fit is evaluated as meanY + slope × (x − meanX) to keep precision. */
  readonly meanX: number;
  readonly meanY: number;
  readonly n: number;
}

/**
 * Ordinary least squares y = intercept + slope × x. Centred sums keep it exact enough with x in
 * day numbers (~20,000). Throws with fewer than 2 points or when every x is the same.
 */
export function linearFit(xs: ArrayLike<number>, ys: ArrayLike<number>): LinearFit {
  const n = xs.length;
  if (ys.length !== n) throw new Error(`linearFit: ${n} xs but ${ys.length} ys`);
  if (n < 2) throw new Error(`linearFit: needs at least 2 points, got ${n}`);
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i]!;
    sy += ys[i]!;
  }
  const meanX = sx / n;
  const meanY = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - meanX;
    sxx += dx * dx;
    sxy += dx * (ys[i]! - meanY);
  }
  if (sxx === 0) throw new Error("linearFit: every x is the same, so there is no trend");
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX, meanX, meanY, n };
}

/** A fit's value at x. */
export function evalFit(fit: LinearFit, x: number): number {
  return fit.meanY + fit.slope * (x - fit.meanX);
}

/** The least-squares line through (xs, ys), evaluated at x. */
export function forecastAt(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  return evalFit(linearFit(xs, ys), x);
}

/**
 * Trailing moving average over `n` periods: element i is the mean of the non-null values among
 * values[i−n+1 … i], or null when i < n − 1 or that window holds no value.
 */
export function movingAverage(values: readonly (number | null)[], n: number): (number | null)[] {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`movingAverage: n must be a positive integer, got ${n}`);
  const out: (number | null)[] = [];
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined) {
      sum += v;
      count++;
    }
    if (i >= n) {
      const old = values[i - n];
      if (old !== null && old !== undefined) {
        sum -= old;
        count--;
      }
    }
    out.push(i >= n - 1 && count > 0 ? sum / count : null);
  }
  return out;
}

/** Median of a non-empty list. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The typical number of days one row of data stands for: the median gap between days with data.
 * A table with one row per week gives 7, so a last period whose only row is dated Monday is read
 * as covering that week, not one day.
 */
export function dataGranularity(points: readonly PeriodPoint[]): number {
  const gaps: number[] = [];
  for (const p of points) {
    if (p.days > 1) gaps.push((p.lastDay - p.firstDay) / (p.days - 1));
  }
  for (let i = 1; i < points.length; i++) gaps.push(points[i]!.firstDay - points[i - 1]!.lastDay);
  const positive = gaps.filter((g) => g > 0);
  return positive.length > 0 ? Math.max(1, median(positive)) : 1;
}

/**
 * The last day the data covers, as of `today`, or null without data: one row may stand for
 * several days (a weekly or monthly export dated on the period's first day), so the data reaches
 * one typical row span past its last date, and never past yesterday (today is not over).
 */
export function dataEndDay(points: readonly PeriodPoint[], today: number): number | null {
  let latest: number | null = null;
  for (const p of points) {
    if (p.start > today) continue;
    const last = Math.min(p.lastDay, today);
    if (latest === null || last > latest) latest = last;
  }
  if (latest === null) return null;
  const span = Math.max(1, Math.round(dataGranularity(points)));
  return Math.min(latest + span - 1, today - 1);
}

/**
 * The periods whose data is complete as of `today`: those that ended by the last day the data
 * covers. The dashboard's "current" value and the wizard's baseline both use this rule, so a
 * source that stops mid-month never offers that half month as a full one.
 */
export function completePoints(points: readonly PeriodPoint[], today: number): PeriodPoint[] {
  const end = dataEndDay(points, today);
  return end === null ? [] : points.filter((p) => p.end <= end + 1);
}

/**
 * The days a point's data covers, [from, to): from its first day with data to one granularity
 * after its last. Not the calendar period: a month holding five weekly rows covers 35 days, and
 * the current, unfinished month only the days reported so far.
 */
function coverage(p: PeriodPoint, granularity: number): { from: number; to: number } {
  return { from: p.firstDay, to: p.lastDay + granularity };
}

/**
 * The KPI's value forecast at `atDay` from its per-period points, or null when there are not
 * enough points (2, with different dates) or the forecast denominator is not positive.
 *
 * A ratio KPI is not forecast by fitting its per-period ratios: that would weigh a period with
 * 10 impressions like one with 10,000, and a straight line through ratios is not the ratio of
 * straight lines through the sums the KPI is defined by. Instead the numerator and the
 * denominator are each fitted, as per-day rates (sum ÷ days covered) placed at the middle of
 * the days they cover, and the forecast is scale × numerator(atDay) ÷ denominator(atDay).
 * Per-day rates make months of 28 and 31 days, a month holding four or five weekly rows, and a
 * first or last period only partly covered, comparable; the ratio of the two fitted rates is the
 * ratio of sums over any short window around atDay, which is what the KPI means on that day.
 * (A constant rate is forecast exactly whatever the volumes do, since least squares is linear.)
 *
 * A distinct count (unique visitors) does not add up over days, so its per-period values are
 * fitted directly, leaving out a last period that is only partly covered.
 */
export function forecastKpi(
  points: readonly PeriodPoint[],
  kpi: KpiDefinition,
  atDay: number,
): number | null {
  if (points.length < 2) return null;
  const x = atDay + 0.5;
  const granularity = dataGranularity(points);
  if (kpi.combine.kind === "distinct") {
    const last = points.length - 1;
    const partial = coverage(points[last]!, granularity).to < points[last]!.end;
    const usable = partial && points.length > 2 ? points.slice(0, last) : points;
    const xs = usable.map((p) => (p.start + p.end) / 2);
    const ys = usable.map((p) => p.numerator);
    if (new Set(xs).size < 2) return null;
    return forecastAt(xs, ys, x);
  }
  const xs: number[] = [];
  const nums: number[] = [];
  const dens: number[] = [];
  for (const p of points) {
    if (p.denominator === null) continue;
    const { from, to } = coverage(p, granularity);
    const days = to - from;
    xs.push((from + to) / 2);
    nums.push(p.numerator / days);
    dens.push(p.denominator / days);
  }
  if (new Set(xs).size < 2) return null;
  const num = forecastAt(xs, nums, x);
  const den = forecastAt(xs, dens, x);
  if (!(den > 0)) return null;
  return ((kpi.combine.scale ?? 1) * num) / den;
}
