/**
 * Connected Sheets, as far as KPI Pilot uses it: a BigQuery spec with a raw query, a data-source
 * sheet that runs it, its execution status and its values by column. Queries run through the
 * emulator's `bigQuery` runner (options or setBigQueryRunner), which must answer synchronously, as
 * Apps Script code is synchronous: tests and the playground pass a DuckDB stand-in that blocks on
 * a worker (dev/bigquery/sync-duck.ts). No runner: the execution fails with ENGINE, named.
 */
import { names } from "../enums.ts";
import {
  type BigQueryAnswer,
  type Ctx,
  type DataExecution,
  type DataSourceSheetState,
  INTERNAL,
  instrument,
  type SheetState,
} from "../state.ts";

export type { BigQueryAnswer, BigQueryRunner } from "../state.ts";

type G = typeof GoogleAppsScript.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;

// DATA_NOT_FOUND and PERMISSION_DENIED are in the reference
// (https://developers.google.com/apps-script/reference/spreadsheet/data-execution-error-code) but
// not in @types/google-apps-script 2.0.13.
export const DataExecutionErrorCode = names<G["DataExecutionErrorCode"]>(
  "DATA_EXECUTION_ERROR_CODE_UNSUPPORTED",
  "NONE",
  "TIME_OUT",
  "TOO_MANY_ROWS",
  "TOO_MANY_COLUMNS",
  "TOO_MANY_CELLS",
  "ENGINE",
  "PARAMETER_INVALID",
  "UNSUPPORTED_DATA_TYPE",
  "DUPLICATE_COLUMN_NAMES",
  "INTERRUPTED",
  "OTHER",
  "TOO_MANY_CHARS_PER_CELL",
  "DATA_NOT_FOUND",
  "PERMISSION_DENIED",
);
export const DataExecutionState = names<G["DataExecutionState"]>(
  "DATA_EXECUTION_STATE_UNSUPPORTED",
  "RUNNING",
  "SUCCESS",
  "ERROR",
  "NOT_STARTED",
);
export const DataSourceType = names<G["DataSourceType"]>(
  "DATA_SOURCE_TYPE_UNSUPPORTED",
  "BIGQUERY",
);

type SpecState = DataSourceSheetState["spec"];

export type BigQuerySpecMethods = "getProjectId" | "getRawQuery" | "getType";
export class EmuBigQueryDataSourceSpec
  implements Pick<GoogleAppsScript.Spreadsheet.BigQueryDataSourceSpec, BigQuerySpecMethods>
{
  readonly [INTERNAL]: { ctx: Ctx; spec: SpecState };
  constructor(ctx: Ctx, spec: SpecState) {
    this[INTERNAL] = { ctx, spec };
  }
  getProjectId(): string {
    return this[INTERNAL].spec.projectId;
  }
  getRawQuery(): string {
    return this[INTERNAL].spec.rawQuery;
  }
  getType(): GoogleAppsScript.Spreadsheet.DataSourceType {
    return DataSourceType.BIGQUERY;
  }
}

export type DataSourceSpecMethods = "asBigQuery" | "getType";
export class EmuDataSourceSpec
  implements Pick<GoogleAppsScript.Spreadsheet.DataSourceSpec, DataSourceSpecMethods>
{
  readonly [INTERNAL]: { ctx: Ctx; spec: SpecState };
  constructor(ctx: Ctx, spec: SpecState) {
    this[INTERNAL] = { ctx, spec: { ...spec } };
  }
  asBigQuery(): GoogleAppsScript.Spreadsheet.BigQueryDataSourceSpec {
    return new EmuBigQueryDataSourceSpec(this[INTERNAL].ctx, this[INTERNAL].spec) as never;
  }
  getType(): GoogleAppsScript.Spreadsheet.DataSourceType {
    return DataSourceType.BIGQUERY;
  }
}

