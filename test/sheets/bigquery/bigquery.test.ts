/**
 * A BigQuery objective on the emulator, end to end: saved as `bq:…` in the Objectives tab, its
 * query run through the Connected Sheets classes into a hidden tagged data-source sheet, the
 * result read back and evaluated by the same status code as a tab's; reuse on a rebuild and after
 * a reopen; the timeout and BigQuery's errors in plain words. The query Connected Sheets gets runs
 * as written on the DuckDB stand-in (dev/bigquery/sync-duck.ts), its value checked by hand.
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
import type { BigQueryAnswer } from "../../../dev/emulator/index.ts";
import { formatDayLong } from "../../../src/contract/format.ts";
import { isoDay, parseIsoDay, todayDay } from "../../../src/kpi/days.ts";
import type { SqlErrorCode } from "../../../src/kpi/sql/types.ts";
import { bigQuerySheetKey, specProblemText } from "../../../src/sheets/bigquery/run.ts";
import { buildDashboardAt } from "../../../src/sheets/dashboard/build.ts";
import { HISTORY_KEY } from "../../../src/sheets/dashboard/history.ts";
import { saveObjective } from "../../../src/sheets/objectives/endpoints.ts";
import { evaluateWorkbook, readWorkbook } from "../../../src/sheets/status/read.ts";
import { purchasesPerSession } from "../../unit/sql/reference.ts";
import {
  dumpSheet,
  installEmulator,
  NOW,
  runFirstMondayReview,
  sampleObjectives,
  taggedSheet,
  writeSampleTab,
} from "../helpers.ts";

const PROJECT = "demo-project";
const DATASET = "analytics_123";
const ZONE = "Europe/Paris";

let worker: DuckWorker;
let events: Ga4Event[];
let uninstall: (() => void) | undefined;

beforeAll(async () => {
  worker = new DuckWorker();
  const table = await createGa4Table(worker, PROJECT, DATASET);
  events = generateGa4Events({ seed: 7, users: 400, from: "2026-05-01", days: 405 });
  await worker.run(insertSql(table, events, "America/Los_Angeles"));
});
afterAll(() => worker?.close());
afterEach(() => uninstall?.());

const ONLINE_SALES = {
  name: "Online sales per session",
  kpiId: "conversion",
  channel: "Website",
  sourceSheet: `bq:${PROJECT}.${DATASET}.events_*`,
  dateColumn: "event_timestamp",
  inputs: { conversions: ["key_events: purchase"], visitors: ["sessions"] },
  direction: "higher" as const,
  baseline: 0.05,
  target: 0.08,
  startDate: "2027-01-01",
  deadline: "2027-12-31",
  frequency: "monthly" as const,
  owner: "Ana",
  businessGoal: "",
};

/** The stand-in, on the billing project the objective names. */
function runner(): (projectId: string, sql: string) => BigQueryAnswer {
  const standIn = bigQueryStandIn(worker);
  return (projectId, sql) => {
    expect(projectId).toBe(PROJECT);
    return standIn(projectId, sql);
  };
}

