/**
 * How a KPI's inputs combine, shared by the custom functions (total and rows modes), the
 * dashboard's periods (series.ts) and the wizard's totals, so they cannot disagree.
 *
 * Cells are first summed per input into parallel arrays (one slot per row, per period, or a single
 * slot for a total), then `evaluate` turns one slot into numerator and denominator. The scanning
 * loops are written plainly for speed: a `typeof` test per cell, and the text rules of parse.ts
 * only for cells that are not plain numbers.
 */
import { type CellSource, slowDuration, slowNumber } from "./cells.ts";
import type { Combine, KpiDefinition, KpiInput } from "./types.ts";

/** Per-input sums over slots: Σ of the cells, how many were non-blank, how many equalled 1. */
export interface Slots {
  readonly sum: Float64Array | number[];
  readonly count: Float64Array | number[];
  readonly ones: Float64Array | number[];
}

interface PlanTerm {
  readonly index: number;
  readonly sign: number;
}

/** A ratio KPI's combine, resolved to input indexes once. */
export interface RatioPlan {
  readonly kpi: KpiDefinition;
  readonly numerator: readonly PlanTerm[];
  readonly denominator: readonly PlanTerm[];
  readonly scale: number;
  readonly whenOmitted: "count" | "count_equal_one_over_count" | null;
  readonly checks: readonly { readonly input: number; readonly atMost: number }[];
}

const plans = new Map<string, RatioPlan>();

type RatioCombine = Extract<Combine, { kind: "ratio" }>;

/** The resolved plan of a ratio KPI; throws for a KPI of another kind. */
export function ratioPlan(kpi: KpiDefinition): RatioPlan {
  let plan = plans.get(kpi.id);
  if (plan) return plan;
  if (kpi.combine.kind !== "ratio") throw new Error(`${kpi.id} is not a ratio KPI`);
  const combine: RatioCombine = kpi.combine;
  const indexOf = (name: string) => {
    const i = kpi.inputs.findIndex((input) => input.name === name);
    if (i < 0) throw new Error(`${kpi.id}: the combine names an unknown input "${name}"`);
    return i;
  };
  plan = {
    kpi,
    numerator: combine.numerator.map((t) => ({ index: indexOf(t.input), sign: t.sign ?? 1 })),
    denominator: combine.denominator.map((t) => ({ index: indexOf(t.input), sign: t.sign ?? 1 })),
    scale: combine.scale ?? 1,
    whenOmitted: combine.whenDenominatorOmitted ?? null,
    checks: (kpi.checks ?? []).map((c) => ({ input: indexOf(c.input), atMost: indexOf(c.atMost) })),
  };
  plans.set(kpi.id, plan);
  return plan;
}

/** Whether the denominator is computed from its inputs (some given) or by the omitted rule. */
export function denominatorGiven(plan: RatioPlan, present: readonly boolean[]): boolean {
  return plan.denominator.some((t) => present[t.index]) || plan.whenOmitted === null;
}

/** One slot's result. `blank`: no input cell at all; `denBlank`: no cell in the denominator's added terms. */
export interface Evaluation {
  numerator: number;
  denominator: number;
  blank: boolean;
  denBlank: boolean;
}

/**
 * Numerator and denominator of slot `i` (reusing `out` to spare allocations in row loops).
 * `denGiven` is `denominatorGiven(plan, which slots are present)`, computed once by the caller.
 */
export function evaluate(
  plan: RatioPlan,
  slots: readonly (Slots | undefined)[],
  denGiven: boolean,
  i: number,
  out: Evaluation,
): Evaluation {
  let blank = true;
  for (const s of slots) if (s && s.count[i]! > 0) blank = false;
  out.blank = blank;
  if (denGiven) {
    let num = 0;
    let den = 0;
    let denCells = 0;
    for (const t of plan.numerator) {
      const s = slots[t.index];
      if (s) num += t.sign * s.sum[i]!;
    }
    for (const t of plan.denominator) {
      const s = slots[t.index];
      if (s) {
        den += t.sign * s.sum[i]!;
        // Only added terms make a denominator non-blank: bounced without sent is no e-mail sent.
        if (t.sign > 0) denCells += s.count[i]!;
      }
    }
    out.numerator = num;
    out.denominator = den;
    out.denBlank = denCells === 0;
  } else {
    const first = plan.numerator[0];
    const s = first ? slots[first.index] : undefined;
    const cells = s ? s.count[i]! : 0;
    if (plan.whenOmitted === "count_equal_one_over_count") {
      out.numerator = s ? s.ones[i]! : 0;
    } else {
      let num = 0;
      for (const t of plan.numerator) {
        const si = slots[t.index];
        if (si) num += t.sign * si.sum[i]!;
      }
      out.numerator = num;
    }
    out.denominator = cells;
    out.denBlank = cells === 0;
  }
  return out;
}

