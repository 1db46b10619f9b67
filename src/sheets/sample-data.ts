/**
 * "Insert sample data": a tab of realistic daily marketing data and a tab of visit rows, so a
 * marketer can try every KPI before connecting their own exports. The data is a pure function of
 * the calendar: each day's noise comes from a hash of that day, so the same day always gets the
 * same numbers, and growth is measured back from the last day, so every insert looks current.
 */
import type { Lang } from "../contract/i18n.ts";
import { dayFromParts, dayParts, dayToDate, todayDay } from "../kpi/days.ts";
import { userLang } from "./workbook/locale.ts";
import { messages } from "./workbook/messages.ts";
import { insertSheetNamed } from "./workbook/tabs.ts";

export interface SampleData {
  headers: string[];
  /** One row per day: the calendar day number first, then the 16 measures in header order. */
  rows: number[][];
  visitHeaders: string[];
  /** One row per visit: visitor id and calendar day number, by date. */
  visits: [string, number][];
}

export interface SampleOptions {
  /** First day; by default the start of the quarter holding the day 18 months before the end. */
  startDay?: number;
  /** Whether to generate the visit rows (the benchmark does without). Default true. */
  visits?: boolean;
}

/** A 32-bit integer hash (splitmix-like) turned into [0, 1): the noise of `day` for `salt`. */
function noise(day: number, salt: number): number {
  let h = (Math.imul(day, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h / 4294967296;
}

/** A multiplicative jitter of ±`spread` around 1, shaped like a sum of two uniforms. */
function jitter(day: number, salt: number, spread: number): number {
  return 1 + spread * (noise(day, salt) + noise(day, salt + 101) - 1);
}

/** Monday = 0 … Sunday = 6 (day 0, 1970-01-01, was a Thursday). */
function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

const WEEKDAY_TRAFFIC = [1.06, 1.08, 1.05, 1.02, 0.93, 0.66, 0.6];

/** The campaign running on `day`, if any: Black Friday week, and a spring sale in mid-March. */
function campaignOf(day: number): "blackFriday" | "spring" | null {
  const { year, month, day: date } = dayParts(day);
  if (month === 3 && date >= 9 && date <= 20) return "spring";
  if (month === 11 || month === 12) {
    const nov1 = dayFromParts(year, 11, 1) as number;
    // Fourth Thursday of November, then the week around it up to Cyber Monday.
    const firstThursday = nov1 + ((3 - weekday(nov1) + 7) % 7);
    const thanksgiving = firstThursday + 21;
    if (day >= thanksgiving - 3 && day <= thanksgiving + 4) return "blackFriday";
  }
  return null;
}

/** Seasonal level: a summer dip in August, a quiet Christmas week, a busy January. */
function season(day: number): number {
  const { month, day: date } = dayParts(day);
  if (month === 8) return 0.8;
  if (month === 12 && date >= 23) return 0.75;
  if (month === 1) return 1.06;
  return 1;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The default first day: start of the quarter holding the day 18 months before `endDay`. */
export function defaultSampleStart(endDay: number): number {
  const { year, month } = dayParts(endDay);
  const back = year * 12 + (month - 1) - 18;
  const y = Math.floor(back / 12);
  const m0 = back - y * 12;
  return dayFromParts(y, m0 - (m0 % 3) + 1, 1) as number;
}

/**
 * Daily data from the start day to `endDay` inclusive, headers in `lang`. Consistent by
 * construction: single-page sessions ≤ sessions, conversions ≤ visitors, clicks ≤ impressions,
 * opens ≤ e-mails sent − bounced.
 */
export function generateSampleData(
  endDay: number,
  lang: Lang,
  options: SampleOptions = {},
): SampleData {
  const startDay = options.startDay ?? defaultSampleStart(endDay);
  const rows: number[][] = [];
  const span = Math.max(1, endDay - startDay);
  for (let day = startDay; day <= endDay; day++) {
    const years = (day - endDay) / 365;
    const growth = 1.22 ** years;
    const progress = (day - startDay) / span;
    const dow = weekday(day);
    const weekend = dow >= 5;
    const campaign = campaignOf(day);
    const trafficBoost = campaign === "blackFriday" ? 1.75 : campaign === "spring" ? 1.35 : 1;

    const visitors = Math.round(
      1800 *
        growth *
        (WEEKDAY_TRAFFIC[dow] ?? 1) *
        season(day) *
        trafficBoost *
        jitter(day, 1, 0.12),
    );
    const sessions = Math.round(visitors * (1.24 + 0.1 * noise(day, 2)));
    const bounce = Math.min(
      0.95,
      (0.5 - 0.04 * progress + (weekend ? 0.03 : 0) + (campaign ? -0.03 : 0)) *
        jitter(day, 3, 0.06),
    );
    const singlePage = Math.min(sessions, Math.round(sessions * bounce));
    const avgDuration = (148 + 18 * progress - (weekend ? 12 : 0)) * jitter(day, 4, 0.1);
    const totalDuration = Math.round(sessions * avgDuration);
    const conversionRate =
      0.021 *
      (campaign === "blackFriday" ? 1.4 : campaign === "spring" ? 1.2 : 1) *
      (weekend ? 0.88 : 1) *
      (1 + 0.08 * progress) *
      jitter(day, 5, 0.14);
    const conversions = Math.min(visitors, Math.round(visitors * conversionRate));
    const basket = 68 * (campaign ? 0.86 : 1) * jitter(day, 6, 0.12);
    const revenue = round2(conversions * basket);
    const spendBoost = campaign === "blackFriday" ? 2.6 : campaign === "spring" ? 1.8 : 1;
    const adCost = round2(
      260 * growth ** 0.6 * spendBoost * (weekend ? 0.78 : 1) * jitter(day, 7, 0.1),
    );
    const cpm = 9.4 * (campaign === "blackFriday" ? 1.3 : 1) * jitter(day, 8, 0.08);
    const impressions = Math.round((adCost / cpm) * 1000);
    const ctr = 0.0175 * (campaign ? 1.1 : 1) * jitter(day, 9, 0.1);
    const clicks = Math.min(impressions, Math.round(impressions * ctr));
    // A Tuesday newsletter to a growing list, and a Thursday promotion during campaigns.
    const newsletter = dow === 1;
    const promo = campaign !== null && dow === 3;
    const emailsSent =
      newsletter || promo ? Math.round(14_000 * growth ** 0.8 * jitter(day, 10, 0.02)) : 0;
    const bounced = Math.round(emailsSent * 0.012 * jitter(day, 11, 0.35));
    // The open rate slides from about 24% to 20.5% over the period: a KPI worth watching.
    const openRate = (0.24 - 0.035 * progress) * (promo ? 0.9 : 1) * jitter(day, 12, 0.06);
    const opens = Math.min(emailsSent - bounced, Math.round((emailsSent - bounced) * openRate));
    const postDraw = noise(day, 13);
    const posts = weekend ? (postDraw < 0.3 ? 1 : 0) : postDraw < 0.45 ? 2 : 1;
    const reach = growth * (campaign ? 1.3 : 1);
    const likes = Math.round(posts * 46 * reach * jitter(day, 14, 0.3));
    const comments = Math.round(posts * 4.2 * reach * jitter(day, 15, 0.5));
    const shares = Math.round(posts * 6.5 * reach * jitter(day, 16, 0.45));
    rows.push([
      day,
      visitors,
      sessions,
      singlePage,
      totalDuration,
      conversions,
      revenue,
      adCost,
      impressions,
      clicks,
      emailsSent,
      bounced,
      opens,
      posts,
      likes,
      comments,
      shares,
    ]);
  }
  return {
    headers: messages.t(lang, "sampleHeaders").split("|"),
    rows,
    visitHeaders: messages.t(lang, "sampleVisitsHeaders").split("|"),
    visits: options.visits === false ? [] : generateVisits(rows),
  };
}

/**
 * About one visit row per 60 visitors of the day, a third of them by returning visitors, so the
 * unique count over a period is well below the number of rows.
 */
function generateVisits(rows: readonly number[][]): [string, number][] {
  const visits: [string, number][] = [];
  let known = 0;
  for (const row of rows) {
    const day = row[0] as number;
    const count = Math.round((row[1] as number) / 60);
    for (let k = 0; k < count; k++) {
      const draw = noise(day * 97 + k, 17);
      let n: number;
      if (known > 0 && draw < 0.35) {
        // Recent visitors come back more often than old ones.
        const back = Math.floor(noise(day * 97 + k, 18) ** 2 * Math.min(known, 3000));
        n = known - back;
      } else {
        known++;
        n = known;
      }
      visits.push([`V${String(n).padStart(6, "0")}`, day]);
    }
  }
  return visits;
}

const SAMPLE_FORMATS = [
  "yyyy-mm-dd",
  "#,##0",
  "#,##0",
  "#,##0",
  "#,##0",
  "#,##0",
  "#,##0.00",
  "#,##0.00",
  "#,##0",
  "#,##0",
  "#,##0",
  "#,##0",
  "#,##0",
  "#,##0",
  "#,##0",
  "#,##0",
  "#,##0",
];

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A new last tab holding `table` (header first), written with one setValues. */
function writeTab(
  ss: Spreadsheet,
  name: string,
  table: unknown[][],
  formats: readonly string[],
  widths: number,
): Sheet {
  const sheet = insertSheetNamed(ss, name, ss.getNumSheets());
  const rows = table.length;
  const columns = (table[0] ?? []).length;
  if (sheet.getMaxRows() < rows)
    sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  sheet.getRange(1, 1, rows, columns).setValues(table);
  if (rows > 1) {
    const body = Array.from({ length: rows - 1 }, () => formats as string[]);
    sheet.getRange(2, 1, rows - 1, columns).setNumberFormats(body);
  }
  sheet.getRange(1, 1, 1, columns).setFontWeight("bold").setBackground("#f1f3f4");
  sheet.setFrozenRows(1);
  sheet.setColumnWidths(1, columns, widths);
  return sheet;
}

/**
 * Menu item: adds the sample tabs (never overwriting one: a second insert gets "Sample data (2)")
 * with data up to yesterday in the spreadsheet's time zone, and opens the daily one.
 */
export function insertSampleData(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = userLang();
  const timeZone = ss.getSpreadsheetTimeZone();
  const endDay = todayDay(timeZone) - 1;
  const data = generateSampleData(endDay, lang);
  const daily: unknown[][] = [data.headers];
  for (const row of data.rows) daily.push([dayToDate(row[0] as number, timeZone), ...row.slice(1)]);
  const visits: unknown[][] = [data.visitHeaders];
  for (const [id, day] of data.visits) visits.push([id, dayToDate(day, timeZone)]);

  const dailySheet = writeTab(ss, messages.t(lang, "sampleTab"), daily, SAMPLE_FORMATS, 120);
  const visitsSheet = writeTab(
    ss,
    messages.t(lang, "sampleVisitsTab"),
    visits,
    ["@", "yyyy-mm-dd"],
    120,
  );
  dailySheet.activate();
  ss.toast(
    messages.t(lang, "sampleToast", {
      days: data.rows.length,
      sheet: dailySheet.getName(),
      visits: data.visits.length,
      visitsSheet: visitsSheet.getName(),
    }),
    messages.t(lang, "toastTitle"),
    8,
  );
}
