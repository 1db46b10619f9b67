/**
 * Checks a built Code.js as Apps Script will see it: every public entry point is a top-level
 * function declaration, nothing else is, and every custom function carries the JSDoc Sheets
 * needs for autocomplete and argument help.
 */
import vm from "node:vm";
import { BUNDLE_GLOBAL, throwingAppsScriptGlobals } from "../../dev/bundle-stubs.ts";
import { topLevelFunctionNames } from "../../dev/harness/bundle.ts";
import type { CustomFunctionSpec } from "../../src/kpi/functions/spec.ts";

function stubParams(code: string, name: string): string[] | null {
  const m = new RegExp(`^function ${name}\\(([^)]*)\\)`, "m").exec(code);
  if (!m) return null;
  const list = (m[1] ?? "").trim();
  return list === "" ? [] : list.split(",").map((p) => p.trim());
}

/** The comment block that ends on the line right above `function NAME(`, if any. */
function jsdocAbove(code: string, name: string): string | null {
  const m = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\n^function ${name}\\(`, "m").exec(code);
  return m ? (m[1] ?? null) : null;
}

export function checkBundle(code: string, specs: readonly CustomFunctionSpec[]): string[] {
  const problems: string[] = [];
  const context = vm.createContext(throwingAppsScriptGlobals());
  try {
    vm.runInContext(`${code}\n;globalThis.__ns = ${BUNDLE_GLOBAL};`, context);
  } catch (error) {
    return [`loading the bundle failed: ${(error as Error).message}`];
  }
  const ns = (context as { __ns?: Record<string, unknown> }).__ns ?? {};
  const exported = Object.keys(ns);
  const declared = topLevelFunctionNames(code);
  for (const name of exported) {
    if (!declared.includes(name))
      problems.push(`${name} is exported but has no top-level function`);
  }
  for (const name of declared) {
    if (!exported.includes(name))
      problems.push(`${name} is a top-level function but not an export`);
  }
  for (const spec of specs) {
    const params = stubParams(code, spec.name);
    if (!params) {
      problems.push(`${spec.name}: no stub`);
      continue;
    }
    const expected = spec.params.map((p) => p.name);
    if (params.join(",") !== expected.join(",")) {
      problems.push(`${spec.name}: stub parameters (${params}) differ from (${expected})`);
    }
    const doc = jsdocAbove(code, spec.name);
    if (!doc) {
      problems.push(`${spec.name}: no JSDoc block directly above the stub`);
      continue;
    }
    if (!/@customfunction\b/.test(doc)) problems.push(`${spec.name}: JSDoc lacks @customfunction`);
    if (!/@return\b/.test(doc)) problems.push(`${spec.name}: JSDoc lacks @return`);
    const documented = [...doc.matchAll(/@param\s+\{[^}]*\}\s+\[?([\w$]+)\]?/g)].map((m) => m[1]);
    if (documented.join(",") !== expected.join(",")) {
      problems.push(`${spec.name}: @param names (${documented}) differ from (${expected})`);
    }
    for (const p of spec.params.filter((q) => q.optional)) {
      if (!doc.includes(`[${p.name}]`))
        problems.push(`${spec.name}: ${p.name} not marked optional`);
    }
    if (!/^\/\*\*\s*\n\s*\*\s*\S/.test(doc))
      problems.push(`${spec.name}: JSDoc has no description`);
  }
  return problems;
}
