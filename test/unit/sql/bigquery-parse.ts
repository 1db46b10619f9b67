/** node-sql-parser with its BigQuery grammar: a syntax slip in the BigQuery dialect fails here. */
import parser from "node-sql-parser/build/bigquery.js";

const bq = new parser.Parser();

/** The AST of a BigQuery statement; throws on a syntax error. */
export function parseBigQuery(sql: string): unknown {
  return bq.astify(sql, { database: "bigquery" });
}
