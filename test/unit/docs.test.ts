import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderFunctionsMarkdown } from "../../dev/docs.ts";
import { ROOT } from "../../dev/paths.ts";
import { CUSTOM_FUNCTIONS } from "../../src/kpi/functions/index.ts";
import { EXAMPLE_CONTEXT } from "../../src/kpi/functions/spec.ts";
import { KPIS } from "../../src/kpi/registry/index.ts";

/** Deep equality with numbers compared to 12 significant digits (0.1 + 0.2 style noise). */
function same(actual: unknown, expected: unknown): boolean {
  if (typeof expected === "number") {
    return (
      typeof actual === "number" &&
      Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected))
    );
  }
  if (expected instanceof Date)
    return actual instanceof Date && actual.getTime() === expected.getTime();
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => same(actual[i], e))
    );
  }
  return actual === expected;
}

describe("docs/FUNCTIONS.md", () => {
  it("is up to date (run `npm run docs` if this fails)", () => {
    const onDisk = readFileSync(join(ROOT, "docs/FUNCTIONS.md"), "utf8");
    expect(
      onDisk === renderFunctionsMarkdown(),
      "docs/FUNCTIONS.md is stale: run `npm run docs`",
    ).toBe(true);
  });

  it("documents every function with its French name and formula", () => {
    const md = renderFunctionsMarkdown();
    for (const s of CUSTOM_FUNCTIONS) {
      expect(md).toContain(`## ${s.name}\n`);
      expect(md).toContain(s.title.fr);
      expect(md).toContain(`Formula: ${s.formula.en}`);
    }
    for (const k of KPIS) expect(md).toContain(`*${k.name.fr}*`);
  });
});

describe("every worked example in the docs", () => {
  for (const spec of CUSTOM_FUNCTIONS) {
    spec.examples.forEach((ex, i) => {
      it(`${spec.name} example ${i + 1}: ${ex.formula}`, () => {
        const result = spec.run(EXAMPLE_CONTEXT, ex.args);
        expect(same(result, ex.result), `got ${JSON.stringify(result)}`).toBe(true);
        // The docs show it.
        expect(renderFunctionsMarkdown()).toContain(ex.formula);
      });
    });
  }

  it("the comparison can fail", () => {
    expect(same(0.1 + 0.2, 0.3)).toBe(true);
    expect(same(0.31, 0.3)).toBe(false);
    expect(same(null, 0)).toBe(false);
    expect(same([[1], [""]], [[1], [0]])).toBe(false);
  });
});
