/**
 * How the current period compares with the one before and with the same period a year before:
 * the dashboard's change cells and the evaluation share these, so a change shown as 0.0 is 0.
 */

import { dayFromParts, dayParts } from "../../kpi/days.ts";
import { type Period, periodStart } from "../../kpi/periods.ts";
import type { KpiDefinition } from "../../kpi/types.ts";

function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f + 0; // + 0 turns -0 into 0
}

/**
 * The change from `prev` to `cur` as the dashboard's change cells show it: percentage points
 * (×100) for rates, a share of `prev` otherwise (null from 0). Rounded to what the cell shows
 * (0.1 pp, 0.1%), so a change shown as 0.0 is 0, neither "-0.0" nor coloured as a rise or a fall.
 */
export function changeBetween(
  cur: number | null,
  prev: number | null,
  unit: KpiDefinition["unit"],
): number | null {
  if (cur === null || prev === null) return null;
  if (unit === "percent") return roundTo((cur - prev) * 100, 1);
  return prev === 0 ? null : roundTo((cur - prev) / Math.abs(prev), 3);
}

/**
 * The start of the same period a year before: 52 weeks back for a week (the same weekday, so the
 * same kind of week), the same month or quarter of the previous year otherwise.
 */
export function yearAgoStart(start: number, period: Period): number {
  if (period === "week" || period === "day") return start - 364;
  const { year, month } = dayParts(start);
  return periodStart(dayFromParts(year - 1, month, 1) as number, period);
}
