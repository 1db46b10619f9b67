/**
 * What crosses google.script.run for the weekly review: the schedule's settings, what the panel
 * shows, and the one rule for a valid schedule (recipients above all), used by the sidebar as the
 * user types and by the server on save.
 */
import { defineCatalogue, type Lang } from "./i18n.ts";

/** At most this many addresses get the digest: each costs one unit of MailApp's daily quota. */
export const MAX_RECIPIENTS = 20;

/** Monday first, as a marketer's week starts; the names are ScriptApp.WeekDay's. */
export const WEEKDAYS = [
  "MONDAY",
  "TUESDAY",
  "WEDNESDAY",
  "THURSDAY",
  "FRIDAY",
  "SATURDAY",
  "SUNDAY",
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface ScheduleSettings {
  enabled: boolean;
  day: Weekday;
  /** Hour of the day, 0–23, in the spreadsheet's time zone. */
  hour: number;
  recipients: string[];
  /** Language of the digest. */
  lang: Lang;
  /** Owners (the Objectives tab's Owner column) whose objectives the digest covers; empty: all. */
  owners: string[];
}

export type RunOutcome =
  | "sent"
  | "partial"
  | "not_sent"
  | "authorization"
  | "failed"
  | "skipped"
  | "test";

/** One entry of the run log as the panel shows it, in the reader's language. */
export interface RunView {
  /** ISO time of the run. */
  at: string;
  outcome: RunOutcome;
  /** "Mon 23 Nov 2027, 09:12" in the spreadsheet's zone. */
  when: string;
  text: string;
}

export interface ScheduleView {
  settings: ScheduleSettings;
  /** Who owns the schedule (its trigger runs as them), or null when nobody has turned it on. */
  owner: string | null;
  /** The address of the person looking. */
  you: string;
  /** Whether the trigger of the schedule's owner is in place (only the owner can tell). */
  triggerInstalled: boolean;
  timeZone: string;
  /** "Monday at 09:00 (Europe/Paris)", or null when the schedule is off. */
  nextRun: string | null;
  /** The owners named in the Objectives tab, for the "by owner" choice. */
  owners: string[];
  /** Latest first. */
  runs: RunView[];
  /** The last run's failure, said once more at each opening until a run succeeds. */
  alert: string | null;
}

export type ScheduleField = "recipients" | "day" | "hour" | "lang" | "owners";

export interface ScheduleProblem {
  field: ScheduleField;
  message: string;
}

export const scheduleRuleMessages = defineCatalogue({
  en: {
    recipientsInvalidOne: "Recipients: {list} is not an e-mail address.",
    recipientsInvalidMany: "Recipients: {list} are not e-mail addresses.",
    recipientsTooMany: "Recipients: {count} addresses; at most {max}.",
    recipientsNone: "Recipients: add at least one address to turn the schedule on.",
    dayInvalid: "Day: choose a day of the week.",
    hourInvalid: "Hour: choose an hour from 0 to 23.",
    langInvalid: "Language: choose English or French.",
    ownersInvalid: "Objectives: choose owners from the list.",
  },
  fr: {
    recipientsInvalidOne: "Destinataires : {list} n'est pas une adresse e-mail.",
    recipientsInvalidMany: "Destinataires : {list} ne sont pas des adresses e-mail.",
    recipientsTooMany: "Destinataires : {count} adresses ; {max} au plus.",
    recipientsNone: "Destinataires : ajoutez au moins une adresse pour activer la planification.",
    dayInvalid: "Jour : choisissez un jour de la semaine.",
    hourInvalid: "Heure : choisissez une heure de 0 à 23.",
    langInvalid: "Langue : choisissez l'anglais ou le français.",
    ownersInvalid: "Objectifs : choisissez des responsables dans la liste.",
  },
});

// Loose on purpose (what MailApp refuses outright), not every RFC 5322 subtlety.
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

/**
 * The addresses in what the user typed: separated by commas, semicolons, spaces or new lines,
 * duplicates (in any case) dropped; with those that are not addresses, in order.
 */
export function parseRecipients(text: string): { addresses: string[]; invalid: string[] } {
  const addresses: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(/[\s,;]+/)) {
    const a = part.trim();
    if (a === "") continue;
    const key = a.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    (EMAIL.test(a) ? addresses : invalid).push(a);
  }
  return { addresses, invalid };
}

