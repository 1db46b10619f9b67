/**
 * A KPI per reporting period, from a table of columns (what the dashboard and the wizard read
 * from a sheet), and its total. Same parsing and same combine as the custom functions
 * (aggregate.ts), so a dashboard figure and a KPI_… formula on the same cells always agree.
 */
import {
  addCell,
  brokenCheck,
  type CellList,
  denominatorGiven,
  type Evaluation,
  evaluate,
  flatList,
  isSigned,
  ratioPlan,
  type Slots,
} from "./aggregate.ts";
import { type CellSource, cellDay, formatNumber, idKey, kpiError } from "./cells.ts";
import { civilDayIn, isoDay } from "./days.ts";
import { nextPeriodStart, type Period, periodStart } from "./periods.ts";
import type { PeriodSums } from "./sql/sums.ts";
import type { EngineContext, KpiDefinition } from "./types.ts";

/** One period of a KPI series. Days are day numbers (days.ts). */
export interface PeriodPoint {
  /** First day of the period. */
  readonly start: number;
  /** First day of the next period (exclusive end). */
  readonly end: number;
  /** Σ numerator (before the KPI's scale); for a distinct count, the count. */
  readonly numerator: number;
  /** Σ denominator; null for a distinct count. */
  readonly denominator: number | null;
  /** scale × numerator ÷ denominator, or the count; null when the denominator is 0. */
  readonly value: number | null;
  /** First and last days with data in the period. */
  readonly firstDay: number;
  readonly lastDay: number;
  /** Number of distinct days with data in the period. */
  readonly days: number;
}

/** Columns of a sheet, as the dashboard reads them (one getValues per block). */
export interface SeriesTable {
  /** One cell per row. */
  readonly dates: readonly unknown[];
  /**
   * Per input name, its columns (each as long as `dates`): several for a multiColumn input,
   * none or absent for an omitted optional input.
   */
  readonly inputs: Readonly<Record<string, readonly (readonly unknown[])[]>>;
  /** Headers to name in error messages, per input one per column; inputs' names otherwise. */
  readonly headers?: {
    readonly dates?: string;
    readonly inputs?: Readonly<Record<string, readonly (string | undefined)[]>>;
  };
  /** Sheet row number of index 0, so errors say "row 12"; without it, rows count from 1. */
  readonly firstRow?: number;
  /** Sheet row number of each index, when the rows are a selection (rows.ts); beats firstRow. */
  readonly rowNumbers?: readonly number[];
  /**
   * Per input name, the sign of each of its columns: -1 subtracts a column (bounces = Sessions −
   * Engaged sessions, per row and so per period). Absent: every column is added.
   */
  readonly signs?: Readonly<Record<string, readonly (1 | -1)[]>>;
}

export type TotalTable = Omit<SeriesTable, "dates">;

// ---------------------------------------------------------------------------------------------
// Bucketing rows by period

export interface Buckets {
  /** Per row, the index of its period in `starts`, or -1 for a row without a date. */
  readonly bucketOf: Int32Array;
  /** Per row, its day (NaN without a date). */
  readonly dayOf: Float64Array;
  /** Start day of each bucket, in order of first appearance. */
  readonly starts: number[];
}

/** The calendar day of each cell of a date column (NaN for a blank); throws on a bad cell. */
export function daysOf(dates: CellList, src: CellSource): Float64Array {
  const n = dates.length;
  const out = new Float64Array(n);
  const { cells, nested } = dates;
  let toDay: ((ms: number) => number) | undefined;
  for (let i = 0; i < n; i++) {
    const v = nested ? (cells[i] as readonly unknown[])[0] : cells[i];
    let day: number | null;
    if (v instanceof Date) {
      toDay ??= civilDayIn(src.ctx.timeZone);
      day = toDay(v.getTime());
      if (Number.isNaN(day)) day = cellDay(v, src, i);
    } else if (v === "") day = null;
    else day = cellDay(v, src, i);
    out[i] = day === null ? Number.NaN : day;
  }
  return out;
}

