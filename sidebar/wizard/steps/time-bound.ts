/** Step T, Time-bound: start, deadline and how often the KPI is measured. */
import { h } from "../../dom.ts";
import { field, radioGroup } from "../../fields.ts";
import { realismBox } from "../realism.ts";
import type { WizardState } from "../state.ts";

/** The ISO day after `iso`, the earliest deadline the date picker offers; null for a bad day. */
function dayAfter(iso: string): string | null {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return null;
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function renderTimeBoundStep(state: WizardState): DocumentFragment {
  const { draft, form, t } = state;
  const start = h("input", {
    type: "date",
    class: "input",
    "data-testid": "wizard-start",
    "data-key": "start",
    value: draft.startDate,
    required: true,
    onchange: (e: Event) => {
      draft.startDate = (e.target as HTMLInputElement).value;
      deadline.min = dayAfter(draft.startDate) ?? "";
      state.recheck("start");
      state.recheck("deadline");
      state.refreshPreview();
    },
  });
  const deadline = h("input", {
    type: "date",
    class: "input",
    "data-testid": "wizard-deadline",
    "data-key": "deadline",
    value: draft.deadline,
    min: dayAfter(draft.startDate),
    required: true,
    onchange: (e: Event) => {
      draft.deadline = (e.target as HTMLInputElement).value;
      state.recheck("deadline");
      state.refreshPreview();
    },
  });
  // Typing a date key by key fires input events; treat them like changes.
  for (const input of [start, deadline]) {
    input.addEventListener("input", () => input.dispatchEvent(new Event("change")));
  }
  const fragment = document.createDocumentFragment();
  fragment.append(
    field(form, "start", start, { label: t("startLabel") }),
    field(form, "deadline", deadline, { label: t("deadlineLabel") }),
    radioGroup(
      form,
      "frequency",
      t("frequencyLegend"),
      "frequency",
      [
        { value: "weekly", label: t("weekly") },
        { value: "monthly", label: t("monthly") },
        { value: "quarterly", label: t("quarterly") },
      ],
      draft.frequency,
      (value) => {
        draft.frequency =
          value === "weekly" ? "weekly" : value === "quarterly" ? "quarterly" : "monthly";
        // A computed baseline belongs to a period length: recompute it for the new one.
        if (!draft.baselineTouched) draft.baselineText = "";
        state.refreshPreview();
      },
    ),
    realismBox(state, false),
  );
  return fragment;
}
