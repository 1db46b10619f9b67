/**
 * The realism check of a target: the change it needs per period against the best
 * period-over-period change the data has shown in the objective's direction.
 */
import type { Direction } from "../kpi/types.ts";

export interface RealismInput {
  /** Values of the complete periods, oldest first. */
  values: readonly number[];
  baseline: number;
  target: number;
  /** Review periods between the start and the deadline (at least 1). */
  periodsAvailable: number;
  direction: Direction;
}

export interface Realism {
  requiredPerPeriod: number;
  /** The best change between consecutive periods in the direction, or null with under 2 values. */
  bestSeen: number | null;
  /** A warning, never a block: false when the target needs more than the best seen. */
  realistic: boolean;
}

export function realismOf(input: RealismInput): Realism {
  const periods = Math.max(1, input.periodsAvailable);
  const requiredPerPeriod = (input.target - input.baseline) / periods;
  const higher = input.direction === "higher";
  let bestSeen: number | null = null;
  for (let i = 1; i < input.values.length; i++) {
    const change = (input.values[i] as number) - (input.values[i - 1] as number);
    if (bestSeen === null || (higher ? change > bestSeen : change < bestSeen)) bestSeen = change;
  }
  const realistic =
    bestSeen === null || (higher ? requiredPerPeriod <= bestSeen : requiredPerPeriod >= bestSeen);
  return { requiredPerPeriod, bestSeen, realistic };
}
