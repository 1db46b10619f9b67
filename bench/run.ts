/**
 * `npm run bench`: the speed goals, measured on the real code paths, written to bench/latest.json.
 * Goals: each custom function within 8× of a bare loop doing the same arithmetic and under 50 ms
 * on 100,000 rows; the dashboard's Spreadsheet calls independent of data size and within
 * 35 + 15 per objective; the playground's BigQuery stand-in answers a build's monthly query on its
 * 3 million events in under 5 s. Exits non-zero when a goal is missed.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../dev/paths.ts";
import { benchBigQuery, benchPlayground } from "./bigquery.ts";
import { benchDashboard } from "./dashboard.ts";
import { benchKpi } from "./kpi.ts";

const DASHBOARD_OBJECTIVES = 20;
const kpi = await benchKpi();
const dashboard = await benchDashboard();
const load = (await import("node:os")).loadavg()[0] ?? 0;
const bq = await benchBigQuery();
const playground = await benchPlayground();

const misses: string[] = [];
for (const [name, r] of Object.entries(kpi)) {
  if (r.ratio > 8) misses.push(`${name}: ${r.ratio.toFixed(1)}× its bare loop (goal ≤ 8×)`);
  if (r.ms > 50) misses.push(`${name}: ${r.ms.toFixed(1)} ms on 100k rows (goal < 50 ms)`);
}
const budget = 35 + 15 * DASHBOARD_OBJECTIVES;
for (const span of ["1y", "3y"] as const) {
  if (dashboard.dashboardCalls[span] > budget) {
    misses.push(`dashboard ${span}: ${dashboard.dashboardCalls[span]} calls (budget ${budget})`);
  }
}
if (bq.months !== 24)
  misses.push(`BigQuery stand-in: ${bq.months} months, not the 24 of two years`);
if (playground.queryMs > 5000)
  misses.push(
    `playground: the build's BigQuery query took ${(playground.queryMs / 1000).toFixed(1)} s on the stand-in (goal < 5 s)`,
  );
if (dashboard.dashboardCalls["1y"] !== dashboard.dashboardCalls["3y"]) {
  misses.push("dashboard: the call count grows with the number of data rows");
}

console.log("\nfunction                   ms/100k   bare ms   ratio");
for (const [name, r] of Object.entries(kpi)) {
  console.log(
    `${name.padEnd(26)} ${r.ms.toFixed(2).padStart(7)}   ${r.bareMs.toFixed(2).padStart(7)}   ${r.ratio.toFixed(2).padStart(5)}×`,
  );
}
console.log(
  `\ndashboard (${DASHBOARD_OBJECTIVES} objectives): ` +
    `1y ${dashboard.dashboardCalls["1y"]} calls ${dashboard.dashboardMs["1y"].toFixed(0)} ms, ` +
    `3y ${dashboard.dashboardCalls["3y"]} calls ${dashboard.dashboardMs["3y"].toFixed(0)} ms (budget ${budget} calls)`,
);

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
console.log(
  `\nBigQuery stand-in (DuckDB, ${bq.threads} threads, load average ${load.toFixed(1)} before): ` +
    `${bq.events.toLocaleString("en")} GA4 events generated in ${(bq.generateMs / 1000).toFixed(1)} s; ` +
    `monthly conversion series (${bq.months} months) in ${(bq.queryMs / 1000).toFixed(1)} s, ` +
    `${Math.round(bq.rowsPerSecond).toLocaleString("en")} rows/s; BigQuery would bill ` +
    `${mb(bq.bigQueryBytes.leaves)} (nested fields read) to ${mb(bq.bigQueryBytes.whole)} (whole event_params)`,
);
console.log(
  `\nPlayground's BigQuery (npm start): ${playground.events.toLocaleString("en")} GA4 events generated in ` +
    `${(playground.generateMs / 1000).toFixed(1)} s; a build's monthly query, BigQuery's text run as ` +
    `written, ${playground.months} months in ${(playground.queryMs / 1000).toFixed(1)} s`,
);

const round = (x: number) => Math.round(x * 100) / 100;
const latest = {
  date: new Date().toISOString(),
  node: process.version,
  dashboardCalls: dashboard.dashboardCalls,
  dashboardMs: {
    "1y": round(dashboard.dashboardMs["1y"]),
    "3y": round(dashboard.dashboardMs["3y"]),
  },
  bigQueryStandIn: {
    events: bq.events,
    threads: bq.threads,
    loadAverageBefore: round(load),
    generateMs: round(bq.generateMs),
    monthlySeriesMs: round(bq.queryMs),
    rowsPerSecond: Math.round(bq.rowsPerSecond),
    bigQueryBytes: bq.bigQueryBytes,
  },
  playgroundBigQuery: {
    events: playground.events,
    generateMs: round(playground.generateMs),
    buildQueryMs: round(playground.queryMs),
    months: playground.months,
  },
  functions: Object.fromEntries(
    Object.entries(kpi).map(([k, r]) => [
      k,
      { ms: round(r.ms), bareMs: round(r.bareMs), ratio: round(r.ratio) },
    ]),
  ),
};
writeFileSync(join(ROOT, "bench/latest.json"), `${JSON.stringify(latest, null, 2)}\n`);
console.log("\nwrote bench/latest.json");
if (misses.length > 0) {
  console.error(`\nGoals missed:\n- ${misses.join("\n- ")}`);
  process.exit(1);
}
console.log("All speed goals met.");
