/**
 * A large GA4-export-shaped table generated inside DuckDB (for the benchmark and the
 * playground): sessions of 1 to 8 events spread over two years, one minute apart (so some cross
 * midnight), about 4% ending in a purchase, two thirds engaged, 200,000 users. Deterministic:
 * every value comes from hash() of the row numbers.
 */
import { createGa4Table, type SqlRunner } from "./duckdb.ts";

export interface BigOptions {
  readonly project: string;
  readonly dataset: string;
  /** About this many events (sessions average 4.5 events). */
  readonly events: number;
  readonly from: string;
  readonly days: number;
  readonly propertyTimeZone: string;
}

/** Creates and fills `events_*`; returns the number of events written. */
export async function generateBigGa4(duck: SqlRunner, o: BigOptions): Promise<number> {
  const table = await createGa4Table(duck, o.project, o.dataset);
  const sessions = Math.max(1, Math.round(o.events / 4.5));
  const span = BigInt(o.days) * 86_400_000_000n;
  const tz = o.propertyTimeZone.replace(/'/g, "''");
  await duck.run(`
    INSERT INTO ${table}
    WITH s AS (
      SELECT i AS sid,
        hash(i, 1) % 200000 AS user_n,
        epoch_us(TIMESTAMP '${o.from} 00:00:00') + CAST(hash(i, 2) % ${span} AS BIGINT) AS start_us,
        CAST(1 + hash(i, 3) % 8 AS BIGINT) AS n,
        hash(i, 4) % 100 AS r,
        hash(i, 5) % 3 AS device_n
      FROM range(${sessions}) t(i)
    ),
    e AS (
      SELECT s.*, k, start_us + k * 60000000 AS ts FROM s, range(s.n) r(k)
    )
    SELECT
      strftime(timezone('${tz}', make_timestamptz(ts)), '%Y%m%d') AS event_date,
      ts AS event_timestamp,
      CASE WHEN k = 0 THEN 'session_start' WHEN k = n - 1 AND r < 9 THEN 'purchase' ELSE 'page_view' END AS event_name,
      CASE WHEN r < 66 AND k > 0
        THEN [{'key': 'ga_session_id', 'value': {'string_value': NULL, 'int_value': sid, 'float_value': NULL, 'double_value': NULL}},
              {'key': 'session_engaged', 'value': {'string_value': '1', 'int_value': NULL, 'float_value': NULL, 'double_value': NULL}}]
        ELSE [{'key': 'ga_session_id', 'value': {'string_value': NULL, 'int_value': sid, 'float_value': NULL, 'double_value': NULL}}]
      END AS event_params,
      CAST(user_n AS VARCHAR) || '.1700000000' AS user_pseudo_id,
      {'category': ['desktop', 'mobile', 'tablet'][CAST(device_n AS BIGINT) + 1]} AS device,
      {'country': 'FR'} AS geo,
      {'source': 'google', 'medium': 'organic'} AS traffic_source,
      {'purchase_revenue': CASE WHEN k = n - 1 AND r < 9 THEN 10 + (hash(sid, 6) % 20000) / 100.0 END, 'transaction_id': NULL} AS ecommerce,
      strftime(timezone('${tz}', make_timestamptz(ts)), '%Y%m%d') AS "_TABLE_SUFFIX"
    FROM e`);
  const r = await duck.run(`SELECT count(*) FROM ${table}`);
  return Number(r.rows[0]![0]);
}

/**
 * What BigQuery would bill for reading `columns` of the stand-in table over the days scanned,
 * from BigQuery's data size rules (https://cloud.google.com/bigquery/pricing#data): a STRING is
 * 2 bytes + its UTF-8 length, INT64 / FLOAT64 / TIMESTAMP 8 bytes, NULL 0, a STRUCT or ARRAY
 * the sum of what it holds. `leaves` bills only the nested fields read; `whole` the entire
 * event_params record (an upper bound, should BigQuery bill the record as one column).
 */
export async function bigQueryBytes(
  duck: SqlRunner,
  table: string,
  columns: readonly string[],
  suffixFrom: string,
  suffixTo: string,
): Promise<{ leaves: number; whole: number }> {
  const str = (e: string) => `COALESCE(2 + strlen(${e}), 0)`;
  const int = (e: string) => `CASE WHEN ${e} IS NULL THEN 0 ELSE 8 END`;
  const parts: string[] = [];
  let wholeParams = "0";
  for (const c of columns) {
    if (c === "event_timestamp") parts.push(int("event_timestamp"));
    else if (c === "event_name" || c === "user_pseudo_id") parts.push(str(c));
    else if (c === "ecommerce.purchase_revenue") parts.push(int("ecommerce.purchase_revenue"));
    else if (c === "event_params") {
      parts.push(
        `COALESCE(list_sum(list_transform(event_params, lambda p: ${str("p.key")} + ${str("p.value.string_value")} + ${int("p.value.int_value")})), 0)`,
      );
      wholeParams = `COALESCE(list_sum(list_transform(event_params, lambda p: ${int("p.value.float_value")} + ${int("p.value.double_value")})), 0)`;
    } else throw new Error(`bigQueryBytes: no size rule for ${c}`);
  }
  const r = await duck.run(
    `SELECT SUM(${parts.join(" + ")}), SUM(${wholeParams}) FROM ${table} WHERE "_TABLE_SUFFIX" BETWEEN '${suffixFrom}' AND '${suffixTo}'`,
  );
  const leaves = Number(r.rows[0]![0]);
  return { leaves, whole: leaves + Number(r.rows[0]![1]) };
}
