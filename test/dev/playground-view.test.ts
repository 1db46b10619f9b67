import { describe, expect, it } from "vitest";
import type { SheetSnapshot } from "../../dev/emulator/snapshot.ts";
import { parseTypedInput, zonedDate } from "../../dev/playground/cell-input.ts";
import { evaluateFormula } from "../../dev/playground/formula.ts";
import { buildChartView, buildSheetView, type ViewEnv } from "../../dev/playground/view.ts";

function sheet(rows: SheetSnapshot["rows"], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return {
    sheetId: 7,
    name: "Dash",
    hidden: false,
    tabColor: null,
    hiddenGridlines: false,
    maxRows: 1000,
    maxColumns: 26,
    frozenRows: 0,
    frozenColumns: 0,
    columnWidths: {},
    rowHeights: {},
    rows,
    merges: [],
    protections: [],
    conditionalFormatRules: [],
    charts: [],
    ...extra,
  };
}

function envFor(s: SheetSnapshot, locale = "en_US", timeZone = "America/New_York"): ViewEnv {
  const valueAt = (r: number, c: number): unknown => {
    const cell = s.rows[r - 1]?.[c - 1];
    if (!cell) return "";
    if (cell.formula) return "";
    const v = cell.value;
    return v !== undefined && typeof v === "object" ? new Date(v.$date) : (v ?? "");
  };
  const readValues = (_sheet: string, r1: number, c1: number, r2: number, c2: number) => {
    const out: unknown[][] = [];
    for (let r = r1; r <= r2; r++) {
      const row: unknown[] = [];
      for (let c = c1; c <= c2; c++) row.push(valueAt(r, c));
      out.push(row);
    }
    return out;
  };
  return {
    timeZone,
    locale,
    evaluate: (sheetName, _r, _c, formula) =>
      evaluateFormula(formula, {
        sheet: sheetName,
        readRange: (ref) =>
          readValues(ref.sheet, ref.r1 ?? 1, ref.c1 ?? 1, ref.r2 ?? s.rows.length, ref.c2 ?? 26),
        customFunction: (name) =>
          name === "KPI_TWO"
            ? () => [
                [1, 2],
                [3, 4],
              ]
            : undefined,
      }),
    readValues,
    text: {
      chartNoData: (range) => `No numbers in ${range}`,
      notComputed: (name) => `${name}: not here`,
    },
  };
}

