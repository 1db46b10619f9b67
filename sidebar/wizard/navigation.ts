/**
 * The frame around a step: at the top the S-M-A-R-T progress, the step's number, title and intro;
 * at the bottom the Back/Cancel and Next/Create buttons (Back on the first step of a new objective
 * returns to the advisor). The wizard decides what they do.
 */
import { h, replace, spinner } from "../dom.ts";
import { REVIEW, type StepIndex } from "../draft.ts";
import type { UiKey } from "../messages.ts";
import type { WizardState } from "./state.ts";

const STEP_KEYS: readonly UiKey[] = [
  "stepSpecific",
  "stepMeasurable",
  "stepAchievable",
  "stepRelevant",
  "stepTimeBound",
];
const INTRO_KEYS: readonly UiKey[] = [
  "introSpecific",
  "introMeasurable",
  "introAchievable",
  "introRelevant",
  "introTimeBound",
  "introReview",
];
const LETTERS = ["S", "M", "A", "R", "T"];

/** What a screen reader hears on arriving at step `to`. */
export function stepAnnouncement(state: WizardState, to: StepIndex): string {
  const { t } = state;
  return to === REVIEW
    ? t("reviewStep")
    : `${t("stepOf", { n: to + 1, total: 5 })}: ${t(STEP_KEYS[to] as UiKey)}`;
}

export function renderStepHeader(state: WizardState): void {
  const { step, t } = state;
  const isReview = step === REVIEW;
  const dots = h(
    "ol",
    { class: "smart", "aria-hidden": "true" },
    ...LETTERS.map((letter, i) =>
      h(
        "li",
        {
          class: i < step ? "done" : i === step ? "current" : "",
          title: t(STEP_KEYS[i] as UiKey),
        },
        letter,
      ),
    ),
  );
  replace(
    state.app.shell.top,
    dots,
    h(
      "p",
      { class: "step-count" },
      isReview ? t("reviewStep") : t("stepOf", { n: step + 1, total: 5 }),
    ),
    h(
      "h1",
      { class: "step-title", tabindex: "-1", id: "step-title" },
      isReview ? t("reviewStep") : t(STEP_KEYS[step] as UiKey),
    ),
    h(
      "p",
      { class: "step-intro" },
      state.editing && step === REVIEW
        ? t("introEdit", { name: state.draft.name })
        : t(INTRO_KEYS[step] as UiKey),
    ),
  );
}

/** The footer buttons; Next and Create submit the step's form, Back calls `goBack`. */
export function renderStepActions(state: WizardState, goBack: () => void): void {
  const { step, saving, editing, t } = state;
  const back = h(
    "button",
    {
      type: "button",
      class: "button secondary",
      "data-testid": "wizard-back",
      "data-key": "back",
      disabled: saving,
      onclick: () => goBack(),
    },
    editing && (step === 0 || (step === REVIEW && !state.backToReview)) ? t("cancel") : t("back"),
  );
  const primary =
    step === REVIEW
      ? h(
          "button",
          {
            type: "submit",
            form: "wizard-form",
            class: "button primary",
            "data-testid": "wizard-create",
            "data-key": "create",
            disabled: saving,
            "aria-busy": saving ? "true" : null,
          },
          saving ? spinner() : null,
          saving ? t(editing ? "saving" : "creating") : t(editing ? "saveChanges" : "create"),
        )
      : h(
          "button",
          {
            type: "submit",
            form: "wizard-form",
            class: "button primary",
            "data-testid": "wizard-next",
            "data-key": "next",
          },
          t("next"),
        );
  replace(state.app.shell.actions, back, primary);
}
