/**
 * A sent message as a browser would show it: the HTML part with each `cid:` image replaced by
 * its bytes as a data: URL, which is what a mail client does with inline images.
 */
import type { SentMail } from "../emulator/index.ts";

export function mailAsPage(mail: SentMail): string {
  const html =
    mail.htmlBody ?? `<pre>${mail.body.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</pre>`;
  return html.replace(/(["'])cid:([^"']+)\1/g, (whole, quote: string, cid: string) => {
    const image = mail.inlineImages[cid];
    if (!image) return whole;
    const type = image.contentType ?? "application/octet-stream";
    return `${quote}data:${type};base64,${Buffer.from(image.bytes).toString("base64")}${quote}`;
  });
}
