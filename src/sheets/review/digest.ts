/**
 * What the digest says, before it is rendered: the headline, the stakeholder sentence, one row per
 * objective (status word, reason, values), what changed since the last review (read from the
 * history tab), and a small chart per objective that needs attention. Pure: the same evaluation
 * the dashboard shows, so the digest holds nothing the sheet does not.
 */
import {
  formatDayLong,
  formatDelta,
  formatUnitValue,
  periodLabel,
  periodLabelShort,
  UNDEFINED_MARK,
} from "../../contract/format.ts";
import type { Lang } from "../../contract/i18n.ts";
import type { StatusCode } from "../../contract/objectives.ts";
import { hourLabel, type ScheduleSettings, weekdayName } from "../../contract/schedule.ts";
import { anomalyIsGood } from "../../kpi/anomalies/detect.ts";
import { periodStart } from "../../kpi/periods.ts";
import { firstReviewOfPeriod, type HistoryRow, previousReview } from "../dashboard/history.ts";
import { anomalySentence, needsAttention, stakeholderSummary } from "../dashboard/summary.ts";
import { type ObjectiveEval, statusTextOf } from "../status/evaluate.ts";
import { messages } from "../workbook/messages.ts";
import { lineChartPng } from "./chart-png.ts";
import { forecastRangeOf, reasonOf } from "./reason.ts";

export interface DigestInput {
  /** The objectives the digest covers (valid rows only, after the owner filter). */
  evals: readonly ObjectiveEval[];
  /** How many valid objectives the owner filter left out. */
  others: number;
  /** The history tab as it was before this review's rows. */
  history: readonly HistoryRow[];
  reviewDay: number;
  lang: Lang;
  settings: ScheduleSettings;
  owner: string;
  url: string;
  timeZone: string;
  test: boolean;
}

export interface DigestRow {
  id: string;
  name: string;
  status: StatusCode | null;
  statusWord: string;
  reason: string;
  current: string;
  target: string;
  forecast: string;
  period: string;
  /** "Unchanged since the review of …" when the objective has no new period since then. */
  unchanged: string | null;
  attention: boolean;
}

export interface DigestImage {
  cid: string;
  fileName: string;
  alt: string;
  png: Uint8Array;
}

export interface Digest {
  lang: Lang;
  subject: string;
  title: string;
  sentence: string;
  rows: DigestRow[];
  changesTitle: string | null;
  changes: string[];
  chartsTitle: string | null;
  images: DigestImage[];
  chartNotes: string[];
  link: { text: string; url: string };
  others: string | null;
  footer: string;
}

/** How many biggest movers the digest names. */
const MOVERS = 3;
/** How many periods a digest chart shows. */
const CHART_PERIODS = 12;

export function composeDigest(input: DigestInput): Digest {
  const { evals, lang, reviewDay } = input;
  const t = (key: Parameters<typeof messages.t>[1], params?: Record<string, string | number>) =>
    messages.t(lang, key, params);
  const week = periodLabelShort(periodStart(reviewDay, "week"), "weekly", lang);
  const ok = evals.filter((e) => e.status === "on_track" || e.status === "achieved").length;
  const n = evals.length;
  const headline =
    n === 0
      ? t("digestSubjectNone", { week })
      : t(ok <= 1 ? "digestSubjectOne" : "digestSubject", { week, k: ok, n });
  const subject = input.test ? t("digestTest", { subject: headline }) : headline;

  const rows = evals.map((e): DigestRow => {
    const unit = e.kpi.unit;
    const range = forecastRangeOf(e);
    const forecast =
      e.forecast === null
        ? UNDEFINED_MARK
        : range
          ? `${formatUnitValue(e.forecast.value, unit, lang, e.currency)} (${formatUnitValue(range.low, unit, lang, e.currency)} – ${formatUnitValue(range.high, unit, lang, e.currency)})`
          : formatUnitValue(e.forecast.value, unit, lang, e.currency);
    let unchanged: string | null = null;
    if (e.current) {
      const since = firstReviewOfPeriod(input.history, e.objective.id, e.current.start);
      if (since !== null && since < reviewDay) {
        unchanged = t("digestUnchanged", {
          date: formatDayLong(since, lang),
          period: periodLabel(e.current.start, e.objective.frequency, lang, true),
        });
      }
    }
    return {
      id: e.objective.id,
      name: e.objective.name,
      status: e.status,
      statusWord: statusTextOf(e, lang),
      reason: reasonOf(e, lang),
      current: formatUnitValue(e.current?.value ?? null, unit, lang, e.currency),
      target: formatUnitValue(e.objective.target, unit, lang, e.currency),
      forecast,
      period: e.current
        ? periodLabel(e.current.start, e.objective.frequency, lang, true)
        : UNDEFINED_MARK,
      unchanged,
      attention: needsAttention(e.status),
    };
  });

  const { changesTitle, changes } = changesSince(input);

  const images: DigestImage[] = [];
  const chartNotes: string[] = [];
  for (const e of evals) {
    if (!needsAttention(e.status)) continue;
    const values = e.trend.slice(-CHART_PERIODS).map((p) => p.value);
    if (values.filter((v) => v !== null).length < 2) {
      chartNotes.push(t("digestChartTooShort", { name: e.objective.name }));
      continue;
    }
    const i = images.length + 1;
    images.push({
      cid: `chart${i}`,
      fileName: `chart-${i}.png`,
      alt: t("digestChartAlt", { name: e.objective.name, count: values.length }),
      png: lineChartPng({ values, target: e.objective.target }),
    });
  }

  return {
    lang,
    subject,
    title: t("digestTitle", { week }),
    sentence: stakeholderSummary(evals, lang),
    rows,
    changesTitle,
    changes,
    chartsTitle: images.length + chartNotes.length > 0 ? t("digestCharts") : null,
    images,
    chartNotes,
    link: { text: t("digestOpen"), url: input.url },
    others: input.others > 0 ? t("digestOthers", { count: input.others }) : null,
    footer: t("digestFooter", {
      owner: input.owner,
      day: weekdayName(input.settings.day, lang),
      hour: hourLabel(input.settings.hour),
      zone: input.timeZone,
    }),
  };
}