/** Assigns each row to its period, from a column of dates (blank dates: no period). */
export function bucketRows(dates: CellList, period: Period, src: CellSource): Buckets {
  const dayOf = daysOf(dates, src);
  const n = dayOf.length;
  const bucketOf = new Int32Array(n);
  const starts: number[] = [];
  const index = new Map<number, number>();
  let lastDay = Number.NaN;
  let lastBucket = -1;
  for (let i = 0; i < n; i++) {
    const day = dayOf[i]!;
    if (day !== lastDay) {
      if (Number.isNaN(day)) {
        bucketOf[i] = -1;
        continue;
      }
      const start = periodStart(day, period);
      let b = index.get(start);
      if (b === undefined) {
        b = starts.length;
        starts.push(start);
        index.set(start, b);
      }
      lastDay = day;
      lastBucket = b;
    }
    bucketOf[i] = lastBucket;
  }
  return { bucketOf, dayOf, starts };
}

/** First/last/distinct days with data per bucket, from a per-row "has data" flag. */
function dataDays(buckets: Buckets, hasData: Uint8Array) {
  const nb = buckets.starts.length;
  const first = new Float64Array(nb).fill(Number.POSITIVE_INFINITY);
  const last = new Float64Array(nb).fill(Number.NEGATIVE_INFINITY);
  const days = new Float64Array(nb);
  const seen = new Set<number>();
  const { bucketOf, dayOf } = buckets;
  for (let i = 0; i < hasData.length; i++) {
    if (!hasData[i]) continue;
    const b = bucketOf[i]!;
    const d = dayOf[i]!;
    if (d < first[b]!) first[b] = d;
    if (d > last[b]!) last[b] = d;
    if (!seen.has(d)) {
      seen.add(d);
      days[b] = days[b]! + 1;
    }
  }
  return { first, last, days };
}

/** Bucket indexes in ascending order of their start day. */
function ascending(starts: readonly number[]): number[] {
  return starts.map((_, b) => b).sort((a, b) => starts[a]! - starts[b]!);
}

// ---------------------------------------------------------------------------------------------
// A KPI per period

function columnSource(fn: string, arg: string, ctx: EngineContext, table: TotalTable): CellSource {
  const src: CellSource = { fn, arg, ctx, firstRow: table.firstRow ?? 1 };
  return table.rowNumbers ? { ...src, rowNumbers: table.rowNumbers } : src;
}

function signOf(table: TotalTable, name: string, c: number): 1 | -1 {
  return table.signs?.[name]?.[c] ?? 1;
}

function columnsOf(table: TotalTable, name: string): readonly (readonly unknown[])[] {
  return table.inputs[name] ?? [];
}

function headerOf(table: TotalTable, name: string, c: number): string {
  return table.headers?.inputs?.[name]?.[c] ?? name;
}

function checkLength(
  fn: string,
  ctx: EngineContext,
  col: readonly unknown[],
  n: number,
  arg: string,
  other: string,
): void {
  if (col.length !== n) {
    throw kpiError(ctx, "sizeMismatch", { fn, arg, n: col.length, other, m: n });
  }
}

/**
 * The KPI per `period`, ascending, one point per period that has data (a non-blank input cell on
 * a row with a date). Rows with a blank date are skipped. A bad cell throws, naming `where`
 * (default: the KPI's function name), the column's header and the row.
 */
