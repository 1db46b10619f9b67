/**
 * One compiler from the KPI registry to SQL: per period, the sums (or distinct counts) of a KPI's
 * inputs, never the KPI itself. The ratio is taken afterwards by the same engine code as for a
 * sheet's columns (series.ts, pointsFromSums), so a rate from BigQuery and a rate from a tab
 * cannot follow two rules.
 *
 * Time zones. Periods are calendar periods in the spreadsheet's zone, as for sheet data. GA4's
 * `event_date` (and the `_TABLE_SUFFIX` of its daily tables) is a day in the *property's* zone,
 * which may differ; `event_timestamp` is an instant (UTC microseconds). So each event's day is
 * computed from event_timestamp in the spreadsheet's zone, and the partitions scanned are
 * widened by two days on each side: two zones' calendar days for one instant differ by at most
 * two days (UTC−12 against UTC+14), whatever the property's zone is. The exact range is then
 * applied to the converted day.
 */

import { isoDay } from "../days.ts";
import type { KpiDefinition } from "../types.ts";
import { DIALECTS, type Dialect, type DialectName } from "./dialect.ts";
import { type Ga4Field, ga4AggregateSql, ga4Columns, ga4FieldSql, ga4Preset } from "./ga4.ts";
import {
  checkColumnPath,
  checkDataset,
  checkEventName,
  checkMeasureName,
  checkProject,
  checkTable,
  checkTimeZone,
  checkValue,
  MAX_VALUES,
} from "./safe.ts";
import {
  type Measure,
  PERIOD_COLUMNS,
  type QuerySpec,
  type SqlSource,
  SqlSpecError,
  type TableRef,
} from "./types.ts";

/** GA4's daily tables, read through one wildcard. */
export const GA4_WILDCARD = "events_*";
/** Days added on each side of the range to the partitions of a GA4 export (see above). */
export const SUFFIX_MARGIN_DAYS = 2;

export interface CompiledQuery {
  readonly sql: string;
  /** The result's columns: PERIOD_COLUMNS, then the measures in the spec's order. */
  readonly columns: readonly string[];
  /** The table read, as BigQuery names it (`project.dataset.events_*`). */
  readonly table: string;
  /** The partitions or dates scanned, inclusive, as days (for the preview and the cost estimate). */
  readonly scanFrom: number;
  readonly scanTo: number;
  /** Top-level and nested columns read (what BigQuery bills). */
  readonly columnsRead: readonly string[];
}

const RESERVED = new Set<string>([...PERIOD_COLUMNS, "p", "f", "l", "ev_day"]);

const suffix = (day: number) => isoDay(day).replace(/-/g, "");

function tableOf(source: SqlSource): TableRef {
  return {
    project: checkProject(source.project),
    dataset: checkDataset(source.dataset),
    table: source.kind === "ga4" ? GA4_WILDCARD : checkTable(source.table),
  };
}

function eventList(d: Dialect, events: readonly string[] | undefined): string {
  if (!events || events.length === 0) throw new SqlSpecError("noEvents");
  if (events.length > MAX_VALUES) throw new SqlSpecError("tooManyValues", { max: MAX_VALUES });
  return `(${[...new Set(events.map(checkEventName))].map((e) => d.string(e)).join(", ")})`;
}

