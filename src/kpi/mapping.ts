/**
 * Column auto-mapping: which column of a table is which input of a KPI, found by comparing the
 * headers with the aliases the registry gives each input, and which column holds the dates.
 */
import { DATE_ALIASES, KEY_ALIASES } from "./registry/inputs.ts";
import type { Aliases, KpiDefinition, KpiInput } from "./types.ts";

/** How sure the header-name match is; "partial" must be confirmed by the user. */
export type MatchConfidence = "exact" | "partial" | "none";

export interface ColumnSuggestion {
  /** The best column (0-based), or null when nothing matched. Equal to columns[0]. */
  readonly column: number | null;
  /** Every chosen column: several for a multiColumn input mapped to its parts. */
  readonly columns: readonly number[];
  readonly header: string | null;
  /** "partial" (a token match) is a guess the wizard should flag as unsure. */
  readonly confidence: MatchConfidence;
  /** Every column that matches an alias of this input, best first, chosen or not. */
  readonly candidates: readonly number[];
  /** Columns subtracted from `columns` (a derived input: Sessions − Engaged sessions). */
  readonly minus?: readonly number[];
  /** The input is counted as one per row (a posts export: one row per post). */
  readonly oneRow?: boolean;
}

/** Lower-cased, accents and parenthesised notes "(s)", "(EUR)" dropped, split into words. */
function words(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
}

/** A word without a plural "s", so "Clicks" and "click" meet. */
function stem(word: string): string {
  return word.length > 3 && word.endsWith("s") ? word.slice(0, -1) : word;
}

interface Match {
  readonly exact: boolean;
  /** Lower is better: the alias's index, after all the main aliases for combined ones. */
  readonly rank: number;
  readonly combined: boolean;
}

interface PreparedAlias {
  readonly key: string;
  readonly stems: readonly string[];
  readonly rank: number;
}

function prepare(aliases: Aliases | undefined, offset: number): PreparedAlias[] {
  if (!aliases) return [];
  const out: PreparedAlias[] = [];
  for (const list of [aliases.en, aliases.fr]) {
    list.forEach((alias, i) => {
      const w = words(alias);
      if (w.length > 0) out.push({ key: w.join(""), stems: w.map(stem), rank: offset + i });
    });
  }
  return out;
}

/**
 * Words that turn a quantity into another measure: "Bounce rate" is not a count of bounces, nor
 * "Cost per click" a total cost, nor "Average order value" a revenue. A header carrying one the
 * alias does not is not even a partial match, so the wizard never proposes a rate for a count.
 */
const RATE_WORDS = ["rate", "ratio", "taux", "ctr", "percentage", "pourcentage"];
const AVERAGE_WORDS = ["per", "average", "avg", "mean", "par", "moyenne", "moyen", "moy"];
const ID_WORDS = ["id", "identifiant", "identifier", "uuid", "guid"];
const USER_WORDS = ["user", "utilisateur"];
const OTHER_MEASURE = new Set([...RATE_WORDS, ...AVERAGE_WORDS, ...ID_WORDS].map(stem));

/**
 * Why a column cannot be summed as a quantity, read from its header: a rate or percentage (GA4's
 * Bounce rate, Google Ads' CTR), an average or a per-unit figure (Average engagement time, Avg.
 * CPC, Cost / conv.), or an identifier (Post ID). Or, for "users", why a sum misleads: the
 * same person is counted again on each day. Null for a header that names a quantity.
 */
export type ColumnConcern = "rate" | "average" | "id" | "users";

export function columnConcern(header: string): ColumnConcern | null {
  const w = new Set(words(header).map(stem));
  const has = (list: readonly string[]) => list.some((x) => w.has(stem(x)));
  if (header.includes("%") || has(RATE_WORDS)) return "rate";
  if (/\p{L}\s*\/\s*\p{L}/u.test(header) || has(AVERAGE_WORDS)) return "average";
  if (has(ID_WORDS)) return "id";
  if (has(USER_WORDS)) return "users";
  return null;
}

