/** KPI_SERIES: a table of sums, or ratios of sums, per calendar period. */
import { addCell, as2D, cellCount, cellList, newSlots, type Slots } from "../aggregate.ts";
import { type CellSource, kpiError } from "../cells.ts";
import { dayToDate } from "../days.ts";
import { tryParsePeriod } from "../periods.ts";
import { bucketRows } from "../series.ts";
import type { EngineContext, KpiInput } from "../types.ts";
import { argCount, describe, isBlankScalar, required, source } from "./arguments.ts";
import { type CustomFunctionSpec, exampleDate as d } from "./spec.ts";

export const SERIES: CustomFunctionSpec = {
  name: "KPI_SERIES",
  title: { en: "Series by period", fr: "Série par période" },
  formula: {
    en: "per period: Σvalues, or Σvalues ÷ Σdenominators",
    fr: "par période : Σvaleurs, ou Σvaleurs ÷ Σdénominateurs",
  },
  doc: {
    en: 'Returns a two-column table, [period start, value], one row per period that has data, in ascending order; it spills down and right. `period` is `day`, `week` (ISO weeks, starting on Monday), `month`, `quarter` or `year`, or in French `jour`, `semaine`, `mois`, `trimestre`, `année`; any other name is an error. Without `denominators` the value is the period\'s sum; with them, Σvalues ÷ Σdenominators of the period (a ratio of sums, so KPI_SERIES("month", A2:A400, C2:C400, D2:D400) is the monthly CTR), or "" when the period\'s denominator is 0. `values` may have several columns, summed on each row. Rows with a blank date are skipped; periods are cut in the spreadsheet\'s time zone. Format the first column as dates.',
    fr: "Renvoie un tableau de deux colonnes, [début de période, valeur], une ligne par période ayant des données, dans l'ordre croissant. `period` vaut `jour`, `semaine` (semaines ISO, commençant le lundi), `mois`, `trimestre` ou `année`, ou en anglais `day`, `week`, `month`, `quarter`, `year` ; tout autre nom est une erreur. Sans `denominators`, la valeur est la somme de la période ; avec, Σvaleurs ÷ Σdénominateurs de la période (un ratio de sommes), ou « » quand le dénominateur de la période vaut 0. `values` peut avoir plusieurs colonnes, additionnées sur chaque ligne. Les lignes sans date sont ignorées ; les périodes sont découpées dans le fuseau horaire du classeur.",
  },
  description:
    "Series by period: a table [period start, value] with the sum of values per day, week, month, quarter or year, or Σvalues ÷ Σdenominators per period.",
  params: [
    {
      name: "period",
      optional: false,
      type: "string",
      description:
        '"day", "week", "month", "quarter" or "year" (or jour, semaine, mois, trimestre, année).',
    },
    { name: "dates", optional: false, type: "Date[][]", description: "The date of each row." },
    {
      name: "values",
      optional: false,
      type: "number[][]",
      description: "The values to sum per period (one row per date).",
    },
    {
      name: "denominators",
      optional: true,
      type: "number[][]",
      description: "Optional: divide each period's sum of values by its sum of these.",
    },
  ],
  returns: "A two-column table: the first day of each period (a date) and its value.",
  example: '=KPI_SERIES("month", A2:A400, B2:B400)',
  examples: [
    {
      formula: '=KPI_SERIES("month", A2:A4, B2:B4)',
      args: ["month", [[d(2026, 1, 5)], [d(2026, 1, 20)], [d(2026, 2, 3)]], [[10], [20], [5]]],
      result: [
        [d(2026, 1, 1), 30],
        [d(2026, 2, 1), 5],
      ],
    },
    {
      formula: '=KPI_SERIES("mois", A2:A4, C2:C4, D2:D4)',
      args: [
        "mois",
        [[d(2026, 1, 5)], [d(2026, 1, 20)], [d(2026, 2, 3)]],
        [[10], [20], [5]],
        [[100], [200], [0]],
      ],
      result: [
        [d(2026, 1, 1), 0.1],
        [d(2026, 2, 1), ""],
      ],
      note: {
        en: 'With denominators (a monthly rate); February\'s denominator is 0, so its value is "".',
        fr: "Avec des dénominateurs (un taux mensuel) ; celui de février vaut 0, d'où « ».",
      },
    },
  ],
  run(ctx, args) {
    const fn = "KPI_SERIES";
    const count = argCount(fn, ctx, args, 4);
    const periodRange = as2D(required(fn, ctx, args[0], "period"));
    if (cellCount(periodRange) > 1) {
      throw kpiError(ctx, "notSingle", { fn, arg: "period", n: cellCount(periodRange) });
    }
    const periodText = periodRange[0]?.[0];
    if (isBlankScalar(periodText)) throw kpiError(ctx, "blankArg", { fn, arg: "period" });
    const period = tryParsePeriod(String(periodText));
    if (!period)
      throw kpiError(ctx, "unknownPeriodIn", { fn, value: describe(ctx, String(periodText)) });
    const dates = cellList(as2D(required(fn, ctx, args[1], "dates")));
    const n = dates.length;
    const values = rowsOf(fn, ctx, required(fn, ctx, args[2], "values"), "values", n);
    const dens =
      count >= 4 && !isBlankScalar(args[3]) ? rowsOf(fn, ctx, args[3], "denominators", n) : null;

    const buckets = bucketRows(dates, period, source(fn, "dates", ctx));
    const nb = buckets.starts.length;
    const v = newSlots(nb);
    const dn = newSlots(nb);
    const hasData = new Uint8Array(nb);
    addRows(values, buckets.bucketOf, "amount", true, source(fn, "values", ctx), v, hasData);
    if (dens)
      addRows(dens, buckets.bucketOf, "count", false, source(fn, "denominators", ctx), dn, hasData);

    const order = buckets.starts
      .map((_, b) => b)
      .sort((a, b) => buckets.starts[a]! - buckets.starts[b]!);
    const out: unknown[][] = [];
    let timeZone: string | undefined;
    for (const b of order) {
      if (!hasData[b]) continue;
      timeZone ??= ctx.timeZone;
      const den = dn.sum[b]!;
      const value = dens ? (den === 0 ? "" : v.sum[b]! / den) : v.sum[b]!;
      out.push([dayToDate(buckets.starts[b]!, timeZone), value]);
    }
    return out.length === 0 ? "" : out;
  },
};

