/**
 * The wizard never switches data under the user, in Chromium: it starts on the active tab (and
 * says so when that tab cannot be read, picking no other), it sees a tab imported while it stayed
 * open, and an objective left in progress is offered again when the sidebar reopens.
 * Screenshots go to test-results/screenshots/wizard-start-<lang>.
 */
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { writeAsSheetsImports } from "../sheets/helpers.ts";
import {
  closeBrowser,
  contrastProblems,
  fromAchievableToReview,
  plain,
  previewSettled,
  screenshot,
  skipAdvisor,
  unlabelledControls,
  userOptions,
  withHarness,
} from "./sidebar-harness.ts";
import { skipBrowser } from "./support.ts";

const TZ = "Europe/Paris";

const WORDS = {
  en: {
    file: "google-ads-en.csv",
    unreadable: "“Notes”, the tab you are on, has no header row with data below it.",
    resume: "“Raise click-through rate” was left at the Achievable step when the sidebar closed.",
  },
  fr: {
    file: "google-ads-fr.csv",
    unreadable: "« Notes », l'onglet ouvert, n'a pas de ligne d'en-tête suivie de données.",
    resume:
      "« Augmenter le taux de clics » en était à l'étape Atteignable quand le panneau s'est fermé.",
  },
} as const;

async function sheetOptions(page: Page): Promise<string[]> {
  return page.getByTestId("wizard-sheet").locator("option").allTextContents();
}

describe.skipIf(skipBrowser)("the wizard never switches data under the user", () => {
  afterAll(closeBrowser);

  for (const lang of ["en", "fr"] as const) {
    it(`in ${lang}: active tab, a tab imported meanwhile, the draft resumed`, () =>
      withHarness(userOptions(lang, TZ), async (h) => {
        const w = WORDS[lang];
        const group = `wizard-start-${lang}`;
        const ss = h.emu.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
        writeAsSheetsImports(w.file, "Ads", TZ, ss);
        // The user is on a tab with a title line and nothing else.
        const notes = ss.insertSheet("Notes");
        notes.getRange(1, 1).setValue("Campaign report");
        notes.activate();

        const page = await h.openSidebar("showNewObjective");
        await skipAdvisor(page);
        await page.getByTestId("wizard-kpi").selectOption("ctr");
        await page.getByTestId("wizard-next").click();
        await page.getByTestId("wizard-active-problem").waitFor();
        expect(plain(await page.getByTestId("wizard-active-problem").textContent())).toContain(
          plain(w.unreadable),
        );
        // No other tab was chosen in its place.
        expect(await page.getByTestId("wizard-sheet").inputValue()).toBe("");
        expect(await page.locator("[data-testid=wizard-preview]").count()).toBe(0);
        expect(await unlabelledControls(page)).toEqual([]);
        expect(await contrastProblems(page)).toEqual([]);
        await screenshot(page, group, "1-active-tab-unreadable");

        // A tab imported while the sidebar stays open is offered once the sidebar is used again.
        expect(await sheetOptions(page)).not.toContain("Ads week 2");
        writeAsSheetsImports(w.file, "Ads week 2", TZ, ss);
        await page.evaluate(() => window.dispatchEvent(new Event("focus")));
        await expect.poll(() => sheetOptions(page)).toContain("Ads week 2");
        await page.getByTestId("wizard-sheet").selectOption("Ads");
        await previewSettled(page);
        await page.getByTestId("wizard-next").click();
        await page.getByTestId("wizard-target").waitFor();
        await page.getByTestId("wizard-target").fill("3");
        // Kept in the user's properties a moment after the last change.
        const kept = h.calls.length;
        await expect
          .poll(() => h.calls.slice(kept).includes("saveWizardDraft"), { timeout: 5000 })
          .toBe(true);

        // The sidebar closed and reopened: the objective in progress is offered.
        await page.close();
        const again = await h.openSidebar("showNewObjective");
        await again.getByTestId("wizard-resume-offer").waitFor();
        expect(plain(await again.getByTestId("wizard-resume-offer").textContent())).toContain(
          plain(w.resume),
        );
        expect(await contrastProblems(again)).toEqual([]);
        await screenshot(again, group, "2-resume-offer");
        await again.getByTestId("wizard-resume").click();
        await again.getByTestId("wizard-target").waitFor();
        expect(await again.getByTestId("wizard-target").inputValue()).toBe("3");
        await again.getByTestId("wizard-back").click();
        await again.getByTestId("wizard-sheet").waitFor();
        expect(await again.getByTestId("wizard-sheet").inputValue()).toBe("Ads");
        await again.getByTestId("wizard-next").click();
        // The target typed before the sidebar closed is still there.
        await fromAchievableToReview(again, {
          target: "3",
          owner: "Claire",
          deadline: "2027-06-30",
        });
        await again.getByTestId("wizard-create").click();
        await again.getByTestId("wizard-done").waitFor();

        // Created: nothing left to resume.
        await expect.poll(() => h.calls.includes("clearWizardDraft")).toBe(true);
        const third = await h.openSidebar("showNewObjective");
        await third.getByTestId("advisor-skip").waitFor();
        expect(await third.getByTestId("wizard-resume-offer").count()).toBe(0);
        expect(h.pageErrors).toEqual([]);
        expect(h.dialogs).toEqual([]);
      }));
  }
});
