/**
 * The objective being edited, as the wizard holds it (text as typed, plus what the user has
 * touched), and how it becomes an ObjectiveInput. Its checks are the shared objective rules
 * (src/contract/rules/objective-rules.ts), the very ones the server applies again on save.
 */

import type { Channel, Goal } from "../src/contract/advisor.ts";
import { formatDayLong } from "../src/contract/format.ts";
import type { Lang } from "../src/contract/i18n.ts";
import type {
  Direction,
  Frequency,
  Objective,
  ObjectiveInput,
  RowFilter,
  Unit,
} from "../src/contract/objectives.ts";
import { isBigQuerySource } from "../src/contract/rules/bigquery-source.ts";
import { MINUS, parseTerm } from "../src/contract/rules/input-terms.ts";
import {
  checkObjective,
  issueTextBesideField,
  type ObjectiveField,
  type RuleEnv,
} from "../src/contract/rules/objective-rules.ts";
import type {
  BigQueryScanRequest,
  Preview,
  PreviewRequest,
  RealismRequest,
  SheetInfo,
  WizardContext,
  WizardKpi,
} from "../src/contract/wizard.ts";
import {
  endOfMonthAfter,
  exampleInput,
  formatLongDate,
  formatValue,
  isIsoDay,
  parseInUnit,
  toInputText,
} from "./format.ts";
import { ui } from "./messages.ts";

export interface Draft {
  /** Set when editing an existing objective. */
  id: string | null;
  /** The edited objective's Updated timestamp as loaded: the version the save must still match. */
  version: string | null;
  kpiId: string;
  name: string;
  /** Once the user types a name, KPI or direction changes no longer rewrite it. */
  nameTouched: boolean;
  channel: string;
  sourceSheet: string;
  dateColumn: string;
  /** The column whose values choose the rows counted ("" for every row), and those values. */
  filterColumn: string;
  filterValues: string[];
  /** Input name → chosen header texts; "" marks a select left on "Choose a column…". */
  inputs: Record<string, string[]>;
  /** Inputs whose column came from an unsure header match and awaits the user's confirmation. */
  unsure: Record<string, boolean>;
  direction: Direction;
  baselineText: string;
  /** False while the baseline follows the value computed from the data. */
  baselineTouched: boolean;
  targetText: string;
  /**
   * The stored values behind the texts of an edited objective: the text is rounded for display,
   * so an unchanged text must give back the stored value, not its rounding.
   */
  exact: { baseline: number | null; target: number | null };
  goal: string;
  owner: string;
  startDate: string;
  deadline: string;
  frequency: Frequency;
  notes: string;
  /** What the advisor was told, if it was used: the goal, and the channel benchmarks are for. */
  advisorGoal: Goal | null;
  advisorChannel: Channel | null;
}

/** Steps 0–4 are S, M, A, R, T; 5 is the review. */
export type StepIndex = 0 | 1 | 2 | 3 | 4 | 5;
export const REVIEW: StepIndex = 5;

export interface FieldError {
  field: string;
  message: string;
}

export function findKpi(ctx: WizardContext, id: string): WizardKpi | undefined {
  return ctx.kpis.find((k) => k.id === id);
}

export function findSheet(ctx: WizardContext, name: string): SheetInfo | undefined {
  return ctx.sheets.find((s) => s.name === name);
}

export function newDraft(ctx: WizardContext): Draft {
  const draft: Draft = {
    id: null,
    version: null,
    kpiId: "",
    name: "",
    nameTouched: false,
    channel: "",
    sourceSheet: "",
    dateColumn: "",
    filterColumn: "",
    filterValues: [],
    inputs: {},
    unsure: {},
    direction: "higher",
    baselineText: "",
    baselineTouched: false,
    targetText: "",
    exact: { baseline: null, target: null },
    goal: "",
    owner: "",
    startDate: ctx.today,
    deadline: endOfMonthAfter(ctx.today, 6),
    frequency: "monthly",
    notes: "",
    advisorGoal: null,
    advisorChannel: null,
  };
  if (ctx.defaultSheet) selectSheet(ctx, draft, ctx.defaultSheet);
  return draft;
}