export type BigQuerySpecBuilderMethods = "build" | "setProjectId" | "setRawQuery";
export class EmuBigQueryDataSourceSpecBuilder
  implements
    Pick<GoogleAppsScript.Spreadsheet.BigQueryDataSourceSpecBuilder, BigQuerySpecBuilderMethods>
{
  readonly [INTERNAL]: { ctx: Ctx; spec: SpecState };
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx, spec: { projectId: "", rawQuery: "" } };
  }
  build(): GoogleAppsScript.Spreadsheet.DataSourceSpec {
    const { ctx, spec } = this[INTERNAL];
    return new EmuDataSourceSpec(ctx, spec) as never;
  }
  setProjectId(projectId: string): GoogleAppsScript.Spreadsheet.BigQueryDataSourceSpecBuilder {
    this[INTERNAL].spec.projectId = projectId;
    return this as never;
  }
  setRawQuery(rawQuery: string): GoogleAppsScript.Spreadsheet.BigQueryDataSourceSpecBuilder {
    this[INTERNAL].spec.rawQuery = rawQuery;
    return this as never;
  }
}

export class EmuDataSourceSpecBuilder
  implements Pick<GoogleAppsScript.Spreadsheet.DataSourceSpecBuilder, "asBigQuery">
{
  readonly [INTERNAL]: { ctx: Ctx };
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  asBigQuery(): GoogleAppsScript.Spreadsheet.BigQueryDataSourceSpecBuilder {
    return new EmuBigQueryDataSourceSpecBuilder(this[INTERNAL].ctx) as never;
  }
}

export type DataExecutionStatusMethods =
  | "getErrorCode"
  | "getErrorMessage"
  | "getExecutionState"
  | "isTruncated";
export class EmuDataExecutionStatus
  implements Pick<GoogleAppsScript.Spreadsheet.DataExecutionStatus, DataExecutionStatusMethods>
{
  readonly [INTERNAL]: { ctx: Ctx; run: DataExecution };
  constructor(ctx: Ctx, run: DataExecution) {
    this[INTERNAL] = { ctx, run };
  }
  getErrorCode(): GoogleAppsScript.Spreadsheet.DataExecutionErrorCode {
    return (DataExecutionErrorCode as unknown as Record<string, never>)[this[INTERNAL].run.code]!;
  }
  getErrorMessage(): string {
    return this[INTERNAL].run.message;
  }
  getExecutionState(): GoogleAppsScript.Spreadsheet.DataExecutionState {
    return (DataExecutionState as unknown as Record<string, never>)[this[INTERNAL].run.state]!;
  }
  isTruncated(): boolean {
    return this[INTERNAL].run.truncated;
  }
}

function execute(ctx: Ctx, spec: SpecState): DataExecution {
  // The reference: data-source objects throw "if the data source type is not enabled".
  if (!ctx.bigQueryEnabled) {
    throw new Error(
      "emulator: call SpreadsheetApp.enableBigQueryExecution() before a BigQuery data source runs",
    );
  }
  const runner = ctx.bigQuery;
  const answer: BigQueryAnswer = runner
    ? runner(spec.projectId, spec.rawQuery)
    : { error: "ENGINE", message: "emulator: no BigQuery runner (createEmulator({ bigQuery }))" };
  const base = { seconds: answer.seconds ?? 0, truncated: false, header: [], rows: [] };
  if ("error" in answer)
    return { ...base, state: "ERROR", code: answer.error, message: answer.message };
  return {
    ...base,
    state: "SUCCESS",
    code: "NONE",
    message: "",
    truncated: answer.truncated ?? false,
    header: answer.header,
    rows: answer.rows,
  };
}

export type DataSourceMethods = "getSpec" | "updateSpec";
export class EmuDataSource
  implements Pick<GoogleAppsScript.Spreadsheet.DataSource, DataSourceMethods>
{
  readonly [INTERNAL]: { ctx: Ctx; state: DataSourceSheetState };
  constructor(ctx: Ctx, state: DataSourceSheetState) {
    this[INTERNAL] = { ctx, state };
  }
  getSpec(): GoogleAppsScript.Spreadsheet.DataSourceSpec {
    return new EmuDataSourceSpec(this[INTERNAL].ctx, this[INTERNAL].state.spec) as never;
  }
  /** As documented: the new spec, and the linked data-source sheet refreshed with it. */
  updateSpec(
    spec: GoogleAppsScript.Spreadsheet.DataSourceSpec,
  ): GoogleAppsScript.Spreadsheet.DataSource {
    const { ctx, state } = this[INTERNAL];
    state.spec = { ...(spec as unknown as EmuDataSourceSpec)[INTERNAL].spec };
    state.run = execute(ctx, state.spec);
    return this as never;
  }
}

