// The playground's local server refuses to be driven by any page but its own.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST } from "../../dev/paths.ts";
import { createPlaygroundServer, type PlaygroundServer } from "../../dev/playground/server.ts";
import { PlaygroundSession } from "../../dev/playground/session.ts";

let dir: string;
let playground: PlaygroundServer;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kpi-playground-server-"));
  const session = new PlaygroundSession({
    stateFile: join(dir, "workbook.json"),
    code: readFileSync(join(DIST, "Code.js"), "utf8"),
    sidebarHtml: readFileSync(join(DIST, "Sidebar.html"), "utf8"),
    timeZone: "Europe/Paris",
  });
  playground = createPlaygroundServer(session, { html: "<!doctype html>", js: "", css: "" });
  await new Promise<void>((resolve) => playground.server.listen(0, "127.0.0.1", resolve));
  port = (playground.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await playground.close();
  rmSync(dir, { recursive: true, force: true });
});

/** POSTs a reset with the given headers; resolves to the status code. */
function postReset(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, method: "POST", path: "/api/reset?locale=en", headers },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end("{}");
  });
}

describe("playground server", () => {
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
