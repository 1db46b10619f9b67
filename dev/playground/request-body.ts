/**
 * Request bodies, read whole before anything is answered. A body over the limit is still read
 * to its end (and dropped, so it costs no memory): answering while the client is still sending
 * makes it see a reset connection instead of the 413. A body that is not JSON is the client's
 * mistake, answered 400 with a sentence, never a parser's message and a 500.
 */
import type { IncomingMessage } from "node:http";

export const MAX_JSON_BODY = 1 << 20;

export type BodyResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: 400 | 413; message: string };

export async function readBody(req: IncomingMessage, max: number): Promise<BodyResult<Buffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= max) chunks.push(chunk as Buffer);
  }
  if (size > max) {
    const limit = max >= 1 << 20 ? `${max >> 20} MB` : `${max} bytes`;
    return { ok: false, status: 413, message: `The request is too large (over ${limit}).` };
  }
  return { ok: true, value: Buffer.concat(chunks) };
}

/** A JSON object body; an empty body is an empty object. */
export async function readJsonObject(
  req: IncomingMessage,
  max = MAX_JSON_BODY,
): Promise<BodyResult<Record<string, unknown>>> {
  const body = await readBody(req, max);
  if (!body.ok) return body;
  const text = body.value.toString("utf8");
  if (text.trim() === "") return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, message: "The request body is not valid JSON." };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { ok: false, status: 400, message: "The request body must be a JSON object." };
  return { ok: true, value: value as Record<string, unknown> };
}
