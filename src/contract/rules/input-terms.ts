/**
 * What an objective maps a KPI input to, written as a list of terms: header texts, added; a header
 * after a minus sign (U+2212), subtracted, so an input can be a difference of columns (GA4 has no
 * bounces column: bounces = Sessions − Engaged sessions); or ONE_PER_ROW, the input counted as one
 * per row (a posts export has a row per post and no posts column). Plain headers mean what they
 * always meant, so objectives saved before keep their meaning.
 */

/** The sign of a subtracted column, as the Objectives tab shows it. */
export const MINUS = "\u2212";

/** The term of an input counted as one per row. */
export const ONE_PER_ROW = "#rows";

export type InputTerm =
  | { readonly kind: "column"; readonly header: string; readonly sign: 1 | -1 }
  | { readonly kind: "rows" };

export function parseTerm(term: string): InputTerm {
  const s = term.trim();
  if (s === ONE_PER_ROW) return { kind: "rows" };
  if (s.startsWith(MINUS)) return { kind: "column", header: s.slice(1).trim(), sign: -1 };
  return { kind: "column", header: s, sign: 1 };
}

/** The term subtracting `header`. */
export function minusTerm(header: string): string {
  return `${MINUS}${header}`;
}

/** The headers a mapping's terms name, each once, in order (for lookups and checks). */
export function termHeaders(terms: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of terms) {
    const term = parseTerm(t);
    if (term.kind === "column" && !out.includes(term.header)) out.push(term.header);
  }
  return out;
}

/** The terms as a formula a person reads: "Sessions − Engaged sessions", "Likes + Comments". */
export function termsText(terms: readonly string[], oneRow: string): string {
  let text = "";
  for (const t of terms) {
    const term = parseTerm(t);
    const word = term.kind === "rows" ? oneRow : term.header;
    const sign = term.kind === "column" && term.sign < 0 ? MINUS : "+";
    text += text === "" ? (sign === MINUS ? `${MINUS} ${word}` : word) : ` ${sign} ${word}`;
  }
  return text;
}
