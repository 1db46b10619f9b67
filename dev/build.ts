/**
 * `npm run build`: writes dist/Code.js (one esbuild IIFE plus generated top-level stubs),
 * dist/Sidebar.html (one self-contained file) and dist/appsscript.json — what clasp pushes.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { CUSTOM_FUNCTIONS } from "../src/kpi/functions/index.ts";
import { buildSidebarHtml } from "./build-sidebar.ts";
import { BUNDLE_GLOBAL, discoverEntryPoints, renderStubs } from "./bundle-stubs.ts";
import { DIST, ROOT } from "./paths.ts";

export async function buildAll(): Promise<{ codeBytes: number; sidebarBytes: number }> {
  const started = Date.now();
  const result = await build({
    entryPoints: [join(ROOT, "src/main.ts")],
    bundle: true,
    format: "iife",
    globalName: BUNDLE_GLOBAL,
    // Apps Script's V8 runtime: modern syntax is fine, but keep to what it documents.
    target: "es2020",
    platform: "neutral",
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "warning",
  });
  const bundle = result.outputFiles[0]?.text;
  if (!bundle) throw new Error("build: esbuild produced no output for src/main.ts");
  const entryPoints = discoverEntryPoints(bundle);
  const code = `${bundle}\n${renderStubs(entryPoints, CUSTOM_FUNCTIONS)}`;

  mkdirSync(DIST, { recursive: true });
  writeFileSync(join(DIST, "Code.js"), code);
  const sidebar = await buildSidebarHtml();
  writeFileSync(join(DIST, "Sidebar.html"), sidebar);
  copyFileSync(join(ROOT, "appsscript.json"), join(DIST, "appsscript.json"));
  const sizes = { codeBytes: Buffer.byteLength(code), sidebarBytes: Buffer.byteLength(sidebar) };
  console.log(
    `build: dist/Code.js ${(sizes.codeBytes / 1024).toFixed(1)} KiB (${entryPoints.length} entry points), ` +
      `dist/Sidebar.html ${(sizes.sidebarBytes / 1024).toFixed(1)} KiB, in ${Date.now() - started} ms`,
  );
  return sizes;
}

// Run when invoked as a script (dev/run.mjs sets argv[1] to this file), not when imported.
if (process.argv[1]?.endsWith("dev/build.ts")) await buildAll();
