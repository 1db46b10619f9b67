/**
 * Five events worked out by hand, so the equivalence tests do not merely agree with themselves.
 * A session of user A starts at 23:50 in Paris on 30 March 2024 and buys ten minutes later, on
 * the 31st (Paris is UTC+1 until 01:00 UTC that day); user B has an engaged session at noon on
 * the 31st; an event without a user (consent mode) is never a session or a user.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckStandIn } from "../../../dev/bigquery/duckdb.ts";
import { type Ga4Event, insertSql } from "../../../dev/bigquery/ga4-events.ts";
import { parseIsoDay } from "../../../src/kpi/days.ts";
import type { Period } from "../../../src/kpi/periods.ts";
import { getKpi } from "../../../src/kpi/registry/index.ts";
import { pointsFromSums } from "../../../src/kpi/series.ts";
import { compileQuery } from "../../../src/kpi/sql/compile.ts";
import { readSums } from "../../../src/kpi/sql/result.ts";

const at = (iso: string) => Date.parse(iso) * 1000;
const ev = (
  iso: string,
  name: string,
  user: string | null,
  sid: number,
  extra: Partial<Ga4Event> = {},
): Ga4Event => ({
  micros: at(iso),
  name,
  user,
  params: [{ key: "ga_session_id", int_value: sid }],
  device: "desktop",
  revenue: null,
  ...extra,
});
const EVENTS: Ga4Event[] = [
  ev("2024-03-30T22:50:00Z", "session_start", "A", 111),
  ev("2024-03-30T23:05:00Z", "page_view", "A", 111),
  ev("2024-03-30T23:10:00Z", "purchase", "A", 111, { revenue: 50 }),
  ev("2024-03-31T10:00:00Z", "page_view", "B", 222, {
    params: [
      { key: "ga_session_id", int_value: 222 },
      { key: "session_engaged", string_value: "1" },
    ],
  }),
  ev("2024-03-31T11:00:00Z", "page_view", null, 333),
];
const SOURCE = { kind: "ga4", project: "hand-project", dataset: "ga4" } as const;

let duck: DuckStandIn;
beforeAll(async () => {
  duck = await DuckStandIn.create();
  await duck.run(
    insertSql(await duck.ga4Table(SOURCE.project, SOURCE.dataset), EVENTS, "America/Los_Angeles"),
  );
});
afterAll(() => duck?.close());

async function series(
  kpiId: string,
  measures: Record<string, import("../../../src/kpi/sql/types.ts").Measure>,
  period: Period,
  timeZone: string,
) {
  const q = compileQuery(
    {
      source: SOURCE,
      measures,
      period,
      startDay: parseIsoDay("2024-03-30"),
      endDay: parseIsoDay("2024-03-31"),
      timeZone,
    },
    "duckdb",
  );
  const r = await duck.run(q.sql);
  const sums = readSums(r.header, r.rows, Object.keys(measures), timeZone);
  return pointsFromSums(getKpi(kpiId), sums, period, { timeZone, locale: "en_US" }).map((p) => ({
    day: new Date(p.start * 86_400_000).toISOString().slice(0, 10),
    n: p.numerator,
    d: p.denominator,
    value: p.value,
  }));
}

const SALES = {
  conversions: { kind: "ga4", preset: "key_events", events: ["purchase"] },
  visitors: { kind: "ga4", preset: "sessions" },
} as const;

describe("by hand", () => {
  it("per day in Paris: 0 of 1 session on the 30th, 1 of 2 on the 31st", async () => {
    expect(await series("conversion", SALES, "day", "Europe/Paris")).toEqual([
      { day: "2024-03-30", n: 0, d: 1, value: 0 },
      { day: "2024-03-31", n: 1, d: 2, value: 0.5 },
    ]);
  });

  it("per day in UTC the purchase falls on the 30th", async () => {
    expect(await series("conversion", SALES, "day", "UTC")).toEqual([
      { day: "2024-03-30", n: 1, d: 1, value: 1 },
      { day: "2024-03-31", n: 0, d: 1, value: 0 },
    ]);
  });

  it("per month, A's session crossing midnight counts once: 1 of 2, not 1 of 3", async () => {
    expect(await series("conversion", SALES, "month", "Europe/Paris")).toEqual([
      { day: "2024-03-01", n: 1, d: 2, value: 0.5 },
    ]);
  });

  it("bounce rate, users and revenue for March", async () => {
    const bounce = await series(
      "bounce_rate",
      {
        bounces: { kind: "ga4", preset: "non_engaged_sessions" },
        sessions: { kind: "ga4", preset: "sessions" },
      },
      "month",
      "Europe/Paris",
    );
    expect(bounce).toEqual([{ day: "2024-03-01", n: 1, d: 2, value: 0.5 }]);
    const users = await series(
      "unique_visitors",
      { visitor_ids: { kind: "ga4", preset: "users" } },
      "month",
      "Europe/Paris",
    );
    expect(users).toEqual([{ day: "2024-03-01", n: 2, d: null, value: 2 }]);
    const revenue = await series(
      "conversion",
      {
        conversions: { kind: "ga4", preset: "purchase_revenue" },
        visitors: { kind: "ga4", preset: "users" },
      },
      "month",
      "Europe/Paris",
    );
    expect(revenue).toEqual([{ day: "2024-03-01", n: 50, d: 2, value: 25 }]);
  });
});
