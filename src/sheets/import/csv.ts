/**
 * Reads a CSV export the way a marketer's files actually come: comma, semicolon or tab separated,
 * UTF-8 with or without a byte-order mark (or Excel's Windows-1252 / UTF-16), French decimals,
 * ISO, day/month/year or yyyymmdd dates; comment and title lines above the header (GA4's "#"
 * lines, Google Ads' title and date range, "sep=,") and summary rows below the data ("Total :
 * compte", « Totaux »). The one parser of both the add-on's import and the playground's. Pure: no
 * workbook, no time zone. A malformed file yields an error code with what a user needs to fix it,
 * never a half-read table.
 */

import { type CsvEncoding, type CsvError, decodeCsvBytes } from "../../contract/import.ts";
import { isTotalLabel, parseDayText } from "../../kpi/cells.ts";
import { dayParts } from "../../kpi/days.ts";
import { findHeaderRow } from "../workbook/cells.ts";
import { detectSeparator, isBlank, type Record_, splitRecords } from "./csv-records.ts";

export type { CsvEncoding, CsvError, CsvErrorCode } from "../../contract/import.ts";
export { decodeCsvBytes } from "../../contract/import.ts";
export { detectSeparator, splitRecords } from "./csv-records.ts";

/** A calendar date (and wall-clock time) as written in the file; placed in a zone on import. */
export interface CsvDate {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  readonly hh: number;
  readonly mi: number;
  readonly ss: number;
  /** Minutes east of UTC when the text carried an offset ("Z", "+02:00"). */
  readonly offsetMinutes?: number;
  readonly hasTime: boolean;
}

export type CsvCell = string | number | CsvDate | null;

export type CsvColumnKind =
  | "empty"
  | "text"
  | "number"
  | "percent"
  | "currency"
  | "date"
  | "datetime";

export interface ParsedCsv {
  /** Header row first, then the data rows (summary rows apart); the header is kept as text. */
  readonly rows: CsvCell[][];
  /** The lines above the header (titles, comments), as text, in file order. */
  readonly preamble: string[][];
  /** 1-based line of the header in the file. */
  readonly headerLine: number;
  /** The summary rows below the data ("Total", « Totaux »), read like data, in file order. */
  readonly footers: CsvCell[][];
  readonly columns: number;
  readonly separator: "," | ";" | "\t";
  readonly decimal: "," | ".";
  /** How the dates are written ("yyyy-mm-dd", "dd/mm/yyyy", "yyyymmdd"…); absent without dates. */
  readonly dateFormat?: string;
  /** How slashed dates were read; absent when the file has none. */
  readonly dateOrder?: "dmy" | "mdy";
  readonly encoding: CsvEncoding;
  readonly kinds: CsvColumnKind[];
  /** The currency symbol of each "currency" column, when one was written. */
  readonly currencies: (string | undefined)[];
}

export type CsvResult = { ok: true; csv: ParsedCsv } | { ok: false; error: CsvError };

/** Sheets' own ceiling is 10 million cells; the playground keeps to a workbook a browser can draw. */
export const MAX_CELLS = 2_000_000;

export function isCsvDate(value: unknown): value is CsvDate {
  return typeof value === "object" && value !== null && "y" in value && "hasTime" in value;
}

// ---------------------------------------------------------------------------------------------
// Values

const CURRENCY = /^(?:€|\$|£|¥|US\$|CHF|EUR|USD|GBP)$/;
const SPACES = /[\s\u00a0\u202f]/g;

/** Which decimal mark a numeric-looking field argues for, if it argues at all. */
function decimalVote(raw: string): "," | "." | undefined {
  const body = stripUnits(raw).body;
  // "2 410": thousands grouped by spaces are written where the decimal mark is a comma.
  if (/^[-+]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/.test(body)) return ",";
  const s = body.replace(SPACES, "");
  if (!/^[-+]?\d[\d.,]*$/.test(s)) return undefined;
  const commas = s.split(",").length - 1;
  const dots = s.split(".").length - 1;
  if (commas > 0 && dots > 0) return s.lastIndexOf(",") > s.lastIndexOf(".") ? "," : ".";
  if (commas > 1) return ".";
  if (dots > 1) return ",";
  const digitsAfter = (mark: string) => s.length - s.indexOf(mark) - 1;
  // "1,234" may be a thousand; "12,5" or "0,25" cannot be.
  if (commas === 1 && (digitsAfter(",") !== 3 || /^[-+]?0,/.test(s))) return ",";
  if (dots === 1 && (digitsAfter(".") !== 3 || /^[-+]?0\./.test(s))) return ".";
  return undefined;
}