/**
 * Statuses that moved, the biggest movers, the new anomalies and the new objectives, against the
 * last review.
 */
function changesSince(input: DigestInput): { changesTitle: string | null; changes: string[] } {
  const { evals, lang } = input;
  const t = (key: Parameters<typeof messages.t>[1], params?: Record<string, string | number>) =>
    messages.t(lang, key, params);
  const previous = previousReview(input.history, input.reviewDay);
  if (!previous) return { changesTitle: null, changes: [t("digestFirst")] };
  const word = (s: StatusCode | null) => statusTextOf({ status: s, error: null }, lang);
  const moved: string[] = [];
  const added: string[] = [];
  const movers: { score: number; text: string }[] = [];
  const anomalies: string[] = [];
  for (const e of evals) {
    const before = previous.rows.get(e.objective.id);
    const anomaly = newAnomaly(e, before?.periodStart ?? null, lang);
    if (anomaly) anomalies.push(anomaly);
    if (!before) {
      added.push(t("digestNew", { name: e.objective.name }));
      continue;
    }
    if (before.status !== e.status) {
      moved.push(
        t("digestStatusMoved", {
          name: e.objective.name,
          from: word(before.status),
          to: word(e.status),
        }),
      );
    }
    const cur = e.current?.value ?? null;
    const prev = before.value;
    const newPeriod = e.current !== null && e.current.start !== before.periodStart;
    if (newPeriod && cur !== null && prev !== null && prev !== 0 && cur !== prev) {
      const unit = e.kpi.unit;
      movers.push({
        score: Math.abs((cur - prev) / prev),
        text: t("digestMover", {
          name: e.objective.name,
          from: formatUnitValue(prev, unit, lang, e.currency),
          to: formatUnitValue(cur, unit, lang, e.currency),
          delta: formatDelta(cur - prev, unit, lang),
        }),
      });
    }
  }
  movers.sort((a, b) => b.score - a.score);
  const changes = [...moved, ...movers.slice(0, MOVERS).map((m) => m.text), ...anomalies, ...added];
  if (changes.length === 0) changes.push(t("digestNothingMoved"));
  return {
    changesTitle: t("digestChanges", { date: formatDayLong(previous.day, lang) }),
    changes,
  };
}

/**
 * The anomaly of `e`'s latest complete period, in the dashboard summary's words with good or bad
 * news for the KPI's direction, when that period is newer than the one the last review had
 * (`before`, null when it had none): an anomaly already reported is not new.
 */
function newAnomaly(e: ObjectiveEval, before: number | null, lang: Lang): string | null {
  const a = e.anomaly;
  if (!a?.flag || (before !== null && a.start <= before)) return null;
  const sentence = anomalySentence(e, lang);
  if (sentence === null) return null;
  const good = anomalyIsGood(a.flag, e.objective.direction);
  return messages.t(lang, "digestAnomaly", {
    sentence,
    news: messages.t(lang, good ? "digestGoodNews" : "digestBadNews"),
  });
}
