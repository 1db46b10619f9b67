/** Step R, Relevant: the business goal the objective serves, and who owns it. */
import { h } from "../../dom.ts";
import { field, textInput } from "../../fields.ts";
import type { WizardState } from "../state.ts";

export function renderRelevantStep(state: WizardState): DocumentFragment {
  const { draft, form, t } = state;
  const goal = h("textarea", {
    class: "input",
    rows: 3,
    "data-testid": "wizard-goal",
    "data-key": "goal",
    maxlength: 1000,
    placeholder: t("goalPlaceholder"),
    oninput: (e: Event) => {
      draft.goal = (e.target as HTMLTextAreaElement).value;
      state.recheck("goal");
    },
  });
  goal.value = draft.goal;
  const owner = textInput({
    "data-testid": "wizard-owner",
    "data-key": "owner",
    value: draft.owner,
    placeholder: t("ownerPlaceholder"),
    maxlength: 200,
    autocomplete: "name",
    oninput: (e: Event) => {
      draft.owner = (e.target as HTMLInputElement).value;
      state.recheck("owner");
    },
  });
  const fragment = document.createDocumentFragment();
  fragment.append(
    field(form, "goal", goal, { label: t("goalLabel"), optional: t("optional") }),
    field(form, "owner", owner, { label: t("ownerLabel") }),
  );
  return fragment;
}
