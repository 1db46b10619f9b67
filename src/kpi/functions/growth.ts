/** KPI_GROWTH: the relative change between two values. */
import { formatNumber, kpiError } from "../cells.ts";
import { argCount, required, sumArg } from "./arguments.ts";
import type { CustomFunctionSpec } from "./spec.ts";

export const GROWTH: CustomFunctionSpec = {
  name: "KPI_GROWTH",
  title: { en: "Growth", fr: "Croissance" },
  formula: { en: "(current − previous) ÷ |previous|", fr: "(actuel − précédent) ÷ |précédent|" },
  doc: {
    en: "The relative change from `previous` to `current`, each summed if a range; negative for a decline. Dividing by |previous| keeps the sign meaningful when previous is negative (a loss shrinking is growth). 0 → 0 gives 0; a previous of 0 with a non-zero current is an error, since growth from nothing is undefined.",
    fr: "La variation relative de `previous` à `current`, chacun additionné s'il s'agit d'une plage ; négative pour une baisse. Diviser par |previous| garde un signe parlant quand previous est négatif (une perte qui diminue est une croissance). 0 → 0 donne 0 ; un previous nul avec un current non nul est une erreur, une croissance depuis rien n'étant pas définie.",
  },
  description:
    "Growth: (current − previous) ÷ |previous|, each summed if a range. A fraction: format the cell as a percentage.",
  params: [
    {
      name: "current",
      optional: false,
      type: "number[][]",
      description: "This period's value (a cell or a range, summed).",
    },
    {
      name: "previous",
      optional: false,
      type: "number[][]",
      description: "The previous period's value (a cell or a range, summed).",
    },
  ],
  returns: "The growth as a fraction (0.2 = +20%).",
  example: "=KPI_GROWTH(C2, B2)",
  examples: [
    { formula: "=KPI_GROWTH(C2, B2)", args: [1200, 1000], result: 0.2 },
    {
      formula: "=KPI_GROWTH(C2:C3, B2:B3)",
      args: [
        [[400], [500]],
        [[700], [500]],
      ],
      result: -0.25,
      note: {
        en: "Ranges are summed: 900 against 1200.",
        fr: "Les plages sont additionnées : 900 contre 1200.",
      },
    },
  ],
  run(ctx, args) {
    const fn = "KPI_GROWTH";
    argCount(fn, ctx, args, 2);
    const cur = sumArg(fn, ctx, required(fn, ctx, args[0], "current"), "current", true);
    const prev = sumArg(fn, ctx, required(fn, ctx, args[1], "previous"), "previous", true);
    if (cur.count === 0 && prev.count === 0) return "";
    if (prev.sum === 0) {
      if (cur.sum === 0) return 0;
      throw kpiError(ctx, "growthFromZero", { fn, current: formatNumber(cur.sum) });
    }
    return (cur.sum - prev.sum) / Math.abs(prev.sum);
  },
};
