/**
 * The emulator's modules form no import cycle (type-only imports included): each class reaches the
 * facades of the others through Ctx.facades instead of importing them back.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../dev/emulator");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith(".ts")
        ? [join(dir, e.name)]
        : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+"(\.[^"]+)"/g)];
  return specs.map((m) => resolve(dirname(file), m[1]!));
}

/** One cycle as a list of files relative to dev/emulator, or undefined. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, "done");
    return undefined;
  };
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const found = visit(node);
      if (found) return found.map((f) => relative(ROOT, f));
    }
  }
  return undefined;
}

describe("dev/emulator layout", () => {
  const files = sources(ROOT);
  const graph = new Map(files.map((f) => [f, importsOf(f)]));

  it("finds the modules and their imports", () => {
    expect(files.length).toBeGreaterThan(20);
    expect(graph.get(join(ROOT, "index.ts"))).toContain(join(ROOT, "state.ts"));
    for (const targets of graph.values()) for (const t of targets) expect(files).toContain(t);
  });

  it("has no import cycle", () => {
    expect(findCycle(graph)).toBeUndefined();
  });

  it("would report a cycle", () => {
    const a = join(ROOT, "a.ts");
    const b = join(ROOT, "b.ts");
    expect(
      findCycle(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual(["a.ts", "b.ts", "a.ts"]);
  });
});