describe("a BigQuery objective", () => {
  it("is evaluated from its query's sums, beside the tab objectives, with the scan shown", async () => {
    const installed = installEmulator({ timeZone: ZONE });
    uninstall = installed.uninstall;
    saveObjective(ONLINE_SALES);
    installed.emu.setBigQueryRunner(runner());
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const wb = readWorkbook(ss, "en", NOW, { bigQuery: true });
    const [e] = evaluateWorkbook(wb, "en");
    expect(e?.error).toBeNull();
    expect(e?.current?.value).toBeCloseTo(
      purchasesPerSession(events, ZONE, (d) => d.startsWith("2027-05")),
      12,
    );
    expect(e?.status).not.toBeNull();
    expect(e?.notes.join(" ")).toContain(`reads ${PROJECT}.${DATASET}.events_* from`);
    // The sidebar's list never runs a query.
    const listed = evaluateWorkbook(readWorkbook(ss, "en", NOW), "en");
    expect(listed[0]?.error).toMatch(/Computed in BigQuery when the dashboard is built/);
  });

  it("stands on the dashboard beside a tab's objective; its hidden tagged sheet is reused", async () => {
    const installed = installEmulator({ timeZone: ZONE });
    uninstall = installed.uninstall;
    writeSampleTab("Web data", "en", todayDay(ZONE, NOW) - 1);
    const tabObjective = sampleObjectives("en", "Web data")[0]!;
    saveObjective(tabObjective);
    saveObjective(ONLINE_SALES);
    installed.emu.setBigQueryRunner(runner());
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    buildDashboardAt(NOW);
    const dashboard = dumpSheet(taggedSheet("kpiPilot.dashboard"));
    expect(dashboard).toContain(tabObjective.name);
    expect(dashboard).toContain(ONLINE_SALES.name);
    expect(dashboard).not.toMatch(/Cannot compute/);
    // The "latest data" line names the table and its last day with events, up to today.
    const today = isoDay(todayDay(ZONE, NOW));
    const lastDay = events
      .map((e) => localDate(e.micros / 1000, ZONE))
      .filter((d) => d <= today)
      .sort()
      .pop()!;
    expect(dashboard).toContain(
      `${PROJECT}.${DATASET}.events_* up to ${formatDayLong(parseIsoDay(lastDay), "en")}`,
    );
    const count = ss.getSheets().length;
    buildDashboardAt(NOW);
    expect(ss.getSheets().length).toBe(count);
    const tagged = ss.createDeveloperMetadataFinder().withKey(bigQuerySheetKey(1)).find();
    expect(tagged).toHaveLength(1);
    const sheet = tagged[0]!.getLocation().getSheet()!;
    expect(sheet.isSheetHidden()).toBe(true);
    expect(
      sheet.asDataSourceSheet()?.getDataSource().getSpec().asBigQuery().getRawQuery(),
    ).toContain("_TABLE_SUFFIX");
    expect(installed.emu.calls.counts()["Spreadsheet.insertDataSourceSheet"]).toBe(1);
    // A workbook saved and opened again (the playground's restart) keeps its data-source sheet:
    // the next build reuses it rather than adding one more hidden sheet each time.
    const saved = JSON.stringify(installed.emu.snapshot());
    installed.uninstall();
    const again = installEmulator({ timeZone: ZONE });
    uninstall = again.uninstall;
    again.emu.load(JSON.parse(saved));
    again.emu.setBigQueryRunner(runner());
    const reopened = SpreadsheetApp.getActiveSpreadsheet();
    buildDashboardAt(NOW);
    expect(reopened.getSheets().length).toBe(count);
    expect(again.emu.calls.counts()["Spreadsheet.insertDataSourceSheet"] ?? 0).toBe(0);
    expect(dumpSheet(taggedSheet("kpiPilot.dashboard"))).not.toMatch(/Cannot compute/);
  });

  it("replaces, without deleting it, a tagged sheet that is no longer a data-source sheet", () => {
    const installed = installEmulator({ timeZone: ZONE });
    uninstall = installed.uninstall;
    saveObjective(ONLINE_SALES);
    installed.emu.setBigQueryRunner(runner());
    // The slot's sheet as Sheets leaves it when its connection is removed: an ordinary tab.
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const orphan = ss.insertSheet("Data source 1 (disconnected)");
    orphan.addDeveloperMetadata(bigQuerySheetKey(1), String(orphan.getSheetId()));
    buildDashboardAt(NOW);
    buildDashboardAt(NOW);
    expect(installed.emu.calls.counts()["Spreadsheet.insertDataSourceSheet"]).toBe(1);
    expect(ss.getSheetByName("Data source 1 (disconnected)")).not.toBeNull();
    expect(orphan.createDeveloperMetadataFinder().withKey(bigQuerySheetKey(1)).find()).toHaveLength(
      0,
    );
    expect(dumpSheet(taggedSheet("kpiPilot.dashboard"))).not.toMatch(/Cannot compute/);
  });

  it("says in plain words when BigQuery is too slow or refuses, en and fr", () => {
    const installed = installEmulator({ timeZone: ZONE });
    uninstall = installed.uninstall;
    saveObjective(ONLINE_SALES);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const errorOf = (answer: BigQueryAnswer, lang: "en" | "fr") => {
      installed.emu.setBigQueryRunner(() => answer);
      return evaluateWorkbook(readWorkbook(ss, lang, NOW, { bigQuery: true }), lang)[0]?.error;
    };
    const slow = { header: [], rows: [], seconds: 600 };
    expect(errorOf(slow, "en")).toMatch(/did not answer within 120 seconds/);
    expect(errorOf(slow, "fr")).toMatch(/n’a pas répondu en 120 secondes/);
    const denied = { error: "PERMISSION_DENIED", message: "Access Denied: Table demo-project…" };
    expect(errorOf(denied, "en")).toMatch(
      /refused access to demo-project\.analytics_123\.events_\*/,
    );
    expect(errorOf(denied, "fr")).toMatch(/a refusé l’accès/);
    expect(errorOf({ error: "DATA_NOT_FOUND", message: "" }, "en")).toMatch(/found no table/);
    const billing = { error: "ENGINE", message: "Billing has not been enabled for this project." };
    expect(errorOf(billing, "en")).toMatch(/billing is not enabled/);
    const quota = { error: "ENGINE", message: "Quota exceeded: Your project exceeded quota for…" };
    expect(errorOf(quota, "fr")).toMatch(/un quota est dépassé/);
    for (const lang of ["en", "fr"] as const) {
      expect(errorOf(denied, lang)).not.toMatch(/\bat \w+ \(|Error:/);
    }
  });
});

describe("a source the compiler refuses", () => {
  const CODES: Record<SqlErrorCode, Record<string, string | number>> = {
    badProject: { value: "My Project" },
    badDataset: { value: "a-b" },
    badTable: { value: "t t" },
    badColumn: { value: "a b" },
    badEventName: { value: "9x" },
    badValue: { value: "x" },
    badTimeZone: { value: "Mars/Olympus" },
    badMeasureName: { value: "x" },
    noDateRange: {},
    rangeReversed: {},
    noEvents: {},
    presetNeedsGa4: { value: "sessions" },
    noMeasures: {},
    inputNotMapped: { input: "visitors" },
    distinctNeedsCount: { input: "visitor_ids" },
    tooManyValues: { max: 100 },
    badResult: { column: "m1", row: 3 },
  };
  it("is told in words for every refusal, en and fr, with what it named", () => {
    for (const lang of ["en", "fr"] as const) {
      for (const [code, params] of Object.entries(CODES)) {
        const text = specProblemText({ code: code as SqlErrorCode, params }, lang);
        expect(text, code).not.toMatch(/sql_|[{}]|badProject|noDateRange/);
        for (const v of Object.values(params)) expect(text, code).toContain(String(v));
      }
    }
    expect(specProblemText({ code: "noEvents", params: {} }, "fr")).toBe(
      "Cette source BigQuery ne peut pas devenir une requête : les événements clés demandent au moins un nom d’événement (key_events: purchase).",
    );
  });
});

describe("the weekly review of a BigQuery objective", () => {
  it("runs its query as the trigger fires: its value in the history tab and in the digest", () => {
    const installed = installEmulator({ timeZone: ZONE });
    uninstall = installed.uninstall;
    const { emu } = installed;
    // Reviewed weekly from May 2027; the trigger fires on Monday 14 June 2027 at 08:xx.
    saveObjective({ ...ONLINE_SALES, frequency: "weekly", startDate: "2027-05-03" });
    emu.setBigQueryRunner(runner());
    expect(runFirstMondayReview(emu)).toBe(1);
    expect(emu.triggerRuns[0]?.error).toBeUndefined();
    // The generated events end on 10 June 2027, so the last complete week is Monday 31 May to
    // Sunday 6 June; its value, counted by hand.
    const history = taggedSheet(HISTORY_KEY).getDataRange();
    const at = history.getValues().findIndex((r) => r[2] === ONLINE_SALES.name);
    expect(at).toBeGreaterThan(0);
    expect(history.getDisplayValues()[at]?.[3]).toBe("2027-05-31");
    expect(history.getValues()[at]?.[4] as number).toBeCloseTo(
      purchasesPerSession(events, ZONE, (d) => d >= "2027-05-31" && d <= "2027-06-06"),
      12,
    );
    const digest = emu.outbox.find((m) => m.to.includes("boss@example.com"));
    expect(digest?.body).toContain(ONLINE_SALES.name);
    expect(digest?.body).not.toMatch(/Computed in BigQuery when|could not run/);
  });
});

describe("a filtered BigQuery objective", () => {
  it("counts only its rows (device.category IN (mobile)), in a query of its own", () => {
    const installed = installEmulator({ timeZone: ZONE });
    uninstall = installed.uninstall;
    saveObjective(ONLINE_SALES);
    saveObjective({
      ...ONLINE_SALES,
      name: "Online sales per session, mobile",
      filter: { column: "device.category", values: ["mobile"] },
    });
    installed.emu.setBigQueryRunner(runner());
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const wb = readWorkbook(ss, "en", NOW, { bigQuery: true });
    const [all, mobile] = evaluateWorkbook(wb, "en");
    const inMay = (d: string) => d.startsWith("2027-05");
    expect(all?.current?.value).toBeCloseTo(purchasesPerSession(events, ZONE, inMay), 12);
    const mobileEvents = events.filter((e) => e.device === "mobile");
    expect(mobile?.error).toBeNull();
    expect(mobile?.current?.value).toBeCloseTo(purchasesPerSession(mobileEvents, ZONE, inMay), 12);
    expect(mobile?.current?.value).not.toBeCloseTo(all?.current?.value ?? 0, 6);
    // Two queries: objectives share one only when they count the same rows.
    expect(installed.emu.calls.counts()["Spreadsheet.insertDataSourceSheet"]).toBe(2);
  });

  it("refuses, in words, a filter field BigQuery could not name", () => {
    const installed = installEmulator({ timeZone: ZONE });
    uninstall = installed.uninstall;
    expect(() =>
      saveObjective({ ...ONLINE_SALES, filter: { column: "device category", values: ["mobile"] } }),
    ).toThrow(/"device category" is not a field of this BigQuery table/);
  });
});
