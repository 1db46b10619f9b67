/**
 * What makes an objective valid, checked the same way for what the sidebar sends (never trusted)
 * and for each row read back from the Objectives tab (which anyone may have edited by hand).
 * Every message names the field by its column header, in the user's language.
 */
import type { Lang } from "../../contract/i18n.ts";
import { FIELD_MAX_LENGTH, type ObjectiveInput } from "../../contract/objectives.ts";
import { tryParseIsoDay } from "../../kpi/days.ts";
import { FREQUENCIES } from "../../kpi/periods.ts";
import { findKpi, KPIS } from "../../kpi/registry.ts";
import type { KpiDefinition, KpiInput } from "../../kpi/types.ts";
import { type MessageKey, messages } from "../workbook/messages.ts";

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
] as const;

export type ObjectiveField = (typeof OBJECTIVE_FIELDS)[number];

export const DIRECTIONS = ["higher", "lower"] as const;

const MAX_LENGTH = FIELD_MAX_LENGTH;

/** Most columns a multi-column input may sum (likes + comments + shares + …). */
export const MAX_INPUT_COLUMNS = 10;
const MAX_MAGNITUDE = 1e12;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Control characters (C0, DEL, C1, line and paragraph separators) hide text or break rows in the
 * tab. Multi-line fields may keep newline and tab; single-line ones refuse them too.
 */
export function hasControlChars(s: string, multiline: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (multiline && (c === 0x0a || c === 0x09)) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

export class ObjectiveError extends Error {
  constructor(
    message: string,
    readonly field: ObjectiveField | null,
  ) {
    super(message);
    this.name = "ObjectiveError";
  }
}

export function fieldLabel(field: ObjectiveField, lang: Lang): string {
  return messages.t(lang, `field_${field}` as MessageKey);
}

/** Throws an ObjectiveError whose message starts with the field's label. */
export function fieldError(
  lang: Lang,
  field: ObjectiveField | null,
  key: MessageKey,
  params: Record<string, string | number> = {},
): never {
  const withField = field ? { field: fieldLabel(field, lang), ...params } : params;
  throw new ObjectiveError(messages.t(lang, key, withField), field);
}

/** A value shown inside an error message: short, and quoted when it is text. */
export function shown(value: unknown): string {
  if (typeof value === "string") {
    const s = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(s);
  }
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  return typeof value;
}

/** A number as the user wrote it, with a decimal comma in French. */
function num(value: number, lang: Lang): string {
  const s = String(value);
  return lang === "fr" ? s.replace(".", ",") : s;
}

/** The inputs an objective maps to columns: date inputs are covered by its date column. */
export function objectiveInputs(kpi: KpiDefinition): readonly KpiInput[] {
  return kpi.inputs.filter((i) => i.kind !== "date");
}

/**
 * Whether a KPI's value can be below 0: with a signed input (revenue) or a subtracted numerator
 * term (ROI's revenue − cost). A subtracted denominator term (open rate's sent − bounced) cannot
 * make it negative, since the engine refuses a denominator below 0.
 */
export function kpiCanBeNegative(kpi: KpiDefinition): boolean {
  if (kpi.inputs.some((i) => i.signed)) return true;
  const c = kpi.combine;
  return c.kind === "ratio" && c.numerator.some((t) => t.sign === -1);
}

function text(
  lang: Lang,
  raw: Record<string, unknown>,
  field: ObjectiveField,
  max: number,
  opts: { required?: boolean; multiline?: boolean } = {},
): string {
  const value = raw[field];
  if (value === undefined || value === null) {
    if (opts.required) fieldError(lang, field, "required");
    return "";
  }
  if (typeof value !== "string") fieldError(lang, field, "notText");
  const s = opts.multiline ? value.replace(/\r\n?/g, "\n").trim() : value.trim();
  if (opts.required && s === "") fieldError(lang, field, "required");
  if (s.length > max) fieldError(lang, field, "tooLong", { max, length: s.length });
  if (hasControlChars(s, opts.multiline === true)) fieldError(lang, field, "controlChars");
  return s;
}

function choice<T extends string>(
  lang: Lang,
  raw: Record<string, unknown>,
  field: ObjectiveField,
  allowed: readonly T[],
): T {
  const value = raw[field];
  if (value === undefined || value === null || value === "") fieldError(lang, field, "required");
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value.trim())) {
    fieldError(lang, field, "badChoice", {
      list: allowed.join(", "),
      value: String(value).slice(0, 40),
    });
  }
  return value.trim() as T;
}

