/**
 * The server half of the google.script.run relay: `POST {name, args}` → the bundle's top-level
 * function, answered as `{ok: true, value}` or `{ok: false, error: {message}}`, as the client
 * shim expects. Errors thrown by the add-on reach the sidebar's failure handler with their message.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { LoadedBundle } from "./bundle.ts";

const MAX_BODY = 1 << 20;

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error(`request body over ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/**
 * Handles one relayed call. `afterCall` runs after every call that reached the bundle (the
 * playground saves its workbook there).
 */
export async function handleRun(
  req: IncomingMessage,
  res: ServerResponse,
  bundle: () => LoadedBundle,
  afterCall?: (name: string) => void,
): Promise<void> {
  let name = "?";
  try {
    const body = (await readJsonBody(req)) as { name?: unknown; args?: unknown };
    if (typeof body?.name !== "string" || !Array.isArray(body.args)) {
      sendJson(res, 400, { ok: false, error: { message: "expected {name: string, args: array}" } });
      return;
    }
    name = body.name;
    let value: unknown;
    try {
      value = bundle().run(name, body.args);
    } finally {
      afterCall?.(name);
    }
    sendJson(res, 200, { ok: true, value: value ?? null });
  } catch (error) {
    // Errors thrown inside node:vm come from another realm: `instanceof Error` is false there.
    const message =
      typeof (error as { message?: unknown })?.message === "string"
        ? (error as { message: string }).message
        : String(error);
    sendJson(res, 200, { ok: false, error: { name, message } });
  }
}
