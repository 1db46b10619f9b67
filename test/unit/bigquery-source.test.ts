/**
 * How an objective names a BigQuery source (src/contract/rules/bigquery-source.ts), through the one rule
 * set: readable `bq:` forms accepted and parsed, names the SQL gate refuses refused with the field
 * named, tab sources unchanged.
 */
import { describe, expect, it } from "vitest";
import { parseBigQuerySource } from "../../src/contract/rules/bigquery-source.ts";
import {
  checkObjective,
  issueText,
  type RuleEnv,
  type RuleKpi,
} from "../../src/contract/rules/objective-rules.ts";

const RATE: RuleKpi = {
  id: "conversion",
  name: "Conversion rate",
  canBeNegative: false,
  inputs: [
    {
      name: "conversions",
      label: "Conversions",
      optional: false,
      multiColumn: true,
      countable: true,
    },
    { name: "visitors", label: "Visitors", optional: false, multiColumn: false, countable: true },
  ],
};
const env = (lang: "en" | "fr" = "en"): RuleEnv => ({
  lang,
  kpi: (id) => (id === "conversion" ? RATE : undefined),
  kpiIds: ["conversion"],
  formatValue: (v) => String(v),
  formatDay: (d) => `day ${d}`,
});
const GA4 = {
  name: "Online sales",
  kpiId: "conversion",
  sourceSheet: "bq:demo-project.analytics_123.events_*",
  dateColumn: "event_timestamp",
  inputs: { conversions: ["key_events: purchase, generate_lead"], visitors: ["sessions"] },
  direction: "higher",
  baseline: 0.02,
  target: 0.03,
  startDate: "2027-01-01",
  deadline: "2027-12-31",
  frequency: "monthly",
  owner: "Ana",
  businessGoal: "",
};

describe("a BigQuery source", () => {
  it("parses a GA4 export and its presets", () => {
    expect(checkObjective(GA4, env()).issues).toEqual([]);
    const parsed = parseBigQuerySource(GA4.sourceSheet, GA4.dateColumn, GA4.inputs);
    expect(parsed).toEqual({
      value: {
        source: { kind: "ga4", project: "demo-project", dataset: "analytics_123" },
        measures: {
          conversions: { kind: "ga4", preset: "key_events", events: ["purchase", "generate_lead"] },
          visitors: { kind: "ga4", preset: "sessions" },
        },
      },
    });
  });

  it("parses a table of yours with a TIMESTAMP column, SUM and COUNT(DISTINCT)", () => {
    const parsed = parseBigQuerySource(
      "bq:example.com:shop-prod.sales.orders",
      "created_at TIMESTAMP",
      {
        conversions: ["SUM(orders)"],
        visitors: ["count(distinct visitor_id)"],
      },
    );
    expect(parsed).toEqual({
      value: {
        source: {
          kind: "table",
          project: "example.com:shop-prod",
          dataset: "sales",
          table: "orders",
          dateColumn: "created_at",
          dateType: "timestamp",
        },
        measures: {
          conversions: { kind: "column", column: "orders", aggregate: "sum" },
          visitors: { kind: "column", column: "visitor_id", aggregate: "count_distinct" },
        },
      },
    });
  });

  it("refuses names that could break out of SQL, naming the field, en and fr", () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ sourceSheet: "bq:demo-project.analytics_123.events`; DROP TABLE x; --" }, "sourceSheet"],
      [{ sourceSheet: "bq:Demo Project.a.b" }, "sourceSheet"],
      [{ sourceSheet: "bq:demo-project.events_*" }, "sourceSheet"],
      [{ dateColumn: "event_date" }, "dateColumn"],
      [{ inputs: { conversions: ["key_events: purchase'--"], visitors: ["sessions"] } }, "inputs"],
      [{ inputs: { conversions: ["key_events"], visitors: ["sessions"] } }, "inputs"],
      [{ inputs: { conversions: ["SUM(orders)"], visitors: ["sessions"] } }, "inputs"],
      [
        { inputs: { conversions: ["purchases", "key_events: purchase"], visitors: ["sessions"] } },
        "inputs",
      ],
    ];
    for (const [change, field] of cases) {
      const { issues } = checkObjective({ ...GA4, ...change }, env());
      expect(
        issues.map((i) => i.field),
        JSON.stringify(change),
      ).toEqual([field]);
      expect(issueText(issues[0]!, "en")).toMatch(/BigQuery/);
      expect(issueText(issues[0]!, "fr")).toMatch(/BigQuery/);
    }
    const own = { ...GA4, sourceSheet: "bq:demo-project.sales.orders", dateColumn: "day; --" };
    expect(checkObjective(own, env()).issues.map((i) => i.field)).toEqual(["dateColumn"]);
  });

  it("leaves a tab source to the tab's rules", () => {
    const tab = {
      ...GA4,
      sourceSheet: "GA4 export",
      dateColumn: "Date",
      inputs: { conversions: ["Key events"], visitors: ["Sessions"] },
    };
    expect(checkObjective(tab, env()).issues).toEqual([]);
  });
});
