/** KPI_STATUS: an objective's status word, from its progress and the time elapsed. */
import { kpiError } from "../cells.ts";
import { isoDay, todayDay } from "../days.ts";
import { elapsedShare, STATUS_WORDS, statusOf } from "../trend.ts";
import { argCount, dayArg, required, requiredDay } from "./arguments.ts";
import { ACTUAL_PARAM, progressArgs, TARGET_PARAM } from "./progress.ts";
import { type CustomFunctionSpec, exampleDate as d } from "./spec.ts";

export const STATUS: CustomFunctionSpec = {
  name: "KPI_STATUS",
  title: { en: "Objective status", fr: "Statut de l'objectif" },
  formula: {
    en: "p = progress, e = elapsed share of [start_date, deadline]: Achieved if p ≥ 1; Missed after the deadline; On track if e − p ≤ 0.10; At risk if ≤ 0.25; else Off track",
    fr: "p = progression, e = part écoulée de [start_date, deadline] : Achieved si p ≥ 1 ; Missed après l'échéance ; On track si e − p ≤ 0,10 ; At risk si ≤ 0,25 ; sinon Off track",
  },
  doc: {
    en: 'Returns "Achieved", "On track", "At risk", "Off track" or "Missed" (in English whatever the locale, so formulas and conditional formatting can test them). p is KPI_PROGRESS(actual, target, baseline); e is the share of the days from `start_date` to `deadline` elapsed at `as_of` (today in the spreadsheet\'s time zone by default), clamped to [0, 1]. p ≥ 1 is Achieved, even after the deadline. Otherwise an `as_of` after the deadline is Missed. Otherwise progress lagging time by at most 10 points is On track, by at most 25 points At risk, and by more Off track. A blank `actual` gives "". Sheets recalculates a custom function only when its arguments change, so pass `TODAY()` as `as_of` for a status that moves with the calendar.',
    fr: "Renvoie « Achieved », « On track », « At risk », « Off track » ou « Missed » (en anglais quelle que soit la langue, pour que formules et mises en forme conditionnelles puissent les tester). p est KPI_PROGRESS(actual, target, baseline) ; e est la part des jours de `start_date` à `deadline` écoulée à la date `as_of` (aujourd'hui dans le fuseau du classeur par défaut), bornée à [0, 1]. p ≥ 1 donne Achieved, même après l'échéance. Sinon, un `as_of` après l'échéance donne Missed. Sinon, une progression en retard sur le temps d'au plus 10 points donne On track, d'au plus 25 points At risk, au-delà Off track. Un `actual` vide donne « ». Sheets ne recalcule une fonction personnalisée que lorsque ses arguments changent : passez `AUJOURDHUI()` en `as_of` pour un statut qui suit le calendrier.",
  },
  description:
    'Status of an objective: "Achieved", "On track", "At risk", "Off track" or "Missed", from progress towards the target and the time elapsed.',
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
  ],
  returns: 'One of "Achieved", "On track", "At risk", "Off track", "Missed".',
  example: "=KPI_STATUS(B2, 5%, 3%, DATE(2026,1,1), DATE(2026,12,31))",
  examples: [
    {
      formula: "=KPI_STATUS(0.04, 0.05, 0.03, DATE(2026,1,1), DATE(2026,12,31), DATE(2026,7,2))",
      args: [0.04, 0.05, 0.03, d(2026, 1, 1), d(2026, 12, 31), d(2026, 7, 2)],
      result: "On track",
      note: {
        en: "Half-way through the year (e = 0.5) and half-way to the target (p = 0.5).",
        fr: "À mi-année (e = 0,5) et à mi-chemin de la cible (p = 0,5).",
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
      formula: "=KPI_STATUS(0.045, 0.05, 0.03, DATE(2026,1,1), DATE(2026,3,31), DATE(2026,4,15))",
      args: [0.045, 0.05, 0.03, d(2026, 1, 1), d(2026, 3, 31), d(2026, 4, 15)],
      result: "Missed",
      note: {
        en: "Past the deadline, target not reached.",
        fr: "Échéance passée, cible non atteinte.",
      },
    },
  ],
  run(ctx, args) {
    const fn = "KPI_STATUS";
    argCount(fn, ctx, args, 6);
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
    return STATUS_WORDS[statusOf(r.p, elapsedShare(start, deadline, asOf), asOf, deadline)];
  },
};
