/**
 * What crosses `google.script.run` between the sidebar and the server: plain objects, primitives
 * and arrays only. Dates travel as ISO calendar days ("2027-06-30"), timestamps as ISO strings.
 */

import type { RowFilter } from "../kpi/rows.ts";
import type { Direction, Unit } from "../kpi/types.ts";

export type { Direction, RowFilter, Unit };

/** The money of a spreadsheet: its symbol, written before the amount ("$6.61") or after it. */
export interface Currency {
  readonly symbol: string;
  readonly after: boolean;
}

/** How often an objective is reviewed. */
export type Frequency = "weekly" | "monthly" | "quarterly";

/**
 * Longest text each field accepts, checked by the server and, for inline messages, by the
 * sidebar. Sheet names are capped at 100 characters by Sheets itself.
 */
export const FIELD_MAX_LENGTH = {
  id: 64,
  name: 100,
  channel: 100,
  sourceSheet: 100,
  dateColumn: 200,
  header: 200,
  filterValue: 200,
  owner: 100,
  businessGoal: 500,
  notes: 2000,
} as const;

/** What the wizard sends to `saveObjective`. Absent `id` creates; a known `id` updates. */
export interface ObjectiveInput {
  id?: string;
  /**
   * For an update: the Updated timestamp of the objective as the client loaded it, its version. A
   * save whose version is no longer the row's is refused, so no one overwrites a change unseen.
   */
  updated?: string;
  name: string;
  kpiId: string;
  /** Channel or campaign, optional: a label. */
  channel?: string;
  /**
   * The rows the objective counts, optional: those whose `column` equals one of `values` (trimmed,
   * case-insensitive). Absent or null counts every row.
   */
  filter?: RowFilter | null;
  sourceSheet: string;
  /** Header text of the date column. */
  dateColumn: string;
  /**
   * KPI input name → its terms (input-terms.ts): header texts, several only for multi-column
   * inputs, a subtracted header ("−Engaged sessions"), or "#rows" for one per row.
   */
  inputs: Record<string, string[]>;
  direction: Direction;
  /** In the KPI's own unit as stored: fractions for rates (0.05 = 5%), seconds, money. */
  baseline: number;
  target: number;
  startDate: string;
  deadline: string;
  frequency: Frequency;
  owner: string;
  businessGoal: string;
  notes?: string;
}

export interface Objective extends ObjectiveInput {
  id: string;
  channel: string;
  notes: string;
  /** The start date and deadline as calendar days (days since 1970-01-01), as validated. */
  startDay: number;
  deadlineDay: number;
  /** ISO timestamps. */
  created: string;
  updated: string;
}

/** A row of the Objectives tab that could not be read: reported, skipped, never rewritten. */
export interface RowProblem {
  row: number;
  message: string;
}

/** The statuses src/kpi/status.ts decides between; their words are the engine's. */
export type StatusCode =
  | "not_started"
  | "achieved"
  | "on_track"
  | "at_risk"
  | "off_track"
  | "missed";

export const STATUS_CODES: readonly StatusCode[] = [
  "not_started",
  "achieved",
  "on_track",
  "at_risk",
  "off_track",
  "missed",
];

export interface ObjectiveSummary extends Objective {
  /** Where it stands now, when its data can be read; `error` says why not. */
  status?: StatusCode;
  statusLabel?: string;
  /** Why it has that status, in words ("On pace (42% of the way…), but the trend…"). */
  reason?: string;
  /** Warnings that do not stop the status: a baseline far from the data around the start. */
  warnings?: string[];
  current?: number | null;
  /** The spreadsheet's currency, for a KPI counted in money (src/contract/format.ts). */
  currency?: Currency;
  error?: string;
}

export interface ObjectiveList {
  objectives: ObjectiveSummary[];
  problems: RowProblem[];
}

/** A KPI as the wizard lists it, in the user's language, read from the registry. */
export interface KpiChoice {
  id: string;
  name: string;
  definition: string;
  formula: string;
  unit: Unit;
  direction: Direction;
  inputs: {
    name: string;
    label: string;
    optional: boolean;
    multiColumn: boolean;
    countable: boolean;
  }[];
  suggestedName: string;
}
