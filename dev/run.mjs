// Runs a TypeScript dev script on Node 20 without another transpiler: esbuild (already our
// bundler) bundles it to a temporary ES module, which is then imported with the remaining argv.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node dev/run.mjs <script.ts> [args…]");
  process.exit(2);
}
// Inside the project, so that bare imports resolve from its node_modules.
const cache = resolve("node_modules/.cache");
mkdirSync(cache, { recursive: true });
const outdir = mkdtempSync(join(cache, "kpi-pilot-run-"));
const outfile = join(outdir, "script.mjs");
await build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "inline",
  logLevel: "warning",
  // Lets bundled CommonJS-style code and relative paths behave as they would unbundled.
  banner: {
    js: `import { createRequire as __cr } from "node:module"; const require = __cr(${JSON.stringify(pathToFileURL(resolve(entry)).href)});`,
  },
});
process.argv = [process.argv[0], resolve(entry), ...rest];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