/** The problem with a recipients list, or null. */
export function recipientsProblem(
  text: string,
  enabled: boolean,
  lang: Lang,
): ScheduleProblem | null {
  const { addresses, invalid } = parseRecipients(text);
  const t = scheduleRuleMessages;
  if (invalid.length > 0) {
    const list = invalid.map((a) => (lang === "fr" ? `« ${a} »` : `"${a}"`)).join(", ");
    return {
      field: "recipients",
      message: t.t(lang, invalid.length === 1 ? "recipientsInvalidOne" : "recipientsInvalidMany", {
        list,
      }),
    };
  }
  if (addresses.length > MAX_RECIPIENTS) {
    return {
      field: "recipients",
      message: t.t(lang, "recipientsTooMany", { count: addresses.length, max: MAX_RECIPIENTS }),
    };
  }
  if (enabled && addresses.length === 0) {
    return { field: "recipients", message: t.t(lang, "recipientsNone") };
  }
  return null;
}

/** What the panel sends to save: the recipients as typed. */
export interface ScheduleInput {
  enabled: boolean;
  day: string;
  hour: number;
  recipients: string;
  lang: string;
  owners: string[];
}

/**
 * The one rule of a valid schedule: the settings, parsed, or every problem. `knownOwners` are the
 * owners the Objectives tab names (an owner filter must pick among them).
 */
export function checkSchedule(
  input: unknown,
  knownOwners: readonly string[],
  lang: Lang,
): { ok: true; settings: ScheduleSettings } | { ok: false; problems: ScheduleProblem[] } {
  const t = scheduleRuleMessages;
  const o = (typeof input === "object" && input !== null ? input : {}) as Partial<
    Record<keyof ScheduleInput, unknown>
  >;
  const problems: ScheduleProblem[] = [];
  const enabled = o.enabled === true;
  const recipientsText = typeof o.recipients === "string" ? o.recipients : "";
  const r = recipientsProblem(recipientsText, enabled, lang);
  if (r) problems.push(r);
  const day = WEEKDAYS.find((d) => d === o.day);
  if (!day) problems.push({ field: "day", message: t.t(lang, "dayInvalid") });
  const hour = o.hour;
  const hourOk = typeof hour === "number" && Number.isInteger(hour) && hour >= 0 && hour <= 23;
  if (!hourOk) problems.push({ field: "hour", message: t.t(lang, "hourInvalid") });
  const digestLang = o.lang === "en" || o.lang === "fr" ? o.lang : null;
  if (!digestLang) problems.push({ field: "lang", message: t.t(lang, "langInvalid") });
  const owners = Array.isArray(o.owners) ? o.owners : null;
  const known = new Set(knownOwners);
  if (!owners || owners.some((x) => typeof x !== "string" || !known.has(x))) {
    problems.push({ field: "owners", message: t.t(lang, "ownersInvalid") });
  }
  if (problems.length > 0 || !day || !hourOk || !digestLang || !owners) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    settings: {
      enabled,
      day,
      hour: hour as number,
      recipients: parseRecipients(recipientsText).addresses,
      lang: digestLang,
      owners: [...new Set(owners as string[])],
    },
  };
}

const WEEKDAY_NAMES: Record<Lang, readonly string[]> = {
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  fr: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
};

/** "Monday" / "lundi". */
export function weekdayName(day: Weekday, lang: Lang): string {
  return WEEKDAY_NAMES[lang][WEEKDAYS.indexOf(day)] ?? day;
}

/** "09:00" in both languages (the 24-hour clock reads the same in French and English). */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}
