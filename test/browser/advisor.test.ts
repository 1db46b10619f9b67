/**
 * The KPI advisor and the market benchmark in headless Chromium, in English and in French: from a
 * business goal and a channel to ranked KPIs with their reasons and the tabs that can measure
 * them, then through the SMART steps with the chosen KPI to a saved objective, the benchmark shown
 * beside the realism check. Screenshots go to test-results/screenshots/advisor-en and advisor-fr.
 */
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { endOfMonthAfter, formatPublishedValue } from "../../sidebar/format.ts";
import { channelLabel, goalLabel } from "../../src/contract/advisor.ts";
import type { Lang } from "../../src/contract/i18n.ts";
import { fieldLabel } from "../../src/contract/rules/objective-rules.ts";
import { isoDay, todayDay } from "../../src/kpi/days.ts";
import { REASONS } from "../../src/kpi/registry/advice.ts";
import { shippedBenchmarks } from "../../src/kpi/registry/benchmarks.ts";
import { findKpi } from "../../src/kpi/registry/index.ts";
import {
  closeBrowser,
  contrastProblems,
  plain,
  rowByHeader,
  type SidebarHarness,
  screenshot,
  unlabelledControls,
  userOptions,
  withHarness,
} from "./sidebar-harness.ts";
import { skipBrowser } from "./support.ts";

const TZ = "Europe/Paris";

const WORDS = {
  en: {
    sample: "Sample data",
    visits: "Sample visits",
    objectives: "Objectives",
    missing:
      "No Revenue or Cost column in “Sample visits”: the ROAS can't be measured from this tab.",
    measurable: "Measurable from “Sample data”.",
    sits: /^Your baseline \S+ is (above|below|level with) it; your target \S+ is (above|below|level with) it\.$/,
  },
  fr: {
    sample: "Données d'exemple",
    visits: "Visites d'exemple",
    objectives: "Objectifs",
    missing:
      "Pas de colonne Chiffre d'affaires ou Coût dans « Visites d'exemple » : impossible de mesurer le ROAS depuis cet onglet.",
    measurable: "Mesurable depuis « Données d'exemple ».",
    sits: /^Votre valeur de départ \(.+\) est (au-dessus|en dessous|au même niveau) ; votre cible \(.+\) est (au-dessus|en dessous|au même niveau)\.$/,
  },
} as const;

async function checkPage(page: Page): Promise<void> {
  expect(await unlabelledControls(page)).toEqual([]);
  expect(await contrastProblems(page)).toEqual([]);
}

async function texts(page: Page, testId: string): Promise<string[]> {
  return (await page.getByTestId(testId).allTextContents()).map(plain);
}

/** Opens the advisor on the sample data and answers "online sales" through "search ads". */
async function salesFromSearchAds(h: SidebarHarness, lang: Lang): Promise<Page> {
  h.bundle.invoke("insertSampleData");
  const page = await h.openSidebar("showNewObjective");
  await page.getByTestId("advisor-goal").first().waitFor();
  expect(
    await page
      .getByTestId("advisor-goal")
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.goal)),
  ).toEqual(["awareness", "traffic", "leads", "sales", "loyalty"]);
  expect(
    await page
      .getByTestId("advisor-channel")
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.channel)),
  ).toEqual(["website", "search_ads", "social_ads", "email", "social"]);
  expect(await page.getByTestId("advisor-kpi").count()).toBe(0);
  await screenshot(page, `advisor-${lang}`, "1-advisor-empty");
  const goal = page.locator("[data-testid=advisor-goal][data-goal=sales]");
  expect(plain(await goal.textContent())).toBe(goalLabel("sales", lang));
  await goal.click();
  await page.locator("[data-testid=advisor-channel][data-channel=search_ads]").click();
  await page.getByTestId("advisor-kpi").first().waitFor();
  expect(await goal.getAttribute("aria-pressed")).toBe("true");
  return page;
}