export type DataSourceSheetMethods =
  | "asSheet"
  | "getDataSource"
  | "getSheetValues"
  | "getStatus"
  | "refreshData"
  | "waitForCompletion";
export class EmuDataSourceSheet
  implements Pick<GoogleAppsScript.Spreadsheet.DataSourceSheet, DataSourceSheetMethods>
{
  readonly [INTERNAL]: { ctx: Ctx; state: DataSourceSheetState; sheet: GSheet };
  constructor(ctx: Ctx, state: DataSourceSheetState, sheet: GSheet) {
    this[INTERNAL] = { ctx, state, sheet };
  }
  asSheet(): GSheet {
    return this[INTERNAL].sheet;
  }
  getDataSource(): GoogleAppsScript.Spreadsheet.DataSource {
    return new EmuDataSource(this[INTERNAL].ctx, this[INTERNAL].state) as never;
  }
  getSheetValues(columnName: string, startRow?: number, numRows?: number): unknown[] {
    const { run } = this[INTERNAL].state;
    const c = run.header.indexOf(columnName);
    if (c < 0) throw new Error(`emulator: the data-source sheet has no column ${columnName}`);
    const from = (startRow ?? 1) - 1;
    return run.rows
      .slice(from, numRows === undefined ? undefined : from + numRows)
      .map((r) => r[c]);
  }
  getStatus(): GoogleAppsScript.Spreadsheet.DataExecutionStatus {
    return new EmuDataExecutionStatus(this[INTERNAL].ctx, this[INTERNAL].state.run) as never;
  }
  refreshData(): GoogleAppsScript.Spreadsheet.DataSourceSheet {
    const { ctx, state } = this[INTERNAL];
    state.run = execute(ctx, state.spec);
    return this as never;
  }
  /**
   * Time does not pass in the emulator: a query whose runner says it took longer than the
   * timeout throws here, as the reference says waitForCompletion does (without cancelling it).
   */
  waitForCompletion(timeoutInSeconds: number): GoogleAppsScript.Spreadsheet.DataExecutionStatus {
    const { run } = this[INTERNAL].state;
    if (run.seconds > timeoutInSeconds) {
      throw new Error(`Data execution did not complete within ${timeoutInSeconds} seconds.`);
    }
    return this.getStatus();
  }
}

/** A new data-source sheet running `spec`, on the tab `sheet` (inserted by the caller). */
export function newDataSourceSheet(
  ctx: Ctx,
  spec: GoogleAppsScript.Spreadsheet.DataSourceSpec,
  sheet: GSheet,
  sheetState: SheetState,
): EmuDataSourceSheet {
  const specState = { ...(spec as unknown as EmuDataSourceSpec)[INTERNAL].spec };
  const state: DataSourceSheetState = { spec: specState, run: execute(ctx, specState) };
  sheetState.dataSource = state;
  return new EmuDataSourceSheet(ctx, state, sheet);
}

for (const [cls, name] of [
  [EmuBigQueryDataSourceSpec, "BigQueryDataSourceSpec"],
  [EmuDataSourceSpec, "DataSourceSpec"],
  [EmuBigQueryDataSourceSpecBuilder, "BigQueryDataSourceSpecBuilder"],
  [EmuDataSourceSpecBuilder, "DataSourceSpecBuilder"],
  [EmuDataExecutionStatus, "DataExecutionStatus"],
  [EmuDataSource, "DataSource"],
  [EmuDataSourceSheet, "DataSourceSheet"],
] as const) {
  instrument(cls, name);
}
