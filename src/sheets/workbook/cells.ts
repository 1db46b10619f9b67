/**
 * Cells of the user's tabs read as people see them, and their header row: the one rule for finding
 * a column by its header, used by the save endpoint, the wizard and the dashboard alike.
 */
import { isDateValue } from "../../kpi/cells.ts";
import { civilDay, isoDay } from "../../kpi/days.ts";

/** A cell read as text: what a person typed, whatever Sheets made of it. */
export function cellText(v: unknown, timeZone: string): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (isDateValue(v)) return isoDay(civilDay(v, timeZone));
  return String(v);
}

/** Text that Sheets would otherwise take for a formula (= + - @) or parse (numbers, dates, TRUE). */
export function textCell(s: string): string {
  return s === "" ? "" : `'${s}`;
}

/**
 * A tab's header row. A header is found by its text, trimmed: the exact text first, else the same
 * text in another case (Sheets users retype headers), so "clicks" finds "Clicks". Blank headers
 * are no column; of two equal headers, the first counts.
 */
export class HeaderRow {
  /** The distinct non-blank headers, left to right, as the tab spells them. */
  readonly headers: readonly string[];
  /** The header of each column by index; "" for a blank or repeated one (no column by that name). */
  readonly byColumn: readonly string[];
  private readonly exact = new Map<string, number>();
  private readonly folded = new Map<string, number>();

  constructor(row: readonly unknown[], timeZone: string) {
    const headers: string[] = [];
    const byColumn: string[] = [];
    row.forEach((cell, col) => {
      const text = cellText(cell, timeZone).trim();
      byColumn.push("");
      if (text === "" || this.exact.has(text)) return;
      byColumn[col] = text;
      this.exact.set(text, col);
      headers.push(text);
      const fold = text.toLowerCase();
      if (!this.folded.has(fold)) this.folded.set(fold, col);
    });
    this.headers = headers;
    this.byColumn = byColumn;
  }

  /** 0-based column of a header, or undefined when the row has none by that name. */
  find(header: string): number | undefined {
    const key = header.trim();
    return this.exact.get(key) ?? this.folded.get(key.toLowerCase());
  }

  /** The header as the tab spells it, or undefined. */
  spelling(header: string): string | undefined {
    const col = this.find(header);
    return col === undefined ? undefined : this.byColumn[col];
  }
}

/** "A" for column 0, "Z", "AA"…: a column as Sheets names it. */
export function columnLetter(col0: number): string {
  let n = col0 + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
