/**
 * The 17 custom functions, in the order docs/FUNCTIONS.md lists them: one per KPI of the
 * registry, then KPI_GROWTH, KPI_PROGRESS, KPI_FORECAST, KPI_STATUS and KPI_SERIES. Each is
 * a spec (functions/spec.ts) from which the build writes its stub and JSDoc.
 */
import { FORECAST } from "./functions/forecast.ts";
import { GROWTH } from "./functions/growth.ts";
import { PROGRESS } from "./functions/progress.ts";
import { ratioSpec } from "./functions/ratio.ts";
import { SERIES } from "./functions/series.ts";
import type { CustomFunctionSpec } from "./functions/spec.ts";
import { STATUS } from "./functions/status.ts";
import { uniqueVisitorsSpec } from "./functions/unique-visitors.ts";
import { KPIS } from "./registry.ts";

export const CUSTOM_FUNCTIONS: readonly CustomFunctionSpec[] = [
  ...KPIS.map((kpi) =>
    kpi.combine.kind === "distinct" ? uniqueVisitorsSpec(kpi) : ratioSpec(kpi),
  ),
  GROWTH,
  PROGRESS,
  FORECAST,
  STATUS,
  SERIES,
];

/** The spec of a custom function by name, or undefined. */
export function findFunction(name: string): CustomFunctionSpec | undefined {
  return CUSTOM_FUNCTIONS.find((s) => s.name === name);
}
