/**
 * An objective whose data lives in BigQuery, as written in the Objectives tab so that a person can
 * read and type it:
 *
 * - Source: `bq:project.dataset.table`, or `bq:project.dataset.events_*` for a GA4 export.
 * - Date column: `event_timestamp` for a GA4 export; for a table of yours, its DATE column
 *   (`order_date`) or a TIMESTAMP one followed by the word (`created_at TIMESTAMP`).
 * - Each input: a GA4 preset (`sessions`, `key_events: purchase, generate_lead`), or for a table
 *   of yours `SUM(column)` / `COUNT(DISTINCT column)`.
 *
 * Names and event names are checked by the SQL compiler's own gate (src/kpi/sql/safe.ts), so a
 * source this accepts compiles, and one it refuses never reaches SQL. A source without the `bq:`
 * prefix is a tab, as before.
 */
import { GA4_WILDCARD } from "../../kpi/sql/compile.ts";
import { GA4_PRESETS, type Ga4PresetInfo, ga4Preset } from "../../kpi/sql/ga4.ts";
import {
  checkColumnPath,
  checkDataset,
  checkEventName,
  checkProject,
  checkTable,
} from "../../kpi/sql/safe.ts";
import type { Measure, SqlSource } from "../../kpi/sql/types.ts";

export const BIGQUERY_PREFIX = "bq:";
/** The GA4 export's instant of each event: the only date a GA4 source is read by. */
export const GA4_DATE_COLUMN = "event_timestamp";

export interface BigQuerySource {
  readonly source: SqlSource;
  /** KPI input name → what it aggregates. */
  readonly measures: Readonly<Record<string, Measure>>;
}

/** What is wrong, by field, with the text that was given. */
export interface BigQueryIssue {
  readonly field: "sourceSheet" | "dateColumn" | "inputs";
  readonly key: "bqSourceBad" | "bqDateColumnBad" | "bqInputBad";
  readonly value: string;
  readonly input?: string;
}

export function isBigQuerySource(sourceSheet: string): boolean {
  return sourceSheet.trim().toLowerCase().startsWith(BIGQUERY_PREFIX);
}

/** The GA4 presets the wizard offers for an input, and whether each asks for event names. */
export const GA4_PRESET_CHOICES: readonly Pick<Ga4PresetInfo, "id" | "label" | "needsEvents">[] =
  GA4_PRESETS;

/** The text of a source from its three names, as the Objectives tab holds it. */
export function bigQuerySourceText(project: string, dataset: string, table: string): string {
  return `${BIGQUERY_PREFIX}${project.trim()}.${dataset.trim()}.${table.trim()}`;
}

/** The three names of a source's text, read the way parseBigQuerySource reads them. */
export function bigQueryNames(sourceSheet: string): {
  project: string;
  dataset: string;
  table: string;
} {
  const parts = sourceSheet.trim().slice(BIGQUERY_PREFIX.length).split(".");
  // A project with a domain prefix ("example.com:proj") holds dots itself: the last two parts
  // are the dataset and the table.
  const table = parts.pop() ?? "";
  const dataset = parts.pop() ?? "";
  return { project: parts.join("."), dataset, table };
}

/** A GA4 input's text: the preset, then its event names when it takes some. */
export function ga4InputText(preset: string, events: string): string {
  return ga4Preset(preset)?.needsEvents ? `${preset}: ${events}` : preset;
}

/** The preset and event names of a GA4 input's text ("key_events: purchase"). */
export function ga4InputParts(text: string): { preset: string; events: string } {
  const m = /^([a-z_]+)\s*(?::\s*(.*))?$/.exec(text.trim());
  return { preset: m?.[1] ?? "", events: m?.[2] ?? "" };
}

function ok<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/**
 * Whether a filter's column can be a field of a BigQuery row (the compiler's column rule: names,
 * with dots for nested fields such as `device.category`); its values are escaped literals.
 */
export function isBigQueryField(column: string): boolean {
  return ok(() => checkColumnPath(column)) !== undefined;
}

function measureOf(term: string, ga4: boolean): Measure | undefined {
  const t = term.trim();
  if (ga4) {
    const m = /^([a-z_]+)\s*(?::\s*(.+))?$/.exec(t);
    const preset = m ? ga4Preset(m[1] as string) : undefined;
    if (!m || !preset) return undefined;
    const events = m[2]?.split(",").map((e) => e.trim());
    if (preset.needsEvents !== (events !== undefined)) return undefined;
    if (events?.some((e) => ok(() => checkEventName(e)) === undefined)) return undefined;
    return events ? { kind: "ga4", preset: preset.id, events } : { kind: "ga4", preset: preset.id };
  }
  const m = /^(SUM|COUNT)\s*\(\s*(DISTINCT\s+)?([A-Za-z0-9_.]+)\s*\)$/i.exec(t);
  if (!m) return undefined;
  const sum = (m[1] as string).toUpperCase() === "SUM";
  if (sum === (m[2] !== undefined)) return undefined; // SUM(x) or COUNT(DISTINCT x) only
  if (ok(() => checkColumnPath(m[3])) === undefined) return undefined;
  return { kind: "column", column: m[3] as string, aggregate: sum ? "sum" : "count_distinct" };
}

/**
 * The BigQuery source of an objective (fields as checked for text by objective-rules.ts), or the
 * first issue. Called by the rules and by the sheets side, so both read the same text one way.
 */
export function parseBigQuerySource(
  sourceSheet: string,
  dateColumn: string,
  inputs: Readonly<Record<string, readonly string[]>>,
): { value: BigQuerySource } | { issue: BigQueryIssue } {
  const bad = (issue: BigQueryIssue) => ({ issue });
  const { project, dataset, table } = bigQueryNames(sourceSheet);
  if (
    ok(() => checkProject(project)) === undefined ||
    ok(() => checkDataset(dataset)) === undefined ||
    (table !== GA4_WILDCARD && ok(() => checkTable(table)) === undefined)
  ) {
    return bad({ field: "sourceSheet", key: "bqSourceBad", value: sourceSheet });
  }
  const ga4 = table === GA4_WILDCARD;
  let source: SqlSource;
  if (ga4) {
    if (dateColumn.trim() !== GA4_DATE_COLUMN) {
      return bad({ field: "dateColumn", key: "bqDateColumnBad", value: dateColumn });
    }
    source = { kind: "ga4", project, dataset };
  } else {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\s+(DATE|TIMESTAMP))?$/i.exec(dateColumn.trim());
    if (!m) return bad({ field: "dateColumn", key: "bqDateColumnBad", value: dateColumn });
    const dateType = m[2]?.toUpperCase() === "TIMESTAMP" ? "timestamp" : "date";
    source = { kind: "table", project, dataset, table, dateColumn: m[1] as string, dateType };
  }
  const measures: Record<string, Measure> = {};
  for (const [name, terms] of Object.entries(inputs)) {
    const term = terms.length === 1 ? (terms[0] as string) : terms.join(" + ");
    const measure = terms.length === 1 ? measureOf(term, ga4) : undefined;
    if (!measure) return bad({ field: "inputs", key: "bqInputBad", value: term, input: name });
    measures[name] = measure;
  }
  return { value: { source, measures } };
}
