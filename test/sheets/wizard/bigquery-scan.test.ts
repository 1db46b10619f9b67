/**
 * The wizard's look at a BigQuery source before its first run, on the emulator: the table and days
 * the build's plan would read, with nothing run in BigQuery; a source the rules refuse, or a tab,
 * gets plain words in the user's language. Then the preview the user asks for: the build's query
 * run on the DuckDB stand-in (as written, through the emulator's Connected Sheets classes), its
 * baseline checked against purchases and sessions counted by hand from the events.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createGa4Table } from "../../../dev/bigquery/duckdb.ts";
import {
  type Ga4Event,
  generateGa4Events,
  insertSql,
  localDate,
} from "../../../dev/bigquery/ga4-events.ts";
import { bigQueryStandIn, DuckWorker } from "../../../dev/bigquery/sync-duck.ts";
import { formatDayLong } from "../../../src/contract/format.ts";
import type { BigQueryScanRequest } from "../../../src/contract/wizard.ts";
import { todayDay } from "../../../src/kpi/days.ts";
import { periodStart } from "../../../src/kpi/periods.ts";
import { LOOKBACK_DAYS } from "../../../src/sheets/bigquery/plan.ts";
import { BIGQUERY_PREVIEW_KEY } from "../../../src/sheets/bigquery/run.ts";
import { saveObjective } from "../../../src/sheets/objectives/endpoints.ts";
import {
  previewBigQueryObjective,
  previewBigQueryScan,
} from "../../../src/sheets/wizard/bigquery-scan.ts";
import { getWizardContext } from "../../../src/sheets/wizard/describe.ts";
import { purchasesPerSession } from "../../unit/sql/reference.ts";
import { installEmulator } from "../helpers.ts";

const ZONE = "Europe/Paris";
let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

const REQUEST: BigQueryScanRequest = {
  kpiId: "conversion",
  sourceSheet: "bq:demo-project.analytics_123.events_*",
  dateColumn: "event_timestamp",
  inputs: { conversions: ["key_events: purchase"], visitors: ["sessions"] },
  frequency: "monthly",
  startDate: "2020-03-15",
};

function install(lang: "en" | "fr") {
  const installed = installEmulator({ timeZone: ZONE, userLocale: lang });
  uninstall = installed.uninstall;
  // Any query would reach this runner: the scan must not.
  installed.emu.setBigQueryRunner(() => {
    throw new Error("test: a scan ran a query");
  });
  return installed.emu;
}

describe("previewBigQueryScan", () => {
  it("tells the table and days the first build reads, from the plan, without running it", () => {
    const emu = install("en");
    const today = todayDay(ZONE);
    const first = periodStart(Date.UTC(2020, 2, 15) / 86_400_000 - LOOKBACK_DAYS, "month");
    const scan = previewBigQueryScan(REQUEST);
    expect(scan.project).toBe("demo-project");
    expect(scan.text).toContain(
      `reads demo-project.analytics_123.events_* from ${formatDayLong(first, "en")} to ${formatDayLong(today, "en")}`,
    );
    expect(emu.calls.counts()["Spreadsheet.insertDataSourceSheet"]).toBeUndefined();
  });

  it("refuses in plain words a source the rules refuse, and a tab, en and fr", () => {
    install("fr");
    expect(() =>
      previewBigQueryScan({ ...REQUEST, sourceSheet: "bq:demo-project..events_*" }),
    ).toThrow(/n’est pas une table BigQuery/);
    uninstall?.();
    install("en");
    expect(() =>
      previewBigQueryScan({ ...REQUEST, inputs: { ...REQUEST.inputs, visitors: ["SUM(x)"] } }),
    ).toThrow(/"SUM\(x\)" is not a measure of this BigQuery source/);
    expect(() =>
      previewBigQueryScan({ ...REQUEST, sourceSheet: "Sample data", dateColumn: "Date" }),
    ).toThrow(/a tab of the spreadsheet, not a BigQuery table/);
  });
});

describe("previewBigQueryObjective", () => {
  let worker: DuckWorker;
  let events: Ga4Event[];
  const today = todayDay(ZONE);
  beforeAll(async () => {
    worker = new DuckWorker();
    const table = await createGa4Table(worker, "demo-project", "analytics_123");
    const from = new Date((today - 100) * 86_400_000).toISOString().slice(0, 10);
    events = generateGa4Events({ seed: 3, users: 300, from, days: 100 });
    await worker.run(insertSql(table, events, "America/Los_Angeles"));
  });
  afterAll(() => worker?.close());

  it("runs the build's query on asking, in its own hidden sheet, and previews it as a tab's", () => {
    const emu = install("en");
    emu.setBigQueryRunner(bigQueryStandIn(worker));
    const preview = previewBigQueryObjective({
      ...REQUEST,
      startDate: localDate(Date.now(), ZONE),
    });
    const lastMonth = periodStart(periodStart(today, "month") - 1, "month");
    expect(preview.baseline?.start).toBe(
      new Date(lastMonth * 86_400_000).toISOString().slice(0, 10),
    );
    expect(preview.baseline?.value).toBeCloseTo(
      purchasesPerSession(events, ZONE, (d) => d.startsWith(preview.baseline!.start.slice(0, 7))),
      12,
    );
    expect(preview.baseline?.complete).toBe(true);
    expect(preview.history.length).toBeGreaterThanOrEqual(2);
    expect(preview.scan).toMatch(/^BigQuery: reads demo-project\.analytics_123\.events_\* from /);
    // Its own hidden, tagged data-source sheet, reused by the next preview.
    previewBigQueryObjective({ ...REQUEST, frequency: "weekly" });
    expect(emu.calls.counts()["Spreadsheet.insertDataSourceSheet"]).toBe(1);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const tagged = ss.createDeveloperMetadataFinder().withKey(BIGQUERY_PREVIEW_KEY).find();
    expect(tagged).toHaveLength(1);
    expect(tagged[0]!.getLocation().getSheet()!.isSheetHidden()).toBe(true);
  });

  it("says in plain words what BigQuery refused, with what it would have read, en and fr", () => {
    for (const lang of ["en", "fr"] as const) {
      uninstall?.();
      install(lang).setBigQueryRunner(bigQueryStandIn(worker));
      const missing = { ...REQUEST, sourceSheet: "bq:demo-project.analytics_999.events_*" };
      expect(() => previewBigQueryObjective(missing)).toThrow(
        lang === "en"
          ? /^BigQuery found no table demo-project\.analytics_999\.events_\*: .* BigQuery: reads /
          : /^BigQuery ne trouve pas la table demo-project\.analytics_999\.events_\* : .* BigQuery : lit /,
      );
    }
  });
});

describe("getWizardContext", () => {
  it("offers the BigQuery tables the objectives already read, each once, and no tab", () => {
    install("en");
    expect(getWizardContext().bigQueryTables).toEqual([]);
    const objective = {
      ...REQUEST,
      name: "Online sales",
      channel: "",
      direction: "higher" as const,
      baseline: 0.05,
      target: 0.06,
      deadline: "2030-12-31",
      owner: "Ana",
      businessGoal: "",
    };
    saveObjective(objective);
    saveObjective({ ...objective, name: "Online sales, weekly", frequency: "weekly" });
    saveObjective({
      ...objective,
      sourceSheet: "bq:demo-project.crm.orders",
      dateColumn: "order_date",
      inputs: { conversions: ["SUM(orders)"], visitors: ["COUNT(DISTINCT visitor_id)"] },
    });
    expect(getWizardContext().bigQueryTables).toEqual([
      "demo-project.analytics_123.events_*",
      "demo-project.crm.orders",
    ]);
  });
});
