/**
 * Reading a custom function's arguments: counting them, requiring them, summing a range, taking
 * a single date; every error names the function and the argument.
 */
import { as2D, cellCount, newSlots, scanRange } from "../aggregate.ts";
import { type CellSource, cellDay, describeValue, kpiError, langOfCtx } from "../cells.ts";
import { KPI_MESSAGES } from "../messages.ts";
import type { EngineContext } from "../types.ts";

/** A scalar blank cell (or an omitted argument): an optional input given this way is omitted. */
export function isBlankScalar(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

/** The number of arguments given, not counting trailing undefined; throws if too many. */
export function argCount(
  fn: string,
  ctx: EngineContext,
  args: readonly unknown[],
  max: number,
): number {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  if (n > max) throw kpiError(ctx, "tooManyArgs", { fn, n: max, m: n });
  return n;
}

/** Where a cell comes from, for the error messages about it. */
export function source(fn: string, arg: string, ctx: EngineContext): CellSource {
  return { fn, arg, ctx };
}

/** The argument, or an error naming it when it was omitted. */
export function required(fn: string, ctx: EngineContext, v: unknown, arg: string): unknown {
  if (v === undefined) throw kpiError(ctx, "missingArg", { fn, arg });
  return v;
}

/** Σ of an argument's cells, and how many were non-blank. */
export function sumArg(
  fn: string,
  ctx: EngineContext,
  v: unknown,
  arg: string,
  signed: boolean,
): { sum: number; count: number } {
  const s = newSlots(1);
  scanRange(as2D(v), "amount", signed, source(fn, arg, ctx), s, false);
  return { sum: s.sum[0]!, count: s.count[0]! };
}

/** The day of a single-cell date argument, or null when blank. */
export function dayArg(fn: string, ctx: EngineContext, v: unknown, arg: string): number | null {
  if (v === undefined) return null;
  const range = as2D(v);
  const n = cellCount(range);
  if (n > 1) throw kpiError(ctx, "notSingle", { fn, arg, n });
  return cellDay(range[0]?.[0] ?? "", source(fn, arg, ctx), 0);
}

/** The day of a single-cell date argument that may be neither omitted nor blank. */
export function requiredDay(fn: string, ctx: EngineContext, v: unknown, arg: string): number {
  const day = dayArg(fn, ctx, required(fn, ctx, v, arg), arg);
  if (day === null) throw kpiError(ctx, "blankArg", { fn, arg });
  return day;
}

/** A value as an error message quotes it, in the spreadsheet's language. */
export function describe(ctx: EngineContext, v: unknown): string {
  return describeValue(v, langOfCtx(ctx), () => ctx.timeZone);
}

/**
 * A function's result, or an error naming the function (and the row of a table) when a number in
 * it overflowed to ±Infinity or NaN: KPI_GROWTH(1e308, −1e308) is a typo to point at, and Sheets
 * would show Infinity as a blank or #NUM! with no word of which function or why.
 */
export function finiteResult(fn: string, ctx: EngineContext, result: unknown): unknown {
  const bad = (v: unknown) => typeof v === "number" && !Number.isFinite(v);
  if (bad(result)) throw kpiError(ctx, "overflow", { fn, where: "" });
  if (Array.isArray(result)) {
    for (let r = 0; r < result.length; r++) {
      const row = result[r];
      if (!Array.isArray(row) || !row.some(bad)) continue;
      const where = KPI_MESSAGES.t(langOfCtx(ctx), "overflowRow", { n: r + 1 });
      throw kpiError(ctx, "overflow", { fn, where });
    }
  }
  return result;
}
