/**
 * Step A, Achievable: the baseline (computed from the data until the user types one), the target,
 * which direction is better, the live realism check of the target, and where both sit against
 * the market's benchmarks.
 */
import { previewBaselineCheck } from "../../../src/contract/rules/baseline-check.ts";
import type { WizardKpi } from "../../../src/contract/wizard.ts";
import { h, replace } from "../../dom.ts";
import { baselineValue, findKpi, setDirection, targetValue } from "../../draft.ts";
import { field, radioGroup, textInput } from "../../fields.ts";
import { formatValue, toInputText } from "../../format.ts";
import type { UiKey } from "../../messages.ts";
import { benchmarkBox } from "../benchmark.ts";
import { byFrequency, periodName } from "../period-wording.ts";
import { realismBox } from "../realism.ts";
import type { WizardState } from "../state.ts";

/** Typing in a field waits this long before asking the server for a new preview. */
const TYPING_DELAY_MS = 400;

/** The help under the target: how a value of this unit is typed. */
const UNIT_HELP: Record<WizardKpi["unit"], UiKey> = {
  percent: "unitPercent",
  seconds: "unitSeconds",
  currency: "unitCurrency",
  ratio: "unitRatio",
  count: "unitCount",
};

export function renderAchievableStep(state: WizardState): DocumentFragment {
  const { ctx, draft, form, t, lang } = state;
  const fragment = document.createDocumentFragment();
  const kpi = findKpi(ctx, draft.kpiId);
  if (!kpi) return fragment;

  // Durations are typed as "1:35", which a decimal keypad cannot type.
  const valueInput = (key: "baseline" | "target", value: string, onInput: (text: string) => void) =>
    textInput({
      "data-testid": `wizard-${key}`,
      "data-key": key,
      inputmode: kpi.unit === "seconds" ? "text" : "decimal",
      value,
      oninput: (e: Event) => onInput((e.target as HTMLInputElement).value),
    });

  const baseline = valueInput("baseline", draft.baselineText, (text) => {
    draft.baselineText = text;
    draft.baselineTouched = true;
    state.recheck("baseline");
    state.recheck("target");
    state.refreshPreview(TYPING_DELAY_MS);
    renderBaselineHelp();
  });
  const baselineHelp = h("span", {});
  const renderBaselineHelp = () => {
    const computed = state.computedBaseline();
    const usable = state.currentPreview();
    const preview = state.previewInForce().loader;
    if (!draft.baselineTouched && document.activeElement !== baseline) {
      baseline.value = draft.baselineText;
    }
    const parts: Array<Node | string> = [];
    if (!usable && preview.status === "loading") parts.push(t("previewLoading"));
    else if (!usable && preview.status === "error") {
      parts.push(h("span", { class: "error-text" }, preview.error));
    } else if (usable?.baseline && computed !== null) {
      parts.push(
        t(byFrequency(draft.frequency, "baselineComputed"), {
          label: periodName(state, usable.baseline.start),
        }),
      );
      if (draft.baselineTouched && baseline.value !== toInputText(computed, kpi.unit, lang)) {
        parts.push(
          " ",
          h(
            "button",
            {
              type: "button",
              class: "link-button",
              "data-key": "useComputed",
              onclick: () => {
                draft.baselineTouched = false;
                draft.baselineText = toInputText(computed, kpi.unit, lang);
                baseline.value = draft.baselineText;
                state.recheck("baseline");
                state.recheck("target");
                state.refreshPreview();
                renderBaselineHelp();
                baseline.focus();
              },
            },
            t("baselineUseComputed"),
          ),
        );
      }
    } else parts.push(t(byFrequency(draft.frequency, "baselineNone")));
    const warning = baselineWarning();
    if (warning)
      parts.push(h("span", { class: "warn-note", "data-testid": "baseline-warning" }, warning));
    replace(baselineHelp, ...parts);
  };
  /** The dashboard's baseline check, on the preview's periods around the start date. */
  const baselineWarning = (): string | null => {
    const b = baselineValue(ctx, draft, state.computedBaseline());
    const goal = targetValue(ctx, draft);
    const usable = state.currentPreview();
    if (b === null || goal === null || goal === b || !usable) return null;
    const w = previewBaselineCheck(b, goal, usable.recent, draft.startDate);
    if (!w) return null;
    if (w.typical === null) return t("baselineWarnZeroUnchecked");
    const typical = formatValue(w.typical, kpi.unit, lang);
    return w.kind === "zero"
      ? t("baselineWarnZero", { typical })
      : t("baselineWarnFar", { typical });
  };
  state.addLive(renderBaselineHelp);

  const target = valueInput("target", draft.targetText, (text) => {
    draft.targetText = text;
    state.recheck("target");
    state.refreshPreview(TYPING_DELAY_MS);
    renderBaselineHelp();
  });

  fragment.append(
    field(form, "baseline", baseline, { label: t("baselineLabel"), help: baselineHelp }),
    field(form, "target", target, { label: t("targetLabel"), help: t(UNIT_HELP[kpi.unit]) }),
    radioGroup(
      form,
      "direction",
      t("directionLegend"),
      "direction",
      [
        { value: "higher", label: t("directionHigher") },
        { value: "lower", label: t("directionLower") },
      ],
      draft.direction,
      (value) => {
        setDirection(ctx, draft, value === "lower" ? "lower" : "higher");
        state.recheck("target");
        state.refreshPreview();
      },
    ),
    realismBox(state, true),
    benchmarkBox(state),
  );
  // Rates are typed in percent: a "%" inside the field says so at a glance.
  if (kpi.unit === "percent") {
    for (const input of [baseline, target]) {
      const affix = h("div", { class: "affix" });
      input.replaceWith(affix);
      affix.append(input, h("span", { class: "suffix", "aria-hidden": "true" }, "%"));
    }
  }
  return fragment;
}
