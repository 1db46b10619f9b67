/**
 * DuckDB as a local stand-in for BigQuery: a project is an attached in-memory catalog, a dataset
 * a schema, and a GA4 export one table named `events_*` whose `_TABLE_SUFFIX` column holds what
 * BigQuery's wildcard pseudo-column would (the daily table's YYYYMMDD). The DuckDB dialect of
 * src/kpi/sql then reads it with the very query shape BigQuery gets.
 */
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { BIGQUERY_MACROS, bigQueryToDuckDb } from "./translate.ts";

export interface QueryResult {
  readonly header: string[];
  readonly rows: unknown[][];
}

/** The columns of the GA4 export that the presets and the tests use, typed as the export is. */
export const GA4_COLUMNS = `
  event_date VARCHAR,
  event_timestamp BIGINT,
  event_name VARCHAR,
  event_params STRUCT(key VARCHAR, value STRUCT(string_value VARCHAR, int_value BIGINT, float_value DOUBLE, double_value DOUBLE))[],
  user_pseudo_id VARCHAR,
  device STRUCT(category VARCHAR),
  geo STRUCT(country VARCHAR),
  traffic_source STRUCT(source VARCHAR, medium VARCHAR),
  ecommerce STRUCT(purchase_revenue DOUBLE, transaction_id VARCHAR),
  "_TABLE_SUFFIX" VARCHAR`;

/** What runs SQL on a DuckDB database: the in-process stand-in, or its worker (sync-duck.ts). */
export interface SqlRunner {
  run(sql: string): Promise<QueryResult>;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates the project's catalog and the dataset's schema, if missing; returns the dataset's name. */
export async function createDataset(
  duck: SqlRunner,
  project: string,
  dataset: string,
): Promise<string> {
  const known = await duck.run(
    `SELECT 1 FROM duckdb_databases() WHERE database_name = '${project.replace(/'/g, "''")}'`,
  );
  if (known.rows.length === 0) await duck.run(`ATTACH ':memory:' AS ${q(project)}`);
  await duck.run(`CREATE SCHEMA IF NOT EXISTS ${q(project)}.${q(dataset)}`);
  return `${q(project)}.${q(dataset)}`;
}

/** An empty GA4 export (the `events_*` stand-in) in project.dataset; returns its name. */
export async function createGa4Table(
  duck: SqlRunner,
  project: string,
  dataset: string,
): Promise<string> {
  const table = `${await createDataset(duck, project, dataset)}.${q("events_*")}`;
  await duck.run(`CREATE OR REPLACE TABLE ${table} (${GA4_COLUMNS})`);
  return table;
}

export class DuckStandIn {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async create(options: { threads?: number } = {}): Promise<DuckStandIn> {
    const instance = await DuckDBInstance.create(":memory:", {
      threads: String(options.threads ?? 1),
    });
    const duck = new DuckStandIn(instance, await instance.connect());
    for (const macro of BIGQUERY_MACROS) await duck.run(macro);
    return duck;
  }

  async run(sql: string): Promise<QueryResult> {
    const reader = await this.connection.runAndReadAll(sql);
    return { header: reader.columnNames(), rows: reader.getRowsJS() as unknown[][] };
  }

  /** Creates the project's catalog and the dataset's schema, if missing. */
  dataset(project: string, dataset: string): Promise<string> {
    return createDataset(this, project, dataset);
  }

  /** An empty GA4 export (the `events_*` stand-in) in project.dataset; returns its name. */
  ga4Table(project: string, dataset: string): Promise<string> {
    return createGa4Table(this, project, dataset);
  }

  /** KPI Pilot's BigQuery-dialect SQL, run as written (see translate.ts). */
  runBigQuery(sql: string): Promise<QueryResult> {
    return this.run(bigQueryToDuckDb(sql));
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
