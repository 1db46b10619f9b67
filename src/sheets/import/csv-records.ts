/**
 * A CSV file's records: split by RFC 4180, and which separator the file uses. (Its bytes are
 * decoded in src/contract/import.ts, where the sidebar can reach it.)
 */
import type { CsvError } from "../../contract/import.ts";

// ---------------------------------------------------------------------------------------------
// Records

export interface Record_ {
  fields: string[];
  /** Whether each field was quoted (a quoted field is text as written, not trimmed). */
  quoted: boolean[];
  line: number;
}

type Split = { ok: true; records: Record_[] } | { ok: false; error: CsvError };

/** RFC 4180, leniently: stray quotes inside an unquoted field are kept as text, as Sheets does. */
export function splitRecords(text: string, separator: string, limit = Infinity): Split {
  const records: Record_[] = [];
  let fields: string[] = [];
  let quoted: boolean[] = [];
  let field = "";
  let isQuoted = false;
  let inQuotes = false;
  let quoteLine = 0;
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    fields.push(field);
    quoted.push(isQuoted);
    field = "";
    isQuoted = false;
  };
  const endRecord = () => {
    endField();
    records.push({ fields, quoted, line: recordLine });
    fields = [];
    quoted = [];
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === "" && !isQuoted) {
      inQuotes = true;
      isQuoted = true;
      quoteLine = line;
      field = "";
    } else if (ch === separator) {
      endField();
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
      if (records.length >= limit) return { ok: true, records };
    } else {
      field += ch;
    }
  }
  if (inQuotes) return { ok: false, error: { code: "unbalancedQuote", line: quoteLine } };
  if (field !== "" || fields.length > 0 || isQuoted) endRecord();
  return { ok: true, records };
}

export function isBlank(record: Record_): boolean {
  return record.fields.every((f, i) => f.trim() === "" && !record.quoted[i]);
}

/** A comment line (GA4's "#"): says nothing of the separator. */
function isComment(record: Record_): boolean {
  return (record.fields[0]?.trim() ?? "").startsWith("#");
}

/**
 * Picks the separator whose split of the first lines is the most regular and widest: the share
 * of lines as wide as the most common width, which must be 2 or more (a split that leaves every
 * line whole found no table). Title lines above the header lower every split's share alike;
 * comment lines do not vote.
 */
export function detectSeparator(text: string): "," | ";" | "\t" {
  let best: { sep: "," | ";" | "\t"; score: number } = { sep: ",", score: -1 };
  for (const sep of [",", ";", "\t"] as const) {
    const split = splitRecords(text, sep, 60);
    if (!split.ok) continue;
    const records = split.records.filter((r) => !isBlank(r) && !isComment(r));
    if (records.length === 0) continue;
    const widths = new Map<number, number>();
    for (const r of records) widths.set(r.fields.length, (widths.get(r.fields.length) ?? 0) + 1);
    // The most frequent width, the wider on a tie: the table's.
    let width = 0;
    let count = 0;
    for (const [w, n] of widths)
      if (n > count || (n === count && w > width)) [width, count] = [w, n];
    if (width < 2) continue;
    const regular = count / records.length;
    // Regularity first; among equally regular splits, the one giving more columns.
    const score = regular * 1000 + Math.min(width, 999);
    if (score > best.score) best = { sep, score };
  }
  return best.sep;
}
