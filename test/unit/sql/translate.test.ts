/**
 * The stand-in's reading of KPI Pilot's BigQuery SQL (dev/bigquery/translate.ts) and the worker
 * that lets the emulator's synchronous Connected Sheets runner wait for DuckDB
 * (dev/bigquery/sync-duck.ts). The GA4 presets' equivalence, run as written, is in
 * equivalence.test.ts; here: a table of one's own with a TIMESTAMP column, literals that must come
 * back intact, what the stand-in refuses, and the worker's answers, errors and timeout.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckStandIn } from "../../../dev/bigquery/duckdb.ts";
import { bigQueryStandIn, DuckWorker } from "../../../dev/bigquery/sync-duck.ts";
import { bigQueryToDuckDb, TranslateError } from "../../../dev/bigquery/translate.ts";
import { parseIsoDay } from "../../../src/kpi/days.ts";
import { PERIODS } from "../../../src/kpi/periods.ts";
import { compileQuery } from "../../../src/kpi/sql/compile.ts";
import { bigquery } from "../../../src/kpi/sql/dialect.ts";
import type { QuerySpec } from "../../../src/kpi/sql/types.ts";

let duck: DuckStandIn;
beforeAll(async () => {
  duck = await DuckStandIn.create();
  const ds = await duck.dataset("shop-prod", "sales");
  // Orders at instants around midnight in Paris and Tokyo, and across Europe's spring DST change.
  await duck.run(
    `CREATE TABLE ${ds}."orders" (created_at TIMESTAMPTZ, amount DOUBLE, client VARCHAR)`,
  );
  await duck.run(`INSERT INTO ${ds}."orders" VALUES
    ('2024-03-30 22:30:00+00', 10, 'a'), ('2024-03-30 23:30:00+00', 20, 'b'),
    ('2024-03-31 00:30:00+00', 5, 'a'), ('2024-03-31 21:59:00+00', 7, 'c'),
    ('2024-03-31 22:01:00+00', 1, 'c'), ('2024-04-01 14:59:00+00', 2, 'd'),
    ('2024-04-01 15:01:00+00', 4, 'a'), ('2024-06-30 23:00:00+00', 100, 'e')`);
});
afterAll(() => duck?.close());

const ORDERS: QuerySpec = {
  source: {
    kind: "table",
    project: "shop-prod",
    dataset: "sales",
    table: "orders",
    dateColumn: "created_at",
    dateType: "timestamp",
  },
  measures: {
    revenue: { kind: "column", column: "amount", aggregate: "sum" },
    clients: { kind: "column", column: "client", aggregate: "count_distinct" },
  },
  period: "day",
  startDay: parseIsoDay("2024-03-30"),
  endDay: parseIsoDay("2024-07-01"),
  timeZone: "Europe/Paris",
};

describe("BigQuery SQL run as written on the stand-in", () => {
  for (const timeZone of ["Europe/Paris", "Asia/Tokyo"]) {
    for (const period of PERIODS) {
      it(`a TIMESTAMP column of one's own table, ${timeZone}, per ${period}: same rows as the DuckDB dialect`, async () => {
        const spec = { ...ORDERS, period, timeZone };
        const expected = await duck.run(compileQuery(spec, "duckdb").sql);
        expect(expected.rows.length).toBeGreaterThan(0);
        expect(await duck.runBigQuery(compileQuery(spec, "bigquery").sql)).toEqual(expected);
      });
    }
  }

  it("days by hand: Paris puts 22:30 UTC on 30 March into the 30th, 23:30 UTC into the 31st", async () => {
    const r = await duck.runBigQuery(compileQuery(ORDERS, "bigquery").sql);
    const byDay = Object.fromEntries(r.rows.map((row) => [String(row[0]), Number(row[4])]));
    // 22:30 UTC is 23:30 in Paris (UTC+1) on the 30th; 23:30 UTC is 01:30 on the 31st (UTC+2
    // from 02:00 local that night); 21:59 UTC on the 31st is 23:59 there, 22:01 UTC is 1 April.
    expect(byDay).toMatchObject({ "2024-03-30": 10, "2024-03-31": 32, "2024-04-01": 7 });
  });

  it("any text without control characters comes back from a BigQuery literal intact", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .string({ unit: "grapheme", maxLength: 30 })
          .filter((s) => [...s].every((c) => c.codePointAt(0)! >= 0x20)),
        async (text) => {
          const r = await duck.run(bigQueryToDuckDb(`SELECT ${bigquery.string(text)} AS v`));
          expect(r.rows[0]![0]).toBe(text);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("refuses what it does not know, naming it: a function, an escape, an open quote, a bare UNNEST", () => {
    const refusal = (sql: string) => {
      try {
        bigQueryToDuckDb(sql);
      } catch (e) {
        if (e instanceof TranslateError) return e.message;
        throw e;
      }
      return "translated";
    };
    expect(refusal("SELECT SAFE_DIVIDE(1, 2)")).toBe("no DuckDB rendering of SAFE_DIVIDE()");
    expect(refusal("SELECT 'a\\qb'")).toMatch(/unknown string escape \\q/);
    expect(refusal("SELECT 'open")).toMatch(/unterminated string/);
    expect(refusal("SELECT * FROM `p.d.t")).toMatch(/unterminated quoted name/);
    // UNNEST only as GA4's one-parameter subquery, which becomes DuckDB's list_filter.
    expect(refusal("SELECT 1 FROM UNNEST([1, 2])")).toBe("no DuckDB rendering of UNNEST()");
    expect(
      bigQueryToDuckDb(
        "SELECT (SELECT p.value.int_value FROM UNNEST(t.event_params) AS p WHERE p.key = 'it\\'s') FROM x AS t",
      ),
    ).toBe(
      "SELECT list_filter(t.event_params, lambda p: p.key = 'it''s')[1].value.int_value FROM x AS t",
    );
    // A function name inside a string or a comment is text, not a call.
    expect(refusal("SELECT 'SAFE_DIVIDE(1)' -- SAFE_DIVIDE(2)")).toBe("translated");
  });
});

describe("the worker behind the synchronous runner", () => {
  let worker: DuckWorker;
  beforeAll(async () => {
    worker = new DuckWorker();
    const ds = '"demo"."analytics_1"';
    await worker.run(`ATTACH ':memory:' AS "demo"`);
    await worker.run(`CREATE SCHEMA ${ds}`);
    await worker.run(
      `CREATE TABLE ${ds}."t" AS SELECT DATE '2024-01-01' + CAST(i AS INTEGER) AS d, i AS n FROM range(5) r(i)`,
    );
  });
  afterAll(() => worker?.close());

  it("answers synchronously, with numbers as numbers and dates as text, as Connected Sheets hands cells back", () => {
    const run = bigQueryStandIn(worker);
    const answer = run(
      "demo",
      "SELECT FORMAT_DATE('%F', DATE_TRUNC(d, MONTH)) AS p, SUM(n) AS total, MIN(d) AS first FROM `demo.analytics_1.t` GROUP BY p",
    );
    expect(answer).toMatchObject({
      header: ["p", "total", "first"],
      rows: [["2024-01-01", 10, "2024-01-01"]],
    });
    expect("seconds" in answer && typeof answer.seconds).toBe("number");
  });

  it("reads DuckDB's missing table as BigQuery's DATA_NOT_FOUND, an unknown function as ENGINE", () => {
    const run = bigQueryStandIn(worker);
    expect(run("demo", "SELECT 1 FROM `demo.analytics_1.nope`")).toMatchObject({
      error: "DATA_NOT_FOUND",
      message: expect.stringMatching(/nope/),
    });
    expect(run("demo", "SELECT SAFE_DIVIDE(1, 2)")).toMatchObject({
      error: "ENGINE",
      message: expect.stringMatching(/cannot run this query: no DuckDB rendering of SAFE_DIVIDE/),
    });
  });

  it("gives up on a slow query at the timeout, then answers the next one with its own result", () => {
    const slow = worker.runSync(
      "SELECT count(*) FROM range(60000000) a(i) WHERE hash(i) % 7 = 3",
      5,
    );
    expect(slow).toMatchObject({ ok: false, timedOut: true });
    const next = worker.runSync("SELECT 42 AS answer", 60_000);
    expect(next).toMatchObject({ ok: true, result: { header: ["answer"], rows: [[42]] } });
  });
});
