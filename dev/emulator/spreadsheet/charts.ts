/** Embedded charts: the generic builder, the chart, its options and its position. */
import {
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  enumName,
  member,
} from "../enums.ts";
import { type ChartState, type Ctx, INTERNAL, instrument } from "../state.ts";
import { decodeJson, encodeJson } from "../values.ts";

type GRange = GoogleAppsScript.Spreadsheet.Range;
type ECB = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type EC = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/** A chart as built or read back; `id` is 0 until the chart is inserted into a sheet. */
export interface ChartDraft extends Omit<ChartState, "type"> {
  type: string | undefined;
  /** The sheet whose newChart() or getCharts() produced it. */
  sheetId: number;
}

export function cloneChart<T extends ChartDraft | ChartState>(c: T): T {
  return {
    ...c,
    ranges: c.ranges.map((r) => ({ sheetId: r.sheetId, rect: { ...r.rect } })),
    // Options are JSON-like; a round trip keeps Dates and drops nothing a chart can hold.
    options: decodeJson(encodeJson(c.options)) as Record<string, unknown>,
  };
}

export function newChartDraft(sheetId: number): ChartDraft {
  return {
    id: 0,
    sheetId,
    type: undefined,
    ranges: [],
    options: {},
    anchorRow: 1,
    anchorColumn: 1,
    offsetX: 0,
    offsetY: 0,
    numHeaders: -1,
    transpose: false,
    mergeStrategy: "MERGE_COLUMNS",
    hiddenDimensionStrategy: "IGNORE_ROWS",
  };
}

export type EmbeddedChartBuilderMethods =
  | "addRange"
  | "build"
  | "clearRanges"
  | "getChartType"
  | "getContainer"
  | "getRanges"
  | "removeRange"
  | "setChartType"
  | "setHiddenDimensionStrategy"
  | "setMergeStrategy"
  | "setNumHeaders"
  | "setOption"
  | "setPosition"
  | "setTransposeRowsAndColumns";

export class EmuEmbeddedChartBuilder implements Pick<ECB, EmbeddedChartBuilderMethods> {
  readonly [INTERNAL]: { ctx: Ctx; draft: ChartDraft };
  constructor(ctx: Ctx, draft: ChartDraft) {
    this[INTERNAL] = { ctx, draft: cloneChart(draft) };
  }
  addRange(range: GRange): ECB {
    const r = this[INTERNAL].ctx.facades.unwrapRange(range, "EmbeddedChartBuilder.addRange");
    this[INTERNAL].draft.ranges.push({ sheetId: r.sheet.id, rect: { ...r.rect } });
    return this.self();
  }
  removeRange(range: GRange): ECB {
    const r = this[INTERNAL].ctx.facades.unwrapRange(range, "EmbeddedChartBuilder.removeRange");
    const d = this[INTERNAL].draft;
    d.ranges = d.ranges.filter(
      (x) =>
        !(
          x.sheetId === r.sheet.id &&
          x.rect.r1 === r.rect.r1 &&
          x.rect.c1 === r.rect.c1 &&
          x.rect.r2 === r.rect.r2 &&
          x.rect.c2 === r.rect.c2
        ),
    );
    return this.self();
  }
  clearRanges(): ECB {
    this[INTERNAL].draft.ranges = [];
    return this.self();
  }
  getRanges(): GRange[] {
    return chartRanges(this[INTERNAL].ctx, this[INTERNAL].draft);
  }
  build(): EC {
    const { ctx, draft } = this[INTERNAL];
    if (!draft.type)
      throw new Error("emulator: EmbeddedChartBuilder.build: call setChartType first");
    return new EmuEmbeddedChart(ctx, draft) as unknown as EC;
  }
  getChartType(): GoogleAppsScript.Charts.ChartType {
    const t = this[INTERNAL].draft.type;
    if (!t) throw new Error("emulator: the chart type is not set yet");
    return member(ChartType, t);
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): ECB {
    const name = enumName(type);
    if (!(name in ChartType)) throw new Error(`emulator: unknown chart type ${name}`);
    this[INTERNAL].draft.type = name;
    return this.self();
  }
  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return new EmuContainerInfo(
      this[INTERNAL].ctx,
      this[INTERNAL].draft,
    ) as unknown as GoogleAppsScript.Spreadsheet.ContainerInfo;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): ECB {
    for (const v of [anchorRowPos, anchorColPos, offsetX, offsetY]) {
      if (!Number.isInteger(v))
        throw new Error("emulator: EmbeddedChartBuilder.setPosition expects integers");
    }
    if (anchorRowPos < 1 || anchorColPos < 1)
      throw new Error("emulator: chart anchors start at row 1, column 1");
    Object.assign(this[INTERNAL].draft, {
      anchorRow: anchorRowPos,
      anchorColumn: anchorColPos,
      offsetX,
      offsetY,
    });
    return this.self();
  }
  setOption(option: string, value: unknown): ECB {
    if (typeof option !== "string" || option === "")
      throw new Error("emulator: setOption needs an option name");
    // Encoding now refuses what a chart cannot hold (functions, undefined inside objects…) early.
    this[INTERNAL].draft.options[option] = decodeJson(encodeJson(value));
    return this.self();
  }
  setNumHeaders(headers: number): ECB {
    this[INTERNAL].draft.numHeaders = headers;
    return this.self();
  }
  setTransposeRowsAndColumns(transpose: boolean): ECB {
    this[INTERNAL].draft.transpose = !!transpose;
    return this.self();
  }
  setMergeStrategy(mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy): ECB {
    this[INTERNAL].draft.mergeStrategy = member<{ toString(): string }>(
      ChartMergeStrategy,
      enumName(mergeStrategy),
    ).toString();
    return this.self();
  }
  setHiddenDimensionStrategy(strategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy): ECB {
    this[INTERNAL].draft.hiddenDimensionStrategy = member<{ toString(): string }>(
      ChartHiddenDimensionStrategy,
      enumName(strategy),
    ).toString();
    return this.self();
  }
  private self(): ECB {
    return this as unknown as ECB;
  }
}
instrument(EmuEmbeddedChartBuilder, "EmbeddedChartBuilder");

