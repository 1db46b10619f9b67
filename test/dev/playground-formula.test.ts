import { describe, expect, it } from "vitest";
import { columnNumber } from "../../dev/emulator/a1.ts";
import {
  evaluateFormula,
  type FormulaEnv,
  functionNames,
  isFormulaError,
  isSparkline,
  placeResult,
} from "../../dev/playground/formula.ts";
import {
  englishFormula,
  exampleFormula,
  localFormula,
} from "../../src/kpi/functions/formula-text.ts";
import { CUSTOM_FUNCTIONS } from "../../src/kpi/functions/index.ts";

/** A tiny workbook: sheet name → rows of values. */
function env(
  sheets: Record<string, unknown[][]>,
  custom: Record<string, (...args: unknown[]) => unknown> = {},
  sheet = "Data",
): FormulaEnv & { reads: string[] } {
  const reads: string[] = [];
  return {
    sheet,
    reads,
    readRange(ref) {
      const rows = sheets[ref.sheet];
      if (!rows) throw new Error(`Unresolved sheet name '${ref.sheet}'`);
      const r2 = ref.r2 ?? rows.length;
      const c2 = ref.c2 ?? Math.max(...rows.map((r) => r.length));
      reads.push(`${ref.sheet}!${ref.r1 ?? 1}:${ref.c1 ?? 1}-${r2}:${c2}`);
      const out: unknown[][] = [];
      for (let r = ref.r1 ?? 1; r <= r2; r++) {
        const row: unknown[] = [];
        for (let c = ref.c1 ?? 1; c <= c2; c++) row.push(rows[r - 1]?.[c - 1] ?? "");
        out.push(row);
      }
      return out;
    },
    customFunction: (name) => custom[name],
  };
}

const data = {
  Data: [
    ["Clicks", "Impressions"],
    [30, 1000],
    [20, 1000],
  ],
  "My data": [[1], [2], [""], [4]],
};