describe.skipIf(skipBrowser)("the KPI advisor, in Chromium", () => {
  afterAll(closeBrowser);

  for (const [lang, pick] of [
    ["en", "conversion"],
    ["fr", "cpa"],
  ] as const) {
    it(`in ${lang}: online sales + search ads → ROAS, CPA, conversion with reasons; pick ${pick}; finish with the benchmark`, () =>
      withHarness(userOptions(lang, TZ), async (h) => {
        const w = WORDS[lang];
        const page = await salesFromSearchAds(h, lang);

        // Ranked, each with the one-sentence reason of the advice data, and where it can be measured.
        const order = await page
          .getByTestId("advisor-kpi")
          .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kpi));
        expect(order).toEqual(["roas", "cpa", "conversion"]);
        expect(await texts(page, "advisor-reason")).toEqual(
          ["roas", "cpa", "conversion"].map((id) => plain(REASONS.sales[id]?.[lang])),
        );
        const roas = page.locator("[data-testid=advisor-kpi][data-kpi=roas]");
        expect(plain(await roas.textContent())).toContain(plain(findKpi("roas")?.name[lang]));
        expect(plain(await roas.getByTestId("advisor-measurable").textContent())).toBe(
          w.measurable,
        );
        // The visits tab has dates but no money: the warning says which column is missing.
        expect(plain(await roas.getByTestId("advisor-missing").textContent())).toBe(w.missing);
        await checkPage(page);
        await screenshot(page, `advisor-${lang}`, "2-advisor-sales-search-ads");

        // Choosing one opens step S with it selected, on the tab that can measure it.
        await page.locator(`[data-testid=advisor-kpi][data-kpi=${pick}]`).click();
        await page.getByTestId("wizard-kpi").waitFor();
        expect(await page.getByTestId("wizard-kpi").inputValue()).toBe(pick);
        expect(await page.getByTestId("wizard-channel").inputValue()).toBe(
          channelLabel("search_ads", lang),
        );
        // Back returns to the advisor with the answers kept, and the choice can be made again.
        await page.getByTestId("wizard-back").click();
        await page.locator(`[data-testid=advisor-kpi][data-kpi=${pick}]`).click();
        await page.getByTestId("wizard-next").click();
        await page.getByTestId("wizard-sheet").waitFor();
        expect(await page.getByTestId("wizard-sheet").inputValue()).toBe(w.sample);
        await page.getByTestId("wizard-next").click();

        // Achievable: the benchmark beside the realism check, cited, and where both values sit.
        const baseline = page.getByTestId("wizard-baseline");
        await expect.poll(() => baseline.inputValue(), { timeout: 15_000 }).not.toBe("");
        const kpi = findKpi(pick);
        const unit = kpi?.unit ?? "percent";
        const typed = Number((await baseline.inputValue()).replace(",", "."));
        const target = unit === "percent" ? typed * 1.2 : typed * 0.8;
        await page
          .getByTestId("wizard-target")
          .fill(
            (unit === "percent" ? target.toFixed(2) : target.toFixed(2)).replace(
              ".",
              lang === "fr" ? "," : ".",
            ),
          );
        const published = shippedBenchmarks(pick, "search_ads", null)[0];
        expect(published).toBeDefined();
        const row = page.getByTestId("wizard-benchmark-row");
        await expect.poll(() => row.count()).toBe(1);
        expect(await row.getAttribute("data-channel")).toBe("search_ads");
        expect(await row.getAttribute("data-year")).toBe("2025");
        const line = plain(await row.locator(".benchmark-line").textContent());
        const value = plain(
          formatPublishedValue(published?.value ?? 0, unit, lang) +
            (published?.currency ? ` ${published.currency}` : ""),
        );
        expect(line).toBe(
          lang === "fr"
            ? `Publicité sur les moteurs de recherche, moyenne : ${value} (2025, WordStream by LocaliQ, Google Ads Benchmarks 2025)`
            : `Search ads average: ${value} (2025, WordStream by LocaliQ, Google Ads Benchmarks 2025)`,
        );
        await expect
          .poll(async () => plain(await page.getByTestId("wizard-benchmark-sits").textContent()))
          .toMatch(w.sits);
        expect(await row.locator("a").getAttribute("href")).toBe(published?.url);
        expect(await page.getByTestId("wizard-benchmark-mpp").count()).toBe(0);
        // It informs, never blocks: the realism check is there too, and Next goes on.
        await expect
          .poll(() => page.getByTestId("wizard-realism").getAttribute("data-realistic"))
          .not.toBeNull();
        await checkPage(page);
        await screenshot(page, `advisor-${lang}`, "3-achievable-benchmark");
        await page.getByTestId("wizard-next").click();

        await page.getByTestId("wizard-owner").fill("Claire");
        await page.getByTestId("wizard-next").click();
        await page.getByTestId("wizard-deadline").fill(endOfMonthAfter(isoDay(todayDay(TZ)), 6));
        await page.getByTestId("wizard-next").click();
        await page.getByTestId("wizard-create").click();
        await page.getByTestId("wizard-done").waitFor();

        const saved = rowByHeader(h.emu, w.objectives, 1);
        expect(saved[fieldLabel("kpiId", lang)]).toBe(pick);
        expect(saved[fieldLabel("channel", lang)]).toBe(channelLabel("search_ads", lang));
        expect(saved[fieldLabel("sourceSheet", lang)]).toBe(w.sample);
        expect(h.pageErrors).toEqual([]);
      }));
  }

  it("warns about Apple Mail Privacy Protection beside an open-rate benchmark, in French", () =>
    withHarness(userOptions("fr", TZ), async (h) => {
      h.bundle.invoke("insertSampleData");
      const page = await h.openSidebar("showNewObjective");
      await page.locator("[data-testid=advisor-goal][data-goal=loyalty]").click();
      await page.locator("[data-testid=advisor-channel][data-channel=email]").click();
      // Click rate first: opens are inflated by Apple Mail.
      expect(
        await page
          .getByTestId("advisor-kpi")
          .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kpi)),
      ).toEqual(["ctr", "open_rate"]);
      await page.locator("[data-testid=advisor-kpi][data-kpi=open_rate]").click();
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-benchmark").waitFor();
      // MailerLite (2023) then Mailchimp (2019): both e-mail, newest first.
      await expect
        .poll(() =>
          page
            .getByTestId("wizard-benchmark-row")
            .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.year)),
        )
        .toEqual(["2023", "2019"]);
      expect(plain(await page.getByTestId("wizard-benchmark-mpp").textContent())).toMatch(
        /Apple Mail.*taux de clics/,
      );
      await checkPage(page);
      await screenshot(page, "advisor-fr", "4-achievable-open-rate");
    }));

  it("can be skipped, and says so when a KPI has no published benchmark", () =>
    withHarness(userOptions("en", TZ), async (h) => {
      h.bundle.invoke("insertSampleData");
      const page = await h.openSidebar("showNewObjective");
      await page.getByTestId("advisor-skip").click();
      await page.getByTestId("wizard-kpi").waitFor();
      expect(await page.getByTestId("wizard-kpi").inputValue()).toBe("");
      await page.getByTestId("wizard-kpi").selectOption("roas");
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-benchmark-none").waitFor();
      expect(await page.getByTestId("wizard-benchmark-row").count()).toBe(0);
    }));
});
