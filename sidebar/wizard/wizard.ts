/**
 * The SMART wizard: five steps and a review, then Create. Its state (state.ts) holds the draft;
 * each structural change re-renders the step (keeping focus on the same control), while typing
 * only updates the draft and the live parts (preview, baseline help, realism check).
 *
 * This module owns the screen and the moves between steps: Next validates the step on screen,
 * Back leaves or returns, Create validates everything and saves. Each step renders itself from
 * steps/.
 */

import { channelLabel } from "../../src/contract/advisor.ts";
import type { Objective } from "../../src/contract/objectives.ts";
import type { WizardContext } from "../../src/contract/wizard.ts";
import type { App } from "../app.ts";
import { h, replace, spinner } from "../dom.ts";
import {
  type Draft,
  firstInvalidStep,
  REVIEW,
  type StepIndex,
  selectKpi,
  toObjectiveInput,
  validateStep,
} from "../draft.ts";
import { call, messageOf } from "../rpc.ts";
import { renderAdvisor } from "./advisor.ts";
import { renderDone } from "./done.ts";
import { renderStepActions, renderStepHeader, stepAnnouncement } from "./navigation.ts";
import { forgetDraft } from "./resume.ts";
import { WizardState } from "./state.ts";
import { renderAchievableStep } from "./steps/achievable.ts";
import { renderMeasurableStep } from "./steps/measurable.ts";
import { renderRelevantStep } from "./steps/relevant.ts";
import { renderReviewStep } from "./steps/review.ts";
import { renderSpecificStep } from "./steps/specific.ts";
import { renderTimeBoundStep } from "./steps/time-bound.ts";

/** The wizard on screen, for the one focus listener of the page. */
let onScreen: WizardState | null = null;
let listening = false;

