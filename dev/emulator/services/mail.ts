/**
 * MailApp and Blob. Every message MailApp accepts lands in an outbox with its HTML, text, inline
 * images and recipients; each recipient spends one unit of the sender's daily quota, as Apps
 * Script counts it (https://developers.google.com/apps-script/guides/services/quotas: 100
 * recipients a day for a consumer account, 1,500 for Workspace).
 */
import { type Ctx, INTERNAL, instrument, type SentMail, type SentMailImage } from "../state.ts";
import { kindOf } from "../values.ts";
import { requireGrant } from "./script.ts";

type GBlob = GoogleAppsScript.Base.Blob;

export class EmuBlob
  implements Pick<GBlob, "getBytes" | "getContentType" | "getDataAsString" | "getName" | "setName">
{
  readonly [INTERNAL]: {
    ctx: Ctx;
    bytes: Uint8Array;
    contentType: string | null;
    name: string | null;
  };
  constructor(ctx: Ctx, bytes: Uint8Array, contentType: string | null, name: string | null) {
    this[INTERNAL] = { ctx, bytes, contentType, name };
  }
  getBytes(): number[] {
    // Apps Script's bytes are signed Java bytes.
    return [...this[INTERNAL].bytes].map((b) => (b > 127 ? b - 256 : b));
  }
  getContentType(): string | null {
    return this[INTERNAL].contentType;
  }
  getDataAsString(): string {
    return new TextDecoder().decode(this[INTERNAL].bytes);
  }
  getName(): string | null {
    return this[INTERNAL].name;
  }
  setName(name: string): GBlob {
    this[INTERNAL].name = String(name);
    return this as unknown as GBlob;
  }
}
instrument(EmuBlob, "Blob");

/** Utilities.newBlob's data: a string (UTF-8) or bytes, signed or not. */
export function blobBytes(data: unknown): Uint8Array {
  if (typeof data === "string") return new TextEncoder().encode(data);
  if (Array.isArray(data) || data instanceof Uint8Array) {
    const out = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const b = Number(data[i]);
      if (!Number.isInteger(b) || b < -128 || b > 255)
        throw new Error(`emulator: Utilities.newBlob: byte ${i} is ${String(data[i])}`);
      out[i] = b & 0xff;
    }
    return out;
  }
  throw new Error(`emulator: Utilities.newBlob expects a string or bytes, got ${kindOf(data)}`);
}

const MAX_RECIPIENTS_PER_MESSAGE = 50;
/** Apps Script's "Email body size" quota, per message. */
const MAX_BODY_BYTES = 200 * 1024;
// Loose on purpose: what Gmail would reject outright, not every RFC 5322 subtlety.
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

function addresses(value: unknown, field: string): string[] {
  if (value === undefined || value === null || value === "") return [];
  if (typeof value !== "string")
    throw new Error(`emulator: MailApp.sendEmail: ${field} must be a string of addresses`);
  const list = value
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a !== "");
  for (const a of list) if (!EMAIL.test(a)) throw new Error(`Invalid email: ${a}`);
  return list;
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

interface Message {
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  replyTo?: unknown;
  subject?: unknown;
  body?: unknown;
  htmlBody?: unknown;
  name?: unknown;
  inlineImages?: unknown;
  attachments?: unknown;
  noReply?: unknown;
}

export class EmuMailApp
  implements Pick<GoogleAppsScript.Mail.MailApp, "getRemainingDailyQuota" | "sendEmail">
{
  readonly [INTERNAL]: { ctx: Ctx };
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  getRemainingDailyQuota(): number {
    const ctx = this[INTERNAL].ctx;
    requireGrant(ctx, "MailApp.getRemainingDailyQuota", "script.send_mail");
    return remainingQuota(ctx, ctx.opts.userEmail);
  }
  sendEmail(...args: unknown[]): void {
    const ctx = this[INTERNAL].ctx;
    requireGrant(ctx, "MailApp.sendEmail", "script.send_mail");
    let message: Message;
    if (args.length === 1 && typeof args[0] === "object" && args[0] !== null) {
      message = args[0] as Message;
    } else if (args.length === 3 || args.length === 4) {
      const [to, subject, body, options] = args;
      if (args.length === 4 && typeof options === "string")
        throw new Error("emulator: MailApp.sendEmail(to, replyTo, subject, body) is not emulated");
      message = { ...((options as Message | undefined) ?? {}), to, subject, body };
    } else {
      throw new Error("emulator: MailApp.sendEmail: unexpected arguments");
    }
    if (message.attachments !== undefined)
      throw new Error("emulator: MailApp.sendEmail attachments are not emulated");
    const to = addresses(message.to, "to");
    const cc = addresses(message.cc, "cc");
    const bcc = addresses(message.bcc, "bcc");
    const all = [...to, ...cc, ...bcc];
    if (all.length === 0) throw new Error("Failed to send email: no recipient");
    if (all.length > MAX_RECIPIENTS_PER_MESSAGE)
      throw new Error(`emulator: over ${MAX_RECIPIENTS_PER_MESSAGE} recipients in one message`);
    const subject = String(message.subject ?? "");
    if (subject.length > 250) throw new Error("Argument too large: subject");
    const body = String(message.body ?? "");
    const htmlBody = message.htmlBody === undefined ? null : String(message.htmlBody);
    if (utf8Length(body) > MAX_BODY_BYTES || utf8Length(htmlBody ?? "") > MAX_BODY_BYTES)
      throw new Error("emulator: an e-mail body over Apps Script's 200 KB per message");
    const images: Record<string, SentMailImage> = {};
    if (message.inlineImages !== undefined) {
      if (typeof message.inlineImages !== "object" || message.inlineImages === null)
        throw new Error("emulator: MailApp.sendEmail: inlineImages must be an object of Blobs");
      for (const [key, blob] of Object.entries(message.inlineImages)) {
        if (!(blob instanceof EmuBlob))
          throw new Error(`emulator: MailApp.sendEmail: inlineImages.${key} is not a Blob`);
        const b = blob[INTERNAL];
        images[key] = { contentType: b.contentType, name: b.name, bytes: b.bytes.slice() };
      }
    }
    const user = ctx.opts.userEmail;
    const left = remainingQuota(ctx, user);
    if (all.length > left) throw new Error("Service invoked too many times for one day: email.");
    ctx.script.quota.set(user, left - all.length);
    const size =
      utf8Length(subject) +
      utf8Length(body) +
      utf8Length(htmlBody ?? "") +
      Object.values(images).reduce((n, i) => n + i.bytes.length, 0);
    const sent: SentMail = {
      from: user,
      name: message.name === undefined ? null : String(message.name),
      to,
      cc,
      bcc,
      replyTo: message.replyTo === undefined ? null : String(message.replyTo),
      subject,
      body,
      htmlBody,
      inlineImages: images,
      at: ctx.opts.now().toISOString(),
      size,
    };
    ctx.script.outbox.push(sent);
  }
}
instrument(EmuMailApp, "MailApp");

export function remainingQuota(ctx: Ctx, user: string): number {
  return ctx.script.quota.get(user) ?? ctx.script.defaultQuota;
}

export type { GBlob };
