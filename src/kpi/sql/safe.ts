/**
 * The gate between what a user typed and SQL. Identifiers must match BigQuery's own naming rules
 * (narrowed: no spaces, no quotes, no backticks) and are then quoted by the dialect; values are
 * checked for control characters and length, then escaped by the dialect as string literals.
 * Nothing typed is ever pasted into SQL unchecked, so a name cannot close a quote it sits in.
 */
import { SqlSpecError } from "./types.ts";

// Project ids: 6–30 lowercase letters, digits and hyphens, starting with a letter, not ending
// with a hyphen; older projects may carry a domain prefix ("example.com:my-project").
// https://cloud.google.com/resource-manager/docs/creating-managing-projects
const PROJECT = /^(?:[a-z][a-z0-9.-]{0,61}[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
// Datasets: letters, digits and underscores, up to 1,024 characters.
// https://cloud.google.com/bigquery/docs/datasets#dataset-naming
const DATASET = /^[A-Za-z0-9_]{1,1024}$/;
// Tables may hold more (Unicode letters, spaces); we accept the common subset and say so.
const TABLE = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,1023}$/;
// Columns: a letter or underscore, then letters, digits, underscores; 300 characters at most.
const COLUMN = /^[A-Za-z_][A-Za-z0-9_]{0,299}$/;
// GA4 event names: letters, digits and underscores, starting with a letter, 40 characters.
// https://support.google.com/analytics/answer/13316687
const EVENT = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
// Control characters never belong in a filter value; refusing them leaves the dialects only
// quotes and backslashes to escape.
function hasControl(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}
const MAX_VALUE = 500;
export const MAX_VALUES = 100;
const MEASURE_NAME = /^[a-z][a-z0-9_]{0,59}$/;

function check(re: RegExp, text: unknown, code: SqlSpecError["code"]): string {
  if (typeof text !== "string" || !re.test(text)) {
    throw new SqlSpecError(code, { value: String(text).slice(0, 80) });
  }
  return text;
}

export const checkProject = (s: unknown) => check(PROJECT, s, "badProject");
export const checkDataset = (s: unknown) => check(DATASET, s, "badDataset");
export const checkTable = (s: unknown) => check(TABLE, s, "badTable");
export const checkEventName = (s: unknown) => check(EVENT, s, "badEventName");
export const checkMeasureName = (s: unknown) => check(MEASURE_NAME, s, "badMeasureName");

/** A column or a nested field (`a.b.c`, at most 8 levels): its validated parts. */
export function checkColumnPath(path: unknown): string[] {
  if (typeof path !== "string") throw new SqlSpecError("badColumn", { value: String(path) });
  const parts = path.split(".");
  if (parts.length > 8) throw new SqlSpecError("badColumn", { value: path.slice(0, 80) });
  return parts.map((p) => {
    if (!COLUMN.test(p)) throw new SqlSpecError("badColumn", { value: path.slice(0, 80) });
    return p;
  });
}

/** A filter value: any text without control characters, 500 characters at most. */
export function checkValue(v: unknown): string {
  if (typeof v !== "string" || v.length > MAX_VALUE || hasControl(v)) {
    throw new SqlSpecError("badValue", { value: String(v).slice(0, 80) });
  }
  return v;
}

/** An IANA zone name that this runtime knows (so BigQuery and DuckDB know it too). */
export function checkTimeZone(tz: unknown): string {
  if (typeof tz !== "string" || !/^[A-Za-z]+(?:[/_+-][A-Za-z0-9]+)*$/.test(tz)) {
    throw new SqlSpecError("badTimeZone", { value: String(tz).slice(0, 80) });
  }
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
  } catch {
    throw new SqlSpecError("badTimeZone", { value: tz });
  }
  return tz;
}
