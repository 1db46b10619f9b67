/**
 * Shared set-up for the integration tests: an emulator installed on globalThis, sample data, a
 * set of objectives on it, and a plain-text dump of a tab for reading a dashboard.
 */
import { createEmulator } from "../../dev/emulator/index.ts";
import type { Lang } from "../../src/contract/i18n.ts";
import type { ObjectiveInput } from "../../src/contract/objectives.ts";
import { dayToDate } from "../../src/kpi/days.ts";
import { isCsvDate, parseCsv } from "../../src/sheets/import/csv.ts";
import { saveSchedule } from "../../src/sheets/review/endpoints.ts";
import { runScheduledReview } from "../../src/sheets/review/run.ts";
import { generateSampleData } from "../../src/sheets/sample-data.ts";
import { findTaggedSheet } from "../../src/sheets/workbook/tabs.ts";
import { exportText } from "../fixtures/exports/facts.ts";
import { GA4_HEADERS } from "../fixtures.ts";

export type Emulator = ReturnType<typeof createEmulator>;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** 2027-06-11 10:00 UTC: sample data ends on 10 June 2027. */
export const NOW = new Date("2027-06-11T10:00:00Z");

/**
 * The only formulas tests read back: a SPARKLINE cell has no value in Sheets (it draws), and the
 * "Notes" tab's =1+1. Anything else is refused, as the emulator would.
 */
function knownFormulas(formula: string): unknown {
  if (formula.startsWith("=SPARKLINE(")) return "";
  if (formula === "=1+1") return 2;
  throw new Error(`test: no value for ${formula}`);
}

export function installEmulator(options: Parameters<typeof createEmulator>[0] = {}): {
  emu: Emulator;
  uninstall: () => void;
} {
  const emu = createEmulator({
    timeZone: "Europe/Paris",
    now: NOW,
    evaluateFormula: knownFormulas,
    ...options,
  });
  const uninstall = emu.install();
  return { emu, uninstall };
}

/** The Objectives tab's header for an English user, as the spec names its columns. */
export const OBJECTIVES_HEADER_EN: readonly string[] = [
  "ID",
  "Name",
  "KPI id",
  "Channel",
  "Source tab",
  "Date column",
  "Input columns",
  "Direction",
  "Baseline",
  "Target",
  "Start date",
  "Deadline",
  "Review frequency",
  "Owner",
  "Business goal",
  "Notes",
  "Created",
  "Updated",
];

/** The active spreadsheet's tab tagged `key` (OBJECTIVES_KEY, DASHBOARD_KEY); throws if none. */
export function taggedSheet(key: string): Sheet {
  const sheet = findTaggedSheet(SpreadsheetApp.getActiveSpreadsheet(), key);
  if (!sheet) throw new Error(`test: no tab tagged ${key}`);
  return sheet;
}

/** A GA4-style export, header first: one row per day for `days` days ending on `endDay`. */
export function ga4Table(endDay: number, days: number, timeZone: string): unknown[][] {
  const rows: unknown[][] = [[...GA4_HEADERS]];
  for (let d = endDay - days + 1; d <= endDay; d++) {
    const sessions = 1000 + (d % 7) * 40;
    rows.push([
      dayToDate(d, timeZone),
      sessions,
      Math.round(sessions * 0.6),
      800,
      20 + (d % 5),
      75,
      0.4,
      1500 + (d % 3) * 100,
      300,
    ]);
  }
  return rows;
}

/** The headers of the sample tab, by English name, in `lang`. */
export function sampleHeader(lang: Lang, english: string): string {
  const en = generateSampleData(0, "en", { startDay: 0, visits: false }).headers;
  const local = generateSampleData(0, lang, { startDay: 0, visits: false }).headers;
  const i = en.indexOf(english);
  if (i < 0) throw new Error(`no sample header ${english}`);
  return local[i] as string;
}

/**
 * Writes daily sample data from `startDay` to `endDay` into a new tab, the way a user's export
 * would sit: dates as Dates at midnight in the spreadsheet's zone.
 */
export function writeSampleTab(name: string, lang: Lang, endDay: number, startDay?: number): Sheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const data = generateSampleData(endDay, lang, {
    ...(startDay === undefined ? {} : { startDay }),
    visits: false,
  });
  const table: unknown[][] = [data.headers];
  for (const row of data.rows) table.push([dayToDate(row[0] as number, timeZone), ...row.slice(1)]);
  const sheet = ss.insertSheet(name);
  if (sheet.getMaxRows() < table.length) {
    sheet.insertRowsAfter(sheet.getMaxRows(), table.length - sheet.getMaxRows());
  }
  sheet.getRange(1, 1, table.length, data.headers.length).setValues(table);
  return sheet;
}

