/**
 * A filter per objective, walked in Chromium: the Google Ads export as Sheets' own import leaves
 * it, New objective… for the CTR, the campaign column and one of its campaigns ticked in the
 * Measurable step, a preview equal to that campaign's CTR computed by hand (not the account's),
 * then the objective created with its filter and the dashboard built. Screenshots of the step go
 * to test-results/screenshots/filter-<lang>.
 */
import { afterAll, describe, expect, it } from "vitest";
import { formatValue } from "../../sidebar/format.ts";
import { writeAsSheetsImports } from "../sheets/helpers.ts";
import {
  closeBrowser,
  contrastProblems,
  fromAchievableToReview,
  plain,
  previewSettled,
  screenshot,
  skipAdvisor,
  tabValues,
  unlabelledControls,
  userOptions,
  withHarness,
} from "./sidebar-harness.ts";
import { skipBrowser } from "./support.ts";

const TZ = "Europe/Paris";
// By hand from the files: the brand campaign's clicks over its impressions, 27–31 October…
const BRAND_CTR = (118 + 125 + 121 + 117 + 119) / (980 + 1020 + 1010 + 990 + 1000); // 600 / 5000
// …and the whole account's, as the files' own total row prints it.
const ACCOUNT_CTR = 690 / 30000;

const WALKS = [
  { lang: "fr", file: "google-ads-fr.csv", column: "Campagne", brand: "Search - Marque" },
  { lang: "en", file: "google-ads-en.csv", column: "Campaign", brand: "Search - Brand" },
] as const;

describe.skipIf(skipBrowser)("a filter per objective, in Chromium", () => {
  afterAll(closeBrowser);

  for (const walk of WALKS) {
    it(`${walk.file}: the CTR of « ${walk.brand} » only`, () =>
      withHarness(
        {
          ...userOptions(walk.lang, TZ),
          evaluateFormula: (formula) => {
            if (formula.startsWith("=SPARKLINE(")) return "";
            throw new Error(`no value for ${formula}`);
          },
        },
        async (h) => {
          const group = `filter-${walk.lang}`;
          const pct = (v: number) => plain(formatValue(v, "percent", walk.lang));
          // The emulator's workbook implements what the helper calls (insertSheet, getRange, activate).
          const ss = h.emu.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
          writeAsSheetsImports(walk.file, "Export", TZ, ss);

          const page = await h.openSidebar("showNewObjective");
          await skipAdvisor(page);
          await page.getByTestId("wizard-kpi").selectOption("ctr");
          await page.getByTestId("wizard-next").click();
          await page.getByTestId("wizard-sheet").waitFor();
          expect(await page.getByTestId("wizard-sheet").inputValue()).toBe("Export");
          await previewSettled(page);
          // Every row at first: the account.
          expect(plain(await page.getByTestId("wizard-preview-total").textContent())).toBe(
            pct(ACCOUNT_CTR),
          );

          // The campaign column is offered first, with the campaigns of the file.
          const column = page.getByTestId("wizard-filter-column");
          expect(await column.locator("option").allTextContents()).toContain(walk.column);
          await column.selectOption(walk.column);
          const brand = page.locator(`[data-testid^=wizard-filter-value-][value="${walk.brand}"]`);
          await brand.waitFor();
          expect(await page.locator("[data-testid^=wizard-filter-value-]").count()).toBe(2);
          await brand.check();
          await previewSettled(page);
          await expect
            .poll(async () => plain(await page.getByTestId("wizard-preview-total").textContent()))
            .toBe(pct(BRAND_CTR));
          expect(plain(await page.getByTestId("wizard-preview-value").textContent())).toBe(
            pct(BRAND_CTR),
          );
          // The other campaign's 5 rows and the 3 total rows are said to be left out.
          const leftOut = plain(await page.getByTestId("wizard-preview-left-out").textContent());
          expect(leftOut).toContain(`5 `);
          expect(leftOut).toContain(walk.column);
          expect(await unlabelledControls(page)).toEqual([]);
          expect(await contrastProblems(page)).toEqual([]);
          await screenshot(page, group, "measurable-filter");

          await page.getByTestId("wizard-next").click();
          await fromAchievableToReview(page, {
            target: "15",
            owner: "Claire",
            deadline: "2027-06-30",
          });
          // The review says which rows count before anything is saved.
          expect(plain(await page.locator("dl").textContent())).toContain(
            `${walk.column} = ${walk.brand}`,
          );
          await page.getByTestId("wizard-create").click();
          await page.getByTestId("wizard-done").waitFor();

          const objectives = tabValues(h.emu, walk.lang === "fr" ? "Objectifs" : "Objectives");
          const filterCol = objectives[0]?.indexOf(walk.lang === "fr" ? "Filtre" : "Filter") ?? -1;
          expect(filterCol).toBeGreaterThan(0);
          expect(objectives[1]?.[filterCol]).toBe(`${walk.column} = ${walk.brand}`);

          await page.getByTestId("wizard-build-dashboard").click();
          await expect
            .poll(
              async () => plain(await page.getByTestId("wizard-dashboard-status").textContent()),
              { timeout: 15_000 },
            )
            .toMatch(walk.lang === "fr" ? /Tableau de bord créé/ : /Dashboard built/);
          const dashboard = tabValues(
            h.emu,
            walk.lang === "fr" ? "Tableau de bord KPI" : "KPI dashboard",
          );
          const name = String(objectives[1]?.[1] ?? "");
          const row = dashboard.find((r) => r.includes(name));
          // The dashboard's current value is the campaign's, in the sheet's own number.
          expect(row?.some((v) => typeof v === "number" && Math.abs(v - BRAND_CTR) < 1e-12)).toBe(
            true,
          );
          expect(h.pageErrors).toEqual([]);
          expect(h.dialogs).toEqual([]);
        },
      ));
  }
});
