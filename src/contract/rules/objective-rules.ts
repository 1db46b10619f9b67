/**
 * What makes an objective valid: the one rule set, used by the save endpoint, by every row read
 * back from the Objectives tab (which anyone may edit by hand), by the wizard's preview and
 * realism endpoints, and by the sidebar as the user types. It is pure and knows nothing of Apps
 * Script or of the KPI registry: the caller says what each KPI accepts (a RuleKpi), so the sidebar
 * bundle carries no registry.
 *
 * A check returns the values it parsed (calendar days for dates, numbers for targets), so nothing
 * downstream parses the same text again.
 */
import { tryParseIsoDay } from "../../kpi/days.ts";
import { filterKey } from "../../kpi/rows.ts";
import { foldText, type Lang } from "../i18n.ts";
import { isBigQueryField, isBigQuerySource, parseBigQuerySource } from "./bigquery-source.ts";
import { CHOICE_WORDS } from "./choice-words.ts";
import { clip, hasControlChars, isBlank, shown } from "./text-checks.ts";

/** How a filter compares a cell to its values (the engine's rule), for the sidebar too. */
export { filterKey };

import type { Direction, Frequency, ObjectiveInput, RowFilter } from "../objectives.ts";
import { FIELD_MAX_LENGTH } from "../objectives.ts";
import { MINUS, ONE_PER_ROW, parseTerm } from "./input-terms.ts";
import { type RuleMessageKey, ruleMessages } from "./rule-messages.ts";

/** The columns of the Objectives tab, in their documented order. */
export const OBJECTIVE_FIELDS = [
  "id",
  "name",
  "kpiId",
  "channel",
  "sourceSheet",
  "dateColumn",
  "inputs",
  "direction",
  "baseline",
  "target",
  "startDate",
  "deadline",
  "frequency",
  "owner",
  "businessGoal",
  "notes",
  "created",
  "updated",
  // Last, so the columns of a tab made before it keep their documented places.
  "filter",
] as const;

export type ObjectiveField = (typeof OBJECTIVE_FIELDS)[number];

export const DIRECTIONS: readonly Direction[] = ["higher", "lower"];
export const FREQUENCIES: readonly Frequency[] = ["weekly", "monthly", "quarterly"];

/** Most values a filter may keep: a handful of campaigns, not a list to maintain. */
export const MAX_FILTER_VALUES = 20;
/** Most columns a multi-column input may sum (likes + comments + shares + …). */
export const MAX_INPUT_COLUMNS = 10;
/** Beyond this, a baseline or target is a typo, not a KPI value. */
const MAX_MAGNITUDE = 1e12;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

/** What the rules need to know of a KPI, with its words already in the user's language. */
export interface RuleKpi {
  readonly id: string;
  readonly name: string;
  readonly canBeNegative: boolean;
  readonly inputs: readonly {
    readonly name: string;
    readonly label: string;
    readonly optional: boolean;
    readonly multiColumn: boolean;
    /** A count, which may be one per row (posts of a posts export). */
    readonly countable: boolean;
  }[];
}

export interface RuleEnv {
  readonly lang: Lang;
  /** The KPI of an id, or undefined when there is none. */
  kpi(id: string): RuleKpi | undefined;
  /** Every KPI id, for the message that lists them. */
  readonly kpiIds: readonly string[];
  /** A value in the KPI's unit as the user reads it, for messages ("2.1%", « 2,1 % »). */
  formatValue(value: number, kpi: RuleKpi): string;
  /** A calendar day as the user reads it, for messages. */
  formatDay(day: number): string;
}

/** One thing wrong with one field. `input` names the KPI input when the field is `inputs`. */
export interface RuleIssue {
  readonly field: ObjectiveField | null;
  readonly key: RuleMessageKey;
  readonly params: Readonly<Record<string, string | number>>;
  readonly input?: string;
}

/** A valid objective, with the dates it was given as calendar days. */
export interface ValidObjective extends ObjectiveInput {
  channel: string;
  filter: RowFilter | null;
  notes: string;
  startDay: number;
  deadlineDay: number;
}

export function fieldLabel(field: ObjectiveField, lang: Lang): string {
  return ruleMessages.t(lang, `field_${field}`);
}

/** The issue as the user reads it, starting with the field's label. */
export function issueText(issue: RuleIssue, lang: Lang): string {
  const params = issue.field
    ? { field: fieldLabel(issue.field, lang), ...issue.params }
    : issue.params;
  return ruleMessages.t(lang, issue.key, params);
}

/**
 * The issue as shown beside its field in the sidebar, where the field's label is already on
 * screen: the same words without the label, "Required." for "Name: required.".
 */
