/**
 * Step M with a BigQuery source: billing project, dataset, table (or a GA4 export's `events_*`),
 * and for a GA4 export a preset per KPI input; what the first build would scan is told below,
 * and the figures are previewed only when asked, since that runs the build's own billed query.
 */
import {
  BIGQUERY_PREFIX,
  bigQueryNames,
  bigQuerySourceText,
  GA4_DATE_COLUMN,
  GA4_PRESET_CHOICES,
  ga4InputParts,
  ga4InputText,
} from "../../../src/contract/rules/bigquery-source.ts";
import { h } from "../../dom.ts";
import { findKpi, selectSheet } from "../../draft.ts";
import { field, radioGroup, selectInput, textInput } from "../../fields.ts";
import type { WizardState } from "../state.ts";
import { previewCard } from "./data-preview.ts";

const GA4_TABLE = "events_*";

/** The choice between a tab and a BigQuery table; switching clears the source's columns. */
export function sourceKindField(state: WizardState, bigQuery: boolean): HTMLElement {
  const { draft, form, t } = state;
  const group = radioGroup(
    form,
    "sourceKind",
    t("sourceKindLegend"),
    "source-kind",
    [
      { value: "sheet", label: t("sourceKindSheet") },
      { value: "bigquery", label: t("sourceKindBigQuery") },
    ],
    bigQuery ? "bigquery" : "sheet",
    (value) => {
      draft.inputs = {};
      draft.unsure = {};
      draft.filterColumn = "";
      draft.filterValues = [];
      if (value === "bigquery") {
        draft.sourceSheet = `${BIGQUERY_PREFIX}..${GA4_TABLE}`;
        draft.dateColumn = GA4_DATE_COLUMN;
      } else {
        draft.sourceSheet = "";
        draft.dateColumn = "";
        if (state.ctx.defaultSheet) selectSheet(state.ctx, draft, state.ctx.defaultSheet);
      }
      state.render();
      state.refreshBigQueryScan();
      state.refreshPreview();
    },
  );
  for (const radio of group.querySelectorAll<HTMLInputElement>("input[type=radio]")) {
    radio.dataset.testid = `wizard-source-${radio.value}`;
  }
  return group;
}

/** The tables this spreadsheet's objectives already read: one pick fills the three names. */
function knownTables(state: WizardState, ga4: boolean): HTMLElement {
  const { ctx, draft, form, t } = state;
  const names = bigQueryNames(draft.sourceSheet);
  const current = `${names.project}.${names.dataset}.${names.table}`;
  const select = selectInput(
    {
      "data-testid": "wizard-bq-known",
      onchange: (e: Event) => {
        const value = (e.target as HTMLSelectElement).value;
        if (value === "") return;
        const [project = "", dataset = "", ...rest] = value.split(".");
        const table = rest.join(".");
        draft.sourceSheet = bigQuerySourceText(project, dataset, table);
        // A table of the other kind (a GA4 export or one's own) asks for other fields.
        if ((table === GA4_TABLE) !== ga4) {
          draft.dateColumn = table === GA4_TABLE ? GA4_DATE_COLUMN : "";
          draft.inputs = {};
        }
        state.render();
        state.refreshBigQueryScan();
      },
    },
    [
      { value: "", label: t("bqKnownChoose") },
      ...ctx.bigQueryTables.map((name) => ({ value: name, label: name })),
    ],
    ctx.bigQueryTables.includes(current) ? current : "",
  );
  return field(form, "bqKnown", select, { label: t("bqKnownLabel") });
}

