/**
 * The wizard's second kind of source, walked in Chromium in English and French: "A BigQuery
 * table", the generated GA4 export and the "online sales" conversion (purchases per session), what
 * the first build would scan, the objective created, and the dashboard built with it beside a
 * tab's objective. The emulator's Connected Sheets runner is synchronous and DuckDB's node API is
 * not, so the DuckDB-dialect twin of the one planned query is run beforehand on the generated
 * export and the runner answers the BigQuery-dialect SQL with it, as in the sheets tests.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckStandIn } from "../../dev/bigquery/duckdb.ts";
import { generateGa4Events, insertSql } from "../../dev/bigquery/ga4-events.ts";
import type { BigQueryAnswer } from "../../dev/emulator/index.ts";
import type { Lang } from "../../src/contract/i18n.ts";
import type { Objective } from "../../src/contract/objectives.ts";
import { fieldLabel } from "../../src/contract/rules/objective-rules.ts";
import { isoDay, todayDay } from "../../src/kpi/days.ts";
import { planQueries } from "../../src/sheets/bigquery/plan.ts";
import { parseInputs } from "../../src/sheets/objectives/codec.ts";
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
    baseline: "5",
    target: "8",
  },
  fr: {
    sample: "Données d'exemple",
    objectives: "Objectifs",
    dashboard: "Tableau de bord KPI",
    name: "Ventes en ligne par session",
    tabName: "Conversion newsletter",
    baseline: "5",
    target: "8",
  },
} as const;

let duck: DuckStandIn | undefined;

beforeAll(async () => {
  if (skipBrowser) return;
  duck = await DuckStandIn.create();
  const table = await duck.ga4Table(PROJECT, DATASET);
  const from = isoDay(todayDay(TZ) - 400);
  const events = generateGa4Events({ seed: 11, users: 300, from, days: 402 });
  await duck.run(insertSql(table, events, "America/Los_Angeles"));
});
afterAll(async () => {
  duck?.close();
  await closeBrowser();
});

/**
 * The answer to the one query the build will plan for the objective the walk creates (monthly,
 * starting today: the wizard's defaults), keyed by its BigQuery SQL.
 */
async function prepareAnswers(): Promise<Map<string, BigQueryAnswer>> {
  const today = todayDay(TZ);
  const planned = {
    id: "walk",
    kpiId: "conversion",
    sourceSheet: SOURCE,
    dateColumn: "event_timestamp",
    inputs: INPUTS,
    frequency: "monthly",
    startDay: today,
  } as unknown as Objective; // only the fields a plan reads
  const [bq] = planQueries([planned], TZ, today, "bigquery");
  const [dd] = planQueries([planned], TZ, today, "duckdb");
  if (!bq || !dd || !("sql" in bq.compiled) || !("sql" in dd.compiled)) {
    throw new Error("test: the plan did not compile");
  }
  const r = await (duck as DuckStandIn).run(dd.compiled.sql);
  const rows = r.rows.map((row) =>
    row.map((v) =>
      typeof v === "bigint" ? Number(v) : v !== null && typeof v === "object" ? String(v) : v,
    ),
  );
  return new Map([[bq.compiled.sql, { header: r.header, rows }]]);
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
  const answers = await prepareAnswers();
  const asked: string[] = [];
  const options = {
    ...userOptions(lang, TZ),
    bigQuery: (projectId: string, sql: string): BigQueryAnswer => {
      asked.push(projectId);
      const a = answers.get(sql);
      if (!a) throw new Error("test: the stand-in was not prepared for this SQL");
      return a;
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
    await checkPage(page);
    await screenshot(page, group, "2-measurable-bigquery");
    await page.getByTestId("wizard-next").click();

    // Achievable: no figures before the build, so the baseline is typed.
    await page.getByTestId("wizard-baseline").waitFor();
    await page.getByTestId("wizard-baseline").fill(w.baseline);
    await page.getByTestId("wizard-target").fill(w.target);
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-owner").waitFor();
    await page.getByTestId("wizard-owner").fill("Ana");
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-deadline").waitFor();
    await page.getByTestId("wizard-deadline").fill(isoDay(todayDay(TZ) + 300));
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-sentence").waitFor();
    await screenshot(page, group, "6-review");
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
    expect(asked).toEqual([PROJECT]);
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
