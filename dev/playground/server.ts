/**
 * The playground's HTTP side: the page and its assets, a JSON API over the workbook session, the
 * google.script.run relay for the sidebar, and server-sent events telling open pages that the
 * workbook changed (a sidebar call can change it behind the page's back).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { langOf } from "../../src/contract/i18n.ts";
import { injectGoogleScriptShim } from "../harness/client-shim.ts";
import { handleRun, sendJson } from "../harness/run-handler.ts";
import { checkEdit } from "./edit-request.ts";
import { playgroundMessages } from "./messages.ts";
import { readBody, readJsonObject } from "./request-body.ts";
import type { PlaygroundSession } from "./session.ts";
import type { ActionReply, UiEvent } from "./view-types.ts";

export interface PageAssets {
  html: string;
  js: string;
  css: string;
}

const MAX_UPLOAD = 64 << 20;

export interface PlaygroundServer {
  server: Server;
  close(): Promise<void>;
}

export function createPlaygroundServer(
  session: PlaygroundSession,
  assets: PageAssets,
): PlaygroundServer {
  const clients = new Map<string, Set<ServerResponse>>();

  const send = (client: string | undefined, event: string, data: unknown) => {
    const payload = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    const targets = client ? [clients.get(client) ?? new Set()] : [...clients.values()];
    for (const set of targets) for (const res of set) res.write(payload);
  };

  const reply = (
    res: ServerResponse,
    url: URL,
    result: { ok: boolean; events: UiEvent[]; error?: string },
  ) => {
    const body: ActionReply = {
      ...result,
      state: session.view(localeOf(url), rowsOf(url)),
    };
    sendJson(res, 200, body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`playground: ${req.method} ${req.url}: ${message}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, events: [], error: message });
      else res.end();
    });
  });

  /** A refused request: the page shows `error`; nothing changed. */
  const refuse = (res: ServerResponse, status: number, error: string) =>
    sendJson(res, status, { ok: false, events: [], error });

  /** The request's JSON object, or undefined once the refusal (400, 413) has been sent. */
  const jsonBody = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readJsonObject(req);
    if (body.ok) return body.value;
    refuse(res, body.status, body.message);
    return undefined;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!sameOrigin(req)) {
      sendJson(res, 403, { ok: false, error: "cross-origin request refused" });
      return;
    }
    const route = `${req.method} ${url.pathname}`;
    const client = url.searchParams.get("client") ?? undefined;
    const locale = localeOf(url);

    if (route === "GET /" || route === "GET /index.html") {
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
      });
      res.end(assets.html.replace("__STATE_FILE__", escapeAttr(session.stateFile)));
      return;
    }
    if (route === "GET /app.js") {
      res.writeHead(200, {
        "content-type": "text/javascript; charset=utf-8",
        "cache-control": "no-store",
      });
      res.end(assets.js);
      return;
    }
    if (route === "GET /app.css") {
      res.writeHead(200, {
        "content-type": "text/css; charset=utf-8",
        "cache-control": "no-store",
      });
      res.end(assets.css);
      return;
    }
    // A GET only reads: any web page can make a browser send one (an <img>, a link), Origin-less.
    if (route === "GET /api/state") {
      reply(res, url, { ok: true, events: [] });
      return;
    }
    if (route === "POST /api/open") {
      if ((await jsonBody(req, res)) === undefined) return;
      const events = session.open(locale);
      broadcastIfChanged(client);
      reply(res, url, { ok: true, events });
      return;
    }
    if (route === "GET /api/events") {
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-store",
        connection: "keep-alive",
      });
      res.write(`event: changed\ndata: ${JSON.stringify({ version: session.version })}\n\n`);
      const key = client ?? "anonymous";
      const set = clients.get(key) ?? new Set();
      set.add(res);
      clients.set(key, set);
      req.on("close", () => {
        set.delete(res);
        if (set.size === 0) clients.delete(key);
      });
      return;
    }
    if (route === "POST /api/menu") {
      const body = await jsonBody(req, res);
      if (body === undefined) return;
      const result = session.runMenu(locale, String(body.functionName ?? ""));
      broadcastIfChanged(client);
      reply(res, url, result);
      return;
    }
    if (route === "POST /api/edit") {
      const body = await jsonBody(req, res);
      if (body === undefined) return;
      // Checked here, before the workbook grows: Sheets' limits, in Sheets' words.
      const checked = checkEdit(body, session.sheetGrids());
      if (!checked.ok) {
        refuse(res, 400, checked.error);
        return;
      }
      const { sheetId, row, column, text } = checked.edit;
      const result = session.edit(locale, sheetId, row, column, text);
      broadcastIfChanged(client);
      reply(res, url, result);
      return;
    }
    if (route === "POST /api/activate") {
      const body = await jsonBody(req, res);
      if (body === undefined) return;
      const result = session.activate(Number(body.sheetId));
      broadcastIfChanged(client);
      reply(res, url, result);
      return;
    }
    if (route === "POST /api/clock/advance") {
      if ((await jsonBody(req, res)) === undefined) return;
      const result = session.advanceClock(locale);
      broadcastIfChanged(client);
      reply(res, url, result);
      return;
    }
    const mail = /^\/outbox\/(\d+)$/.exec(url.pathname);
    if (req.method === "GET" && mail) {
      const html = session.mailHtml(Number(mail[1]));
      if (html === undefined) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        res.end("No such message: the server restarted, or the workbook was reset.");
        return;
      }
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        // A message is shown as a mail client would: its own inline styles and images, no script,
        // nothing fetched from anywhere.
        "content-security-policy": "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
      });
      res.end(html);
      return;
    }
    if (route === "POST /api/reset") {
      if ((await jsonBody(req, res)) === undefined) return;
      const result = session.reset(locale);
      broadcastIfChanged(client);
      reply(res, url, result);
      return;
    }
    if (route === "POST /api/import") {
      const body = await readBody(req, MAX_UPLOAD);
      if (!body.ok) {
        const lang = langOf(locale);
        refuse(res, 413, playgroundMessages.t(lang, "uploadTooLarge", { max: MAX_UPLOAD >> 20 }));
        return;
      }
      const bytes = new Uint8Array(body.value);
      const name = url.searchParams.get("name") ?? "import.csv";
      const result = session.importCsv(locale, name, bytes);
      broadcastIfChanged(client);
      reply(res, url, result);
      return;
    }
    if (route === "POST /__gas/run") {
      // Read and checked here, so a broken or oversized call gets its 400 or 413 like any other;
      // the relay then reads the same bytes.
      const body = await readJsonObject(req);
      if (!body.ok) {
        sendJson(res, body.status, { ok: false, error: { name: "?", message: body.message } });
        return;
      }
      const replay = Readable.from([Buffer.from(JSON.stringify(body.value))]);
      await handleRun(
        replay as unknown as IncomingMessage,
        res,
        () => session.bundleFor(locale),
        () => {
          const events = session.afterRelay();
          if (events.length > 0) send(client, "ui", events);
          broadcastIfChanged();
        },
      );
      return;
    }
    const frame = /^\/(sidebar|dialog)\/(\d+)$/.exec(url.pathname);
    if (req.method === "GET" && frame) {
      const html = session.frameHtml(frame[1] as "sidebar" | "dialog", Number(frame[2]));
      if (html === undefined) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        res.end("This sidebar is gone: the workbook was reset or the server restarted.");
        return;
      }
      const endpoint = `/__gas/run?${new URLSearchParams({ locale, client: client ?? "" })}`;
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
      });
      res.end(injectGoogleScriptShim(html, endpoint));
      return;
    }
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("Not found");
  }

  let lastBroadcast = session.version;
  /** Other pages learn of a change by event; the page that asked gets the new state in its reply. */
  function broadcastIfChanged(except?: string): void {
    if (session.version === lastBroadcast) return;
    lastBroadcast = session.version;
    const payload = `event: changed\ndata: ${JSON.stringify({ version: session.version })}\n\n`;
    for (const [key, set] of clients) {
      if (key === except) continue;
      for (const res of set) res.write(payload);
    }
  }

  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const set of clients.values()) for (const res of set) res.end();
        clients.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function localeOf(url: URL): string {
  const raw = url.searchParams.get("locale") ?? "en";
  return /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(raw) ? raw : "en";
}