export function renderBigQueryFields(state: WizardState): DocumentFragment {
  const { ctx, draft, form, t } = state;
  const fragment = document.createDocumentFragment();
  const names = bigQueryNames(draft.sourceSheet);
  const ga4 = names.table === GA4_TABLE;
  const nameInput = (part: "project" | "dataset" | "table", label: string, key: string) => {
    const input = textInput({
      "data-testid": `wizard-bq-${part}`,
      value: names[part],
      oninput: (e: Event) => {
        const next = { ...names, [part]: (e.target as HTMLInputElement).value };
        draft.sourceSheet = bigQuerySourceText(next.project, next.dataset, next.table);
        names[part] = next[part];
        state.refreshBigQueryScan(600);
      },
      // Only the table decides which fields follow (a GA4 export's presets, or a table's columns);
      // what was chosen for the other kind means nothing to this one.
      onchange: () => {
        const nowGa4 = bigQueryNames(draft.sourceSheet).table === GA4_TABLE;
        if (nowGa4 === ga4) return;
        draft.dateColumn = nowGa4 ? GA4_DATE_COLUMN : "";
        draft.inputs = {};
        state.render();
        state.refreshBigQueryScan();
      },
    });
    return field(form, key, input, { label });
  };
  if (ctx.bigQueryTables.length > 0) fragment.append(knownTables(state, ga4));
  fragment.append(nameInput("project", t("bqProjectLabel"), "sheet"));
  fragment.append(nameInput("dataset", t("bqDatasetLabel"), "bqDataset"));
  fragment.append(
    nameInput("table", t("bqTableLabel"), "bqTable"),
    h("p", { class: "hint" }, t("bqTableHint")),
  );
  if (!ga4) {
    const date = textInput({
      "data-testid": "wizard-date-column",
      value: draft.dateColumn,
      oninput: (e: Event) => {
        draft.dateColumn = (e.target as HTMLInputElement).value;
        state.refreshBigQueryScan(600);
      },
    });
    fragment.append(field(form, "dateColumn", date, { label: t("bqDateColumnLabel") }));
  }
  const kpi = findKpi(ctx, draft.kpiId);
  if (kpi) {
    const mapping = h(
      "fieldset",
      { class: "mapping" },
      h("legend", { class: "section-title" }, t("mappingLegend")),
    );
    for (const input of kpi.inputs) {
      const text = draft.inputs[input.name]?.[0] ?? "";
      const key = `input:${input.name}`;
      if (!ga4) {
        const own = textInput({
          "data-testid": `wizard-input-${input.name}`,
          value: text,
          placeholder: "SUM(column)",
          oninput: (e: Event) => {
            const v = (e.target as HTMLInputElement).value;
            draft.inputs[input.name] = v === "" ? [] : [v];
            state.refreshBigQueryScan(600);
          },
        });
        mapping.append(field(form, key, own, { label: input.label }));
        continue;
      }
      const { preset, events } = ga4InputParts(text);
      const set = (p: string, ev: string) => {
        draft.inputs[input.name] = p === "" ? [] : [ga4InputText(p, ev)];
      };
      const select = selectInput(
        {
          "data-testid": `wizard-input-${input.name}`,
          onchange: (e: Event) => {
            set((e.target as HTMLSelectElement).value, events);
            state.render();
          },
        },
        [
          { value: "", label: input.optional ? t("notUsed") : t("bqChoosePreset") },
          ...GA4_PRESET_CHOICES.map((p) => ({ value: p.id, label: p.label[state.lang] })),
        ],
        preset,
      );
      const chosen = GA4_PRESET_CHOICES.find((p) => p.id === preset);
      const extra = h("div", { class: "mapping-extra" });
      if (chosen?.needsEvents) {
        const id = `bq-events-${input.name}`;
        extra.append(
          h("label", { class: "hint", for: id }, t("bqEventsLabel")),
          textInput({
            id,
            "data-testid": `wizard-events-${input.name}`,
            value: events,
            placeholder: "purchase, generate_lead",
            oninput: (e: Event) => {
              set(preset, (e.target as HTMLInputElement).value);
              state.refreshBigQueryScan(600);
            },
          }),
        );
      }
      mapping.append(
        field(form, key, select, {
          label: input.label,
          optional: input.optional ? t("optional") : undefined,
          extra,
        }),
      );
    }
    fragment.append(mapping);
    fragment.append(bigQueryFilter(state, ga4));
  }
  fragment.append(scanCard(state), previewCard(state));
  return fragment;
}

