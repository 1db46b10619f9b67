/**
 * A1 notation as Sheets reads and writes it: "B2", "A1:C3", whole columns "A:C", whole rows
 * "2:5", open-ended "A2:C", and an optional sheet prefix ("Data!A1", "'My data'!A1:B2").
 */

/** A block of cells, 1-based and inclusive. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** A parsed reference. A missing row or column bound means "to the edge of the sheet". */
export interface A1Ref {
  sheet?: string;
  r1?: number;
  c1?: number;
  r2?: number;
  c2?: number;
}

export function columnLetters(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(part: string): { r?: number; c?: number } | undefined {
  const m = CELL.exec(part);
  if (!m || (!m[1] && !m[2])) return undefined;
  const c = m[1] ? columnNumber(m[1]) : undefined;
  const r = m[2] ? Number(m[2]) : undefined;
  if (r === 0) return undefined;
  return { r, c };
}

/** Splits "'It''s'!A1" into sheet "It's" and "A1"; a bare reference has no sheet. */
export function splitSheet(ref: string): { sheet?: string; a1: string } {
  const trimmed = ref.trim();
  if (trimmed.startsWith("'")) {
    const m = /^'((?:[^']|'')+)'!(.+)$/.exec(trimmed);
    if (m) return { sheet: m[1]!.replace(/''/g, "'"), a1: m[2]! };
    return { a1: trimmed };
  }
  const bang = trimmed.lastIndexOf("!");
  if (bang > 0) return { sheet: trimmed.slice(0, bang), a1: trimmed.slice(bang + 1) };
  return { a1: trimmed };
}

/** Parses A1 notation; undefined when it is not a reference Sheets would accept. */
export function parseA1(ref: string): A1Ref | undefined {
  const { sheet, a1 } = splitSheet(ref);
  const parts = a1.split(":");
  if (parts.length > 2) return undefined;
  const a = parsePart(parts[0]!);
  if (!a) return undefined;
  const out: A1Ref = sheet === undefined ? {} : { sheet };
  if (parts.length === 1) {
    // A lone cell needs both a column and a row ("A" or "3" alone is not a range).
    if (a.r === undefined || a.c === undefined) return undefined;
    return { ...out, r1: a.r, c1: a.c, r2: a.r, c2: a.c };
  }
  const b = parsePart(parts[1]!);
  if (!b) return undefined;
  const span = (x: number, y: number) => [Math.min(x, y), Math.max(x, y)] as const;
  if (a.r === undefined && b.r === undefined) {
    // "A:C": whole columns.
    if (a.c === undefined || b.c === undefined) return undefined;
    const [c1, c2] = span(a.c, b.c);
    return { ...out, c1, c2 };
  }
  if (a.c === undefined && b.c === undefined) {
    // "2:5": whole rows.
    if (a.r === undefined || b.r === undefined) return undefined;
    const [r1, r2] = span(a.r, b.r);
    return { ...out, r1, r2 };
  }
  if (a.c === undefined || b.c === undefined) return undefined;
  const [c1, c2] = span(a.c, b.c);
  if (a.r !== undefined && b.r !== undefined) {
    const [r1, r2] = span(a.r, b.r);
    return { ...out, r1, c1, r2, c2 };
  }
  // "A2:C" runs to the last row; "A:C5" is read as "A1:C5", as Sheets does.
  if (b.r === undefined) return { ...out, r1: a.r, c1, c2 };
  return { ...out, r1: 1, c1, r2: b.r, c2 };
}

export interface Bounds {
  rowsBounded: boolean;
  colsBounded: boolean;
}

/** A1 text of a block: "B2", "A1:C3", or "A:C" / "2:5" / "A2:C" when a side is unbounded. */
export function formatA1(
  rect: Rect,
  bounds: Bounds = { rowsBounded: true, colsBounded: true },
): string {
  const { r1, c1, r2, c2 } = rect;
  if (!bounds.rowsBounded && !bounds.colsBounded) return `${r1}:${r2}`;
  if (!bounds.rowsBounded) {
    return r1 === 1
      ? `${columnLetters(c1)}:${columnLetters(c2)}`
      : `${columnLetters(c1)}${r1}:${columnLetters(c2)}`;
  }
  if (!bounds.colsBounded) return `${r1}:${r2}`;
  const start = `${columnLetters(c1)}${r1}`;
  if (r1 === r2 && c1 === c2) return start;
  return `${start}:${columnLetters(c2)}${r2}`;
}

/** A sheet name as it must appear before "!" in a formula or a chart range. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    outer.r1 <= inner.r1 && inner.r2 <= outer.r2 && outer.c1 <= inner.c1 && inner.c2 <= outer.c2
  );
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.r1 === b.r1 && a.c1 === b.c1 && a.r2 === b.r2 && a.c2 === b.c2;
}
