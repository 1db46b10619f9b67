/**
 * How the wizard behaves when things are not plain sailing: an unrealistic target, the server
 * refusing, a malicious header, an impatient double click, and a user without a mouse.
 */
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { endOfMonthAfter, toInputText } from "../../sidebar/format.ts";
import { dayToDate, isoDay, todayDay } from "../../src/kpi/days.ts";
import {
  closeBrowser,
  contrastProblems,
  dataRows,
  fillToReview,
  plain,
  previewSettled,
  type SidebarHarness,
  screenshot,
  skipAdvisor,
  unlabelledControls,
  withHarness,
} from "./sidebar-harness.ts";
import { skipBrowser } from "./support.ts";

const TZ = "Europe/Paris";
const today = isoDay(todayDay(TZ));
const deadline = endOfMonthAfter(today, 7);

/**
 * The new-objective sidebar of an English user, on freshly inserted sample data; past the advisor
 * unless `advisor` is kept for the body to leave itself.
 */
function onSampleData(
  body: (h: SidebarHarness, page: Page) => Promise<void>,
  advisor: "skip" | "keep" = "skip",
): Promise<void> {
  return withHarness({ userLocale: "en", timeZone: TZ }, async (h) => {
    h.bundle.invoke("insertSampleData");
    const page = await h.openSidebar("showNewObjective");
    if (advisor === "skip") await skipAdvisor(page);
    await body(h, page);
  });
}

function objectiveRows(h: SidebarHarness): number {
  const sheet = h.emu.spreadsheet.getSheetByName("Objectives");
  return sheet ? dataRows(h.emu, "Objectives").length : 0;
}

/** Presses Tab until the element with `testId` has focus; fails after `max` presses. */
async function tabTo(page: Page, testId: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
    if (focused === testId) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`${testId} never got the focus by Tab`);
}

