/**
 * A formula as a person reads and types it. Sheets stores formulas with English separators
 * (setFormula takes commas and decimal points), but a spreadsheet whose locale writes decimal
 * commas (French) shows and accepts `;` between arguments, `,` in numbers and `\` between the
 * columns of an array literal ({1\2;3\4}). Both directions live here, so the help tab's examples,
 * docs/FUNCTIONS.md and the playground's formula bar all write a formula the same way.
 */
import { formatNumber } from "../cells.ts";
import { civilDay, isoDay } from "../days.ts";
import type { CustomFunctionSpec, FunctionExample } from "./spec.ts";

/** A value as written in an English formula: numbers plain, text quoted, dates as DATE(). */
export function literal(v: unknown): string {
  // An omitted argument between given ones is left empty, as in =F(a, , b).
  if (v === undefined) return "";
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) {
    const [y, m, d] = isoDay(civilDay(v, "UTC")).split("-").map(Number);
    return `DATE(${y},${m},${d})`;
  }
  return String(v);
}

/** An argument as an English array literal ({1;2;3} is a column, {1, 2} a row). */
export function argLiteral(v: unknown): string {
  if (!Array.isArray(v)) return literal(v);
  return `{${(v as unknown[][]).map((row) => row.map(literal).join(", ")).join("; ")}}`;
}

/** A function's signature as Sheets' help shows it, optional parameters in brackets (English). */
export function signature(spec: CustomFunctionSpec): string {
  return `${spec.name}(${spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
}

/** An example typed with its values inline, so it works in any cell without data (English). */
export function exampleFormula(spec: CustomFunctionSpec, ex: FunctionExample): string {
  return `=${spec.name}(${ex.args.map(argLiteral).join(", ")})`;
}

const IDENT = /[A-Za-z0-9_$.]/;

/**
 * Whether the digits that end just before `i` form a number (`(1,5`) rather than the end of a
 * reference or a name (`A1,2`, `LOG10,`): a number's digits follow no letter.
 */
function digitsAreNumber(text: string, i: number): boolean {
  let j = i - 1;
  if (!/\d/.test(text[j] ?? "")) return false;
  while (j >= 0 && /[\d]/.test(text[j] as string)) j--;
  return !IDENT.test(text[j] ?? "");
}

/**
 * Walks a formula outside its quoted text ("…") and quoted sheet names ('…'), calling `map` on
 * every other character, told whether its innermost bracket is an array's brace (where a comma
 * separates columns) rather than a call's parenthesis (where it separates arguments).
 */
function mapUnquoted(
  formula: string,
  map: (ch: string, i: number, inArray: boolean) => string,
): string {
  let out = "";
  let quote: string | null = null;
  const open: string[] = [];
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i] as string;
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      out += ch;
      continue;
    }
    if (ch === "{" || ch === "(") open.push(ch);
    if (ch === "}" || ch === ")") open.pop();
    out += map(ch, i, open[open.length - 1] === "{");
  }
  return out;
}

/** An English formula as it shows in a spreadsheet whose locale writes decimal commas or not. */
export function localFormula(formula: string, decimalComma: boolean): string {
  if (!decimalComma) return formula;
  return mapUnquoted(formula, (ch, i, inArray) => {
    if (ch === ",") return inArray ? "\\" : ";";
    // A decimal point: after a number's digits, or leading (".5").
    const decimal =
      ch === "." &&
      /\d/.test(formula[i + 1] ?? "") &&
      (digitsAreNumber(formula, i) || !IDENT.test(formula[i - 1] ?? ""));
    if (decimal) return ",";
    return ch;
  });
}

/**
 * A formula typed in a spreadsheet whose locale writes decimal commas or not, with English separators (as setFormula stores it). In a
 * decimal-comma language a comma inside a number is a decimal comma, as Sheets reads it; a comma
 * after a reference, a closing bracket or text is taken as an argument separator, which is how
 * the English form of a formula (pasted from the docs) still reads.
 */
export function englishFormula(formula: string, decimalComma: boolean): string {
  if (!decimalComma) return formula;
  return mapUnquoted(formula, (ch, i, inArray) => {
    if (ch === ";") return inArray ? ";" : ",";
    if (ch === "\\" && inArray) return ",";
    if (ch === "," && digitsAreNumber(formula, i) && /\d/.test(formula[i + 1] ?? "")) return ".";
    return ch;
  });
}
