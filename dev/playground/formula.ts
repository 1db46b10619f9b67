/**
 * Evaluates the formulas an add-on user meets, so the playground's grid shows values where Sheets
 * would: the add-on's own custom functions (=KPI_…) run through the real bundle with their ranges
 * read from the workbook, SPARKLINE becomes a small chart, a handful of everyday functions are
 * computed, and anything else shows an honest "#N/A" that says the playground did not compute it.
 * Formulas use English names and commas, as setFormula stores them.
 */
import { type A1Ref, columnLetters, parseA1 } from "../emulator/a1.ts";

/** A formula error as Sheets shows it ("#DIV/0!"), with the message of its tooltip. */
export interface FormulaError {
  readonly error: string;
  readonly message: string;
  /** Set when the playground, not the formula, is the reason: a function it does not compute. */
  readonly notComputed?: string;
}

/** What a SPARKLINE cell holds: the data it draws and its options, for the grid to render. */
export interface SparklineValue {
  readonly sparkline: {
    readonly data: unknown[][];
    readonly options: Readonly<Record<string, string | number | boolean>>;
  };
}

export type Scalar = number | string | boolean | Date;
export type FormulaResult = Scalar | unknown[][] | FormulaError | SparklineValue;

export interface FormulaEnv {
  /** The sheet holding the formula: references without a sheet name point there. */
  readonly sheet: string;
  /** Values of a block, blanks as "" (as a custom function receives them). */
  readRange(ref: A1Ref & { sheet: string }): unknown[][];
  /** A custom function of the add-on; undefined when the bundle has no function of that name. */
  customFunction(name: string): ((...args: unknown[]) => unknown) | undefined;
}

export function isFormulaError(value: unknown): value is FormulaError {
  return typeof value === "object" && value !== null && "error" in value && "message" in value;
}

export function isSparkline(value: unknown): value is SparklineValue {
  return typeof value === "object" && value !== null && "sparkline" in value;
}

export class FormulaFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly notComputed?: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; v: string }
  | { t: "fn"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "op"; v: string }
  | { t: "end" };

const REF =
  /^(?:(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(?:\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d*)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)(?![A-Za-z0-9_(])/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let v = "";
      i++;
      for (;;) {
        if (i >= src.length)
          throw new FormulaFailure("#ERROR!", "Formula parse error: unclosed text");
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            v += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += src[i];
        i++;
      }
      out.push({ t: "str", v });
      continue;
    }
    const rest = src.slice(i);
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(rest);
    const ref = REF.exec(rest);
    if (ref && !(num && num[0].length >= ref[0].length && !ref[0].includes(":"))) {
      out.push({ t: "ref", v: ref[0] });
      i += ref[0].length;
      continue;
    }
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (ident) {
      const word = ident[0];
      const after = rest.slice(word.length).trimStart();
      if (after.startsWith("(")) out.push({ t: "fn", v: word.toUpperCase() });
      else if (/^(TRUE|FALSE)$/i.test(word))
        out.push({ t: "bool", v: word.toUpperCase() === "TRUE" });
      else throw new FormulaFailure("#NAME?", `Unknown range name: '${word}'`);
      i += word.length;
      continue;
    }
    const two = rest.slice(0, 2);
    if (two === "<>" || two === "<=" || two === ">=") {
      out.push({ t: "op", v: two });
      i += 2;
      continue;
    }
    if ("+-*/^&=<>%(),;{}".includes(ch)) {
      out.push({ t: "op", v: ch });
      i++;
      continue;
    }
    throw new FormulaFailure("#ERROR!", `Formula parse error at "${rest.slice(0, 10)}"`);
  }
  out.push({ t: "end" });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Syntax

type Node =
  | { k: "lit"; v: Scalar }
  | { k: "ref"; v: string }
  | { k: "call"; name: string; args: Node[] }
  | { k: "unary"; op: string; arg: Node }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "array"; rows: Node[][] };