/** The SQL of one aggregated query, in `dialect`. Throws SqlSpecError on anything unsafe or unbounded. */
export function compileQuery(spec: QuerySpec, dialectName: DialectName): CompiledQuery {
  const d = DIALECTS[dialectName];
  const { source, period } = spec;
  if (spec.startDay === null || spec.endDay === null) throw new SqlSpecError("noDateRange");
  if (!Number.isInteger(spec.startDay) || !Number.isInteger(spec.endDay)) {
    throw new SqlSpecError("noDateRange");
  }
  if (spec.endDay < spec.startDay) {
    throw new SqlSpecError("rangeReversed", {
      start: isoDay(spec.startDay),
      end: isoDay(spec.endDay),
    });
  }
  const tz = checkTimeZone(spec.timeZone);
  const ref = tableOf(source);
  const names = Object.keys(spec.measures);
  if (names.length === 0) throw new SqlSpecError("noMeasures");
  for (const name of names) {
    // The query's own column names may not be taken by a measure.
    if (RESERVED.has(checkMeasureName(name)))
      throw new SqlSpecError("badMeasureName", { value: name });
  }

  // First step: one row per source row, with its day in the spreadsheet's zone and the fields
  // the measures read. Second step: per period, the aggregates.
  const inner: string[] = [];
  const outer: string[] = [];
  const read = new Set<string>();
  const where: string[] = [];
  let scanFrom = spec.startDay;
  let scanTo = spec.endDay;

  if (source.kind === "ga4") {
    const fields = new Set<Ga4Field>();
    for (const name of names) {
      const m = spec.measures[name]!;
      if (m.kind !== "ga4") throw new SqlSpecError("badColumn", { value: name });
      const info = ga4Preset(m.preset);
      if (!info) throw new SqlSpecError("presetNeedsGa4", { value: String(m.preset) });
      for (const f of info.fields) fields.add(f);
    }
    inner.push(`${d.dayOfMicros("t.event_timestamp", tz)} AS ev_day`);
    for (const f of fields) inner.push(`${ga4FieldSql(d, f, "t")} AS ${f}`);
    for (const c of ga4Columns(fields)) read.add(c);
    scanFrom = spec.startDay - SUFFIX_MARGIN_DAYS;
    scanTo = spec.endDay + SUFFIX_MARGIN_DAYS;
    // Daily tables only: 'intraday_…' sorts after every digit, so the bound leaves out the
    // intraday tables, whose events reappear in the daily table the next day.
    where.push(
      `${d.tableSuffix} BETWEEN ${d.string(suffix(scanFrom))} AND ${d.string(suffix(scanTo))}`,
    );
  } else {
    const dateParts = checkColumnPath(source.dateColumn);
    const dateCol = `t.${dateParts.map(d.ident).join(".")}`;
    read.add(source.dateColumn);
    if (source.dateType === "date") {
      inner.push(`${dateCol} AS ev_day`);
      where.push(`${dateCol} BETWEEN ${d.date(spec.startDay)} AND ${d.date(spec.endDay)}`);
    } else {
      inner.push(`${d.dayOfTimestamp(dateCol, tz)} AS ev_day`);
      where.push(
        `${dateCol} >= ${d.startOfDay(spec.startDay, tz)} AND ${dateCol} < ${d.startOfDay(spec.endDay + 1, tz)}`,
      );
    }
    let k = 0;
    const seen = new Map<string, string>();
    for (const name of names) {
      const m = spec.measures[name]!;
      if (m.kind !== "column") throw new SqlSpecError("presetNeedsGa4", { value: m.preset });
      const parts = checkColumnPath(m.column);
      const key = parts.join(".");
      if (!seen.has(key)) {
        const alias = `c${k++}`;
        seen.set(key, alias);
        inner.push(`t.${parts.map(d.ident).join(".")} AS ${alias}`);
        read.add(key);
      }
    }
    for (const name of names) {
      const m = spec.measures[name] as Extract<Measure, { kind: "column" }>;
      const alias = seen.get(checkColumnPath(m.column).join("."))!;
      outer.push(
        `${m.aggregate === "sum" ? `COALESCE(SUM(${alias}), 0)` : `COUNT(DISTINCT ${alias})`} AS ${d.ident(checkMeasureName(name))}`,
      );
    }
  }
  if (source.kind === "ga4") {
    for (const name of names) {
      const m = spec.measures[name] as Extract<Measure, { kind: "ga4" }>;
      const info = ga4Preset(m.preset)!;
      const list = info.needsEvents ? eventList(d, m.events) : "";
      outer.push(`${ga4AggregateSql(d, m.preset, list)} AS ${d.ident(checkMeasureName(name))}`);
    }
  }
  for (const f of spec.filters ?? []) {
    const parts = checkColumnPath(f.field);
    if (f.values.length === 0) throw new SqlSpecError("badValue", { value: "" });
    if (f.values.length > MAX_VALUES) throw new SqlSpecError("tooManyValues", { max: MAX_VALUES });
    const values = f.values.map((v) => d.string(checkValue(v))).join(", ");
    where.push(`${d.text(`t.${parts.map(d.ident).join(".")}`)} IN (${values})`);
    read.add(parts.join("."));
  }

  const table = `${ref.project}.${ref.dataset}.${ref.table}`;
  // Grouped by the period's first day as a DATE, formatted only on the few result rows.
  const sql = [
    `-- KPI Pilot: per ${period} in ${tz}, ${isoDay(spec.startDay)} to ${isoDay(spec.endDay)}`,
    "WITH ev AS (",
    `  SELECT\n    ${inner.join(",\n    ")}`,
    `  FROM ${d.table(ref)} AS t`,
    `  WHERE ${where.join("\n    AND ")}`,
    "),",
    "per AS (",
    "  SELECT",
    `    ${d.periodStart("ev_day", period)} AS p,`,
    "    MIN(ev_day) AS f,",
    "    MAX(ev_day) AS l,",
    "    COUNT(DISTINCT ev_day) AS days,",
    `    ${outer.join(",\n    ")}`,
    "  FROM ev",
    `  WHERE ev_day BETWEEN ${d.date(spec.startDay)} AND ${d.date(spec.endDay)}`,
    "  GROUP BY p",
    ")",
    "SELECT",
    `  ${d.formatDay("p")} AS period_start,`,
    `  ${d.formatDay("f")} AS first_day,`,
    `  ${d.formatDay("l")} AS last_day,`,
    "  days,",
    `  ${names.map((n) => d.ident(n)).join(",\n  ")}`,
    "FROM per",
    "ORDER BY p",
  ].join("\n");
  return {
    sql,
    columns: [...PERIOD_COLUMNS, ...names],
    table,
    scanFrom,
    scanTo,
    columnsRead: [...read],
  };
}

