/**
 * Boots the sidebar. The server writes the language and the view to open ("new", "list" or
 * "import") on
 * the <html> element when it serves the page; everything else comes from getWizardContext.
 */
import { langOf } from "../src/contract/i18n.ts";
import type { ImportContext } from "../src/contract/import.ts";
import type { WizardContext } from "../src/contract/wizard.ts";
import type { App, Shell } from "./app.ts";
import { h, replace, spinner } from "./dom.ts";
import { newDraft } from "./draft.ts";
import { renderImport } from "./import.ts";
import { renderList } from "./list.ts";
import { ui } from "./messages.ts";
import { call, messageOf } from "./rpc.ts";
import { renderSchedule } from "./schedule.ts";
import { keptDraft, renderResume } from "./wizard/resume.ts";
import { renderWizard } from "./wizard/wizard.ts";

function createShell(root: HTMLElement): Shell {
  const top = h("header", { class: "top" });
  const content = h("main", { class: "content", id: "content" });
  const actions = h("footer", { class: "actions" });
  const announcer = h("div", { class: "sr-only", "aria-live": "polite", role: "status" });
  replace(root, top, content, actions, announcer);
  return {
    top,
    content,
    actions,
    announce(text) {
      // Clearing first makes a repeated message be read again.
      announcer.textContent = "";
      setTimeout(() => {
        announcer.textContent = text;
      }, 50);
    },
  };
}

function boot(): void {
  const root = document.getElementById("app");
  if (!root) return;
  const html = document.documentElement;
  const lang = langOf(html.lang);
  const view = html.dataset.view;
  const shell = createShell(root);

  let contextPromise: Promise<WizardContext> | null = null;
  const app: App = {
    lang,
    shell,
    context() {
      contextPromise ??= call<WizardContext>("getWizardContext");
      // A failed load may be retried.
      contextPromise.catch(() => {
        contextPromise = null;
      });
      return contextPromise;
    },
    showWizard(draft) {
      replace(shell.top);
      replace(shell.actions);
      replace(
        shell.content,
        h("p", { class: "loading", role: "status" }, spinner(), ` ${ui.t(lang, "loading")}`),
      );
      app.context().then(
        (ctx) => {
          // An objective left in progress is offered first; editing one never is.
          const kept = draft ? null : keptDraft(ctx);
          if (!kept) renderWizard(app, ctx, draft ?? newDraft(ctx));
          else renderResume(app, ctx, kept, (d, step) => renderWizard(app, ctx, d, step));
        },
        (error: unknown) => {
          replace(
            shell.content,
            h(
              "div",
              { class: "banner error", role: "alert", "data-testid": "load-error" },
              h("p", {}, ui.t(lang, "loadFailed")),
              h("p", {}, messageOf(error)),
              h(
                "button",
                { type: "button", class: "button secondary", onclick: () => app.showWizard(draft) },
                ui.t(lang, "retry"),
              ),
            ),
          );
        },
      );
    },
    importContext() {
      return call<ImportContext>("getImportContext");
    },
    showList(notice) {
      renderList(app, notice);
    },
  };
  if (view === "schedule") renderSchedule(app);
  else {
    // A scheduled review that failed is said at the next opening of any view (a trigger cannot
    // show anything): the schedule panel shows it itself.
    call<string | null>("getReviewAlert").then(
      (alert) => {
        if (alert)
          root.prepend(
            h(
              "div",
              { class: "banner error", role: "alert", "data-testid": "review-alert" },
              h("p", {}, alert),
            ),
          );
      },
      (error: unknown) => console.warn(`KPI Pilot: no review alert: ${messageOf(error)}`),
    );
    if (view === "list") app.showList();
    else if (view === "import") renderImport(app);
    else app.showWizard();
  }
}

boot();
