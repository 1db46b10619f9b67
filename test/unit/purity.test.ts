import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../dev/paths.ts";
import { sources as tsFiles } from "../import-graph.ts";

const SERVICES =
  /\b(SpreadsheetApp|HtmlService|PropertiesService|CacheService|LockService|Session|Utilities|Logger|ScriptApp|DriveApp|UrlFetchApp|google\.script)\s*\./;
const LOCAL_DATE =
  /\.(getFullYear|getMonth|getDate|getDay|getHours|getMinutes|getSeconds|getTimezoneOffset|setFullYear|setMonth|setDate|setHours|setMinutes|setSeconds|toLocaleDateString|toLocaleString|toDateString)\(/;

// The engine, and the contract the sidebar shares: both run anywhere, in any zone.
const files = [...tsFiles(join(ROOT, "src/kpi")), ...tsFiles(join(ROOT, "src/contract"))].map((f) =>
  relative(ROOT, f),
);
// Code only: a comment may well name google.script.run to say what crosses it.
const withoutComments = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
const sources = files.map(
  (f) => [f, withoutComments(readFileSync(join(ROOT, f), "utf8"))] as const,
);

describe("src/kpi and src/contract are pure", () => {
  it("has files to check, in subfolders too", () => {
    expect(files).toContain("src/kpi/registry/index.ts");
    expect(files).toContain("src/contract/rules/objective-rules.ts");
    expect(files.length).toBeGreaterThan(25);
  });

  it("uses no Apps Script global", () => {
    for (const [f, src] of sources) expect(SERVICES.exec(src)?.[0], f).toBeUndefined();
  });

  it("never reads the machine's time zone: only UTC Date methods", () => {
    for (const [f, src] of sources) expect(LOCAL_DATE.exec(src)?.[0], f).toBeUndefined();
  });

  it("the checks can fail", () => {
    expect(LOCAL_DATE.test("d.getHours()")).toBe(true);
    expect(LOCAL_DATE.test("d.getUTCHours()")).toBe(false);
    expect(SERVICES.test("Session.getActiveUserLocale()")).toBe(true);
    expect(SERVICES.test('"Session duration"')).toBe(false);
  });
});
