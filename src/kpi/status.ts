/**
 * The one status rule of an objective, from its pace and its forecast together: what the
 * dashboard, the sidebar's list and KPI_STATUS all show. Pure; the words of the verdict are
 * rendered by their callers from the structured reason returned here.
 */
import type { Lang } from "../contract/i18n.ts";
import type { StatusCode } from "../contract/objectives.ts";
import { langOfCtx } from "./cells.ts";
import { KPI_MESSAGES } from "./messages.ts";
import { elapsedShare, progress, studentCdf, type TrendForecast } from "./trend.ts";
import type { EngineContext } from "./types.ts";

export type Status = StatusCode;

/** A status in words, in the spreadsheet's or the user's language ("En bonne voie"). */
export function statusWord(status: Status, lang: Lang): string {
  return KPI_MESSAGES.t(lang, `status_${status}`);
}

/** KPI_STATUS's words follow the spreadsheet's locale. */
export function statusWordIn(status: Status, ctx: EngineContext): string {
  return statusWord(status, langOfCtx(ctx));
}

/** The trend is fitted on the periods of the last TREND_DAYS days, and never fewer than the last TREND_PERIODS. */
export const TREND_DAYS = 365;
export const TREND_PERIODS = 12;

/**
 * The periods the trend is fitted on, from a list in ascending order: those that start within a
 * year of the latest one, or the last TREND_PERIODS when a year holds fewer (months, quarters).
 * A year, because twelve weeks of a weekly objective extrapolated thirty weeks ahead follow
 * whichever campaign they happen to start or end on; a year of weeks holds its seasons.
 */
export function trendWindow<T extends { readonly start: number }>(periods: readonly T[]): T[] {
  const last = periods[periods.length - 1];
  if (!last) return [];
  const inYear = periods.filter((p) => p.start > last.start - TREND_DAYS);
  return inYear.length >= TREND_PERIODS ? inYear : periods.slice(-TREND_PERIODS);
}

/** Fewer complete periods than this and pace alone decides: a line through 4 points is a guess. */
export const MIN_TREND_PERIODS = 5;

/** How far progress may lag the elapsed time: on pace up to 10 points, behind up to 25. */
export const ON_PACE_LAG = 0.1;
export const BEHIND_LAG = 0.25;

/** The forecast's chance of reaching the target: likely from 70%, unlikely below 30%. */
export const LIKELY = 0.7;
export const UNLIKELY = 0.3;

/**
 * Absorbs floating-point noise at the thresholds: 0.45 − 0.35 is 0.10000000000000003, which a
 * user reads as exactly 10 points behind, so on pace.
 */
const EPSILON = 1e-9;

export type Pace = "ahead" | "on_pace" | "behind" | "far_behind";
export type Chance = "likely" | "uncertain" | "unlikely";

/** A value of the KPI over a period that starts on `start` (a calendar day). */
export interface DatedValue {
  readonly start: number;
  readonly value: number;
}

export interface StatusInput {
  readonly baseline: number;
  readonly target: number;
  readonly startDay: number;
  readonly deadlineDay: number;
  /** The day the verdict is given (today). */
  readonly asOfDay: number;
  /** The latest value and the last day it measures (the end of its period), or null. */
  readonly current: (DatedValue & { readonly day: number }) | null;
  /**
   * After the deadline: the value that decides (decisivePeriod), and the latest one after it,
   * which may be noted but never changes the verdict.
   */
  readonly decisive: DatedValue | null;
  readonly latest: DatedValue | null;
  /** The trend at the deadline, or null; `trendPeriods` is how many periods it could use. */
  readonly forecast: TrendForecast | null;
  readonly trendPeriods: number;
}

export type Verdict =
  | { readonly status: "not_started"; readonly why: "before_start" | "no_period_since_start" }
  | {
      readonly status: "achieved" | "missed";
      readonly decisive: DatedValue;
      /** A later period on the other side of the target (a recovery, or a relapse), to note. */
      readonly later: DatedValue | null;
    }
  | {
      readonly status: "on_track" | "at_risk" | "off_track";
      readonly basis: "trend";
      readonly pace: Pace;
      readonly progress: number;
      readonly expected: number;
      readonly forecast: TrendForecast;
      /** P(the outcome at the deadline reaches the target), from the forecast's t spread. */
      readonly probability: number;
      readonly chance: Chance;
    }
  | {
      readonly status: "on_track" | "at_risk" | "off_track";
      readonly basis: "pace";
      /** Why the trend was left out: too few periods, or no trend could be drawn. */
      readonly why: "few_periods" | "no_trend";
      readonly pace: Pace;
      readonly progress: number;
      readonly expected: number;
      readonly periods: number;
    };

