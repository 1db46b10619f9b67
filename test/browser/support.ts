/**
 * Whether browser tests can run. Without Chromium they are skipped with a loud message, except
 * under CI=true, where a missing browser must fail the run rather than pass it quietly.
 */
import { CHROMIUM_INSTALL_HINT, findChromium } from "../../dev/harness/chromium.ts";

export const chromiumPath = findChromium();
const inCi = process.env.CI === "true";

if (!chromiumPath && !inCi) {
  console.warn(
    `\n*** Browser tests SKIPPED: no Chromium at /usr/bin/chromium or $CHROME_PATH. Install it with: ${CHROMIUM_INSTALL_HINT} ***\n`,
  );
}

/** True when browser suites must be skipped (never under CI, where they fail instead). */
export const skipBrowser = !chromiumPath && !inCi;
