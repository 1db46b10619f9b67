/**
 * The small part of the SQL that differs between BigQuery (what runs for users, through Connected
 * Sheets) and DuckDB (the local stand-in the tests and the playground run). The compiler writes
 * every query through one of these, so both dialects share one query shape.
 *
 * Every method takes already-validated identifiers (safe.ts) or plain values to escape.
 */
import { isoDay } from "../days.ts";
import type { Period } from "../periods.ts";
import type { TableRef } from "./types.ts";

export type DialectName = "bigquery" | "duckdb";

export interface Dialect {
  readonly name: DialectName;
  /** One identifier, quoted. */
  ident(name: string): string;
  /** A table, fully qualified and quoted. */
  table(ref: TableRef): string;
  /** A string literal. */
  string(value: string): string;
  /** A DATE literal of a calendar day. */
  date(day: number): string;
  /** The calendar day, in `tz`, of an INT64 of microseconds since the epoch (GA4's event_timestamp). */
  dayOfMicros(expr: string, tz: string): string;
  /** The calendar day, in `tz`, of a TIMESTAMP. */
  dayOfTimestamp(expr: string, tz: string): string;
  /** The first instant of a calendar day in `tz`, as a TIMESTAMP. */
  startOfDay(day: number, tz: string): string;
  /** The first day of the period holding a DATE (weeks start on Monday, ISO, as periods.ts). */
  periodStart(expr: string, period: Period): string;
  /** A DATE as text YYYY-MM-DD. */
  formatDay(expr: string): string;
  /** Any value as text, for filters and session keys. */
  text(expr: string): string;
  /** a followed by b; NULL when either is NULL (a session without id is no session). */
  concat(a: string, b: string): string;
  /** The `field` of the event parameter `key` of a GA4 row aliased `row`, or NULL. */
  eventParam(row: string, key: string, field: "string_value" | "int_value"): string;
  /** The wildcard table's suffix pseudo-column. */
  readonly tableSuffix: string;
}

const TRUNC_BIGQUERY: Record<Exclude<Period, "day">, string> = {
  week: "ISOWEEK",
  month: "MONTH",
  quarter: "QUARTER",
  year: "YEAR",
};

export const bigquery: Dialect = {
  name: "bigquery",
  ident: (name) => `\`${name}\``,
  table: (t) => `\`${t.project}.${t.dataset}.${t.table}\``,
  // BigQuery strings take backslash escapes. "@" is written \x40 so that no text of ours can ever
  // look like a Connected Sheets query parameter (@NAME) to whatever substitutes them.
  // https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#escape_sequences
  string: (v) => `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/@/g, "\\x40")}'`,
  date: (day) => `DATE '${isoDay(day)}'`,
  dayOfMicros: (e, tz) => `DATE(TIMESTAMP_MICROS(${e}), ${bigquery.string(tz)})`,
  dayOfTimestamp: (e, tz) => `DATE(${e}, ${bigquery.string(tz)})`,
  startOfDay: (day, tz) => `TIMESTAMP(${bigquery.date(day)}, ${bigquery.string(tz)})`,
  periodStart: (e, p) => (p === "day" ? e : `DATE_TRUNC(${e}, ${TRUNC_BIGQUERY[p]})`),
  formatDay: (e) => `FORMAT_DATE('%F', ${e})`,
  text: (e) => `CAST(${e} AS STRING)`,
  concat: (a, b) => `CONCAT(${a}, ${b})`,
  // GA4's documented way to read one parameter: a scalar subquery over the repeated record.
  // https://support.google.com/analytics/answer/7029846
  eventParam: (row, key, field) =>
    `(SELECT p.value.${field} FROM UNNEST(${row}.event_params) AS p WHERE p.key = ${bigquery.string(key)})`,
  tableSuffix: "_TABLE_SUFFIX",
};

export const duckdb: Dialect = {
  name: "duckdb",
  ident: (name) => `"${name}"`,
  table: (t) => `"${t.project}"."${t.dataset}"."${t.table}"`,
  // Standard SQL strings: a quote is doubled, a backslash is an ordinary character.
  string: (v) => `'${v.replace(/'/g, "''")}'`,
  date: (day) => `DATE '${isoDay(day)}'`,
  // make_timestamp(micros) is the instant as a UTC wall clock; timezone('UTC', …) makes it an
  // instant, timezone(tz, …) the wall clock in tz. Exact to the microsecond (no float seconds).
  dayOfMicros: (e, tz) =>
    `CAST(timezone(${duckdb.string(tz)}, timezone('UTC', make_timestamp(${e}))) AS DATE)`,
  dayOfTimestamp: (e, tz) => `CAST(timezone(${duckdb.string(tz)}, ${e}) AS DATE)`,
  startOfDay: (day, tz) => `timezone(${duckdb.string(tz)}, CAST(${duckdb.date(day)} AS TIMESTAMP))`,
  periodStart: (e, p) => (p === "day" ? e : `CAST(date_trunc('${p}', ${e}) AS DATE)`),
  formatDay: (e) => `strftime(${e}, '%Y-%m-%d')`,
  text: (e) => `CAST(${e} AS VARCHAR)`,
  // || propagates NULL, as BigQuery's CONCAT does (DuckDB's concat() would skip it).
  concat: (a, b) => `(${a} || ${b})`,
  eventParam: (row, key, field) =>
    `list_filter(${row}.event_params, lambda p: p.key = ${duckdb.string(key)})[1].value.${field}`,
  tableSuffix: `"_TABLE_SUFFIX"`,
};

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = { bigquery, duckdb };