/** The first check that slot `i` breaks (Σinput > ΣatMost), or null. */
export function brokenCheck(
  plan: RatioPlan,
  slots: readonly (Slots | undefined)[],
  i: number,
): { input: KpiInput; atMost: KpiInput; a: number; b: number } | null {
  for (const c of plan.checks) {
    const a = slots[c.input];
    const b = slots[c.atMost];
    if (a && b && a.sum[i]! > b.sum[i]!) {
      return {
        input: plan.kpi.inputs[c.input]!,
        atMost: plan.kpi.inputs[c.atMost]!,
        a: a.sum[i]!,
        b: b.sum[i]!,
      };
    }
  }
  return null;
}

/** The names of the denominator's given inputs, as an error message shows them: "sent − bounced". */
export function denominatorLabel(plan: RatioPlan, present: readonly boolean[]): string {
  let text = "";
  for (const t of plan.denominator) {
    if (!present[t.index]) continue;
    const name = plan.kpi.inputs[t.index]!.name;
    text += text === "" ? name : ` ${t.sign < 0 ? "−" : "+"} ${name}`;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Scanning cells

/** A custom-function argument as a 2D array: a single value is a 1×1 range. */
export function as2D(arg: unknown): readonly (readonly unknown[])[] {
  if (!Array.isArray(arg)) return [[arg]];
  if (arg.length === 0 || Array.isArray(arg[0])) return arg as unknown[][];
  // A flat list (never from Sheets, but handy from code): one cell per row.
  return arg.map((v: unknown) => [v]);
}

/**
 * A range's cells in reading order, without copying a one-column range (the usual case):
 * cell i is `nested ? cells[i][0] : cells[i]`.
 */
export interface CellList {
  readonly cells: readonly unknown[];
  readonly nested: boolean;
  readonly length: number;
}

export function cellList(range: readonly (readonly unknown[])[]): CellList {
  let n = 0;
  let oneColumn = true;
  for (let r = 0; r < range.length; r++) {
    const w = range[r]!.length;
    n += w;
    if (w !== 1) oneColumn = false;
  }
  if (oneColumn) return { cells: range, nested: true, length: range.length };
  const cells = new Array<unknown>(n);
  let k = 0;
  for (let r = 0; r < range.length; r++) {
    const row = range[r]!;
    for (let c = 0; c < row.length; c++) cells[k++] = row[c];
  }
  return { cells, nested: false, length: n };
}

/** A flat column as a CellList. */
export function flatList(cells: readonly unknown[]): CellList {
  return { cells, nested: false, length: cells.length };
}

export function cellCount(range: readonly (readonly unknown[])[]): number {
  let n = 0;
  for (const row of range) n += row.length;
  return n;
}

/** Whether an input's cells may be negative. */
export function isSigned(input: KpiInput): boolean {
  return input.signed === true;
}

/**
 * Adds the cells of a 2D range into slot `slot` (total) or slot r (rows mode, `perRow`).
 * Positions in errors are reading-order cell numbers of the range.
 */
export function scanRange(
  range: readonly (readonly unknown[])[],
  kind: KpiInput["kind"],
  signed: boolean,
  src: CellSource,
  into: Slots,
  perRow: boolean,
): void {
  const { sum, count, ones } = into;
  const duration = kind === "duration";
  // Durations are never negative, whatever `signed` says.
  const nonNegative = duration || !signed;
  for (let r = 0; r < range.length; r++) {
    const row = range[r]!;
    const w = row.length;
    const k = perRow ? r : 0;
    let s = 0;
    let n = 0;
    let o = 0;
    for (let c = 0; c < w; c++) {
      const v = row[c];
      let x: number | null;
      if (typeof v === "number" && (nonNegative ? v >= 0 : v - v === 0)) x = v;
      else if (v === "") continue;
      else {
        x = duration ? slowDuration(v, src, r * w + c) : slowNumber(v, src, r * w + c, signed);
        if (x === null) continue;
      }
      s += x;
      n++;
      if (x === 1) o++;
    }
    sum[k] = sum[k]! + s;
    count[k] = count[k]! + n;
    ones[k] = ones[k]! + o;
  }
}

/** Fresh slots, `n` of them, zeroed. */
export function newSlots(n: number): Slots {
  return { sum: new Float64Array(n), count: new Float64Array(n), ones: new Float64Array(n) };
}

/**
 * Adds one cell of a column (series.ts) into slot `k`, or subtracts it when `sign` is -1 (a
 * derived input: the cell itself still obeys the input's rules): returns whether the cell was
 * non-blank. Same rules as scanRange.
 */
export function addCell(
  v: unknown,
  kind: KpiInput["kind"],
  signed: boolean,
  src: CellSource,
  index: number,
  into: Slots,
  k: number,
  sign: 1 | -1 = 1,
): boolean {
  let x: number | null;
  if (typeof v === "number" && (kind === "duration" || !signed ? v >= 0 : v - v === 0)) x = v;
  else if (v === "") return false;
  else {
    x = kind === "duration" ? slowDuration(v, src, index) : slowNumber(v, src, index, signed);
    if (x === null) return false;
  }
  if (sign < 0) {
    into.sum[k] = into.sum[k]! - x;
    into.count[k] = into.count[k]! + 1;
    return true;
  }
  into.sum[k] = into.sum[k]! + x;
  into.count[k] = into.count[k]! + 1;
  if (x === 1) into.ones[k] = into.ones[k]! + 1;
  return true;
}
