/**
 * The SMART wizard: five steps and a review, then Create. State lives in the Draft; each
 * structural change re-renders the step (keeping focus on the same control), while typing
 * only updates the draft and the live parts (preview, baseline help, realism check).
 */
import type { Objective } from "../src/contract/objectives.ts";
import type {
  Preview,
  PreviewRequest,
  RealismRequest,
  RealismResult,
  WizardContext,
} from "../src/contract/wizard.ts";
import type { App } from "./app.ts";
import { h, replace, spinner } from "./dom.ts";
import {
  type Draft,
  findKpi,
  findSheet,
  firstInvalidStep,
  frequencyAdverb,
  previewRequest,
  REVIEW,
  realismRequest,
  reviewSentence,
  type StepIndex,
  selectKpi,
  selectSheet,
  setDirection,
  targetValue,
  toObjectiveInput,
  validateStep,
} from "./draft.ts";
import { Form, field, radioGroup, selectInput, textInput } from "./fields.ts";
import {
  formatDelta,
  formatLongDate,
  formatPeriod,
  formatPeriodShort,
  formatShortDate,
  formatValue,
  toInputText,
} from "./format.ts";
import { createLoader, keyOf } from "./loader.ts";
import { type UiKey, ui } from "./messages.ts";
import { call, messageOf } from "./rpc.ts";

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
/** Typing in a field waits this long before asking the server for a new preview. */
const TYPING_DELAY_MS = 400;

