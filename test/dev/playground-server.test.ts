// The playground's local server and its state file, probed as a hostile page or a careless user
// would: other origins, GETs with side effects, broken and oversized bodies, absurd edits, a
// corrupt workbook file, two playgrounds on one file.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEmulator } from "../../dev/emulator/index.ts";
import { DIST } from "../../dev/paths.ts";
import { type RunningPlayground, startPlayground } from "../../dev/playground/drive.ts";
import { createPlaygroundServer, type PlaygroundServer } from "../../dev/playground/server.ts";
import { PlaygroundSession } from "../../dev/playground/session.ts";
import type { ActionReply } from "../../dev/playground/view-types.ts";

let dir: string;
const servers: PlaygroundServer[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kpi-playground-server-"));
});

afterAll(async () => {
  for (const s of servers) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

function newSession(stateFile: string, seedSampleData = false): PlaygroundSession {
  return new PlaygroundSession({
    stateFile,
    code: readFileSync(join(DIST, "Code.js"), "utf8"),
    sidebarHtml: readFileSync(join(DIST, "Sidebar.html"), "utf8"),
    timeZone: "Europe/Paris",
    seedSampleData,
  });
}

/** A server on a fresh state file in its own folder; resolves with its port. */
async function serve(
  name: string,
  seedSampleData = false,
): Promise<{ port: number; file: string }> {
  mkdirSync(join(dir, name));
  const file = join(dir, name, "workbook.json");
  const playground = createPlaygroundServer(newSession(file, seedSampleData), {
    html: "<!doctype html>",
    js: "",
    css: "",
  });
  servers.push(playground);
  await new Promise<void>((resolve) => playground.server.listen(0, "127.0.0.1", resolve));
  return { port: (playground.server.address() as AddressInfo).port, file };
}

interface Answer {
  status: number;
  text: string;
  json: () => ActionReply;
}

/**
 * One request. `body` may be a Buffer sent in 64 KB chunks, as a browser streams an upload; a
 * connection reset rejects, so a test sees it.
 */
function call(
  port: number,
  method: string,
  path: string,
  opts: { origin?: boolean; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  const host = `localhost:${port}`;
  const headers: Record<string, string> = { host, ...opts.headers };
  if (opts.origin ?? method !== "GET") headers.origin = `http://${host}`;
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: res.statusCode ?? 0, text, json: () => JSON.parse(text) as ActionReply });
      });
    });
    req.on("error", reject);
    const body = opts.body ?? "";
    if (typeof body === "string") {
      req.end(body);
      return;
    }
    let at = 0;
    const pump = () => {
      while (at < body.length) {
        const chunk = body.subarray(at, at + 65_536);
        at += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

describe("playground server: who may call it", () => {
  let port: number;
  beforeAll(async () => {
    port = (await serve("origin")).port;
  });

  /** POSTs a reset with the given headers; resolves to the status code. */
  const postReset = async (headers: Record<string, string>) =>
    (await call(port, "POST", "/api/reset?locale=en", { origin: false, headers, body: "{}" }))
      .status;

  it("refuses a state-changing request from another origin, a sandboxed frame, or none", async () => {
    const host = `localhost:${port}`;
    expect(await postReset({ host, origin: "https://evil.example" })).toBe(403);
    expect(await postReset({ host, origin: "null" })).toBe(403);
    expect(await postReset({ host })).toBe(403);
    expect(await postReset({ host: "evil.example", origin: "http://evil.example" })).toBe(403);
  });

  it("accepts its own page's requests", async () => {
    const host = `localhost:${port}`;
    expect(
      await postReset({ host, origin: `http://${host}`, "content-type": "application/json" }),
    ).toBe(200);
  });
});

describe("playground server: a GET never changes the workbook", () => {
  it("neither adopts the asker's language nor seeds the sample data; POST /api/open does", async () => {
    const { port, file } = await serve("get", true);
    // What an <img src="http://localhost:8080/api/state?locale=fr"> on any web page sends.
    const seen = await call(port, "GET", "/api/state?locale=fr");
    expect(seen.status).toBe(200);
    expect(seen.json().state?.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(seen.json().state?.locale).toBe("en_US");
    expect(existsSync(file)).toBe(false);
    const again = await call(port, "GET", "/api/state?locale=fr");
    expect(again.json().state?.version).toBe(seen.json().state?.version);

    // Opening the page is a POST, under the Origin check like every other change.
    expect(
      (await call(port, "POST", "/api/open?locale=fr", { origin: false, body: "{}" })).status,
    ).toBe(403);
    const opened = await call(port, "POST", "/api/open?locale=fr", { body: "{}" });
    expect(opened.status).toBe(200);
    expect(opened.json().state?.locale).toBe("fr_FR");
    expect(opened.json().state?.sheets.map((s) => s.name)).toContain("Données d'exemple");
    expect(existsSync(file)).toBe(true);
  });
});

describe("playground server: bodies it cannot use", () => {
  let port: number;
  beforeAll(async () => {
    port = (await serve("bodies")).port;
  });

  it("answers malformed JSON with 400 and a plain message, not a 500 with parser text", async () => {
    for (const path of ["/api/edit", "/api/menu", "/api/activate", "/api/open", "/__gas/run"]) {
      const answer = await call(port, "POST", `${path}?locale=en`, { body: '{"sheetId": 1,' });
      expect(answer.status, path).toBe(400);
      expect(answer.text, path).toContain("not valid JSON");
      expect(answer.text, path).not.toMatch(/SyntaxError|Unexpected|position|at JSON/);
    }
  });

  it("answers a body over the limit with 413 after reading it, not a reset connection", async () => {
    const big = Buffer.alloc(3 << 20, 0x20);
    for (const path of ["/api/edit", "/__gas/run"]) {
      const answer = await call(port, "POST", `${path}?locale=en`, { body: big });
      expect(answer.status, path).toBe(413);
      expect(answer.text, path).toContain("too large");
    }
    const upload = await call(port, "POST", "/api/import?name=huge.csv", {
      body: Buffer.alloc((64 << 20) + 1, 0x41),
    });
    expect(upload.status).toBe(413);
    // The server is still there, and the workbook untouched.
    const state = await call(port, "GET", "/api/state");
    expect(state.json().state?.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("playground server: edits beyond what Sheets allows", () => {
  let port: number;
  let file: string;
  let sheetId: number;
  beforeAll(async () => {
    ({ port, file } = await serve("limits"));
    sheetId = (await call(port, "GET", "/api/state?locale=en")).json().state?.activeSheetId ?? -1;
    // One change, so there is a saved workbook to compare.
    const first = await call(port, "POST", "/api/edit?locale=en", {
      body: JSON.stringify({ sheetId, row: 1, column: 1, text: "Clicks" }),
    });
    expect(first.status).toBe(200);
  });

  const edit = (body: Record<string, unknown>) =>
    call(port, "POST", "/api/edit?locale=en", {
      body: JSON.stringify({ sheetId, text: "x", ...body }),
    });

  it("refuses rows and columns past Sheets' limits with Sheets' words, and saves nothing", async () => {
    const before = readFileSync(file, "utf8");
    const rows = await edit({ row: 1e7, column: 1 });
    expect(rows.status).toBe(400);
    expect(rows.json().error).toBe(
      "This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
    );
    const huge = await edit({ row: 1e8, column: 1 });
    expect(huge.status).toBe(400);
    expect(huge.json().error).toBe(rows.json().error);
    const columns = await edit({ row: 1, column: 18_279 });
    expect(columns.status).toBe(400);
    expect(columns.json().error).toBe(
      "This action would increase the number of columns in the sheet above the limit of 18278 columns.",
    );
    expect(readFileSync(file, "utf8")).toBe(before);
    // Within the limits, a far cell is fine: 20,000 rows of 26 columns is 520,000 cells.
    const far = await edit({ row: 20_000, column: 3 });
    expect(far.status).toBe(200);
    expect(far.json().ok).toBe(true);
    expect(readFileSync(file).length).toBeLessThan(200_000);
  });

  it("refuses coordinates that are not whole numbers, and an over-long cell text", async () => {
    for (const bad of [{ row: 0 }, { row: -3 }, { row: 1.5 }, { row: "abc" }, { row: null }]) {
      const answer = await edit({ column: 1, ...bad });
      expect(answer.status, JSON.stringify(bad)).toBe(400);
      expect(answer.json().error, JSON.stringify(bad)).toBe(
        "row must be a whole number, 1 or more.",
      );
    }
    const column = await edit({ row: 1, column: "B" });
    expect(column.status).toBe(400);
    expect(column.json().error).toBe("column must be a whole number, 1 or more.");
    const sheet = await edit({ sheetId: 987_654, row: 1, column: 1 });
    expect(sheet.status).toBe(400);
    expect(sheet.json().error).toBe("There is no sheet with id 987654.");
    const long = await edit({ row: 1, column: 1, text: "x".repeat(50_001) });
    expect(long.status).toBe(400);
    expect(long.json().error).toBe(
      "Your input contains more than the maximum of 50000 characters in a single cell.",
    );
  });
});

describe("a corrupt state file", () => {
  /** A valid saved workbook, as the playground saves it, whose Sheet1 holds `rows`. */
  function savedWith(rows: unknown[][]): string {
    const workbook = createEmulator().snapshot() as unknown as { sheets: { rows: unknown[][] }[] };
    (workbook.sheets[0] as { rows: unknown[][] }).rows = rows;
    return JSON.stringify({
      format: "kpi-pilot-playground",
      version: 1,
      savedAt: "2025-01-01T00:00:00.000Z",
      pristine: false,
      workbook,
    });
  }

  for (const [what, rows, where] of [
    ["a date that is not a date", [[{ value: 1 }, { value: { $date: "not a date" } }]], "B1"],
    ["an object where a value belongs", [[], [], [null, null, { value: { a: 1 } }]], "C3"],
    ["a cell that is not an object", [[{ value: 1 }, 42]], "B1"],
  ] as const) {
    it(`with ${what} starts on an empty workbook, keeping the file as .bak and naming the cell`, () => {
      const sub = join(dir, `corrupt-${where}-${what.length}`);
      mkdirSync(sub);
      const file = join(sub, "workbook.json");
      const text = savedWith(rows as unknown as unknown[][]);
      writeFileSync(file, text);
      const session = newSession(file);
      expect(session.startupNotices).toHaveLength(1);
      expect(session.startupNotices[0]).toContain(`Sheet1!${where}`);
      expect(session.startupNotices[0]).toContain(`${file}.bak`);
      expect(readFileSync(`${file}.bak`, "utf8")).toBe(text);
      expect(existsSync(file)).toBe(false);
      expect(session.view("en", 100).sheets.map((s) => s.name)).toEqual(["Sheet1"]);
      // And the next start is a clean one.
      expect(newSession(file).startupNotices).toEqual([]);
    });
  }

  it("with a bad date outside the cells (a rule's) is kept aside too, not a crash on every start", () => {
    const sub = join(dir, "corrupt-rule");
    mkdirSync(sub);
    const file = join(sub, "workbook.json");
    const saved = JSON.parse(savedWith([[{ value: 1 }]])) as {
      workbook: { sheets: { conditionalFormatRules: unknown[] }[] };
    };
    (saved.workbook.sheets[0] as { conditionalFormatRules: unknown[] }).conditionalFormatRules = [
      { ranges: ["A1:A2"], criteria: "DATE_AFTER", values: [{ $date: "soon" }], format: {} },
    ];
    writeFileSync(file, JSON.stringify(saved));
    const session = newSession(file);
    expect(session.startupNotices).toHaveLength(1);
    expect(existsSync(`${file}.bak`)).toBe(true);
    expect(session.view("en", 100).sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("two playgrounds on one state file", () => {
  const running: RunningPlayground[] = [];
  afterEach(async () => {
    for (const p of running.splice(0)) await p.stop();
  });
  const start = async (file: string) => {
    const p = await startPlayground(file, ["--empty", "--no-build"]);
    running.push(p);
    return p;
  };

  it("the second refuses to start, naming the process and address of the first", async () => {
    const file = join(dir, "shared", "workbook.json");
    const first = await start(file);
    const second = start(file);
    const error = await second.then(
      () => "started",
      (e: unknown) => String(e),
    );
    expect(error).toContain("exited with 1");
    expect(error).toContain(`already open in another playground (process ${first.process.pid}`);
    expect(error).toContain(first.url);
    // Once the first stops, the file is free again.
    expect(await first.stop()).toBe(0);
    expect(existsSync(`${file}.lock`)).toBe(false);
    await start(file);
  }, 60_000);

  it("a lock left by a process that is gone is taken over", async () => {
    const file = join(dir, "stale", "workbook.json");
    mkdirSync(join(dir, "stale"));
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: dead, url: "http://localhost:1" }));
    const p = await start(file);
    expect(p.output()).toContain(`left by process ${dead}, which is gone`);
    expect(JSON.parse(readFileSync(`${file}.lock`, "utf8")).pid).toBe(p.process.pid);
  }, 60_000);
});
