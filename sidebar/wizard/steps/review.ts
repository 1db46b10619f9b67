/**
 * The review: the objective as one sentence, the realism warning if any, and a summary of every
 * choice with a "Change" link back to its step; for a BigQuery source, what its first build will
 * read with the dates chosen since step M (the start date moves the range).
 */
import { isBigQuerySource } from "../../../src/contract/rules/bigquery-source.ts";
import { h } from "../../dom.ts";
import { findKpi, reviewSentence, type StepIndex, toObjectiveInput } from "../../draft.ts";
import { formatShortDate, formatValue } from "../../format.ts";
import { realismSummary } from "../realism.ts";
import type { WizardState } from "../state.ts";

/** What the first build of a BigQuery objective reads, as planned for the choices on review. */
function bigQueryScanNote(state: WizardState): HTMLElement {
  const note = h("p", { class: "hint", "data-testid": "review-bq-scan" });
  const draw = () => {
    const scan = state.currentBigQueryScan();
    const loader = state.bigQueryScan;
    note.textContent = scan
      ? scan.text
      : loader.status === "error"
        ? loader.error
        : state.t("previewLoading");
  };
  state.addLive(draw);
  draw();
  state.refreshBigQueryScan();
  return note;
}

/** `editStep` opens a step from a "Change" link, so that Next comes back here. */
export function renderReviewStep(
  state: WizardState,
  editStep: (to: StepIndex) => void,
): DocumentFragment {
  const { ctx, draft, t, lang } = state;
  const fragment = document.createDocumentFragment();
  const kpi = findKpi(ctx, draft.kpiId);
  const input = toObjectiveInput(ctx, draft, state.computedBaseline());
  const sentence = h("p", { class: "sentence", "data-testid": "wizard-sentence" });
  const renderSentence = () => {
    const current = toObjectiveInput(ctx, draft, state.computedBaseline());
    sentence.textContent = reviewSentence(ctx, current, lang);
  };
  state.addLive(renderSentence);
  const row = (key: string, label: string, value: string | readonly string[], to: StepIndex) =>
    h(
      "div",
      { class: "summary-row" },
      h("dt", {}, label),
      h(
        "dd",
        {},
        typeof value === "string"
          ? h("span", {}, value)
          : h("span", {}, ...value.flatMap((line, i) => (i > 0 ? [h("br"), line] : [line]))),
        h(
          "button",
          {
            type: "button",
            class: "link-button",
            "data-key": `change:${key}`,
            "data-testid": `review-change-${key}`,
            "aria-label": t("reviewEditLabel", { what: label }),
            disabled: state.saving,
            onclick: () => editStep(to),
          },
          t("reviewEdit"),
        ),
      ),
    );
  const colon = t("colon");
  const columns = kpi
    ? kpi.inputs
        .filter((i) => input.inputs[i.name])
        .map((i) => `${i.label}${colon}${(input.inputs[i.name] ?? []).join(" + ")}`)
    : [];
  const unit = kpi?.unit ?? "count";
  const frequencyLabel = t(draft.frequency);
  fragment.append(
    h("div", { class: "sentence-card" }, sentence),
    realismSummary(state),
    isBigQuerySource(draft.sourceSheet) ? bigQueryScanNote(state) : "",
    h(
      "dl",
      { class: "summary" },
      row("name", t("nameLabel"), input.name, 0),
      row("kpi", t("reviewKpi"), kpi?.name ?? input.kpiId, 0),
      input.channel ? row("channel", t("reviewChannel"), input.channel, 0) : null,
      row("data", t("reviewData"), `${input.sourceSheet} · ${input.dateColumn}`, 1),
      row("columns", t("reviewColumns"), columns, 1),
      input.filter
        ? row(
            "filter",
            t("reviewFilter"),
            t("filterShown", {
              column: input.filter.column,
              values: input.filter.values.join(", "),
            }),
            1,
          )
        : null,
      row(
        "values",
        `${t("baselineLabel")} → ${t("targetLabel")}`,
        `${formatValue(input.baseline, unit, lang)} → ${formatValue(input.target, unit, lang)}`,
        2,
      ),
      row("owner", t("ownerLabel"), input.owner, 3),
      input.businessGoal ? row("goal", t("reviewGoal"), input.businessGoal, 3) : null,
      row(
        "dates",
        t("reviewDates"),
        `${formatShortDate(input.startDate, lang)} → ${formatShortDate(input.deadline, lang)} · ${frequencyLabel}`,
        4,
      ),
    ),
  );
  return fragment;
}