function stripUnits(raw: string): { body: string; percent: boolean; currency?: string } {
  let s = raw.trim();
  let percent = false;
  let currency: string | undefined;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  const pre = /^([-+]?)\s*(€|\$|£|¥|US\$|CHF|EUR|USD|GBP)\s*(.*)$/.exec(s);
  if (pre) {
    currency = pre[2];
    s = `${pre[1]}${pre[3]}`;
  } else {
    const post = /^(.*?)\s*(€|\$|£|¥|CHF|EUR|USD|GBP)$/.exec(s);
    if (post && CURRENCY.test(post[2] as string)) {
      currency = post[2];
      s = post[1] as string;
    }
  }
  return currency === undefined ? { body: s, percent } : { body: s, percent, currency };
}

/** A number written with the file's decimal mark; undefined when the text is not one. */
export function parseNumber(
  raw: string,
  decimal: "," | ".",
): { value: number; percent: boolean; currency?: string } | undefined {
  const { body, percent, currency } = stripUnits(raw);
  if (percent && currency) return undefined;
  let s = body.replace(/[\u00a0\u202f]/g, " ");
  if (!/\d/.test(s)) return undefined;
  const group = decimal === "," ? "[ .]" : "[ ,]";
  const dec = decimal === "," ? "," : "\\.";
  const re = new RegExp(
    `^([-+]?)(\\d{1,3}(?:${group}\\d{3})+|\\d+)?(?:${dec}(\\d+))?(?:[eE]([-+]?\\d+))?$`,
  );
  const m = re.exec(s);
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  // Mixed group marks ("1 234.567,8") or an exponent after a comma decimal are not numbers.
  const groups = m[2]?.replace(/\d/g, "") ?? "";
  if (new Set(groups).size > 1) return undefined;
  if (m[4] !== undefined && decimal === ",") return undefined;
  s = `${m[1]}${(m[2] ?? "0").replace(/[ .,]/g, "")}.${m[3] ?? "0"}${m[4] === undefined ? "" : `e${m[4]}`}`;
  const value = Number(s);
  if (!Number.isFinite(value)) return undefined;
  const out = { value: percent ? value / 100 : value, percent };
  return currency === undefined ? out : { ...out, currency };
}

/** A leading zero marks an identifier or a postcode: Sheets would lose it, the engine needs it. */
function looksLikeIdentifier(raw: string): boolean {
  return /^0\d+$/.test(raw.trim());
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[-+]\d{2}:?\d{2})?)?$/;
const SLASHED = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function validDate(y: number, m: number, d: number, hh: number, mi: number, ss: number): boolean {
  if (m < 1 || m > 12 || d < 1 || hh > 23 || mi > 59 || ss > 59) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function makeDate(
  y: number,
  m: number,
  d: number,
  time: (string | undefined)[],
  offset?: string,
): CsvDate | undefined {
  const hh = Number(time[0] ?? 0);
  const mi = Number(time[1] ?? 0);
  const ss = Number(time[2] ?? 0);
  if (!validDate(y, m, d, hh, mi, ss)) return undefined;
  const date: CsvDate = { y, m, d, hh, mi, ss, hasTime: time[0] !== undefined };
  if (offset === undefined) return date;
  const o = /^([-+])(\d{2}):?(\d{2})$/.exec(offset);
  const minutes = o ? (o[1] === "-" ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3])) : 0;
  return { ...date, offsetMinutes: minutes };
}

function parseIsoDate(raw: string): CsvDate | undefined {
  const m = ISO.exec(raw.trim());
  if (!m) return undefined;
  return makeDate(Number(m[1]), Number(m[2]), Number(m[3]), [m[4], m[5], m[6]], m[7]);
}

function slashedParts(
  raw: string,
): { a: number; b: number; y: number; time: (string | undefined)[] } | undefined {
  const m = SLASHED.exec(raw.trim());
  if (!m) return undefined;
  const year = Number(m[4]);
  return {
    a: Number(m[1]),
    b: Number(m[3]),
    y: (m[4] as string).length === 2 ? 2000 + year : year,
    time: [m[5], m[6], m[7]],
  };
}