describe("the grid the page draws", () => {
  it("shows values under their number formats, in the spreadsheet's zone and locale", () => {
    // Midnight in New York on 1 March 2025 is 05:00 UTC.
    const s = sheet([
      [
        { value: 0.0213, numberFormat: "0.0%" },
        { value: 1234.5, numberFormat: "#,##0.00" },
        { value: { $date: "2025-03-01T05:00:00.000Z" }, numberFormat: "d mmm yyyy" },
        { value: 125 / 86400, numberFormat: "[m]:ss" },
        { value: "text" },
        { value: true },
      ],
    ]);
    const en = buildSheetView(s, 100, envFor(s), () => s);
    expect(en.cells[0]?.map((c) => c?.d)).toEqual([
      "2.1%",
      "1,234.50",
      "1 Mar 2025",
      "2:05",
      "text",
      "TRUE",
    ]);
    expect(en.cells[0]?.map((c) => c?.n)).toEqual(["r", "r", "r", "r", undefined, "c"]);
    // What the formula bar shows: the number as typed.
    expect(en.cells[0]?.[0]?.e).toBe("2.13%");
    expect(en.cells[0]?.[1]?.e).toBe("1234.5");
    const fr = buildSheetView(s, 100, envFor(s, "fr_FR"), () => s);
    expect(fr.cells[0]?.[1]?.d).toBe("1\u202f234,50");
    expect(fr.cells[0]?.[2]?.d).toBe("1 mars 2025");
  });

  it("carries styles, merges, frozen rows, widths, protections and hidden gridlines", () => {
    const s = sheet(
      [
        [
          {
            value: "KPI dashboard",
            fontWeight: "bold",
            fontSize: 18,
            background: "#f1f3f4",
            horizontalAlignment: "center",
          },
        ],
        [{ value: "x", fontColor: "#5f6368", wrap: true }],
      ],
      {
        merges: ["A1:C1"],
        frozenRows: 1,
        columnWidths: { "2": 210 },
        rowHeights: { "1": 40 },
        protections: [
          {
            type: "RANGE",
            range: "A1:C1",
            description: "",
            warningOnly: true,
            editors: [],
            unprotectedRanges: [],
          },
        ],
        hiddenGridlines: true,
      },
    );
    const v = buildSheetView(s, 100, envFor(s), () => s);
    expect(v.styles[v.cells[0]?.[0]?.s ?? -1]).toEqual({
      bold: true,
      background: "#f1f3f4",
      align: "center",
      size: 18,
    });
    expect(v.styles[v.cells[1]?.[0]?.s ?? -1]).toEqual({ color: "#5f6368", wrap: true });
    expect(v.merges).toEqual([{ row: 1, column: 1, rows: 1, columns: 3 }]);
    expect(v.frozenRows).toBe(1);
    expect(v.colWidths.slice(0, 2)).toEqual([100, 210]);
    expect(v.rowHeights).toEqual({ 1: 40 });
    expect(v.protectedRanges).toEqual([{ r1: 1, c1: 1, r2: 1, c2: 3, warningOnly: true }]);
    expect(v.gridlines).toBe(false);
  });

  it("applies conditional formats it can judge", () => {
    const s = sheet([[{ value: "Off track" }, { value: "On track" }, { value: 0.3 }]], {
      conditionalFormatRules: [
        {
          ranges: ["A1:B1"],
          criteria: "TEXT_EQUAL_TO",
          values: ["Off track"],
          format: { background: "#f4c7c3" },
        },
        {
          ranges: ["C1"],
          criteria: "NUMBER_LESS_THAN",
          values: [0.5],
          format: { fontColor: "#c5221f", bold: true },
        },
      ],
    });
    const v = buildSheetView(s, 100, envFor(s), () => s);
    expect(v.styles[v.cells[0]?.[0]?.s ?? -1]).toEqual({ background: "#f4c7c3" });
    expect(v.cells[0]?.[1]?.s).toBeUndefined();
    expect(v.styles[v.cells[0]?.[2]?.s ?? -1]).toEqual({ color: "#c5221f", bold: true });
  });

  it("computes formulas: sparklines from their ranges, spills, errors with their message", () => {
    const s = sheet([
      [{ value: 1 }, { value: 3 }, { value: 2 }],
      [
        { formula: '=SPARKLINE(A1:C1,{"charttype","line";"color","#1a73e8"})' },
        { formula: "=KPI_TWO()" },
      ],
      [{ formula: "=1/0" }],
      [{ formula: "=VLOOKUP(1, A1:C1, 2)" }],
    ]);
    const v = buildSheetView(s, 100, envFor(s), () => s);
    expect(v.cells[1]?.[0]?.spark).toEqual({ type: "line", values: [1, 3, 2], color: "#1a73e8" });
    expect(v.cells[1]?.[1]).toMatchObject({ d: "1", f: "=KPI_TWO()" });
    expect(v.cells[1]?.[2]).toMatchObject({ d: "2", spill: "B2" });
    expect(v.cells[2]?.[1]).toMatchObject({ d: "3", spill: "B2" });
    expect(v.cells[2]?.[2]).toMatchObject({ d: "4", spill: "B2" });
    // A spill never hides what a cell holds.
    expect(v.cells[2]?.[0]).toMatchObject({ d: "#DIV/0!", err: expect.stringMatching(/zero/) });
    // What the playground does not compute is said in the user's words.
    expect(v.cells[3]?.[0]).toMatchObject({ d: "#N/A", err: "VLOOKUP: not here" });
  });

  it("sends a window of a long sheet and says how long it is", () => {
    const rows = Array.from({ length: 2500 }, (_, i) => [{ value: i }]);
    const s = sheet(rows);
    const v = buildSheetView(s, 1000, envFor(s), () => s);
    expect(v.rows).toBe(1000);
    expect(v.totalRows).toBe(2500);
    expect(v.cells).toHaveLength(1000);
  });
});