/**
 * The period that decides Achieved or Missed: the last one that starts on or before the deadline
 * (the period holding the deadline, or, while that one is not complete, the last complete one
 * before it). Never a later one: what happens after the deadline does not change the verdict.
 */
export function decisivePeriod<T extends { readonly start: number }>(
  periods: readonly T[],
  deadlineDay: number,
): T | null {
  let found: T | null = null;
  for (const p of periods)
    if (p.start <= deadlineDay && (!found || p.start > found.start)) found = p;
  return found;
}

export function paceOf(p: number, expected: number): Pace {
  const lag = expected - p;
  if (lag <= EPSILON) return "ahead";
  if (lag <= ON_PACE_LAG + EPSILON) return "on_pace";
  if (lag <= BEHIND_LAG + EPSILON) return "behind";
  return "far_behind";
}

/**
 * The chance that the outcome at the deadline reaches the target, reading the outcome as
 * forecast + se × T (Student's t): 1 or 0 for a forecast with no spread.
 */
export function chanceOfTarget(forecast: TrendForecast, target: number, higher: boolean): number {
  const margin = higher ? forecast.value - target : target - forecast.value;
  if (forecast.se === 0) return margin >= 0 ? 1 : 0;
  return studentCdf(margin / forecast.se, forecast.dof);
}

export function chanceClass(probability: number): Chance {
  if (probability >= LIKELY) return "likely";
  if (probability < UNLIKELY) return "unlikely";
  return "uncertain";
}

/**
 * Pace and forecast together. A trend that reaches the target outweighs a lag on the calendar's
 * straight line up to 25 points (launches and seasons are rarely linear); a trend that falls
 * short never leaves an objective on track, however good its pace; both bad is off track.
 */
type Judged = "on_track" | "at_risk" | "off_track";
const COMBINED: Record<Chance, Record<"good" | "behind" | "far_behind", Judged>> = {
  likely: { good: "on_track", behind: "on_track", far_behind: "at_risk" },
  uncertain: { good: "at_risk", behind: "at_risk", far_behind: "off_track" },
  unlikely: { good: "at_risk", behind: "off_track", far_behind: "off_track" },
};

const PACE_ALONE: Record<Pace, Judged> = {
  ahead: "on_track",
  on_pace: "on_track",
  behind: "at_risk",
  far_behind: "off_track",
};

/**
 * The verdict, in order:
 * 1. before the start date, or before any period measured since the start: Not started;
 * 2. after the deadline: Achieved when the decisive period's value reaches the target
 *    (progress ≥ 1), else Missed;
 * 3. otherwise pace (progress against the elapsed share at the end of the current period) and,
 *    with at least MIN_TREND_PERIODS periods and a forecast, the forecast's chance of reaching
 *    the target, combined by COMBINED; with fewer periods, pace alone.
 * Null when there is nothing to judge: no value yet, or none by the deadline.
 */
export function judge(input: StatusInput): Verdict | null {
  const { baseline, target, startDay, deadlineDay, asOfDay, current } = input;
  if (asOfDay < startDay) return { status: "not_started", why: "before_start" };
  const reaches = (v: number) => progress(v, target, baseline) >= 1 - EPSILON;
  if (asOfDay > deadlineDay) {
    const decisive = input.decisive;
    if (!decisive) return null;
    const achieved = reaches(decisive.value);
    const latest = input.latest;
    const later =
      latest && latest.start > decisive.start && reaches(latest.value) !== achieved ? latest : null;
    return { status: achieved ? "achieved" : "missed", decisive, later };
  }
  if (!current) return null;
  if (current.day < startDay) return { status: "not_started", why: "no_period_since_start" };
  const p = progress(current.value, target, baseline);
  const expected = elapsedShare(startDay, deadlineDay, current.day);
  const pace = paceOf(p, expected);
  const forecast = input.forecast;
  if (input.trendPeriods < MIN_TREND_PERIODS || !forecast) {
    return {
      status: PACE_ALONE[pace],
      basis: "pace",
      why: input.trendPeriods < MIN_TREND_PERIODS ? "few_periods" : "no_trend",
      pace,
      progress: p,
      expected,
      periods: input.trendPeriods,
    };
  }
  const probability = chanceOfTarget(forecast, target, target > baseline);
  const chance = chanceClass(probability);
  const lag = pace === "ahead" || pace === "on_pace" ? "good" : pace;
  return {
    status: COMBINED[chance][lag],
    basis: "trend",
    pace,
    progress: p,
    expected,
    forecast,
    probability,
    chance,
  };
}
