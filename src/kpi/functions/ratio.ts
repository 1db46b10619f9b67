/**
 * The custom function of every ratio KPI of the registry, generated from its entry: the ratio of
 * the summed inputs over all rows, or one value per row in rows mode.
 */
import {
  as2D,
  brokenCheck,
  denominatorGiven,
  denominatorLabel,
  type Evaluation,
  evaluate,
  isSigned,
  newSlots,
  type RatioPlan,
  ratioPlan,
  type Slots,
  scanRange,
} from "../aggregate.ts";
import { formatNumber, kpiError, parseNumberText, positionText } from "../cells.ts";
import type { EngineContext, KpiDefinition, KpiInput } from "../types.ts";
import { argCount, describe, isBlankScalar, source } from "./arguments.ts";
import { type CustomFunctionParam, type CustomFunctionSpec, fromEntry, UNIT_NOTE } from "./spec.ts";

type Mode = "rows" | "total";

function modeWord(v: unknown): Mode | null {
  if (typeof v !== "string") return null;
  const w = v.trim().toLowerCase();
  if (w === "rows" || w === "row" || w === "lignes" || w === "ligne") return "rows";
  if (w === "total" || w === "totals" || w === "totaux") return "total";
  return null;
}

const MODE_PARAM: CustomFunctionParam = {
  name: "mode",
  optional: true,
  type: "string",
  description:
    '"total" (the default) for one value over all rows, or "rows" for one value per row, spilling down.',
};

function paramType(input: KpiInput): string {
  switch (input.kind) {
    case "id":
      return "string[][]";
    case "date":
      return "Date[][]";
    default:
      return "number[][]";
  }
}

export function ratioSpec(kpi: KpiDefinition): CustomFunctionSpec {
  const fn = kpi.functionName;
  const inputs = kpi.inputs;
  const firstOptional = inputs.findIndex((i) => i.optional);
  const optionalFrom = firstOptional < 0 ? inputs.length : firstOptional;
  const params = [
    ...inputs.map((input) => ({
      name: input.name,
      optional: input.optional === true,
      type: paramType(input),
      description: input.help.en,
    })),
    MODE_PARAM,
  ];
  return {
    ...fromEntry(kpi),
    description: `${kpi.name.en}: ${kpi.formula.en}. ${kpi.definition.en} ${UNIT_NOTE[kpi.unit]}`,
    params,
    returns: `${kpi.name.en} over all rows; with mode "rows", a column with one value per row ("" where the denominator is blank or 0).`,
    run(ctx, args) {
      const n = argCount(fn, ctx, args, params.length);
      let mode: Mode = "total";
      const given: (unknown | undefined)[] = [];
      for (let k = 0; k < n; k++) {
        const v = args[k];
        if (k >= optionalFrom) {
          const m = modeWord(v);
          if (m) {
            if (k < n - 1) throw kpiError(ctx, "tooManyArgs", { fn, n: k + 1, m: n });
            mode = m;
            break;
          }
          if (k === inputs.length) {
            if (isBlankScalar(v)) break;
            throw kpiError(ctx, "badMode", {
              fn,
              value: describe(ctx, v),
            });
          }
          if (isBlankScalar(v)) {
            given.push(undefined);
            continue;
          }
          if (typeof v === "string" && parseNumberText(v, () => ctx.locale) === undefined) {
            // Text where a range is expected, in the mode's position: a misspelt mode.
            throw kpiError(ctx, "badMode", { fn, value: describe(ctx, v) });
          }
        }
        given.push(v);
      }
      for (let k = 0; k < optionalFrom; k++) {
        if (given[k] === undefined) throw kpiError(ctx, "missingArg", { fn, arg: inputs[k]!.name });
      }
      return mode === "rows" ? ratioRows(kpi, given, ctx) : ratioTotal(kpi, given, ctx);
    },
  };
}