/**
 * A range as n rows of cells: its own rows when it has n rows (columns summed per row), else its
 * cells one per row when it has n cells. Positions in errors stay reading-order cell numbers.
 */
function rowsOf(
  fn: string,
  ctx: EngineContext,
  arg: unknown,
  name: string,
  n: number,
): { rows: readonly (readonly unknown[])[]; width: number } {
  const range = as2D(arg);
  if (range.length === n) return { rows: range, width: range[0]?.length ?? 1 };
  const cells = cellCount(range);
  if (cells === n) return { rows: flatten(range).map((c) => [c]), width: 1 };
  throw kpiError(ctx, "sizeMismatch", { fn, arg: name, n: cells, other: "dates", m: n });
}

function addRows(
  { rows, width }: { rows: readonly (readonly unknown[])[]; width: number },
  bucketOf: Int32Array,
  kind: KpiInput["kind"],
  signed: boolean,
  src: CellSource,
  into: Slots,
  hasData: Uint8Array,
): void {
  const { sum, count } = into;
  for (let r = 0; r < rows.length; r++) {
    const b = bucketOf[r]!;
    if (b < 0) continue;
    const row = rows[r]!;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "number" && (signed ? v - v === 0 : v >= 0)) {
        sum[b] = sum[b]! + v;
        count[b] = count[b]! + 1;
        hasData[b] = 1;
      } else if (v !== "" && addCell(v, kind, signed, src, r * width + c, into, b)) {
        hasData[b] = 1;
      }
    }
  }
}

/** Cells of a range in reading order. */
function flatten(range: readonly (readonly unknown[])[]): unknown[] {
  const out: unknown[] = [];
  for (const row of range) for (const v of row) out.push(v);
  return out;
}
