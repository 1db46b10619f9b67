/**
 * The weekly review, as the time-driven trigger runs it: rebuild the dashboard, append a block to
 * the history tab, send the digest. A trigger has no UI (no alert, no toast: there is nobody to
 * see it), so every outcome goes to the run log, which the sidebar shows at its next opening, and
 * a failure is mailed to the schedule's owner when the quota allows.
 */
import { formatDayLong } from "../../contract/format.ts";
import type { Lang } from "../../contract/i18n.ts";
import { isoDay, todayDay } from "../../kpi/days.ts";
import type { Unit } from "../../kpi/types.ts";
import { readWorkbookHistory, writeDashboard } from "../dashboard/build.ts";
import type { HistoryRow } from "../dashboard/history.ts";
import type { ObjectiveEval } from "../status/evaluate.ts";
import { evaluateWorkbook, readWorkbook } from "../status/read.ts";
import { withDocumentLock } from "../workbook/lock.ts";
import { type MessageKey, messages } from "../workbook/messages.ts";
import { composeDigest, type Digest } from "./digest.ts";
import { digestHtml, digestText } from "./digest-render.ts";
import { appendHistory } from "./history.ts";
import { forecastRangeOf, reasonOf } from "./reason.ts";
import {
  type RunRecord,
  readDone,
  readSchedule,
  recordRun,
  type StoredSchedule,
  writeDone,
} from "./store.ts";
import { REVIEW_HANDLER } from "./trigger.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A review waits this long for a save or a build to finish; a trigger has time to wait. */
const LOCK_WAIT_MS = 30_000;

/**
 * The instant a time-driven trigger ran, from its event object, whose fields are in UTC
 * (https://developers.google.com/apps-script/guides/triggers/events#time-driven-events); null
 * when `e` is not such an event.
 */
export function clockEventTime(e: unknown): { at: Date; triggerUid: string } | null {
  if (typeof e !== "object" || e === null) return null;
  const ev = e as Record<string, unknown>;
  const n = (k: string) => (typeof ev[k] === "number" ? (ev[k] as number) : Number.NaN);
  const at = Date.UTC(
    n("year"),
    n("month") - 1,
    n("day-of-month"),
    n("hour"),
    n("minute"),
    n("second"),
  );
  if (typeof ev.triggerUid !== "string" || Number.isNaN(at)) return null;
  return { at: new Date(at), triggerUid: ev.triggerUid };
}

function record(
  outcome: RunRecord["outcome"],
  key: MessageKey,
  reviewDay: number | null,
  now: Date,
  params: Record<string, string | number> = {},
): RunRecord {
  const run: RunRecord = { at: now.toISOString(), outcome, key, params, reviewDay };
  recordRun(run);
  return run;
}

/** A run's message in `lang`, with its review date spelled out. */
export function runText(run: RunRecord, lang: Lang): string {
  const date = run.reviewDay === null ? "" : formatDayLong(run.reviewDay, lang);
  return messages.t(lang, run.key, { ...run.params, date });
}

/** Apps Script's bytes are signed. */
function signedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

/**
 * Sends `digest` to `to` if the day's quota covers every recipient (each counts one: 100 a day on
 * a consumer account, https://developers.google.com/apps-script/guides/services/quotas);
 * returns what was left when it did not.
 */
export function sendDigest(
  digest: Digest,
  to: readonly string[],
): { sent: true } | { sent: false; left: number } {
  const left = MailApp.getRemainingDailyQuota();
  if (left < to.length) return { sent: false, left };
  const inlineImages: Record<string, GoogleAppsScript.Base.BlobSource> = {};
  for (const img of digest.images) {
    inlineImages[img.cid] = Utilities.newBlob(signedBytes(img.png), "image/png", img.fileName);
  }
  // MailApp, not GmailApp: it needs only script.send_mail, where GmailApp's scope is restricted.
  MailApp.sendEmail({
    to: to.join(","),
    subject: digest.subject,
    body: digestText(digest),
    htmlBody: digestHtml(digest),
    name: "KPI Pilot",
    inlineImages,
  });
  return { sent: true };
}

/** A short note to the schedule's owner that a run failed, when the quota has room for it. */
function mailFailure(ss: Spreadsheet, owner: string, run: RunRecord, lang: Lang): void {
  try {
    if (MailApp.getRemainingDailyQuota() < 1) return;
    const date = run.reviewDay === null ? "" : formatDayLong(run.reviewDay, lang);
    MailApp.sendEmail(
      owner,
      messages.t(lang, "failSubject", { date }),
      `${runText(run, lang)}\n\n${ss.getUrl()}`,
      { name: "KPI Pilot" },
    );
  } catch (error) {
    // The failure is in the run log already; a note that cannot be mailed must not hide it.
    console.error(`KPI Pilot: could not mail the failure note: ${String(error)}`);
  }
}

/** The history rows of this review: one per valid objective, in the tab's order. */
function historyRows(evals: readonly ObjectiveEval[], reviewDay: number, lang: Lang) {
  return evals.map((e): HistoryRow & { unit: Unit } => {
    const range = forecastRangeOf(e);
    return {
      reviewDay,
      id: e.objective.id,
      name: e.objective.name,
      periodStart: e.current?.start ?? null,
      value: e.current?.value ?? null,
      status: e.status,
      reason: reasonOf(e, lang),
      forecast: e.forecast?.value ?? null,
      forecastLow: range?.low ?? null,
      forecastHigh: range?.high ?? null,
      unit: e.kpi.unit,
    };
  });
}

