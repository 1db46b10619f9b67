/**
 * The BigQuery dialect: a snapshot of one objective's query, and every query shape (each preset,
 * each period, a table with a DATE or TIMESTAMP column, filters) parsed by a BigQuery grammar.
 */
import { describe, expect, it } from "vitest";
import { parseIsoDay } from "../../../src/kpi/days.ts";
import { PERIODS } from "../../../src/kpi/periods.ts";
import { getKpi } from "../../../src/kpi/registry/index.ts";
import { compileQuery, kpiMeasures } from "../../../src/kpi/sql/compile.ts";
import { GA4_PRESETS } from "../../../src/kpi/sql/ga4.ts";
import type { Measure, QuerySpec } from "../../../src/kpi/sql/types.ts";
import { parseBigQuery } from "./bigquery-parse.ts";

const RANGE = { startDay: parseIsoDay("2024-01-01"), endDay: parseIsoDay("2025-12-31") };
const GA4 = { kind: "ga4", project: "acme-analytics", dataset: "analytics_123456789" } as const;

const ONLINE_SALES: QuerySpec = {
  source: GA4,
  measures: kpiMeasures(getKpi("conversion"), {
    conversions: { kind: "ga4", preset: "key_events", events: ["purchase"] },
    visitors: { kind: "ga4", preset: "sessions" },
  }),
  period: "month",
  ...RANGE,
  timeZone: "Europe/Paris",
};

describe("the BigQuery dialect", () => {
  it("writes the online-sales conversion per month as in the snapshot", async () => {
    await expect(compileQuery(ONLINE_SALES, "bigquery").sql).toMatchFileSnapshot(
      "__snapshots__/online-sales-month.bigquery.sql",
    );
  });

  it("parses for every preset and every period", () => {
    for (const preset of GA4_PRESETS) {
      const m: Measure = { kind: "ga4", preset: preset.id, events: ["purchase", "sign_up"] };
      for (const period of PERIODS) {
        const { sql } = compileQuery(
          {
            source: GA4,
            measures: { value: m },
            period,
            ...RANGE,
            timeZone: "America/New_York",
            filters: [{ field: "traffic_source.medium", values: ["cpc", "it's \\ @x"] }],
          },
          "bigquery",
        );
        expect(() => parseBigQuery(sql), `${preset.id} per ${period}`).not.toThrow();
      }
    }
  });

  it("parses for a table of the user's, with a DATE or a TIMESTAMP column", () => {
    for (const dateType of ["date", "timestamp"] as const) {
      const { sql } = compileQuery(
        {
          source: {
            kind: "table",
            project: "acme-analytics",
            dataset: "crm",
            table: "orders_2024",
            dateColumn: dateType === "date" ? "order_date" : "created_at",
            dateType,
          },
          measures: {
            conversions: { kind: "column", column: "orders", aggregate: "sum" },
            visitors: { kind: "column", column: "visit.visitor_id", aggregate: "count_distinct" },
          },
          period: "week",
          ...RANGE,
          timeZone: "Asia/Tokyo",
          filters: [{ field: "country", values: ["FR", "BE"] }],
        },
        "bigquery",
      );
      expect(() => parseBigQuery(sql), dateType).not.toThrow();
    }
  });

  it("the parser catches a slip: a missing parenthesis, a stray comma, a lost quote", () => {
    const { sql } = compileQuery(ONLINE_SALES, "bigquery");
    expect(() => parseBigQuery(sql)).not.toThrow();
    expect(() =>
      parseBigQuery(
        sql.replace("TIMESTAMP_MICROS(t.event_timestamp)", "TIMESTAMP_MICROS(t.event_timestamp"),
      ),
    ).toThrow();
    expect(() => parseBigQuery(sql.replace("AS period_start,", "AS period_start,,"))).toThrow();
    expect(() => parseBigQuery(sql.replace("'ga_session_id'", "'ga_session_id"))).toThrow();
  });
});
