/**
 * What crosses google.script.run for "Import an export…": the file's text (decoded in the sidebar,
 * where the bytes are: Apps Script has no TextDecoder), the tab it goes to, and what the server
 * found and did. Decoding lives here so the sidebar and the playground read bytes alike.
 */

/**
 * The largest file the sidebar sends. A week or a month of a tool's daily export is well under
 * a megabyte; beyond this the upload and the write would outlast Apps Script's limits.
 */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type CsvErrorCode =
  | "empty"
  | "binary"
  | "headerOnly"
  | "unbalancedQuote"
  | "tooManyFields"
  | "tooLarge";

export interface CsvError {
  readonly code: CsvErrorCode;
  /** 1-based physical line of the problem, when there is one. */
  readonly line?: number;
  readonly fields?: number;
  readonly expected?: number;
}

export type CsvEncoding = "utf-8" | "utf-16" | "windows-1252";

export function decodeCsvBytes(
  bytes: Uint8Array,
): { text: string; encoding: CsvEncoding } | CsvError {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16" };
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { code: "binary" };
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    // Excel on Windows still saves "CSV" in the ANSI code page: accents would come out as "�".
    return { text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252" };
  }
}

/** Where a file goes: an existing tab (replace and append), or a new tab named after the file. */
export interface ImportRequest {
  fileName: string;
  /** The file's text, decoded by decodeCsvBytes. */
  text: string;
  /** A tab's name, or null for a new tab. */
  target: string | null;
}

/** What the file holds, as detected, and what an import would do; nothing is written yet. */
export interface ImportPreview {
  /** The file's column headers, in order. */
  headers: string[];
  /** 1-based line of the header in the file (below title and comment lines). */
  headerLine: number;
  separator: "," | ";" | "\t";
  decimal: "," | ".";
  /** How the dates are written: "yyyy-mm-dd", "dd/mm/yyyy", "mm/dd/yyyy", "yyyymmdd". */
  dateFormat: string | null;
  dateColumn: string;
  /** The column that tells rows of one day apart (campaign, channel, post id), if any. */
  keyColumn: string | null;
  /** Data rows in the file. */
  rows: number;
  /** Summary rows of the file, left out. */
  totals: number;
  /** The tab written to, and what would happen to its rows. */
  target: string;
  newTab: boolean;
  added: number;
  replaced: number;
  /** Data rows of the tab the import leaves as they are. */
  kept: number;
}

/** What an import did, and the sentence that says so. */
export interface ImportResult extends ImportPreview {
  message: string;
}

/** The tabs a file may go to, and the language of the panel. */
export interface ImportContext {
  sheets: string[];
  active: string | null;
  maxBytes: number;
}
