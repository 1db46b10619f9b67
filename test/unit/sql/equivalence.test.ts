/**
 * Equivalence on DuckDB: for every KPI the GA4 presets support, and every period, the
 * DuckDB-dialect SQL's sums, turned into a series by the engine (pointsFromSums), equal the
 * engine's own series over the same events flattened into sheet rows (kpiSeries), in several
 * spreadsheet zones that differ from the property's, with sessions crossing midnight. The
 * BigQuery-dialect SQL of the same query, run as written on the stand-in, returns the same rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckStandIn } from "../../../dev/bigquery/duckdb.ts";
import {
  type Ga4Event,
  generateGa4Events,
  insertSql,
  localDate,
} from "../../../dev/bigquery/ga4-events.ts";
import { parseIsoDay } from "../../../src/kpi/days.ts";
import { PERIODS, type Period } from "../../../src/kpi/periods.ts";
import { getKpi } from "../../../src/kpi/registry/index.ts";
import { kpiSeries, type PeriodPoint, pointsFromSums } from "../../../src/kpi/series.ts";
import { compileQuery, kpiMeasures } from "../../../src/kpi/sql/compile.ts";
import { readSums } from "../../../src/kpi/sql/result.ts";
import type { Measure } from "../../../src/kpi/sql/types.ts";
import { flatten } from "./reference.ts";

const PROPERTY_ZONE = "America/Los_Angeles";
const SOURCE = { kind: "ga4", project: "demo-project", dataset: "analytics_123" } as const;
const FROM = "2023-12-24";
const TO = "2024-04-05";

const MEASURES: Record<string, Measure> = {
  sessions: { kind: "ga4", preset: "sessions" },
  engaged: { kind: "ga4", preset: "engaged_sessions" },
  bounces: { kind: "ga4", preset: "non_engaged_sessions" },
  users: { kind: "ga4", preset: "users" },
  purchases: { kind: "ga4", preset: "key_events", events: ["purchase"] },
  leads_or_purchases: { kind: "ga4", preset: "key_events", events: ["purchase", "generate_lead"] },
  buying_sessions: { kind: "ga4", preset: "converting_sessions", events: ["purchase"] },
  revenue: { kind: "ga4", preset: "purchase_revenue" },
  page_views: { kind: "ga4", preset: "page_views" },
  engagement: { kind: "ga4", preset: "engagement_seconds" },
};

/** KPI id, and its inputs mapped to measures of MEASURES. */
const CASES: readonly [string, string, Record<string, string>][] = [
  ["online sales per session", "conversion", { conversions: "purchases", visitors: "sessions" }],
  ["buying sessions", "conversion", { conversions: "buying_sessions", visitors: "sessions" }],
  ["key events per user", "conversion", { conversions: "leads_or_purchases", visitors: "users" }],
  ["engagement rate", "conversion", { conversions: "engaged", visitors: "sessions" }],
  ["pages per session", "conversion", { conversions: "page_views", visitors: "sessions" }],
  ["revenue per session", "conversion", { conversions: "revenue", visitors: "sessions" }],
  ["bounce rate", "bounce_rate", { bounces: "bounces", sessions: "sessions" }],
  ["engagement time", "avg_visit_duration", { durations: "engagement", visits: "sessions" }],
  ["unique visitors", "unique_visitors", { visitor_ids: "users" }],
];

let duck: DuckStandIn;
let events: Ga4Event[];

beforeAll(async () => {
  duck = await DuckStandIn.create();
  const table = await duck.ga4Table(SOURCE.project, SOURCE.dataset);
  events = generateGa4Events({ seed: 14, users: 120, from: "2023-12-20", days: 110 });
  await duck.run(insertSql(table, events, PROPERTY_ZONE));
});
afterAll(() => duck?.close());

function expectSame(sql: PeriodPoint[], sheet: PeriodPoint[], withDays: boolean) {
  expect(sql.map((p) => p.start)).toEqual(sheet.map((p) => p.start));
  sql.forEach((p, i) => {
    const q = sheet[i]!;
    const where = `period starting day ${p.start}`;
    expect(p.end, where).toBe(q.end);
    expect(p.numerator, where).toBeCloseTo(q.numerator, 9);
    if (q.denominator === null) expect(p.denominator, where).toBeNull();
    else expect(p.denominator, where).toBeCloseTo(q.denominator, 9);
    if (q.value === null) expect(p.value, where).toBeNull();
    else expect(p.value, where).toBeCloseTo(q.value, 9);
    if (withDays)
      expect([p.firstDay, p.lastDay, p.days], where).toEqual([q.firstDay, q.lastDay, q.days]);
  });
}