function finiteNumber(lang: Lang, raw: Record<string, unknown>, field: ObjectiveField): number {
  const value = raw[field];
  if (value === undefined || value === null || value === "") fieldError(lang, field, "required");
  if (typeof value !== "number" || !Number.isFinite(value)) {
    fieldError(lang, field, "notNumber", { value: shown(value) });
  }
  if (Math.abs(value) > MAX_MAGNITUDE)
    fieldError(lang, field, "tooLarge", { value: num(value, lang) });
  return value;
}

function isoDate(lang: Lang, raw: Record<string, unknown>, field: ObjectiveField): number {
  const value = raw[field];
  if (value === undefined || value === null || value === "") fieldError(lang, field, "required");
  const day = typeof value === "string" ? tryParseIsoDay(value.trim()) : undefined;
  if (day === undefined) fieldError(lang, field, "badDate", { value: String(value).slice(0, 40) });
  const year = Number((value as string).trim().slice(0, 4));
  if (year < 1990 || year > 2100)
    fieldError(lang, field, "dateOutOfRange", { value: String(value) });
  return day;
}

function headerText(lang: Lang, value: unknown): string {
  if (typeof value !== "string") fieldError(lang, "inputs", "notText");
  const s = value.trim();
  if (s === "") fieldError(lang, "inputs", "required");
  if (s.length > MAX_LENGTH.header) {
    fieldError(lang, "inputs", "tooLong", { max: MAX_LENGTH.header, length: s.length });
  }
  if (hasControlChars(s, false)) fieldError(lang, "inputs", "controlChars");
  return s;
}

/** The column mapping, checked against the KPI's inputs: all required ones, nothing unknown. */
function inputsOf(
  lang: Lang,
  raw: Record<string, unknown>,
  kpi: KpiDefinition,
): Record<string, string[]> {
  const value = raw.inputs;
  if (value === undefined || value === null) fieldError(lang, "inputs", "required");
  if (typeof value !== "object" || Array.isArray(value))
    fieldError(lang, "inputs", "inputsNotObject");
  const wanted = objectiveInputs(kpi);
  const kpiName = kpi.name[lang];
  const out: Record<string, string[]> = {};
  for (const name of Object.keys(value)) {
    if (!wanted.some((i) => i.name === name)) {
      fieldError(lang, "inputs", "inputUnknown", {
        kpi: kpiName,
        input: name.slice(0, 40),
        list: wanted.map((i) => i.name).join(", "),
      });
    }
  }
  for (const input of wanted) {
    const label = input.label[lang];
    const given = (value as Record<string, unknown>)[input.name];
    const list =
      given === undefined || given === null || given === ""
        ? []
        : Array.isArray(given)
          ? given.filter((h) => h !== "" && h !== null && h !== undefined)
          : [given];
    if (list.length === 0) {
      if (input.optional) continue;
      fieldError(lang, "inputs", "inputMissing", { label, kpi: kpiName });
    }
    if (list.length > 1 && !input.multiColumn) {
      fieldError(lang, "inputs", "inputOneColumn", { label, count: list.length });
    }
    if (list.length > MAX_INPUT_COLUMNS) {
      fieldError(lang, "inputs", "inputTooMany", { label, max: MAX_INPUT_COLUMNS });
    }
    const headers = list.map((h) => headerText(lang, h));
    const seen = new Set<string>();
    for (const h of headers) {
      if (seen.has(h)) fieldError(lang, "inputs", "inputDuplicate", { value: h, label });
      seen.add(h);
    }
    out[input.name] = headers;
  }
  return out;
}

