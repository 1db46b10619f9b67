/**
 * The wizard's second kind of source, walked in Chromium in English and French: "A BigQuery
 * table", the generated GA4 export and the "online sales" conversion (purchases per session), what
 * the first build would scan, the figures previewed on asking (the query run, its baseline checked
 * against purchases and sessions counted by hand from the events), the objective created, and the
 * dashboard built with it beside a tab's objective; in English, then edited from the list (the
 * source as saved, nothing run until asked). Connected Sheets' queries run as written on the
 * DuckDB stand-in, in a worker the emulator's synchronous runner waits for (dev/bigquery/sync-duck.ts).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGa4Table } from "../../dev/bigquery/duckdb.ts";
import {
  type Ga4Event,
  generateGa4Events,
  insertSql,
  localDate,
} from "../../dev/bigquery/ga4-events.ts";
import { bigQueryStandIn, DuckWorker } from "../../dev/bigquery/sync-duck.ts";
import type { BigQueryAnswer } from "../../dev/emulator/index.ts";
import { toInputText } from "../../sidebar/format.ts";
import { formatDayLong, formatUnitValue } from "../../src/contract/format.ts";
import type { Lang } from "../../src/contract/i18n.ts";
import { fieldLabel } from "../../src/contract/rules/objective-rules.ts";
import { isoDay, todayDay } from "../../src/kpi/days.ts";
import { periodStart } from "../../src/kpi/periods.ts";
import { LOOKBACK_DAYS } from "../../src/sheets/bigquery/plan.ts";
import { parseInputs } from "../../src/sheets/objectives/codec.ts";
import { purchasesPerSession } from "../unit/sql/reference.ts";
import {
  closeBrowser,
  contrastProblems,
  plain,
  rowByHeader,
  screenshot,
  skipAdvisor,
  unlabelledControls,
  userOptions,
  withHarness,
} from "./sidebar-harness.ts";
import { skipBrowser } from "./support.ts";

const TZ = "Europe/Paris";
const PROJECT = "demo-project";
const DATASET = "analytics_123";
const SOURCE = `bq:${PROJECT}.${DATASET}.events_*`;
const INPUTS = { conversions: ["key_events: purchase"], visitors: ["sessions"] };

const WORDS = {
  en: {
    sample: "Sample data",
    objectives: "Objectives",
    dashboard: "KPI dashboard",
    name: "Online sales per session",
    tabName: "Newsletter conversion",
  },
  fr: {
    sample: "Données d'exemple",
    objectives: "Objectifs",
    dashboard: "Tableau de bord KPI",
    name: "Ventes en ligne par session",
    tabName: "Conversion newsletter",
  },
} as const;

let worker: DuckWorker | undefined;
let events: Ga4Event[] = [];

beforeAll(async () => {
  if (skipBrowser) return;
  worker = new DuckWorker();
  const table = await createGa4Table(worker, PROJECT, DATASET);
  const from = isoDay(todayDay(TZ) - 400);
  events = generateGa4Events({ seed: 11, users: 300, from, days: 402 });
  await worker.run(insertSql(table, events, "America/Los_Angeles"));
});
afterAll(async () => {
  await worker?.close();
  await closeBrowser();
});

/** Purchases over sessions in last month (Paris days), counted by hand from the events. */
function lastMonthByHand(): { month: string; value: number } {
  const month = isoDay(periodStart(periodStart(todayDay(TZ), "month") - 1, "month")).slice(0, 7);
  return { month, value: purchasesPerSession(events, TZ, (d) => d.startsWith(month)) };
}

/**
 * Non-engaged sessions over sessions in `month` (Paris days), by hand: a session is engaged when
 * any of its events carries session_engaged ("1" or 1).
 */
function bounceRate(events: readonly Ga4Event[], month: string): number {
  const engaged = new Map<string, boolean>();
  for (const e of events) {
    if (!localDate(e.micros / 1000, TZ).startsWith(month)) continue;
    const sid = e.params.find((p) => p.key === "ga_session_id")?.int_value;
    if (e.user === null || sid === undefined) continue;
    const key = `${e.user}|${sid}`;
    const flag = e.params.find((p) => p.key === "session_engaged");
    const yes = flag?.string_value === "1" || flag?.int_value === 1;
    engaged.set(key, (engaged.get(key) ?? false) || yes);
  }
  const all = [...engaged.values()];
  return all.filter((v) => !v).length / all.length;
}

