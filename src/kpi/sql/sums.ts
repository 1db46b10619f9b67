/**
 * Sums taken per period outside the sheet (a BigQuery or DuckDB query), in the shape the engine
 * turns into a series (series.ts, pointsFromSums).
 */

export interface PeriodSums {
  /** First day of the period (days.ts day number). */
  readonly start: number;
  /** First and last days with data in the period, and how many days had data. */
  readonly firstDay: number;
  readonly lastDay: number;
  readonly days: number;
  /** Per KPI input name, its sum (or distinct count) over the period. */
  readonly values: Readonly<Record<string, number>>;
}