/** An objective id as the client or a cell gives it, checked for shape. */
export function objectiveId(value: unknown, lang: Lang): string {
  if (typeof value !== "string" || !ID_PATTERN.test(value)) {
    fieldError(lang, "id", "badId", { value: String(value).slice(0, 40) });
  }
  return value;
}

/**
 * Checks every field of an objective and returns it cleaned (trimmed, canonical). Throws an
 * ObjectiveError naming the first field in error. `id` is checked for shape only; whether it
 * exists is the store's business.
 */
export function validateObjectiveFields(raw: unknown, lang: Lang): ObjectiveInput {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    fieldError(lang, null, "notAnObject");
  }
  const r = raw as Record<string, unknown>;
  const id =
    r.id === undefined || r.id === null || r.id === "" ? undefined : objectiveId(r.id, lang);
  const name = text(lang, r, "name", MAX_LENGTH.name, { required: true });
  const kpiId = r.kpiId;
  if (kpiId === undefined || kpiId === null || kpiId === "") fieldError(lang, "kpiId", "required");
  const kpi = typeof kpiId === "string" ? findKpi(kpiId.trim()) : undefined;
  if (!kpi) {
    fieldError(lang, "kpiId", "unknownKpi", {
      value: String(kpiId).slice(0, 40),
      list: KPIS.map((k) => k.id).join(", "),
    });
  }
  const channel = text(lang, r, "channel", MAX_LENGTH.channel);
  const sourceSheet = text(lang, r, "sourceSheet", MAX_LENGTH.sourceSheet, { required: true });
  const dateColumn = text(lang, r, "dateColumn", MAX_LENGTH.dateColumn, { required: true });
  const inputs = inputsOf(lang, r, kpi);
  const direction = choice(lang, r, "direction", DIRECTIONS);
  const baseline = finiteNumber(lang, r, "baseline");
  const target = finiteNumber(lang, r, "target");
  if (!kpiCanBeNegative(kpi)) {
    const kpiName = kpi.name[lang];
    if (baseline < 0) {
      fieldError(lang, "baseline", "negative", { kpi: kpiName, value: num(baseline, lang) });
    }
    if (target < 0)
      fieldError(lang, "target", "negative", { kpi: kpiName, value: num(target, lang) });
  }
  const b = num(baseline, lang);
  if (target === baseline) fieldError(lang, "target", "targetEqualsBaseline", { baseline: b });
  if (direction === "higher" && target < baseline) {
    fieldError(lang, "target", "targetNotAbove", { baseline: b });
  }
  if (direction === "lower" && target > baseline) {
    fieldError(lang, "target", "targetNotBelow", { baseline: b });
  }
  const start = isoDate(lang, r, "startDate");
  const deadline = isoDate(lang, r, "deadline");
  if (deadline <= start) {
    fieldError(lang, "deadline", "deadlineNotAfterStart", { start: String(r.startDate).trim() });
  }
  const frequency = choice(lang, r, "frequency", FREQUENCIES);
  const owner = text(lang, r, "owner", MAX_LENGTH.owner);
  const businessGoal = text(lang, r, "businessGoal", MAX_LENGTH.businessGoal, { multiline: true });
  const notes = text(lang, r, "notes", MAX_LENGTH.notes, { multiline: true });
  return {
    ...(id === undefined ? {} : { id }),
    name,
    kpiId: kpi.id,
    channel,
    sourceSheet,
    dateColumn,
    inputs,
    direction,
    baseline,
    target,
    startDate: String(r.startDate).trim(),
    deadline: String(r.deadline).trim(),
    frequency,
    owner,
    businessGoal,
    notes,
  };
}
