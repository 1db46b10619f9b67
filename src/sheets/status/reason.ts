/**
 * An objective's status in words, and why: the sentence shown beside the status on the dashboard
 * and under it in the sidebar's list. The rule is src/kpi/status.ts; this only says it.
 */
import {
  type Currency,
  formatDayLong,
  formatShare,
  formatUnitValue,
  periodLabel,
  upperFirst,
} from "../../contract/format.ts";
import type { Lang } from "../../contract/i18n.ts";
import type { Frequency, Unit } from "../../contract/objectives.ts";
import { frequencyPeriod, nextPeriodStart } from "../../kpi/periods.ts";
import { MIN_TREND_PERIODS, type Pace, type Verdict } from "../../kpi/status.ts";
import { messages } from "../workbook/messages.ts";

export interface ReasonContext {
  readonly unit: Unit;
  readonly frequency: Frequency;
  readonly target: number;
  readonly startDay: number;
  readonly deadlineDay: number;
  readonly lang: Lang;
  readonly currency?: Currency | undefined;
}

/** "about 80% likely", rounded to 5%; beyond 5–95% a t spread says little more than "very". */
function chanceWords(probability: number, lang: Lang): string {
  if (probability > 0.95) return messages.t(lang, "chanceOver");
  if (probability < 0.05) return messages.t(lang, "chanceUnder");
  return messages.t(lang, "chanceAbout", {
    share: formatShare(Math.round(probability * 20) / 20, lang),
  });
}

function paceWords(pace: Pace, progress: number, expected: number, lang: Lang): string {
  return messages.t(lang, `pace_${pace}`, {
    progress: formatShare(progress, lang),
    expected: formatShare(expected, lang),
  });
}

/** Why the verdict is what it is, in one or two sentences. */
export function reasonOf(v: Verdict, c: ReasonContext): string {
  const { lang, unit } = c;
  const value = (x: number) => formatUnitValue(x, unit, lang, c.currency);
  const period = (start: number) => periodLabel(start, c.frequency, lang, true);
  const deadline = formatDayLong(c.deadlineDay, lang);
  switch (v.status) {
    case "not_started":
      return messages.t(
        lang,
        v.why === "before_start" ? "reasonBeforeStart" : "reasonNoPeriodSinceStart",
        { date: formatDayLong(c.startDay, lang) },
      );
    case "achieved":
    case "missed": {
      const params = {
        period: upperFirst(period(v.decisive.start)),
        value: value(v.decisive.value),
        target: value(c.target),
        deadline,
      };
      // The decisive period holds the deadline unless that one is not complete yet.
      const end = nextPeriodStart(v.decisive.start, frequencyPeriod(c.frequency));
      const holds = end > c.deadlineDay;
      const first = messages.t(lang, holds ? "reasonDecidedAt" : "reasonDecidedBefore", params);
      if (!v.later) return first;
      const later = messages.t(lang, "reasonLater", {
        value: value(v.later.value),
        period: period(v.later.start),
      });
      return `${first} ${later}`;
    }
    default: {
      const pace = upperFirst(paceWords(v.pace, v.progress, v.expected, lang));
      if (v.basis === "pace") {
        return v.why === "few_periods"
          ? messages.t(lang, "reasonFewPeriods", { pace, n: v.periods, min: MIN_TREND_PERIODS })
          : messages.t(lang, "reasonNoTrend", { pace });
      }
      const goodPace = v.pace === "ahead" || v.pace === "on_pace";
      const agree = goodPace === (v.chance === "likely");
      return messages.t(lang, agree ? "reasonTrendAnd" : "reasonTrendBut", {
        pace,
        forecast: value(v.forecast.value),
        deadline,
        low: value(v.forecast.low),
        high: value(v.forecast.high),
        target: value(c.target),
        chance: chanceWords(v.probability, lang),
      });
    }
  }
}
