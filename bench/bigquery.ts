/**
 * The DuckDB stand-in on a generated GA4 export of 10 million events: the monthly conversion
 * series (purchases per session) of two years, compiled by src/kpi/sql in the DuckDB dialect and
 * turned into points by the engine, as a dashboard build would. Reports rows per second, and what
 * BigQuery would bill for the same query by its data size rules. Nothing here says how fast
 * BigQuery itself would be.
 *
 * `node dev/run.mjs bench/bigquery.ts [events]` prints the figures; bench/run.ts imports it.
 */
import { performance } from "node:perf_hooks";
import { DuckStandIn } from "../dev/bigquery/duckdb.ts";
import { bigQueryBytes, generateBigGa4 } from "../dev/bigquery/generate.ts";
import { DEMO_PROJECT, startGa4StandIn } from "../dev/bigquery/stand-in.ts";
import type { Objective } from "../src/contract/objectives.ts";
import { parseIsoDay, todayDay } from "../src/kpi/days.ts";
import { getKpi } from "../src/kpi/registry/index.ts";
import { pointsFromSums } from "../src/kpi/series.ts";
import { compileQuery, kpiMeasures } from "../src/kpi/sql/compile.ts";
import { readSums } from "../src/kpi/sql/result.ts";
import { planQueries } from "../src/sheets/bigquery/plan.ts";

export interface BigQueryBench {
  events: number;
  generateMs: number;
  queryMs: number;
  rowsPerSecond: number;
  months: number;
  bigQueryBytes: { leaves: number; whole: number };
  threads: number;
}

export async function benchBigQuery(events = 10_000_000, threads = 2): Promise<BigQueryBench> {
  const duck = await DuckStandIn.create({ threads });
  try {
    const project = "bench-project";
    const dataset = "analytics_1";
    const t0 = performance.now();
    const n = await generateBigGa4(duck, {
      project,
      dataset,
      events,
      from: "2024-01-01",
      days: 730,
      propertyTimeZone: "America/Los_Angeles",
    });
    const generateMs = performance.now() - t0;
    const kpi = getKpi("conversion");
    const measures = kpiMeasures(kpi, {
      conversions: { kind: "ga4", preset: "key_events", events: ["purchase"] },
      visitors: { kind: "ga4", preset: "sessions" },
    });
    const q = compileQuery(
      {
        source: { kind: "ga4", project, dataset },
        measures,
        period: "month",
        startDay: parseIsoDay("2024-01-01"),
        endDay: parseIsoDay("2025-12-31"),
        timeZone: "Europe/Paris",
      },
      "duckdb",
    );
    const t1 = performance.now();
    const result = await duck.run(q.sql);
    const sums = readSums(result.header, result.rows, Object.keys(measures), "Europe/Paris");
    const points = pointsFromSums(kpi, sums, "month", {
      timeZone: "Europe/Paris",
      locale: "en_US",
    });
    const queryMs = performance.now() - t1;
    const suffix = (day: number) =>
      new Date(day * 86_400_000).toISOString().slice(0, 10).replace(/-/g, "");
    const bytes = await bigQueryBytes(
      duck,
      `"${project}"."${dataset}"."events_*"`,
      q.columnsRead,
      suffix(q.scanFrom),
      suffix(q.scanTo),
    );
    return {
      events: n,
      generateMs,
      queryMs,
      rowsPerSecond: n / (queryMs / 1000),
      months: points.length,
      bigQueryBytes: bytes,
      threads,
    };
  } finally {
    duck.close();
  }
}

export interface PlaygroundBench {
  events: number;
  generateMs: number;
  /** The build's monthly query (BigQuery's text, as Connected Sheets would get it) on the stand-in. */
  queryMs: number;
  months: number;
}

/**
 * The playground's BigQuery: `npm start`'s stand-in (3 million generated events, DuckDB in a
 * worker), then the query a build plans for the "online sales" conversion reviewed monthly, run as
 * the emulator's Connected Sheets runner runs it.
 */
export async function benchPlayground(events = 3_000_000): Promise<PlaygroundBench> {
  const timeZone = "Europe/Paris";
  const standIn = startGa4StandIn({ events, propertyTimeZone: timeZone, today: new Date() });
  try {
    const ready = await standIn.ready;
    const today = todayDay(timeZone);
    const objective = {
      id: "bench",
      kpiId: "conversion",
      sourceSheet: `bq:${standIn.table}`,
      dateColumn: "event_timestamp",
      inputs: { conversions: ["key_events: purchase"], visitors: ["sessions"] },
      frequency: "monthly",
      startDay: today,
    } as unknown as Objective; // only the fields a plan reads
    const [q] = planQueries([objective], timeZone, today, "bigquery");
    if (!q || !("sql" in q.compiled)) throw new Error("bench: the plan did not compile");
    const t0 = performance.now();
    const answer = standIn.runner(DEMO_PROJECT, q.compiled.sql);
    const queryMs = performance.now() - t0;
    if ("error" in answer) throw new Error(`bench: the stand-in refused: ${answer.message}`);
    return { events: ready.events, generateMs: ready.ms, queryMs, months: answer.rows.length };
  } finally {
    await standIn.close();
  }
}

if (process.argv[1]?.endsWith("bigquery.ts") || process.argv.includes("--bigquery")) {
  const events = Number(process.argv[2] ?? 10_000_000);
  const r = await benchBigQuery(events);
  console.log(r);
}
