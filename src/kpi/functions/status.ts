/** KPI_STATUS: an objective's status, by the one rule of src/kpi/status.ts. */
import { kpiError } from "../cells.ts";
import { isoDay, todayDay } from "../days.ts";
import {
  type DatedValue,
  decisivePeriod,
  judge,
  MIN_TREND_PERIODS,
  statusWordIn,
  trendWindow,
} from "../status.ts";
import { forecastValues, median } from "../trend.ts";
import type { EngineContext } from "../types.ts";
import { argCount, dayArg, isBlankScalar, required, requiredDay } from "./arguments.ts";
import { datedValues } from "./forecast.ts";
import { ACTUAL_PARAM, progressArgs, TARGET_PARAM } from "./progress.ts";
import { type CustomFunctionSpec, exampleDate as d } from "./spec.ts";

const RULE_EN =
  "The rule, in order. (1) `as_of` before `start_date`: Not started. (2) `as_of` after `deadline`: Achieved when the deciding value reaches the target (progress ≥ 1), else Missed; the deciding value is the last of `values` dated on or before the deadline (the period that holds the deadline), or `actual` without `values`, and nothing dated later changes it. (3) Otherwise p = KPI_PROGRESS(actual, target, baseline) and e = the share of the days from `start_date` to `deadline` elapsed at `as_of`; the pace is ahead when p ≥ e, on pace when e − p ≤ 0.10, behind when e − p ≤ 0.25, far behind beyond. (4) With at least 5 `values` dated on or before `as_of`, those dated within a year of the latest (or the last 12 when a year holds fewer) are fitted with a Theil–Sen line (slope: the median of the slopes between every two of them; level: the median of value − slope × day; each value placed at the middle of the days it stands for, up to the next date, the last one for the median gap between dates). Its value F at the deadline has an 80% prediction interval F ± t·se, with se = s·√(1 + 1/n + (x − x̄)²/Sxx), s = 1.4826 × the median absolute residual and t the 90% quantile of Student's t with n − 2 degrees of freedom; the chance of reaching the target is P(F + se·T reaches it), T that Student's t: likely from 70%, unlikely below 30%, uncertain between. (5) Likely: On track, At risk when far behind. Uncertain: At risk, Off track when far behind. Unlikely: At risk when ahead or on pace, else Off track. So an interval entirely on the wrong side of the target (a chance below 10%) is never On track. (6) With fewer than 5 values, pace alone: ahead or on pace On track, behind At risk, far behind Off track.";
const RULE_FR =
  "La règle, dans l'ordre. (1) `as_of` avant `start_date` : Pas commencé. (2) `as_of` après `deadline` : Atteint quand la valeur décisive atteint la cible (progression ≥ 1), sinon Manqué ; la valeur décisive est la dernière des `values` datée au plus tard à l'échéance (la période qui contient l'échéance), ou `actual` sans `values`, et rien de daté après ne la change. (3) Sinon p = KPI_PROGRESS(actual, target, baseline) et e = la part des jours de `start_date` à `deadline` écoulée à `as_of` ; le rythme est en avance quand p ≥ e, dans le rythme quand e − p ≤ 0,10, en retard quand e − p ≤ 0,25, très en retard au-delà. (4) Avec au moins 5 `values` datées au plus tard à `as_of`, celles datées à moins d'un an de la dernière (ou les 12 dernières quand une année en compte moins) sont ajustées par une droite de Theil–Sen (pente : la médiane des pentes entre deux d'entre elles ; niveau : la médiane de valeur − pente × jour ; chaque valeur placée au milieu des jours qu'elle représente, jusqu'à la date suivante, la dernière pour l'écart médian entre dates). Sa valeur F à l'échéance a un intervalle de prévision à 80 % F ± t·se, avec se = s·√(1 + 1/n + (x − x̄)²/Sxx), s = 1,4826 × la médiane des écarts absolus à la droite et t le quantile à 90 % de la loi de Student à n − 2 degrés de liberté ; la chance d'atteindre la cible est P(F + se·T l'atteint), T cette loi de Student : probable à partir de 70 %, improbable sous 30 %, incertaine entre les deux. (5) Probable : En bonne voie, À risque si très en retard. Incertaine : À risque, En retard si très en retard. Improbable : À risque en avance ou dans le rythme, sinon En retard. Un intervalle entièrement du mauvais côté de la cible (une chance sous 10 %) n'est donc jamais En bonne voie. (6) Avec moins de 5 valeurs, le rythme seul : en avance ou dans le rythme En bonne voie, en retard À risque, très en retard En retard.";

