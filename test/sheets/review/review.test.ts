/**
 * The weekly review on the emulator: the schedule's one trigger per user through every sequence a
 * team goes through, the review fired by the simulated clock, the history tab, and the failures
 * a trigger must record instead of showing (missing tab, quota, authorization).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ScheduleInput } from "../../../src/contract/schedule.ts";
import { dayFromParts, dayToDate } from "../../../src/kpi/days.ts";
import { onInstall } from "../../../src/main.ts";
import { HISTORY_KEY } from "../../../src/sheets/dashboard/history.ts";
import { saveObjective } from "../../../src/sheets/objectives/endpoints.ts";
import { getReviewAlert, getSchedule, saveSchedule } from "../../../src/sheets/review/endpoints.ts";
import { runScheduledReview } from "../../../src/sheets/review/run.ts";
import { generateSampleData } from "../../../src/sheets/sample-data.ts";
import { DASHBOARD_KEY } from "../../../src/sheets/workbook/tabs.ts";
import {
  type Emulator,
  installEmulator,
  sampleObjectives,
  taggedSheet,
  writeSampleTab,
} from "../helpers.ts";

const END = dayFromParts(2027, 6, 10) as number;
/** Monday 14 June 2027, 06:00 in Paris: the schedule is saved before the first review. */
const MONDAY_EARLY = new Date("2027-06-14T04:00:00Z");
const OWNER = "marketer@example.com";
const TAB = "Sample data";

let emu: Emulator;
let uninstall: () => void;

const ON: ScheduleInput = {
  enabled: true,
  day: "MONDAY",
  hour: 8,
  recipients: "boss@example.com, team@example.com",
  lang: "en",
  owners: [],
};

function setUp(lang: "en" | "fr" = "en") {
  ({ emu, uninstall } = installEmulator({
    userLocale: lang === "fr" ? "fr_FR" : "en_US",
    locale: lang === "fr" ? "fr_FR" : "en_US",
  }));
  writeSampleTab(TAB, lang, END);
  for (const o of sampleObjectives(lang, TAB)) saveObjective(o);
  emu.setNow(MONDAY_EARLY);
  emu.setTriggerRunner((handler, event) => {
    if (handler !== "runScheduledReview") throw new Error(`Script function not found: ${handler}`);
    runScheduledReview(event);
  });
}

/** Rows the data tab gains when a week of new numbers arrives (days END+1 … END+7). */
function appendWeekOfData(): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(TAB)!;
  const data = generateSampleData(END + 7, "en", { startDay: END + 1, visits: false });
  const rows = data.rows.map((r) => [dayToDate(r[0] as number, "Europe/Paris"), ...r.slice(1)]);
  sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, rows[0]!.length).setValues(rows);
}

const triggerCount = () => emu.triggers().length;
const digests = () => emu.outbox.filter((m) => !m.subject.startsWith("KPI Pilot:"));
const historyValues = () => taggedSheet(HISTORY_KEY).getDataRange().getDisplayValues();

describe("the schedule's trigger", () => {
  beforeEach(() => setUp());
  afterEach(() => uninstall());

  it("is one trigger when on, none when off, and one after turning it on twice or changing the hour", () => {
    expect(triggerCount()).toBe(0);
    const first = saveSchedule(ON);
    expect(triggerCount()).toBe(1);
    expect(first.notice).toBe(
      "Schedule on: every Monday at 08:00 (Europe/Paris), to 2 recipients.",
    );
    expect(first.view).toMatchObject({ owner: OWNER, you: OWNER, triggerInstalled: true });
    expect(first.view.nextRun).toBe("Monday at 08:00 (Europe/Paris)");
    expect(saveSchedule({ ...ON, recipients: "boss@example.com" }).notice).toBe(
      "Schedule on: every Monday at 08:00 (Europe/Paris), to 1 recipient.",
    );
    expect(triggerCount()).toBe(1);
    saveSchedule({ ...ON, day: "FRIDAY", hour: 17 });
    expect(triggerCount()).toBe(1);
    expect(emu.triggers()[0]!.schedule).toEqual({
      kind: "weekly",
      weekday: 5,
      hour: 17,
      everyWeeks: 1,
    });
    expect(saveSchedule({ ...ON, enabled: false }).notice).toBe(
      "Schedule off: no more reviews will run.",
    );
    expect(triggerCount()).toBe(0);
    expect(getSchedule().nextRun).toBeNull();
  });

  it("stays one trigger after a reinstall (onInstall again, then the schedule saved again)", () => {
    saveSchedule(ON);
    onInstall({ authMode: "FULL" });
    expect(triggerCount()).toBe(1);
    // The schedule survives in the document: the panel still shows it on.
    expect(getSchedule().settings.enabled).toBe(true);
    saveSchedule(ON);
    expect(triggerCount()).toBe(1);
  });

  it("gives two users of one sheet one trigger each at most, and one review a week", () => {
    saveSchedule(ON);
    emu.setActiveUser("colleague@example.com");
    const taken = saveSchedule(ON);
    expect(taken.notice).toContain("You now own the schedule (it was marketer@example.com's)");
    expect(emu.triggers().map((t) => t.user)).toEqual([OWNER, "colleague@example.com"]);
    saveSchedule(ON);
    expect(triggerCount()).toBe(2);
    emu.setActiveUser(OWNER);
    expect(getSchedule()).toMatchObject({
      owner: "colleague@example.com",
      triggerInstalled: false,
    });
    // Both triggers fire on Monday: the first owner's removes itself, the new owner's reviews.
    emu.advanceClock(2 * 3_600_000 + 59 * 60_000);
    expect(emu.triggerRuns).toHaveLength(2);
    expect(emu.triggerRuns.every((r) => r.error === undefined)).toBe(true);
    expect(emu.triggers().map((t) => t.user)).toEqual(["colleague@example.com"]);
    expect(digests()).toHaveLength(1);
    expect(digests()[0]!.from).toBe("colleague@example.com");
  });
});