function parse(tokens: Token[]): Node {
  let pos = 0;
  const peek = () => tokens[pos] as Token;
  const isOp = (v: string) => {
    const t = peek();
    return t.t === "op" && t.v === v;
  };
  const expect = (v: string) => {
    if (!isOp(v)) throw new FormulaFailure("#ERROR!", `Formula parse error: expected "${v}"`);
    pos++;
  };
  const binary = (ops: string[], next: () => Node) => (): Node => {
    let a = next();
    for (;;) {
      const t = peek();
      if (t.t !== "op" || !ops.includes(t.v)) return a;
      pos++;
      a = { k: "bin", op: t.v, a, b: next() };
    }
  };
  const primary = (): Node => {
    const t = peek();
    pos++;
    switch (t.t) {
      case "num":
        return { k: "lit", v: t.v };
      case "str":
        return { k: "lit", v: t.v };
      case "bool":
        return { k: "lit", v: t.v };
      case "ref":
        return { k: "ref", v: t.v };
      case "fn": {
        expect("(");
        const args: Node[] = [];
        if (!isOp(")")) {
          for (;;) {
            // An empty argument ("IF(a,,b)") is a blank.
            args.push(isOp(",") || isOp(")") ? { k: "lit", v: "" } : expr());
            if (isOp(",")) {
              pos++;
              continue;
            }
            break;
          }
        }
        expect(")");
        return { k: "call", name: t.v, args };
      }
      case "op":
        if (t.v === "(") {
          const inner = expr();
          expect(")");
          return inner;
        }
        if (t.v === "{") {
          const rows: Node[][] = [[]];
          for (;;) {
            (rows[rows.length - 1] as Node[]).push(expr());
            if (isOp(",")) pos++;
            else if (isOp(";")) {
              pos++;
              rows.push([]);
            } else break;
          }
          expect("}");
          return { k: "array", rows };
        }
        throw new FormulaFailure("#ERROR!", `Formula parse error at "${t.v}"`);
      default:
        throw new FormulaFailure("#ERROR!", "Formula parse error: unexpected end");
    }
  };
  const postfix = (): Node => {
    let n = primary();
    while (isOp("%")) {
      pos++;
      n = { k: "bin", op: "/", a: n, b: { k: "lit", v: 100 } };
    }
    return n;
  };
  const power = binary(["^"], postfix);
  const unary = (): Node => {
    const t = peek();
    if (t.t === "op" && (t.v === "-" || t.v === "+")) {
      pos++;
      return { k: "unary", op: t.v, arg: unary() };
    }
    return power();
  };
  const mul = binary(["*", "/"], unary);
  const add = binary(["+", "-"], mul);
  const concat = binary(["&"], add);
  const expr = binary(["=", "<>", "<", ">", "<=", ">="], concat);
  const root = expr();
  if (peek().t !== "end")
    throw new FormulaFailure("#ERROR!", "Formula parse error: unexpected text");
  return root;
}

// ---------------------------------------------------------------------------------------------
// Values

type Value = Scalar | unknown[][] | SparklineValue;

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

function flat(values: unknown[]): unknown[] {
  return values.flatMap((v) => (Array.isArray(v) ? flat(v) : [v]));
}

function scalar(v: Value): Scalar {
  if (Array.isArray(v)) {
    const first = (v[0] as unknown[] | undefined)?.[0];
    return (first ?? "") as Scalar;
  }
  if (isSparkline(v))
    throw new FormulaFailure("#VALUE!", "SPARKLINE cannot be used in a calculation");
  return v;
}

function toNumber(v: Value): number {
  const s = scalar(v);
  if (typeof s === "number") return s;
  if (typeof s === "boolean") return s ? 1 : 0;
  if (s === "") return 0;
  if (isDate(s)) return s.getTime() / 86_400_000 + 25_569;
  const n = Number(s);
  if (s.trim() !== "" && Number.isFinite(n)) return n;
  throw new FormulaFailure("#VALUE!", `Function expects a number, but "${s}" is text`);
}

function toText(v: Value): string {
  const s = scalar(v);
  if (typeof s === "boolean") return s ? "TRUE" : "FALSE";
  if (isDate(s)) return s.toISOString().slice(0, 10);
  return String(s);
}

function numbersOf(values: Value[]): number[] {
  return flat(values).filter((v): v is number => typeof v === "number");
}

function compare(a: Scalar, b: Scalar): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (isDate(a) || isDate(b)) return toNumber(a) - toNumber(b);
  if (typeof a === "string" && typeof b === "string")
    return a.toLowerCase().localeCompare(b.toLowerCase());
  return toNumber(a) - toNumber(b);
}

