/**
 * Whether an objective's baseline agrees with its data around the start date: the one check
 * behind the wizard's note and the dashboard's. A baseline of 0, or one far from what the KPI
 * was when the objective started, makes progress (and so the status) count from the wrong place:
 * a KPI at 52–61 all year with a baseline of 0 and a target of 70 reads as 87% of the way.
 */
import { tryParseIsoDay } from "../../kpi/days.ts";
import { median } from "../../kpi/trend.ts";
import type { PreviewPoint } from "../wizard.ts";

/** A period's value and where it sits: its first day and the first day after it. */
export interface PeriodValue {
  readonly start: number;
  readonly end: number;
  readonly value: number | null;
}

export interface BaselineWarning {
  readonly kind: "zero" | "far";
  /** The median of the values around the start, or null when there are none. */
  readonly typical: number | null;
}

/** How many periods, those whose middle is nearest to the start day, stand for "around the start". */
export const AROUND_START = 3;

/** The values of up to AROUND_START periods nearest to `startDay` (by their middle day). */
export function valuesAroundStart(periods: readonly PeriodValue[], startDay: number): number[] {
  return periods
    .filter(
      (p): p is PeriodValue & { value: number } => p.value !== null && Number.isFinite(p.value),
    )
    .map((p) => ({ value: p.value, distance: Math.abs((p.start + p.end) / 2 - startDay) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, AROUND_START)
    .map((p) => p.value);
}

/**
 * A warning when the baseline is far from m, the median of the values around the start: further
 * than half the way from m to the target, and more than 5% of m (so rounding never warns). A
 * baseline of 0 is warned about when the data does not confirm it, or when there is no data
 * around the start to check it against.
 */
export function baselineCheck(
  baseline: number,
  target: number,
  around: readonly number[],
): BaselineWarning | null {
  if (around.length === 0) return baseline === 0 ? { kind: "zero", typical: null } : null;
  const m = median(around);
  const gap = Math.abs(baseline - m);
  const far = gap > 0.5 * Math.abs(target - m) && gap > 0.05 * Math.abs(m);
  if (!far) return null;
  return { kind: baseline === 0 ? "zero" : "far", typical: m };
}

/**
 * The wizard's side of the same check: the complete periods of a preview (ISO days, `end` the
 * last day) around a start date typed as an ISO day; null when that date is not one yet.
 */
export function previewBaselineCheck(
  baseline: number,
  target: number,
  recent: readonly PreviewPoint[],
  startDate: string,
): BaselineWarning | null {
  const startDay = tryParseIsoDay(startDate);
  if (startDay === undefined) return null;
  const periods: PeriodValue[] = [];
  for (const p of recent) {
    const start = tryParseIsoDay(p.start);
    const last = tryParseIsoDay(p.end);
    if (p.complete && start !== undefined && last !== undefined) {
      periods.push({ start, end: last + 1, value: p.value });
    }
  }
  return baselineCheck(baseline, target, valuesAroundStart(periods, startDay));
}
