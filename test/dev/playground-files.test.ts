import { spawnSync } from "node:child_process";
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
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { distStaleness } from "../../dev/playground/stale.ts";
import { readStateFile, writeStateFile } from "../../dev/playground/state-file.ts";
import { lockStateFile } from "../../dev/playground/state-lock.ts";
import { checkSavedWorkbook } from "../../dev/playground/workbook-check.ts";

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

describe("the lock on a state file", () => {
  const stateFile = () => join(dir, "workbook.json");

  it("is taken, recorded with this process and its address, and released", () => {
    const result = lockStateFile(stateFile());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.tookOverFrom).toBeUndefined();
    result.lock.setUrl("http://localhost:8080");
    expect(JSON.parse(readFileSync(`${stateFile()}.lock`, "utf8"))).toMatchObject({
      pid: process.pid,
      url: "http://localhost:8080",
    });
    result.lock.release();
    expect(existsSync(`${stateFile()}.lock`)).toBe(false);
    // Nothing but the lock was ever left in the folder.
    expect(readdirSync(dir)).toEqual([]);
  });

  it("is refused while another live process holds it, naming that process", () => {
    // The process that started this test runner is alive and is not this one.
    const holder = { pid: process.ppid, host: hostname(), url: "http://localhost:8081" };
    writeFileSync(`${stateFile()}.lock`, JSON.stringify(holder));
    expect(lockStateFile(stateFile())).toEqual({ ok: false, holder });
    // And it is left exactly as it was.
    expect(JSON.parse(readFileSync(`${stateFile()}.lock`, "utf8"))).toEqual(holder);
  });

  it("is taken over from a process that is gone, or when it is not a lock at all", () => {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid as number;
    writeFileSync(`${stateFile()}.lock`, JSON.stringify({ pid: dead, host: hostname() }));
    const result = lockStateFile(stateFile());
    expect(result.ok && result.tookOverFrom).toEqual({ pid: dead, host: hostname() });
    expect(JSON.parse(readFileSync(`${stateFile()}.lock`, "utf8")).pid).toBe(process.pid);
    if (result.ok) result.lock.release();

    writeFileSync(`${stateFile()}.lock`, "");
    const again = lockStateFile(stateFile());
    expect(again.ok && again.tookOverFrom).toEqual({ pid: 0 });
    if (again.ok) again.lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("does not release a lock that another playground has taken since", () => {
    const result = lockStateFile(stateFile());
    if (!result.ok) throw new Error("not locked");
    writeFileSync(`${stateFile()}.lock`, JSON.stringify({ pid: process.ppid }));
    result.lock.release();
    expect(existsSync(`${stateFile()}.lock`)).toBe(true);
  });
});

describe("a saved workbook, cell by cell", () => {
  const workbook = (rows: unknown[], name = "Sheet1") => ({ sheets: [{ name, rows }] });
  const problem = (w: unknown) => {
    try {
      checkSavedWorkbook(w);
      return "accepted";
    } catch (error) {
      return (error as Error).message;
    }
  };

  it("names the sheet and cell of a value that cannot be a cell's", () => {
    expect(problem(workbook([[{ value: 1 }, { value: { $date: "not a date" } }]]))).toBe(
      'cell Sheet1!B1 holds {"$date":"not a date"}, which is not a date',
    );
    expect(problem(workbook([[], [null, null, { value: { a: 1 } }]], "Sample data"))).toBe(
      "cell 'Sample data'!C2 holds {\"a\":1}, which is not a cell value (a number, text, true/false or a date)",
    );
    expect(problem(workbook([[{ value: [1, 2] }]]))).toMatch(/^cell Sheet1!A1 holds \[1,2\]/);
    // What JSON.parse makes of a number too large for a double, as a hand-edited file may hold.
    expect(problem(workbook([[JSON.parse('{"value": 1e400}')]]))).toBe(
      "cell Sheet1!A1 holds Infinity, which is not a number",
    );
    expect(problem(workbook([[null, 42]]))).toBe("cell Sheet1!B1 holds 42, not a cell");
    expect(problem(workbook([[{ formula: 3 }]]))).toBe(
      "cell Sheet1!A1 has a formula of 3, which is not text",
    );
    expect(problem(workbook([[{ value: "x".repeat(100) }], "oops"]))).toBe(
      'row 2 of sheet "Sheet1" is not a row',
    );
    expect(problem({ sheets: "none" })).toBe("the file holds no sheets");
  });
});