export function renderWizard(app: App, ctx: WizardContext, draft: Draft): void {
  const { shell } = app;
  const lang = ctx.lang;
  const t = (key: UiKey, params?: Record<string, string | number>) => ui.t(lang, key, params);
  const editing = draft.id !== null;

  let step: StepIndex = editing ? REVIEW : 0;
  let form = new Form();
  /** Set by a review "Change" link: Next then returns straight to the review. */
  let backToReview = false;
  let saving = false;
  let serverError: string | null = null;
  let live: Array<() => void> = [];

  // ---- Server computations: the preview of the data, and the realism check of the target. ----

  const notify = () => {
    for (const render of live) render();
  };
  const preview = createLoader<PreviewRequest, Preview>("previewObjective", () => {
    const data = currentPreview();
    const kpi = findKpi(ctx, draft.kpiId);
    // Until the user types a baseline, it follows the value computed from the data.
    if (data && kpi && !draft.baselineTouched) {
      const value = data.baseline?.value;
      draft.baselineText =
        value === null || value === undefined ? "" : toInputText(value, kpi.unit, lang);
    }
    refreshRealism();
    notify();
  });
  const realism = createLoader<RealismRequest, RealismResult>("checkRealism", notify);

  /** The preview of the current choices, once it has arrived (null while it loads or fails). */
  const currentPreview = (): Preview | null => {
    const request = previewRequest(ctx, draft);
    if (!request || preview.dataKey !== keyOf(request)) return null;
    return preview.data;
  };

  /** The realism check of the current choices, once it has arrived. */
  const currentRealism = (): RealismResult | null => {
    const request = realismRequest(ctx, draft, currentPreview());
    if (!request || realism.dataKey !== keyOf(request)) return null;
    return realism.data;
  };

  const refreshRealism = (delay = 0) => {
    realism.request(realismRequest(ctx, draft, currentPreview()), delay);
  };

  /** Brings both computations in step with the draft; `delay` while the user is typing. */
  const refreshPreview = (delay = 0) => {
    if (step === 0) return;
    preview.request(previewRequest(ctx, draft), delay);
    refreshRealism(delay);
    // What the user just typed may change what the live parts say even when nothing is asked.
    notify();
  };

  /** The baseline computed from the data for the current source, mapping and frequency. */
  const computedBaseline = (): number | null => currentPreview()?.baseline?.value ?? null;

  // ---- Rendering ----

  const render = () => {
    const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.key;
    form = new Form();
    live = [];
    renderTop();
    replace(shell.content, renderStep());
    renderActions();
    if (focusedKey) {
      const again = shell.content.querySelector<HTMLElement>(
        `[data-key="${CSS.escape(focusedKey)}"]`,
      );
      again?.focus();
    }
    notify();
  };

  const renderTop = () => {
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
      shell.top,
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
        editing && step === REVIEW
          ? t("introEdit", { name: draft.name })
          : t(INTRO_KEYS[step] as UiKey),
      ),
    );
  };

  const renderActions = () => {
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
      step === 0 || (editing && step === REVIEW && !backToReview) ? t("cancel") : t("back"),
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
    const hideBack = step === 0 && !editing;
    replace(shell.actions, hideBack ? h("span", {}) : back, primary);
  };

  const renderStep = (): HTMLElement => {
    const body =
      step === 0
        ? stepSpecific()
        : step === 1
          ? stepMeasurable()
          : step === 2
            ? stepAchievable()
            : step === 3
              ? stepRelevant()
              : step === 4
                ? stepTimeBound()
                : stepReview();
    return h(
      "form",
      {
        id: "wizard-form",
        class: "wizard-form",
        novalidate: true,
        "aria-labelledby": "step-title",
        onsubmit: (event: Event) => {
          event.preventDefault();
          if (step === REVIEW) void create();
          else void next();
        },
      },
      serverError
        ? h(
            "div",
            { class: "banner error", role: "alert", tabindex: "-1", "data-testid": "wizard-error" },
            h("p", {}, serverError),
          )
        : null,
      body,
    );
  };

  // Re-validates a field that already shows an error, as the user fixes it.
  const recheck = (key: string) => {
    form.refresh(key, validateStep(ctx, draft, step, computedBaseline()));
  };

  // ---- Step 1: Specific ----
  const stepSpecific = (): DocumentFragment => {
    const kpi = findKpi(ctx, draft.kpiId);
    const select = selectInput(
      {
        "data-testid": "wizard-kpi",
        "data-key": "kpi",
        onchange: (e: Event) => {
          selectKpi(ctx, draft, (e.target as HTMLSelectElement).value);
          render();
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
        recheck("name");
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
        recheck("channel");
      },
    });
    const fragment = document.createDocumentFragment();
    fragment.append(
      field(form, "kpi", select, { label: t("kpiLabel"), help: about ?? undefined }),
      field(form, "name", name, { label: t("nameLabel") }),
      field(form, "channel", channel, { label: t("channelLabel"), optional: t("optional") }),
    );
    return fragment;
  };

  // ---- Step 2: Measurable ----
  const stepMeasurable = (): DocumentFragment => {
    const fragment = document.createDocumentFragment();
    if (ctx.sheets.length === 0) {
      fragment.append(
        h("div", { class: "banner warn", role: "status" }, h("p", {}, t("noSheets"))),
      );
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
          render();
          refreshPreview();
        },
      },
      [
        ...(sheet ? [] : [{ value: "", label: t("chooseColumn") }]),
        ...ctx.sheets.map((s) => ({ value: s.name, label: s.name })),
      ],
      draft.sourceSheet,
    );
    fragment.append(field(form, "sheet", sheetSelect, { label: t("sheetLabel") }));
    if (!sheet) return fragment;

    const headers = sheet.headers;
    const dateSelect = selectInput(
      {
        "data-testid": "wizard-date-column",
        "data-key": "dateColumn",
        onchange: (e: Event) => {
          draft.dateColumn = (e.target as HTMLSelectElement).value;
          render();
          refreshPreview();
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
      for (const input of kpi.inputs) mapping.append(mappingField(input, columns));
      fragment.append(mapping);
    }
    fragment.append(previewCard());
    return fragment;
  };

  const mappingField = (
    input: WizardContext["kpis"][number]["inputs"][number],
    columns: readonly string[],
  ): HTMLElement => {
    const sheet = findSheet(ctx, draft.sourceSheet);
    const chosen = draft.inputs[input.name] ?? (input.optional ? [] : [""]);
    const suggestion = sheet?.suggestions[draft.kpiId]?.[input.name];
    const options = (current: string) => [
      { value: "", label: input.optional ? t("notUsed") : t("chooseColumn") },
      // A stored column missing from the tab stays visible, so the user sees what to replace.
      ...(current && !columns.includes(current) ? [{ value: current, label: current }] : []),
      ...columns.map((c) => ({ value: c, label: c })),
    ];
    const setColumn = (index: number, value: string) => {
      const list = [...(draft.inputs[input.name] ?? [])];
      list[index] = value;
      draft.inputs[input.name] = list;
      draft.unsure[input.name] = false;
      render();
      refreshPreview();
    };
    const rows = (chosen.length === 0 ? [""] : chosen).map((column, index) => {
      const select = selectInput(
        {
          "data-testid": `wizard-input-${input.name}${index > 0 ? `-${index + 1}` : ""}`,
          "data-key": `input:${input.name}:${index}`,
          "aria-label": index > 0 ? `${input.label} ${index + 1}` : null,
          onchange: (e: Event) => setColumn(index, (e.target as HTMLSelectElement).value),
        },
        options(column),
        column,
      );
      if (!input.multiColumn || chosen.length <= 1) return select;
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
            draft.inputs[input.name] = list;
            render();
            refreshPreview();
          },
        },
        "×",
      );
      return h("div", { class: "multi-row" }, select, remove);
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
                render();
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
              render();
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
  };

  const previewCard = (): HTMLElement => {
    const card = h("section", {
      class: "preview",
      "aria-labelledby": "preview-title",
      "data-testid": "wizard-preview",
    });
    const renderCard = () => {
      const kpi = findKpi(ctx, draft.kpiId);
      const request = previewRequest(ctx, draft);
      const title = h(
        "h2",
        { class: "section-title", id: "preview-title" },
        t("previewTitle"),
        preview.status === "loading" ? spinner() : null,
      );
      const body = h("div", { class: "preview-body", "aria-live": "polite" });
      const usable = currentPreview();
      if (!kpi || !request) {
        body.append(h("p", { class: "muted" }, t("previewNeedsMapping")));
      } else if (preview.status === "error") {
        body.append(h("p", { class: "error-text", role: "alert" }, preview.error));
      } else if (!usable) {
        body.append(h("p", { class: "muted" }, t("previewLoading")));
      } else {
        appendPreview(body, usable, kpi.unit);
      }
      card.dataset.state = request ? preview.status : "idle";
      replace(card, title, body);
    };
    live.push(renderCard);
    return card;
  };

  /** The key for this frequency among the Week/Month/Quarter variants of a message. */
  const byFrequency = (
    base: "current" | "latest" | "baselineComputed" | "baselineNone" | "period" | "periods",
  ): UiKey => {
    const suffix =
      draft.frequency === "weekly" ? "Week" : draft.frequency === "quarterly" ? "Quarter" : "Month";
    return `${base}${suffix}` as UiKey;
  };

  /** The parameters of the realism messages for a check's result. */
  const realismParams = (r: RealismResult, unit: WizardContext["kpis"][number]["unit"]) => {
    const one = t(byFrequency("period"));
    return {
      required: formatDelta(r.requiredPerPeriod, unit, lang),
      best: r.bestSeen === null ? "—" : formatDelta(r.bestSeen, unit, lang),
      period: one,
      periods: r.periods === 1 ? one : t(byFrequency("periods")),
      n: r.periods,
    };
  };

  const periodName = (start: string) => formatPeriod(start, draft.frequency, lang);
  const colon = t("colon");

  const appendPreview = (
    body: HTMLElement,
    data: Preview,
    unit: WizardContext["kpis"][number]["unit"],
  ) => {
    const values = data.recent.filter((p) => p.value !== null);
    if (values.length === 0 && data.total === null) {
      body.append(h("p", { class: "muted" }, t("previewEmpty")));
      return;
    }
    if (data.baseline) {
      body.append(
        h(
          "p",
          { class: "preview-value", "data-testid": "wizard-preview-value" },
          formatValue(data.baseline.value, unit, lang),
        ),
        h("p", { class: "preview-caption" }, periodName(data.baseline.start)),
      );
    }
    if (data.recent.length > 1) body.append(sparkBars(data, unit));
    const facts = h("ul", { class: "facts" });
    if (data.current && data.current.start !== data.baseline?.start) {
      const which = t(byFrequency(data.current.complete ? "latest" : "current"));
      facts.append(
        h(
          "li",
          {},
          `${which} (${periodName(data.current.start)})${colon}`,
          h("strong", {}, formatValue(data.current.value, unit, lang)),
        ),
      );
    }
    facts.append(
      h(
        "li",
        {},
        `${t("previewTotal", { rows: formatValue(data.rows, "count", lang) })}${colon}`,
        h("strong", { "data-testid": "wizard-preview-total" }, formatValue(data.total, unit, lang)),
      ),
    );
    if (data.firstDate && data.lastDate) {
      facts.append(
        h(
          "li",
          { class: "muted" },
          t("previewRange", {
            first: formatShortDate(data.firstDate, lang),
            last: formatShortDate(data.lastDate, lang),
          }),
        ),
      );
    }
    body.append(facts);
  };

  /** A tiny bar chart of the recent periods, drawn with plain elements. */
  const sparkBars = (data: Preview, unit: WizardContext["kpis"][number]["unit"]): HTMLElement => {
    const points = data.recent;
    // Scaled between the lowest and highest value, like a sparkline: a rate that moves from
    // 2.1% to 2.4% should show its movement, not twelve bars of the same height.
    const known = points.map((p) => p.value).filter((v): v is number => v !== null);
    const min = Math.min(...known);
    const max = Math.max(...known);
    const height = (v: number | null) =>
      v === null ? 0 : max === min ? 60 : Math.round(15 + (85 * (v - min)) / (max - min));
    const summary = points
      .map((p) => `${periodName(p.start)} ${formatValue(p.value, unit, lang)}`)
      .join(", ");
    const period = t(byFrequency("period"));
    const bars = h(
      "div",
      {
        class: "bars",
        role: "img",
        "aria-label": `${t("previewChart", { period, n: points.length })}: ${summary}`,
      },
      ...points.map((p) =>
        h("span", {
          class: `bar${p.complete ? "" : " partial"}${p.start === data.baseline?.start ? " base" : ""}`,
          style: `height:${height(p.value)}%`,
          title: `${periodName(p.start)}: ${formatValue(p.value, unit, lang)}`,
        }),
      ),
    );
    const first = points[0];
    const last = points[points.length - 1];
    return h(
      "div",
      { class: "chart" },
      bars,
      h(
        "div",
        { class: "chart-axis", "aria-hidden": "true" },
        h("span", {}, first ? formatPeriodShort(first.start, draft.frequency, lang) : ""),
        h("span", {}, last ? formatPeriodShort(last.start, draft.frequency, lang) : ""),
      ),
    );
  };

  // ---- Step 3: Achievable ----
  const stepAchievable = (): DocumentFragment => {
    const fragment = document.createDocumentFragment();
    const kpi = findKpi(ctx, draft.kpiId);
    if (!kpi) return fragment;
    const unitHelp: Record<typeof kpi.unit, UiKey> = {
      percent: "unitPercent",
      seconds: "unitSeconds",
      currency: "unitCurrency",
      ratio: "unitRatio",
      count: "unitCount",
    };

    const baseline = textInput({
      "data-testid": "wizard-baseline",
      "data-key": "baseline",
      inputmode: kpi.unit === "seconds" ? "text" : "decimal",
      value: draft.baselineText,
      oninput: (e: Event) => {
        draft.baselineText = (e.target as HTMLInputElement).value;
        draft.baselineTouched = true;
        recheck("baseline");
        recheck("target");
        refreshPreview(TYPING_DELAY_MS);
        renderBaselineHelp();
      },
    });
    const baselineHelp = h("span", {});
    const renderBaselineHelp = () => {
      const computed = computedBaseline();
      const usable = currentPreview();
      if (!draft.baselineTouched && document.activeElement !== baseline) {
        baseline.value = draft.baselineText;
      }
      const parts: Array<Node | string> = [];
      if (!usable && preview.status === "loading") parts.push(t("previewLoading"));
      else if (!usable && preview.status === "error") {
        parts.push(h("span", { class: "error-text" }, preview.error));
      } else if (usable?.baseline && computed !== null) {
        parts.push(
          t(byFrequency("baselineComputed"), { label: periodName(usable.baseline.start) }),
        );
        if (draft.baselineTouched && baseline.value !== toInputText(computed, kpi.unit, lang)) {
          parts.push(
            " ",
            h(
              "button",
              {
                type: "button",
                class: "link-button",
                "data-key": "useComputed",
                onclick: () => {
                  draft.baselineTouched = false;
                  draft.baselineText = toInputText(computed, kpi.unit, lang);
                  baseline.value = draft.baselineText;
                  recheck("baseline");
                  recheck("target");
                  refreshPreview();
                  renderBaselineHelp();
                  baseline.focus();
                },
              },
              t("baselineUseComputed"),
            ),
          );
        }
      } else parts.push(t(byFrequency("baselineNone")));
      replace(baselineHelp, ...parts);
    };
    live.push(renderBaselineHelp);

    const target = textInput({
      "data-testid": "wizard-target",
      "data-key": "target",
      inputmode: kpi.unit === "seconds" ? "text" : "decimal",
      value: draft.targetText,
      oninput: (e: Event) => {
        draft.targetText = (e.target as HTMLInputElement).value;
        recheck("target");
        refreshPreview(TYPING_DELAY_MS);
      },
    });

    fragment.append(
      field(form, "baseline", baseline, { label: t("baselineLabel"), help: baselineHelp }),
      field(form, "target", target, { label: t("targetLabel"), help: t(unitHelp[kpi.unit]) }),
      radioGroup(
        form,
        "direction",
        t("directionLegend"),
        "direction",
        [
          { value: "higher", label: t("directionHigher") },
          { value: "lower", label: t("directionLower") },
        ],
        draft.direction,
        (value) => {
          setDirection(ctx, draft, value === "lower" ? "lower" : "higher");
          recheck("target");
          refreshPreview();
        },
      ),
      realismBox(true),
    );
    // Rates are typed in percent: a "%" inside the field says so at a glance.
    if (kpi.unit === "percent") {
      for (const input of [baseline, target]) {
        const affix = h("div", { class: "affix" });
        input.replaceWith(affix);
        affix.append(input, h("span", { class: "suffix", "aria-hidden": "true" }, "%"));
      }
    }
    return fragment;
  };

  const realismBox = (withAssumption: boolean): HTMLElement => {
    const box = h("section", {
      class: "realism",
      "aria-labelledby": "realism-title",
      "data-testid": "wizard-realism",
    });
    const renderBox = () => {
      const kpi = findKpi(ctx, draft.kpiId);
      const title = h("h2", { class: "section-title", id: "realism-title" }, t("realismTitle"));
      const body = h("div", { "aria-live": "polite" });
      box.className = "realism";
      delete box.dataset.realistic;
      const typed = targetValue(ctx, draft) !== null;
      const r = currentRealism();
      if (!kpi || !typed) {
        body.append(h("p", { class: "muted" }, t("realismNeedsTarget")));
      } else if (r) {
        const params = realismParams(r, kpi.unit);
        box.dataset.realistic = String(r.realistic);
        if (r.bestSeen === null) {
          body.append(h("p", {}, t("realismNoHistory", params)));
        } else if (r.realistic) {
          box.classList.add("ok");
          body.append(h("p", {}, t("realismOk", params)));
        } else {
          box.classList.add("warn");
          body.append(
            h(
              "p",
              { class: "warn-line" },
              h("span", { class: "warn-icon", "aria-hidden": "true" }, "!"),
              h("span", {}, t("realismWarn", params)),
            ),
          );
        }
      } else if (preview.status === "loading" || realism.status === "loading") {
        body.append(h("p", { class: "muted" }, spinner(), ` ${t("realismLoading")}`));
      } else if (realism.status === "error") {
        body.append(h("p", { class: "error-text" }, realism.error));
      } else {
        body.append(h("p", { class: "muted" }, t("realismNoData")));
      }
      if (withAssumption && typed) {
        body.append(
          h(
            "p",
            { class: "field-help" },
            t("realismAssumes", {
              deadline: formatLongDate(draft.deadline, lang),
              frequency: frequencyAdverb(draft.frequency, lang),
            }),
          ),
        );
      }
      replace(box, title, body);
    };
    live.push(renderBox);
    return box;
  };

  // ---- Step 4: Relevant ----
  const stepRelevant = (): DocumentFragment => {
    const goal = h("textarea", {
      class: "input",
      rows: 3,
      "data-testid": "wizard-goal",
      "data-key": "goal",
      maxlength: 1000,
      placeholder: t("goalPlaceholder"),
      oninput: (e: Event) => {
        draft.goal = (e.target as HTMLTextAreaElement).value;
        recheck("goal");
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
        recheck("owner");
      },
    });
    const fragment = document.createDocumentFragment();
    fragment.append(
      field(form, "goal", goal, { label: t("goalLabel"), optional: t("optional") }),
      field(form, "owner", owner, { label: t("ownerLabel") }),
    );
    return fragment;
  };

  // ---- Step 5: Time-bound ----
  const stepTimeBound = (): DocumentFragment => {
    const dayAfter = (iso: string) => {
      const d = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(d.getTime())) return null;
      d.setUTCDate(d.getUTCDate() + 1);
      return d.toISOString().slice(0, 10);
    };
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
        recheck("start");
        recheck("deadline");
        refreshPreview();
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
        recheck("deadline");
        refreshPreview();
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
          refreshPreview();
        },
      ),
      realismBox(false),
    );
    return fragment;
  };

  // ---- Review ----
  const stepReview = (): DocumentFragment => {
    const fragment = document.createDocumentFragment();
    const kpi = findKpi(ctx, draft.kpiId);
    const input = toObjectiveInput(ctx, draft, computedBaseline());
    const sentence = h("p", { class: "sentence", "data-testid": "wizard-sentence" });
    const renderSentence = () => {
      const current = toObjectiveInput(ctx, draft, computedBaseline());
      sentence.textContent = reviewSentence(ctx, current, lang);
    };
    live.push(renderSentence);
    const row = (key: string, label: string, value: string | readonly string[], to: StepIndex) =>
      h(
        "div",
        { class: "summary-row" },
        h("dt", {}, label),
        h(
          "dd",
          {},
          typeof value === "string"
            ? h("span", {}, value)
            : h("span", {}, ...value.flatMap((line, i) => (i > 0 ? [h("br"), line] : [line]))),
          h(
            "button",
            {
              type: "button",
              class: "link-button",
              "data-key": `change:${key}`,
              "data-testid": `review-change-${key}`,
              "aria-label": t("reviewEditLabel", { what: label }),
              disabled: saving,
              onclick: () => {
                step = to;
                backToReview = true;
                serverError = null;
                render();
                focusFirstField();
                refreshPreview();
              },
            },
            t("reviewEdit"),
          ),
        ),
      );
    const columns = kpi
      ? kpi.inputs
          .filter((i) => input.inputs[i.name])
          .map((i) => `${i.label}${colon}${(input.inputs[i.name] ?? []).join(" + ")}`)
      : [];
    const unit = kpi?.unit ?? "count";
    const frequencyLabel = t(draft.frequency);
    fragment.append(
      h("div", { class: "sentence-card" }, sentence),
      realismSummary(),
      h(
        "dl",
        { class: "summary" },
        row("name", t("nameLabel"), input.name, 0),
        row("kpi", t("reviewKpi"), kpi?.name ?? input.kpiId, 0),
        input.channel ? row("channel", t("reviewChannel"), input.channel, 0) : null,
        row("data", t("reviewData"), `${input.sourceSheet} · ${input.dateColumn}`, 1),
        row("columns", t("reviewColumns"), columns, 1),
        row(
          "values",
          `${t("baselineLabel")} → ${t("targetLabel")}`,
          `${formatValue(input.baseline, unit, lang)} → ${formatValue(input.target, unit, lang)}`,
          2,
        ),
        row("owner", t("ownerLabel"), input.owner, 3),
        input.businessGoal ? row("goal", t("reviewGoal"), input.businessGoal, 3) : null,
        row(
          "dates",
          t("reviewDates"),
          `${formatShortDate(input.startDate, lang)} → ${formatShortDate(input.deadline, lang)} · ${frequencyLabel}`,
          4,
        ),
      ),
    );
    return fragment;
  };

  /** On the review, the realism check shows only when it warns. */
  const realismSummary = (): HTMLElement => {
    const box = h("div", {});
    const renderBox = () => {
      const kpi = findKpi(ctx, draft.kpiId);
      const r = currentRealism();
      if (!kpi || !r || r.realistic || r.bestSeen === null) {
        replace(box);
        return;
      }
      replace(
        box,
        h(
          "div",
          { class: "banner warn", role: "status", "data-testid": "wizard-realism-review" },
          h("span", { class: "warn-icon", "aria-hidden": "true" }, "!"),
          h("p", {}, t("realismWarn", realismParams(r, kpi.unit))),
        ),
      );
    };
    live.push(renderBox);
    return box;
  };

  // ---- Navigation ----

  const focusFirstField = () => {
    const target =
      step === REVIEW
        ? document.getElementById("step-title")
        : shell.content.querySelector<HTMLElement>("input, select, textarea");
    target?.focus();
  };

  const goTo = (to: StepIndex) => {
    step = to;
    serverError = null;
    render();
    focusFirstField();
    shell.announce(
      to === REVIEW
        ? t("reviewStep")
        : `${t("stepOf", { n: to + 1, total: 5 })}: ${t(STEP_KEYS[to] as UiKey)}`,
    );
    refreshPreview();
  };

  const next = async () => {
    if ((step === 2 || step === 4) && preview.status === "loading") {
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
    const errors = validateStep(ctx, draft, step, computedBaseline());
    const invalid = form.showErrors(errors);
    if (invalid) {
      invalid.focus();
      shell.announce(t("errFixAbove"));
      return;
    }
    if (backToReview) {
      const bad = firstInvalidStep(ctx, draft, computedBaseline());
      goTo(bad === null ? REVIEW : bad);
      if (bad !== null) form.showErrors(validateStep(ctx, draft, bad, computedBaseline()));
      return;
    }
    goTo((step + 1) as StepIndex);
  };

  const goBack = () => {
    if (saving) return;
    if (editing && (step === 0 || (step === REVIEW && !backToReview))) {
      app.showList();
      return;
    }
    if (step === 0) return;
    if (backToReview) {
      goTo(REVIEW);
      return;
    }
    goTo((step - 1) as StepIndex);
  };

  const create = async () => {
    // The button is disabled at once, and this flag stops a second submit that slipped through.
    if (saving) return;
    saving = true;
    serverError = null;
    renderActions();
    try {
      await preview.settled();
      const bad = firstInvalidStep(ctx, draft, computedBaseline());
      if (bad !== null) {
        saving = false;
        goTo(bad);
        form.showErrors(validateStep(ctx, draft, bad, computedBaseline()));
        return;
      }
      const input = toObjectiveInput(ctx, draft, computedBaseline());
      const saved = await call<Objective | null>("saveObjective", input);
      saving = false;
      renderDone(app, ctx, saved?.name ?? input.name, editing);
    } catch (error) {
      saving = false;
      serverError = messageOf(error);
      render();
      shell.content.querySelector<HTMLElement>("[data-testid=wizard-error]")?.focus();
    }
  };

  render();
  if (editing) refreshPreview();
  focusFirstField();
}

