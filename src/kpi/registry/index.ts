/**
 * The KPI registry: one declarative entry per KPI, in the order the wizard lists them and
 * docs/FUNCTIONS.md documents them. The custom functions, their JSDoc stubs, the wizard's KPI
 * list and column auto-mapping, the dashboard's computations and docs/FUNCTIONS.md all derive
 * from these entries; the entries themselves live beside this file, one file per family of KPIs.
 */

import type { KpiDefinition } from "../types.ts";
import { cpa, cpc, cpm, ctr, roas, roi } from "./ads.ts";
import { openRate } from "./email.ts";
import { engagement } from "./social.ts";
import { avgVisitDuration, bounceRate, conversion, uniqueVisitors } from "./web.ts";

export const KPIS: readonly KpiDefinition[] = [
  conversion,
  openRate,
  ctr,
  uniqueVisitors,
  avgVisitDuration,
  bounceRate,
  engagement,
  roi,
  roas,
  cpa,
  cpc,
  cpm,
];

const BY_ID = new Map(KPIS.map((k) => [k.id, k]));

/** The KPI with that id, or undefined. */
export function findKpi(id: string): KpiDefinition | undefined {
  return BY_ID.get(id);
}

/** The KPI with that id; throws if there is none. */
export function getKpi(id: string): KpiDefinition {
  const kpi = BY_ID.get(id);
  if (!kpi) throw new Error(`unknown KPI "${id}"; known: ${KPIS.map((k) => k.id).join(", ")}`);
  return kpi;
}
