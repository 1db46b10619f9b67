/**
 * The review's one time-driven trigger. An editor add-on may have only one trigger of each type
 * per user per document, and a time-driven one runs at most hourly
 * (https://developers.google.com/workspace/add-ons/concepts/editor-triggers, "Installable
 * trigger restrictions"); a
 * second create() throws "This add-on has created too many time-based triggers in this document
 * for this Google user account". So installing always removes this user's trigger first: turning
 * the schedule on twice, or after a reinstall, leaves exactly one.
 */
import type { ScheduleSettings } from "../../contract/schedule.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The top-level function the trigger calls (exported by src/main.ts). */
export const REVIEW_HANDLER = "runScheduledReview";

/** This user's review triggers in this document (getUserTriggers sees no one else's). */
export function reviewTriggers(ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === REVIEW_HANDLER);
}

/** Removes this user's review triggers; returns how many there were. */
export function removeReviewTriggers(ss: Spreadsheet): number {
  const found = reviewTriggers(ss);
  for (const t of found) ScriptApp.deleteTrigger(t);
  return found.length;
}

/**
 * Installs this user's weekly trigger for `settings`, replacing any, in the spreadsheet's zone (the
 * hour the user chose is a wall-clock hour there). Apps Script runs it at some minute within that
 * hour: the review is keyed by its day, so where in the hour does not matter.
 */
export function installReviewTrigger(ss: Spreadsheet, settings: ScheduleSettings): string {
  removeReviewTriggers(ss);
  return ScriptApp.newTrigger(REVIEW_HANDLER)
    .timeBased()
    .onWeekDay(ScriptApp.WeekDay[settings.day])
    .atHour(settings.hour)
    .inTimezone(ss.getSpreadsheetTimeZone())
    .create()
    .getUniqueId();
}
