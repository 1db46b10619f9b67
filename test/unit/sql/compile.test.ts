/**
 * What the compiler refuses, and the tests that try to break out of a quote: identifiers are
 * validated (then quoted), values are escaped literals that come back intact, in DuckDB by running
 * the query and in BigQuery by parsing it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckStandIn } from "../../../dev/bigquery/duckdb.ts";
import { parseIsoDay } from "../../../src/kpi/days.ts";
import { getKpi } from "../../../src/kpi/registry/index.ts";
import { compileQuery, kpiMeasures } from "../../../src/kpi/sql/compile.ts";
import { type QuerySpec, SqlSpecError } from "../../../src/kpi/sql/types.ts";
import { parseBigQuery } from "./bigquery-parse.ts";

const base: QuerySpec = {
  source: { kind: "ga4", project: "acme-analytics", dataset: "analytics_1" },
  measures: { visitors: { kind: "ga4", preset: "sessions" } },
  period: "day",
  startDay: parseIsoDay("2024-03-01"),
  endDay: parseIsoDay("2024-03-31"),
  timeZone: "Europe/Paris",
};

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof SqlSpecError) return e.code;
    throw e;
  }
  return "no error";
}

const BREAKERS = [
  "x' OR '1'='1",
  "x'); DROP TABLE t; --",
  "\\' OR 1=1 --",
  "back\\slash",
  "it's",
  "@FIELD",
  "`backtick`",
  '"double"',
  "-- comment",
  "/* c */",
  "é ü 漢字 💥",
];

describe("refusals", () => {
  it("refuses a query without both ends of a date range, or reversed", () => {
    expect(codeOf(() => compileQuery({ ...base, startDay: null }, "bigquery"))).toBe("noDateRange");
    expect(codeOf(() => compileQuery({ ...base, endDay: null }, "duckdb"))).toBe("noDateRange");
    expect(codeOf(() => compileQuery({ ...base, startDay: 1.5 }, "duckdb"))).toBe("noDateRange");
    expect(codeOf(() => compileQuery({ ...base, startDay: base.endDay! + 1 }, "bigquery"))).toBe(
      "rangeReversed",
    );
  });

  it("bounds the GA4 partitions: two days beyond the range on each side", () => {
    const q = compileQuery(base, "bigquery");
    expect(q.sql).toContain("_TABLE_SUFFIX BETWEEN '20240228' AND '20240402'");
    expect([q.scanFrom, q.scanTo]).toEqual([base.startDay! - 2, base.endDay! + 2]);
    expect(q.table).toBe("acme-analytics.analytics_1.events_*");
  });

  it("bounds a table's own date column", () => {
    const source = {
      kind: "table",
      project: "acme-analytics",
      dataset: "crm",
      table: "orders",
      dateColumn: "created_at",
      dateType: "timestamp",
    } as const;
    const q = compileQuery(
      { ...base, source, measures: { n: { kind: "column", column: "orders", aggregate: "sum" } } },
      "bigquery",
    );
    expect(q.sql).toContain(
      "t.`created_at` >= TIMESTAMP(DATE '2024-03-01', 'Europe/Paris') AND t.`created_at` < TIMESTAMP(DATE '2024-04-01', 'Europe/Paris')",
    );
  });

  it("refuses identifiers that are not BigQuery names", () => {
    const ga4 = base.source as Extract<QuerySpec["source"], { kind: "ga4" }>;
    const with_ = (source: object) => () =>
      compileQuery({ ...base, source: { ...ga4, ...source } as QuerySpec["source"] }, "bigquery");
    expect(codeOf(with_({ project: "acme`; DROP" }))).toBe("badProject");
    expect(codeOf(with_({ project: "Acme" }))).toBe("badProject");
    expect(codeOf(with_({ project: "example.com:acme-analytics" }))).toBe("no error");
    expect(codeOf(with_({ dataset: "a.b" }))).toBe("badDataset");
    expect(codeOf(with_({ dataset: "a`b" }))).toBe("badDataset");
    const table = (t: object) => () =>
      compileQuery(
        {
          ...base,
          source: {
            kind: "table",
            project: "acme-analytics",
            dataset: "d",
            table: "t",
            dateColumn: "d",
            dateType: "date",
            ...t,
          } as QuerySpec["source"],
          measures: { n: { kind: "column", column: "x", aggregate: "sum" } },
        },
        "duckdb",
      );
    expect(codeOf(table({ table: 'x"; DROP TABLE y; --' }))).toBe("badTable");
    expect(codeOf(table({ table: "events_*" }))).toBe("badTable");
    expect(codeOf(table({ dateColumn: 'd" OR 1=1' }))).toBe("badColumn");
    expect(codeOf(table({ dateColumn: "a..b" }))).toBe("badColumn");
    expect(
      codeOf(() =>
        compileQuery(
          { ...base, filters: [{ field: "device.category`) OR (1", values: ["x"] }] },
          "bigquery",
        ),
      ),
    ).toBe("badColumn");
    expect(
      codeOf(() => compileQuery({ ...base, timeZone: "Europe/Paris') OR ('1" }, "bigquery")),
    ).toBe("badTimeZone");
    expect(codeOf(() => compileQuery({ ...base, timeZone: "Mars/Olympus" }, "bigquery"))).toBe(
      "badTimeZone",
    );
    expect(
      codeOf(() =>
        compileQuery(
          { ...base, measures: { 'x" FROM y; --': { kind: "ga4", preset: "users" } } },
          "duckdb",
        ),
      ),
    ).toBe("badMeasureName");
    expect(
      codeOf(() =>
        compileQuery({ ...base, measures: { days: { kind: "ga4", preset: "users" } } }, "duckdb"),
      ),
    ).toBe("badMeasureName");
  });

  it("refuses event names GA4 would not accept, and values with control characters", () => {
    const events = (events: string[]) => () =>
      compileQuery(
        { ...base, measures: { c: { kind: "ga4", preset: "key_events", events } } },
        "bigquery",
      );
    expect(codeOf(events(["purchase') OR 1=1 --"]))).toBe("badEventName");
    expect(codeOf(events([]))).toBe("noEvents");
    expect(codeOf(events(["purchase", "sign_up"]))).toBe("no error");
    for (const v of ["a\nb", "a\u0000b", "a\u2028b", "x".repeat(501)]) {
      expect(
        codeOf(() => compileQuery({ ...base, filters: [{ field: "f", values: [v] }] }, "duckdb")),
      ).toBe("badValue");
    }
  });

  it("checks a KPI's inputs against its combine", () => {
    const conversion = getKpi("conversion");
    expect(
      codeOf(() => kpiMeasures(conversion, { conversions: { kind: "ga4", preset: "users" } })),
    ).toBe("inputNotMapped");
    expect(
      codeOf(() =>
        kpiMeasures(getKpi("unique_visitors"), {
          visitor_ids: { kind: "ga4", preset: "page_views" },
        }),
      ),
    ).toBe("distinctNeedsCount");
    expect(
      codeOf(() =>
        kpiMeasures(getKpi("avg_visit_duration"), {
          durations: { kind: "ga4", preset: "engagement_seconds" },
        }),
      ),
    ).toBe("inputNotMapped");
  });
});