export const STATUS: CustomFunctionSpec = {
  name: "KPI_STATUS",
  title: { en: "Objective status", fr: "Statut de l'objectif" },
  formula: {
    en: "Not started before start_date; after the deadline, Achieved or Missed by the value of the deadline's period; otherwise pace (progress against time elapsed) and, given a history, the chance that the Theil–Sen trend reaches the target by the deadline",
    fr: "Pas commencé avant start_date ; après l'échéance, Atteint ou Manqué selon la valeur de la période de l'échéance ; sinon le rythme (progression face au temps écoulé) et, avec un historique, la chance que la tendance de Theil–Sen atteigne la cible à l'échéance",
  },
  doc: {
    en: `Returns the status in the spreadsheet's language: "Not started", "Achieved", "On track", "At risk", "Off track" or "Missed" (in a French spreadsheet « Pas commencé », « Atteint », « En bonne voie », « À risque », « En retard », « Manqué»). The dashboard applies the same rule to each objective. ${RULE_EN} A blank \`actual\` gives "". \`dates\` and \`values\` (for example two columns of KPI_SERIES) must have as many cells. Sheets recalculates a custom function only when its arguments change, so pass \`TODAY()\` as \`as_of\` for a status that moves with the calendar. The dashboard fits a rate's numerator and denominator separately rather than its values, so on a rate its forecast may differ slightly from this one.`,
    fr: `Renvoie le statut dans la langue du classeur : « Pas commencé », « Atteint », « En bonne voie », « À risque », « En retard » ou « Manqué » (dans un classeur anglais "Not started", "Achieved", "On track", "At risk", "Off track", "Missed"). Le tableau de bord applique la même règle à chaque objectif. ${RULE_FR} Un \`actual\` vide donne « ». \`dates\` et \`values\` (par exemple deux colonnes de KPI_SERIES) doivent avoir autant de cellules. Sheets ne recalcule une fonction personnalisée que lorsque ses arguments changent : passez \`AUJOURDHUI()\` en \`as_of\` pour un statut qui suit le calendrier. Le tableau de bord ajuste séparément le numérateur et le dénominateur d'un taux plutôt que ses valeurs : sur un taux, sa prévision peut différer légèrement de celle-ci.`,
  },
  description:
    "Status of an objective (Not started, Achieved, On track, At risk, Off track, Missed) from progress against the time elapsed and, given its history, the forecast at the deadline; in the spreadsheet's language.",
  params: [
    ACTUAL_PARAM,
    TARGET_PARAM,
    {
      name: "baseline",
      optional: false,
      type: "number",
      description: "The starting value (blank for 0).",
    },
    {
      name: "start_date",
      optional: false,
      type: "Date",
      description: "When the objective started.",
    },
    { name: "deadline", optional: false, type: "Date", description: "When the target is due." },
    {
      name: "as_of",
      optional: true,
      type: "Date",
      description:
        "The day to judge at; today when omitted. Pass TODAY() to have the status follow the calendar: Sheets recalculates a custom function only when its arguments change.",
    },
    {
      name: "dates",
      optional: true,
      type: "Date[][]",
      description: "Optional: the start date of each period of the KPI's history.",
    },
    {
      name: "values",
      optional: true,
      type: "number[][]",
      description:
        "Optional: the KPI's value in each of those periods; gives the trend, and after the deadline the deciding value.",
    },
  ],
  returns:
    'One of "Not started", "Achieved", "On track", "At risk", "Off track", "Missed", in the spreadsheet\'s language.',
  example: "=KPI_STATUS(B2, 5%, 3%, DATE(2026,1,1), DATE(2026,12,31))",
  examples: [
    {
      formula: "=KPI_STATUS(0.04, 0.05, 0.03, DATE(2026,1,1), DATE(2026,12,31), DATE(2026,7,2))",
      args: [0.04, 0.05, 0.03, d(2026, 1, 1), d(2026, 12, 31), d(2026, 7, 2)],
      result: "On track",
      note: {
        en: "No history: pace alone. Half-way through the year (e = 0.5) and half-way to the target (p = 0.5).",
        fr: "Sans historique : le rythme seul. À mi-année (e = 0,5) et à mi-chemin de la cible (p = 0,5).",
      },
    },
    {
      formula: "=KPI_STATUS(0.04, 0.05, 0.03, DATE(2026,1,1), DATE(2026,12,31), DATE(2026,10,1))",
      args: [0.04, 0.05, 0.03, d(2026, 1, 1), d(2026, 12, 31), d(2026, 10, 1)],
      result: "At risk",
      note: {
        en: "Three quarters of the time gone (e = 0.75), progress still 0.5: 25 points behind.",
        fr: "Trois quarts du temps écoulés (e = 0,75), progression toujours 0,5 : 25 points de retard.",
      },
    },
    {
      formula:
        "=KPI_STATUS(0.04, 0.05, 0.03, DATE(2026,1,1), DATE(2026,12,31), DATE(2026,7,2), A2:A7, B2:B7)",
      args: [
        0.04,
        0.05,
        0.03,
        d(2026, 1, 1),
        d(2026, 12, 31),
        d(2026, 7, 2),
        [
          [d(2026, 1, 1)],
          [d(2026, 2, 1)],
          [d(2026, 3, 1)],
          [d(2026, 4, 1)],
          [d(2026, 5, 1)],
          [d(2026, 6, 1)],
        ],
        [[0.041], [0.04], [0.041], [0.04], [0.04], [0.04]],
      ],
      result: "At risk",
      note: {
        en: "On pace, but six flat months: the trend stays near 4% against a 5% target, so At risk.",
        fr: "Dans le rythme, mais six mois plats : la tendance reste vers 4 % pour une cible de 5 %, donc À risque.",
      },
    },
    {
      formula: "=KPI_STATUS(0.045, 0.05, 0.03, DATE(2026,1,1), DATE(2026,3,31), DATE(2026,4,15))",
      args: [0.045, 0.05, 0.03, d(2026, 1, 1), d(2026, 3, 31), d(2026, 4, 15)],
      result: "Missed",
      note: {
        en: "Past the deadline, target not reached.",
        fr: "Échéance passée, cible non atteinte.",
      },
    },
    {
      formula: "=KPI_STATUS(0.04, 0.05, 0.03, DATE(2026,3,1), DATE(2026,12,31), DATE(2026,2,10))",
      args: [0.04, 0.05, 0.03, d(2026, 3, 1), d(2026, 12, 31), d(2026, 2, 10)],
      result: "Not started",
    },
  ],
  run(ctx, args) {
    const fn = "KPI_STATUS";
    const count = argCount(fn, ctx, args, 8);
    const start = requiredDay(fn, ctx, args[3], "start_date");
    const deadline = requiredDay(fn, ctx, args[4], "deadline");
    if (deadline < start) {
      throw kpiError(ctx, "deadlineBeforeStart", {
        fn,
        deadline: isoDay(deadline),
        start: isoDay(start),
      });
    }
    const r = progressArgs(fn, ctx, [args[0], args[1], required(fn, ctx, args[2], "baseline")]);
    if (r === null) return "";
    const asOf = dayArg(fn, ctx, args[5], "as_of") ?? todayDay(ctx.timeZone);
    const history =
      count >= 7 && !isBlankScalar(args[6])
        ? historyOf(fn, ctx, args[6], required(fn, ctx, args[7], "values"), asOf)
        : [];
    const recent = trendWindow(history);
    const forecast =
      recent.length >= MIN_TREND_PERIODS
        ? forecastValues(
            midpoints(recent.map((h) => h.start)),
            recent.map((h) => h.value),
            deadline + 0.5,
          )
        : null;
    const own = { start: Math.min(asOf, deadline), value: r.actual };
    const verdict = judge({
      baseline: r.baseline,
      target: r.target,
      startDay: start,
      deadlineDay: deadline,
      asOfDay: asOf,
      current: { ...own, day: asOf },
      decisive: history.length > 0 ? decisivePeriod(history, deadline) : own,
      latest: history.at(-1) ?? null,
      forecast,
      trendPeriods: recent.length,
    });
    // Only a history with nothing up to the deadline leaves no decisive value: `actual` decides.
    const status = verdict?.status ?? (r.p >= 1 ? "achieved" : "missed");
    return statusWordIn(status, ctx);
  },
};

/** The dated values of a history, ascending, those dated after `asOf` left out. */
function historyOf(
  fn: string,
  ctx: EngineContext,
  dates: unknown,
  values: unknown,
  asOf: number,
): DatedValue[] {
  const { xs, ys } = datedValues(fn, ctx, dates, values);
  return Array.from(xs, (start, i) => ({ start, value: ys[i]! }))
    .filter((h) => h.start <= asOf)
    .sort((a, b) => a.start - b.start);
}

/**
 * Where each value of a history sits on the time axis: the middle of the days it stands for, up
 * to the next date (the last one for the median gap), as the dashboard places its periods.
 */
function midpoints(starts: readonly number[]): number[] {
  const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
  const positive = gaps.filter((g) => g > 0);
  const typical = positive.length > 0 ? median(positive) : 1;
  return starts.map((s, i) => s + (gaps[i] ?? typical) / 2);
}