/** GA4 exports its Date dimension as 20250301; only trusted under a header that says "date". */
function parseCompactDate(raw: string): CsvDate | undefined {
  const m = COMPACT.exec(raw.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  if (y < 1900 || y > 2200) return undefined;
  return makeDate(y, Number(m[2]), Number(m[3]), []);
}

/** What the header rule needs of a file: text is judged as written, in no zone. */
const FILE_CONTEXT = { timeZone: "UTC", locale: "en_US" };

const DATE_HEADER = /\b(date|day|jour|dia|datum|data|semaine|week|mois|month)\b/i;

// ---------------------------------------------------------------------------------------------
// The whole file

export function parseCsv(input: string | Uint8Array): CsvResult {
  let text: string;
  let encoding: ParsedCsv["encoding"] = "utf-8";
  if (typeof input === "string") {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    const decoded = decodeCsvBytes(input);
    if ("code" in decoded) return { ok: false, error: decoded };
    text = decoded.text;
    encoding = decoded.encoding;
  }
  if (text.includes("\u0000")) return { ok: false, error: { code: "binary" } };
  if (text.trim() === "") return { ok: false, error: { code: "empty" } };

  // Excel writes "sep=;" as a first line when asked to say which separator it used.
  let separator: ParsedCsv["separator"];
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint && [",", ";", "\t"].includes(hint[1] as string)) {
    separator = hint[1] as ParsedCsv["separator"];
    // Kept as a blank line, so the lines the messages name are the file's.
    text = `\n${text.slice(hint[0].length)}`;
  } else {
    separator = detectSeparator(text);
  }

  const split = splitRecords(text, separator);
  if (!split.ok) return split;
  const records = split.records;
  while (records.length > 0 && isBlank(records[records.length - 1] as Record_)) records.pop();
  while (records.length > 0 && isBlank(records[0] as Record_)) records.shift();
  if (records.length === 0) return { ok: false, error: { code: "empty" } };
  // The header is found by the rule every reader of a tab uses, on the fields as text.
  const headerIndex = findHeaderRow(
    records.map((r) => r.fields.map((f) => f.trim())),
    FILE_CONTEXT,
  );
  const header = records[headerIndex] as Record_;
  const preamble = records.slice(0, headerIndex).map((r) => r.fields.map((f) => f.trim()));
  const table = records.slice(headerIndex);

  // Trailing empty header cells ("a,b,c,,") are export noise, not columns.
  let width = header.fields.length;
  while (width > 1 && header.fields[width - 1]?.trim() === "" && !header.quoted[width - 1]) width--;
  for (const record of table) {
    let used = record.fields.length;
    while (used > width && record.fields[used - 1]?.trim() === "" && !record.quoted[used - 1])
      used--;
    if (used > width) {
      return {
        ok: false,
        error: { code: "tooManyFields", line: record.line, fields: used, expected: width },
      };
    }
  }
  if (records.length * width > MAX_CELLS) return { ok: false, error: { code: "tooLarge" } };

  const rawAt = (r: Record_, c: number) =>
    r.quoted[c] ? (r.fields[c] ?? "") : (r.fields[c] ?? "").trim();
  const isFooter = (r: Record_) => {
    const first = r.fields.find((f) => f.trim() !== "");
    if (first === undefined || !isTotalLabel(first)) return false;
    return !r.fields.some((f) => parseIsoDate(f) !== undefined || slashedParts(f) !== undefined);
  };
  const data = table.slice(1).filter((r) => !isFooter(r));
  const footerRecords = table.slice(1).filter(isFooter);
  if (data.length === 0) return { ok: false, error: { code: "headerOnly" } };

  // The decimal mark is the file's, not the field's: votes from every unambiguous number.
  let commaVotes = 0;
  let dotVotes = 0;
  for (const record of data) {
    for (let c = 0; c < width; c++) {
      const vote = decimalVote(rawAt(record, c));
      if (vote === ",") commaVotes++;
      else if (vote === ".") dotVotes++;
    }
  }
  const decimal: "," | "." =
    commaVotes > dotVotes ? "," : dotVotes > commaVotes ? "." : separator === ";" ? "," : ".";

  // Day/month order is decided per file: 03/04/2025 is read the same way in every column.
  let dmy = false;
  let mdy = false;
  let slashed = false;
  for (const record of data) {
    for (let c = 0; c < width; c++) {
      const p = slashedParts(rawAt(record, c));
      if (!p) continue;
      slashed = true;
      if (p.a > 12) dmy = true;
      if (p.b > 12) mdy = true;
    }
  }
  // Both orders seen means these are not dates we can trust; day first is Europe's default.
  const dateOrder: "dmy" | "mdy" | undefined = slashed ? (mdy && !dmy ? "mdy" : "dmy") : undefined;
  const slashedUsable = !(dmy && mdy);

  const headerCells = header.fields
    .slice(0, width)
    .map((f, i) => (header.quoted[i] ? f : f.trim()));
  const compactColumns = headerCells.map((h) => DATE_HEADER.test(h));

  // How the first date of the file is written, for the import to show before it writes.
  let dateFormat: string | undefined;
  const dated = (date: CsvDate, format: string): CsvDate => {
    dateFormat ??= format;
    return date;
  };
  const convert = (raw: string, quoted: boolean, c: number): CsvCell => {
    if (raw === "") return null;
    if (quoted && /^\s|\s$/.test(raw)) return raw;
    const iso = parseIsoDate(raw);
    if (iso) return dated(iso, "yyyy-mm-dd");
    if (slashedUsable) {
      const p = slashedParts(raw);
      if (p) {
        const [d, m] = dateOrder === "mdy" ? [p.b, p.a] : [p.a, p.b];
        const date = makeDate(p.y, m, d, p.time);
        if (date) return dated(date, dateOrder === "mdy" ? "mm/dd/yyyy" : "dd/mm/yyyy");
      }
    }
    if (compactColumns[c]) {
      const compact = parseCompactDate(raw);
      if (compact) return dated(compact, "yyyymmdd");
    }
    // « 27 nov. 2026 », "Nov 27, 2026": the month's name settles the order.
    if (/\p{L}{3}/u.test(raw) && /\d{4}/.test(raw)) {
      const day = parseDayText(raw, () => "en_US");
      if (day !== undefined) {
        const { year, month, day: d } = dayParts(day);
        const date = makeDate(year, month, d, []);
        if (date) return dated(date, "d mmm yyyy");
      }
    }
    if (looksLikeIdentifier(raw)) return raw;
    const num = parseNumber(raw, decimal);
    if (num) return num.value;
    return raw;
  };

  const footers = footerRecords.map((record) =>
    Array.from({ length: width }, (_, c) =>
      convert(rawAt(record, c), record.quoted[c] ?? false, c),
    ),
  );
  const kinds: CsvColumnKind[] = [];
  const currencies: (string | undefined)[] = [];
  const rows: CsvCell[][] = [headerCells];
  const colKinds: Set<CsvColumnKind>[] = Array.from({ length: width }, () => new Set());
  const colCurrency: (string | undefined)[] = Array.from({ length: width }, () => undefined);
  for (const record of data) {
    const row: CsvCell[] = [];
    for (let c = 0; c < width; c++) {
      const raw = rawAt(record, c);
      const cell = convert(raw, record.quoted[c] ?? false, c);
      row.push(cell);
      const set = colKinds[c] as Set<CsvColumnKind>;
      if (cell === null) continue;
      if (typeof cell === "string") set.add("text");
      else if (typeof cell === "number") {
        const num = parseNumber(raw, decimal);
        if (num?.percent) set.add("percent");
        else if (num?.currency) {
          set.add("currency");
          colCurrency[c] ??= num.currency;
        } else set.add("number");
      } else set.add(cell.hasTime ? "datetime" : "date");
    }
    rows.push(row);
  }
  for (let c = 0; c < width; c++) {
    const set = colKinds[c] as Set<CsvColumnKind>;
    // A column is of a kind when all its cells are; a mix is shown as each cell was written.
    let kind: CsvColumnKind = set.size === 0 ? "empty" : set.size === 1 ? [...set][0]! : "text";
    if (set.size === 2 && set.has("date") && set.has("datetime")) kind = "datetime";
    if (set.size === 2 && set.has("number") && set.has("currency")) kind = "currency";
    kinds.push(kind);
    currencies.push(kind === "currency" ? colCurrency[c] : undefined);
  }

  const csv: ParsedCsv = {
    rows,
    preamble,
    headerLine: header.line,
    footers,
    columns: width,
    separator,
    decimal,
    encoding,
    kinds,
    currencies,
    ...(dateOrder ? { dateOrder } : {}),
    ...(dateFormat ? { dateFormat } : {}),
  };
  return { ok: true, csv };
}

/** A sheet name from a file name: without its extension and the characters Sheets refuses. */
export function sheetNameFromFile(fileName: string, taken: readonly string[]): string {
  const base =
    fileName
      .replace(/^.*[\\/]/, "")
      .replace(/\.(csv|tsv|txt)$/i, "")
      .replace(/[[\]*?:/\\]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 90) || "CSV";
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base} (${i})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