type Builtin = (args: Value[]) => Value;

const BUILTINS: Record<string, Builtin> = {
  SUM: (a) => numbersOf(a).reduce((s, n) => s + n, 0),
  AVERAGE: (a) => {
    const n = numbersOf(a);
    if (n.length === 0) throw new FormulaFailure("#DIV/0!", "AVERAGE has no numbers to average");
    return n.reduce((s, x) => s + x, 0) / n.length;
  },
  MIN: (a) => (numbersOf(a).length ? Math.min(...numbersOf(a)) : 0),
  MAX: (a) => (numbersOf(a).length ? Math.max(...numbersOf(a)) : 0),
  COUNT: (a) => numbersOf(a).length,
  COUNTA: (a) => flat(a).filter((v) => v !== "" && v !== null && v !== undefined).length,
  ABS: (a) => Math.abs(toNumber(a[0] ?? 0)),
  ROUND: (a) => {
    const p = 10 ** toNumber(a[1] ?? 0);
    return Math.round(toNumber(a[0] ?? 0) * p) / p;
  },
  CONCATENATE: (a) =>
    flat(a)
      .map((v) => toText(v as Value))
      .join(""),
  AND: (a) => flat(a).every((v) => toNumber(v as Value) !== 0),
  OR: (a) => flat(a).some((v) => toNumber(v as Value) !== 0),
  NOT: (a) => toNumber(a[0] ?? 0) === 0,
  TODAY: () => {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  },
  NA: () => {
    throw new FormulaFailure("#N/A", "NA() returns #N/A");
  },
};

function evaluateNode(node: Node, env: FormulaEnv): Value {
  switch (node.k) {
    case "lit":
      return node.v;
    case "array":
      return node.rows.map((row) => row.map((n) => scalar(evaluateNode(n, env))));
    case "ref": {
      const ref = parseA1(node.v);
      if (!ref) throw new FormulaFailure("#REF!", `Not a reference: ${node.v}`);
      try {
        return env.readRange({ ...ref, sheet: ref.sheet ?? env.sheet });
      } catch (e) {
        if (e instanceof FormulaFailure) throw e;
        throw new FormulaFailure("#REF!", e instanceof Error ? e.message : String(e));
      }
    }
    case "unary": {
      const n = toNumber(evaluateNode(node.arg, env));
      return node.op === "-" ? -n : n;
    }
    case "bin": {
      const a = evaluateNode(node.a, env);
      const b = evaluateNode(node.b, env);
      switch (node.op) {
        case "+":
          return toNumber(a) + toNumber(b);
        case "-":
          return toNumber(a) - toNumber(b);
        case "*":
          return toNumber(a) * toNumber(b);
        case "/": {
          const d = toNumber(b);
          if (d === 0)
            throw new FormulaFailure("#DIV/0!", "Function DIVIDE parameter 2 cannot be zero.");
          return toNumber(a) / d;
        }
        case "^":
          return toNumber(a) ** toNumber(b);
        case "&":
          return toText(a) + toText(b);
        default: {
          const c = compare(scalar(a), scalar(b));
          return node.op === "="
            ? c === 0
            : node.op === "<>"
              ? c !== 0
              : node.op === "<"
                ? c < 0
                : node.op === ">"
                  ? c > 0
                  : node.op === "<="
                    ? c <= 0
                    : c >= 0;
        }
      }
    }
    case "call":
      return callFunction(node, env);
  }
}

