/**
 * The wizard's own wire types, beside the shared ones in api.ts. Everything here crosses
 * `google.script.run`: plain objects, primitives and arrays, ISO calendar days for dates.
 */

import type { ColumnConcern, MatchConfidence } from "../kpi/mapping.ts";
import type { Direction } from "../kpi/types.ts";
import type { Advice, Benchmark } from "./advisor.ts";
import type { Lang } from "./i18n.ts";
import type { Frequency, KpiChoice, RowFilter } from "./objectives.ts";

export type { ColumnConcern, MatchConfidence } from "../kpi/mapping.ts";

/** A KPI as the wizard shows it: the registry's choice plus the phrases the review sentence needs. */
export interface WizardKpi extends KpiChoice {
  /** The KPI as a noun phrase inside a sentence: "the conversion rate", « le taux de conversion ». */
  phrase: string;
  /** Whether the KPI's value may be below 0 (ROI with a loss); others refuse negative values. */
  canBeNegative: boolean;
  /** A prefilled objective name for each direction: "Raise conversion rate", "Lower conversion rate". */
  suggestedNames: Record<Direction, string>;
}

/** The proposed column(s) for one KPI input. */
export interface InputSuggestion {
  /**
   * Input terms (input-terms.ts): header texts, several only for a multi-column input or a
   * difference of columns, "#rows" for one per row; empty when nothing matched.
   */
  columns: string[];
  confidence: MatchConfidence;
}

export interface SheetInfo {
  name: string;
  /** Header text of each column, left to right; blank headers are left out. */
  headers: string[];
  /** Sheet row of the header: 1, or below the title and comment lines of an export. */
  headerRow: number;
  /**
   * Headers whose column cannot be summed as a quantity (a rate, an average, an identifier), or
   * whose sum misleads (users), by header; absent for a plain quantity.
   */
  concerns: Record<string, ColumnConcern>;
  /** Headers whose column holds dates, best first. */
  dateColumns: string[];
  /** Number of rows below the header (total rows and blank ones included). */
  rows: number;
  /** KPI id → input name → proposed columns. */
  suggestions: Record<string, Record<string, InputSuggestion>>;
  /** Columns an objective may filter its rows by (campaign, channel…), likeliest first. */
  filters: FilterChoice[];
}

/** A column of text and the distinct values found in it, for the wizard's filter. */
export interface FilterChoice {
  column: string;
  /** Distinct values (trimmed, case-insensitive), in the order first seen, at most a few dozen. */
  values: string[];
  /** True when the column holds more values than listed (or the tab more rows than read). */
  more: boolean;
}

export interface WizardContext {
  lang: Lang;
  /** Today in the spreadsheet's time zone, as an ISO day. */
  today: string;
  timeZone: string;
  kpis: WizardKpi[];
  sheets: SheetInfo[];
  /**
   * The active tab, which the wizard starts on whatever it holds; null when it cannot be read (one
   * of KPI Pilot's own tabs, or no header with data below), and `activeProblem` then says why. No
   * other tab is ever chosen in its place.
   */
  defaultSheet: string | null;
  activeProblem: string | null;
  /** The objective the user was writing when the sidebar closed (the sidebar's JSON), or null. */
  savedDraft: string | null;
  /** The advisor's suggestions for each goal × channel, in the user's language. */
  advice: Advice;
  /** The shipped market benchmarks, cited, in the user's language. */
  benchmarks: Benchmark[];
  /** The BigQuery tables this spreadsheet's objectives already read (project.dataset.table), to pick from. */
  bigQueryTables: string[];
}

/** What the wizard asks the engine to preview: the KPI on the chosen columns. */
export interface PreviewRequest {
  kpiId: string;
  sourceSheet: string;
  dateColumn: string;
  inputs: Record<string, string[]>;
  /** The rows counted; absent or null for all. */
  filter?: RowFilter | null;
  frequency: Frequency;
}

/**
 * What the realism check needs. The values come from a preview the server computed; the check
 * itself reads no sheet, so typing a target costs no read of the data.
 */
export interface RealismRequest {
  /** The KPI, whose unit the messages use and whose sign rule applies. */
  kpiId: string;
  /** Values of the complete periods, oldest first (Preview.history). */
  values: number[];
  /** In the KPI's stored unit (fractions for rates). */
  baseline: number;
  target: number;
  startDate: string;
  deadline: string;
  frequency: Frequency;
  direction: Direction;
}

export interface PreviewPoint {
  /** First and last calendar day of the period. */
  start: string;
  end: string;
  /** Null when the period has no value (blank or a zero denominator). */
  value: number | null;
  /** False for the period that contains today or the last data day and is still running. */
  complete: boolean;
}

export interface RealismResult {
  /** The change per period the target needs, in the KPI's stored unit. */
  requiredPerPeriod: number;
  /** The best period-over-period change seen in the data in the objective's direction, or null. */
  bestSeen: number | null;
  realistic: boolean;
  /** Number of review periods between start and deadline. */
  periods: number;
}

export interface Preview {
  /** The custom function's result over every row of the chosen columns. */
  total: number | null;
  /** The latest period with data (it may be incomplete). */
  current: PreviewPoint | null;
  /** The last complete period: the suggested baseline. */
  baseline: PreviewPoint | null;
  /** Up to the last 12 periods, oldest first. */
  recent: PreviewPoint[];
  /** Values of the complete periods (up to the last 120), oldest first: the realism check's input. */
  history: number[];
  firstDate: string | null;
  lastDate: string | null;
  /** Rows counted: below the header, with a date, not a total row. */
  rows: number;
  /** Rows left out of the count, and why. */
  leftOut: LeftOut;
  /** Sheet row of the header the columns were found in. */
  headerRow: number;
  /** For a BigQuery source: what the query read (table and days), in words; no rows are counted then. */
  scan?: string;
}

/** Rows of a source left out of an objective's numbers, by reason. */
export interface LeftOut {
  /** Summary rows ("Total", « Total : compte », « Totaux »). */
  totals: number;
  /** Rows with data but no date. */
  undated: number;
  /** Rows the objective's filter left out (other campaigns). */
  filtered: number;
}

/** A BigQuery source as the wizard has it, with the start date and frequency that bound its scan. */
export interface BigQueryScanRequest extends PreviewRequest {
  startDate: string;
}

/** What the first dashboard build would read in BigQuery, told before anything is run. */
export interface BigQueryScan {
  /** The dashboard's own sentence: table, days read, and a GA4 export's daily tables. */
  text: string;
  /** The project billed for the query. */
  project: string;
}
