/**
 * The one place the review reads why an objective has its status. The status evaluation does not
 * give a reason sentence of its own yet: until it does, the first note (or the error) stands in,
 * else the status word. When it does, this function returns that sentence and nothing else in
 * the review changes.
 */
import type { Lang } from "../../contract/i18n.ts";
import type { ObjectiveEval } from "../status/evaluate.ts";
import { messages } from "../workbook/messages.ts";

export function reasonOf(e: ObjectiveEval, lang: Lang): string {
  if (e.error) return e.error;
  const note = e.notes[0];
  if (note) return note;
  return messages.t(lang, e.status ? `status_${e.status}` : "status_no_data");
}

/**
 * The forecast's range at the deadline, when the evaluation gives one; null until it does. The
 * history keeps its two columns either way, empty when unknown.
 */
export function forecastRangeOf(e: ObjectiveEval): { low: number; high: number } | null {
  void e;
  return null;
}
