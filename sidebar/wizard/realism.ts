/**
 * The realism check of the target, as the Achievable and Time-bound steps show it (a live box
 * that follows every keystroke) and as the review shows it (a banner, only when it warns).
 */
import type { RealismResult, WizardKpi } from "../../src/contract/wizard.ts";
import { h, replace, spinner } from "../dom.ts";
import { findKpi, frequencyAdverb, targetValue } from "../draft.ts";
import { formatDelta, formatLongDate } from "../format.ts";
import { byFrequency } from "./period-wording.ts";
import type { WizardState } from "./state.ts";

/** The parameters of the realism messages for a check's result. */
function realismParams(state: WizardState, r: RealismResult, unit: WizardKpi["unit"]) {
  const { t, lang } = state;
  const frequency = state.draft.frequency;
  const one = t(byFrequency(frequency, "period"));
  return {
    required: formatDelta(r.requiredPerPeriod, unit, lang),
    best: r.bestSeen === null ? "—" : formatDelta(r.bestSeen, unit, lang),
    period: one,
    periods: r.periods === 1 ? one : t(byFrequency(frequency, "periods")),
    n: r.periods,
  };
}

/**
 * The live realism box; `withAssumption` adds the deadline and frequency it assumes, on the step
 * where those are not in view.
 */
export function realismBox(state: WizardState, withAssumption: boolean): HTMLElement {
  const { ctx, draft, t, lang } = state;
  const box = h("section", {
    class: "realism",
    "aria-labelledby": "realism-title",
    "data-testid": "wizard-realism",
  });
  const renderBox = () => {
    const kpi = findKpi(ctx, draft.kpiId);
    const title = h("h2", { class: "section-title", id: "realism-title" }, t("realismTitle"));
    const body = h("div", { "aria-live": "polite" });
    box.className = "realism";
    delete box.dataset.realistic;
    const typed = targetValue(ctx, draft) !== null;
    const r = state.currentRealism();
    if (!kpi || !typed) {
      body.append(h("p", { class: "muted" }, t("realismNeedsTarget")));
    } else if (r) {
      const params = realismParams(state, r, kpi.unit);
      box.dataset.realistic = String(r.realistic);
      if (r.bestSeen === null) {
        body.append(h("p", {}, t("realismNoHistory", params)));
      } else if (r.realistic) {
        box.classList.add("ok");
        body.append(h("p", {}, t("realismOk", params)));
      } else {
        box.classList.add("warn");
        body.append(
          h(
            "p",
            { class: "warn-line" },
            h("span", { class: "warn-icon", "aria-hidden": "true" }, "!"),
            h("span", {}, t("realismWarn", params)),
          ),
        );
      }
    } else if (
      state.previewInForce().loader.status === "loading" ||
      state.realism.status === "loading"
    ) {
      body.append(h("p", { class: "muted" }, spinner(), ` ${t("realismLoading")}`));
    } else if (state.realism.status === "error") {
      body.append(h("p", { class: "error-text" }, state.realism.error));
    } else {
      body.append(h("p", { class: "muted" }, t("realismNoData")));
    }
    if (withAssumption && typed) {
      body.append(
        h(
          "p",
          { class: "field-help" },
          t("realismAssumes", {
            deadline: formatLongDate(draft.deadline, lang),
            frequency: frequencyAdverb(draft.frequency, lang),
          }),
        ),
      );
    }
    replace(box, title, body);
  };
  state.addLive(renderBox);
  return box;
}

/** On the review, the realism check shows only when it warns. */
export function realismSummary(state: WizardState): HTMLElement {
  const box = h("div", {});
  const renderBox = () => {
    const kpi = findKpi(state.ctx, state.draft.kpiId);
    const r = state.currentRealism();
    if (!kpi || !r || r.realistic || r.bestSeen === null) {
      replace(box);
      return;
    }
    replace(
      box,
      h(
        "div",
        { class: "banner warn", role: "status", "data-testid": "wizard-realism-review" },
        h("span", { class: "warn-icon", "aria-hidden": "true" }, "!"),
        h("p", {}, state.t("realismWarn", realismParams(state, r, kpi.unit))),
      ),
    );
  };
  state.addLive(renderBox);
  return box;
}
