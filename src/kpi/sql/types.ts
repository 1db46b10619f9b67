/**
 * What the SQL compiler takes: a source (a GA4 export or a table of the user's), what to
 * aggregate per input, a period, a date range and the spreadsheet's time zone. Everything the
 * user typed (project, dataset, table, column names, event names, filter values) arrives here as
 * plain text and is validated (safe.ts) before any of it reaches SQL.
 */
import type { Period } from "../periods.ts";

/** A BigQuery table: billing and data project, dataset, table. */
export interface TableRef {
  readonly project: string;
  readonly dataset: string;
  readonly table: string;
}

/**
 * A GA4 export (`events_*` daily tables, partitioned by name through `_TABLE_SUFFIX`), or one
 * table of the user's with a date column: a DATE (already a calendar day) or a TIMESTAMP (an
 * instant, turned into a day in the spreadsheet's zone).
 */
export type SqlSource =
  | { readonly kind: "ga4"; readonly project: string; readonly dataset: string }
  | {
      readonly kind: "table";
      readonly project: string;
      readonly dataset: string;
      readonly table: string;
      readonly dateColumn: string;
      readonly dateType: "date" | "timestamp";
    };

/** The GA4 presets (ga4.ts describes each). */
export type Ga4Preset =
  | "sessions"
  | "engaged_sessions"
  | "non_engaged_sessions"
  | "users"
  | "key_events"
  | "converting_sessions"
  | "purchase_revenue"
  | "page_views"
  | "engagement_seconds";

/** What one KPI input aggregates per period. */
export type Measure =
  | { readonly kind: "ga4"; readonly preset: Ga4Preset; readonly events?: readonly string[] }
  | {
      readonly kind: "column";
      /** A column, or a nested field as a dotted path (`ecommerce.purchase_revenue`). */
      readonly column: string;
      readonly aggregate: "sum" | "count_distinct";
    };

/** Keeps the rows whose field (as text) is one of `values`. */
export interface SqlFilter {
  readonly field: string;
  readonly values: readonly string[];
}

/** One aggregated query: per period, one column per named measure. */
export interface QuerySpec {
  readonly source: SqlSource;
  /** Output column name → measure. Names: lowercase letters, digits, underscores. */
  readonly measures: Readonly<Record<string, Measure>>;
  readonly period: Period;
  /** Calendar days (days.ts), inclusive, in the spreadsheet's zone. Both required. */
  readonly startDay: number | null;
  readonly endDay: number | null;
  readonly timeZone: string;
  readonly filters?: readonly SqlFilter[];
}

/** The columns every query returns before its measures. */
export const PERIOD_COLUMNS = ["period_start", "first_day", "last_day", "days"] as const;

/** Why a spec cannot become SQL; the sheets side words each code in en/fr. */
export type SqlErrorCode =
  | "badProject"
  | "badDataset"
  | "badTable"
  | "badColumn"
  | "badEventName"
  | "badValue"
  | "badTimeZone"
  | "badMeasureName"
  | "noDateRange"
  | "rangeReversed"
  | "noEvents"
  | "presetNeedsGa4"
  | "noMeasures"
  | "inputNotMapped"
  | "distinctNeedsCount"
  | "tooManyValues"
  | "badResult";

export class SqlSpecError extends Error {
  constructor(
    readonly code: SqlErrorCode,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${code}: ${JSON.stringify(params)}`);
    this.name = "SqlSpecError";
  }
}