async function compare(timeZone: string, period: Period, devices?: string[]) {
  const spec = {
    source: SOURCE,
    measures: MEASURES,
    period,
    startDay: parseIsoDay(FROM),
    endDay: parseIsoDay(TO),
    timeZone,
    filters: devices ? [{ field: "device.category", values: devices }] : [],
  };
  const q = compileQuery(spec, "duckdb");
  const result = await duck.run(q.sql);
  // The BigQuery-dialect text, run as written on the stand-in (dev/bigquery/translate.ts), gives
  // the very same rows: its logic is checked, not only its grammar.
  expect(await duck.runBigQuery(compileQuery(spec, "bigquery").sql)).toEqual(result);
  const sums = readSums(result.header, result.rows, Object.keys(MEASURES), timeZone);
  const flat = flatten(events, {
    timeZone,
    period,
    from: FROM,
    to: TO,
    measures: MEASURES,
    devices,
  });
  const ctx = { timeZone, locale: "en_US" };
  expect(sums.length).toBeGreaterThan(0);
  for (const [label, kpiId, mapping] of CASES) {
    const kpi = getKpi(kpiId);
    const measures = kpiMeasures(
      kpi,
      Object.fromEntries(Object.entries(mapping).map(([input, m]) => [input, MEASURES[m]!])),
    );
    const fromSql = pointsFromSums(
      kpi,
      sums.map((s) => ({
        ...s,
        values: Object.fromEntries(Object.keys(measures).map((i) => [i, s.values[mapping[i]!]!])),
      })),
      period,
      ctx,
    );
    let fromSheet: PeriodPoint[];
    if (kpi.combine.kind === "distinct") {
      // One id per event row, as an export of raw hits would give: the engine counts distinct ids.
      const ids = flat.events.map((e) => e.user ?? "");
      fromSheet = kpiSeries(
        kpi,
        { dates: flat.dates, inputs: { visitor_ids: [ids] } },
        period,
        ctx,
      );
    } else {
      const inputs = Object.fromEntries(
        Object.entries(mapping).map(([input, m]) => [input, [flat.columns[m]!]]),
      );
      fromSheet = kpiSeries(kpi, { dates: flat.dates, inputs }, period, ctx);
    }
    expect(fromSql.length, label).toBeGreaterThan(0);
    // Days with data: a distinct count's sheet rows without an id are blank, so only the ratios
    // compare first/last/number of days.
    expectSame(fromSql, fromSheet, kpi.combine.kind !== "distinct");
  }
}

describe("DuckDB-dialect SQL against the engine on sheet rows", () => {
  for (const timeZone of ["Europe/Paris", "Asia/Tokyo", PROPERTY_ZONE, "Pacific/Kiritimati"]) {
    for (const period of PERIODS) {
      it(`${timeZone}, per ${period}: every GA4-preset KPI agrees`, async () => {
        await compare(timeZone, period);
      });
    }
  }

  it("agrees with a filter on a nested field (mobile and tablet only)", async () => {
    await compare("Europe/Paris", "week", ["mobile", "tablet"]);
  });

  it("the data set has what the cases need: midnight crossings, both engaged forms, nulls", () => {
    const bySession = new Map<string, Set<string>>();
    for (const e of events) {
      const sid = e.params.find((p) => p.key === "ga_session_id")?.int_value;
      if (e.user === null || sid === undefined) continue;
      const key = `${e.user}.${sid}`;
      if (!bySession.has(key)) bySession.set(key, new Set());
      bySession.get(key)?.add(localDate(e.micros / 1000, "Europe/Paris"));
    }
    expect([...bySession.values()].filter((days) => days.size > 1).length).toBeGreaterThan(3);
    const engaged = events.flatMap((e) => e.params.filter((p) => p.key === "session_engaged"));
    expect(engaged.some((p) => p.int_value === 1)).toBe(true);
    expect(engaged.some((p) => p.string_value === "1")).toBe(true);
    expect(events.some((e) => e.user === null)).toBe(true);
    expect(events.filter((e) => e.name === "purchase").length).toBeGreaterThan(10);
  });
});
