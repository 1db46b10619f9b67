/**
 * Step M, Measurable: the source tab, its date column, and a column (or several) for each input of
 * the KPI, with how sure the automatic match is; the preview of the data sits below. Or, as the
 * second kind of source, a BigQuery table (./bigquery-source.ts).
 */

import { isBigQuerySource } from "../../../src/contract/rules/bigquery-source.ts";
import { MINUS, ONE_PER_ROW } from "../../../src/contract/rules/input-terms.ts";
import type { WizardKpi } from "../../../src/contract/wizard.ts";
import { h } from "../../dom.ts";
import { findKpi, findSheet, selectSheet } from "../../draft.ts";
import { field, selectInput } from "../../fields.ts";
import type { WizardState } from "../state.ts";
import { renderBigQueryFields, sourceKindField } from "./bigquery-source.ts";
import { previewCard } from "./data-preview.ts";
import { filterField } from "./filter.ts";

export function renderMeasurableStep(state: WizardState): DocumentFragment {
  const { ctx, draft, form, t } = state;
  const fragment = document.createDocumentFragment();
  const bigQuery = isBigQuerySource(draft.sourceSheet);
  fragment.append(sourceKindField(state, bigQuery));
  if (bigQuery) {
    fragment.append(renderBigQueryFields(state));
    return fragment;
  }
  if (ctx.sheets.length === 0) {
    fragment.append(h("div", { class: "banner warn", role: "status" }, h("p", {}, t("noSheets"))));
    return fragment;
  }
  const kpi = findKpi(ctx, draft.kpiId);
  const sheet = findSheet(ctx, draft.sourceSheet);
  const sheetSelect = selectInput(
    {
      "data-testid": "wizard-sheet",
      "data-key": "sheet",
      onchange: (e: Event) => {
        selectSheet(ctx, draft, (e.target as HTMLSelectElement).value);
        state.render();
        state.refreshPreview();
      },
    },
    [
      ...(sheet ? [] : [{ value: "", label: t("chooseSheet") }]),
      ...ctx.sheets.map((s) => ({ value: s.name, label: s.name })),
    ],
    draft.sourceSheet,
  );
  fragment.append(field(form, "sheet", sheetSelect, { label: t("sheetLabel") }));
  // The wizard starts on the active tab; when it cannot, it says why here, and picks no other.
  if (!sheet && draft.sourceSheet === "" && ctx.activeProblem) {
    fragment.append(
      h(
        "div",
        { class: "banner warn", role: "status", "data-testid": "wizard-active-problem" },
        h("p", {}, ctx.activeProblem),
      ),
    );
  }
  if (!sheet) return fragment;

  const headers = sheet.headers;
  const dateSelect = selectInput(
    {
      "data-testid": "wizard-date-column",
      "data-key": "dateColumn",
      onchange: (e: Event) => {
        draft.dateColumn = (e.target as HTMLSelectElement).value;
        state.render();
        state.refreshPreview();
      },
    },
    [
      ...(headers.includes(draft.dateColumn) ? [] : [{ value: "", label: t("chooseColumn") }]),
      // Detected date columns first, then the rest, each header once.
      ...[...sheet.dateColumns, ...headers.filter((x) => !sheet.dateColumns.includes(x))].map(
        (x) => ({ value: x, label: x }),
      ),
    ],
    draft.dateColumn,
  );
  fragment.append(
    field(form, "dateColumn", dateSelect, {
      label: t("dateColumnLabel"),
      help:
        sheet.dateColumns.length === 0
          ? h("span", { class: "warn-text" }, t("noDateColumn"))
          : undefined,
    }),
  );

  if (kpi) {
    const mapping = h(
      "fieldset",
      { class: "mapping" },
      h("legend", { class: "section-title" }, t("mappingLegend")),
    );
    const columns = headers.filter((x) => x !== draft.dateColumn);
    for (const input of kpi.inputs) mapping.append(mappingField(state, input, columns));
    fragment.append(mapping);
  }
  fragment.append(filterField(state, sheet));
  fragment.append(previewCard(state));
  return fragment;
}

/**
 * The column(s) of one KPI input: a select per column (with add and remove buttons for a
 * multi-column input), and a flag saying whether the automatic match is sure, unsure or missing.
 */