describe.skipIf(skipBrowser)("the wizard under pressure", () => {
  afterAll(closeBrowser);

  it("warns, without blocking, when the target asks for more than the data has shown", () =>
    onSampleData(async (h, page) => {
      await page.getByTestId("wizard-kpi").waitFor();
      await page.getByTestId("wizard-kpi").selectOption("conversion");
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-next").click();
      const baselineText = page.getByTestId("wizard-baseline");
      await expect.poll(() => baselineText.inputValue()).not.toBe("");
      const baseline = Number((await baselineText.inputValue()).replace(",", ".")) / 100;

      const realism = page.getByTestId("wizard-realism");
      const count = (name: string) => h.calls.filter((c) => c === name).length;
      const previews = count("previewObjective");
      await page.getByTestId("wizard-target").pressSequentially("50", { delay: 30 });
      await expect.poll(() => realism.getAttribute("data-realistic")).toBe("false");
      // Typing a target asks for the realism check only: the data is not read again.
      expect(count("previewObjective")).toBe(previews);
      expect(count("checkRealism")).toBeGreaterThanOrEqual(1);
      expect(count("checkRealism")).toBeLessThanOrEqual(2);
      const warning = plain(await realism.textContent());
      expect(warning).toMatch(
        /This target asks for \+[\d.]+ pts per month over \d+ months, more than the best the data has shown \(\+[\d.]+ pts?\)\. You can keep it, or aim lower or later\./,
      );
      await screenshot(page, "guards", "realism-warning");

      // A target just above the baseline is within reach: no warning.
      await page.getByTestId("wizard-target").fill(toInputText(baseline * 1.01, "percent", "en"));
      await expect.poll(() => realism.getAttribute("data-realistic")).toBe("true");
      expect(plain(await realism.textContent())).toContain("Within reach.");
      await screenshot(page, "guards", "realism-ok");

      // The warning never blocks: the walk goes on and the review repeats it.
      await page.getByTestId("wizard-target").fill("50");
      await expect.poll(() => realism.getAttribute("data-realistic")).toBe("false");
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-owner").fill("Sam");
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-deadline").fill(deadline);
      await previewSettled(page);
      expect(await realism.getAttribute("data-realistic")).toBe("false");
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-realism-review").waitFor();
      await screenshot(page, "guards", "realism-review");
      await page.getByTestId("wizard-create").click();
      await page.getByTestId("wizard-done").waitFor();
      expect(objectiveRows(h)).toBe(1);
    }));

  it("shows the server's refusal in the sidebar and lets the user try again", () =>
    onSampleData(async (h, page) => {
      await fillToReview(page, { kpi: "ctr", target: "9", owner: "Sam", deadline });

      // Someone renames the source tab while the sidebar is open: the client cannot know.
      h.emu.spreadsheet.getSheetByName("Sample data")?.setName("Old data");
      await page.getByTestId("wizard-create").click();
      const error = page.getByTestId("wizard-error");
      await error.waitFor();
      expect(plain(await error.textContent())).toMatch(/Source tab.*“?Sample data”?/);
      expect(await page.getByTestId("wizard-create").isDisabled()).toBe(false);
      expect(objectiveRows(h)).toBe(0);
      await screenshot(page, "guards", "server-refusal");

      // Another save holds the document lock: the store says so, the sidebar shows it.
      h.emu.spreadsheet.getSheetByName("Old data")?.setName("Sample data");
      const release = h.emu.holdDocumentLock();
      await page.getByTestId("wizard-create").click();
      await expect
        .poll(async () => plain(await page.getByTestId("wizard-error").textContent()))
        .not.toMatch(/Source tab/);
      const busy = plain(await page.getByTestId("wizard-error").textContent());
      expect(busy.length).toBeGreaterThan(10);
      release();

      await page.getByTestId("wizard-create").click();
      await page.getByTestId("wizard-done").waitFor();
      expect(objectiveRows(h)).toBe(1);
      expect(h.pageErrors).toEqual([]);
    }));

  it("shows a header made of HTML as text, everywhere", () =>
    withHarness({ userLocale: "en", timeZone: TZ }, async (h) => {
      const evil = "<img src=x onerror=alert(1)>";
      const evilClicks = `<img src=x onerror="window.__pwned=1"> Clicks`;
      const headers = ["Date", evil, evilClicks, "Impressions"];
      const end = todayDay(TZ) - 1;
      const rows: unknown[][] = [headers];
      for (let d = end - 90; d <= end; d++) rows.push([dayToDate(d, TZ), 1, 30 + (d % 9), 1000]);
      const sheet = h.emu.spreadsheet.insertSheet("<b>Export</b>");
      sheet.getRange(1, 1, rows.length, headers.length).setValues(rows);

      const page = await h.openSidebar("showNewObjective");
      await skipAdvisor(page);
      await page.getByTestId("wizard-kpi").selectOption("ctr");
      await page.getByTestId("wizard-name").fill(`<script>window.__pwned=2</script>${evil}`);
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-sheet").waitFor();
      expect(await page.getByTestId("wizard-sheet").inputValue()).toBe("<b>Export</b>");
      // The header that partly matches "Clicks" is proposed, flagged, and quoted as text.
      expect(await page.getByTestId("wizard-input-clicks").inputValue()).toBe(evilClicks);
      expect(plain(await page.getByTestId("wizard-unsure-clicks").textContent())).toContain(
        `“${evilClicks}”`,
      );
      const options = await page
        .getByTestId("wizard-input-impressions")
        .locator("option")
        .allTextContents();
      expect(options).toContain(evil);
      await screenshot(page, "guards", "xss-header");
      await page.getByTestId("wizard-unsure-clicks").getByRole("button").click();
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-target").fill("5");
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-owner").fill(evil);
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-deadline").fill(deadline);
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-sentence").waitFor();
      expect(plain(await page.getByTestId("wizard-sentence").textContent())).toContain(
        `owner: ${evil}.`,
      );
      await screenshot(page, "guards", "xss-review");
      await page.getByTestId("wizard-create").click();
      await page.getByTestId("wizard-done").waitFor();

      const list = await h.openSidebar("showObjectives");
      await list.getByTestId("objective-row").waitFor();
      expect(plain(await list.getByTestId("objective-row").locator("h2").textContent())).toBe(
        `<script>window.__pwned=2</script>${evil}`,
      );
      await screenshot(list, "guards", "xss-list");
      for (const p of [page, list]) {
        expect(await p.locator("img, b").count()).toBe(0);
        // The shim and the sidebar's own script, nothing injected.
        expect(await p.locator("script").count()).toBe(2);
        expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
          undefined,
        );
      }
      expect(h.dialogs).toEqual([]);
      expect(h.pageErrors).toEqual([]);
    }));

  it("makes one objective of a double click, with the button busy meanwhile", () =>
    onSampleData(async (h, page) => {
      await fillToReview(page, { kpi: "conversion", target: "5", owner: "Sam", deadline });
      h.delayMs = 600;
      const create = page.getByTestId("wizard-create");
      await create.dblclick();
      expect(await create.isDisabled()).toBe(true);
      expect(await create.getAttribute("aria-busy")).toBe("true");
      expect(plain(await create.textContent())).toBe("Creating…");
      expect(await create.locator(".spinner").count()).toBe(1);
      await screenshot(page, "guards", "double-click-busy");
      await page.getByTestId("wizard-done").waitFor();
      expect(h.calls.filter((c) => c === "saveObjective")).toHaveLength(1);
      expect(objectiveRows(h)).toBe(1);

      // Build dashboard is guarded the same way.
      const build = page.getByTestId("wizard-build-dashboard");
      await build.dblclick();
      expect(await build.isDisabled()).toBe(true);
      await page.getByTestId("wizard-dashboard-status").getByText("Dashboard built").waitFor();
      expect(h.calls.filter((c) => c === "buildDashboard")).toHaveLength(1);
    }));

  it("waits for a baseline still on its way before moving on, and shows it on Next", () =>
    onSampleData(async (h, page) => {
      await page.getByTestId("wizard-kpi").waitFor();
      h.delayMs = 800;
      await page.getByTestId("wizard-kpi").selectOption("ctr");
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-next").click();
      // Step 3 while the preview (and so the computed baseline) is still loading.
      await page.getByTestId("wizard-target").fill("9");
      expect(await page.getByTestId("wizard-baseline").inputValue()).toBe("");
      expect(plain(await page.getByTestId("wizard-realism").textContent())).toContain("Checking…");
      await page.getByTestId("wizard-next").click();
      const next = page.getByTestId("wizard-next");
      expect(await next.getAttribute("aria-busy")).toBe("true");
      expect(await next.isDisabled()).toBe(true);
      await screenshot(page, "guards", "next-waits-for-baseline");
      // No "enter a number" for the baseline: it arrived, and the walk went on.
      await page.getByTestId("wizard-owner").waitFor();
      expect(await page.locator(".field.invalid").count()).toBe(0);
      expect(h.calls.filter((c) => c === "previewObjective")).toHaveLength(1);
    }));

  it("can be completed from the keyboard alone, with the focus always visible", () =>
    onSampleData(async (h, page) => {
      const kb = page.keyboard;
      const focused = () =>
        page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
      const focusVisible = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return false;
          const s = getComputedStyle(el);
          const ring = s.outlineStyle !== "none" && Number.parseFloat(s.outlineWidth) >= 2;
          const border = s.boxShadow !== "none" && s.borderColor === "rgb(26, 115, 232)";
          return ring || border;
        });

      // The advisor opens first, its first goal focused; Tab reaches Skip, Enter leaves it.
      await page.getByTestId("advisor-skip").waitFor();
      await expect.poll(focused).toBe("advisor-goal");
      expect(await focusVisible()).toBe(true);
      await tabTo(page, "advisor-skip");
      expect(await focusVisible()).toBe(true);
      await kb.press("Enter");
      await page.getByTestId("wizard-kpi").waitFor();
      // The first field has the focus when step S opens.
      await expect.poll(focused).toBe("wizard-kpi");
      expect(await focusVisible()).toBe(true);
      await kb.press("ArrowDown"); // the first KPI of the list: conversion rate
      expect(await page.getByTestId("wizard-kpi").inputValue()).toBe("conversion");
      await tabTo(page, "wizard-channel");
      await kb.type("Newsletter");
      await kb.press("Enter"); // Enter in a text field moves on, as in any form
      await page.getByTestId("wizard-sheet").waitFor();
      expect(await unlabelledControls(page)).toEqual([]);

      await tabTo(page, "wizard-next");
      expect(await focusVisible()).toBe(true);
      await screenshot(page, "keyboard", "2-next-focused");
      await kb.press("Enter");
      await page.getByTestId("wizard-target").waitFor();
      await tabTo(page, "wizard-target");
      await kb.type("4");
      await tabTo(page, "wizard-next");
      await kb.press("Space");
      await page.getByTestId("wizard-owner").waitFor();
      await tabTo(page, "wizard-owner");
      await kb.type("Claire");
      await kb.press("Enter");
      await page.getByTestId("wizard-deadline").waitFor();
      await tabTo(page, "wizard-deadline");
      const [y, m, d] = deadline.split("-");
      await kb.type(`${m}${d}${y}`); // an en-US date field takes month, day, year
      expect(await page.getByTestId("wizard-deadline").inputValue()).toBe(deadline);
      // Arrow keys move within the frequency radios.
      await tabTo(page, "wizard-next");
      await kb.press("Shift+Tab");
      await kb.press("Shift+Tab");
      await kb.press("ArrowDown");
      expect(
        await page.evaluate(
          () => (document.querySelector("input[name=frequency]:checked") as HTMLInputElement).value,
        ),
      ).toBe("quarterly");
      expect(await focusVisible()).toBe(true);
      await screenshot(page, "keyboard", "5-radio-focused");
      await tabTo(page, "wizard-next");
      await kb.press("Enter");
      await page.getByTestId("wizard-sentence").waitFor();
      expect(plain(await page.getByTestId("wizard-sentence").textContent())).toContain(
        "reviewed quarterly — owner: Claire.",
      );
      await tabTo(page, "wizard-create");
      expect(await focusVisible()).toBe(true);
      await screenshot(page, "keyboard", "6-create-focused");
      await kb.press("Enter");
      await page.getByTestId("wizard-done").waitFor();
      expect(objectiveRows(h)).toBe(1);
      expect(await contrastProblems(page)).toEqual([]);
    }, "keep"));

  it("says what is missing next to each field, and moves the focus there", () =>
    onSampleData(async (h, page) => {
      await page.getByTestId("wizard-kpi").waitFor();
      await page.getByTestId("wizard-next").click();
      const errors = await page.locator(".field-error:not([hidden])").allTextContents();
      expect(errors.map(plain)).toEqual(["Required.", "Required."]);
      expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
        "wizard-kpi",
      );
      expect(await page.getByTestId("wizard-kpi").getAttribute("aria-invalid")).toBe("true");
      const describedBy =
        (await page.getByTestId("wizard-kpi").getAttribute("aria-describedby")) ?? "";
      const described = await page.evaluate(
        (ids) => ids.split(" ").map((id) => document.getElementById(id)?.textContent ?? ""),
        describedBy,
      );
      expect(described).toContain("Required.");
      await screenshot(page, "guards", "inline-errors");

      // Fixing a field clears its message as the user types.
      await page.getByTestId("wizard-kpi").selectOption("bounce_rate");
      expect(await page.getByTestId("wizard-name").inputValue()).toBe("Lower bounce rate");
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-target").fill("abc");
      await page.getByTestId("wizard-next").click();
      expect(plain(await page.locator(".field.invalid .field-error").textContent())).toBe(
        "Enter a number, e.g. 3.5.",
      );
      // Lower is better for a bounce rate: a target above the baseline is refused.
      await page.getByTestId("wizard-target").fill("95");
      expect(plain(await page.locator(".field.invalid .field-error").textContent())).toMatch(
        /^Must be below the baseline \([\d.]+%\) for a lower-is-better objective\.$/,
      );
      await page.getByTestId("wizard-target").fill("10");
      expect(await page.locator(".field.invalid").count()).toBe(0);
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-owner").waitFor();
      await page.getByTestId("wizard-next").click();
      expect(plain(await page.locator(".field.invalid .field-error").textContent())).toBe(
        "Required.",
      );
      await page.getByTestId("wizard-owner").fill("Sam");
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-deadline").fill(today);
      await page.getByTestId("wizard-next").click();
      expect(plain(await page.locator(".field.invalid .field-error").textContent())).toMatch(
        /^Must be after the start date \(.+\)\.$/,
      );
      expect(h.calls.filter((c) => c === "saveObjective")).toHaveLength(0);
    }));
});
