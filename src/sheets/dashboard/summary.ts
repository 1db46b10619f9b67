/**
 * The sentence a marketer pastes to stakeholders: how many objectives are fine, how many need
 * attention, then every one that does, with where it stands against its target.
 */
import { formatDayLong, formatUnitValue, periodLabel } from "../../contract/format.ts";
import type { Lang } from "../../contract/i18n.ts";
import type { StatusCode } from "../../contract/objectives.ts";
import { statusWord } from "../../kpi/status.ts";
import type { ObjectiveEval } from "../status/evaluate.ts";
import { messages } from "../workbook/messages.ts";

export function lowerFirst(s: string, lang: Lang): string {
  return s.charAt(0).toLocaleLowerCase(lang) + s.slice(1);
}

const SEVERITY: Record<StatusCode, number> = {
  missed: 3,
  off_track: 2,
  at_risk: 1,
  on_track: 0,
  achieved: 0,
  not_started: 0,
};

/** French counts 0 and 1 in the singular, English only 1. */
function singular(n: number, lang: Lang): boolean {
  return lang === "fr" ? n < 2 : n === 1;
}

/** Text ends with one full stop: a name that ends with "." or "…" gets no second one. */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** At risk, off track or missed: what the summary, the dashboard and the digest call "needs attention". */
export function needsAttention(status: StatusCode | null | undefined): boolean {
  return status !== null && status !== undefined && SEVERITY[status] > 0;
}

/**
 * Whether a move from one status to another is better news (true), worse (false) or neither
 * (null: same severity, or either side without a status).
 */
export function statusMoveIsBetter(
  from: StatusCode | null | undefined,
  to: StatusCode | null | undefined,
): boolean | null {
  if (!from || !to || SEVERITY[from] === SEVERITY[to]) return null;
  return SEVERITY[to] < SEVERITY[from];
}

/**
 * One or more sentences a marketer can paste to stakeholders: how many objectives are fine, not
 * started, need attention or could not be computed (naming those), then every objective that
 * needs attention, worst first, with where it stands: "3 of 5 objectives on track or achieved;
 * 2 need attention. Newsletter open rate off track: 20.8% against 25% by 31 December 2027;
 * Paid search CPA missed: 7.46 in March 2027 against 6.70 by 31 March 2027." Then the objectives
 * whose latest complete period is unusual: "Newsletter open rate: week of 16 Nov 2026 unusually
 * low, 28.1% against ~35.0% expected."
 */
export function stakeholderSummary(evals: readonly ObjectiveEval[], lang: Lang): string {
  const n = evals.length;
  if (n === 0) return messages.t(lang, "dashNoObjectives");
  const t = (key: Parameters<typeof messages.t>[1], params?: Record<string, string | number>) =>
    messages.t(lang, key, params);
  const rated = evals.filter((e) => e.status !== null && e.status !== "not_started");
  const notStarted = evals.filter((e) => e.status === "not_started").length;
  const errors = evals.filter((e) => e.error !== null);
  const late = rated
    .filter((e) => needsAttention(e.status))
    .sort(
      (a, b) =>
        SEVERITY[b.status as StatusCode] - SEVERITY[a.status as StatusCode] ||
        (b.expected ?? 0) - (b.progress ?? 0) - ((a.expected ?? 0) - (a.progress ?? 0)),
    );
  const ok = rated.length - late.length;
  const clauses: string[] = [];
  if (n === 1 && notStarted === 1) clauses.push(t("sumOneNotStarted"));
  else if (rated.length === 0 && notStarted === 0) clauses.push(t("sumNone"));
  else if (n === 1) clauses.push(t(ok === 1 ? "sumOneOk" : "sumOneLate"));
  else if (ok === n) clauses.push(t("sumAll", { n }));
  else {
    clauses.push(t(singular(ok, lang) ? "sumCountOne" : "sumCount", { k: ok, n }));
    if (notStarted > 0) {
      clauses.push(
        notStarted === 1 ? t("sumNotStartedOne") : t("sumNotStartedMany", { count: notStarted }),
      );
    }
    if (late.length > 0) {
      clauses.push(late.length === 1 ? t("sumLateOne") : t("sumLateMany", { count: late.length }));
    }
  }
  if (errors.length > 0) {
    const names = errors.map((e) => e.objective.name).join(", ");
    clauses.push(
      errors.length === 1
        ? t("sumErrorOne", { names })
        : t("sumErrorMany", { count: errors.length, names }),
    );
  }
  const sentences = [sentence(clauses.join(t("listSeparator")))];
  const named = late.flatMap((e) => {
    const v = e.verdict;
    const value = (x: number) => formatUnitValue(x, e.kpi.unit, lang, e.currency);
    const common = {
      name: e.objective.name,
      status: lowerFirst(statusWord(e.status as StatusCode, lang), lang),
      target: value(e.objective.target),
      deadline: formatDayLong(e.objective.deadlineDay, lang),
    };
    // After the deadline the period that decided is quoted, never a later one.
    if (v && (v.status === "missed" || v.status === "achieved")) {
      return [
        t("sumDecided", {
          ...common,
          value: value(v.decisive.value),
          period: periodLabel(v.decisive.start, e.objective.frequency, lang, true),
        }),
      ];
    }
    const current = e.current?.value;
    if (current === null || current === undefined) return [];
    return [t("sumLate", { ...common, current: value(current) })];
  });
  if (named.length > 0) sentences.push(sentence(named.join(t("listSeparator"))));
  // The latest complete period of each objective, when the anomaly rule flags it.
  const unusual = evals.flatMap((e) => {
    const text = anomalySentence(e, lang);
    return text === null ? [] : [text];
  });
  if (unusual.length > 0) sentences.push(sentence(unusual.join(t("listSeparator"))));
  return sentences.join(" ");
}

/**
 * The latest complete period of `e` in words when the anomaly rule flags it, else null:
 * "Newsletter open rate: week of 16 Nov 2026 unusually low, 28.1% against ~35.0% expected". The
 * dashboard's summary and the digest's new anomalies both say it so.
 */
export function anomalySentence(e: ObjectiveEval, lang: Lang): string | null {
  const a = e.anomaly;
  if (!a?.flag || a.value === null || a.expected === null) return null;
  const value = (x: number) => formatUnitValue(x, e.kpi.unit, lang, e.currency);
  return messages.t(lang, a.flag === "high" ? "sumAnomalyHigh" : "sumAnomalyLow", {
    name: e.objective.name,
    period: periodLabel(a.start, e.objective.frequency, lang, true),
    value: value(a.value),
    expected: value(a.expected),
  });
}