/** A draft that edits `o`; everything counts as touched, so nothing is rewritten behind the user. */
export function draftFromObjective(ctx: WizardContext, o: Objective): Draft {
  const kpi = findKpi(ctx, o.kpiId);
  const unit = kpi?.unit ?? "count";
  return {
    id: o.id,
    version: o.updated,
    kpiId: o.kpiId,
    name: o.name,
    nameTouched: true,
    channel: o.channel ?? "",
    sourceSheet: o.sourceSheet,
    dateColumn: o.dateColumn,
    filterColumn: o.filter?.column ?? "",
    filterValues: [...(o.filter?.values ?? [])],
    inputs: Object.fromEntries(Object.entries(o.inputs).map(([k, v]) => [k, [...v]])),
    unsure: {},
    direction: o.direction,
    baselineText: toInputText(o.baseline, unit, ctx.lang),
    baselineTouched: true,
    targetText: toInputText(o.target, unit, ctx.lang),
    exact: { baseline: o.baseline, target: o.target },
    goal: o.businessGoal ?? "",
    owner: o.owner ?? "",
    startDate: o.startDate,
    deadline: o.deadline,
    frequency: o.frequency,
    notes: o.notes ?? "",
    advisorGoal: null,
    advisorChannel: null,
  };
}

/** Proposes the columns for the current KPI from the tab's header suggestions. */
export function applySuggestions(ctx: WizardContext, draft: Draft): void {
  const kpi = findKpi(ctx, draft.kpiId);
  const sheet = findSheet(ctx, draft.sourceSheet);
  draft.inputs = {};
  draft.unsure = {};
  if (!kpi) return;
  for (const input of kpi.inputs) {
    const suggestion = sheet?.suggestions[kpi.id]?.[input.name];
    // Terms whose column is in the tab (a subtracted one too), or one per row.
    const columns = (suggestion?.columns ?? []).filter((c) => {
      const term = parseTerm(c);
      return term.kind === "rows" || sheet?.headers.includes(term.header) === true;
    });
    draft.inputs[input.name] = columns.length > 0 ? columns : input.optional ? [] : [""];
    draft.unsure[input.name] = columns.length > 0 && suggestion?.confidence === "partial";
  }
}

export function selectKpi(ctx: WizardContext, draft: Draft, kpiId: string): void {
  if (draft.kpiId === kpiId) return;
  draft.kpiId = kpiId;
  const kpi = findKpi(ctx, kpiId);
  draft.direction = kpi?.direction ?? "higher";
  // A target or baseline typed for another KPI is in another unit: start them afresh.
  draft.targetText = "";
  draft.baselineText = "";
  draft.baselineTouched = false;
  draft.exact = { baseline: null, target: null };
  if (!draft.nameTouched) draft.name = kpi ? kpi.suggestedNames[draft.direction] : "";
  applySuggestions(ctx, draft);
}

export function selectSheet(ctx: WizardContext, draft: Draft, name: string): void {
  draft.sourceSheet = name;
  // Another tab has other columns and values: its rows are all counted until a filter is chosen.
  draft.filterColumn = "";
  draft.filterValues = [];
  draft.dateColumn = findSheet(ctx, name)?.dateColumns[0] ?? "";
  if (!draft.baselineTouched) draft.baselineText = "";
  applySuggestions(ctx, draft);
}

export function setDirection(ctx: WizardContext, draft: Draft, direction: Direction): void {
  draft.direction = direction;
  const kpi = findKpi(ctx, draft.kpiId);
  if (kpi && !draft.nameTouched) draft.name = kpi.suggestedNames[direction];
}

/** The mapping with unchosen selects dropped; optional inputs left empty are left out. */
export function chosenInputs(draft: Draft): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, columns] of Object.entries(draft.inputs)) {
    // A subtracted row whose column is not chosen yet is no term.
    const chosen = columns.filter((c) => c !== "" && c !== MINUS);
    if (chosen.length > 0) out[name] = chosen;
  }
  return out;
}

/**
 * The filter as chosen: null for every row; a column with no value yet is sent as it is, so the
 * shared rules say what is missing instead of counting every row behind the user's back.
 */
export function chosenFilter(draft: Draft): RowFilter | null {
  if (draft.filterColumn === "") return null;
  return { column: draft.filterColumn, values: draft.filterValues.filter((v) => v.trim() !== "") };
}

/** The source, columns and frequency, or null while the source or a required input is missing. */
function sourceRequest(ctx: WizardContext, draft: Draft): PreviewRequest | null {
  const kpi = findKpi(ctx, draft.kpiId);
  if (!kpi || !draft.sourceSheet || !draft.dateColumn) return null;
  const inputs = chosenInputs(draft);
  if (kpi.inputs.some((i) => !i.optional && !inputs[i.name])) return null;
  return {
    kpiId: kpi.id,
    sourceSheet: draft.sourceSheet,
    dateColumn: draft.dateColumn,
    inputs,
    filter: chosenFilter(draft),
    frequency: draft.frequency,
  };
}

/** What the preview of a tab needs; a BigQuery source has none (see bigQueryScanRequest). */
export function previewRequest(ctx: WizardContext, draft: Draft): PreviewRequest | null {
  return isBigQuerySource(draft.sourceSheet) ? null : sourceRequest(ctx, draft);
}