function chartRanges(ctx: Ctx, draft: ChartDraft | ChartState): GRange[] {
  return draft.ranges.flatMap((r) => {
    const sheet = ctx.book.sheets.find((s) => s.id === r.sheetId);
    return sheet ? [ctx.facades.range(sheet, r.rect)] : [];
  });
}

export type EmbeddedChartMethods =
  | "getChartId"
  | "getContainerInfo"
  | "getHiddenDimensionStrategy"
  | "getMergeStrategy"
  | "getNumHeaders"
  | "getOptions"
  | "getRanges"
  | "getTransposeRowsAndColumns"
  | "modify";

/** A value object, as in Apps Script: edits go through modify() and Sheet.updateChart(). */
export class EmuEmbeddedChart implements Pick<EC, EmbeddedChartMethods> {
  readonly [INTERNAL]: { ctx: Ctx; draft: ChartDraft };
  constructor(ctx: Ctx, draft: ChartDraft) {
    this[INTERNAL] = { ctx, draft: cloneChart(draft) };
  }
  getChartId(): number | null {
    const id = this[INTERNAL].draft.id;
    return id === 0 ? null : id;
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return new EmuContainerInfo(
      this[INTERNAL].ctx,
      this[INTERNAL].draft,
    ) as unknown as GoogleAppsScript.Spreadsheet.ContainerInfo;
  }
  getHiddenDimensionStrategy(): GoogleAppsScript.Charts.ChartHiddenDimensionStrategy {
    return member(ChartHiddenDimensionStrategy, this[INTERNAL].draft.hiddenDimensionStrategy);
  }
  getMergeStrategy(): GoogleAppsScript.Charts.ChartMergeStrategy {
    return member(ChartMergeStrategy, this[INTERNAL].draft.mergeStrategy);
  }
  getNumHeaders(): number {
    return this[INTERNAL].draft.numHeaders;
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const { ctx, draft } = this[INTERNAL];
    return new EmuChartOptions(
      ctx,
      draft.options,
    ) as unknown as GoogleAppsScript.Charts.ChartOptions;
  }
  getRanges(): GRange[] {
    return chartRanges(this[INTERNAL].ctx, this[INTERNAL].draft);
  }
  getTransposeRowsAndColumns(): boolean {
    return this[INTERNAL].draft.transpose;
  }
  modify(): ECB {
    return new EmuEmbeddedChartBuilder(this[INTERNAL].ctx, this[INTERNAL].draft) as unknown as ECB;
  }
}
instrument(EmuEmbeddedChart, "EmbeddedChart");

export function unwrapChart(chart: unknown, where: string): ChartDraft {
  if (!(chart instanceof EmuEmbeddedChart))
    throw new Error(`emulator: ${where} expects an EmbeddedChart built here`);
  return cloneChart(chart[INTERNAL].draft);
}

export class EmuChartOptions implements Pick<GoogleAppsScript.Charts.ChartOptions, "get"> {
  readonly [INTERNAL]: { ctx: Ctx; options: Record<string, unknown> };
  constructor(ctx: Ctx, options: Record<string, unknown>) {
    this[INTERNAL] = { ctx, options: decodeJson(encodeJson(options)) as Record<string, unknown> };
  }
  get(option: string): unknown {
    const v = this[INTERNAL].options[option];
    return v === undefined ? null : decodeJson(encodeJson(v));
  }
}
instrument(EmuChartOptions, "ChartOptions");

export class EmuContainerInfo
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.ContainerInfo,
      "getAnchorColumn" | "getAnchorRow" | "getOffsetX" | "getOffsetY"
    >
{
  readonly [INTERNAL]: {
    ctx: Ctx;
    anchorRow: number;
    anchorColumn: number;
    offsetX: number;
    offsetY: number;
  };
  constructor(
    ctx: Ctx,
    c: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number },
  ) {
    this[INTERNAL] = {
      ctx,
      anchorRow: c.anchorRow,
      anchorColumn: c.anchorColumn,
      offsetX: c.offsetX,
      offsetY: c.offsetY,
    };
  }
  getAnchorColumn(): number {
    return this[INTERNAL].anchorColumn;
  }
  getAnchorRow(): number {
    return this[INTERNAL].anchorRow;
  }
  getOffsetX(): number {
    return this[INTERNAL].offsetX;
  }
  getOffsetY(): number {
    return this[INTERNAL].offsetY;
  }
}
instrument(EmuContainerInfo, "ContainerInfo");
