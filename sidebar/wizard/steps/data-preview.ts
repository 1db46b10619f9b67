/**
 * The preview card of the Measurable step: what the KPI gives on the chosen columns (the baseline
 * period's value, a bar chart of the recent periods, the total), redrawn as the preview arrives.
 */

import { isBigQuerySource } from "../../../src/contract/rules/bigquery-source.ts";
import type { Preview, WizardKpi } from "../../../src/contract/wizard.ts";
import { h, replace, spinner } from "../../dom.ts";
import { findKpi } from "../../draft.ts";
import { formatPeriodShort, formatShortDate, formatValue } from "../../format.ts";
import { keyOf } from "../../loader.ts";
import { byFrequency, periodName } from "../period-wording.ts";
import type { WizardState } from "../state.ts";

export function previewCard(state: WizardState): HTMLElement {
  const { ctx, draft, t } = state;
  const card = h("section", {
    class: "preview",
    "aria-labelledby": "preview-title",
    "data-testid": "wizard-preview",
  });
  const renderCard = () => {
    const kpi = findKpi(ctx, draft.kpiId);
    const { loader, request } = state.previewInForce();
    // What the loader says is about these choices (a BigQuery preview may be of earlier ones).
    const status = request && loader.key === keyOf(request) ? loader.status : "idle";
    const title = h(
      "h2",
      { class: "section-title", id: "preview-title" },
      t("previewTitle"),
      status === "loading" ? spinner() : null,
    );
    const body = h("div", { class: "preview-body", "aria-live": "polite" });
    const usable = state.currentPreview();
    if (!kpi || !request) {
      body.append(h("p", { class: "muted" }, t("previewNeedsMapping")));
    } else if (status === "error") {
      body.append(h("p", { class: "error-text", role: "alert" }, loader.error));
    } else if (!usable) {
      const bigQueryNotRun = status === "idle" && isBigQuerySource(draft.sourceSheet);
      body.append(
        h(
          "p",
          { class: "muted" },
          t(
            bigQueryNotRun
              ? loader.dataKey
                ? "bqPreviewStale"
                : "bqPreviewNotRun"
              : "previewLoading",
          ),
        ),
      );
    } else {
      appendPreview(state, body, usable, kpi.unit);
    }
    card.dataset.state = status;
    replace(card, title, body);
  };
  state.addLive(renderCard);
  return card;
}

function appendPreview(
  state: WizardState,
  body: HTMLElement,
  data: Preview,
  unit: WizardKpi["unit"],
): void {
  const { t, lang } = state;
  const colon = t("colon");
  const values = data.recent.filter((p) => p.value !== null);
  if (values.length === 0 && data.total === null) {
    body.append(h("p", { class: "muted" }, t("previewEmpty")));
    return;
  }
  if (data.baseline) {
    body.append(
      h(
        "p",
        { class: "preview-value", "data-testid": "wizard-preview-value" },
        formatValue(data.baseline.value, unit, lang),
      ),
      h("p", { class: "preview-caption" }, periodName(state, data.baseline.start)),
    );
  }
  if (data.recent.length > 1) body.append(sparkBars(state, data, unit));
  const facts = h("ul", { class: "facts" });
  if (data.current && data.current.start !== data.baseline?.start) {
    const which = t(
      byFrequency(state.draft.frequency, data.current.complete ? "latest" : "current"),
    );
    facts.append(
      h(
        "li",
        {},
        `${which} (${periodName(state, data.current.start)})${colon}`,
        h("strong", {}, formatValue(data.current.value, unit, lang)),
      ),
    );
  }
  // A BigQuery preview counts no rows (what its query read is told above it).
  facts.append(
    data.scan
      ? ""
      : h(
          "li",
          {},
          `${t("previewTotal", { rows: formatValue(data.rows, "count", lang) })}${colon}`,
          h(
            "strong",
            { "data-testid": "wizard-preview-total" },
            formatValue(data.total, unit, lang),
          ),
        ),
  );
  if (data.firstDate && data.lastDate) {
    facts.append(
      h(
        "li",
        { class: "muted" },
        t("previewRange", {
          first: formatShortDate(data.firstDate, lang),
          last: formatShortDate(data.lastDate, lang),
        }),
      ),
    );
  }
  // What was left out of the count, and why: the numbers above are over the rest.
  const { totals, undated, filtered } = data.leftOut;
  if (totals > 0 || undated > 0 || filtered > 0) {
    const column = state.draft.filterColumn;
    const parts = [
      filtered > 0
        ? t(filtered === 1 ? "leftOutFilteredOne" : "leftOutFiltered", { n: filtered, column })
        : "",
      totals > 0 ? t(totals === 1 ? "leftOutTotalsOne" : "leftOutTotals", { n: totals }) : "",
      undated > 0 ? t(undated === 1 ? "leftOutUndatedOne" : "leftOutUndated", { n: undated }) : "",
    ].filter((p) => p !== "");
    facts.append(
      h(
        "li",
        { class: "muted", "data-testid": "wizard-preview-left-out" },
        `${t("leftOutTitle")}${colon}${parts.join(", ")}`,
      ),
    );
  }
  if (data.headerRow > 1) {
    facts.append(
      h(
        "li",
        { class: "muted", "data-testid": "wizard-preview-header-row" },
        t("headerRow", { row: data.headerRow }),
      ),
    );
  }
  body.append(facts);
}

/** A tiny bar chart of the recent periods, drawn with plain elements. */
function sparkBars(state: WizardState, data: Preview, unit: WizardKpi["unit"]): HTMLElement {
  const { t, lang } = state;
  const frequency = state.draft.frequency;
  const points = data.recent;
  // Scaled between the lowest and highest value, like a sparkline: a rate that moves from
  // 2.1% to 2.4% should show its movement, not twelve bars of the same height. The caption says
  // so, since bars not drawn from zero exaggerate the change to anyone who assumes they are.
  const known = points.map((p) => p.value).filter((v): v is number => v !== null);
  const min = Math.min(...known);
  const max = Math.max(...known);
  const height = (v: number | null) =>
    v === null ? 0 : max === min ? 60 : Math.round(15 + (85 * (v - min)) / (max - min));
  const summary = points
    .map((p) => `${periodName(state, p.start)} ${formatValue(p.value, unit, lang)}`)
    .join(", ");
  const period = t(byFrequency(frequency, "period"));
  const bars = h(
    "div",
    {
      class: "bars",
      role: "img",
      "aria-label": `${t("previewChart", { period, n: points.length })}: ${summary}`,
    },
    ...points.map((p) =>
      h("span", {
        class: `bar${p.complete ? "" : " partial"}${p.start === data.baseline?.start ? " base" : ""}`,
        style: `height:${height(p.value)}%`,
        title: `${periodName(state, p.start)}: ${formatValue(p.value, unit, lang)}`,
      }),
    ),
  );
  const first = points[0];
  const last = points[points.length - 1];
  return h(
    "div",
    { class: "chart" },
    bars,
    h(
      "div",
      { class: "chart-axis", "aria-hidden": "true" },
      h("span", {}, first ? formatPeriodShort(first.start, frequency, lang) : ""),
      h("span", {}, last ? formatPeriodShort(last.start, frequency, lang) : ""),
    ),
    known.length > 1 && max !== min
      ? h(
          "p",
          { class: "chart-scale muted", "data-testid": "wizard-preview-scale" },
          t("previewScale", {
            min: formatValue(min, unit, lang),
            max: formatValue(max, unit, lang),
          }),
        )
      : false,
  );
}