/** Whether a concern makes a column unusable for an input of `kind` (users only mislead). */
export function refusesColumn(concern: ColumnConcern | null, kind: KpiInput["kind"]): boolean {
  if (concern === null || concern === "users") return false;
  return kind === "count" || kind === "amount" || kind === "duration";
}

function namesAnotherMeasure(
  headerStems: ReadonlySet<string>,
  aliasStems: readonly string[],
): boolean {
  for (const s of headerStems) if (OTHER_MEASURE.has(s) && !aliasStems.includes(s)) return true;
  return false;
}

function bestMatch(
  headerKey: string,
  headerStems: ReadonlySet<string>,
  aliases: readonly PreparedAlias[],
): { exact: boolean; rank: number } | null {
  let best: { exact: boolean; rank: number } | null = null;
  for (const a of aliases) {
    const exact = a.key === headerKey;
    const partial =
      !exact &&
      a.stems.every((s) => headerStems.has(s)) &&
      !namesAnotherMeasure(headerStems, a.stems);
    if (!exact && !partial) continue;
    if (!best || (exact && !best.exact) || (exact === best.exact && a.rank < best.rank)) {
      best = { exact, rank: a.rank };
    }
  }
  return best;
}

function matchAll(
  headers: readonly string[],
  aliases: readonly PreparedAlias[],
  combined: boolean,
) {
  const out: { column: number; match: Match }[] = [];
  headers.forEach((header, column) => {
    const w = words(String(header ?? ""));
    if (w.length === 0) return;
    const m = bestMatch(w.join(""), new Set(w.map(stem)), aliases);
    if (m) out.push({ column, match: { ...m, combined } });
  });
  return out;
}

function better(a: Match, b: Match): number {
  if (a.exact !== b.exact) return a.exact ? -1 : 1;
  return a.rank - b.rank;
}

const NONE: ColumnSuggestion = {
  column: null,
  columns: [],
  header: null,
  confidence: "none",
  candidates: [],
};

/**
 * Which column of a table (by its headers) each input of `kpi` most likely is. Headers are
 * compared with the en and fr aliases, ignoring case, accents, punctuation and notes in
 * parentheses: an identical header is "exact"; a header containing every word of an alias is
 * "partial". A column is given to at most one input; exact matches and earlier aliases win.
 * Columns in `nonQuantities` (their cells are text or dates) are never proposed for a quantity.
 */
export function suggestMapping(
  kpi: KpiDefinition,
  headers: readonly string[],
  nonQuantities: ReadonlySet<number> = new Set(),
): Record<string, ColumnSuggestion> {
  // A column of text ("Post type", "Campaign status") or of dates ("Publish time") is no
  // quantity, whatever its header says.
  const quantity = (input: KpiInput) => input.kind !== "id" && input.kind !== "date";
  const perInput = kpi.inputs.map((input) => {
    const usable = (m: { column: number }) => !(quantity(input) && nonQuantities.has(m.column));
    const main = matchAll(headers, prepare(input.aliases, 0), false).filter(usable);
    const offset = input.combinedAliases?.preferred ? -1000 : 1000;
    const combined = matchAll(
      headers,
      prepare(input.combinedAliases?.aliases, offset),
      true,
    ).filter(usable);
    const byColumn = new Map<number, Match>();
    for (const { column, match } of [...main, ...combined]) {
      const prev = byColumn.get(column);
      if (!prev || better(match, prev) < 0) byColumn.set(column, match);
    }
    const parts = input.multiColumn
      ? matchAll(headers, prepare(input.partAliases, 0), false).filter(usable)
      : [];
    return { input, byColumn, parts };
  });

  const result: Record<string, ColumnSuggestion> = {};
  const used = new Set<number>();
  const pairs = perInput.flatMap(({ input, byColumn }) =>
    [...byColumn].map(([column, match]) => ({ input, column, match })),
  );
  pairs.sort((a, b) => better(a.match, b.match) || a.column - b.column);
  const unmapped = new Set<string>();
  for (const { input, column, match } of pairs) {
    if (result[input.name] || used.has(column) || unmapped.has(input.name)) continue;
    used.add(column);
    result[input.name] = {
      column,
      columns: [column],
      header: headers[column] ?? null,
      confidence: match.exact ? "exact" : "partial",
      candidates: [],
    };
    if (match.combined) {
      for (const name of input.combinedAliases?.leavesUnmapped ?? []) {
        unmapped.add(name);
        const taken = result[name];
        if (taken?.column !== null && taken?.column !== undefined) used.delete(taken.column);
        delete result[name];
      }
    }
  }
  for (const { input, parts } of perInput) {
    if (result[input.name] || !input.multiColumn) continue;
    const free = parts.filter((p) => !used.has(p.column));
    const exact = free.filter((p) => p.match.exact);
    const chosen = (exact.length > 0 ? exact : free).map((p) => p.column).sort((a, b) => a - b);
    if (chosen.length === 0) continue;
    for (const c of chosen) used.add(c);
    result[input.name] = {
      column: chosen[0] ?? null,
      columns: chosen,
      header: headers[chosen[0] ?? -1] ?? null,
      confidence: exact.length > 0 ? "exact" : "partial",
      candidates: [],
    };
  }
  for (const { input } of perInput) {
    if (result[input.name]) continue;
    const derived = derivedSuggestion(input, headers);
    if (derived) result[input.name] = derived;
  }
  for (const { input, byColumn, parts } of perInput) {
    const ranked = [...byColumn].sort((a, b) => better(a[1], b[1]) || a[0] - b[0]).map(([c]) => c);
    for (const p of parts) if (!ranked.includes(p.column)) ranked.push(p.column);
    result[input.name] = { ...(result[input.name] ?? NONE), candidates: ranked };
  }
  return result;
}