/** Waits until "Before the first run" names `table`. */
async function scanNames(page: Page, table: string): Promise<void> {
  await expect
    .poll(async () => plain(await page.getByTestId("wizard-bq-scan").textContent()), {
      timeout: 15_000,
    })
    .toContain(table);
}

async function checkPage(page: Page): Promise<void> {
  expect(await unlabelledControls(page)).toEqual([]);
  expect(await contrastProblems(page)).toEqual([]);
}

async function walk(lang: Lang): Promise<void> {
  const w = WORDS[lang];
  const group = `bigquery-${lang}`;
  const standIn = bigQueryStandIn(worker as DuckWorker);
  const asked: string[] = [];
  const options = {
    ...userOptions(lang, TZ),
    bigQuery: (projectId: string, sql: string): BigQueryAnswer => {
      asked.push(projectId);
      return standIn(projectId, sql);
    },
  };
  await withHarness(options, async (h) => {
    h.bundle.invoke("insertSampleData");
    // The tab objective the BigQuery one will stand beside.
    h.bundle.invoke("saveObjective", [
      {
        name: w.tabName,
        kpiId: "conversion",
        channel: "Newsletter",
        sourceSheet: w.sample,
        dateColumn: "Date",
        inputs: {
          conversions: ["Conversions"],
          visitors: [lang === "fr" ? "Visiteurs" : "Visitors"],
        },
        direction: "higher",
        baseline: 0.02,
        target: 0.03,
        startDate: isoDay(todayDay(TZ)),
        deadline: isoDay(todayDay(TZ) + 200),
        frequency: "monthly",
        owner: "Claire",
        businessGoal: "",
      },
    ]);
    const page = await h.openSidebar("showNewObjective");
    await skipAdvisor(page);
    await page.getByTestId("wizard-kpi").selectOption("conversion");
    await page.getByTestId("wizard-name").fill(w.name);
    await page.getByTestId("wizard-next").click();

    // Measurable: the second kind of source.
    await page.getByTestId("wizard-source-bigquery").check();
    await page.getByTestId("wizard-bq-project").fill(PROJECT);
    await page.getByTestId("wizard-bq-dataset").fill(DATASET);
    expect(await page.getByTestId("wizard-bq-table").inputValue()).toBe("events_*");
    // A table of one's own asks for its date column and a SUM or COUNT(DISTINCT) per input.
    await page.getByTestId("wizard-bq-table").fill("orders");
    await page.getByTestId("wizard-bq-table").blur();
    await page.getByTestId("wizard-date-column").fill("order_date");
    await page.getByTestId("wizard-input-conversions").fill("SUM(orders)");
    await page.getByTestId("wizard-input-visitors").fill("COUNT(DISTINCT session_id)");
    await scanNames(page, `${PROJECT}.${DATASET}.orders`);
    await page.getByTestId("wizard-bq-table").fill("events_*");
    await page.getByTestId("wizard-bq-table").blur();
    await page.getByTestId("wizard-input-conversions").selectOption("key_events");
    await page.getByTestId("wizard-events-conversions").fill("purchase");
    await page.getByTestId("wizard-input-visitors").selectOption("sessions");
    // Before the first run: the table and days the build will read, from the server's plan.
    await scanNames(page, `${PROJECT}.${DATASET}.events_*`);
    const scan = plain(await page.getByTestId("wizard-bq-scan-text").textContent());
    expect(scan).toMatch(
      lang === "fr" ? /^BigQuery : lit .* du .* au / : /^BigQuery: reads .* from /,
    );
    expect(asked).toEqual([]); // nothing ran in BigQuery yet
    expect(plain(await page.getByTestId("wizard-preview").textContent())).toMatch(
      lang === "fr" ? /pas encore été lancée/ : /has not run yet/,
    );
    await checkPage(page);
    await screenshot(page, group, "2-measurable-bigquery");

    // The figures, on asking: the build's query runs once, and last month's value is the
    // baseline, equal to purchases over sessions counted by hand.
    await page.getByTestId("wizard-bq-run").click();
    await page.getByTestId("wizard-preview-value").waitFor({ timeout: 30_000 });
    expect(asked).toEqual([PROJECT]);
    const byHand = lastMonthByHand();
    const shown = formatUnitValue(byHand.value, "percent", lang);
    expect(plain(await page.getByTestId("wizard-preview-value").textContent())).toBe(plain(shown));
    expect(plain(await page.getByTestId("wizard-bq-cost").textContent())).toMatch(
      lang === "fr"
        ? /a été exécutée .* projet demo-project/
        : /ran in BigQuery .* project demo-project/,
    );
    // The same choices are not run (and billed) twice: no button until a choice changes.
    expect(await page.getByTestId("wizard-bq-run").count()).toBe(0);
    await checkPage(page);
    await screenshot(page, group, "3-measurable-bigquery-preview");
    await page.getByTestId("wizard-next").click();

    // Achievable: the baseline comes from the preview, as for a tab.
    await page.getByTestId("wizard-baseline").waitFor();
    expect(await page.getByTestId("wizard-baseline").inputValue()).toBe(
      toInputText(byHand.value, "percent", lang),
    );
    // A target a little above what the data shows.
    await page.getByTestId("wizard-target").fill(toInputText(byHand.value * 1.05, "percent", lang));
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-owner").waitFor();
    await page.getByTestId("wizard-owner").fill("Ana");
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-deadline").waitFor();
    await page.getByTestId("wizard-deadline").fill(isoDay(todayDay(TZ) + 300));
    // A start 60 days back moves what the first build reads: a year before it, from its month.
    const start = todayDay(TZ) - 60;
    await page.getByTestId("wizard-start").fill(isoDay(start));
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-sentence").waitFor();
    const readFrom = formatDayLong(periodStart(start - LOOKBACK_DAYS, "month"), lang);
    await expect
      .poll(async () => plain(await page.getByTestId("review-bq-scan").textContent()), {
        timeout: 15_000,
      })
      .toContain(
        plain(`${PROJECT}.${DATASET}.events_* ${lang === "fr" ? "du" : "from"} ${readFrom}`),
      );
    await screenshot(page, group, "6-review");
    // The previewed figures still hold for these choices (only the start moved): step A still
    // says where the baseline comes from, and nothing ran again.
    await page.getByTestId("review-change-values").click();
    await page.getByTestId("wizard-baseline").waitFor();
    expect(plain(await page.locator("#content").textContent())).toMatch(
      lang === "fr" ? /Dernier mois complet des données/ : /Last complete month in the data/,
    );
    expect(asked).toEqual([PROJECT]);
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-sentence").waitFor();
    await page.getByTestId("wizard-create").click();
    await page.getByTestId("wizard-done").waitFor();

    const row = rowByHeader(h.emu, w.objectives, 2);
    expect(row[fieldLabel("sourceSheet", lang)]).toBe(SOURCE);
    expect(row[fieldLabel("dateColumn", lang)]).toBe("event_timestamp");
    expect(parseInputs(String(row[fieldLabel("inputs", lang)]))).toEqual(INPUTS);

    await page.getByTestId("wizard-build-dashboard").click();
    await expect
      .poll(async () => plain(await page.getByTestId("wizard-dashboard-status").textContent()), {
        timeout: 30_000,
      })
      .toMatch(lang === "fr" ? /créé/ : /built/);
    expect(asked).toEqual([PROJECT, PROJECT]);
    const sheet = h.emu.spreadsheet.getSheetByName(w.dashboard);
    if (!sheet) throw new Error("test: no dashboard");
    // Its text cells (the sparklines are formulas the emulator does not draw).
    const formulas = sheet.getDataRange().getFormulas();
    const dashboard = formulas
      .flatMap((row, r) =>
        row.map((f, c) => (f ? "" : sheet.getRange(r + 1, c + 1).getDisplayValue())),
      )
      .join("\n");
    expect(dashboard).toContain(w.tabName);
    expect(dashboard).toContain(w.name);
    expect(dashboard).not.toMatch(/Cannot compute|Impossible de calculer/);
    await screenshot(page, group, "8-dashboard-built");

    if (lang === "en") {
      // Edited from the list: the review names the table; step M opens on the BigQuery source
      // as saved, runs nothing until asked, and the save keeps the source as it was.
      const list = await h.openSidebar("showObjectives");
      const row = list.getByTestId("objective-row").filter({ hasText: w.name });
      await row.getByTestId("objective-edit").click();
      await list.getByTestId("wizard-sentence").waitFor();
      await list.getByTestId("review-change-data").click();
      expect(await list.getByTestId("wizard-source-bigquery").isChecked()).toBe(true);
      expect(await list.getByTestId("wizard-bq-project").inputValue()).toBe(PROJECT);
      expect(await list.getByTestId("wizard-bq-dataset").inputValue()).toBe(DATASET);
      expect(await list.getByTestId("wizard-input-conversions").inputValue()).toBe("key_events");
      expect(await list.getByTestId("wizard-events-conversions").inputValue()).toBe("purchase");
      expect(await list.getByTestId("wizard-input-visitors").inputValue()).toBe("sessions");
      await scanNames(list, `${PROJECT}.${DATASET}.events_*`);
      expect(asked).toEqual([PROJECT, PROJECT]);
      await list.getByTestId("wizard-bq-run").click();
      await list.getByTestId("wizard-preview-value").waitFor({ timeout: 30_000 });
      expect(asked).toEqual([PROJECT, PROJECT, PROJECT]);
      await list.getByTestId("wizard-next").click();
      await list.getByTestId("wizard-sentence").waitFor();
      await list.getByTestId("wizard-create").click();
      await list.getByTestId("wizard-done").waitFor();
      const edited = rowByHeader(h.emu, w.objectives, 2);
      expect(edited[fieldLabel("sourceSheet", lang)]).toBe(SOURCE);
      expect(parseInputs(String(edited[fieldLabel("inputs", lang)]))).toEqual(INPUTS);

      // A next objective picks the table the first one reads, rather than typing it again.
      const next = await h.openSidebar("showNewObjective");
      await skipAdvisor(next);
      await next.getByTestId("wizard-kpi").selectOption("bounce_rate");
      await next.getByTestId("wizard-next").click();
      await next.getByTestId("wizard-source-bigquery").check();
      await next.getByTestId("wizard-bq-known").selectOption(`${PROJECT}.${DATASET}.events_*`);
      expect(await next.getByTestId("wizard-bq-project").inputValue()).toBe(PROJECT);
      expect(await next.getByTestId("wizard-bq-dataset").inputValue()).toBe(DATASET);
      expect(await next.getByTestId("wizard-bq-table").inputValue()).toBe("events_*");
      expect(await next.getByTestId("wizard-input-bounces").count()).toBe(1);
      // Only mobile sessions: a field of the row and its values, typed; the preview counts
      // only those rows (bounces: non-engaged sessions over sessions, by hand).
      await next.getByTestId("wizard-input-bounces").selectOption("non_engaged_sessions");
      await next.getByTestId("wizard-input-sessions").selectOption("sessions");
      await next.getByTestId("wizard-bq-filter-field").fill("device.category");
      await next.getByTestId("wizard-bq-filter-values").fill("mobile");
      await next.locator("[data-testid=wizard-bq-run]:not([disabled])").waitFor();
      await next.getByTestId("wizard-bq-run").click();
      await next.getByTestId("wizard-preview-value").waitFor({ timeout: 30_000 });
      const mobile = events.filter((e) => e.device === "mobile");
      const month = lastMonthByHand().month;
      expect(plain(await next.getByTestId("wizard-preview-value").textContent())).toBe(
        plain(formatUnitValue(bounceRate(mobile, month), "percent", lang)),
      );
      await checkPage(next);
      await screenshot(next, group, "10-next-objective-filtered");
      // A field BigQuery could not name is refused beside the field, in words.
      await next.getByTestId("wizard-bq-filter-field").fill("device category");
      await next.getByTestId("wizard-next").click();
      expect(plain(await next.locator("#content").textContent())).toContain(
        '"device category" is not a field of this BigQuery table',
      );
    }
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
}

describe.skipIf(skipBrowser)("a BigQuery source in the wizard, walked in Chromium", () => {
  it("in English: GA4 export, online sales, scan shown, objective created, dashboard built", () =>
    walk("en"));
  it("en français : export GA4, ventes en ligne, lecture annoncée, objectif créé, tableau de bord", () =>
    walk("fr"));
});
