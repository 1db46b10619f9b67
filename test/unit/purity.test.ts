import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../dev/paths.ts";

const SERVICES =
  /\b(SpreadsheetApp|HtmlService|PropertiesService|CacheService|LockService|Session|Utilities|Logger|ScriptApp|DriveApp|UrlFetchApp|google\.script)\s*\./;
const LOCAL_DATE =
  /\.(getFullYear|getMonth|getDate|getDay|getHours|getMinutes|getSeconds|getTimezoneOffset|setFullYear|setMonth|setDate|setHours|setMinutes|setSeconds|toLocaleDateString|toLocaleString|toDateString)\(/;

const dir = join(ROOT, "src/kpi");
const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
const sources = files.map((f) => [f, readFileSync(join(dir, f), "utf8")] as const);

describe("src/kpi is pure", () => {
  it("has files to check", () => {
    expect(files).toContain("registry.ts");
    expect(files.length).toBeGreaterThan(8);
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
