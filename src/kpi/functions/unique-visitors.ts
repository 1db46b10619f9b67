/** KPI_UNIQUE_VISITORS, the registry's distinct-count KPI: distinct ids, optionally between two dates. */
import { as2D, cellCount, cellList } from "../aggregate.ts";
import { idKey, kpiError } from "../cells.ts";
import { daysOf } from "../series.ts";
import type { KpiDefinition } from "../types.ts";
import { argCount, dayArg, isBlankScalar, required, source } from "./arguments.ts";
import { type CustomFunctionParam, type CustomFunctionSpec, fromEntry, UNIT_NOTE } from "./spec.ts";

export function uniqueVisitorsSpec(kpi: KpiDefinition): CustomFunctionSpec {
  const fn = kpi.functionName;
  const params: CustomFunctionParam[] = [
    {
      name: "visitor_ids",
      optional: false,
      type: "string[][]",
      description: kpi.inputs[0]!.help.en,
    },
    {
      name: "dates",
      optional: true,
      type: "Date[][]",
      description:
        "Date of each visit, as many cells as visitor_ids; needed only with start_date or end_date.",
    },
    {
      name: "start_date",
      optional: true,
      type: "Date",
      description: "First day counted (inclusive); blank for no lower bound.",
    },
    {
      name: "end_date",
      optional: true,
      type: "Date",
      description: "Last day counted (inclusive); blank for no upper bound.",
    },
  ];
  return {
    ...fromEntry(kpi),
    description: `${kpi.name.en}: the number of distinct visitor ids, optionally between two dates. ${UNIT_NOTE[kpi.unit]}`,
    params,
    returns: "The number of distinct non-blank visitor ids (0 when there are none).",
    run(ctx, args) {
      argCount(fn, ctx, args, params.length);
      const ids = as2D(required(fn, ctx, args[0], "visitor_ids"));
      const datesArg = args[1];
      const start = dayArg(fn, ctx, args[2], "start_date");
      const end = dayArg(fn, ctx, args[3], "end_date");
      const set = new Set<string>();
      if (isBlankScalar(datesArg)) {
        if (start !== null || end !== null) throw kpiError(ctx, "missingArg", { fn, arg: "dates" });
        addIds(ids, set);
        return set.size;
      }
      const dates = cellList(as2D(datesArg));
      const n = cellCount(ids);
      if (dates.length !== n) {
        throw kpiError(ctx, "sizeMismatch", {
          fn,
          arg: "dates",
          n: dates.length,
          other: "visitor_ids",
          m: n,
        });
      }
      if (start === null && end === null) {
        addIds(ids, set);
        return set.size;
      }
      const days = daysOf(dates, source(fn, "dates", ctx));
      const lo = start ?? Number.NEGATIVE_INFINITY;
      const hi = end ?? Number.POSITIVE_INFINITY;
      let k = 0;
      for (let r = 0; r < ids.length; r++) {
        const row = ids[r]!;
        for (let c = 0; c < row.length; c++) {
          // NaN (a blank date) fails both comparisons, so it is left out.
          const day = days[k++]!;
          if (!(day >= lo && day <= hi)) continue;
          const key = idKey(row[c]);
          if (key !== null) set.add(key);
        }
      }
      return set.size;
    },
  };
}

/** Adds the id keys of every cell of a range to `set`. */
function addIds(ids: readonly (readonly unknown[])[], set: Set<string>): void {
  for (let r = 0; r < ids.length; r++) {
    const row = ids[r]!;
    for (let c = 0; c < row.length; c++) {
      const key = idKey(row[c]);
      if (key !== null) set.add(key);
    }
  }
}