export function kpiSeries(
  kpi: KpiDefinition,
  table: SeriesTable,
  period: Period,
  ctx: EngineContext,
  where?: string,
): PeriodPoint[] {
  const fn = where ?? kpi.functionName;
  const n = table.dates.length;
  const dateHeader = table.headers?.dates ?? "dates";
  const buckets = bucketRows(
    flatList(table.dates),
    period,
    columnSource(fn, dateHeader, ctx, table),
  );
  const nb = buckets.starts.length;
  const hasData = new Uint8Array(n);
  const { bucketOf } = buckets;

  if (kpi.combine.kind === "distinct") {
    const idInput = kpi.combine.input;
    const sets = buckets.starts.map(() => new Set<string>());
    columnsOf(table, idInput).forEach((col, c) => {
      checkLength(fn, ctx, col, n, headerOf(table, idInput, c), dateHeader);
      for (let i = 0; i < n; i++) {
        const b = bucketOf[i]!;
        if (b < 0) continue;
        const key = idKey(col[i]);
        if (key === null) continue;
        sets[b]!.add(key);
        hasData[i] = 1;
      }
    });
    const { first, last, days } = dataDays(buckets, hasData);
    return ascending(buckets.starts)
      .filter((b) => days[b]! > 0)
      .map((b) => {
        const start = buckets.starts[b]!;
        const size = sets[b]!.size;
        return {
          start,
          end: nextPeriodStart(start, period),
          numerator: size,
          denominator: null,
          value: size,
          firstDay: first[b]!,
          lastDay: last[b]!,
          days: days[b]!,
        };
      });
  }

  const plan = ratioPlan(kpi);
  const slots: (Slots | undefined)[] = kpi.inputs.map((input) => {
    const cols = columnsOf(table, input.name);
    if (cols.length === 0) return undefined;
    const s: Slots = {
      sum: new Float64Array(nb),
      count: new Float64Array(nb),
      ones: new Float64Array(nb),
    };
    cols.forEach((col, c) => {
      const header = headerOf(table, input.name, c);
      checkLength(fn, ctx, col, n, header, dateHeader);
      const src = columnSource(fn, header, ctx, table);
      const signed = isSigned(input);
      const sign = signOf(table, input.name, c);
      for (let i = 0; i < n; i++) {
        const b = bucketOf[i]!;
        if (b < 0) continue;
        if (addCell(col[i], input.kind, signed, src, i, s, b, sign)) hasData[i] = 1;
      }
    });
    return s;
  });
  const denGiven = denominatorGiven(
    plan,
    slots.map((s) => s !== undefined),
  );
  const { first, last, days } = dataDays(buckets, hasData);
  const out: Evaluation = { numerator: 0, denominator: 0, blank: true, denBlank: true };
  const points: PeriodPoint[] = [];
  for (const b of ascending(buckets.starts)) {
    if (!(days[b]! > 0)) continue;
    const start = buckets.starts[b]!;
    throwIfBroken(plan, slots, b, fn, ctx, isoDay(start));
    evaluate(plan, slots, denGiven, b, out);
    points.push({
      start,
      end: nextPeriodStart(start, period),
      numerator: out.numerator,
      denominator: out.denominator,
      value: out.denominator === 0 ? null : (plan.scale * out.numerator) / out.denominator,
      firstDay: first[b]!,
      lastDay: last[b]!,
      days: days[b]!,
    });
  }
  return points;
}

/**
 * The KPI per `period` from sums already taken per period elsewhere (a BigQuery query): the same
 * combine, checks and point shape as kpiSeries, so status, forecast and anomalies cannot tell
 * where the sums came from. Each row's start must be a start of `period`; an input absent from
 * `values` is an omitted one.
 */
export function pointsFromSums(
  kpi: KpiDefinition,
  rows: readonly PeriodSums[],
  period: Period,
  ctx: EngineContext,
  where?: string,
): PeriodPoint[] {
  const fn = where ?? kpi.functionName;
  const sorted = [...rows].sort((a, b) => a.start - b.start);
  for (const r of sorted) {
    if (periodStart(r.start, period) !== r.start) {
      throw new Error(`${fn}: ${isoDay(r.start)} does not start a ${period}`);
    }
  }
  const point = (
    r: PeriodSums,
    numerator: number,
    denominator: number | null,
    value: number | null,
  ) => ({
    start: r.start,
    end: nextPeriodStart(r.start, period),
    numerator,
    denominator,
    value,
    firstDay: r.firstDay,
    lastDay: r.lastDay,
    days: r.days,
  });
  if (kpi.combine.kind === "distinct") {
    const input = kpi.combine.input;
    // As kpiSeries: a period in which no row has an id has no point (not a point of 0).
    return sorted
      .filter((r) => (r.values[input] ?? 0) > 0)
      .map((r) => {
        const n = r.values[input]!;
        return point(r, n, null, n);
      });
  }
  const plan = ratioPlan(kpi);
  const present = kpi.inputs.map((input) => sorted.some((r) => r.values[input.name] !== undefined));
  const slots: (Slots | undefined)[] = kpi.inputs.map((input, i) => {
    if (!present[i]) return undefined;
    const sum = sorted.map((r) => r.values[input.name] ?? 0);
    return { sum, count: sum.map(() => 1), ones: sum.map((x) => (x === 1 ? 1 : 0)) };
  });
  const denGiven = denominatorGiven(plan, present);
  // Sums carry no count of cells, which an omitted denominator would divide by.
  if (!denGiven) throw new Error(`${fn}: the sums have no denominator`);
  const out: Evaluation = { numerator: 0, denominator: 0, blank: true, denBlank: true };
  return sorted.map((r, b) => {
    throwIfBroken(plan, slots, b, fn, ctx, isoDay(r.start));
    evaluate(plan, slots, denGiven, b, out);
    const value = out.denominator === 0 ? null : (plan.scale * out.numerator) / out.denominator;
    return point(r, out.numerator, out.denominator, value);
  });
}

