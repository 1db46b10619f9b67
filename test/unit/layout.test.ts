/**
 * The layout shows the architecture, and stays so: no import cycle anywhere; the sidebar reaches
 * the server's code only through src/contract; the engine and the contract know nothing of Apps
 * Script's side; each feature of src/sheets depends only on the layers below it; and no file or
 * folder outgrows what a reader takes in at once.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../dev/paths.ts";
import { findCycle, importGraph, sources } from "../import-graph.ts";

const rel = (f: string) => relative(ROOT, f);
const code = [...sources(join(ROOT, "src")), ...sources(join(ROOT, "sidebar"))];
const graph = importGraph(code);
const edges = [...graph].flatMap(([from, tos]) => tos.map((to) => [rel(from), rel(to)] as const));

/** The features of src/sheets, each with the ones it may import from. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  workbook: [],
  objectives: ["workbook"],
  // Status runs a build's BigQuery queries (bigquery/) beside reading the tabs.
  bigquery: ["workbook"],
  status: ["workbook", "objectives", "bigquery"],
  dashboard: ["workbook", "status"],
  // The wizard tells what a BigQuery source's first build will read, from the build's own plan.
  wizard: ["workbook", "objectives", "bigquery"],
  // The weekly review rebuilds the dashboard and reads the status evaluation.
  review: ["workbook", "objectives", "status", "dashboard"],
  import: ["workbook"],
  // The single-file features at the top of src/sheets: the menu, the custom functions' glue and
  // the sample data.
  ".": ["workbook"],
};

function featureOf(path: string): string | null {
  const m = /^src\/sheets\/(?:([^/]+)\/)?[^/]+\.ts$/.exec(path);
  return m ? (m[1] ?? ".") : null;
}

describe("the source layout", () => {
  it("reads the graph it checks", () => {
    expect(code.length).toBeGreaterThan(50);
    expect(edges).toContainEqual(["src/main.ts", "src/sheets/menu.ts"]);
  });

  it("has no import cycle in src/, sidebar/ or dev/emulator", () => {
    expect(findCycle(graph)?.map(rel)).toBeUndefined();
    const emulator = importGraph(sources(join(ROOT, "dev/emulator")));
    expect(findCycle(emulator)?.map(rel)).toBeUndefined();
  });

  it("would report a cycle", () => {
    const cycle = findCycle(
      new Map([
        ["a.ts", ["b.ts"]],
        ["b.ts", ["a.ts"]],
      ]),
    );
    expect(cycle).toEqual(["a.ts", "b.ts", "a.ts"]);
  });

  it("lets the sidebar reach the server's code only through src/contract", () => {
    const outside = edges.filter(
      ([from, to]) =>
        from.startsWith("sidebar/") && to.startsWith("src/") && !to.startsWith("src/contract/"),
    );
    expect(outside).toEqual([]);
  });

  it("keeps the engine and the contract free of Apps Script's side", () => {
    const wrong = edges.filter(
      ([from, to]) =>
        (from.startsWith("src/kpi/") || from.startsWith("src/contract/")) &&
        (to.startsWith("src/sheets/") || to.startsWith("sidebar/")),
    );
    expect(wrong).toEqual([]);
  });

  it("has each feature of src/sheets import only from the layers below it", () => {
    const wrong = edges.filter(([from, to]) => {
      const a = featureOf(from);
      const b = featureOf(to);
      return a !== null && b !== null && a !== b && !MAY_IMPORT[a]?.includes(b);
    });
    expect(wrong).toEqual([]);
  });

  it("has no file in src/ or sidebar/ over 520 lines, and no folder over 13 files", () => {
    const long = code
      .map((f) => [rel(f), readFileSync(f, "utf8").split("\n").length] as const)
      .filter(([, lines]) => lines > 520);
    expect(long).toEqual([]);
    const perFolder = new Map<string, number>();
    for (const f of code) perFolder.set(rel(dirname(f)), (perFolder.get(rel(dirname(f))) ?? 0) + 1);
    expect([...perFolder].filter(([, n]) => n > 13)).toEqual([]);
  });
});