/** What the scan of a BigQuery source needs, with the start date that bounds it; null for a tab. */
export function bigQueryScanRequest(ctx: WizardContext, draft: Draft): BigQueryScanRequest | null {
  const request = isBigQuerySource(draft.sourceSheet) ? sourceRequest(ctx, draft) : null;
  return request && { ...request, startDate: draft.startDate };
}

/**
 * What the realism check needs, from the preview of the current choices; null until a readable
 * target, a baseline (typed, or else computed) and sound dates are there.
 */
export function realismRequest(
  ctx: WizardContext,
  draft: Draft,
  preview: Preview | null,
): RealismRequest | null {
  const kpi = findKpi(ctx, draft.kpiId);
  if (!kpi || !preview) return null;
  const target = targetValue(ctx, draft);
  const baseline = baselineValue(ctx, draft, preview.baseline?.value ?? null);
  if (target === null || baseline === null) return null;
  if (!isIsoDay(draft.startDate) || !isIsoDay(draft.deadline)) return null;
  if (draft.deadline <= draft.startDate) return null;
  return {
    kpiId: kpi.id,
    values: preview.history,
    baseline,
    target,
    startDate: draft.startDate,
    deadline: draft.deadline,
    frequency: draft.frequency,
    direction: draft.direction,
  };
}

/** The baseline the objective will be saved with: typed, or else computed from the data. */
export function baselineValue(
  ctx: WizardContext,
  draft: Draft,
  computed: number | null,
): number | null {
  const kpi = findKpi(ctx, draft.kpiId);
  if (!kpi) return null;
  if (draft.baselineTouched || computed === null) {
    return typedValue(draft.baselineText, draft.exact.baseline, kpi.unit, ctx.lang);
  }
  return computed;
}

/** The target as typed, in the KPI's stored unit, or null when unreadable. */
export function targetValue(ctx: WizardContext, draft: Draft): number | null {
  const kpi = findKpi(ctx, draft.kpiId);
  if (!kpi) return null;
  return typedValue(draft.targetText, draft.exact.target, kpi.unit, ctx.lang);
}

function typedValue(text: string, exact: number | null, unit: Unit, lang: Lang): number | null {
  if (exact !== null && text === toInputText(exact, unit, lang)) return exact;
  return parseInUnit(text, unit, lang);
}

/** The objective fields each step asks for, checked by the shared rules when leaving it. */
const STEP_FIELDS: Record<StepIndex, readonly ObjectiveField[]> = {
  0: ["kpiId", "name", "channel"],
  1: ["kpiId", "sourceSheet", "dateColumn", "inputs", "filter"],
  2: ["kpiId", "baseline", "target", "direction"],
  3: ["owner", "businessGoal"],
  4: ["startDate", "deadline", "frequency"],
  5: [],
};

/** Where each objective field is shown in the wizard (its data-key). */
const FIELD_KEYS: Partial<Record<ObjectiveField, string>> = {
  kpiId: "kpi",
  name: "name",
  channel: "channel",
  sourceSheet: "sheet",
  dateColumn: "dateColumn",
  filter: "filter",
  baseline: "baseline",
  target: "target",
  direction: "direction",
  owner: "owner",
  businessGoal: "goal",
  startDate: "start",
  deadline: "deadline",
  frequency: "frequency",
};

/** The shared objective rules, told about the KPIs as the wizard lists them. */
function ruleEnv(ctx: WizardContext): RuleEnv {
  return {
    lang: ctx.lang,
    kpi: (id) => findKpi(ctx, id),
    kpiIds: ctx.kpis.map((k) => k.id),
    formatValue: (value, kpi) =>
      formatValue(value, findKpi(ctx, kpi.id)?.unit ?? "ratio", ctx.lang),
    formatDay: (day) => formatDayLong(day, ctx.lang),
  };
}

/**
 * What is wrong in a step: the shared objective rules on the step's fields (the server applies
 * the same ones on save), plus what only the wizard knows: text that is not a number yet, a tab or
 * column no longer there, a column match still to confirm.
 */
