// The 19 custom functions called through their generated stubs in the built bundle, on the
// emulator's SpreadsheetApp, as Sheets calls them.
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../dev/emulator/index.ts";
import { loadBundle, readBundle } from "../../dev/harness/bundle.ts";
import { CUSTOM_FUNCTIONS } from "../../src/kpi/functions/index.ts";
import { EXAMPLE_CONTEXT } from "../../src/kpi/functions/spec.ts";

const code = readBundle();

function bundleOn(timeZone: string, locale: string) {
  const emulator = createEmulator({ timeZone, locale });
  return { emulator, bundle: loadBundle(emulator.globals, code) };
}

describe("custom functions from dist/Code.js", () => {
  const { bundle } = bundleOn(EXAMPLE_CONTEXT.timeZone, EXAMPLE_CONTEXT.locale);

  for (const spec of CUSTOM_FUNCTIONS) {
    it(`${spec.name} gives its documented examples`, () => {
      expect(spec.examples.length).toBeGreaterThan(0);
      for (const example of spec.examples) {
        const args = spec.params.map((_, i) => example.args[i]);
        expect(bundle.invoke(spec.name, args), example.formula).toEqual(example.result);
      }
    });
  }

  it("throws an error naming the function, argument, cell and value", () => {
    expect(() =>
      bundle.invoke("KPI_CTR", [
        [[1], [2], ["abc"]],
        [[10], [20], [30]],
      ]),
    ).toThrow('KPI_CTR: clicks, cell 3: "abc" is not a number');
  });

  it("takes the ratio of sums, not the mean of ratios", () => {
    // (1 + 99) / (10 + 100), where the mean of the row ratios would be 0.545.
    expect(
      bundle.invoke("KPI_CONVERSION", [
        [[1], [99]],
        [[10], [100]],
      ]),
    ).toBeCloseTo(100 / 110, 12);
  });
});

describe("custom functions with no authorization at all", () => {
  it("compute without touching ScriptApp, MailApp, properties, locks or the UI", () => {
    // A custom function runs in AuthMode.CUSTOM_FUNCTION: the review's services are off limits,
    // so any of them touched would throw here.
    const emulator = createEmulator({
      timeZone: EXAMPLE_CONTEXT.timeZone,
      locale: EXAMPLE_CONTEXT.locale,
    });
    const refusing = (service: string) =>
      new Proxy(
        {},
        {
          get(_t, prop) {
            throw new Error(`${service}.${String(prop)} touched by a custom function`);
          },
        },
      );
    const globals = {
      ...emulator.globals,
      ScriptApp: refusing("ScriptApp"),
      MailApp: refusing("MailApp"),
      PropertiesService: refusing("PropertiesService"),
      LockService: refusing("LockService"),
      HtmlService: refusing("HtmlService"),
    };
    const bundle = loadBundle(globals, code);
    for (const spec of CUSTOM_FUNCTIONS) {
      const example = spec.examples[0]!;
      const args = spec.params.map((_, i) => example.args[i]);
      expect(bundle.invoke(spec.name, args), example.formula).toEqual(example.result);
    }
    expect(() => bundle.invoke("getSchedule", [])).toThrow(/touched by a custom function/);
  });
});

describe("the spreadsheet's context, read only when needed", () => {
  it("makes no Spreadsheet call for plain numbers", () => {
    const { emulator, bundle } = bundleOn("Europe/Paris", "fr_FR");
    emulator.calls.reset();
    bundle.invoke("KPI_CTR", [
      [[5], [7]],
      [[100], [100]],
    ]);
    expect(emulator.calls.total()).toBe(0);
  });

  it("reads the spreadsheet locale to settle ambiguous text, and answers in French", () => {
    const fr = bundleOn("Europe/Paris", "fr_FR").bundle;
    const en = bundleOn("Europe/Paris", "en_US").bundle;
    // "1,234" is 1.234 in French and 1234 in English.
    expect(fr.invoke("KPI_ROAS", [[["1,234"]], [[1]]])).toBeCloseTo(1.234, 12);
    expect(en.invoke("KPI_ROAS", [[["1,234"]], [[1]]])).toBe(1234);
    expect(() => fr.invoke("KPI_CTR", [[["abc"]], [[1]]])).toThrow(/KPI_CTR/);
  });

  it("cuts periods in the spreadsheet's zone across a DST change (Europe/Paris, machine in UTC)", () => {
    const { bundle } = bundleOn("Europe/Paris", "en_US");
    // Paris midnights around the change of 2026-03-29: 23:00Z before, 22:00Z after.
    const dates = [
      [new Date("2026-03-28T23:00:00Z")],
      [new Date("2026-03-29T22:00:00Z")],
      [new Date("2026-03-31T22:00:00Z")],
    ];
    const series = bundle.invoke("KPI_SERIES", ["month", dates, [[1], [2], [4]]]) as [
      Date,
      number,
    ][];
    expect(series.map(([start, value]) => [start.toISOString(), value])).toEqual([
      ["2026-02-28T23:00:00.000Z", 3],
      ["2026-03-31T22:00:00.000Z", 4],
    ]);
  });
});
