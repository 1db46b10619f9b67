/**
 * Unusual periods: a seasonal-naive expectation and a robust z-score (Iglewicz & Hoaglin's
 * modified z-score). Pure; the dashboard marks what it flags and KPI_ANOMALIES returns it.
 *
 * For each period, its reference periods are the last REFERENCE_MAX before it in the same
 * season (the same weekday for daily data, any period otherwise), at least REFERENCE_MIN of them:
 * - expected = their median, plus, for weekly data with the same week last year and its own
 *   REFERENCE_MIN reference weeks (60 weeks of history), how far that week stood from the median
 *   of its reference weeks (a yearly campaign is expected again, not flagged again);
 * - score = 0.6745 × (value − expected) ÷ MAD, MAD the median absolute deviation of the reference
 *   periods from their median, floored at MAD_FLOOR × |their median| so a flat series does not
 *   flag a rounding difference;
 * - flagged when |score| > THRESHOLD: high above, low below; whether that is good news is the
 *   KPI's direction's to say (anomalyIsGood).
 * A rate whose period holds less than MIN_VOLUME_SHARE of the reference periods' median volume
 * (its denominator) is not scored: a swing on a handful of sends says nothing.
 */
import { median } from "../trend.ts";

/** Iglewicz & Hoaglin: |modified z| above 3.5 is a potential outlier. */
export const THRESHOLD = 3.5;
/** 0.6745 is the 75th percentile of a standard normal: it makes MAD comparable to a standard deviation. */
export const Z_FACTOR = 0.6745;
export const REFERENCE_MIN = 8;
export const REFERENCE_MAX = 12;
/** A MAD below 2% of the usual level reads as 2%: a series that never moves has no scale of its own. */
export const MAD_FLOOR = 0.02;
export const MIN_VOLUME_SHARE = 0.5;
/** Weekly data gets last year's same week once the series spans this many weeks (52 + 8). */
export const SEASONAL_WEEKS = 52 + REFERENCE_MIN;

export interface AnomalyPoint {
  /** First day of the period (day number). */
  readonly start: number;
  readonly value: number | null;
  /** The rate's denominator over the period; null or absent for a sum or a count. */
  readonly volume?: number | null;
}

export type AnomalySkip = "short_history" | "low_volume" | "no_scale" | "no_value";

export interface AnomalyScore {
  /** What the period was expected to be, or null when there is too little history. */
  readonly expected: number | null;
  readonly score: number | null;
  readonly flag: "high" | "low" | null;
  /** Why the period was not scored. */
  readonly skipped: AnomalySkip | null;
  /** Whether last year's same week shaped the expectation. */
  readonly seasonal: boolean;
}

/** The season step in days: 7 for daily data (same weekday), 0 otherwise. */
function seasonStep(points: readonly AnomalyPoint[]): { daily: boolean; weekly: boolean } {
  const gaps: number[] = [];
  for (let i = 1; i < points.length; i++) gaps.push(points[i]!.start - points[i - 1]!.start);
  if (gaps.length === 0) return { daily: false, weekly: false };
  const g = median(gaps);
  return { daily: g === 1, weekly: g === 7 };
}

/** The indexes of the reference periods of point i, newest first. */
function referenceOf(points: readonly AnomalyPoint[], i: number, daily: boolean): number[] {
  const out: number[] = [];
  const start = points[i]!.start;
  for (let j = i - 1; j >= 0 && out.length < REFERENCE_MAX; j--) {
    const p = points[j]!;
    if (p.value === null) continue;
    if (daily && (start - p.start) % 7 !== 0) continue;
    out.push(j);
  }
  return out;
}

function mad(values: readonly number[], center: number): number {
  return median(values.map((v) => Math.abs(v - center)));
}

/**
 * Scores every point of a series in ascending order of start (one point per period). The points
 * before a period are its only history: a period is never judged against later ones.
 */
export function detectAnomalies(points: readonly AnomalyPoint[]): AnomalyScore[] {
  for (let i = 1; i < points.length; i++) {
    if (!(points[i]!.start > points[i - 1]!.start)) {
      throw new Error("detectAnomalies: periods must be in ascending order, one per start");
    }
  }
  const { daily, weekly } = seasonStep(points);
  const index = new Map(points.map((p, i) => [p.start, i]));
  const valuesOf = (idx: readonly number[]) => idx.map((j) => points[j]!.value as number);
  return points.map((p, i): AnomalyScore => {
    const none = (skipped: AnomalySkip): AnomalyScore => ({
      expected: null,
      score: null,
      flag: null,
      skipped,
      seasonal: false,
    });
    const refIdx = referenceOf(points, i, daily);
    if (refIdx.length < REFERENCE_MIN) return none("short_history");
    const ref = valuesOf(refIdx);
    const level = median(ref);
    let expected = level;
    let seasonal = false;
    if (weekly) {
      const lastYear = index.get(p.start - 364);
      if (lastYear !== undefined && points[lastYear]!.value !== null) {
        const itsRef = valuesOf(referenceOf(points, lastYear, false));
        if (itsRef.length >= REFERENCE_MIN) {
          expected += (points[lastYear]!.value as number) - median(itsRef);
          seasonal = true;
        }
      }
    }
    if (p.value === null) return { ...none("no_value"), expected, seasonal };
    const volume = p.volume;
    if (volume !== null && volume !== undefined) {
      const volumes = refIdx
        .map((j) => points[j]!.volume)
        .filter((v): v is number => typeof v === "number");
      if (volumes.length > 0 && volume < MIN_VOLUME_SHARE * median(volumes)) {
        return { ...none("low_volume"), expected, seasonal };
      }
    }
    const scale = Math.max(mad(ref, level), MAD_FLOOR * Math.abs(level));
    if (scale === 0) return { ...none("no_scale"), expected, seasonal };
    const score = (Z_FACTOR * (p.value - expected)) / scale;
    const flag = score > THRESHOLD ? "high" : score < -THRESHOLD ? "low" : null;
    return { expected, score, flag, skipped: null, seasonal };
  });
}

/** A flagged period is good news when it moved the way the KPI should. */
export function anomalyIsGood(flag: "high" | "low", direction: "higher" | "lower"): boolean {
  return (flag === "high") === (direction === "higher");
}
