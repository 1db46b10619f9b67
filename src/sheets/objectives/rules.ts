/**
 * The objective rules (src/contract/rules/objective-rules.ts) bound to the KPI registry, for the server:
 * the save endpoint, the Objectives tab's read-back and the wizard's endpoints all check through
 * here, so they agree with each other and with the sidebar.
 */
import { formatDayLong, formatUnitValue } from "../../contract/format.ts";
import type { Lang } from "../../contract/i18n.ts";
import { parseTerm } from "../../contract/rules/input-terms.ts";
import {
  checkObjective,
  checkObjectiveId,
  fieldLabel,
  ObjectiveError,
  type ObjectiveField,
  type RuleEnv,
  type RuleKpi,
  throwIssue,
  type ValidObjective,
} from "../../contract/rules/objective-rules.ts";
import { columnConcern, refusesColumn } from "../../kpi/mapping.ts";
import { findKpi, KPIS } from "../../kpi/registry/index.ts";
import { kpiCanBeNegative, objectiveInputs } from "../../kpi/registry/traits.ts";
import type { KpiDefinition } from "../../kpi/types.ts";
import { type MessageKey, messages } from "../workbook/messages.ts";

/** What the rules need of a registry entry, in the user's language. */
export function ruleKpi(kpi: KpiDefinition, lang: Lang): RuleKpi {
  return {
    id: kpi.id,
    name: kpi.name[lang],
    canBeNegative: kpiCanBeNegative(kpi),
    inputs: objectiveInputs(kpi).map((i) => ({
      name: i.name,
      label: i.label[lang],
      optional: i.optional === true,
      multiColumn: i.multiColumn === true,
      countable: i.kind === "count",
    })),
  };
}

const units = new Map(KPIS.map((k) => [k.id, k.unit]));

export function ruleEnv(lang: Lang): RuleEnv {
  return {
    lang,
    kpi: (id) => {
      const kpi = findKpi(id);
      return kpi ? ruleKpi(kpi, lang) : undefined;
    },
    kpiIds: KPIS.map((k) => k.id),
    formatValue: (value, kpi) => formatUnitValue(value, units.get(kpi.id) ?? "ratio", lang),
    formatDay: (day) => formatDayLong(day, lang),
  };
}

/** Every field of an objective, checked; throws an ObjectiveError naming the first field wrong. */
export function validateObjective(raw: unknown, lang: Lang): ValidObjective {
  const result = checkObjective(raw, ruleEnv(lang));
  const [first] = result.issues;
  if (first || !result.value)
    throwIssue(first ?? { field: null, key: "notAnObject", params: {} }, lang);
  return result.value;
}

/** Only the fields in `only` (a preview needs no owner yet); throws like validateObjective. */
export function validateObjectiveFields(
  raw: unknown,
  lang: Lang,
  only: readonly ObjectiveField[],
): ValidObjective {
  const result = checkObjective(raw, ruleEnv(lang), new Set(only));
  const [first] = result.issues;
  if (first || !result.value)
    throwIssue(first ?? { field: null, key: "notAnObject", params: {} }, lang);
  return result.value;
}

/** An objective id as the client or a cell gives it; throws when it is not one. */
export function objectiveId(value: unknown, lang: Lang): string {
  const issue = checkObjectiveId(value);
  if (issue) throwIssue(issue, lang);
  return value as string;
}

/** Throws a server-side finding about a field (a missing tab, a missing column), named by label. */
export function fieldError(
  lang: Lang,
  field: ObjectiveField | null,
  key: MessageKey,
  params: Record<string, string | number> = {},
): never {
  const withField = field ? { field: fieldLabel(field, lang), ...params } : params;
  throw new ObjectiveError(messages.t(lang, key, withField), field);
}

/**
 * Throws when a column is mapped to an input it cannot be summed as: a rate, an average or an
 * identifier as a count, an amount or a duration (mapping.ts says which). The wizard's preview,
 * the save and the dashboard all refuse through here, in words a marketer reads.
 */
export function checkSummable(
  kpi: KpiDefinition,
  inputs: Readonly<Record<string, readonly string[]>>,
  lang: Lang,
): void {
  for (const input of objectiveInputs(kpi)) {
    for (const t of inputs[input.name] ?? []) {
      const term = parseTerm(t);
      if (term.kind !== "column") continue;
      const concern = columnConcern(term.header);
      if (concern && concern !== "users" && refusesColumn(concern, input.kind)) {
        fieldError(lang, "inputs", `refused_${concern}`, {
          column: term.header,
          label: input.label[lang],
        });
      }
    }
  }
}
