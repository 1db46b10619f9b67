/**
 * Column auto-mapping as the user sees it in step 2: on the sample data (every KPI, in English
 * and French headers) and on a GA4-style export, where an unsure match must be confirmed.
 */
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { dayToDate, todayDay } from "../../src/kpi/days.ts";
import { messages } from "../../src/sheets/messages.ts";
import {
  closeBrowser,
  plain,
  previewSettled,
  screenshot,
  startHarness,
} from "./sidebar-harness.ts";
import { skipBrowser } from "./support.ts";

const TZ = "Europe/Paris";

/** What a marketer would map by hand on the sample tab, per KPI input. */
const SAMPLE_MAPPING: Record<string, Record<string, { en: string[]; fr: string[] }>> = {
  conversion: {
    conversions: { en: ["Conversions"], fr: ["Conversions"] },
    visitors: { en: ["Visitors"], fr: ["Visiteurs"] },
  },
  open_rate: {
    opens: { en: ["Opens"], fr: ["Ouvertures"] },
    sent: { en: ["Emails sent"], fr: ["E-mails envoyés"] },
    bounced: { en: ["Bounced"], fr: ["Rebonds"] },
  },
  ctr: {
    clicks: { en: ["Clicks"], fr: ["Clics"] },
    impressions: { en: ["Impressions"], fr: ["Impressions"] },
  },
  avg_visit_duration: {
    durations: { en: ["Total session duration (s)"], fr: ["Durée totale des sessions (s)"] },
    visits: { en: ["Sessions"], fr: ["Sessions"] },
  },
  bounce_rate: {
    bounces: { en: ["Single-page sessions"], fr: ["Sessions d'une page"] },
    sessions: { en: ["Sessions"], fr: ["Sessions"] },
  },
  engagement: {
    interactions: {
      en: ["Likes", "Comments", "Shares"],
      fr: ["J'aime", "Commentaires", "Partages"],
    },
    posts: { en: ["Posts"], fr: ["Publications"] },
  },
  roi: {
    revenue: { en: ["Revenue"], fr: ["Chiffre d'affaires"] },
    cost: { en: ["Ad cost"], fr: ["Coût publicitaire"] },
  },
  roas: {
    revenue: { en: ["Revenue"], fr: ["Chiffre d'affaires"] },
    cost: { en: ["Ad cost"], fr: ["Coût publicitaire"] },
  },
  cpa: {
    cost: { en: ["Ad cost"], fr: ["Coût publicitaire"] },
    conversions: { en: ["Conversions"], fr: ["Conversions"] },
  },
  cpc: {
    cost: { en: ["Ad cost"], fr: ["Coût publicitaire"] },
    clicks: { en: ["Clicks"], fr: ["Clics"] },
  },
  cpm: {
    cost: { en: ["Ad cost"], fr: ["Coût publicitaire"] },
    impressions: { en: ["Impressions"], fr: ["Impressions"] },
  },
};

/** The columns step 2 shows for an input: its select, then any extra ones of a multi-column input. */
async function mappedColumns(page: Page, input: string): Promise<string[]> {
  const columns: string[] = [];
  for (let i = 1; ; i++) {
    const select = page.getByTestId(
      i === 1 ? `wizard-input-${input}` : `wizard-input-${input}-${i}`,
    );
    if ((await select.count()) === 0) return columns;
    columns.push(await select.inputValue());
  }
}

async function chooseKpi(page: Page, kpi: string): Promise<void> {
  if ((await page.getByTestId("wizard-kpi").count()) === 0) {
    await page.getByTestId("wizard-back").click();
  }
  await page.getByTestId("wizard-kpi").selectOption(kpi);
  await page.getByTestId("wizard-next").click();
  await page.getByTestId("wizard-sheet").waitFor();
}

