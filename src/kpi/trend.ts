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
 * The Theil–Sen line through (xs, ys): its slope is the median of the slopes between every two
 * points with different xs, its level the median of y − slope × (x − meanX). Chosen over least
 * squares for the dashboard's forecast because one campaign spike among twelve periods moves a
 * median of 66 pairwise slopes by at most a few ranks, where it drags a least-squares line by its
 * whole size; chosen over Huber because it needs no tuning constant and no iterations, so a reader
 * can recompute it by hand. O(n²) pairs: n is at most a few dozen periods.
 */
export function theilSenFit(xs: ArrayLike<number>, ys: ArrayLike<number>): LinearFit {
  const n = xs.length;
  if (ys.length !== n) throw new Error(`theilSenFit: ${n} xs but ${ys.length} ys`);
  if (n < 2) throw new Error(`theilSenFit: needs at least 2 points, got ${n}`);
  const slopes = new Float64Array((n * (n - 1)) / 2);
  let count = 0;
  let sx = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i]!;
    for (let j = i + 1; j < n; j++) {
      const dx = xs[j]! - xs[i]!;
      if (dx !== 0) slopes[count++] = (ys[j]! - ys[i]!) / dx;
    }
  }
  if (count === 0) throw new Error("theilSenFit: every x is the same, so there is no trend");
  const slope = median(slopes.subarray(0, count));
  const meanX = sx / n;
  const levels = new Float64Array(n);
  for (let i = 0; i < n; i++) levels[i] = ys[i]! - slope * (xs[i]! - meanX);
  const level = median(levels);
  return { slope, intercept: level - slope * meanX, meanX, meanY: level, n };
}

/**
 * P(T ≤ t) for Student's t with `dof` degrees of freedom (a positive integer), by the finite
 * series of Abramowitz & Stegun 26.7.3–4: exact, no table, no special function.
 */
