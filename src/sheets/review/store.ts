/**
 * What the review keeps in the document's properties: the schedule (settings, owner, trigger
 * id), the run log, and the key of the last review done, which makes a second firing of the same
 * slot (Apps Script may jitter or repeat a run) write and send nothing.
 */
import type { Lang } from "../../contract/i18n.ts";
import type { RunOutcome, ScheduleSettings } from "../../contract/schedule.ts";
import type { MessageKey } from "../workbook/messages.ts";

const SCHEDULE_KEY = "kpiPilot.schedule";
const RUNS_KEY = "kpiPilot.review.runs";
const DONE_KEY = "kpiPilot.review.done";
/** Enough for a quarter of weekly runs, and far under a property's 9 KB. */
const MAX_RUNS = 12;

export interface StoredSchedule {
  settings: ScheduleSettings;
  /** Address of the user whose trigger runs the reviews. */
  owner: string;
  triggerUid: string | null;
}

/** One run, kept as a message key and its parameters, so each reader sees it in their language. */
export interface RunRecord {
  at: string;
  outcome: RunOutcome;
  key: MessageKey;
  params: Record<string, string | number>;
  /** The review's day (days since 1970-01-01), shown as {date}. */
  reviewDay: number | null;
}

/** The steps of one review already done, by its key (the review's day, ISO). */
export interface DoneReview {
  key: string;
  history: boolean;
  mail: boolean;
}

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

function readJson<T>(key: string, valid: (v: unknown) => v is T): T | null {
  const raw = props().getProperty(key);
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return valid(value) ? value : null;
  } catch {
    // A value someone edited by hand is as good as none: the schedule shows as off, and saving
    // it again writes a sound one.
    return null;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

export function defaultSettings(lang: Lang): ScheduleSettings {
  return { enabled: false, day: "MONDAY", hour: 8, recipients: [], lang, owners: [] };
}

export function readSchedule(): StoredSchedule | null {
  return readJson(
    SCHEDULE_KEY,
    (v): v is StoredSchedule => isObject(v) && isObject(v.settings) && typeof v.owner === "string",
  );
}

export function writeSchedule(schedule: StoredSchedule): void {
  props().setProperty(SCHEDULE_KEY, JSON.stringify(schedule));
}

export function readRuns(): RunRecord[] {
  return readJson(RUNS_KEY, (v): v is RunRecord[] => Array.isArray(v)) ?? [];
}

export function recordRun(run: RunRecord): void {
  props().setProperty(RUNS_KEY, JSON.stringify([run, ...readRuns()].slice(0, MAX_RUNS)));
}

export function readDone(): DoneReview | null {
  return readJson(DONE_KEY, (v): v is DoneReview => isObject(v) && typeof v.key === "string");
}

export function writeDone(done: DoneReview): void {
  props().setProperty(DONE_KEY, JSON.stringify(done));
}
