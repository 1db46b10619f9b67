/**
 * How the wizard names periods: the catalogue has a Week/Month/Quarter variant of each message
 * that speaks of a period, and the preview, the baseline help and the realism check all pick the
 * one of the draft's frequency here.
 */
import type { Frequency } from "../../src/contract/objectives.ts";
import { formatPeriod } from "../format.ts";
import type { UiKey } from "../messages.ts";
import type { WizardState } from "./state.ts";

/** The key for this frequency among the Week/Month/Quarter variants of a message. */
export function byFrequency(
  frequency: Frequency,
  base: "current" | "latest" | "baselineComputed" | "baselineNone" | "period" | "periods",
): UiKey {
  const suffix = frequency === "weekly" ? "Week" : frequency === "quarterly" ? "Quarter" : "Month";
  return `${base}${suffix}` as UiKey;
}

/** The period that starts on `start`, named for the draft's frequency ("May 2026", "week of 4 May 2026"). */
export function periodName(state: WizardState, start: string): string {
  return formatPeriod(start, state.draft.frequency, state.lang);
}