export function studentCdf(t: number, dof: number): number {
  if (!Number.isInteger(dof) || dof < 1) throw new Error(`studentCdf: dof must be ≥ 1, got ${dof}`);
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const theta = Math.atan(Math.abs(t) / Math.sqrt(dof));
  const c2 = Math.cos(theta) ** 2;
  let a: number; // P(|T| ≤ |t|)
  if (dof % 2 === 1) {
    let term = 1;
    let sum = dof > 1 ? 1 : 0;
    for (let k = 3; k <= dof - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    a = (2 / Math.PI) * (theta + Math.sin(theta) * Math.cos(theta) * sum);
  } else {
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= dof - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    a = Math.sin(theta) * sum;
  }
  return t >= 0 ? (1 + a) / 2 : (1 - a) / 2;
}

/** The p-quantile (0.5 < p < 1) of Student's t with `dof` degrees of freedom, by bisection. */
export function studentQuantile(p: number, dof: number): number {
  if (!(p > 0.5 && p < 1)) throw new Error(`studentQuantile: p must be in (0.5, 1), got ${p}`);
  let lo = 0;
  let hi = 1;
  while (studentCdf(hi, dof) < p) hi *= 2;
  for (let i = 0; i < 100 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (studentCdf(mid, dof) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The share of outcomes a forecast's interval holds: an 80% prediction interval. */
export const INTERVAL_LEVEL = 0.8;

/**
 * A forecast with its uncertainty: the outcome is read as value + se × T, T a Student's t with
 * `dof` degrees of freedom; [low, high] holds INTERVAL_LEVEL of it.
 */
export interface TrendForecast {
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly se: number;
  readonly dof: number;
  /** The number of periods fitted. */
  readonly n: number;
}

/**
 * The prediction interval at x of a line fitted on points at `xs` whose values missed it by
 * `residuals`: se = s·√(1 + 1/n + (x − x̄)²/Sxx), the textbook formula for a new observation,
 * with s = 1.4826 × the median absolute residual (the standard deviation a normal spread would
 * have, but not inflated by one spike), and a Student's t with n − 2 degrees of freedom, which
 * widens the interval when there are few periods. Null below 3 points (no degree of freedom).
 */
export function predictionInterval(
  value: number,
  xs: readonly number[],
  residuals: readonly number[],
  x: number,
): TrendForecast | null {
  const n = xs.length;
  if (n < 3 || residuals.length !== n) return null;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((a, b) => a + (b - meanX) ** 2, 0);
  if (sxx === 0) return null;
  const s = 1.4826 * median(residuals.map(Math.abs));
  const se = s * Math.sqrt(1 + 1 / n + (x - meanX) ** 2 / sxx);
  const dof = n - 2;
  const half = studentQuantile((1 + INTERVAL_LEVEL) / 2, dof) * se;
  return { value, low: value - half, high: value + half, se, dof, n };
}

/** Median of a non-empty list (a typed array's numeric sort: no comparator to call). */
export function median(xs: ArrayLike<number>): number {
  const s = Float64Array.from(xs).sort();
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
 * The KPI's value forecast at `atDay` from its per-period points, with an 80% prediction
 * interval, or null when there are not enough points (3 with a value, at 2 different dates at
 * least) or the forecast denominator is not positive.
 *
 * A ratio KPI is not forecast by fitting its per-period ratios: that would weigh a period with
 * 10 impressions like one with 10,000, and a straight line through ratios is not the ratio of
 * straight lines through the sums the KPI is defined by. Instead the numerator and the
 * denominator are each fitted (Theil–Sen, theilSenFit), as per-day rates (sum ÷ days covered)
 * placed at the middle of the days they cover, and the forecast is
 * scale × numerator(atDay) ÷ denominator(atDay). Per-day rates make months of 28 and 31 days, a
 * month holding four or five weekly rows, and a first or last period only partly covered,
 * comparable. (A constant rate is forecast exactly whatever the volumes do: Theil–Sen's medians
 * scale with the data.) The interval comes from how far each period's own value lies from that
 * ratio of lines at its middle day (predictionInterval).
 *
 * A distinct count (unique visitors) does not add up over days, so its per-period values are
 * fitted directly, leaving out a last period that is only partly covered.
 */
export function forecastKpi(
  points: readonly PeriodPoint[],
  kpi: KpiDefinition,
  atDay: number,
): TrendForecast | null {
  if (points.length < 2) return null;
  const x = atDay + 0.5;
  const granularity = dataGranularity(points);
  if (kpi.combine.kind === "distinct") {
    const last = points.length - 1;
    const partial = coverage(points[last]!, granularity).to < points[last]!.end;
    const usable = partial && points.length > 2 ? points.slice(0, last) : points;
    return forecastValues(
      usable.map((p) => (p.start + p.end) / 2),
      usable.map((p) => p.numerator),
      x,
    );
  }
  const xs: number[] = [];
  const nums: number[] = [];
  const dens: number[] = [];
  const values: number[] = [];
  for (const p of points) {
    if (p.denominator === null || p.value === null) continue;
    const { from, to } = coverage(p, granularity);
    const days = to - from;
    xs.push((from + to) / 2);
    nums.push(p.numerator / days);
    dens.push(p.denominator / days);
    values.push(p.value);
  }
  if (new Set(xs).size < 2) return null;
  const num = theilSenFit(xs, nums);
  const den = theilSenFit(xs, dens);
  const scale = kpi.combine.scale ?? 1;
  const at = (day: number) => (scale * evalFit(num, day)) / evalFit(den, day);
  if (!(evalFit(den, x) > 0)) return null;
  const residuals = xs.map((xi, i) => values[i]! - at(xi));
  if (!residuals.every(Number.isFinite)) return null;
  return predictionInterval(at(x), xs, residuals, x);
}

/**
 * A Theil–Sen forecast of plain values at x with its 80% prediction interval, or null with
 * fewer than 3 points or a single x: what KPI_STATUS fits on the values it is given, and the
 * dashboard on a distinct count.
 */
export function forecastValues(
  xs: readonly number[],
  ys: readonly number[],
  x: number,
): TrendForecast | null {
  if (xs.length < 3 || new Set(xs).size < 2) return null;
  const fit = theilSenFit(xs, ys);
  return predictionInterval(
    evalFit(fit, x),
    xs,
    ys.map((y, i) => y - evalFit(fit, xs[i]!)),
    x,
  );
}

/**
 * The KPI over a trailing window of `n` periods, as the KPI itself is defined: a ratio KPI is
 * scale × Σnumerators ÷ Σdenominators of the window (a ratio of sums, never a mean of the
 * period ratios, so a quiet period weighs what its volume weighs); a distinct count, which does
 * not add up across periods, is the mean of the window's counts. Element i is null while fewer
 * than n periods precede it, or when the window's denominator is 0.
 */
export function movingKpi(
  points: readonly PeriodPoint[],
  kpi: KpiDefinition,
  n: number,
): (number | null)[] {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`movingKpi: n must be a positive integer, got ${n}`);
  return points.map((_, i) => {
    if (i < n - 1) return null;
    const window = points.slice(i - n + 1, i + 1);
    if (kpi.combine.kind === "distinct") {
      return window.reduce((a, p) => a + p.numerator, 0) / n;
    }
    let num = 0;
    let den = 0;
    for (const p of window) {
      num += p.numerator;
      den += p.denominator ?? 0;
    }
    return den > 0 ? ((kpi.combine.scale ?? 1) * num) / den : null;
  });
}