/** A BigQuery string literal's text, decoded as BigQuery's lexer does for the escapes we write. */
function decodeBigQuery(raw: string): string {
  return raw.replace(/\\(x[0-9a-fA-F]{2}|.)/g, (_, e: string) =>
    e.length === 3 ? String.fromCharCode(Number.parseInt(e.slice(1), 16)) : e,
  );
}

function stringsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) stringsIn(n, out);
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (o.type === "single_quote_string" && typeof o.value === "string") out.push(o.value);
    for (const v of Object.values(o)) stringsIn(v, out);
  }
  return out;
}

describe("values cannot break out of their quotes", () => {
  it("BigQuery: each value parses as one string literal and decodes to itself", () => {
    const { sql } = compileQuery(
      { ...base, filters: [{ field: "device.category", values: BREAKERS }] },
      "bigquery",
    );
    const strings = stringsIn(parseBigQuery(sql)).map(decodeBigQuery);
    for (const v of BREAKERS) expect(strings).toContain(v);
    expect(sql).not.toContain("@");
  });

  let duck: DuckStandIn;
  beforeAll(async () => {
    duck = await DuckStandIn.create();
    const ds = await duck.dataset("acme-analytics", "crm");
    await duck.run(`CREATE TABLE ${ds}."orders" (d DATE, n INTEGER, channel VARCHAR)`);
    const rows = BREAKERS.map(
      (b, i) => `(DATE '2024-03-02', ${i + 1}, '${b.replace(/'/g, "''")}')`,
    );
    await duck.run(
      `INSERT INTO ${ds}."orders" VALUES ${rows.join(", ")}, (DATE '2024-03-02', 1000, '1')`,
    );
  });
  afterAll(() => duck?.close());

  it("DuckDB, and BigQuery's text run as written: a filter on each breaker matches its one row", async () => {
    for (const [i, b] of BREAKERS.entries()) {
      const spec: QuerySpec = {
        ...base,
        source: {
          kind: "table",
          project: "acme-analytics",
          dataset: "crm",
          table: "orders",
          dateColumn: "d",
          dateType: "date",
        },
        measures: { n: { kind: "column", column: "n", aggregate: "sum" } },
        filters: [{ field: "channel", values: [b] }],
      };
      for (const r of [
        await duck.run(compileQuery(spec, "duckdb").sql),
        await duck.runBigQuery(compileQuery(spec, "bigquery").sql),
      ]) {
        expect(
          r.rows.map((row) => Number(row[4])),
          b,
        ).toEqual([i + 1]);
      }
    }
  });
});