/**
 * The measures of a KPI's inputs, checked against its combine: a distinct-count KPI needs a
 * distinct count; a ratio needs its numerator and an added denominator term mapped (a SQL source
 * has no per-cell count, so the "omitted denominator" modes of the custom functions do not apply).
 */
export function kpiMeasures(
  kpi: KpiDefinition,
  mapping: Readonly<Record<string, Measure>>,
): Record<string, Measure> {
  const out: Record<string, Measure> = {};
  const c = kpi.combine;
  if (c.kind === "distinct") {
    const m = mapping[c.input];
    if (!m) throw new SqlSpecError("inputNotMapped", { input: c.input });
    const distinct =
      m.kind === "column" ? m.aggregate === "count_distinct" : ga4Preset(m.preset)?.distinct;
    if (!distinct) throw new SqlSpecError("distinctNeedsCount", { input: c.input });
    out[c.input] = m;
    return out;
  }
  const required = [
    ...c.numerator.filter((t) => (t.sign ?? 1) > 0).map((t) => t.input),
    ...c.denominator.filter((t) => (t.sign ?? 1) > 0).map((t) => t.input),
  ];
  for (const input of kpi.inputs) {
    const m = mapping[input.name];
    if (m) out[input.name] = m;
    else if (required.includes(input.name) && !input.optional) {
      throw new SqlSpecError("inputNotMapped", { input: input.name });
    }
  }
  if (!c.denominator.some((t) => (t.sign ?? 1) > 0 && out[t.input])) {
    const first = c.denominator.find((t) => (t.sign ?? 1) > 0);
    throw new SqlSpecError("inputNotMapped", { input: first?.input ?? "" });
  }
  return out;
}
