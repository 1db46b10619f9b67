/**
 * Debian's Chromium for browser tests and screenshots (no browser download is possible here).
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_INSTALL_HINT = "apt-get update && apt-get install -y chromium";

export function findChromium(): string | null {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(`No Chromium found (set CHROME_PATH, or run: ${CHROMIUM_INSTALL_HINT})`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    // Without these, Chromium keeps trying to reach Google's hosts, which this machine refuses.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}
