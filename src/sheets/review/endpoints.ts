/**
 * The schedule panel's endpoints (exported by src/main.ts): read the schedule, save it (which
 * installs or removes this user's one trigger), send a test digest now, and the alert a sidebar
 * shows at opening when the last run failed.
 */

import { formatDayShort } from "../../contract/format.ts";
import type { Lang } from "../../contract/i18n.ts";
import {
  checkSchedule,
  hourLabel,
  type RunView,
  type ScheduleView,
  weekdayName,
} from "../../contract/schedule.ts";
import { todayDay } from "../../kpi/days.ts";
import { readWorkbookHistory } from "../dashboard/build.ts";
import { readObjectives } from "../objectives/tab.ts";
import { evaluateWorkbook, readWorkbook } from "../status/read.ts";
import { userLang } from "../workbook/locale.ts";
import { messages } from "../workbook/messages.ts";
import { composeDigest } from "./digest.ts";
import { coveredBy, runText, sendDigest } from "./run.ts";
import {
  defaultSettings,
  type RunRecord,
  readRuns,
  readSchedule,
  recordRun,
  writeSchedule,
} from "./store.ts";
import { installReviewTrigger, removeReviewTriggers, reviewTriggers } from "./trigger.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const FAILURES = new Set(["partial", "not_sent", "authorization", "failed"]);

function me(): string {
  // getActiveUser may be empty where the domain hides it; the effective user is the same person
  // in a sidebar.
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
}

/** The owners the Objectives tab names, sorted, for the "by owner" choice. */
function ownersIn(ss: Spreadsheet, lang: Lang): string[] {
  const store = readObjectives(ss, ss.getSpreadsheetTimeZone(), lang);
  return [...new Set(store.objectives.map((s) => s.objective.owner))].sort((a, b) =>
    a.localeCompare(b),
  );
}

function runView(run: RunRecord, lang: Lang, timeZone: string): RunView {
  const at = new Date(run.at);
  const time = Utilities.formatDate(at, timeZone, "HH:mm");
  return {
    at: run.at,
    outcome: run.outcome,
    when: `${formatDayShort(todayDay(timeZone, at), lang)}, ${time}`,
    text: runText(run, lang),
  };
}

/** The last run's failure, in `lang`, until a later run succeeds; null otherwise. */
export function reviewAlertIn(lang: Lang): string | null {
  const last = readRuns().find((r) => r.outcome !== "test" && r.outcome !== "skipped");
  return last && FAILURES.has(last.outcome) ? runText(last, lang) : null;
}

export function scheduleViewIn(ss: Spreadsheet, lang: Lang): ScheduleView {
  const stored = readSchedule();
  const you = me();
  const timeZone = ss.getSpreadsheetTimeZone();
  const settings = stored?.settings ?? defaultSettings(lang);
  const owner = stored?.owner ?? null;
  return {
    settings,
    owner,
    you,
    triggerInstalled: owner === you && reviewTriggers(ss).length > 0,
    timeZone,
    nextRun: settings.enabled
      ? messages.t(lang, "scheduleNext", {
          day: weekdayName(settings.day, lang),
          hour: hourLabel(settings.hour),
          zone: timeZone,
        })
      : null,
    owners: ownersIn(ss, lang),
    runs: readRuns().map((r) => runView(r, lang, timeZone)),
    alert: reviewAlertIn(lang),
  };
}

/** Sidebar: the schedule, who owns it, and the last runs. */
export function getSchedule(): ScheduleView {
  return scheduleViewIn(SpreadsheetApp.getActiveSpreadsheet(), userLang());
}

/**
 * Sidebar: saves the schedule. On, it becomes this user's: their one trigger is (re)installed, and
 * a previous owner's trigger removes itself at its next firing. Off, this user's trigger goes.
 */
export function saveSchedule(input: unknown): { view: ScheduleView; notice: string } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = userLang();
  const checked = checkSchedule(input, ownersIn(ss, lang), lang);
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join(" "));
  const { settings } = checked;
  const you = me();
  const previous = readSchedule();
  let notice: string;
  if (settings.enabled) {
    const triggerUid = installReviewTrigger(ss, settings);
    writeSchedule({ settings, owner: you, triggerUid });
    notice = messages.t(
      lang,
      settings.recipients.length === 1 ? "scheduleSavedOne" : "scheduleSaved",
      {
        day: weekdayName(settings.day, lang),
        hour: hourLabel(settings.hour),
        zone: ss.getSpreadsheetTimeZone(),
        count: settings.recipients.length,
      },
    );
    if (previous?.settings.enabled && previous.owner !== you) {
      notice += ` ${messages.t(lang, "scheduleTakenOver", { previous: previous.owner })}`;
    }
  } else {
    removeReviewTriggers(ss);
    writeSchedule({ settings, owner: you, triggerUid: null });
    notice = messages.t(lang, "scheduleOff");
  }
  return { view: scheduleViewIn(ss, lang), notice };
}

/**
 * Sidebar: the digest as the next review would send it, now, to the person asking only (a test
 * must not reach stakeholders), marked as a test. Writes no history.
 */
export function sendTestDigest(): { view: ScheduleView; notice: string } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = userLang();
  const stored = readSchedule();
  const settings = stored?.settings ?? defaultSettings(lang);
  const now = new Date();
  const wb = readWorkbook(ss, settings.lang, now);
  const evals = evaluateWorkbook(wb, settings.lang);
  const covered = coveredBy(evals, settings.owners);
  const you = me();
  const digest = composeDigest({
    evals: covered,
    others: evals.length - covered.length,
    history: readWorkbookHistory(ss, wb, evals),
    reviewDay: wb.today,
    lang: settings.lang,
    settings,
    owner: stored?.owner ?? you,
    url: ss.getUrl(),
    timeZone: wb.timeZone,
    test: true,
  });
  const sent = sendDigest(digest, [you]);
  const run: RunRecord = sent.sent
    ? {
        at: now.toISOString(),
        outcome: "test",
        key: "run_test",
        params: { to: you },
        reviewDay: null,
      }
    : { at: now.toISOString(), outcome: "test", key: "run_testQuota", params: {}, reviewDay: null };
  recordRun(run);
  return { view: scheduleViewIn(ss, lang), notice: runText(run, lang) };
}

/** Sidebar, at every opening: the last review's failure, or null. */
export function getReviewAlert(): string | null {
  return reviewAlertIn(userLang());
}
