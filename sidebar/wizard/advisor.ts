/**
 * The advisor, before step S of a new objective: the user says what they want to improve (a
 * business goal) and through which channel; the server's advice ranks the KPIs that measure it,
 * each with why, which of the user's tabs can measure it, and a plain warning for a tab that
 * lacks a column it needs. Choosing one starts the SMART steps with that KPI selected; Skip starts
 * them with nothing chosen.
 *
 * Which tab can measure a KPI is read from the header auto-mapping the server already did for
 * each tab (SheetInfo.suggestions): no second matching rule here.
 */
import {
  CHANNELS,
  type Channel,
  channelLabel,
  GOALS,
  type Goal,
  goalLabel,
} from "../../src/contract/advisor.ts";
import type { SheetInfo, WizardContext, WizardKpi } from "../../src/contract/wizard.ts";
import { h, replace } from "../dom.ts";
import { findKpi } from "../draft.ts";
import type { WizardState } from "./state.ts";

/** What a tab lacks to measure a KPI: the labels of its required inputs with no column. */
export function missingInputs(sheet: SheetInfo, kpi: WizardKpi): string[] {
  return kpi.inputs
    .filter((i) => !i.optional && (sheet.suggestions[kpi.id]?.[i.name]?.columns.length ?? 0) === 0)
    .map((i) => i.label);
}

/** The tabs with dates that can measure `kpi`, and what each of the others lacks. */
export function tabsFor(
  ctx: WizardContext,
  kpi: WizardKpi,
): { measurable: string[]; lacking: { sheet: string; inputs: string[] }[] } {
  const measurable: string[] = [];
  const lacking: { sheet: string; inputs: string[] }[] = [];
  for (const sheet of ctx.sheets) {
    if (sheet.dateColumns.length === 0) continue;
    const inputs = missingInputs(sheet, kpi);
    if (inputs.length === 0) measurable.push(sheet.name);
    else lacking.push({ sheet: sheet.name, inputs });
  }
  return { measurable, lacking };
}

/** A list read aloud: "A, B or C", « A, B ou C ». */
function orList(items: readonly string[], or: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${or} ${items[items.length - 1]}`;
}

export interface AdvisorActions {
  choose(kpiId: string): void;
  skip(): void;
}

export function renderAdvisor(state: WizardState, actions: AdvisorActions): void {
  const { ctx, draft, t, lang } = state;
  const { shell } = state.app;

  replace(
    shell.top,
    h("h1", { class: "step-title", tabindex: "-1", id: "step-title" }, t("advisorTitle")),
    h("p", { class: "step-intro" }, t("advisorIntro")),
  );

  const choiceGroup = <T extends string>(
    id: string,
    legend: string,
    values: readonly T[],
    chosen: T | null,
    label: (v: T) => string,
    attrs: (v: T) => Record<string, string>,
    pick: (v: T) => void,
  ) =>
    h(
      "div",
      { class: "field", role: "group", "aria-labelledby": id },
      h("p", { class: "field-label", id }, legend),
      h(
        "div",
        { class: "choice-grid" },
        ...values.map((v) =>
          h(
            "button",
            {
              type: "button",
              class: v === chosen ? "choice chosen" : "choice",
              "aria-pressed": String(v === chosen),
              "data-key": `${id}-${v}`,
              ...attrs(v),
              onclick: () => {
                pick(v);
                state.render();
              },
            },
            label(v),
          ),
        ),
      ),
    );

  const goals = choiceGroup<Goal>(
    "advisor-goals",
    t("advisorGoalLegend"),
    GOALS,
    draft.advisorGoal,
    (g) => goalLabel(g, lang),
    (g) => ({ "data-testid": "advisor-goal", "data-goal": g }),
    (g) => {
      draft.advisorGoal = g;
    },
  );
  const channels = choiceGroup<Channel>(
    "advisor-channels",
    t("advisorChannelLegend"),
    CHANNELS,
    draft.advisorChannel,
    (c) => channelLabel(c, lang),
    (c) => ({ "data-testid": "advisor-channel", "data-channel": c }),
    (c) => {
      draft.advisorChannel = c;
    },
  );

  const body = h("section", { "aria-labelledby": "advisor-suggestions", "aria-live": "polite" });
  const { advisorGoal: goal, advisorChannel: channel } = draft;
  if (!goal || !channel) {
    body.append(h("p", { class: "muted", id: "advisor-suggestions" }, t("advisorChooseBoth")));
  } else {
    const withDates = ctx.sheets.some((s) => s.dateColumns.length > 0);
    body.append(
      h("h2", { class: "section-title", id: "advisor-suggestions" }, t("advisorSuggestions")),
      h("p", { class: "field-help" }, t("advisorPickHint")),
      h(
        "ol",
        { class: "suggestions" },
        ...ctx.advice[goal][channel].map((s) => {
          const kpi = findKpi(ctx, s.kpiId);
          if (!kpi) return null;
          const { measurable, lacking } = tabsFor(ctx, kpi);
          const notes: HTMLElement[] = [];
          if (!withDates) notes.push(h("span", { class: "suggestion-warn" }, t("advisorNoTab")));
          if (measurable.length > 0) {
            notes.push(
              h(
                "span",
                { class: "suggestion-ok", "data-testid": "advisor-measurable" },
                t("advisorMeasurable", {
                  tabs: orList(
                    measurable.map((m) => (lang === "fr" ? `«\u00a0${m}\u00a0»` : `“${m}”`)),
                    t("advisorOr"),
                  ),
                }),
              ),
            );
          }
          for (const l of lacking) {
            notes.push(
              h(
                "span",
                { class: "suggestion-warn", "data-testid": "advisor-missing" },
                t("advisorMissing", {
                  inputs: orList(l.inputs, t("advisorOr")),
                  sheet: l.sheet,
                  kpi: kpi.phrase,
                }),
              ),
            );
          }
          return h(
            "li",
            {},
            h(
              "button",
              {
                type: "button",
                class: "suggestion",
                "data-testid": "advisor-kpi",
                "data-kpi": kpi.id,
                "data-key": `advisor-kpi-${kpi.id}`,
                onclick: () => actions.choose(kpi.id),
              },
              h("span", { class: "suggestion-name" }, kpi.name),
              h("span", { class: "suggestion-reason", "data-testid": "advisor-reason" }, s.reason),
              ...notes,
            ),
          );
        }),
      ),
    );
  }

  const fragment = h("div", { class: "advisor" }, goals, channels, body);
  replace(shell.content, fragment);
  replace(
    shell.actions,
    h("span", {}),
    h(
      "button",
      {
        type: "button",
        class: "button secondary",
        "data-testid": "advisor-skip",
        "data-key": "advisor-skip",
        onclick: () => actions.skip(),
      },
      t("advisorSkip"),
    ),
  );
}
