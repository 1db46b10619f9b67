/**
 * Facts about a KPI that follow from its registry entry, for the code that sets objectives on it.
 */
import type { KpiDefinition, KpiInput } from "../types.ts";

/** The inputs an objective maps to columns: date inputs are covered by its date column. */
export function objectiveInputs(kpi: KpiDefinition): readonly KpiInput[] {
  return kpi.inputs.filter((i) => i.kind !== "date");
}

/**
 * Whether a KPI's value can be below 0: with a signed input (revenue) or a subtracted numerator
 * term (ROI's revenue − cost). A subtracted denominator term (open rate's sent − bounced) cannot
 * make it negative, since the engine refuses a denominator below 0.
 */
export function kpiCanBeNegative(kpi: KpiDefinition): boolean {
  if (kpi.inputs.some((i) => i.signed)) return true;
  const c = kpi.combine;
  return c.kind === "ratio" && c.numerator.some((t) => t.sign === -1);
}