describe.skipIf(skipBrowser)("auto-mapping in step 2", () => {
  afterAll(closeBrowser);

  for (const lang of ["en", "fr"] as const) {
    it(`maps every KPI on the ${lang} sample data, with nothing left unsure`, async () => {
      const h = await startHarness({
        userLocale: lang,
        locale: lang === "fr" ? "fr_FR" : "en_US",
        timeZone: TZ,
      });
      try {
        h.bundle.invoke("insertSampleData");
        const page = await h.openSidebar("showNewObjective");
        await page.getByTestId("wizard-kpi").waitFor();
        for (const [kpi, inputs] of Object.entries(SAMPLE_MAPPING)) {
          await chooseKpi(page, kpi);
          for (const [input, headers] of Object.entries(inputs)) {
            expect(await mappedColumns(page, input), `${kpi}.${input}`).toEqual(headers[lang]);
          }
          expect(await page.locator("[data-testid^=wizard-unsure-]").count(), kpi).toBe(0);
          await previewSettled(page);
          expect(plain(await page.getByTestId("wizard-preview-total").textContent()), kpi).toMatch(
            /\d/,
          );
          if (kpi === "engagement" || kpi === "open_rate") {
            await screenshot(page, `mapping-${lang}`, `sample-${kpi}`);
          }
        }

        // Unique visitors come from the tab of visits, one visitor id per row.
        await chooseKpi(page, "unique_visitors");
        expect(await mappedColumns(page, "visitor_ids")).toEqual([""]);
        const visitsTab = messages.t(lang, "sampleVisitsTab");
        await page.getByTestId("wizard-sheet").selectOption(visitsTab);
        expect(await mappedColumns(page, "visitor_ids")).toEqual([
          lang === "fr" ? "ID visiteur" : "Visitor ID",
        ]);
        expect(await page.getByTestId("wizard-date-column").inputValue()).toBe("Date");
        await previewSettled(page);
        expect(plain(await page.getByTestId("wizard-preview-total").textContent())).toMatch(/\d/);
        await screenshot(page, `mapping-${lang}`, "visits-unique_visitors");
        expect(h.pageErrors).toEqual([]);
      } finally {
        await h.close();
      }
    });
  }

  it("maps a GA4 export, and makes the user confirm an unsure match", async () => {
    const h = await startHarness({ userLocale: "en", timeZone: TZ });
    try {
      const headers = [
        "Date",
        "Sessions",
        "Engaged sessions",
        "Total users",
        "Key events",
        "Average engagement time",
        "Bounce rate",
      ];
      const end = todayDay(TZ) - 1;
      const rows: unknown[][] = [headers];
      for (let d = end - 120; d <= end; d++) {
        const sessions = 1200 + (d % 7) * 50;
        rows.push([
          dayToDate(d, TZ),
          sessions,
          Math.round(sessions * 0.62),
          950,
          25 + (d % 4),
          75,
          0.38,
        ]);
      }
      const sheet = h.emu.spreadsheet.insertSheet("GA4 export");
      sheet.getRange(1, 1, rows.length, headers.length).setValues(rows);

      const page = await h.openSidebar("showNewObjective");
      await page.getByTestId("wizard-kpi").waitFor();
      await chooseKpi(page, "conversion");
      expect(await page.getByTestId("wizard-sheet").inputValue()).toBe("GA4 export");
      expect(await mappedColumns(page, "conversions")).toEqual(["Key events"]);
      expect(await mappedColumns(page, "visitors")).toEqual(["Total users"]);
      expect(await page.locator("[data-testid^=wizard-unsure-]").count()).toBe(0);
      await previewSettled(page);
      await screenshot(page, "mapping-ga4", "conversion");

      // Average engagement time is a duration: the preview shows m:ss.
      await chooseKpi(page, "avg_visit_duration");
      expect(await mappedColumns(page, "durations")).toEqual(["Average engagement time"]);
      expect(await mappedColumns(page, "visits")).toEqual([""]);
      await previewSettled(page);
      expect(plain(await page.getByTestId("wizard-preview-total").textContent())).toBe("1:15");

      // "Bounce rate" only partly matches the bounces input: flagged, and Next waits for the user.
      await chooseKpi(page, "bounce_rate");
      expect(await mappedColumns(page, "sessions")).toEqual(["Sessions"]);
      expect(await mappedColumns(page, "bounces")).toEqual(["Bounce rate"]);
      const flag = page.getByTestId("wizard-unsure-bounces");
      expect(plain(await flag.textContent())).toContain(
        "Unsure match: check that “Bounce rate” holds",
      );
      await page.getByTestId("wizard-next").click();
      expect(await page.getByTestId("wizard-sheet").count()).toBe(1);
      const error = page.locator(".field.invalid .field-error");
      expect(plain(await error.textContent())).toBe("Keep this column or choose another.");
      expect(await page.getByTestId("wizard-input-bounces").getAttribute("aria-invalid")).toBe(
        "true",
      );
      await screenshot(page, "mapping-ga4", "bounce_rate-unsure");
      await flag.getByRole("button", { name: "Keep it" }).click();
      expect(await flag.count()).toBe(0);
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-target").waitFor();

      // Choosing another column settles it too.
      await page.getByTestId("wizard-back").click();
      await page.getByTestId("wizard-back").click();
      await page.getByTestId("wizard-kpi").selectOption("conversion");
      await page.getByTestId("wizard-kpi").selectOption("bounce_rate");
      await page.getByTestId("wizard-next").click();
      expect(await page.getByTestId("wizard-unsure-bounces").count()).toBe(1);
      await page.getByTestId("wizard-input-bounces").selectOption("Engaged sessions");
      expect(await page.getByTestId("wizard-unsure-bounces").count()).toBe(0);
      expect(h.pageErrors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
