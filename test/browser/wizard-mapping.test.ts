/**
 * Column auto-mapping as the user sees it in step 2: on the sample data (every KPI, in English
 * and French headers) and on a GA4-style export, where an unsure match must be confirmed.
 */
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { todayDay } from "../../src/kpi/days.ts";
import { messages } from "../../src/sheets/workbook/messages.ts";
import { GA4_HEADERS, SAMPLE_MAPPING } from "../fixtures.ts";
import { ga4Table } from "../sheets/helpers.ts";
import {
  closeBrowser,
  plain,
  previewSettled,
  screenshot,
  skipAdvisor,
  withHarness,
} from "./sidebar-harness.ts";
import { skipBrowser } from "./support.ts";

const TZ = "Europe/Paris";

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
    it(`maps every KPI on the ${lang} sample data, with nothing left unsure`, () =>
      withHarness(
        { userLocale: lang, locale: lang === "fr" ? "fr_FR" : "en_US", timeZone: TZ },
        async (h) => {
          h.bundle.invoke("insertSampleData");
          const page = await h.openSidebar("showNewObjective");
          await skipAdvisor(page);
          for (const [kpi, inputs] of Object.entries(SAMPLE_MAPPING)) {
            await chooseKpi(page, kpi);
            for (const [input, headers] of Object.entries(inputs)) {
              expect(await mappedColumns(page, input), `${kpi}.${input}`).toEqual(headers[lang]);
            }
            expect(await page.locator("[data-testid^=wizard-unsure-]").count(), kpi).toBe(0);
            await previewSettled(page);
            expect(
              plain(await page.getByTestId("wizard-preview-total").textContent()),
              kpi,
            ).toMatch(/\d/);
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
        },
      ));
  }

  it("maps a GA4 export, and makes the user confirm an unsure match", () =>
    withHarness({ userLocale: "en", timeZone: TZ }, async (h) => {
      const rows = ga4Table(todayDay(TZ) - 1, 121, TZ);
      const sheet = h.emu.spreadsheet.insertSheet("GA4 export");
      sheet.getRange(1, 1, rows.length, GA4_HEADERS.length).setValues(rows);

      const page = await h.openSidebar("showNewObjective");
      await skipAdvisor(page);
      await chooseKpi(page, "conversion");
      expect(await page.getByTestId("wizard-sheet").inputValue()).toBe("GA4 export");
      expect(await mappedColumns(page, "conversions")).toEqual(["Key events"]);
      // Sessions add up over a month; daily users do not.
      expect(await mappedColumns(page, "visitors")).toEqual(["Sessions"]);
      expect(await page.locator("[data-testid^=wizard-unsure-]").count()).toBe(0);
      await previewSettled(page);
      await screenshot(page, "mapping-ga4", "conversion");
      // Choosing Total users anyway says plainly why it misleads.
      await page.getByTestId("wizard-input-visitors").selectOption("Total users");
      expect(plain(await page.getByTestId("wizard-concern-visitors").textContent())).toContain(
        "“Total users” counts users per day",
      );
      await screenshot(page, "mapping-ga4", "conversion-users-warning");

      // An average is no duration to add up: not proposed; chosen anyway, it is refused, in the
      // step and by the preview.
      await chooseKpi(page, "avg_visit_duration");
      expect(await mappedColumns(page, "durations")).toEqual([""]);
      await page.getByTestId("wizard-input-durations").selectOption("Average engagement time");
      expect(plain(await page.getByTestId("wizard-concern-durations").textContent())).toContain(
        "“Average engagement time” is an average or a per-unit figure",
      );
      await previewSettled(page);
      expect(plain(await page.getByTestId("wizard-preview").textContent())).toContain(
        'Input columns: "Average engagement time" is an average or a per-unit figure (Duration).',
      );
      await screenshot(page, "mapping-ga4", "duration-average-refused");

      // "Bounce rate" is a rate, not a count of single-page sessions: bounces are GA4's own
      // Sessions − Engaged sessions.
      await chooseKpi(page, "bounce_rate");
      expect(await mappedColumns(page, "sessions")).toEqual(["Sessions"]);
      expect(await mappedColumns(page, "bounces")).toEqual(["Sessions", "Engaged sessions"]);
      expect(await page.getByTestId("wizard-input-bounces-2").getAttribute("data-minus")).toBe(
        "true",
      );
      expect(await page.locator("[data-testid^=wizard-unsure-]").count()).toBe(0);
      await previewSettled(page);
      await screenshot(page, "mapping-ga4", "bounce-rate-derived");

      // "Item revenue" and "Google Ads cost" only partly match: flagged, and Next waits.
      await chooseKpi(page, "roas");
      expect(await mappedColumns(page, "revenue")).toEqual(["Item revenue"]);
      expect(await mappedColumns(page, "cost")).toEqual(["Google Ads cost"]);
      const flag = page.getByTestId("wizard-unsure-revenue");
      expect(plain(await flag.textContent())).toContain(
        "Unsure match: check that “Item revenue” holds",
      );
      await page.getByTestId("wizard-next").click();
      expect(await page.getByTestId("wizard-sheet").count()).toBe(1);
      const errors = page.locator(".field.invalid .field-error");
      expect((await errors.allTextContents()).map(plain)).toEqual([
        "Keep this column or choose another.",
        "Keep this column or choose another.",
      ]);
      expect(await page.getByTestId("wizard-input-revenue").getAttribute("aria-invalid")).toBe(
        "true",
      );
      await screenshot(page, "mapping-ga4", "roas-unsure");
      await flag.getByRole("button", { name: "Keep it" }).click();
      expect(await flag.count()).toBe(0);
      // Choosing a column settles the other one.
      await page.getByTestId("wizard-input-cost").selectOption("Google Ads cost");
      expect(await page.getByTestId("wizard-unsure-cost").count()).toBe(0);
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-target").waitFor();
      expect(h.pageErrors).toEqual([]);
    }));
});
