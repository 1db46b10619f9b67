/**
 * The 17 custom functions: 12 generated from the KPI registry, and KPI_GROWTH, KPI_PROGRESS,
 * KPI_FORECAST, KPI_STATUS and KPI_SERIES. The build generates the Apps Script stubs and their
 * JSDoc from these specs, docs.ts renders docs/FUNCTIONS.md from them, and the unit tests run
 * every example they hold.
 *
 * `run` receives the arguments exactly as Apps Script passes them: a 2D array for a range, a
 * plain value for a single cell, "" for a blank cell, undefined for an omitted trailing argument.
 */
import {
  addCell,
  as2D,
  brokenCheck,
  cellCount,
  cellList,
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
} from "./aggregate.ts";
import {
  type CellSource,
  cellDay,
  describeValue,
  formatNumber,
  idKey,
  kpiError,
  langOfCtx,
  parseNumberText,
  positionText,
  slowNumber,
} from "./cells.ts";
import { dayToDate, isoDay, todayDay } from "./days.ts";
import { tryParsePeriod } from "./periods.ts";
import { KPIS } from "./registry.ts";
import { bucketRows, daysOf } from "./series.ts";
import { elapsedShare, forecastAt, STATUS_WORDS, statusOf } from "./trend.ts";
import type { EngineContext, KpiDefinition, KpiInput, Localized, Unit } from "./types.ts";

export interface CustomFunctionParam {
  /** A valid JavaScript identifier: the stub's parameter and the name in Sheets' help. */
  readonly name: string;
  readonly optional: boolean;
  /** JSDoc type. */
  readonly type: string;
  readonly description: string;
}

/** A worked example, shown in docs/FUNCTIONS.md and run by the unit tests. */
export interface FunctionExample {
  readonly formula: string;
  readonly args: readonly unknown[];
  readonly result: unknown;
  readonly note?: Localized;
}

export interface CustomFunctionSpec {
  readonly name: string;
  /** One or two sentences for Sheets' formula help. */
  readonly description: string;
  readonly params: readonly CustomFunctionParam[];
  /** What it returns, for the JSDoc @return line. */
  readonly returns: string;
  /** A formula as typed in a sheet. */
  readonly example: string;
  run(ctx: EngineContext, args: readonly unknown[]): unknown;
  /** The registry KPI it computes, for the 12 KPI functions. */
  readonly kpiId?: string;
  /** Name of what it computes, en and fr (docs). */
  readonly title: Localized;
  /** The formula in words (docs). */
  readonly formula: Localized;
  /** Longer documentation, markdown (docs). */
  readonly doc: Localized;
  readonly examples: readonly FunctionExample[];
}

/** The context the examples are computed in: dates in them are UTC midnights. */
export const EXAMPLE_CONTEXT: EngineContext = { timeZone: "UTC", locale: "en_US" };

// ---------------------------------------------------------------------------------------------
// Arguments

type Mode = "rows" | "total";

function modeWord(v: unknown): Mode | null {
  if (typeof v !== "string") return null;
  const w = v.trim().toLowerCase();
  if (w === "rows" || w === "row" || w === "lignes" || w === "ligne") return "rows";
  if (w === "total" || w === "totals" || w === "totaux") return "total";
  return null;
}

