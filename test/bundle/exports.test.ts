import { describe, expect, it } from "vitest";
import { CUSTOM_FUNCTIONS } from "../../src/kpi/functions/index.ts";
import { KPIS } from "../../src/kpi/registry/index.ts";
import * as exported from "../../src/sheets/custom-functions.ts";

describe("custom-function exports", () => {
  it("export exactly the registry's custom functions", () => {
    expect(Object.keys(exported).sort()).toEqual(CUSTOM_FUNCTIONS.map((s) => s.name).sort());
  });

  it("include one function per registry KPI", () => {
    const names = new Set(CUSTOM_FUNCTIONS.map((s) => s.name));
    for (const kpi of KPIS) expect(names.has(kpi.functionName)).toBe(true);
  });
});
