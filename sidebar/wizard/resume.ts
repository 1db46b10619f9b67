/**
 * The objective in progress, kept in the user's properties (saveWizardDraft) as the user writes
 * it, and offered again when the sidebar reopens: Resume returns to the step it was left on,
 * Start afresh forgets it.
 */
import type { WizardContext } from "../../src/contract/wizard.ts";
import type { App } from "../app.ts";
import { h, replace } from "../dom.ts";
import { type Draft, newDraft, type StepIndex } from "../draft.ts";
import { type UiKey, ui } from "../messages.ts";
import { call, messageOf } from "../rpc.ts";

/** Bumped when the draft's shape changes so much that an old one cannot be resumed. */
const VERSION = 1;

export interface KeptDraft {
  readonly step: StepIndex;
  readonly draft: Draft;
}

/** The text kept for a draft on a step. */
export function keptText(draft: Draft, step: StepIndex): string {
  return JSON.stringify({ v: VERSION, step, draft });
}

/**
 * The kept draft, or null when there is none or it cannot be read. Only fields of a fresh draft's
 * type are taken, so a draft kept by another version of the add-on resumes what it can.
 */
export function keptDraft(ctx: WizardContext): KeptDraft | null {
  if (!ctx.savedDraft) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.savedDraft);
  } catch {
    return null;
  }
  const { v, step, draft } = (parsed ?? {}) as { v?: unknown; step?: unknown; draft?: unknown };
  if (v !== VERSION || typeof draft !== "object" || draft === null) return null;
  if (typeof step !== "number" || !Number.isInteger(step) || step < 0 || step > 5) return null;
  const fresh = newDraft(ctx);
  const out: Record<string, unknown> = { ...fresh };
  for (const [key, value] of Object.entries(draft)) {
    if (!(key in fresh)) continue;
    const expected = (fresh as unknown as Record<string, unknown>)[key];
    const sameKind =
      typeof value === typeof expected &&
      Array.isArray(value) === Array.isArray(expected) &&
      (value === null) === (expected === null);
    if (sameKind || (expected === null && (typeof value === "string" || value === null))) {
      out[key] = value;
    }
  }
  // A kept draft is always a new objective: an edit is saved in the tab, not here.
  return {
    step: step as StepIndex,
    draft: { ...(out as unknown as Draft), id: null, version: null },
  };
}

const STEP_KEYS: Record<StepIndex, UiKey> = {
  0: "stepSpecific",
  1: "stepMeasurable",
  2: "stepAchievable",
  3: "stepRelevant",
  4: "stepTimeBound",
  5: "reviewStep",
};

/** Forgets the kept draft, on the server and in the context the sidebar holds. */
export function forgetDraft(ctx: WizardContext): void {
  ctx.savedDraft = null;
  call("clearWizardDraft").catch((error: unknown) =>
    console.warn(`KPI Pilot: the draft was not cleared: ${messageOf(error)}`),
  );
}

/** Offers the kept draft: Resume (its step) or Start afresh (a new draft on the active tab). */
export function renderResume(
  app: App,
  ctx: WizardContext,
  kept: KeptDraft,
  start: (draft: Draft, step: StepIndex | null) => void,
): void {
  const { shell } = app;
  const t = (key: UiKey, params?: Record<string, string | number>) => ui.t(ctx.lang, key, params);
  replace(
    shell.top,
    h("h1", { class: "step-title", tabindex: "-1", id: "resume-title" }, t("resumeTitle")),
  );
  replace(
    shell.content,
    h(
      "div",
      { class: "banner", role: "status", "data-testid": "wizard-resume-offer" },
      h(
        "p",
        {},
        t("resumeText", {
          name: kept.draft.name.trim() || t("resumeUnnamed"),
          step: t(STEP_KEYS[kept.step]),
        }),
      ),
    ),
  );
  replace(
    shell.actions,
    h(
      "button",
      {
        type: "button",
        class: "button secondary",
        "data-testid": "wizard-discard",
        onclick: () => {
          forgetDraft(ctx);
          start(newDraft(ctx), null);
        },
      },
      t("resumeDiscard"),
    ),
    h(
      "button",
      {
        type: "button",
        class: "button primary",
        "data-testid": "wizard-resume",
        onclick: () => start(kept.draft, kept.step),
      },
      t("resumeButton"),
    ),
  );
  document.getElementById("resume-title")?.focus();
  shell.announce(t("resumeTitle"));
}
