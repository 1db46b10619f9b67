/**
 * Runs KPI Pilot's BigQuery SQL, as written, on the DuckDB stand-in: a token-level rendering of
 * the closed set of BigQuery constructs that src/kpi/sql's BigQuery dialect writes, onto DuckDB
 * macros that give them BigQuery's meaning. It is not a general BigQuery translator: any
 * function it does not know, a string escape it does not know, or an unterminated quote is
 * refused with the construct named, so the stand-in never answers a query it did not understand.
 *
 * Why a translation and not the DuckDB dialect: the playground and the emulator only see the
 * raw query Connected Sheets would get. Running that very text checks the BigQuery dialect's
 * logic, not only its grammar (test/unit/sql/translate.test.ts compares it with the DuckDB
 * dialect on every preset and period).
 */

/** DuckDB macros with the meaning of the BigQuery functions the dialect uses (created once per database). */
export const BIGQUERY_MACROS: readonly string[] = [
  // TIMESTAMP_MICROS(int64): the instant; DuckDB's TIMESTAMPTZ is an instant.
  "CREATE OR REPLACE MACRO bq_timestamp_micros(x) AS timezone('UTC', make_timestamp(x))",
  // DATE(timestamp, zone): the calendar day of the instant in that zone.
  "CREATE OR REPLACE MACRO bq_date(ts, tz) AS CAST(timezone(tz, ts) AS DATE)",
  // TIMESTAMP(date, zone): the first instant of that day in that zone.
  "CREATE OR REPLACE MACRO bq_timestamp(d, tz) AS timezone(tz, CAST(d AS TIMESTAMP))",
  // DATE_TRUNC(date, part): the first day of the period, as a DATE (ISOWEEK starts on Monday).
  "CREATE OR REPLACE MACRO bq_date_trunc(d, part) AS CAST(date_trunc(part, d) AS DATE)",
  // FORMAT_DATE(format, date), for the one format the dialect uses (%F = %Y-%m-%d).
  "CREATE OR REPLACE MACRO bq_format_date(f, d) AS strftime(d, replace(f, '%F', '%Y-%m-%d'))",
  // CONCAT(a, b): NULL when either is NULL, as BigQuery's (DuckDB's concat() would skip it).
  "CREATE OR REPLACE MACRO bq_concat(a, b) AS a || b",
];

/** BigQuery function → DuckDB rendering; functions both engines share keep their name. */
const FUNCTIONS: Readonly<Record<string, string>> = {
  DATE: "bq_date",
  TIMESTAMP: "bq_timestamp",
  TIMESTAMP_MICROS: "bq_timestamp_micros",
  DATE_TRUNC: "bq_date_trunc",
  FORMAT_DATE: "bq_format_date",
  CONCAT: "bq_concat",
  CAST: "CAST",
  COALESCE: "COALESCE",
  COUNT: "COUNT",
  SUM: "SUM",
  MIN: "MIN",
  MAX: "MAX",
};

/** DATE_TRUNC's date parts, as the text date_trunc() takes. */
const DATE_PARTS: Readonly<Record<string, string>> = {
  ISOWEEK: "'week'",
  MONTH: "'month'",
  QUARTER: "'quarter'",
  YEAR: "'year'",
};

/** BigQuery's escapes that the dialect can write (https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#escape_sequences). */
const ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  n: "\n",
  t: "\t",
};

export class TranslateError extends Error {}

/** `(SELECT p.value.F FROM UNNEST(row.list) AS p WHERE p.key = '`, up to the key's opening quote. */
const PARAM_SUBQUERY =
  /^\(SELECT (\w+)\.value\.(\w+) FROM UNNEST\(([A-Za-z_][\w.]*)\) AS \1 WHERE \1\.key = '/;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A BigQuery string literal (from its opening quote at `at`) decoded; returns the text and where it ends. */
function readString(sql: string, at: number): { text: string; end: number } {
  let text = "";
  let i = at + 1;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'") return { text, end: i + 1 };
    if (c === "\\") {
      const e = sql[i + 1] ?? "";
      if (e === "x" && /^[0-9a-fA-F]{2}$/.test(sql.slice(i + 2, i + 4))) {
        text += String.fromCharCode(Number.parseInt(sql.slice(i + 2, i + 4), 16));
        i += 4;
        continue;
      }
      const known = ESCAPES[e];
      if (known === undefined) throw new TranslateError(`unknown string escape \\${e} at ${i}`);
      text += known;
      i += 2;
      continue;
    }
    text += c;
    i++;
  }
  throw new TranslateError(`unterminated string starting at ${at}`);
}

/** KPI Pilot's BigQuery SQL in DuckDB's dialect, over the macros of BIGQUERY_MACROS. */
export function bigQueryToDuckDb(sql: string): string {
  let out = "";
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'") {
      const s = readString(sql, i);
      out += `'${s.text.replace(/'/g, "''")}'`;
      i = s.end;
    } else if (c === "`") {
      const end = sql.indexOf("`", i + 1);
      if (end < 0) throw new TranslateError(`unterminated quoted name starting at ${i}`);
      // `project.dataset.table` is one quoted path in BigQuery; DuckDB quotes each part.
      out += sql
        .slice(i + 1, end)
        .split(".")
        .map(quoteIdent)
        .join(".");
      i = end + 1;
    } else if (c === "(" && PARAM_SUBQUERY.test(sql.slice(i, i + 200))) {
      // GA4's documented way to read one event parameter, a scalar subquery over the repeated
      // record, in DuckDB's list form: the same value, without a correlated subquery per row
      // (seven times slower on DuckDB).
      const m = PARAM_SUBQUERY.exec(sql.slice(i, i + 200))!;
      const key = readString(sql, i + m[0].length - 1);
      if (sql[key.end] !== ")") throw new TranslateError(`unclosed parameter subquery at ${i}`);
      const [, alias, field, list] = m;
      out += `list_filter(${list}, lambda ${alias}: ${alias}.key = '${key.text.replace(/'/g, "''")}')[1].value.${field}`;
      i = key.end + 1;
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      out += end < 0 ? sql.slice(i) : sql.slice(i, end);
      i = end < 0 ? sql.length : end;
    } else if (/[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i))![0];
      i += word.length;
      if (sql[i] === "(") {
        const rendered = FUNCTIONS[word.toUpperCase()];
        if (rendered === undefined) throw new TranslateError(`no DuckDB rendering of ${word}()`);
        out += rendered;
      } else if (word in DATE_PARTS && /^\s*\)/.test(sql.slice(i))) {
        out += DATE_PARTS[word];
      } else {
        out += word;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