/** The objectives a digest covers under `schedule`'s owner filter. */
export function coveredBy(
  evals: readonly ObjectiveEval[],
  owners: readonly string[],
): ObjectiveEval[] {
  if (owners.length === 0) return [...evals];
  const wanted = new Set(owners);
  return evals.filter((e) => wanted.has(e.objective.owner));
}

/** The review body, under the document lock. */
function review(
  ss: Spreadsheet,
  schedule: StoredSchedule,
  now: Date,
  reviewDay: number,
): RunRecord {
  const { settings, owner } = schedule;
  const lang = settings.lang;
  const key = isoDay(reviewDay);
  if (readDone()?.key === key) return record("skipped", "run_skipped", reviewDay, now);
  // The scheduled review rebuilds the dashboard as the menu does, BigQuery sources included.
  const wb = readWorkbook(ss, lang, now, { bigQuery: true });
  const evals = evaluateWorkbook(wb, lang);
  // Read once, before this review's rows: the dashboard's "since last review" and the digest's
  // "what changed" compare with the same review.
  const history = readWorkbookHistory(ss, wb, evals);
  writeDashboard(ss, wb, evals, history, lang);
  // Rows of this review already in the tab (a run that stopped after writing them) stay as they are.
  if (!history.some((h) => h.reviewDay === reviewDay)) {
    appendHistory(ss, historyRows(evals, reviewDay, lang), lang);
  }
  writeDone({ key, history: true, mail: false });
  const covered = coveredBy(evals, settings.owners);
  if (covered.length === 0) {
    writeDone({ key, history: true, mail: true });
    return record("sent", "run_noObjectives", reviewDay, now);
  }
  const digest = composeDigest({
    evals: covered,
    others: evals.length - covered.length,
    history,
    reviewDay,
    lang,
    settings,
    owner,
    url: ss.getUrl(),
    timeZone: wb.timeZone,
    test: false,
  });
  const sent = sendDigest(digest, settings.recipients);
  // Marked done either way: a digest the quota refused is not resent by a later firing.
  writeDone({ key, history: true, mail: sent.sent });
  if (!sent.sent) {
    return record("not_sent", "run_notSent", reviewDay, now, {
      needed: settings.recipients.length,
      left: sent.left,
    });
  }
  const broken = covered.filter((e) => e.error !== null);
  if (broken.length > 0) {
    return record("partial", "run_partial", reviewDay, now, {
      count: settings.recipients.length,
      names: broken.map((e) => e.objective.name).join(messages.t(lang, "listSeparator")),
      message: broken[0]?.error ?? "",
    });
  }
  const one = settings.recipients.length === 1;
  return record("sent", one ? "run_sentOne" : "run_sent", reviewDay, now, {
    count: settings.recipients.length,
  });
}

/**
 * One review at `now`, run by the trigger `triggerUid` of the user running it. Returns what the
 * run log got, or null when this trigger is not the schedule's any more (it is then removed).
 */
export function runReviewAt(now: Date, triggerUid: string): RunRecord | null {
  // After an update that adds scopes, an old trigger keeps firing under the old grant: ask first,
  // and record it rather than fail in the middle
  // (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
  const auth = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const schedule = readSchedule();
  const tz = ss.getSpreadsheetTimeZone();
  const reviewDay = todayDay(tz, now);
  if (auth.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED) {
    return record("authorization", "run_authorization", reviewDay, now);
  }
  const me = Session.getEffectiveUser().getEmail();
  if (!schedule?.settings.enabled || schedule.owner !== me || schedule.triggerUid !== triggerUid) {
    // Someone else took the schedule over, or it was turned off while this user's trigger
    // remained: this trigger goes, and no review runs twice.
    for (const t of ScriptApp.getUserTriggers(ss)) {
      if (t.getUniqueId() === triggerUid && t.getHandlerFunction() === REVIEW_HANDLER)
        ScriptApp.deleteTrigger(t);
    }
    return null;
  }
  const lang = schedule.settings.lang;
  let run: RunRecord;
  try {
    run = withDocumentLock(
      "review",
      LOCK_WAIT_MS,
      (why) =>
        record("failed", "run_failed", reviewDay, now, {
          message: messages.t(lang, `busy_${why}`),
        }),
      () => review(ss, schedule, now, reviewDay),
    );
  } catch (error) {
    const message =
      typeof (error as { message?: unknown })?.message === "string"
        ? (error as { message: string }).message
        : String(error);
    run = record("failed", "run_failed", reviewDay, now, { message });
  }
  if (run.outcome === "failed" || run.outcome === "partial" || run.outcome === "not_sent") {
    mailFailure(ss, schedule.owner, run, lang);
  }
  return run;
}

/** The trigger's entry point (exported by src/main.ts as runScheduledReview). */
export function runScheduledReview(e?: unknown): void {
  const event = clockEventTime(e);
  // Only a time-driven trigger passes such an event; a call without one (from the sidebar's
  // google.script.run, say) does nothing rather than send a review at an unplanned time.
  if (!event) return;
  runReviewAt(event.at, event.triggerUid);
}