function callFunction(node: Extract<Node, { k: "call" }>, env: FormulaEnv): Value {
  const { name } = node;
  if (name === "IFERROR") {
    try {
      const v = evaluateNode(node.args[0] ?? { k: "lit", v: "" }, env);
      return v;
    } catch (e) {
      if (!(e instanceof FormulaFailure)) throw e;
      return node.args[1] ? evaluateNode(node.args[1], env) : "";
    }
  }
  if (name === "IF") {
    const cond = toNumber(evaluateNode(node.args[0] ?? { k: "lit", v: false }, env)) !== 0;
    const branch = cond ? node.args[1] : node.args[2];
    return branch ? evaluateNode(branch, env) : cond;
  }
  const custom = env.customFunction(name);
  const args = node.args.map((a) => evaluateNode(a, env));
  if (custom) {
    // A custom function receives a single cell as its value and a block as a 2D array.
    const plain = args.map((a) =>
      Array.isArray(a) && a.length === 1 && (a[0] as unknown[]).length === 1
        ? (a[0] as unknown[])[0]
        : a,
    );
    let result: unknown;
    try {
      result = custom(...plain);
    } catch (e) {
      throw new FormulaFailure("#ERROR!", e instanceof Error ? e.message : String(e));
    }
    return fromCustomResult(result);
  }
  if (name === "SPARKLINE") return sparkline(args);
  const builtin = BUILTINS[name];
  if (builtin) return builtin(args);
  throw new FormulaFailure(
    "#N/A",
    `${name} is not computed in the playground; Google Sheets computes it.`,
    name,
  );
}

/** Custom function results come from the bundle's realm: accept them by shape. */
function fromCustomResult(result: unknown): Value {
  if (result === null || result === undefined) return "";
  if (Array.isArray(result)) {
    const rows = result.map((row) => (Array.isArray(row) ? row.map(cellOf) : [cellOf(row)]));
    return rows.length === 1 && rows[0]?.length === 1 ? (rows[0][0] as Scalar) : rows;
  }
  return cellOf(result);
}

function cellOf(v: unknown): Scalar {
  if (v === null || v === undefined) return "";
  if (isDate(v)) return new Date((v as Date).getTime());
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new FormulaFailure("#NUM!", "The result is not a finite number");
    return v;
  }
  if (typeof v === "string" || typeof v === "boolean") return v;
  throw new FormulaFailure("#ERROR!", "The custom function returned a value Sheets cannot show");
}

function sparkline(args: Value[]): SparklineValue {
  const data = args[0];
  if (data === undefined) throw new FormulaFailure("#N/A", "SPARKLINE needs data");
  const rows = Array.isArray(data) ? data : [[scalar(data)]];
  const options: Record<string, string | number | boolean> = {};
  const opt = args[1];
  if (Array.isArray(opt)) {
    for (const row of opt as unknown[][]) {
      const [k, v] = row;
      if (
        typeof k === "string" &&
        (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
      ) {
        options[k.toLowerCase()] = typeof v === "string" ? v.toLowerCase() : v;
      }
    }
  }
  return { sparkline: { data: rows, options } };
}

/** Evaluates a formula ("=…"). Never throws for a formula's own faults: they become FormulaErrors. */
export function evaluateFormula(formula: string, env: FormulaEnv): FormulaResult {
  const src = formula.startsWith("=") ? formula.slice(1) : formula;
  try {
    const value = evaluateNode(parse(tokenize(src)), env);
    return value;
  } catch (e) {
    if (e instanceof FormulaFailure) {
      return e.notComputed === undefined
        ? { error: e.code, message: e.message }
        : { error: e.code, message: e.message, notComputed: e.notComputed };
    }
    throw e;
  }
}

/** The names of the custom functions a formula calls (for "is this one of ours?" checks). */
export function functionNames(formula: string): string[] {
  try {
    return tokenize(formula.replace(/^=/, ""))
      .filter((t): t is { t: "fn"; v: string } => t.t === "fn")
      .map((t) => t.v);
  } catch {
    return [];
  }
}

/**
 * A formula's result where it stands: an array that would spill over a cell holding a value or
 * a formula does not spill at all, and the formula shows #REF! with Sheets' message, naming the
 * first such cell (row by row). `occupied` is asked about each cell the array would cover.
 */
export function placeResult(
  result: FormulaResult,
  row: number,
  column: number,
  occupied: (row: number, column: number) => boolean,
): FormulaResult {
  if (!Array.isArray(result)) return result;
  for (let i = 0; i < result.length; i++) {
    const line = result[i] as unknown[];
    for (let j = 0; j < line.length; j++) {
      if ((i > 0 || j > 0) && occupied(row + i, column + j)) {
        return {
          error: "#REF!",
          message: `Array result was not expanded because it would overwrite data in ${columnLetters(column + j)}${row + i}.`,
        };
      }
    }
  }
  return result;
}
