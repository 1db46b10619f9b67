import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The repository root: npm scripts and vitest both run with it (or a folder below it) as cwd. */
function findRoot(): string {
  let dir = process.cwd();
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, "utf8")).name === "kpi-pilot") return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`kpi-pilot: no package.json named kpi-pilot above ${process.cwd()}`);
    dir = parent;
  }
}

export const ROOT = findRoot();
export const DIST = join(ROOT, "dist");
