/**
 * Where the baseline and the target sit against the market, beside the realism check of the
 * Achievable step: the shipped benchmarks for the KPI (on the advisor's channel when one was
 * chosen and has figures, else on every channel), each cited with its year and source. It only
 * informs: nothing here is a rule the objective must pass.
 */
import type { Benchmark } from "../../src/contract/advisor.ts";
import { channelLabel } from "../../src/contract/advisor.ts";
import { h, replace } from "../dom.ts";
import { baselineValue, findKpi, targetValue } from "../draft.ts";
import { formatPublishedValue, formatValue } from "../format.ts";
import type { UiKey } from "../messages.ts";
import type { WizardState } from "./state.ts";

/** The all-industries figures for the KPI, on the advisor's channel if it has any. */
export function benchmarksFor(state: WizardState): Benchmark[] {
  const { ctx, draft } = state;
  const all = ctx.benchmarks.filter((b) => b.kpiId === draft.kpiId && b.industry === null);
  const onChannel = all.filter((b) => b.channel === draft.advisorChannel);
  return onChannel.length > 0 ? onChannel : all;
}

function position(value: number, benchmark: number): UiKey {
  // Equal at the precision shown: a rate within a hundredth of a point, money within a cent.
  if (Math.abs(value - benchmark) < 1e-4 * Math.max(1, Math.abs(benchmark))) return "posAt";
  return value > benchmark ? "posAbove" : "posBelow";
}

export function benchmarkBox(state: WizardState): HTMLElement {
  const { ctx, draft, t, lang } = state;
  const box = h("section", {
    class: "benchmark",
    "aria-labelledby": "benchmark-title",
    "data-testid": "wizard-benchmark",
  });
  const redraw = () => {
    const kpi = findKpi(ctx, draft.kpiId);
    if (!kpi) {
      replace(box);
      return;
    }
    const title = h("h2", { class: "section-title", id: "benchmark-title" }, t("benchTitle"));
    const rows = benchmarksFor(state);
    if (rows.length === 0) {
      replace(
        box,
        title,
        h("p", { class: "muted", "data-testid": "wizard-benchmark-none" }, t("benchNone")),
      );
      return;
    }
    const baseline = baselineValue(ctx, draft, state.computedBaseline());
    const target = targetValue(ctx, draft);
    const shown = (v: number) => formatValue(v, kpi.unit, lang);
    const published = (b: Benchmark) => {
      const text = formatPublishedValue(b.value, kpi.unit, lang);
      return b.currency ? `${text}\u00a0${b.currency}` : text;
    };
    const items = rows.map((b) => {
      const sits =
        baseline !== null && target !== null
          ? t("benchSits", {
              baseline: shown(baseline),
              baselinePos: t(position(baseline, b.value)),
              target: shown(target),
              targetPos: t(position(target, b.value)),
            })
          : baseline !== null
            ? t("benchSitsBaseline", {
                baseline: shown(baseline),
                baselinePos: t(position(baseline, b.value)),
              })
            : target !== null
              ? t("benchSitsTarget", {
                  target: shown(target),
                  targetPos: t(position(target, b.value)),
                })
              : null;
      return h(
        "li",
        {
          "data-testid": "wizard-benchmark-row",
          "data-channel": b.channel,
          "data-year": String(b.year),
        },
        h(
          "p",
          { class: "benchmark-line" },
          t("benchLine", {
            channel: channelLabel(b.channel, lang),
            statistic: t(b.statistic === "median" ? "benchMedian" : "benchAverage"),
            value: published(b),
            year: b.year,
            source: b.source,
          }),
        ),
        sits ? h("p", { "data-testid": "wizard-benchmark-sits" }, sits) : null,
        h(
          "p",
          { class: "field-help" },
          t("benchAbout", { sample: b.sample, period: b.period }),
          " ",
          h("a", { href: b.url, target: "_blank", rel: "noopener noreferrer" }, b.url),
        ),
        b.currency
          ? h("p", { class: "field-help" }, t("benchCurrency", { currency: b.currency }))
          : null,
      );
    });
    replace(
      box,
      title,
      h("ul", { class: "benchmark-rows" }, ...items),
      kpi.id === "open_rate"
        ? h("p", { class: "benchmark-mpp", "data-testid": "wizard-benchmark-mpp" }, t("benchMpp"))
        : null,
      h("p", { class: "field-help" }, t("benchInforms")),
    );
  };
  state.addLive(redraw);
  return box;
}
