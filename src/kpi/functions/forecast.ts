/** KPI_FORECAST: the least-squares trend of values over dates, at a given day. */
import { as2D, cellList } from "../aggregate.ts";
import { kpiError, slowNumber } from "../cells.ts";
import { isoDay } from "../days.ts";
import { daysOf } from "../series.ts";
import { forecastAt } from "../trend.ts";
import type { EngineContext } from "../types.ts";
import { argCount, required, requiredDay, source } from "./arguments.ts";
import { type CustomFunctionSpec, exampleDate as d } from "./spec.ts";

export const FORECAST: CustomFunctionSpec = {
  name: "KPI_FORECAST",
  title: { en: "Linear forecast", fr: "Prévision linéaire" },
  formula: {
    en: "least-squares line of values over dates (x = calendar day), at target_date",
    fr: "droite des moindres carrés des valeurs selon les dates (x = jour), à target_date",
  },
  doc: {
    en: "Fits the least-squares straight line through the (date, value) pairs, with x the calendar day in the spreadsheet's time zone, and evaluates it at `target_date`. Pairs with a blank date or a blank value are skipped. Fewer than 2 pairs, or a single distinct date, is an error. `dates` and `values` must have as many cells. The forecast may be negative. Forecast a ratio KPI from its KPI_SERIES rather than from daily rates, so busy days weigh more.",
    fr: "Ajuste la droite des moindres carrés sur les couples (date, valeur), x étant le jour dans le fuseau du classeur, et l'évalue à `target_date`. Les couples sans date ou sans valeur sont ignorés. Moins de 2 couples, ou une seule date distincte, est une erreur. `dates` et `values` doivent avoir autant de cellules. La prévision peut être négative.",
  },
  description:
    "Linear forecast: the least-squares trend of values over dates, evaluated at target_date.",
  params: [
    { name: "dates", optional: false, type: "Date[][]", description: "The dates of the values." },
    {
      name: "values",
      optional: false,
      type: "number[][]",
      description: "The values, as many cells as dates.",
    },
    { name: "target_date", optional: false, type: "Date", description: "The day to forecast." },
  ],
  returns: "The trend's value on target_date.",
  example: "=KPI_FORECAST(A2:A4, B2:B4, DATE(2026,1,5))",
  examples: [
    {
      formula: "=KPI_FORECAST(A2:A4, B2:B4, DATE(2026,1,5))",
      args: [
        [[d(2026, 1, 1)], [d(2026, 1, 2)], [d(2026, 1, 3)]],
        [[10], [12], [14]],
        d(2026, 1, 5),
      ],
      result: 18,
    },
  ],
  run(ctx, args) {
    const fn = "KPI_FORECAST";
    argCount(fn, ctx, args, 3);
    const dates = required(fn, ctx, args[0], "dates");
    const values = required(fn, ctx, args[1], "values");
    const target = requiredDay(fn, ctx, args[2], "target_date");
    const { xs, ys } = datedValues(fn, ctx, dates, values);
    const m = xs.length;
    let minX = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    for (const x of xs) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
    }
    if (m < 2) throw kpiError(ctx, "forecastTooFew", { fn, n: m });
    if (minX === maxX) throw kpiError(ctx, "forecastOneDate", { fn, date: isoDay(minX) });
    return forecastAt(xs, ys, target);
  },
};

/**
 * The (day, value) pairs of a `dates` and a `values` argument of as many cells, skipping a pair
 * with a blank date or a blank value; KPI_FORECAST's and KPI_STATUS's reading of a history.
 */
export function datedValues(
  fn: string,
  ctx: EngineContext,
  datesArg: unknown,
  valuesArg: unknown,
): { xs: Float64Array; ys: Float64Array } {
  const dates = cellList(as2D(datesArg));
  const values = cellList(as2D(valuesArg));
  const n = dates.length;
  if (values.length !== n) {
    throw kpiError(ctx, "sizeMismatch", {
      fn,
      arg: "values",
      n: values.length,
      other: "dates",
      m: n,
    });
  }
  const days = daysOf(dates, source(fn, "dates", ctx));
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let m = 0;
  const valueSrc = source(fn, "values", ctx);
  const { cells, nested } = values;
  for (let i = 0; i < n; i++) {
    const x = days[i]!;
    if (Number.isNaN(x)) continue;
    const v = nested ? (cells[i] as readonly unknown[])[0] : cells[i];
    let y: number | null;
    if (typeof v === "number" && v - v === 0) y = v;
    else if (v === "") continue;
    else {
      y = slowNumber(v, valueSrc, i, true);
      if (y === null) continue;
    }
    xs[m] = x;
    ys[m] = y;
    m++;
  }
  return { xs: xs.subarray(0, m), ys: ys.subarray(0, m) };
}