/** `resumeAt`: the step a kept draft was left on; the advisor opens a new objective otherwise. */
export function renderWizard(
  app: App,
  ctx: WizardContext,
  draft: Draft,
  resumeAt: StepIndex | null = null,
): void {
  const { shell } = app;
  const state = new WizardState(app, ctx, draft, () => render());
  if (resumeAt !== null) {
    state.step = resumeAt;
    state.advising = false;
  }
  const { t, editing } = state;

  const stepRenderers: Record<StepIndex, () => DocumentFragment> = {
    0: () => renderSpecificStep(state),
    1: () => renderMeasurableStep(state),
    2: () => renderAchievableStep(state),
    3: () => renderRelevantStep(state),
    4: () => renderTimeBoundStep(state),
    5: () => renderReviewStep(state, editStep),
  };

  function render(): void {
    const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.key;
    state.startScreen();
    if (state.advising) renderAdvisor(state, { choose, skip: leaveAdvisor });
    else {
      renderStepHeader(state);
      replace(shell.content, renderStepForm());
      renderActions();
    }
    if (focusedKey) {
      const again = shell.content.querySelector<HTMLElement>(
        `[data-key="${CSS.escape(focusedKey)}"]`,
      );
      again?.focus();
    }
    state.notify();
  }

  /**
   * The advisor's choice: step S with that KPI, on the tab the wizard started on. The advisor says
   * which tabs can measure it; the wizard never moves to one of them behind the user's back.
   */
  function choose(kpiId: string): void {
    selectKpi(ctx, draft, kpiId);
    if (draft.advisorChannel && draft.channel.trim() === "") {
      draft.channel = channelLabel(draft.advisorChannel, ctx.lang);
    }
    leaveAdvisor();
  }

  function leaveAdvisor(): void {
    state.advising = false;
    goTo(0);
  }

  function renderActions(): void {
    renderStepActions(state, goBack);
  }

  /** The step inside the form that Next and Create submit, below the server's error if any. */
  function renderStepForm(): HTMLElement {
    const body = stepRenderers[state.step]();
    return h(
      "form",
      {
        id: "wizard-form",
        class: "wizard-form",
        novalidate: true,
        "aria-labelledby": "step-title",
        onsubmit: (event: Event) => {
          event.preventDefault();
          if (state.step === REVIEW) void create();
          else void next();
        },
      },
      state.serverError
        ? h(
            "div",
            { class: "banner error", role: "alert", tabindex: "-1", "data-testid": "wizard-error" },
            h("p", {}, state.serverError),
          )
        : null,
      body,
    );
  }

  function focusFirstField(): void {
    const target =
      state.step === REVIEW
        ? document.getElementById("step-title")
        : shell.content.querySelector<HTMLElement>(
            state.advising ? "button" : "input, select, textarea",
          );
    target?.focus();
  }

  /** A review "Change" link: opens the step, and Next will come back to the review. */
  function editStep(to: StepIndex): void {
    state.step = to;
    state.backToReview = true;
    state.serverError = null;
    render();
    if (to === 1) state.refreshSheets();
    focusFirstField();
    state.refreshPreview();
  }

  function goTo(to: StepIndex): void {
    state.step = to;
    state.serverError = null;
    render();
    if (to === 1) state.refreshSheets();
    focusFirstField();
    shell.announce(stepAnnouncement(state, to));
    state.refreshPreview();
  }

  async function next(): Promise<void> {
    const preview = state.previewInForce().loader;
    if ((state.step === 2 || state.step === 4) && preview.status === "loading") {
      // The baseline may still be on its way: say so on the button while waiting for it.
      const button = shell.actions.querySelector<HTMLButtonElement>("[data-testid=wizard-next]");
      if (button) {
        button.disabled = true;
        button.setAttribute("aria-busy", "true");
        button.prepend(spinner());
      }
      await preview.settled();
      renderActions();
    }
    // Read again after the wait: the step on screen is the one to validate.
    const errors = validateStep(ctx, draft, state.step, state.computedBaseline());
    const invalid = state.form.showErrors(errors);
    if (invalid) {
      invalid.focus();
      shell.announce(t("errFixAbove"));
      return;
    }
    if (state.backToReview) {
      const bad = firstInvalidStep(ctx, draft, state.computedBaseline());
      goTo(bad === null ? REVIEW : bad);
      if (bad !== null) {
        state.form.showErrors(validateStep(ctx, draft, bad, state.computedBaseline()));
      }
      return;
    }
    goTo((state.step + 1) as StepIndex);
  }

  function goBack(): void {
    const { step } = state;
    if (state.saving) return;
    if (editing && (step === 0 || (step === REVIEW && !state.backToReview))) {
      app.showList();
      return;
    }
    if (step === 0) {
      state.advising = true;
      state.serverError = null;
      render();
      focusFirstField();
      shell.announce(t("advisorTitle"));
      return;
    }
    if (state.backToReview) {
      goTo(REVIEW);
      return;
    }
    goTo((step - 1) as StepIndex);
  }

  async function create(): Promise<void> {
    // The button is disabled at once, and this flag stops a second submit that slipped through.
    if (state.saving) return;
    state.saving = true;
    state.serverError = null;
    renderActions();
    try {
      await state.previewInForce().loader.settled();
      const bad = firstInvalidStep(ctx, draft, state.computedBaseline());
      if (bad !== null) {
        state.saving = false;
        goTo(bad);
        state.form.showErrors(validateStep(ctx, draft, bad, state.computedBaseline()));
        return;
      }
      const input = toObjectiveInput(ctx, draft, state.computedBaseline());
      const saved = await call<Objective | null>("saveObjective", input);
      state.saving = false;
      state.stopKeeping();
      if (!editing) forgetDraft(ctx);
      renderDone(app, ctx, saved?.name ?? input.name, editing);
    } catch (error) {
      state.saving = false;
      state.serverError = messageOf(error);
      render();
      shell.content.querySelector<HTMLElement>("[data-testid=wizard-error]")?.focus();
    }
  }

  onScreen = state;
  if (!listening) {
    listening = true;
    // Back in the sidebar after working in the sheet: a tab may have been imported meanwhile.
    window.addEventListener("focus", () => {
      if (onScreen?.onMeasurableStep()) onScreen.refreshSheets();
    });
  }
  render();
  if (editing || resumeAt !== null) state.refreshPreview();
  focusFirstField();
}