/** A scalar blank cell (or an omitted argument): an optional input given this way is omitted. */
function isBlankScalar(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

/** The number of arguments given, not counting trailing undefined; throws if too many. */
function argCount(fn: string, ctx: EngineContext, args: readonly unknown[], max: number): number {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  if (n > max) throw kpiError(ctx, "tooManyArgs", { fn, n: max, m: n });
  return n;
}

function source(fn: string, arg: string, ctx: EngineContext): CellSource {
  return { fn, arg, ctx };
}

function required(fn: string, ctx: EngineContext, v: unknown, arg: string): unknown {
  if (v === undefined) throw kpiError(ctx, "missingArg", { fn, arg });
  return v;
}

/** Σ of an argument's cells, and how many were non-blank. */
function sumArg(
  fn: string,
  ctx: EngineContext,
  v: unknown,
  arg: string,
  signed: boolean,
): { sum: number; count: number } {
  const s = newSlots(1);
  scanRange(as2D(v), "amount", signed, source(fn, arg, ctx), s, false);
  return { sum: s.sum[0]!, count: s.count[0]! };
}

/** The day of a single-cell date argument, or null when blank. */
function dayArg(fn: string, ctx: EngineContext, v: unknown, arg: string): number | null {
  if (v === undefined) return null;
  const range = as2D(v);
  const n = cellCount(range);
  if (n > 1) throw kpiError(ctx, "notSingle", { fn, arg, n });
  return cellDay(range[0]?.[0] ?? "", source(fn, arg, ctx), 0);
}

function requiredDay(fn: string, ctx: EngineContext, v: unknown, arg: string): number {
  const day = dayArg(fn, ctx, required(fn, ctx, v, arg), arg);
  if (day === null) throw kpiError(ctx, "blankArg", { fn, arg });
  return day;
}

/** Cells of a range in reading order. */
function flatten(range: readonly (readonly unknown[])[]): unknown[] {
  const out: unknown[] = [];
  for (const row of range) for (const v of row) out.push(v);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The 12 KPI functions

const UNIT_NOTE: Readonly<Record<Unit, string>> = {
  percent: "A fraction: format the cell as a percentage.",
  ratio: "A plain number.",
  currency: "In the sheet's currency.",
  seconds: "In seconds.",
  count: "A count.",
};

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

function ratioSpec(kpi: KpiDefinition): CustomFunctionSpec {
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
    name: fn,
    kpiId: kpi.id,
    title: kpi.name,
    formula: kpi.formula,
    doc: kpi.doc,
    description: `${kpi.name.en}: ${kpi.formula.en}. ${kpi.definition.en} ${UNIT_NOTE[kpi.unit]}`,
    params,
    returns: `${kpi.name.en} over all rows; with mode "rows", a column with one value per row ("" where the denominator is blank or 0).`,
    example: kpi.example.formula,
    examples: [kpi.example, ...(kpi.moreExamples ?? [])],
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

function describe(ctx: EngineContext, v: unknown): string {
  return describeValue(v, langOfCtx(ctx), () => ctx.timeZone);
}

function ratioTotal(
  kpi: KpiDefinition,
  given: readonly unknown[],
  ctx: EngineContext,
): number | "" {
  const fn = kpi.functionName;
  const plan = ratioPlan(kpi);
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

function uniqueVisitorsSpec(kpi: KpiDefinition): CustomFunctionSpec {
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
    name: fn,
    kpiId: kpi.id,
    title: kpi.name,
    formula: kpi.formula,
    doc: kpi.doc,
    description: `${kpi.name.en}: the number of distinct visitor ids, optionally between two dates. ${UNIT_NOTE[kpi.unit]}`,
    params,
    returns: "The number of distinct non-blank visitor ids (0 when there are none).",
    example: kpi.example.formula,
    examples: [kpi.example, ...(kpi.moreExamples ?? [])],
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

// ---------------------------------------------------------------------------------------------
// The five others

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

const GROWTH: CustomFunctionSpec = {
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

const ACTUAL_PARAM: CustomFunctionParam = {
  name: "actual",
  optional: false,
  type: "number[][]",
  description: "The KPI's current value (a range is summed).",
};

const TARGET_PARAM: CustomFunctionParam = {
  name: "target",
  optional: false,
  type: "number",
  description: "The value to reach.",
};

/** Σactual, target and baseline of KPI_PROGRESS and KPI_STATUS; null when actual is blank. */
function progressArgs(fn: string, ctx: EngineContext, args: readonly unknown[]) {
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
  return { p };
}

const PROGRESS: CustomFunctionSpec = {
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

const STATUS: CustomFunctionSpec = {
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

const FORECAST: CustomFunctionSpec = {
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
    const dates = cellList(as2D(required(fn, ctx, args[0], "dates")));
    const values = cellList(as2D(required(fn, ctx, args[1], "values")));
    const target = requiredDay(fn, ctx, args[2], "target_date");
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
    const valueSrc = source(fn, "values", ctx);
    const { cells, nested } = values;
    let m = 0;
    let minX = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
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
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
    }
    if (m < 2) throw kpiError(ctx, "forecastTooFew", { fn, n: m });
    if (minX === maxX) throw kpiError(ctx, "forecastOneDate", { fn, date: isoDay(minX) });
    return forecastAt(xs.subarray(0, m), ys.subarray(0, m), target);
  },
};

const SERIES: CustomFunctionSpec = {
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

export const CUSTOM_FUNCTIONS: readonly CustomFunctionSpec[] = [
  ...KPIS.map((kpi) =>
    kpi.combine.kind === "distinct" ? uniqueVisitorsSpec(kpi) : ratioSpec(kpi),
  ),
  GROWTH,
  PROGRESS,
  FORECAST,
  STATUS,
  SERIES,
];

/** The spec of a custom function by name, or undefined. */
export function findFunction(name: string): CustomFunctionSpec | undefined {
  return CUSTOM_FUNCTIONS.find((s) => s.name === name);
}