/** Five objectives a marketing team would keep, on the sample data, for 2027. */
export function sampleObjectives(lang: Lang, sheet: string): ObjectiveInput[] {
  const h = (english: string) => [sampleHeader(lang, english)];
  const common = {
    sourceSheet: sheet,
    dateColumn: sampleHeader(lang, "Date"),
    startDate: "2027-01-01",
    deadline: "2027-12-31",
  };
  return [
    {
      ...common,
      name: "Website conversion rate",
      kpiId: "conversion",
      channel: "Website",
      inputs: { conversions: h("Conversions"), visitors: h("Visitors") },
      direction: "higher",
      baseline: 0.021,
      target: 0.025,
      frequency: "monthly",
      owner: "Claire Martin",
      businessGoal: "More online sales from the same traffic",
    },
    {
      ...common,
      name: "Newsletter open rate",
      kpiId: "open_rate",
      channel: "Email",
      inputs: { opens: h("Opens"), sent: h("Emails sent"), bounced: h("Bounced") },
      direction: "higher",
      baseline: 0.215,
      target: 0.25,
      frequency: "monthly",
      owner: "Hugo Petit",
      businessGoal: "Keep subscribers engaged",
    },
    {
      ...common,
      name: "Bounce rate",
      kpiId: "bounce_rate",
      channel: "Website",
      inputs: { bounces: h("Single-page sessions"), sessions: h("Sessions") },
      direction: "lower",
      baseline: 0.49,
      target: 0.44,
      frequency: "monthly",
      owner: "Claire Martin",
      businessGoal: "Landing pages that hold attention",
    },
    {
      ...common,
      name: "Paid search CPA",
      kpiId: "cpa",
      channel: "Google Ads",
      inputs: { cost: h("Ad cost"), conversions: h("Conversions") },
      direction: "lower",
      baseline: 7.2,
      target: 6,
      frequency: "quarterly",
      owner: "Nora Diallo",
      businessGoal: "Acquire customers profitably",
    },
    {
      ...common,
      name: "Social engagement",
      kpiId: "engagement",
      channel: "Instagram",
      inputs: {
        interactions: [
          sampleHeader(lang, "Likes"),
          sampleHeader(lang, "Comments"),
          sampleHeader(lang, "Shares"),
        ],
        posts: h("Posts"),
      },
      direction: "higher",
      baseline: 52,
      target: 60,
      frequency: "weekly",
      owner: "Léa Rousseau",
      businessGoal: "Grow the community",
    },
  ];
}

/** The tab as a text table of what a user sees (display values), rows trimmed of blanks. */
export function dumpSheet(sheet: Sheet): string {
  const range = sheet.getDataRange();
  const shown = range.getDisplayValues();
  const formulas = range.getFormulas();
  const lines: string[] = [];
  shown.forEach((row, r) => {
    const cells = row.map((v, c) => {
      const f = formulas[r]?.[c];
      return f ? (f.startsWith("=SPARKLINE") ? "[sparkline]" : f) : v;
    });
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    lines.push(cells.join(" | "));
  });
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n");
}

/** A snapshot's sheets other than those named, for comparing "before" and "after". */
export function otherSheets(snapshot: unknown, except: readonly string[]): string {
  const s = snapshot as { sheets?: { name: string }[] };
  return JSON.stringify((s.sheets ?? []).filter((sh) => !except.includes(sh.name)));
}