export function issueTextBesideField(issue: RuleIssue, lang: Lang): string {
  const full = issueText(issue, lang);
  if (!issue.field) return full;
  const label = fieldLabel(issue.field, lang);
  for (const separator of [": ", " : ", "\u00a0: "]) {
    if (full.startsWith(label + separator)) {
      const rest = full.slice(label.length + separator.length);
      return rest.charAt(0).toUpperCase() + rest.slice(1);
    }
  }
  return full;
}

/** A rule broken where the caller cannot go on; carries the issue so it can name the field. */
export class ObjectiveError extends Error {
  constructor(
    message: string,
    readonly field: ObjectiveField | null,
  ) {
    super(message);
    this.name = "ObjectiveError";
  }
}

/** Throws the first issue as an ObjectiveError. */
export function throwIssue(issue: RuleIssue, lang: Lang): never {
  throw new ObjectiveError(issueText(issue, lang), issue.field);
}

/** A rule run: collects the first issue of each field, and what parsed. */
class Check {
  readonly issues: RuleIssue[] = [];
  private readonly failed = new Set<ObjectiveField | null>();

  constructor(
    readonly env: RuleEnv,
    readonly raw: Readonly<Record<string, unknown>>,
  ) {}

  fail(
    field: ObjectiveField | null,
    key: RuleMessageKey,
    params: Record<string, string | number> = {},
    input?: string,
  ): undefined {
    if (!this.failed.has(field)) {
      this.failed.add(field);
      this.issues.push(
        input === undefined ? { field, key, params } : { field, key, params, input },
      );
    }
    return undefined;
  }

  ok(field: ObjectiveField): boolean {
    return !this.failed.has(field);
  }

