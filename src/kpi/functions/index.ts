/**
 * The 19 custom functions, in the order docs/FUNCTIONS.md lists them: one per KPI of the
 * registry, then KPI_GROWTH, KPI_PROGRESS, KPI_FORECAST, KPI_STATUS, KPI_SERIES, KPI_ANOMALIES and KPI_BENCHMARK. Each is
 * a spec (functions/spec.ts) from which the build writes its stub and JSDoc.
 */

import { KPIS } from "../registry/index.ts";
import { ANOMALIES } from "./anomalies.ts";
import { finiteResult } from "./arguments.ts";
import { BENCHMARK } from "./benchmark.ts";
import { FORECAST } from "./forecast.ts";
import { GROWTH } from "./growth.ts";
import { PROGRESS } from "./progress.ts";
import { ratioSpec } from "./ratio.ts";
import { SERIES } from "./series.ts";
import type { CustomFunctionSpec } from "./spec.ts";
import { STATUS } from "./status.ts";
import { uniqueVisitorsSpec } from "./unique-visitors.ts";

/** Every function's result goes through finiteResult: an overflow is an error naming it. */
function guarded(spec: CustomFunctionSpec): CustomFunctionSpec {
  return { ...spec, run: (ctx, args) => finiteResult(spec.name, ctx, spec.run(ctx, args)) };
}

export const CUSTOM_FUNCTIONS: readonly CustomFunctionSpec[] = [
  ...KPIS.map((kpi) =>
    kpi.combine.kind === "distinct" ? uniqueVisitorsSpec(kpi) : ratioSpec(kpi),
  ),
  GROWTH,
  PROGRESS,
  FORECAST,
  STATUS,
  SERIES,
  ANOMALIES,
  BENCHMARK,
].map(guarded);

/** The spec of a custom function by name, or undefined. */
export function findFunction(name: string): CustomFunctionSpec | undefined {
  return CUSTOM_FUNCTIONS.find((s) => s.name === name);
}
