/** KPI_ANOMALIES: each period's expected value, robust z-score and flag (src/kpi/anomalies). */
import { as2D, cellList } from "../aggregate.ts";
import { anomalyIsGood, detectAnomalies } from "../anomalies/detect.ts";
import { kpiError, langOfCtx, slowNumber } from "../cells.ts";
import { dayToDate, isoDay } from "../days.ts";
import { KPI_MESSAGES } from "../messages.ts";
import { daysOf } from "../series.ts";
import type { EngineContext } from "../types.ts";
import { argCount, describe, isBlankScalar, required, source } from "./arguments.ts";
import { type CustomFunctionSpec, exampleDate as d } from "./spec.ts";

const METHOD_EN =
  "Each period is compared with its reference periods: the last 12 before it (at least 8, or it is not scored), on the same weekday when the dates are daily. Expected = their median; for weekly dates, once the same week last year (364 days before) has 8 reference weeks of its own, plus how far that week stood from their median, so a yearly campaign is expected again. Score = 0.6745 × (value − expected) ÷ MAD, MAD being the median absolute deviation of the reference values from their median, and at least 2% of that median (a series that never moves has no scale of its own); a series that has always been 0 is not scored. Flagged when |score| > 3.5 (Iglewicz & Hoaglin). With `volumes` (a rate's denominators per period), a period with less than half the median volume of its reference periods is not scored: a swing on a handful of sends says nothing.";
const METHOD_FR =
  "Chaque période est comparée à ses périodes de référence : les 12 qui la précèdent (au moins 8, sinon elle n'est pas notée), le même jour de la semaine quand les dates sont quotidiennes. Attendu = leur médiane ; pour des dates hebdomadaires, dès que la même semaine l'an passé (364 jours avant) a elle-même 8 semaines de référence, plus l'écart de cette semaine à leur médiane, pour qu'une campagne annuelle soit attendue à nouveau. Score = 0,6745 × (valeur − attendu) ÷ MAD, MAD étant la médiane des écarts absolus des valeurs de référence à leur médiane, et au moins 2 % de cette médiane (une série qui ne bouge jamais n'a pas d'échelle propre) ; une série toujours nulle n'est pas notée. Signalée quand |score| > 3,5 (Iglewicz & Hoaglin). Avec `volumes` (les dénominateurs d'un taux par période), une période ayant moins de la moitié du volume médian de ses périodes de référence n'est pas notée : un écart sur une poignée d'envois ne dit rien.";

const HISTORY = [10, 12, 11, 13, 10, 12, 11, 13];