function rowsOf(url: URL): number {
  const n = Number(url.searchParams.get("rows"));
  return Number.isInteger(n) && n > 0 ? Math.min(n, 200_000) : 1000;
}

/**
 * Only pages served by this server may call it: a web page elsewhere cannot drive the local
 * workbook (Origin check) nor reach it through a rebound DNS name (Host check). A request that
 * changes something must say where it comes from: browsers send Origin with every POST, and
 * "null" (a sandboxed frame anywhere on the web) is refused.
 */
function sameOrigin(req: IncomingMessage): boolean {
  const host = req.headers.host ?? "";
  if (!/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i.test(host)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return req.method === "GET" || req.method === "HEAD";
  if (origin === "null") return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** Listens on `port`, or the next free one; resolves with the port taken. */
export async function listenOnFreePort(server: Server, port: number, tries = 50): Promise<number> {
  for (let p = port; p < port + tries; p++) {
    const ok = await new Promise<boolean>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        server.off("listening", onListening);
        if (error.code === "EADDRINUSE" || error.code === "EACCES") resolve(false);
        else reject(error);
      };
      const onListening = () => {
        server.off("error", onError);
        resolve(true);
      };
      server.once("error", onError);
      server.once("listening", onListening);
      server.listen(p, "127.0.0.1");
    });
    if (ok) return (server.address() as AddressInfo).port;
  }
  throw new Error(`no free port between ${port} and ${port + tries - 1}`);
}
