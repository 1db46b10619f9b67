/**
 * The sentence a marketer pastes to stakeholders: how many objectives are fine, how many need
 * attention, then the ones lagging most, with where they stand against their target.
 */
import { formatDayLong, formatUnitValue } from "../../contract/format.ts";
import type { Lang } from "../../contract/i18n.ts";
import type { StatusCode } from "../../contract/objectives.ts";
import type { Unit } from "../../kpi/types.ts";
import type { ObjectiveEval } from "../status/evaluate.ts";
import { messages } from "../workbook/messages.ts";

export function lowerFirst(s: string, lang: Lang): string {
  return s.charAt(0).toLocaleLowerCase(lang) + s.slice(1);
}

/** A KPI value in a sentence, without a useless ".0": "25%" but "19.8%". */
function sentenceValue(v: number, unit: Unit, lang: Lang): string {
  const s = formatUnitValue(v, unit, lang);
  return unit === "percent" ? s.replace(/[.,]0(?=\u00a0?%)/, "") : s;
}

const SEVERITY: Record<StatusCode, number> = {
  missed: 3,
  off_track: 2,
  at_risk: 1,
  on_track: 0,
  achieved: 0,
};

/** At risk, off track or missed: what the summary, the dashboard and the digest call "needs attention". */
export function needsAttention(status: StatusCode | null | undefined): boolean {
  return status !== null && status !== undefined && SEVERITY[status] > 0;
}

/** How many objectives each lagging one names in the summary. */
const NAMED_IN_SUMMARY = 2;

/**
 * One or two sentences a marketer can paste to stakeholders: how many objectives are fine, how
 * many need attention, then the ones lagging most, with where they stand against their target.
 * "3 of 5 objectives on track or achieved; 2 need attention. Newsletter open rate off track:
 * 20.8% against 25% by 31 December 2027; Paid search CPA at risk: 7.04 against 6.00 by …."
 */
export function stakeholderSummary(evals: readonly ObjectiveEval[], lang: Lang): string {
  const n = evals.length;
  if (n === 0) return messages.t(lang, "dashNoObjectives");
  const t = (key: Parameters<typeof messages.t>[1], params?: Record<string, string | number>) =>
    messages.t(lang, key, params);
  const rated = evals.filter((e) => e.status !== null);
  const errors = evals.filter((e) => e.error !== null).length;
  const late = rated
    .filter((e) => needsAttention(e.status))
    .sort(
      (a, b) =>
        SEVERITY[b.status as StatusCode] - SEVERITY[a.status as StatusCode] ||
        (b.expected ?? 0) - (b.progress ?? 0) - ((a.expected ?? 0) - (a.progress ?? 0)),
    );
  const ok = rated.length - late.length;
  const clauses: string[] = [];
  if (rated.length === 0) clauses.push(t("sumNone"));
  else if (n === 1) clauses.push(t(ok === 1 ? "sumOneOk" : "sumOneLate"));
  else if (ok === n) clauses.push(t("sumAll", { n }));
  else {
    clauses.push(t("sumCount", { k: ok, n }));
    if (late.length > 0) {
      clauses.push(late.length === 1 ? t("sumLateOne") : t("sumLateMany", { count: late.length }));
    }
  }
  if (errors > 0) {
    clauses.push(errors === 1 ? t("sumErrorOne") : t("sumErrorMany", { count: errors }));
  }
  const sentences = [`${clauses.join(t("listSeparator"))}.`];
  const named = late
    .filter((e) => e.current?.value !== null && e.current?.value !== undefined)
    .slice(0, NAMED_IN_SUMMARY)
    .map((e) =>
      t("sumLate", {
        name: e.objective.name,
        status: lowerFirst(t(`status_${e.status as StatusCode}`), lang),
        current: sentenceValue(e.current?.value as number, e.kpi.unit, lang),
        target: sentenceValue(e.objective.target, e.kpi.unit, lang),
        deadline: formatDayLong(e.objective.deadlineDay, lang),
      }),
    );
  if (named.length > 0) sentences.push(`${named.join(t("listSeparator"))}.`);
  return sentences.join(" ");
}