/** The best column matching `aliases`, other than `except`, or null. */
function bestColumn(headers: readonly string[], aliases: Aliases, except: number) {
  const matches = matchAll(headers, prepare(aliases, 0), false)
    .filter((m) => m.column !== except)
    .sort((a, b) => better(a.match, b.match) || a.column - b.column);
  return matches[0] ?? null;
}

/**
 * An input no column gives, made from others: a difference of two columns (derivedAliases), or
 * one per row when a column names one item per row (rowAliases). A derived input may reuse a
 * column another input has (Sessions is both the sessions and what bounces are taken from).
 */
function derivedSuggestion(input: KpiInput, headers: readonly string[]): ColumnSuggestion | null {
  if (input.derivedAliases) {
    const plus = bestColumn(headers, input.derivedAliases.plus, -1);
    const minus = plus && bestColumn(headers, input.derivedAliases.minus, plus.column);
    if (plus && minus) {
      return {
        column: plus.column,
        columns: [plus.column],
        minus: [minus.column],
        header: headers[plus.column] ?? null,
        confidence: plus.match.exact && minus.match.exact ? "exact" : "partial",
        candidates: [],
      };
    }
  }
  if (input.rowAliases) {
    const row = bestColumn(headers, input.rowAliases, -1);
    if (row?.match.exact) {
      return { ...NONE, confidence: "exact", oneRow: true };
    }
  }
  return null;
}

/** The most likely date column of a table, by the same rules as suggestMapping. */
export function suggestDateColumn(headers: readonly string[]): ColumnSuggestion {
  const matches = matchAll(headers, prepare(DATE_ALIASES, 0), false).sort(
    (a, b) => better(a.match, b.match) || a.column - b.column,
  );
  const first = matches[0];
  if (!first) return NONE;
  return {
    column: first.column,
    columns: [first.column],
    header: headers[first.column] ?? null,
    confidence: first.match.exact ? "exact" : "partial",
    candidates: matches.map((m) => m.column),
  };
}

/**
 * The column that tells a day's rows apart (campaign, channel, post id), matched exactly: a
 * guess here would merge two campaigns' rows into one. Null when there is none.
 */
export function suggestKeyColumn(headers: readonly string[]): number | null {
  const matches = matchAll(headers, prepare(KEY_ALIASES, 0), false)
    .filter((m) => m.match.exact)
    .sort((a, b) => better(a.match, b.match) || a.column - b.column);
  return matches[0]?.column ?? null;
}