describe("a scheduled review", () => {
  beforeEach(() => setUp());
  afterEach(() => uninstall());

  it("runs within the hour asked for, rebuilds the dashboard, writes a block of history and sends one digest", () => {
    saveSchedule(ON);
    expect(emu.advanceClock("next-trigger")).toBe(1);
    const run = emu.triggerRuns[0]!;
    expect(run.error).toBeUndefined();
    // 08:xx in Paris (UTC+2 in June).
    expect(new Date(run.at).getUTCHours()).toBe(6);
    expect(taggedSheet(DASHBOARD_KEY).getRange("A1").getValue()).toBe("KPI dashboard");
    const rows = historyValues();
    expect(rows[0]).toEqual([
      "Review date",
      "Objective ID",
      "Objective",
      "Period",
      "Value",
      "Status",
      "Reason",
      "Forecast",
      "Forecast low",
      "Forecast high",
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ["2027-06-14", "Website conversion rate", "2027-05-01"],
      ["2027-06-14", "Newsletter open rate", "2027-05-01"],
      ["2027-06-14", "Bounce rate", "2027-05-01"],
      ["2027-06-14", "Paid search CPA", "2027-01-01"],
      ["2027-06-14", "Social engagement", "2027-05-31"],
    ]);
    // The forecast and its 80% range, as the dashboard shows them, for every objective here.
    expect(rows.slice(1).map((r) => r.slice(7, 10))).toEqual([
      ["2.2%", "2.2%", "2.3%"],
      ["20.1%", "19.3%", "20.9%"],
      ["45.9%", "45.5%", "46.2%"],
      ["6.40", "6.14", "6.67"],
      ["62.13", "59.44", "64.83"],
    ]);
    expect(digests()).toHaveLength(1);
    expect(digests()[0]!.to).toEqual(["boss@example.com", "team@example.com"]);
    expect(getSchedule().runs[0]).toMatchObject({
      outcome: "sent",
      text: "Review of 14 June 2027: history written, digest sent to 2 recipients.",
    });
    expect(getReviewAlert()).toBeNull();
    expect(triggerCount()).toBe(1);
  });

  it("reviews once when the trigger fires twice in the hour (jitter, a repeated run)", () => {
    saveSchedule(ON);
    emu.advanceClock("next-trigger");
    const uid = emu.triggers()[0]!.uid;
    emu.advanceClock(20 * 60_000);
    emu.fireTrigger(uid);
    expect(emu.triggerRuns).toHaveLength(2);
    expect(digests()).toHaveLength(1);
    expect(historyValues()).toHaveLength(1 + 5);
    expect(getSchedule().runs.map((r) => r.outcome)).toEqual(["skipped", "sent"]);
    expect(triggerCount()).toBe(1);
  });

  it("appends each review below the last, never rewriting a row, and keeps a team's own notes", () => {
    saveSchedule(ON);
    emu.advanceClock("next-trigger");
    const sheet = taggedSheet(HISTORY_KEY);
    sheet.getRange(2, 12).setValue("checked by Claire");
    const firstBlock = JSON.stringify(sheet.getRange(1, 1, 6, 12).getValues());
    appendWeekOfData();
    emu.advanceClock("next-trigger");
    expect(JSON.stringify(sheet.getRange(1, 1, 6, 12).getValues())).toBe(firstBlock);
    const rows = historyValues();
    expect(rows).toHaveLength(1 + 10);
    expect(rows.slice(6).map((r) => r[0])).toEqual(Array(5).fill("2027-06-21"));
    // The weekly objective has a new period; the monthly and quarterly ones do not.
    expect(rows[10]?.[3]).toBe("2027-06-07");
    expect(rows[6]?.[3]).toBe("2027-05-01");
    expect(triggerCount()).toBe(1);
  });

  it("records a missing source tab, still sends the others, and mails the owner a short note", () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    writeSampleTab("Ads export", "en", END);
    const [ads] = sampleObjectives("en", "Ads export");
    saveObjective({ ...ads!, name: "Ads conversion rate" });
    ss.deleteSheet(ss.getSheetByName("Ads export")!);
    saveSchedule(ON);
    emu.advanceClock("next-trigger");
    expect(digests()).toHaveLength(1);
    const note = emu.outbox.find((m) => m.subject.startsWith("KPI Pilot:"));
    expect(note?.to).toEqual([OWNER]);
    expect(note?.subject).toBe("KPI Pilot: the review of 14 June 2027 did not complete");
    const alert = getReviewAlert();
    expect(alert).toContain("Ads conversion rate could not be computed");
    expect(alert).toContain('Tab "Ads export" not found');
    expect(getSchedule().alert).toBe(alert);
    expect(getSchedule().runs[0]?.outcome).toBe("partial");
    expect(triggerCount()).toBe(1);
  });

  it("writes the history but sends nothing at quota 0, and says so plainly", () => {
    emu.setMailQuota(0, OWNER);
    saveSchedule(ON);
    emu.advanceClock("next-trigger");
    expect(emu.outbox).toHaveLength(0);
    expect(historyValues()).toHaveLength(6);
    expect(getReviewAlert()).toBe(
      "Review of 14 June 2027: history written, but the digest was NOT sent: it needs 2 of today's e-mail quota and 0 remain. It will not be resent; the next review sends a new one.",
    );
    expect(triggerCount()).toBe(1);
  });

  it("mails the digest but not the owner's note when the quota covers only the recipients", () => {
    emu.setMailQuota(2, OWNER);
    saveSchedule({ ...ON });
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.deleteSheet(ss.getSheetByName(TAB)!);
    emu.advanceClock("next-trigger");
    expect(emu.outbox.map((m) => m.subject)).toEqual([
      "KPI review, week of 14 Jun: 0 of 5 on track",
    ]);
  });

  it("records that authorization is needed instead of failing, and touches nothing", () => {
    saveSchedule(ON);
    const before = JSON.stringify(emu.snapshot().sheets);
    emu.setAuthorizationRequired(true, OWNER);
    emu.advanceClock("next-trigger");
    expect(emu.triggerRuns[0]?.error).toBeUndefined();
    expect(emu.outbox).toHaveLength(0);
    expect(JSON.stringify(emu.snapshot().sheets)).toBe(before);
    expect(getReviewAlert()).toMatch(
      /^Review of 14 June 2027 did not run: KPI Pilot needs your authorization again/,
    );
    expect(triggerCount()).toBe(1);
    // Once granted again, the next Monday's review runs.
    emu.setAuthorizationRequired(false, OWNER);
    emu.advanceClock("next-trigger");
    expect(digests()).toHaveLength(1);
    expect(getReviewAlert()).toBeNull();
  });

  it("does nothing when called without a trigger's event (google.script.run, say)", () => {
    saveSchedule(ON);
    runScheduledReview();
    runScheduledReview({ authMode: "FULL" });
    expect(emu.outbox).toHaveLength(0);
    expect(getSchedule().runs).toHaveLength(0);
  });

  it("refuses a schedule with a bad address or over 20 recipients, naming them", () => {
    expect(() => saveSchedule({ ...ON, recipients: "boss@example.com, not-an-address" })).toThrow(
      'Recipients: "not-an-address" is not an e-mail address.',
    );
    const many = Array.from({ length: 21 }, (_, i) => `p${i}@example.com`).join("\n");
    expect(() => saveSchedule({ ...ON, recipients: many })).toThrow(
      "Recipients: 21 addresses; at most 20.",
    );
    expect(() => saveSchedule({ ...ON, owners: ["Nobody"] })).toThrow(/choose owners/);
    expect(triggerCount()).toBe(0);
  });
});