export function validateStep(
  ctx: WizardContext,
  draft: Draft,
  step: StepIndex,
  computedBaseline: number | null,
): FieldError[] {
  const t = (key: Parameters<typeof ui.t>[1], params?: Record<string, string | number>) =>
    ui.t(ctx.lang, key, params);
  const errors: FieldError[] = [];
  const shown = new Set<string>();
  const add = (field: string, message: string) => {
    if (shown.has(field)) return;
    shown.add(field);
    errors.push({ field, message });
  };
  const kpi = findKpi(ctx, draft.kpiId);
  if (step === 1) {
    const sheet = findSheet(ctx, draft.sourceSheet);
    if (draft.sourceSheet !== "" && !sheet && !isBigQuerySource(draft.sourceSheet)) {
      add("sheet", t("errChooseSheet"));
    } else if (sheet && draft.dateColumn !== "" && !sheet.headers.includes(draft.dateColumn)) {
      add("dateColumn", t("errDateColumn"));
    }
    for (const input of kpi?.inputs ?? []) {
      if (draft.unsure[input.name]) add(`input:${input.name}`, t("errConfirm"));
    }
  }
  if (step === 2 && kpi) {
    const unreadable = (text: string) =>
      parseInUnit(text, kpi.unit, ctx.lang) === null
        ? kpi.unit === "seconds"
          ? t("errDuration")
          : t("errNumber", { example: exampleInput(kpi.unit, ctx.lang) })
        : null;
    const typedBaseline = draft.baselineTouched || computedBaseline === null;
    const baselineError =
      typedBaseline && draft.baselineText.trim() !== "" ? unreadable(draft.baselineText) : null;
    if (baselineError) add("baseline", baselineError);
    const targetError = draft.targetText.trim() !== "" ? unreadable(draft.targetText) : null;
    if (targetError) add("target", targetError);
  }
  const fields = new Set(STEP_FIELDS[step]);
  const input = toObjectiveInput(ctx, draft, computedBaseline);
  const blankNumber = (v: number) => (Number.isNaN(v) ? "" : v);
  const raw = {
    ...input,
    baseline: blankNumber(input.baseline),
    target: blankNumber(input.target),
  };
  for (const issue of checkObjective(raw, ruleEnv(ctx), fields).issues) {
    if (!issue.field || !fields.has(issue.field)) continue;
    // The KPI is chosen on the first step: later steps need it but do not show its field.
    if (issue.field === "kpiId" && step !== 0) continue;
    const key =
      issue.field === "inputs"
        ? `input:${issue.input ?? kpi?.inputs[0]?.name ?? ""}`
        : (FIELD_KEYS[issue.field] ?? issue.field);
    add(key, issueTextBesideField(issue, ctx.lang));
  }
  return errors;
}

/** The first step with an error, or null when the whole draft is valid. */
export function firstInvalidStep(
  ctx: WizardContext,
  draft: Draft,
  computedBaseline: number | null,
): StepIndex | null {
  for (const step of [0, 1, 2, 3, 4] as const) {
    if (validateStep(ctx, draft, step, computedBaseline).length > 0) return step;
  }
  return null;
}

export function toObjectiveInput(
  ctx: WizardContext,
  draft: Draft,
  computedBaseline: number | null,
): ObjectiveInput {
  const input: ObjectiveInput = {
    name: draft.name.trim(),
    kpiId: draft.kpiId,
    channel: draft.channel.trim(),
    sourceSheet: draft.sourceSheet,
    dateColumn: draft.dateColumn,
    inputs: chosenInputs(draft),
    filter: chosenFilter(draft),
    direction: draft.direction,
    baseline: baselineValue(ctx, draft, computedBaseline) ?? Number.NaN,
    target: targetValue(ctx, draft) ?? Number.NaN,
    startDate: draft.startDate,
    deadline: draft.deadline,
    frequency: draft.frequency,
    owner: draft.owner.trim(),
    businessGoal: draft.goal.trim(),
    notes: draft.notes,
  };
  if (draft.id) input.id = draft.id;
  if (draft.version) input.updated = draft.version;
  return input;
}

const ADVERB_KEYS = {
  weekly: "adverbWeekly",
  monthly: "adverbMonthly",
  quarterly: "adverbQuarterly",
} as const;

/** How often an objective is reviewed, as an adverb: "monthly", « chaque mois ». */
export function frequencyAdverb(frequency: Frequency, lang: Lang): string {
  return ui.t(lang, ADVERB_KEYS[frequency]);
}

/** "Raise the conversion rate from 2.1% to 3% by 30 June 2027, reviewed monthly — owner: Claire." */
export function reviewSentence(ctx: WizardContext, o: ObjectiveInput, lang: Lang): string {
  const kpi = findKpi(ctx, o.kpiId);
  const unit = kpi?.unit ?? "count";
  return ui.t(lang, "sentence", {
    verb: ui.t(lang, o.direction === "lower" ? "verbLower" : "verbHigher"),
    kpi: kpi?.phrase ?? o.kpiId,
    channel: o.channel ? ui.t(lang, "sentenceChannel", { channel: o.channel }) : "",
    baseline: formatValue(o.baseline, unit, lang),
    target: formatValue(o.target, unit, lang),
    deadline: formatLongDate(o.deadline, lang),
    frequency: frequencyAdverb(o.frequency, lang),
    owner: o.owner,
  });
}
