/**
 * "Objectives…": each objective with its status, to edit or delete (after a confirmation that
 * sits inline, so it works from the keyboard and a screen reader like the rest).
 */
import {
  type ObjectiveList,
  type ObjectiveSummary,
  STATUS_CODES,
} from "../src/contract/objectives.ts";
import type { WizardContext } from "../src/contract/wizard.ts";
import type { App } from "./app.ts";
import { h, replace, spinner } from "./dom.ts";
import { draftFromObjective, findKpi } from "./draft.ts";
import { formatShortDate, formatValue } from "./format.ts";
import { type UiKey, ui } from "./messages.ts";
import { call, messageOf } from "./rpc.ts";

export function renderList(app: App, notice?: string): void {
  const { shell, lang } = app;
  const t = (key: UiKey, params?: Record<string, string | number>) => ui.t(lang, key, params);
  const title = h("h1", { class: "step-title", tabindex: "-1", id: "list-title" }, t("listTitle"));
  const count = h("p", { class: "step-count" });
  replace(shell.top, title, count);
  replace(
    shell.content,
    h("p", { class: "loading", role: "status" }, spinner(), ` ${t("loading")}`),
  );
  replace(
    shell.actions,
    h("span", {}),
    h(
      "button",
      {
        type: "button",
        class: "button primary",
        "data-testid": "list-new",
        onclick: () => app.showWizard(),
      },
      t("newObjective"),
    ),
  );

  Promise.all([call<ObjectiveList>("listObjectives"), app.context()]).then(
    ([list, ctx]) => {
      const n = list.objectives.length;
      // French counts 0 and 1 in the singular, English only 1.
      const singular = n === 1 || (lang === "fr" && n === 0);
      count.textContent = t(singular ? "listCountOne" : "listCount", { n });
      const content: Node[] = [];
      if (notice) {
        content.push(
          h(
            "div",
            { class: "banner ok", role: "status", "data-testid": "list-notice" },
            h("p", {}, notice),
          ),
        );
      }
      if (n === 0) content.push(h("p", { class: "empty" }, t("listEmpty")));
      else {
        content.push(
          h(
            "ul",
            { class: "objectives", "aria-labelledby": "list-title" },
            ...list.objectives.map((o) => objectiveItem(app, ctx, o)),
          ),
        );
      }
      if (list.problems.length > 0) {
        content.push(
          h(
            "section",
            { class: "problems", "aria-labelledby": "problems-title" },
            h("h2", { class: "section-title", id: "problems-title" }, t("problemsTitle")),
            h(
              "ul",
              {},
              ...list.problems.map((p) =>
                h("li", {}, t("problemRow", { row: p.row, message: p.message })),
              ),
            ),
          ),
        );
      }
      replace(shell.content, ...content);
      title.focus();
    },
    (error: unknown) => {
      replace(
        shell.content,
        h(
          "div",
          { class: "banner error", role: "alert" },
          h("p", {}, t("loadFailed")),
          h("p", {}, messageOf(error)),
          h(
            "button",
            { type: "button", class: "button secondary", onclick: () => renderList(app, notice) },
            t("retry"),
          ),
        ),
      );
    },
  );
}

const STATUS_CLASSES = new Set<string>(STATUS_CODES);

function objectiveItem(app: App, ctx: WizardContext, o: ObjectiveSummary): HTMLElement {
  const lang = app.lang;
  const t = (key: UiKey, params?: Record<string, string | number>) => ui.t(lang, key, params);
  const kpi = findKpi(ctx, o.kpiId);
  const unit = kpi?.unit ?? "count";
  const status = o.status && STATUS_CLASSES.has(o.status) ? o.status : "none";
  const headingId = `objective-${o.id}`;
  const actions = h("div", { class: "row-actions" });
  const message = h("div", { "aria-live": "polite" });

  const showActions = () => {
    replace(
      actions,
      h(
        "button",
        {
          type: "button",
          class: "button secondary small",
          "aria-label": t("editLabel", { name: o.name }),
          "data-testid": "objective-edit",
          onclick: () => {
            app.context().then(
              (context) => app.showWizard(draftFromObjective(context, o)),
              (error: unknown) => replace(message, errorBanner(messageOf(error))),
            );
          },
        },
        t("edit"),
      ),
      h(
        "button",
        {
          type: "button",
          class: "button secondary small danger",
          "aria-label": t("deleteLabel", { name: o.name }),
          "data-testid": "objective-delete",
          onclick: () => showConfirm(),
        },
        t("delete"),
      ),
    );
  };

  const showConfirm = () => {
    let deleting = false;
    const cancel = h(
      "button",
      {
        type: "button",
        class: "button secondary small",
        onclick: () => {
          if (deleting) return;
          showActions();
          (actions.querySelector("[data-testid=objective-delete]") as HTMLElement | null)?.focus();
        },
      },
      t("cancel"),
    );
    const confirm = h(
      "button",
      {
        type: "button",
        class: "button primary small danger",
        "data-testid": "objective-confirm-delete",
        onclick: () => {
          if (deleting) return;
          deleting = true;
          confirm.disabled = true;
          cancel.disabled = true;
          confirm.setAttribute("aria-busy", "true");
          replace(confirm, spinner(), t("deleting"));
          call("deleteObjective", o.id).then(
            () => renderList(app, t("deleted", { name: o.name })),
            (error: unknown) => {
              showActions();
              replace(message, errorBanner(messageOf(error)));
            },
          );
        },
      },
      t("delete"),
    );
    replace(
      actions,
      h(
        "div",
        { class: "confirm", role: "group", "aria-label": t("deleteLabel", { name: o.name }) },
        h("p", {}, t("confirmDelete", { name: o.name })),
        h("div", { class: "confirm-buttons" }, cancel, confirm),
      ),
    );
    cancel.focus();
  };

  showActions();
  const facts: string[] = [];
  if (o.current !== undefined && o.current !== null) {
    facts.push(t("nowValue", { value: formatValue(o.current, unit, lang, o.currency) }));
  }
  facts.push(
    t("targetBy", {
      value: formatValue(o.target, unit, lang, o.currency),
      deadline: formatShortDate(o.deadline, lang),
    }),
  );
  return h(
    "li",
    {
      class: "objective",
      "data-testid": "objective-row",
      "data-id": o.id,
      "aria-labelledby": headingId,
    },
    h(
      "div",
      { class: "objective-head" },
      h("h2", { class: "objective-name", id: headingId }, o.name),
      h(
        "span",
        { class: `chip status-${status}`, "data-testid": "objective-status" },
        o.statusLabel ?? t("noStatus"),
      ),
    ),
    h(
      "p",
      { class: "muted" },
      [
        kpi?.name ?? o.kpiId,
        o.owner,
        o.channel,
        o.filter
          ? t("filterShown", { column: o.filter.column, values: o.filter.values.join(", ") })
          : "",
      ]
        .filter((x) => x)
        .join(" · "),
    ),
    h("p", { class: "objective-facts" }, facts.join(" · ")),
    o.reason
      ? h("p", { class: "objective-reason", "data-testid": "objective-reason" }, o.reason)
      : null,
    ...(o.warnings ?? []).map((w) =>
      h("p", { class: "warn-note", "data-testid": "objective-warning" }, w),
    ),
    o.error ? h("p", { class: "error-text" }, o.error) : null,
    actions,
    message,
  );
}

function errorBanner(text: string): HTMLElement {
  return h("div", { class: "banner error", role: "alert" }, h("p", {}, text));
}
