/** Step S, Specific: which KPI, the objective's name, and the channel it is about. */
import { h } from "../../dom.ts";
import { findKpi, selectKpi } from "../../draft.ts";
import { field, selectInput, textInput } from "../../fields.ts";
import type { WizardState } from "../state.ts";

export function renderSpecificStep(state: WizardState): DocumentFragment {
  const { ctx, draft, form, t } = state;
  const kpi = findKpi(ctx, draft.kpiId);
  const select = selectInput(
    {
      "data-testid": "wizard-kpi",
      "data-key": "kpi",
      onchange: (e: Event) => {
        selectKpi(ctx, draft, (e.target as HTMLSelectElement).value);
        state.render();
      },
    },
    [
      { value: "", label: t("kpiPlaceholder") },
      ...ctx.kpis.map((k) => ({ value: k.id, label: k.name })),
    ],
    draft.kpiId,
  );
  for (const option of select.options) {
    const k = findKpi(ctx, option.value);
    if (k) option.title = `${k.definition} ${t("kpiFormula")} ${k.formula}`;
  }
  const about = kpi
    ? h(
        "div",
        { class: "kpi-card", "data-testid": "wizard-kpi-about" },
        h("p", { class: "kpi-definition" }, kpi.definition),
        h(
          "p",
          { class: "kpi-formula" },
          h("span", { class: "muted" }, `${t("kpiFormula")} `),
          kpi.formula,
        ),
      )
    : null;
  const name = textInput({
    "data-testid": "wizard-name",
    "data-key": "name",
    value: draft.name,
    maxlength: 200,
    oninput: (e: Event) => {
      draft.name = (e.target as HTMLInputElement).value;
      draft.nameTouched = draft.name.trim() !== "";
      state.recheck("name");
    },
  });
  const channel = textInput({
    "data-testid": "wizard-channel",
    "data-key": "channel",
    value: draft.channel,
    placeholder: t("channelPlaceholder"),
    maxlength: 200,
    oninput: (e: Event) => {
      draft.channel = (e.target as HTMLInputElement).value;
      state.recheck("channel");
    },
  });
  const fragment = document.createDocumentFragment();
  fragment.append(
    field(form, "kpi", select, { label: t("kpiLabel"), help: about ?? undefined }),
    field(form, "name", name, { label: t("nameLabel") }),
    field(form, "channel", channel, { label: t("channelLabel"), optional: t("optional") }),
  );
  return fragment;
}
