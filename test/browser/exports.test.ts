/**
 * Each export, walked in Chromium as a marketer would: Import an export… (the file as
 * downloaded, title lines and total rows included), then New objective… on the tab it made, with
 * the columns the wizard proposes by itself, a preview equal to the value computed by hand from
 * the file, the objective created and the dashboard built. Screenshots of the import panel and
 * of each step go to test-results/screenshots/export-<file>.
 */
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { formatValue } from "../../sidebar/format.ts";
import { EXPORTS, type ExportFacts, exportBytes } from "../fixtures/exports/facts.ts";
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
  withHarness,
} from "./sidebar-harness.ts";
import { skipBrowser } from "./support.ts";

const TZ = "Europe/Paris";

/** The terms each input's selects hold, "−" before a subtracted column. */
async function mappedTerms(page: Page, input: string): Promise<string[]> {
  const terms: string[] = [];
  for (let i = 1; ; i++) {
    const select = page.getByTestId(
      i === 1 ? `wizard-input-${input}` : `wizard-input-${input}-${i}`,
    );
    if ((await select.count()) === 0) return terms;
    const minus = (await select.getAttribute("data-minus")) === "true";
    terms.push(`${minus ? "\u2212" : ""}${await select.inputValue()}`);
  }
}

/** A target a little better than the baseline, as typed in the KPI's unit. */
function targetText(facts: ExportFacts): string {
  const targets: Record<string, string> = {
    bounce_rate: "30",
    conversion: "4",
    ctr: "3",
    roas: "9",
    open_rate: "40",
    engagement: "300",
  };
  return targets[facts.kpiId] ?? "1";
}

describe.skipIf(skipBrowser)("exports as downloaded, walked in Chromium", () => {
  afterAll(closeBrowser);

  for (const facts of EXPORTS) {
    it(`${facts.file}: import, objective, dashboard`, () =>
      withHarness(
        {
          userLocale: facts.lang,
          locale: facts.locale,
          timeZone: TZ,
          browserLocale: facts.lang === "fr" ? "fr-FR" : "en-US",
          // A sparkline has no value in Sheets (it draws): read back as blank.
          evaluateFormula: (formula) => {
            if (formula.startsWith("=SPARKLINE(")) return "";
            throw new Error(`no value for ${formula}`);
          },
        },
        async (h) => {
          const group = `export-${facts.file.replace(/\.csv$/, "")}`;
          const tab = facts.file.replace(/\.csv$/, "");

          // Import an export…: what the file holds is shown before anything is written.
          const panel = await h.openSidebar("showImport");
          await panel.getByTestId("import-file").waitFor();
          // The workbook's first, empty tab is active: send the file to a new tab instead.
          await panel.getByTestId("import-target").selectOption("");
          await panel.getByTestId("import-file").setInputFiles({
            name: facts.file,
            mimeType: "text/csv",
            buffer: Buffer.from(exportBytes(facts.file)),
          });
          await panel.getByTestId("import-found").waitFor();
          expect(plain(await panel.getByTestId("import-header-line").textContent())).toContain(
            String(facts.headerLine),
          );
          expect(plain(await panel.getByTestId("import-totals").textContent())).toMatch(
            new RegExp(`${facts.totals}$`),
          );
          expect(h.emu.spreadsheet.getSheetByName(tab)).toBeNull();
          expect(await unlabelledControls(panel)).toEqual([]);
          expect(await contrastProblems(panel)).toEqual([]);
          await screenshot(panel, group, "1-import-found");
          await panel.getByTestId("import-run").click();
          await panel.getByTestId("import-done").waitFor();
          expect(tabValues(h.emu, tab)).toHaveLength(1 + facts.dataRows);
          await screenshot(panel, group, "2-imported");

          // New objective… on the imported tab, as proposed.
          const page = await h.openSidebar("showNewObjective");
          await skipAdvisor(page);
          await page.getByTestId("wizard-kpi").waitFor();
          await page.getByTestId("wizard-kpi").selectOption(facts.kpiId);
          await page.getByTestId("wizard-next").click();
          await page.getByTestId("wizard-sheet").waitFor();
          expect(await page.getByTestId("wizard-sheet").inputValue()).toBe(tab);
          expect(await page.getByTestId("wizard-date-column").inputValue()).toBe(facts.dateColumn);
          for (const [input, terms] of Object.entries(facts.mapping)) {
            expect(await mappedTerms(page, input)).toEqual(terms);
          }
          expect(await page.locator("[data-testid^=wizard-unsure-]").count()).toBe(0);
          await previewSettled(page);
          expect(plain(await page.getByTestId("wizard-preview-total").textContent())).toBe(
            plain(formatValue(facts.value, facts.unit, facts.lang)),
          );
          expect(plain(await page.getByTestId("wizard-preview-value").textContent())).toBe(
            plain(formatValue(facts.value, facts.unit, facts.lang)),
          );
          expect(await unlabelledControls(page)).toEqual([]);
          expect(await contrastProblems(page)).toEqual([]);
          await screenshot(page, group, "3-measurable");

          await page.getByTestId("wizard-next").click();
          await fromAchievableToReview(page, {
            target: targetText(facts),
            owner: "Claire",
            deadline: "2027-06-30",
          });
          await page.getByTestId("wizard-create").click();
          await page.getByTestId("wizard-done").waitFor();
          await page.getByTestId("wizard-build-dashboard").click();
          await expect
            .poll(
              async () => plain(await page.getByTestId("wizard-dashboard-status").textContent()),
              {
                timeout: 15_000,
              },
            )
            .toMatch(facts.lang === "fr" ? /Tableau de bord créé/ : /Dashboard built/);
          await screenshot(page, group, "4-dashboard-built");
          const dashboard = tabValues(
            h.emu,
            facts.lang === "fr" ? "Tableau de bord KPI" : "KPI dashboard",
          );
          const objectives = tabValues(h.emu, facts.lang === "fr" ? "Objectifs" : "Objectives");
          const name = String(objectives[1]?.[1] ?? "");
          expect(name).not.toBe("");
          expect(dashboard.some((r) => r.includes(name))).toBe(true);
          expect(h.pageErrors).toEqual([]);
          expect(h.dialogs).toEqual([]);
        },
      ));
  }
});
