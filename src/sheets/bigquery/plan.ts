/**
 * Which BigQuery queries a build runs: one per source, review period and filter, whatever the
 * number of objectives reading it (their measures share the query, each computed once), over a
 * date range bounded on both ends. Pure.
 */

import type { Objective } from "../../contract/objectives.ts";
import {
  type BigQuerySource,
  isBigQuerySource,
  parseBigQuerySource,
} from "../../contract/rules/bigquery-source.ts";
import { frequencyPeriod, type Period, periodStart } from "../../kpi/periods.ts";
import { getKpi } from "../../kpi/registry/index.ts";
import { type CompiledQuery, compileQuery, kpiMeasures } from "../../kpi/sql/compile.ts";
import type { DialectName } from "../../kpi/sql/dialect.ts";
import { type Measure, type SqlFilter, SqlSpecError } from "../../kpi/sql/types.ts";

/**
 * Days read before the earlier of the start and today: a year, so the year-before column and a
 * year of trend have data, without scanning (and billing) a whole export's history.
 */
export const LOOKBACK_DAYS = 366;

export interface PlannedQuery {
  readonly key: string;
  readonly project: string;
  readonly period: Period;
  readonly startDay: number;
  readonly endDay: number;
  /** The SQL, or why this source cannot become one (a SqlSpecError's code and params). */
  readonly compiled: CompiledQuery | { readonly problem: SpecProblem };
  /** Objective id → KPI input name → the result column holding its sums. */
  readonly columns: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

const sourceKey = (b: BigQuerySource) => JSON.stringify(b.source);

/** Why a source cannot become a query: the compiler's code and what it named. */
export type SpecProblem = Pick<SqlSpecError, "code" | "params">;

/** A compiler refusal as it is; anything else is a defect, and is thrown on. */
function specProblem(e: unknown): SpecProblem {
  if (e instanceof SqlSpecError) return { code: e.code, params: e.params };
  throw e;
}

/** The queries of the BigQuery objectives among `objectives`, in a stable order. */
export function planQueries(
  objectives: readonly Objective[],
  timeZone: string,
  today: number,
  dialect: DialectName,
): PlannedQuery[] {
  const groups = new Map<
    string,
    {
      source: BigQuerySource["source"];
      period: Period;
      start: number;
      filters: SqlFilter[];
      members: [Objective, Record<string, Measure>][];
    }
  >();
  for (const o of objectives) {
    if (!isBigQuerySource(o.sourceSheet)) continue;
    const parsed = parseBigQuerySource(o.sourceSheet, o.dateColumn, o.inputs);
    // Rows of the tab are checked by the same rules when read, so this does not happen; skip
    // rather than guess should it ever.
    if (!("value" in parsed)) continue;
    const period = frequencyPeriod(o.frequency);
    // The rows an objective counts are part of its query: a filter (set in the Objectives tab,
    // `field IN (values)`, nested fields allowed) is never dropped, so objectives share a query
    // only when they count the same rows.
    const filters = o.filter ? [{ field: o.filter.column, values: o.filter.values }] : [];
    const key = `${sourceKey(parsed.value)}|${period}|${JSON.stringify(filters)}`;
    const start = Math.min(o.startDay, today) - LOOKBACK_DAYS;
    const g = groups.get(key) ?? {
      source: parsed.value.source,
      period,
      start,
      filters,
      members: [],
    };
    g.start = Math.min(g.start, start);
    g.members.push([o, { ...parsed.value.measures }]);
    groups.set(key, g);
  }
  return [...groups].map(([key, g]) => {
    // One result column per distinct measure: two objectives counting sessions share it.
    const names = new Map<string, string>();
    const measures: Record<string, Measure> = {};
    const columns = new Map<string, Record<string, string>>();
    let problem: SpecProblem | null = null;
    for (const [o, mapping] of g.members) {
      let used: Record<string, Measure>;
      try {
        used = kpiMeasures(getKpi(o.kpiId), mapping);
      } catch (e) {
        problem ??= specProblem(e);
        continue;
      }
      const cols: Record<string, string> = {};
      for (const [input, m] of Object.entries(used)) {
        const id = JSON.stringify(m);
        let name = names.get(id);
        if (!name) {
          name = `m${names.size + 1}`;
          names.set(id, name);
          measures[name] = m;
        }
        cols[input] = name;
      }
      columns.set(o.id, cols);
    }
    const startDay = periodStart(g.start, g.period);
    let compiled: PlannedQuery["compiled"];
    if (problem) compiled = { problem };
    else {
      try {
        compiled = compileQuery(
          {
            source: g.source,
            measures,
            period: g.period,
            startDay,
            endDay: today,
            timeZone,
            filters: g.filters,
          },
          dialect,
        );
      } catch (e) {
        compiled = { problem: specProblem(e) };
      }
    }
    return {
      key,
      project: g.source.project,
      period: g.period,
      startDay,
      endDay: today,
      compiled,
      columns,
    };
  });
}
