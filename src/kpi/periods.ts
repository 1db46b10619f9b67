/**
 * Reporting periods over calendar day numbers (see days.ts). Weeks are ISO weeks, starting on
 * Monday; months, quarters and years are calendar ones. Everything here is arithmetic on day
 * numbers, so it is independent of any time zone: zones only matter when an instant becomes a day.
 */
import { foldText, type Lang } from "../contract/i18n.ts";
import type { Frequency } from "../contract/objectives.ts";
import { DAY_MS } from "./days.ts";
import { KPI_MESSAGES } from "./messages.ts";

export type Period = "day" | "week" | "month" | "quarter" | "year";
export const PERIODS: readonly Period[] = ["day", "week", "month", "quarter", "year"];

// A Map, so that a typed word such as "constructor" can never hit an Object prototype key.
const PERIOD_WORDS: ReadonlyMap<string, Period> = new Map(
  Object.entries({
    day: "day",
    days: "day",
    daily: "day",
    jour: "day",
    jours: "day",
    quotidien: "day",
    week: "week",
    weeks: "week",
    weekly: "week",
    semaine: "week",
    semaines: "week",
    hebdomadaire: "week",
    month: "month",
    months: "month",
    monthly: "month",
    mois: "month",
    mensuel: "month",
    quarter: "quarter",
    quarters: "quarter",
    quarterly: "quarter",
    trimestre: "quarter",
    trimestres: "quarter",
    trimestriel: "quarter",
    year: "year",
    years: "year",
    yearly: "year",
    annual: "year",
    annee: "year",
    annees: "year",
    an: "year",
    ans: "year",
    annuel: "year",
  } satisfies Record<string, Period>),
);

/** The period named by `text`, in English or French, any case, accents optional; undefined if none. */
export function tryParsePeriod(text: string): Period | undefined {
  return PERIOD_WORDS.get(foldText(text));
}

/** Like tryParsePeriod, but throws (message in `lang`) on an unknown name. */
export function parsePeriod(text: string, lang: Lang = "en"): Period {
  const period = tryParsePeriod(text);
  if (!period) {
    throw new Error(
      KPI_MESSAGES.t(lang, "unknownPeriod", {
        value: KPI_MESSAGES.t(lang, "quoted", { text }),
      }),
    );
  }
  return period;
}

function monthStart(year: number, month0: number): number {
  return Math.round(Date.UTC(year, month0, 1) / DAY_MS);
}

/** The first day of the period containing `day`. */
export function periodStart(day: number, period: Period): number {
  switch (period) {
    case "day":
      return day;
    case "week":
      // Day 0 (1970-01-01) was a Thursday, three days after a Monday.
      return day - ((((day + 3) % 7) + 7) % 7);
    default: {
      const d = new Date(day * DAY_MS);
      const year = d.getUTCFullYear();
      const month0 = d.getUTCMonth();
      if (period === "month") return monthStart(year, month0);
      if (period === "quarter") return monthStart(year, month0 - (month0 % 3));
      return monthStart(year, 0);
    }
  }
}

/** The first day of the period after the one starting at `start` (which must be a period start). */
export function nextPeriodStart(start: number, period: Period): number {
  switch (period) {
    case "day":
      return start + 1;
    case "week":
      return start + 7;
    default: {
      const d = new Date(start * DAY_MS);
      const months = period === "month" ? 1 : period === "quarter" ? 3 : 12;
      return monthStart(d.getUTCFullYear(), d.getUTCMonth() + months);
    }
  }
}

/** The reporting period of a dashboard frequency. */
export function frequencyPeriod(f: Frequency): Period {
  return f === "weekly" ? "week" : f === "monthly" ? "month" : "quarter";
}

/** Number of periods whose start lies in [fromDay, toDay], counting the one containing fromDay. */
export function periodsBetween(fromDay: number, toDay: number, period: Period): number {
  let count = 0;
  for (let s = periodStart(fromDay, period); s <= toDay; s = nextPeriodStart(s, period)) count++;
  return count;
}
