import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { distStaleness } from "../../dev/playground/stale.ts";
import { readStateFile, writeStateFile } from "../../dev/playground/state-file.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kpi-playground-files-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function touch(path: string, secondsAgo: number): void {
  mkdirSync(join(path, ".."), { recursive: true });
  if (!existsSync(path)) writeFileSync(path, "x");
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(path, t, t);
}

describe("when npm start rebuilds dist/", () => {
  const root = () => dir;
  const dist = () => join(dir, "dist");
  beforeEach(() => {
    touch(join(dir, "src/main.ts"), 100);
    touch(join(dir, "sidebar/index.html"), 100);
    touch(join(dir, "appsscript.json"), 100);
    touch(join(dir, "dev/build.ts"), 100);
    touch(join(dir, "dev/run.mjs"), 1);
  });

  it("builds when a built file is missing", () => {
    touch(join(dir, "dist/Code.js"), 50);
    expect(distStaleness(root(), dist())).toEqual({
      stale: true,
      reason: "dist/Sidebar.html is missing",
    });
  });

  it("serves dist/ as it is when it is newer than every source", () => {
    for (const f of ["Code.js", "Sidebar.html", "appsscript.json"]) touch(join(dir, "dist", f), 50);
    expect(distStaleness(root(), dist()).stale).toBe(false);
  });

  it("builds when a source, a sidebar file, the manifest or a build script changed since", () => {
    for (const f of ["Code.js", "Sidebar.html", "appsscript.json"]) touch(join(dir, "dist", f), 50);
    for (const [source, reason] of [
      ["src/kpi/registry.ts", "src"],
      ["sidebar/wizard.ts", "sidebar"],
      ["appsscript.json", "appsscript.json"],
      ["dev/build-sidebar.ts", "dev/build-sidebar.ts"],
    ] as const) {
      touch(join(dir, source), 10);
      expect(distStaleness(root(), dist())).toEqual({
        stale: true,
        reason: `${reason} changed since the last build`,
      });
      touch(join(dir, source), 100);
    }
    // Other dev scripts do not make the bundle stale.
    expect(distStaleness(root(), dist()).stale).toBe(false);
  });
});

describe("the playground's state file", () => {
  const check = (w: unknown) => {
    if (typeof w !== "object" || w === null || !("sheets" in w)) throw new Error("no sheets");
    return w as { sheets: string[] };
  };

  it("is missing at first, then written whole and read back", () => {
    const file = join(dir, "nested", "workbook.json");
    expect(readStateFile(file, check)).toEqual({ kind: "missing" });
    writeStateFile(file, { sheets: ["Sheet1"] }, false);
    expect(readdirSync(join(dir, "nested"))).toEqual(["workbook.json"]);
    const loaded = readStateFile(file, check);
    expect(loaded.kind === "loaded" && loaded.state.workbook).toEqual({ sheets: ["Sheet1"] });
    expect(loaded.kind === "loaded" && loaded.state.pristine).toBe(false);
  });

  it("keeps an unreadable file aside as .bak rather than wiping it", () => {
    const file = join(dir, "workbook.json");
    writeFileSync(file, '{"format": "kpi-pilot-playground", "vers');
    const result = readStateFile(file, check);
    expect(result.kind).toBe("corrupt");
    if (result.kind !== "corrupt") return;
    expect(result.backup).toBe(`${file}.bak`);
    expect(readFileSync(`${file}.bak`, "utf8")).toBe('{"format": "kpi-pilot-playground", "vers');
    expect(existsSync(file)).toBe(false);
    // A second bad file does not overwrite the first backup.
    writeFileSync(
      file,
      JSON.stringify({ format: "kpi-pilot-playground", version: 1, workbook: {} }),
    );
    const again = readStateFile(file, check);
    expect(again.kind === "corrupt" && again.backup).toBe(`${file}.2.bak`);
    expect(again.kind === "corrupt" && again.message).toBe("no sheets");
  });

  it("refuses a JSON file that is not a playground workbook", () => {
    const file = join(dir, "workbook.json");
    writeFileSync(file, JSON.stringify({ hello: "world" }));
    const result = readStateFile(file, check);
    expect(result.kind === "corrupt" && result.message).toBe("not a KPI Pilot playground file");
  });
});
