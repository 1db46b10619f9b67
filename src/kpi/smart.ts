/**
 * SMART objective rules: is a target realistic, given how fast the KPI has moved so far?
 */
import type { Direction } from "./types.ts";

export interface RealismInput {
  /** The KPI per period, ascending; null for a period without a value. */
  readonly values: readonly (number | null)[];
  readonly baseline: number;
  readonly target: number;
  /** Periods from the start to the deadline; anything below 1 counts as 1. */
  readonly periodsAvailable: number;
  readonly direction: Direction;
}

export interface RealismResult {
  /** The change per period needed to go from baseline to target: (target − baseline) ÷ periods. */
  readonly requiredPerPeriod: number;
  /**
   * The best change per period seen between consecutive values, in the improving direction (the
   * largest rise when higher is better, the largest fall when lower is better), with the same
   * sign convention as requiredPerPeriod; null with fewer than 2 values.
   */
  readonly bestSeen: number | null;
  /**
   * True when the target needs no improvement, or needs no more per period than the best seen.
   * Without history (bestSeen null) nothing contradicts the target, so it is deemed realistic.
   */
  readonly realistic: boolean;
}

/**
 * Compares the change per period a target requires with the best period-over-period change in
 * the data. Values separated by empty periods count as a change spread over the gap, so a
 * missing month does not make a two-month jump look like a one-month one.
 */
export function realismCheck(input: RealismInput): RealismResult {
  const periods = Math.max(1, input.periodsAvailable);
  const requiredPerPeriod = (input.target - input.baseline) / periods;
  const sign = input.direction === "higher" ? 1 : -1;
  let best: number | null = null;
  let prevIndex = -1;
  let prev = 0;
  input.values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    if (prevIndex >= 0) {
      const change = (v - prev) / (i - prevIndex);
      if (best === null || sign * change > sign * best) best = change;
    }
    prevIndex = i;
    prev = v;
  });
  const needed = sign * requiredPerPeriod;
  const realistic = needed <= 0 || best === null || needed <= sign * best + 1e-12;
  return { requiredPerPeriod, bestSeen: best, realistic };
}
