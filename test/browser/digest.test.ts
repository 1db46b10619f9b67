/**
 * The digest as a mail client renders it, in real Chromium: every status is a word (not only a
 * colour), every chart image decodes, nothing overflows the message's width. Screenshots of the
 * English and French digests go to test-results/screenshots.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SentMail } from "../../dev/emulator/index.ts";
import { launchChromium } from "../../dev/harness/chromium.ts";
import { mailAsPage } from "../../dev/harness/mail-view.ts";
import { dayFromParts, dayToDate } from "../../src/kpi/days.ts";
import { saveObjective } from "../../src/sheets/objectives/endpoints.ts";
import { saveSchedule } from "../../src/sheets/review/endpoints.ts";
import { runScheduledReview } from "../../src/sheets/review/run.ts";
import { generateSampleData } from "../../src/sheets/sample-data.ts";
import { installEmulator, sampleObjectives, writeSampleTab } from "../sheets/helpers.ts";
import { SCREENSHOTS } from "./sidebar-harness.ts";
import { skipBrowser } from "./support.ts";

const END = dayFromParts(2027, 6, 10) as number;

/** Two weekly reviews on the sample data (a week of data arriving between them): both digests. */
function twoDigests(lang: "en" | "fr"): SentMail[] {
  const { emu, uninstall } = installEmulator({
    userLocale: lang === "fr" ? "fr_FR" : "en_US",
    locale: lang === "fr" ? "fr_FR" : "en_US",
  });
  try {
    const tab = lang === "fr" ? "Données d'exemple" : "Sample data";
    writeSampleTab(tab, lang, END);
    for (const o of sampleObjectives(lang, tab)) saveObjective(o);
    emu.setNow(new Date("2027-06-14T04:00:00Z"));
    emu.setTriggerRunner((_h, e) => runScheduledReview(e));
    saveSchedule({
      enabled: true,
      day: "MONDAY",
      hour: 8,
      recipients: "boss@example.com",
      lang,
      owners: [],
    });
    emu.advanceClock("next-trigger");
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab)!;
    const more = generateSampleData(END + 7, lang, { startDay: END + 1, visits: false });
    const rows = more.rows.map((r) => [dayToDate(r[0] as number, "Europe/Paris"), ...r.slice(1)]);
    sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, rows[0]!.length).setValues(rows);
    emu.advanceClock("next-trigger");
    return [...emu.outbox];
  } finally {
    uninstall();
  }
}

describe.skipIf(skipBrowser)("the digest in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of ["en", "fr"] as const) {
    it(`renders both ${lang} digests with a word for every status and every chart decoded`, async () => {
      const mails = twoDigests(lang);
      expect(mails).toHaveLength(2);
      const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
      try {
        for (const [i, mail] of mails.entries()) {
          await page.setContent(mailAsPage(mail), { waitUntil: "load" });
          const statuses = await page.locator("[data-status]").evaluateAll((cells) =>
            cells.map((c) => ({
              // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point (what a reader sees)
              text: (c as HTMLElement).innerText.trim(),
              background: getComputedStyle(c).backgroundColor,
            })),
          );
          expect(statuses).toHaveLength(5);
          for (const s of statuses) {
            expect(s.text).toMatch(/^\p{L}[\p{L} ]+$/u);
            expect(s.background).not.toBe("rgba(0, 0, 0, 0)");
          }
          const images = await page.locator("img").evaluateAll((imgs) =>
            imgs.map((img) => ({
              width: (img as HTMLImageElement).naturalWidth,
              alt: (img as HTMLImageElement).alt,
            })),
          );
          expect(images.length).toBe(Object.keys(mail.inlineImages).length);
          for (const img of images) {
            expect(img.width).toBe(240);
            expect(img.alt.length).toBeGreaterThan(10);
          }
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth > window.innerWidth,
          );
          expect(overflow).toBe(false);
          await page.screenshot({
            path: join(SCREENSHOTS, `digest-${lang}-${i + 1}.png`),
            fullPage: true,
          });
        }
      } finally {
        await page.close();
      }
    });
  }
});
