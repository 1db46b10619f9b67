/**
 * The one place the review reads why an objective has its status: the evaluation's reason
 * (src/sheets/status/reason.ts), else its error, first note or status word.
 */
import type { Lang } from "../../contract/i18n.ts";
import { type ObjectiveEval, statusTextOf } from "../status/evaluate.ts";

export function reasonOf(e: ObjectiveEval, lang: Lang): string {
  if (e.error) return e.error;
  return e.reason ?? e.notes[0] ?? statusTextOf(e, lang);
}

/** The forecast's 80% range at the deadline, when the evaluation gives one. */
export function forecastRangeOf(e: ObjectiveEval): { low: number; high: number } | null {
  return e.forecast ? { low: e.forecast.low, high: e.forecast.high } : null;
}