function ratioTotal(
  kpi: KpiDefinition,
  given: readonly unknown[],
  ctx: EngineContext,
): number | "" {
  const fn = kpi.functionName;
  const plan = ratioPlan(kpi);
  sameRowsInTotal(kpi, given, ctx);
  const slots: (Slots | undefined)[] = kpi.inputs.map((input, k) => {
    const v = given[k];
    if (v === undefined) return undefined;
    const s = newSlots(1);
    scanRange(as2D(v), input.kind, isSigned(input), source(fn, input.name, ctx), s, false);
    return s;
  });
  const present = slots.map((s) => s !== undefined);
  const e = evaluate(plan, slots, denominatorGiven(plan, present), 0, newEvaluation());
  if (e.blank) return "";
  throwIfBrokenAt(plan, slots, 0, fn, ctx, null);
  if (e.denominator === 0) {
    throw kpiError(ctx, "denominatorZero", { fn, arg: denominatorLabel(plan, present) });
  }
  return (plan.scale * e.numerator) / e.denominator;
}

/**
 * Ranges of a total that cover different numbers of rows (KPI_CONVERSION(B2:B4, C2:C3)) are
 * nearly always a typo that would sum mismatched rows. A single row or cell is a total typed by
 * hand and may go with a range.
 */
function sameRowsInTotal(kpi: KpiDefinition, given: readonly unknown[], ctx: EngineContext): void {
  let first: { name: string; rows: number } | null = null;
  given.forEach((v, k) => {
    if (v === undefined) return;
    const rows = as2D(v).length;
    if (rows <= 1) return;
    const name = kpi.inputs[k]!.name;
    if (!first) first = { name, rows };
    else if (rows !== first.rows) {
      throw kpiError(ctx, "totalMismatch", {
        fn: kpi.functionName,
        arg: name,
        n: rows,
        first: first.name,
        m: first.rows,
      });
    }
  });
}

function ratioRows(kpi: KpiDefinition, given: readonly unknown[], ctx: EngineContext): unknown {
  const fn = kpi.functionName;
  const plan = ratioPlan(kpi);
  const ranges = given.map((v) => (v === undefined ? undefined : as2D(v)));
  let rows = -1;
  let firstName = "";
  ranges.forEach((range, k) => {
    if (!range) return;
    const name = kpi.inputs[k]!.name;
    if (rows < 0) {
      rows = range.length;
      firstName = name;
    } else if (range.length !== rows) {
      throw kpiError(ctx, "rowsMismatch", {
        fn,
        arg: name,
        n: range.length,
        first: firstName,
        m: rows,
      });
    }
  });
  if (rows <= 0) return "";
  const slots: (Slots | undefined)[] = kpi.inputs.map((input, k) => {
    const range = ranges[k];
    if (!range) return undefined;
    const s = newSlots(rows);
    scanRange(range, input.kind, isSigned(input), source(fn, input.name, ctx), s, true);
    return s;
  });
  const denGiven = denominatorGiven(
    plan,
    slots.map((s) => s !== undefined),
  );
  const out: (number | "")[][] = new Array(rows);
  const e = newEvaluation();
  for (let r = 0; r < rows; r++) {
    evaluate(plan, slots, denGiven, r, e);
    if (e.denBlank) {
      out[r] = [""];
      continue;
    }
    throwIfBrokenAt(plan, slots, r, fn, ctx, r);
    out[r] = [e.denominator === 0 ? "" : (plan.scale * e.numerator) / e.denominator];
  }
  return out;
}

function newEvaluation(): Evaluation {
  return { numerator: 0, denominator: 0, blank: true, denBlank: true };
}

function throwIfBrokenAt(
  plan: RatioPlan,
  slots: readonly (Slots | undefined)[],
  i: number,
  fn: string,
  ctx: EngineContext,
  row: number | null,
): void {
  const broken = brokenCheck(plan, slots, i);
  if (!broken) return;
  const params = {
    fn,
    arg: broken.input.name,
    other: broken.atMost.name,
    a: formatNumber(broken.a),
    b: formatNumber(broken.b),
    pos: row === null ? "" : positionText({ fn, arg: "", ctx, firstRow: 1 }, row),
  };
  throw kpiError(ctx, row === null ? "exceeds" : "exceedsAt", params);
}