describe("charts", () => {
  const trend = sheet([
    [{ value: "Period" }, { value: "Value" }, { value: "Target" }],
    [
      { value: { $date: "2025-01-01T05:00:00.000Z" }, numberFormat: "mmm yyyy" },
      { value: 0.021, numberFormat: "0.0%" },
      { value: 0.05, numberFormat: "0.0%" },
    ],
    [
      { value: { $date: "2025-02-01T05:00:00.000Z" }, numberFormat: "mmm yyyy" },
      { value: "—" },
      { value: 0.05, numberFormat: "0.0%" },
    ],
    [
      { value: { $date: "2025-03-01T05:00:00.000Z" }, numberFormat: "mmm yyyy" },
      { value: 0.034, numberFormat: "0.0%" },
      { value: 0.05, numberFormat: "0.0%" },
    ],
  ]);

  it("reads series and categories from the chart's range, with headers and formats", () => {
    const chart = buildChartView(
      {
        chartId: 1,
        type: "LINE",
        ranges: [{ sheet: "Dash", a1: "A1:C4" }],
        options: { title: "Conversion", series: { "1": { lineDashStyle: [4, 4] } } },
        anchor: { row: 2, column: 5, offsetX: 0, offsetY: 0 },
        numHeaders: -1,
        transpose: false,
        mergeStrategy: "MERGE_COLUMNS",
        hiddenDimensionStrategy: "IGNORE_ROWS",
      },
      envFor(trend),
      () => trend,
    );
    expect(chart.title).toBe("Conversion");
    expect(chart.labels).toEqual(["Jan 2025", "Feb 2025", "Mar 2025"]);
    expect(chart.series.map((s) => s.name)).toEqual(["Value", "Target"]);
    // "—" (no value) is a gap, never a zero.
    expect(chart.series[0]?.values).toEqual([0.021, null, 0.034]);
    expect(chart.series[0]?.texts).toEqual(["2.1%", "—", "3.4%"]);
    expect(chart.series[1]?.dashed).toBe(true);
    expect(chart.ticks[0]?.label).toBe("0.0%");
    expect(chart.ticks.at(-1)?.value).toBeGreaterThanOrEqual(0.05);
    expect(chart.width).toBe(600);
    expect(chart.problem).toBeUndefined();
  });

  it("says why a chart has nothing to draw", () => {
    const empty = sheet([[{ value: "a" }, { value: "b" }]]);
    const chart = buildChartView(
      {
        chartId: 2,
        type: "LINE",
        ranges: [{ sheet: "Dash", a1: "A1:B1" }],
        options: {},
        anchor: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
        numHeaders: 1,
        transpose: false,
        mergeStrategy: "MERGE_COLUMNS",
        hiddenDimensionStrategy: "IGNORE_ROWS",
      },
      envFor(empty),
      () => empty,
    );
    expect(chart.problem).toBe("No numbers in Dash!A1:B1");
  });
});

describe("what a user types in a cell", () => {
  const tz = "Europe/Paris";
  it("reads numbers, percentages, amounts and booleans in the spreadsheet's locale", () => {
    expect(parseTypedInput("12.5", "en_US", tz)).toEqual({ kind: "value", value: 12.5 });
    expect(parseTypedInput("12,5", "fr_FR", tz)).toEqual({ kind: "value", value: 12.5 });
    expect(parseTypedInput("12,5", "en_US", tz)).toEqual({ kind: "value", value: "12,5" });
    expect(parseTypedInput("5%", "en_US", tz)).toEqual({
      kind: "value",
      value: 0.05,
      format: "0%",
    });
    expect(parseTypedInput("2,5 %", "fr_FR", tz)).toEqual({
      kind: "value",
      value: 0.025,
      format: "0.00%",
    });
    expect(parseTypedInput("€1,200", "en_US", tz)).toMatchObject({
      value: 1200,
      format: '#,##0.00" €"',
    });
    expect(parseTypedInput("vrai", "fr_FR", tz)).toEqual({ kind: "value", value: true });
    expect(parseTypedInput("", "en_US", tz)).toEqual({ kind: "clear" });
  });

  it("reads dates in the spreadsheet's order and zone", () => {
    const paris = (s: string) => parseTypedInput(s, "fr_FR", tz);
    expect(paris("03/04/2025")).toEqual({ kind: "value", value: new Date("2025-04-02T22:00:00Z") });
    expect(parseTypedInput("03/04/2025", "en_US", tz)).toEqual({
      kind: "value",
      value: new Date("2025-03-03T23:00:00Z"),
    });
    expect(paris("2025-07-14")).toEqual({ kind: "value", value: new Date("2025-07-13T22:00:00Z") });
    expect(paris("31/02/2025")).toEqual({ kind: "value", value: "31/02/2025" });
  });

  it("places wall-clock dates across daylight-saving changes", () => {
    const base = { hh: 0, mi: 0, ss: 0, hasTime: true };
    expect(zonedDate({ y: 2025, m: 3, d: 30, ...base, hh: 12 }, tz).toISOString()).toBe(
      "2025-03-30T10:00:00.000Z",
    );
    expect(zonedDate({ y: 2025, m: 3, d: 29, ...base, hh: 12 }, tz).toISOString()).toBe(
      "2025-03-29T11:00:00.000Z",
    );
    expect(zonedDate({ y: 2025, m: 1, d: 1, ...base, offsetMinutes: 120 }, tz).toISOString()).toBe(
      "2024-12-31T22:00:00.000Z",
    );
  });

  it("keeps formulas (French ones in English form) and formula-like text", () => {
    expect(parseTypedInput("=KPI_CTR(A1:A3; B1:B3)", "fr_FR", tz)).toEqual({
      kind: "formula",
      formula: "=KPI_CTR(A1:A3, B1:B3)",
    });
    expect(parseTypedInput("=SUM(1,2)", "en_US", tz)).toEqual({
      kind: "formula",
      formula: "=SUM(1,2)",
    });
    expect(parseTypedInput("'=not a formula", "en_US", tz)).toEqual({
      kind: "value",
      value: "'=not a formula",
    });
    expect(parseTypedInput("=", "en_US", tz)).toEqual({ kind: "value", value: "'=" });
  });
});