/** KPI, input columns (English sample headers), baseline and target of the daily tab's KPIs. */
const DAILY_KPIS: [string, Record<string, string[]>, number, number][] = [
  ["conversion", { conversions: ["Conversions"], visitors: ["Visitors"] }, 0.021, 0.025],
  ["open_rate", { opens: ["Opens"], sent: ["Emails sent"], bounced: ["Bounced"] }, 0.215, 0.25],
  ["ctr", { clicks: ["Clicks"], impressions: ["Impressions"] }, 0.017, 0.02],
  [
    "avg_visit_duration",
    { durations: ["Total session duration (s)"], visits: ["Sessions"] },
    150,
    180,
  ],
  ["bounce_rate", { bounces: ["Single-page sessions"], sessions: ["Sessions"] }, 0.49, 0.44],
  ["engagement", { interactions: ["Likes", "Comments", "Shares"], posts: ["Posts"] }, 52, 60],
  ["roi", { revenue: ["Revenue"], cost: ["Ad cost"] }, 8, 10],
  ["roas", { revenue: ["Revenue"], cost: ["Ad cost"] }, 9, 11],
  ["cpa", { cost: ["Ad cost"], conversions: ["Conversions"] }, 7.2, 6],
  ["cpc", { cost: ["Ad cost"], clicks: ["Clicks"] }, 0.55, 0.45],
  ["cpm", { cost: ["Ad cost"], impressions: ["Impressions"] }, 9.5, 8.5],
];

/**
 * `n` objectives over the KPIs of a daily sample tab, cycling through KPIs and frequencies: what
 * the call-budget test and the benchmark build dashboards from. `sheets` gives each objective's
 * source tab (cycled), so objectives can share a tab or each have their own.
 */
export function manyObjectives(n: number, lang: Lang, sheets: readonly string[]): ObjectiveInput[] {
  const frequencies = ["monthly", "weekly", "quarterly"] as const;
  return Array.from({ length: n }, (_, i) => {
    const [kpiId, inputs, baseline, target] = DAILY_KPIS[
      i % DAILY_KPIS.length
    ] as (typeof DAILY_KPIS)[0];
    const local = Object.fromEntries(
      Object.entries(inputs).map(([name, headers]) => [
        name,
        headers.map((h) => sampleHeader(lang, h)),
      ]),
    );
    return {
      name: `Objective ${i + 1}`,
      kpiId,
      sourceSheet: sheets[i % sheets.length] as string,
      dateColumn: sampleHeader(lang, "Date"),
      inputs: local,
      direction: target > baseline ? "higher" : "lower",
      baseline,
      target,
      startDate: "2027-01-01",
      deadline: "2027-12-31",
      frequency: frequencies[i % frequencies.length] as (typeof frequencies)[number],
      owner: "Bench",
      businessGoal: "",
    };
  });
}

/**
 * Another execution holds the document lock, having noted what it does as KPI Pilot's holders do
 * (src/sheets/workbook/lock.ts); without `task` it left no note.
 */
export function holdLockAs(emu: Emulator, task?: "save" | "delete" | "build"): () => void {
  if (task) CacheService.getDocumentCache()?.put("kpiPilot.lockHolder", task, 400);
  const release = emu.holdDocumentLock();
  return () => {
    CacheService.getDocumentCache()?.remove("kpiPilot.lockHolder");
    release();
  };
}

/** The file as Sheets' File ▸ Import leaves it: every line, dates as dates, numbers as numbers. */
export function writeAsSheetsImports(
  file: string,
  name: string,
  timeZone: string,
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): void {
  const parsed = parseCsv(exportText(file));
  if (!parsed.ok) throw new Error(file);
  const { preamble, rows, footers, columns } = parsed.csv;
  const cell = (c: unknown) =>
    c === null || c === undefined
      ? ""
      : isCsvDate(c)
        ? dayToDate(Date.UTC(c.y, c.m - 1, c.d) / 86_400_000, timeZone)
        : c;
  const width = Math.max(columns, ...preamble.map((l) => l.length));
  const values = [...preamble, ...rows, ...footers].map((r) =>
    Array.from({ length: width }, (_, i) => cell(r[i])),
  );
  const sheet = ss.insertSheet(name);
  sheet.getRange(1, 1, values.length, width).setValues(values);
  sheet.activate();
}

/**
 * The weekly review scheduled for Mondays at 08:00, mailed to boss@example.com in English, with
 * the clock set early on Monday 14 June 2027: returns how many runs the next trigger made.
 */
export function runFirstMondayReview(emu: Emulator): number {
  emu.setNow(new Date("2027-06-14T04:00:00Z"));
  emu.setTriggerRunner((handler, event) => {
    if (handler !== "runScheduledReview") throw new Error(`Script function not found: ${handler}`);
    runScheduledReview(event);
  });
  saveSchedule({
    enabled: true,
    day: "MONDAY",
    hour: 8,
    recipients: "boss@example.com",
    lang: "en",
    owners: [],
  });
  return emu.advanceClock("next-trigger");
}
