/**
 * The screen after Create or Save: what was saved, a button to build the dashboard, and the way
 * back to the list or to a new objective.
 */
import type { WizardContext } from "../../src/contract/wizard.ts";
import type { App } from "../app.ts";
import { h, replace, spinner } from "../dom.ts";
import { type UiKey, ui } from "../messages.ts";
import { call, messageOf } from "../rpc.ts";

/** After Create: the result, and the next useful things to do. */
export function renderDone(app: App, ctx: WizardContext, name: string, edited: boolean): void {
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
