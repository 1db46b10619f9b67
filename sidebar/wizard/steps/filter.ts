/**
 * The Measurable step's filter: which rows of the tab the objective counts. A column of text
 * (campaign, channel) and the values found in it, ticked; a value not listed (a long list, or a
 * stored one no longer in the tab) can be typed. The preview below follows the choice.
 */
import { filterKey } from "../../../src/contract/rules/objective-rules.ts";
import type { SheetInfo } from "../../../src/contract/wizard.ts";
import { h } from "../../dom.ts";
import { field, selectInput, textInput } from "../../fields.ts";
import type { WizardState } from "../state.ts";

export function filterField(state: WizardState, sheet: SheetInfo): HTMLElement {
  const { draft, form, t } = state;
  const changed = () => {
    state.render();
    state.refreshPreview();
  };
  const columns = sheet.filters.map((f) => f.column);
  // A stored filter's column stays visible, so the user sees what to replace.
  if (draft.filterColumn !== "" && !columns.includes(draft.filterColumn)) {
    columns.push(draft.filterColumn);
  }
  const select = selectInput(
    {
      "data-testid": "wizard-filter-column",
      "data-key": "filter",
      onchange: (e: Event) => {
        draft.filterColumn = (e.target as HTMLSelectElement).value;
        draft.filterValues = [];
        changed();
      },
    },
    [{ value: "", label: t("filterAll") }, ...columns.map((c) => ({ value: c, label: c }))],
    draft.filterColumn,
  );
  const extra = h("div", { class: "filter-values" });
  const choice = sheet.filters.find((f) => f.column === draft.filterColumn);
  if (draft.filterColumn !== "") {
    const ticked = new Set(draft.filterValues.map(filterKey));
    const listed = choice?.values ?? [];
    const listedKeys = new Set(listed.map(filterKey));
    // Values chosen but not found in the rows read come first, still ticked.
    const shown = [...draft.filterValues.filter((v) => !listedKeys.has(filterKey(v))), ...listed];
    const group = h("div", {
      class: "filter-list",
      role: "group",
      "aria-label": t("filterValuesLabel", { column: draft.filterColumn }),
    });
    shown.forEach((value, index) => {
      const box = h("input", {
        type: "checkbox",
        value,
        checked: ticked.has(filterKey(value)),
        "data-testid": `wizard-filter-value-${index}`,
        onchange: (e: Event) => {
          const on = (e.target as HTMLInputElement).checked;
          const rest = draft.filterValues.filter((v) => filterKey(v) !== filterKey(value));
          draft.filterValues = on ? [...rest, value] : rest;
          changed();
        },
      });
      group.append(h("label", { class: "filter-value" }, box, ` ${value}`));
    });
    extra.append(group);
    if (!choice || choice.more) {
      const other = textInput({
        "data-testid": "wizard-filter-other",
        "aria-label": t("filterOtherLabel", { column: draft.filterColumn }),
        placeholder: t("filterOtherPlaceholder"),
      });
      const add = () => {
        const value = other.value.trim();
        if (value === "") return;
        const rest = draft.filterValues.filter((v) => filterKey(v) !== filterKey(value));
        draft.filterValues = [...rest, value];
        changed();
      };
      other.addEventListener("keydown", (e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          add();
        }
      });
      extra.append(
        h("p", { class: "field-help" }, t(choice ? "filterMore" : "filterUnlisted")),
        h(
          "div",
          { class: "multi-row" },
          other,
          h(
            "button",
            {
              type: "button",
              class: "link-button add",
              "data-testid": "wizard-filter-add",
              onclick: add,
            },
            `+ ${t("filterAdd")}`,
          ),
        ),
      );
    }
    extra.append(h("p", { class: "field-help" }, t("filterHint", { column: draft.filterColumn })));
  }
  return field(form, "filter", select, {
    label: t("filterLabel"),
    optional: t("optional"),
    extra,
  });
}