describe("the playground's formula evaluator", () => {
  it("passes ranges to custom functions as 2D arrays and single cells as values", () => {
    const seen: unknown[][] = [];
    const e = env(data, {
      KPI_CTR: (...args) => {
        seen.push(args);
        const clicks = (args[0] as number[][]).flat();
        const imps = (args[1] as number[][]).flat();
        return clicks.reduce((a, b) => a + b, 0) / imps.reduce((a, b) => a + b, 0);
      },
      ECHO: (x) => x,
    });
    expect(evaluateFormula("=KPI_CTR(A2:A3, B2:B3)", e)).toBe(0.025);
    expect(seen[0]).toEqual([
      [[30], [20]],
      [[1000], [1000]],
    ]);
    expect(evaluateFormula("=ECHO(B2)", e)).toBe(1000);
  });

  it("reads other sheets, quoted names and open-ended ranges", () => {
    const e = env(data, {
      SUMALL: (r) =>
        (r as unknown[][]).flat().reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0),
    });
    expect(evaluateFormula("=SUMALL('My data'!A:A)", e)).toBe(7);
    expect(evaluateFormula("=SUM('My data'!A2:A)", e)).toBe(6);
    expect(e.reads).toContain("My data!1:1-4:1");
  });

  it("turns a custom function's exception into #ERROR! with its message", () => {
    const e = env(data, {
      KPI_CPA: () => {
        throw new Error("KPI_CPA: conversions are all zero");
      },
    });
    expect(evaluateFormula("=KPI_CPA(A2:A3, B2:B3)", e)).toEqual({
      error: "#ERROR!",
      message: "KPI_CPA: conversions are all zero",
    });
  });

  it("keeps arrays a custom function returns, for the grid to spill", () => {
    const e = env(data, {
      KPI_SERIES: () => [
        ["Jan", 1],
        ["Feb", 2],
      ],
    });
    expect(evaluateFormula("=KPI_SERIES()", e)).toEqual([
      ["Jan", 1],
      ["Feb", 2],
    ]);
  });

  it("makes SPARKLINE a chart description, with lower-case options", () => {
    const e = env(data);
    const result = evaluateFormula(
      '=SPARKLINE(A2:A3,{"charttype","bar";"max",1;"color1","#34A853"})',
      e,
    );
    expect(isSparkline(result)).toBe(true);
    if (!isSparkline(result)) return;
    expect(result.sparkline.data).toEqual([[30], [20]]);
    expect(result.sparkline.options).toEqual({ charttype: "bar", max: 1, color1: "#34a853" });
  });

  it("computes everyday arithmetic and a few functions", () => {
    const e = env(data);
    expect(evaluateFormula("=A2*2+B2/100", e)).toBe(70);
    expect(evaluateFormula("=-A2^2", e)).toBe(-900);
    expect(evaluateFormula("=50%", e)).toBe(0.5);
    expect(evaluateFormula('="CTR: "&A2', e)).toBe("CTR: 30");
    expect(evaluateFormula("=AVERAGE(A2:A3)", e)).toBe(25);
    expect(evaluateFormula('=IF(A2>A3, "up", "down")', e)).toBe("up");
    expect(evaluateFormula('=IFERROR(1/0, "—")', e)).toBe("—");
    expect(evaluateFormula("=ROUND(2/3, 2)", e)).toBe(0.67);
  });

  it("says plainly what it does not compute, instead of guessing", () => {
    const e = env(data);
    const result = evaluateFormula("=VLOOKUP(1, A1:B3, 2)", e);
    expect(isFormulaError(result) && result.error).toBe("#N/A");
    expect(isFormulaError(result) && result.message).toMatch(
      /VLOOKUP is not computed in the playground/,
    );
  });

  it("reports Sheets' own errors", () => {
    const e = env(data);
    expect(evaluateFormula("=1/0", e)).toMatchObject({ error: "#DIV/0!" });
    expect(evaluateFormula("=Nope!A1", e)).toMatchObject({ error: "#REF!" });
    expect(evaluateFormula("=SUM(A1", e)).toMatchObject({ error: "#ERROR!" });
    expect(evaluateFormula("=foo", e)).toMatchObject({ error: "#NAME?" });
    expect(evaluateFormula('=A1+"x"', e)).toMatchObject({ error: "#VALUE!" });
  });

  it("lists the functions a formula calls", () => {
    expect(functionNames("=IFERROR(KPI_CTR(A1:A2, B1:B2), 0)")).toEqual(["IFERROR", "KPI_CTR"]);
    expect(columnNumber("AA")).toBe(27);
  });

  it("reads French formulas as setFormula stores them", () => {
    const fr = (f: string) => englishFormula(f, true);
    expect(fr("=KPI_CTR(C2:C9; D2:D9)")).toBe("=KPI_CTR(C2:C9, D2:D9)");
    expect(fr("=A1*1,5")).toBe("=A1*1.5");
    expect(fr('=SI(A1>0,5; "a;b"; 2)')).toBe('=SI(A1>0.5, "a;b", 2)');
    // A comma inside a number is a decimal comma, as Sheets reads it in French ...
    expect(fr("=SUM(1,2)")).toBe("=SUM(1.2)");
    // ... and one after a reference still separates arguments (an English formula pasted in).
    expect(fr("=KPI_CTR(C2:C9, D2:D9)")).toBe("=KPI_CTR(C2:C9, D2:D9)");
    expect(fr("=ROUND(A1,2)")).toBe("=ROUND(A1,2)");
    // Arrays: "\\" between columns, ";" between rows.
    expect(fr("={1,5\\2;3\\4}")).toBe("={1.5,2;3,4}");
    expect(fr("='Feuille 1,5'!A1")).toBe("='Feuille 1,5'!A1");
    expect(englishFormula("=SUM(1,2)", false)).toBe("=SUM(1,2)");
  });

  it("shows English formulas with French separators, and reads them back unchanged", () => {
    const local = (f: string) => localFormula(f, true);
    expect(local("=KPI_CTR(C2:C9, D2:D9)")).toBe("=KPI_CTR(C2:C9; D2:D9)");
    expect(local("=KPI_GROWTH(0.05, .5)")).toBe("=KPI_GROWTH(0,05; ,5)");
    expect(local('=IF(A1>0.5, "a,b. 1.5", {1, 2.5; 3, 4})')).toBe(
      '=IF(A1>0,5; "a,b. 1.5"; {1\\ 2,5; 3\\ 4})',
    );
    expect(local("=Sheet1.5!A1+LOG10(2)")).toBe("=Sheet1.5!A1+LOG10(2)");
    // A call inside an array separates its arguments with ";", not "\\".
    expect(local("={DATE(2026,1,5), 2; 3, 4}")).toBe("={DATE(2026;1;5)\\ 2; 3\\ 4}");
    expect(localFormula("=SUM(1.5, 2)", false)).toBe("=SUM(1.5, 2)");
    const examples = CUSTOM_FUNCTIONS.flatMap((s) => s.examples.map((ex) => exampleFormula(s, ex)));
    expect(examples.some((f) => /\d\.\d/.test(f))).toBe(true);
    for (const f of [
      ...examples,
      ...CUSTOM_FUNCTIONS.flatMap((s) => s.examples.map((e) => e.formula)),
    ]) {
      expect(englishFormula(local(f), true)).toBe(f);
    }
  });

  it("gives #REF! with Sheets' message when an array would overwrite a cell, as Sheets does", () => {
    const rows = [[0.1], [0.2], [0.3]];
    // The formula stands in B1; B3 holds data.
    const taken = new Set(["3:2"]);
    expect(placeResult(rows, 1, 2, (r, c) => taken.has(`${r}:${c}`))).toEqual({
      error: "#REF!",
      message: "Array result was not expanded because it would overwrite data in B3.",
    });
    // The first occupied cell, row by row, is the one named.
    const wide = [
      [1, 2],
      [3, 4],
    ];
    const both = new Set(["2:3", "1:4"]);
    expect(placeResult(wide, 1, 3, (r, c) => both.has(`${r}:${c}`))).toMatchObject({
      message: "Array result was not expanded because it would overwrite data in D1.",
    });
    // Its own cell does not count, and free cells let it spill.
    expect(placeResult(rows, 1, 2, (r, c) => r === 1 && c === 2)).toBe(rows);
    expect(placeResult(0.5, 1, 2, () => true)).toBe(0.5);
  });
});
