/**
 * The wizard's look at a BigQuery source before its first run, on the emulator: the table and days
 * the build's plan would read, with nothing run in BigQuery; a source the rules refuse, or a tab,
 * gets plain words in the user's language.
 */
import { afterEach, describe, expect, it } from "vitest";
import { formatDayLong } from "../../../src/contract/format.ts";
import type { BigQueryScanRequest } from "../../../src/contract/wizard.ts";
import { todayDay } from "../../../src/kpi/days.ts";
import { periodStart } from "../../../src/kpi/periods.ts";
import { LOOKBACK_DAYS } from "../../../src/sheets/bigquery/plan.ts";
import { previewBigQueryScan } from "../../../src/sheets/wizard/bigquery-scan.ts";
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