/** Throws the error for the first consistency check (bounced ≤ sent) that slot `i` breaks. */
export function throwIfBroken(
  plan: ReturnType<typeof ratioPlan>,
  slots: readonly (Slots | undefined)[],
  i: number,
  fn: string,
  ctx: EngineContext,
  pos: string | null,
): void {
  const broken = brokenCheck(plan, slots, i);
  if (!broken) return;
  const params = {
    fn,
    pos: pos ?? "",
    arg: broken.input.name,
    other: broken.atMost.name,
    a: formatNumber(broken.a),
    b: formatNumber(broken.b),
  };
  throw kpiError(ctx, pos === null ? "exceeds" : "exceedsAt", params);
}

export interface KpiTotal {
  readonly numerator: number;
  /** Null for a distinct count. */
  readonly denominator: number | null;
  /** Null when the denominator is 0. */
  readonly value: number | null;
}

/**
 * The KPI over all rows of the table (dates, if any, are ignored), or null when every input
 * cell is blank. Same rules as the custom function in total mode, except that a zero
 * denominator gives a null value rather than an error.
 */
export function kpiTotal(
  kpi: KpiDefinition,
  table: TotalTable,
  ctx: EngineContext,
  where?: string,
): KpiTotal | null {
  const fn = where ?? kpi.functionName;
  if (kpi.combine.kind === "distinct") {
    const set = new Set<string>();
    for (const col of columnsOf(table, kpi.combine.input)) {
      for (const v of col) {
        const key = idKey(v);
        if (key !== null) set.add(key);
      }
    }
    if (set.size === 0) return null;
    return { numerator: set.size, denominator: null, value: set.size };
  }
  const plan = ratioPlan(kpi);
  const slots: (Slots | undefined)[] = kpi.inputs.map((input) => {
    const cols = columnsOf(table, input.name);
    if (cols.length === 0) return undefined;
    const s: Slots = { sum: [0], count: [0], ones: [0] };
    cols.forEach((col, c) => {
      const src = columnSource(fn, headerOf(table, input.name, c), ctx, table);
      const signed = isSigned(input);
      const sign = signOf(table, input.name, c);
      for (let i = 0; i < col.length; i++) addCell(col[i], input.kind, signed, src, i, s, 0, sign);
    });
    return s;
  });
  const e = evaluate(
    plan,
    slots,
    denominatorGiven(
      plan,
      slots.map((s) => s !== undefined),
    ),
    0,
    { numerator: 0, denominator: 0, blank: true, denBlank: true },
  );
  if (e.blank) return null;
  throwIfBroken(plan, slots, 0, fn, ctx, null);
  return {
    numerator: e.numerator,
    denominator: e.denominator,
    value: e.denominator === 0 ? null : (plan.scale * e.numerator) / e.denominator,
  };
}

/** The KPI's value over all rows, or null when blank or when its denominator is 0. */
export function kpiValue(
  kpi: KpiDefinition,
  table: TotalTable,
  ctx: EngineContext,
  where?: string,
): number | null {
  return kpiTotal(kpi, table, ctx, where)?.value ?? null;
}