function mappingField(
  state: WizardState,
  input: WizardKpi["inputs"][number],
  columns: readonly string[],
): HTMLElement {
  const { ctx, draft, form, t } = state;
  const { shell } = state.app;
  const sheet = findSheet(ctx, draft.sourceSheet);
  const chosen = draft.inputs[input.name] ?? (input.optional ? [] : [""]);
  const suggestion = sheet?.suggestions[draft.kpiId]?.[input.name];
  const options = (current: string, index: number) => [
    { value: "", label: input.optional ? t("notUsed") : t("chooseColumn") },
    // A count may be one per row (a posts export has a row per post and no posts column).
    ...(input.countable && index === 0 ? [{ value: ONE_PER_ROW, label: t("onePerRow") }] : []),
    // A stored column missing from the tab stays visible, so the user sees what to replace.
    ...(current && current !== ONE_PER_ROW && !columns.includes(current)
      ? [{ value: current, label: current }]
      : []),
    ...columns.map((c) => ({ value: c, label: c })),
  ];
  const setTerms = (list: string[]) => {
    draft.inputs[input.name] = list;
    draft.unsure[input.name] = false;
    state.render();
    state.refreshPreview();
  };
  const rows = (chosen.length === 0 ? [""] : chosen).map((term, index) => {
    // A subtracted column (bounces = Sessions − Engaged sessions) shows its sign before it.
    const minus = term.startsWith(MINUS);
    const column = minus ? term.slice(MINUS.length) : term;
    const select = selectInput(
      {
        "data-testid": `wizard-input-${input.name}${index > 0 ? `-${index + 1}` : ""}`,
        "data-key": `input:${input.name}:${index}`,
        "data-minus": minus ? "true" : null,
        "aria-label": index > 0 ? `${input.label} ${minus ? t("minusColumn") : index + 1}` : null,
        onchange: (e: Event) => {
          const list = [...chosen];
          const value = (e.target as HTMLSelectElement).value;
          list[index] = minus ? `${MINUS}${value}` : value;
          setTerms(value === ONE_PER_ROW ? [ONE_PER_ROW] : list);
        },
      },
      options(column, index),
      column,
    );
    const removable = (input.multiColumn && chosen.length > 1) || minus;
    if (!removable) return select;
    const remove = h(
      "button",
      {
        type: "button",
        class: "icon-button",
        "data-key": `remove:${input.name}:${index}`,
        "aria-label": t("removeColumn", { column: column || "—", input: input.label }),
        title: t("removeColumn", { column: column || "—", input: input.label }),
        onclick: () => {
          const list = [...chosen];
          list.splice(index, 1);
          setTerms(list);
        },
      },
      "×",
    );
    return h(
      "div",
      { class: "multi-row" },
      minus ? h("span", { class: "term-sign", "aria-hidden": "true" }, MINUS) : null,
      select,
      remove,
    );
  });
  const first = rows[0] as HTMLElement;
  const control =
    first.tagName === "SELECT" ? first : (first.querySelector("select") as HTMLElement);

  let flag: HTMLElement | null = null;
  const selected = chosen.filter((c) => c !== "");
  if (draft.unsure[input.name] && selected.length > 0) {
    flag = h(
      "div",
      { class: "match partial", "data-testid": `wizard-unsure-${input.name}` },
      h("span", { class: "match-icon", "aria-hidden": "true" }, "?"),
      h(
        "div",
        { class: "match-body" },
        h("p", {}, t("matchPartial", { column: selected.join(", "), input: input.label })),
        h(
          "button",
          {
            type: "button",
            class: "link-button",
            "data-key": `confirm:${input.name}`,
            onclick: () => {
              draft.unsure[input.name] = false;
              state.render();
              shell.content
                .querySelector<HTMLElement>(`[data-key="input:${CSS.escape(input.name)}:0"]`)
                ?.focus();
              shell.announce(t("matchConfirmed"));
            },
          },
          t("confirmMatch"),
        ),
      ),
    );
  } else if (
    suggestion?.confidence === "exact" &&
    selected.length > 0 &&
    selected.join("\n") === suggestion.columns.join("\n")
  ) {
    flag = h(
      "div",
      { class: "match exact" },
      h("span", { class: "match-icon", "aria-hidden": "true" }, "✓"),
      h("span", {}, t("matchExact")),
    );
  } else if (!input.optional && selected.length === 0 && suggestion?.confidence !== "exact") {
    flag = h("div", { class: "match none" }, h("span", {}, t("matchNone")));
  }

  const extra = h("div", { class: "mapping-extra" });
  if (rows.length > 1) for (const row of rows.slice(1)) extra.append(row);
  if (input.multiColumn && selected.length > 0) {
    extra.append(
      h(
        "button",
        {
          type: "button",
          class: "link-button add",
          "data-key": `add:${input.name}`,
          onclick: () => {
            draft.inputs[input.name] = [...chosen, ""];
            state.render();
            const added = shell.content.querySelector<HTMLElement>(
              `[data-key="input:${CSS.escape(input.name)}:${chosen.length}"]`,
            );
            added?.focus();
          },
        },
        `+ ${t("addColumn")}`,
      ),
    );
  }
  const plain = selected.length > 0 && !selected.includes(ONE_PER_ROW);
  if (input.countable && plain) {
    extra.append(
      h(
        "button",
        {
          type: "button",
          class: "link-button add",
          "data-key": `subtract:${input.name}`,
          onclick: () => {
            draft.inputs[input.name] = [...chosen, MINUS];
            state.render();
            shell.content
              .querySelector<HTMLElement>(
                `[data-key="input:${CSS.escape(input.name)}:${chosen.length}"]`,
              )
              ?.focus();
          },
        },
        `${MINUS} ${t("subtractColumn")}`,
      ),
    );
  }
  // What a chosen column is, when it cannot be summed (the server refuses it) or misleads.
  for (const term of selected) {
    const header = term.startsWith(MINUS) ? term.slice(MINUS.length) : term;
    const concern = sheet?.concerns[header];
    if (!concern || (concern === "users" && !input.countable)) continue;
    extra.append(
      h(
        "p",
        {
          class: concern === "users" ? "hint warn-text" : "error-text",
          "data-testid": `wizard-concern-${input.name}`,
        },
        t(`concern_${concern}`, { column: header }),
      ),
    );
  }
  if (flag) extra.append(flag);
  const wrapper = field(form, `input:${input.name}`, control, {
    label: input.label,
    optional: input.optional ? t("optional") : undefined,
    extra,
  });
  // The first select may sit in a row with its remove button: put the row where field() put it.
  if (first !== control) {
    control.replaceWith(first);
    first.prepend(control);
  }
  return wrapper;
}