export const ANOMALIES: CustomFunctionSpec = {
  name: "KPI_ANOMALIES",
  title: { en: "Unusual periods", fr: "Périodes inhabituelles" },
  formula: {
    en: "per period: expected = median of the 8–12 periods before (seasonal), score = 0.6745 × (value − expected) ÷ MAD, flagged above 3.5",
    fr: "par période : attendu = médiane des 8 à 12 périodes précédentes (saisonnière), score = 0,6745 × (valeur − attendu) ÷ MAD, signalée au-delà de 3,5",
  },
  doc: {
    en: `Returns a five-column table, [period, value, expected, score, flag], one row per dated row, in ascending order of date; it spills. Give one row per period, for example the two columns of KPI_SERIES; a date given twice is an error. ${METHOD_EN} The flag is "" or, in the spreadsheet's language, "high" or "low"; with \`direction\` ("higher" when a higher value is better, "lower" otherwise) it also says "(good)" or "(bad)". Expected and score are "" when the period is not scored.`,
    fr: `Renvoie un tableau de cinq colonnes, [période, valeur, attendu, score, signal], une ligne par ligne datée, dans l'ordre des dates. Donnez une ligne par période, par exemple les deux colonnes de KPI_SERIES ; une date donnée deux fois est une erreur. ${METHOD_FR} Le signal est « » ou, dans la langue du classeur, « haut » ou « bas » ; avec \`direction\` (« higher » quand une valeur plus haute est meilleure, « lower » sinon) il ajoute « (bon signe) » ou « (mauvais signe) ». Attendu et score valent « » quand la période n'est pas notée.`,
  },
  description:
    "Unusual periods: per period its value, the expected value (median of the 8–12 periods before, seasonal), a robust z-score and a flag above 3.5.",
  params: [
    {
      name: "dates",
      optional: false,
      type: "Date[][]",
      description: "The first day of each period, one row per period.",
    },
    { name: "values", optional: false, type: "number[][]", description: "Each period's value." },
    {
      name: "volumes",
      optional: true,
      type: "number[][]",
      description:
        "Optional: a rate's denominator per period; a period on less than half the usual volume is not scored.",
    },
    {
      name: "direction",
      optional: true,
      type: "string",
      description: '"higher" or "lower": which way is better, to say whether a flag is good news.',
    },
  ],
  returns: "A table: period, value, expected, score, flag.",
  example: '=KPI_ANOMALIES(A2:A40, B2:B40, , "higher")',
  examples: [
    {
      formula: '=KPI_ANOMALIES(A2:A10, B2:B10, , "higher")',
      args: [
        HISTORY.concat(30).map((_, i) => [d(2026, 1, 5 + 7 * i)]),
        HISTORY.concat(30).map((v) => [v]),
        undefined,
        "higher",
      ],
      result: [
        ...HISTORY.map((v, i) => [d(2026, 1, 5 + 7 * i), v, "", "", ""]),
        [d(2026, 3, 2), 30, 11.5, 12.47825, "high (good)"],
      ],
      note: {
        en: "Nine weeks: the first 8 have too little history; the 9th is expected at 11.5 (the median of the 8 before), MAD = 1, score 0.6745 × 18.5.",
        fr: "Neuf semaines : les 8 premières ont trop peu d'historique ; la 9e est attendue à 11,5 (la médiane des 8 précédentes), MAD = 1, score 0,6745 × 18,5.",
      },
    },
  ],
  run(ctx, args) {
    const fn = "KPI_ANOMALIES";
    const count = argCount(fn, ctx, args, 4);
    const dates = cellList(as2D(required(fn, ctx, args[0], "dates")));
    const values = cellList(as2D(required(fn, ctx, args[1], "values")));
    const n = dates.length;
    const sameSize = (list: { length: number }, arg: string) => {
      if (list.length !== n) {
        throw kpiError(ctx, "sizeMismatch", { fn, arg, n: list.length, other: "dates", m: n });
      }
    };
    sameSize(values, "values");
    const volumes = count >= 3 && !isBlankScalar(args[2]) ? cellList(as2D(args[2])) : null;
    if (volumes) sameSize(volumes, "volumes");
    const direction = directionArg(fn, ctx, count >= 4 ? args[3] : undefined);

    const days = daysOf(dates, source(fn, "dates", ctx));
    const cell = (list: ReturnType<typeof cellList>, i: number) =>
      list.nested ? (list.cells[i] as readonly unknown[])[0] : list.cells[i];
    const rows: { day: number; at: number; value: number | null; volume: number | null }[] = [];
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(days[i]!)) continue;
      rows.push({
        day: days[i]!,
        at: i,
        value: slowNumber(cell(values, i), source(fn, "values", ctx), i, true),
        volume: volumes ? slowNumber(cell(volumes, i), source(fn, "volumes", ctx), i, false) : null,
      });
    }
    rows.sort((a, b) => a.day - b.day);
    for (let i = 1; i < rows.length; i++) {
      if (rows[i]!.day === rows[i - 1]!.day) {
        throw kpiError(ctx, "duplicateDate", {
          fn,
          pos: KPI_MESSAGES.t(langOfCtx(ctx), "cell", { n: rows[i]!.at + 1 }),
          date: isoDay(rows[i]!.day),
        });
      }
    }
    if (rows.length === 0) return "";
    const scores = detectAnomalies(
      rows.map((r) => ({ start: r.day, value: r.value, volume: r.volume })),
    );
    const lang = langOfCtx(ctx);
    const t = (key: Parameters<typeof KPI_MESSAGES.t>[1], p?: Record<string, string>) =>
      KPI_MESSAGES.t(lang, key, p);
    const timeZone = ctx.timeZone;
    return rows.map((r, i) => {
      const s = scores[i]!;
      let flag = "";
      if (s.flag) {
        const word = t(s.flag === "high" ? "anomalyHigh" : "anomalyLow");
        flag = direction
          ? t(anomalyIsGood(s.flag, direction) ? "anomalyGood" : "anomalyBad", { flag: word })
          : word;
      }
      return [dayToDate(r.day, timeZone), r.value ?? "", s.expected ?? "", s.score ?? "", flag];
    });
  },
};

function directionArg(fn: string, ctx: EngineContext, v: unknown): "higher" | "lower" | null {
  if (isBlankScalar(v)) return null;
  const range = as2D(v);
  const text = String(range[0]?.[0] ?? "")
    .trim()
    .toLowerCase();
  if (text === "higher" || text === "lower") return text;
  throw kpiError(ctx, "badDirection", { fn, value: describe(ctx, range[0]?.[0]) });
}
