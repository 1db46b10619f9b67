/**
 * What the advisor and the benchmark display receive from getWizardContext on the emulator: the
 * advice and the cited figures in the user's language, at no cost in reads.
 */
import { afterEach, describe, expect, it } from "vitest";
import { REASONS } from "../../../src/kpi/registry/advice.ts";
import { BENCHMARKS } from "../../../src/kpi/registry/benchmarks.ts";
import { insertSampleData } from "../../../src/sheets/sample-data.ts";
import { getWizardContext } from "../../../src/sheets/wizard/describe.ts";
import { installEmulator } from "../helpers.ts";

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

describe("getWizardContext, for the advisor", () => {
  it("sends the advice and the benchmarks in French to a French user", () => {
    const installed = installEmulator({ userLocale: "fr", locale: "fr_FR" });
    uninstall = installed.uninstall;
    const ctx = getWizardContext();
    expect(ctx.advice.sales.search_ads).toEqual([
      { kpiId: "roas", reason: REASONS.sales.roas?.fr },
      { kpiId: "cpa", reason: REASONS.sales.cpa?.fr },
      { kpiId: "conversion", reason: REASONS.sales.conversion?.fr },
    ]);
    expect(ctx.benchmarks).toHaveLength(BENCHMARKS.length);
    const ctr = ctx.benchmarks.find((b) => b.kpiId === "ctr" && b.channel === "search_ads");
    expect(ctr).toMatchObject({
      value: 0.0666,
      year: 2025,
      statistic: "average",
      period: "avril 2024 à mars 2025",
      url: "https://www.wordstream.com/blog/2025-google-ads-benchmarks",
    });
    // What crosses google.script.run: plain data that survives JSON.
    expect(JSON.parse(JSON.stringify(ctx))).toEqual(ctx);
  });

  it("costs no read beyond one per data tab", () => {
    const installed = installEmulator({ userLocale: "en" });
    uninstall = installed.uninstall;
    insertSampleData();
    installed.emu.calls.reset();
    const ctx = getWizardContext();
    expect(ctx.advice.loyalty.email.map((s) => s.kpiId)).toEqual(["ctr", "open_rate"]);
    // The sample data and the sample visits: one getValues each, nothing for the advice.
    expect(installed.emu.calls.total("Range.getValues")).toBe(2);
  });
});