/** After Create: the result, and the next useful things to do. */
function renderDone(app: App, ctx: WizardContext, name: string, edited: boolean): void {
  const { shell } = app;
  const t = (key: UiKey, params?: Record<string, string | number>) => ui.t(ctx.lang, key, params);
  let building = false;
  const status = h("div", {
    class: "done-status",
    "aria-live": "polite",
    "data-testid": "wizard-dashboard-status",
  });
  const build = h(
    "button",
    {
      type: "button",
      class: "button primary",
      "data-testid": "wizard-build-dashboard",
      onclick: () => {
        if (building) return;
        building = true;
        build.disabled = true;
        build.setAttribute("aria-busy", "true");
        replace(build, spinner(), t("building"));
        replace(status);
        const ready = () => {
          building = false;
          build.disabled = false;
          build.removeAttribute("aria-busy");
          replace(build, t("buildDashboard"));
        };
        call("buildDashboard").then(
          () => {
            ready();
            replace(status, h("p", { class: "ok-text" }, t("dashboardBuilt")));
          },
          (error: unknown) => {
            ready();
            replace(
              status,
              h("div", { class: "banner error", role: "alert" }, h("p", {}, messageOf(error))),
            );
          },
        );
      },
    },
    t("buildDashboard"),
  );
  replace(
    shell.top,
    h(
      "h1",
      { class: "step-title", tabindex: "-1", id: "done-title" },
      t(edited ? "savedTitle" : "createdTitle"),
    ),
  );
  replace(
    shell.content,
    h(
      "div",
      { class: "done-view", "data-testid": "wizard-done" },
      h("div", { class: "done-mark", "aria-hidden": "true" }, "✓"),
      h("p", {}, t("createdText", { name })),
      build,
      status,
    ),
  );
  replace(
    shell.actions,
    h(
      "button",
      { type: "button", class: "button secondary", onclick: () => app.showList() },
      t("allObjectives"),
    ),
    h(
      "button",
      { type: "button", class: "button secondary", onclick: () => app.showWizard() },
      t("newObjective"),
    ),
  );
  document.getElementById("done-title")?.focus();
  shell.announce(t(edited ? "savedTitle" : "createdTitle"));
}