/** GA4 export fields a marketer filters on most (any field of the row can be typed). */
const GA4_FILTER_FIELDS = [
  "device.category",
  "device.operating_system",
  "geo.country",
  "traffic_source.source",
  "traffic_source.medium",
  "traffic_source.name",
  "platform",
];

/**
 * The rows the objective counts, as for a tab, but typed: a field of the row (nested with a dot)
 * and the values to keep. Nothing lists a field's values here: that would be a query, billed.
 */
function bigQueryFilter(state: WizardState, ga4: boolean): HTMLElement {
  const { draft, form, t } = state;
  const changed = () => {
    state.recheck("filter");
    state.refreshBigQueryScan(600);
  };
  const listId = "bq-filter-fields";
  const column = textInput({
    "data-testid": "wizard-bq-filter-field",
    value: draft.filterColumn,
    placeholder: ga4 ? "device.category" : "channel",
    ...(ga4 ? { list: listId } : {}),
    oninput: (e: Event) => {
      draft.filterColumn = (e.target as HTMLInputElement).value.trim();
      changed();
    },
  });
  const valuesId = "bq-filter-values";
  const values = textInput({
    id: valuesId,
    "data-testid": "wizard-bq-filter-values",
    value: draft.filterValues.join(", "),
    placeholder: "mobile, tablet",
    oninput: (e: Event) => {
      draft.filterValues = (e.target as HTMLInputElement).value
        .split(",")
        .map((v) => v.trim())
        .filter((v) => v !== "");
      changed();
    },
  });
  const extra = h(
    "div",
    { class: "mapping-extra" },
    h("label", { class: "hint", for: valuesId }, t("bqFilterValues")),
    values,
    h("p", { class: "hint" }, t("bqFilterHint")),
    ga4
      ? h("datalist", { id: listId }, ...GA4_FILTER_FIELDS.map((f) => h("option", { value: f })))
      : "",
  );
  return field(form, "filter", column, {
    label: t("bqFilterField"),
    optional: t("optional"),
    extra,
  });
}

/**
 * What the first build would read, from the server's plan (no query is run for it), and the
 * button that runs that query now for a preview of the figures, billed, so only when asked.
 */
function scanCard(state: WizardState): HTMLElement {
  const { t } = state;
  const card = h("div", { class: "card", "data-testid": "wizard-bq-scan", "aria-live": "polite" });
  const draw = () => {
    const loader = state.bigQueryScan;
    const scan = state.currentBigQueryScan();
    const run = state.bigQueryPreview;
    // Up to date: the figures below are of these choices; stale: of earlier ones.
    const upToDate = state.currentPreview() !== null;
    const running = run.status === "loading";
    const button = upToDate
      ? ""
      : h(
          "button",
          {
            type: "button",
            class: "button secondary small",
            "data-testid": "wizard-bq-run",
            // Nothing to run until the plan is known; one run at a time.
            disabled: !scan || running,
            onclick: () => state.runBigQueryPreview(),
          },
          t(run.dataKey === "" ? "bqRunPreview" : "bqRunPreviewAgain"),
        );
    const note = !scan
      ? ""
      : h(
          "p",
          { class: "hint", "data-testid": "wizard-bq-cost" },
          t(upToDate ? "bqPreviewRan" : "bqPreviewCost", { project: scan.project }),
        );
    card.replaceChildren(
      h("h3", { class: "section-title" }, t("bqBeforeRunTitle")),
      loader.status === "error"
        ? h("p", { class: "error-text" }, loader.error)
        : scan
          ? h("p", { "data-testid": "wizard-bq-scan-text" }, scan.text)
          : h("p", { class: "hint" }, t("bqScanWaiting")),
      note,
      button,
    );
  };
  state.addLive(draw);
  draw();
  state.refreshBigQueryScan();
  return card;
}
