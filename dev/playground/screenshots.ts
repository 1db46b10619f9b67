/**
 * `npm run screenshots`: drives the playground in Chromium, as a marketer would, and writes the
 * README's images to docs/images/: the add-on menu, the wizard (a step and its review), the
 * dashboard, and the French wizard and dashboard. Each run starts from an empty workbook.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../harness/chromium.ts";
import { ROOT } from "../paths.ts";
import {
  clickAddonMenu,
  createObjective,
  DEMO_ONLINE_SALES,
  startPlayground,
  waitForTab,
} from "./drive.ts";

const OUT = join(ROOT, "docs/images");
/** `--no-build` is passed on to the playground (screenshots of dist/ as it is). */
const PASS = process.argv.slice(2).filter((a) => a === "--no-build");
const VIEWPORT = { width: 1440, height: 900 };
/** Wide enough for the dashboard's summary table, status and forecast included. */
const WIDE = { width: 1920, height: 1080 };

/** The first day of the month `months` before today, as the wizard's date inputs take it. */
function monthsAgo(months: number): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
  return d.toISOString().slice(0, 10);
}

interface Texts {
  insertSample: string;
  newObjective: string;
  buildDashboard: string;
  sampleTab: string;
  dashboardTab: string;
  measurable: string;
  bigQueryName: string;
}

const TEXTS: Record<"en" | "fr", Texts> = {
  en: {
    insertSample: "Insert sample data",
    newObjective: "New objective…",
    buildDashboard: "Build or refresh dashboard",
    sampleTab: "Sample data",
    dashboardTab: "KPI dashboard",
    measurable: "Measurable",
    bigQueryName: "Online sales per session",
  },
  fr: {
    insertSample: "Insérer des données d'exemple",
    newObjective: "Nouvel objectif…",
    buildDashboard: "Créer ou actualiser le tableau de bord",
    sampleTab: "Données d'exemple",
    dashboardTab: "Tableau de bord KPI",
    measurable: "Mesurable",
    bigQueryName: "Ventes en ligne par session",
  },
};

/** A value scaled from the proposed baseline, typed as the user would (same decimal mark). */
function beyond(factor: number): (baseline: string) => string {
  return (baseline) => {
    const comma = baseline.includes(",");
    const m = /-?\d+(?:[.,]\d+)?/.exec(baseline.replace(/\s/g, ""));
    const n = m ? Number(m[0].replace(",", ".")) : 1;
    const text = String(Number((n * factor).toPrecision(3)));
    return comma ? text.replace(".", ",") : text;
  };
}

async function closeToasts(page: Page): Promise<void> {
  await page.locator("[data-testid=toast] .toast-close").evaluateAll((els) => {
    for (const el of els) (el as HTMLElement).click();
  });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  const path = join(OUT, name);
  await page.screenshot({ path });
  console.log(`screenshots: ${path}`);
}

async function walk(browser: Browser, lang: "en" | "fr"): Promise<void> {
  const t = TEXTS[lang];
  const dir = mkdtempSync(join(tmpdir(), "kpi-pilot-screenshots-"));
  const pg = await startPlayground(join(dir, "workbook.json"), [
    "--empty",
    "--time-zone",
    "Europe/Paris",
    "--ga4-events",
    "1000000",
    ...PASS,
  ]);
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    // The playground's own hint is for first-time visitors, not for the README.
    await page.addInitScript(() => localStorage.setItem("kpi-pilot-banner", "hidden"));
    await page.goto(`${pg.url}/?locale=${lang}`);
    await page.getByTestId("grid").waitFor();

    await clickAddonMenu(page, t.insertSample);
    await waitForTab(page, t.sampleTab);
    await closeToasts(page);

    if (lang === "en") {
      await page.getByRole("button", { name: "Extensions", exact: true }).click();
      await page.getByTestId("addon-menu").hover();
      await shot(page, "menu.png");
      await page.keyboard.press("Escape");
      await page.mouse.click(700, 500);
    }

    await clickAddonMenu(page, t.newObjective);
    await createObjective(page, {
      kpi: "conversion",
      // A target within reach of the trend, so the dashboard shows an objective on track.
      target: beyond(1.04),
      start: monthsAgo(6),
      deadline: "2027-06-30",
      owner: "Claire",
      goal: lang === "fr" ? "Plus de ventes en ligne" : "More online sales",
      onStep: async (title) => {
        if (title !== t.measurable) return;
        const sidebar = page.frameLocator("[data-testid=sidebar]");
        await sidebar.getByTestId("wizard-preview-value").waitFor({ timeout: 10_000 });
        await shot(page, lang === "en" ? "wizard.png" : "wizard-fr.png");
      },
      stopAtReview: true,
    });
    await shot(page, lang === "en" ? "wizard-review.png" : "wizard-review-fr.png");
    const sidebar = page.frameLocator("[data-testid=sidebar]");
    await sidebar.getByTestId("wizard-create").click();
    await sidebar.getByTestId("wizard-done").waitFor({ timeout: 15_000 });

    // Two more objectives, started earlier from a weaker baseline and well under way, so the
    // dashboard shows different statuses side by side (the CPA's target, above today's value,
    // is on track).
    for (const [kpi, from, to, owner, since] of [
      ["open_rate", 0.97, 1.03, "Inès", 4],
      ["cpa", 1.06, 1.03, "Malik", 2],
    ] as const) {
      await clickAddonMenu(page, t.newObjective);
      await createObjective(page, {
        kpi,
        baseline: beyond(from),
        target: beyond(to),
        start: monthsAgo(since),
        deadline: "2027-03-31",
        owner,
      });
    }
    // And the online-sales conversion on the generated GA4 export, through BigQuery's stand-in.
    await clickAddonMenu(page, t.newObjective);
    await createObjective(page, {
      kpi: "conversion",
      name: t.bigQueryName,
      bigQuery: DEMO_ONLINE_SALES,
      baseline: beyond(1),
      target: beyond(1.08),
      start: monthsAgo(3),
      deadline: "2027-06-30",
      owner: "Ana",
      onStep: async (title) => {
        if (title === t.measurable && lang === "en") await shot(page, "wizard-bigquery.png");
      },
    });

    await page.locator("#sidebar-close").click();
    await page.setViewportSize(WIDE);
    await clickAddonMenu(page, t.buildDashboard);
    await waitForTab(page, t.dashboardTab);
    await closeToasts(page);
    await shot(page, lang === "en" ? "dashboard.png" : "dashboard-fr.png");
    await page.close();
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

mkdirSync(OUT, { recursive: true });
const browser = await launchChromium();
try {
  await walk(browser, "en");
  await walk(browser, "fr");
} finally {
  await browser.close();
}