  text(
    field: ObjectiveField,
    opts: { required?: boolean; multiline?: boolean; max: number },
  ): string | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null) {
      return opts.required ? this.fail(field, "required") : "";
    }
    if (typeof value !== "string") return this.fail(field, "notText");
    const s = opts.multiline ? value.replace(/\r\n?/g, "\n").trim() : value.trim();
    if (opts.required && s === "") return this.fail(field, "required");
    if (s.length > opts.max)
      return this.fail(field, "tooLong", { max: opts.max, length: s.length });
    if (hasControlChars(s, opts.multiline === true)) return this.fail(field, "controlChars");
    return s;
  }

  choice<T extends string>(field: "direction" | "frequency", allowed: readonly T[]): T | undefined {
    const value = this.raw[field];
    if (isBlank(value)) return this.fail(field, "required");
    const code = typeof value === "string" ? CHOICE_WORDS[field].get(foldText(value)) : undefined;
    if (code === undefined) {
      return this.fail(field, "badChoice", { list: allowed.join(", "), value: clip(value) });
    }
    return code as T;
  }

  number(field: "baseline" | "target"): number | undefined {
    const value = this.raw[field];
    if (isBlank(value)) return this.fail(field, "required");
    if (typeof value !== "number" || !Number.isFinite(value)) {
      return this.fail(field, "notNumber", { value: shown(value) });
    }
    if (Math.abs(value) > MAX_MAGNITUDE) {
      return this.fail(field, "tooLarge", { value: String(value) });
    }
    return value;
  }

  day(field: "startDate" | "deadline"): number | undefined {
    const value = this.raw[field];
    if (isBlank(value)) return this.fail(field, "required");
    const text = typeof value === "string" ? value.trim() : "";
    const day = tryParseIsoDay(text);
    if (day === undefined) return this.fail(field, "badDate", { value: clip(value) });
    const year = Number(text.slice(0, 4));
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      return this.fail(field, "dateOutOfRange", { value: text });
    }
    return day;
  }

  header(
    value: unknown,
    input?: string,
    field: "inputs" | "filter" = "inputs",
    max: number = FIELD_MAX_LENGTH.header,
  ): string | undefined {
    if (typeof value !== "string") return this.fail(field, "notText", {}, input);
    const s = value.trim();
    if (s === "") return this.fail(field, "required", {}, input);
    if (s.length > max) return this.fail(field, "tooLong", { max, length: s.length }, input);
    if (hasControlChars(s, false)) return this.fail(field, "controlChars", {}, input);
    return s;
  }

  /** The rows' filter: null for none; else a column and 1 to MAX_FILTER_VALUES distinct values. */
  filter(): RowFilter | null | undefined {
    const value = this.raw.filter;
    if (isBlank(value)) return null;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return this.fail("filter", "filterNotObject");
    }
    const { column, values } = value as { column?: unknown; values?: unknown };
    const header = this.header(column, undefined, "filter");
    if (header === undefined) return undefined;
    if (!Array.isArray(values) || values.length === 0) {
      return this.fail("filter", "filterNoValues", { column: header });
    }
    if (values.length > MAX_FILTER_VALUES) {
      return this.fail("filter", "filterTooMany", { max: MAX_FILTER_VALUES });
    }
    const kept: string[] = [];
    for (const v of values) {
      const text = this.header(v, undefined, "filter", FIELD_MAX_LENGTH.filterValue);
      if (text === undefined) return undefined;
      // Twice the same value (by the filter's own comparison) is a slip, not a wider filter.
      if (kept.some((k) => filterKey(k) === filterKey(text))) {
        return this.fail("filter", "filterDuplicate", { value: clip(text) });
      }
      kept.push(text);
    }
    return { column: header, values: kept };
  }

  /** The column mapping, checked against the KPI's inputs: all required ones, nothing unknown. */
  inputs(kpi: RuleKpi): Record<string, string[]> | undefined {
    const value = this.raw.inputs;
    if (value === undefined || value === null) return this.fail("inputs", "required");
    if (typeof value !== "object" || Array.isArray(value)) {
      return this.fail("inputs", "inputsNotObject");
    }
    const given = value as Record<string, unknown>;
    for (const name of Object.keys(given)) {
      if (!kpi.inputs.some((i) => i.name === name)) {
        return this.fail("inputs", "inputUnknown", {
          kpi: kpi.name,
          input: name.slice(0, 40),
          list: kpi.inputs.map((i) => i.name).join(", "),
        });
      }
    }
    const out: Record<string, string[]> = {};
    for (const input of kpi.inputs) {
      const v = given[input.name];
      const list = isBlank(v) ? [] : Array.isArray(v) ? v.filter((h) => !isBlank(h)) : [v];
      const label = input.label;
      // Bounded before anything is done per column: each one costs a pass over the whole tab.
      if (list.length > MAX_INPUT_COLUMNS) {
        return this.fail("inputs", "inputTooMany", { label, max: MAX_INPUT_COLUMNS }, input.name);
      }
      if (list.length === 0) {
        if (input.optional) continue;
        return this.fail("inputs", "inputMissing", { label, kpi: kpi.name }, input.name);
      }
      const terms: string[] = [];
      const seen: string[] = [];
      let added = 0;
      for (const h of list) {
        if (typeof h === "string" && h.trim() === ONE_PER_ROW) {
          if (!input.countable) {
            return this.fail("inputs", "inputRowsNotCount", { label }, input.name);
          }
          if (list.length > 1) return this.fail("inputs", "inputRowsAlone", { label }, input.name);
          terms.push(ONE_PER_ROW);
          added++;
          continue;
        }
        const term = typeof h === "string" ? parseTerm(h) : null;
        const raw = term?.kind === "column" ? term.header : h;
        const header = this.header(raw, input.name);
        if (header === undefined) return undefined;
        // The same column twice would count its cells twice (or cancel them out).
        if (seen.includes(header)) {
          return this.fail("inputs", "inputDuplicate", { value: header, label }, input.name);
        }
        seen.push(header);
        const minus = term?.kind === "column" && term.sign < 0;
        if (!minus) added++;
        terms.push(minus ? `${MINUS}${header}` : header);
      }
      if (added === 0) {
        return this.fail("inputs", "inputOnlySubtracted", { label }, input.name);
      }
      if (added > 1 && !input.multiColumn) {
        return this.fail("inputs", "inputOneColumn", { label, count: added }, input.name);
      }
      out[input.name] = terms;
    }
    return out;
  }
}

/** An objective id as the client or a cell gives it, checked for shape; undefined if bad. */
export function checkObjectiveId(value: unknown): RuleIssue | null {
  if (typeof value === "string" && ID_PATTERN.test(value)) return null;
  return { field: "id", key: "badId", params: { value: clip(value) } };
}

export interface RuleResult<T> {
  /** Present when no field in scope has an issue. */
  value?: T;
  /** The first issue of each field, in the order of OBJECTIVE_FIELDS. */
  issues: RuleIssue[];
}

/**
 * Checks every field of an objective (or only those in `only`: the wizard's preview checks its
 * data fields, the realism check its target and dates) and returns it cleaned: trimmed, coded
 * values canonical, dates also as calendar days. Rules between two fields (target against
 * baseline, deadline against start) apply when both are in scope. `id` is checked for shape only;
 * whether it exists is the store's business.
 */
