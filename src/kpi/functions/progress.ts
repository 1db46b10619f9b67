/**
 * KPI_PROGRESS: how far a value has gone from a baseline towards a target. Its arguments and
 * arithmetic are KPI_STATUS's too.
 */
import { formatNumber, kpiError } from "../cells.ts";
import type { EngineContext } from "../types.ts";
import { argCount, isBlankScalar, required, sumArg } from "./arguments.ts";
import type { CustomFunctionParam, CustomFunctionSpec } from "./spec.ts";

export const ACTUAL_PARAM: CustomFunctionParam = {
  name: "actual",
  optional: false,
  type: "number[][]",
  description: "The KPI's current value (a range is summed).",
};

export const TARGET_PARAM: CustomFunctionParam = {
  name: "target",
  optional: false,
  type: "number",
  description: "The value to reach.",
};

/** Σactual, target and baseline of KPI_PROGRESS and KPI_STATUS; null when actual is blank. */
export function progressArgs(fn: string, ctx: EngineContext, args: readonly unknown[]) {
  const actual = sumArg(fn, ctx, required(fn, ctx, args[0], "actual"), "actual", true);
  const target = sumArg(fn, ctx, required(fn, ctx, args[1], "target"), "target", true);
  if (target.count === 0) throw kpiError(ctx, "blankArg", { fn, arg: "target" });
  const baseline = isBlankScalar(args[2])
    ? { sum: 0, count: 0 }
    : sumArg(fn, ctx, args[2], "baseline", true);
  if (target.sum === baseline.sum) {
    throw kpiError(ctx, "targetIsBaseline", { fn, value: formatNumber(target.sum) });
  }
  if (actual.count === 0) return null;
  const p = (actual.sum - baseline.sum) / (target.sum - baseline.sum);
  return { p, actual: actual.sum, target: target.sum, baseline: baseline.sum };
}

export const PROGRESS: CustomFunctionSpec = {
  name: "KPI_PROGRESS",
  title: { en: "Progress towards a target", fr: "Progression vers la cible" },
  formula: {
    en: "(actual − baseline) ÷ (target − baseline)",
    fr: "(réel − référence) ÷ (cible − référence)",
  },
  doc: {
    en: "0 at the baseline, 1 (100%) at the target. The baseline defaults to 0. It works for targets below the baseline, such as lowering a bounce rate from 50% to 40%, and is not clamped: beyond the target it exceeds 1, and moving the wrong way makes it negative. A target equal to the baseline is an error.",
    fr: "0 au point de départ, 1 (100 %) à la cible. La référence vaut 0 par défaut. Fonctionne aussi pour une cible inférieure à la référence, comme faire baisser un taux de rebond de 50 % à 40 %, et n'est pas bornée : au-delà de la cible elle dépasse 1, et dans la mauvaise direction elle devient négative. Une cible égale à la référence est une erreur.",
  },
  description:
    "Progress towards a target: (actual − baseline) ÷ (target − baseline); baseline defaults to 0. A fraction: format the cell as a percentage.",
  params: [
    ACTUAL_PARAM,
    TARGET_PARAM,
    {
      name: "baseline",
      optional: true,
      type: "number",
      description: "The starting value; 0 when omitted or blank.",
    },
  ],
  returns: "The progress as a fraction: 0 at the baseline, 1 at the target; not clamped.",
  example: "=KPI_PROGRESS(B2, 0.05, 0.03)",
  examples: [
    { formula: "=KPI_PROGRESS(B2, 0.05, 0.03)", args: [0.04, 0.05, 0.03], result: 0.5 },
    {
      formula: "=KPI_PROGRESS(B2, 40%, 50%)",
      args: [0.45, 0.4, 0.5],
      result: 0.5,
      note: {
        en: "A target below the baseline: bounce rate from 50% down to 40%, now at 45%.",
        fr: "Une cible sous la référence : taux de rebond de 50 % à 40 %, actuellement 45 %.",
      },
    },
  ],
  run(ctx, args) {
    argCount("KPI_PROGRESS", ctx, args, 3);
    const r = progressArgs("KPI_PROGRESS", ctx, args);
    return r === null ? "" : r.p;
  },
};