export function checkObjective(
  raw: unknown,
  env: RuleEnv,
  only?: ReadonlySet<ObjectiveField>,
): RuleResult<ValidObjective> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { issues: [{ field: null, key: "notAnObject", params: {} }] };
  }
  const c = new Check(env, raw as Record<string, unknown>);
  const r = c.raw;
  const wants = (f: ObjectiveField) => only === undefined || only.has(f);
  const M = FIELD_MAX_LENGTH;

  let id: string | undefined;
  if (wants("id") && !isBlank(r.id)) {
    const issue = checkObjectiveId(r.id);
    if (issue) c.fail("id", issue.key, { ...issue.params });
    else id = r.id as string;
  }
  const name = wants("name") ? c.text("name", { required: true, max: M.name }) : "";

  let kpi: RuleKpi | undefined;
  if (wants("kpiId") || wants("inputs") || wants("baseline") || wants("target")) {
    const kpiId = r.kpiId;
    if (isBlank(kpiId)) c.fail("kpiId", "required");
    else {
      kpi = typeof kpiId === "string" ? env.kpi(kpiId.trim()) : undefined;
      if (!kpi) {
        c.fail("kpiId", "unknownKpi", { value: clip(kpiId), list: env.kpiIds.join(", ") });
      }
    }
  }
  const channel = wants("channel") ? c.text("channel", { max: M.channel }) : "";
  const filter = wants("filter") ? c.filter() : null;
  const sourceSheet = wants("sourceSheet")
    ? c.text("sourceSheet", { required: true, max: M.sourceSheet })
    : "";
  const dateColumn = wants("dateColumn")
    ? c.text("dateColumn", { required: true, max: M.dateColumn })
    : "";
  const inputs = wants("inputs") && kpi ? c.inputs(kpi) : {};
  if (
    wants("sourceSheet") &&
    sourceSheet !== undefined &&
    isBigQuerySource(sourceSheet) &&
    dateColumn !== undefined &&
    inputs !== undefined
  ) {
    const parsed = parseBigQuerySource(sourceSheet, dateColumn, inputs);
    if ("issue" in parsed) {
      const { field, key, value, input } = parsed.issue;
      c.fail(field, key, { value: clip(value) }, input);
    }
    if (filter && !isBigQueryField(filter.column)) {
      c.fail("filter", "bqFilterBad", { value: clip(filter.column) });
    }
  }
  const direction = wants("direction") ? c.choice("direction", DIRECTIONS) : "higher";
  const baseline = wants("baseline") ? c.number("baseline") : 0;
  const target = wants("target") ? c.number("target") : 0;
  if (kpi && !kpi.canBeNegative) {
    for (const [field, v] of [
      ["baseline", baseline],
      ["target", target],
    ] as const) {
      if (wants(field) && v !== undefined && v < 0) {
        c.fail(field, "negative", { kpi: kpi.name, value: env.formatValue(v, kpi) });
      }
    }
  }
  if (
    wants("baseline") &&
    wants("target") &&
    wants("direction") &&
    kpi &&
    c.ok("baseline") &&
    c.ok("target") &&
    baseline !== undefined &&
    target !== undefined &&
    direction !== undefined
  ) {
    const b = env.formatValue(baseline, kpi);
    if (target === baseline) c.fail("target", "targetEqualsBaseline", { baseline: b });
    else if (direction === "higher" && target < baseline) {
      c.fail("target", "targetNotAbove", { baseline: b });
    } else if (direction === "lower" && target > baseline) {
      c.fail("target", "targetNotBelow", { baseline: b });
    }
  }
  const startDay = wants("startDate") ? c.day("startDate") : 0;
  const deadlineDay = wants("deadline") ? c.day("deadline") : 0;
  if (
    wants("startDate") &&
    wants("deadline") &&
    startDay !== undefined &&
    deadlineDay !== undefined &&
    deadlineDay <= startDay
  ) {
    c.fail("deadline", "deadlineNotAfterStart", { start: env.formatDay(startDay) });
  }
  const frequency = wants("frequency") ? c.choice("frequency", FREQUENCIES) : "monthly";
  const owner = wants("owner") ? c.text("owner", { required: true, max: M.owner }) : "";
  const businessGoal = wants("businessGoal")
    ? c.text("businessGoal", { multiline: true, max: M.businessGoal })
    : "";
  const notes = wants("notes") ? c.text("notes", { multiline: true, max: M.notes }) : "";

  const order = (i: RuleIssue) => (i.field === null ? -1 : OBJECTIVE_FIELDS.indexOf(i.field));
  const issues = c.issues.sort((a, b) => order(a) - order(b));
  if (issues.length > 0) return { issues };
  return {
    issues,
    value: {
      ...(id === undefined ? {} : { id }),
      name: name as string,
      kpiId: kpi?.id ?? "",
      channel: channel as string,
      filter: filter ?? null,
      sourceSheet: sourceSheet as string,
      dateColumn: dateColumn as string,
      inputs: inputs as Record<string, string[]>,
      direction: direction as Direction,
      baseline: baseline as number,
      target: target as number,
      startDate: String(r.startDate ?? "").trim(),
      deadline: String(r.deadline ?? "").trim(),
      startDay: startDay as number,
      deadlineDay: deadlineDay as number,
      frequency: frequency as Frequency,
      owner: owner as string,
      businessGoal: businessGoal as string,
      notes: notes as string,
    },
  };
}
