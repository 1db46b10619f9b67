/**
 * "Schedule and e-mail…": the weekly review on or off, its day and hour, who gets the digest (the
 * same recipients rule as the server, checked as the user types), its language, which objectives,
 * a test sent now, who owns the schedule, and the last runs with their outcome.
 */
import {
  checkSchedule,
  hourLabel,
  type ScheduleInput,
  type ScheduleView,
  WEEKDAYS,
  weekdayName,
} from "../src/contract/schedule.ts";
import type { App } from "./app.ts";
import { h, replace, spinner } from "./dom.ts";
import { Form, field, selectInput } from "./fields.ts";
import { type UiKey, ui } from "./messages.ts";
import { call, messageOf } from "./rpc.ts";

type Saved = { view: ScheduleView; notice: string };

export function renderSchedule(app: App, notice?: { text: string; error?: boolean }): void {
  const { shell, lang } = app;
  const t = (key: UiKey, params?: Record<string, string | number>) => ui.t(lang, key, params);
  replace(
    shell.top,
    h("h1", { class: "step-title", tabindex: "-1", id: "schedule-title" }, t("scheduleTitle")),
  );
  replace(
    shell.content,
    h("p", { class: "loading", role: "status" }, spinner(), ` ${t("loading")}`),
  );
  replace(shell.actions);
  call<ScheduleView>("getSchedule").then(
    (view) => show(app, view, notice),
    (error: unknown) =>
      replace(
        shell.content,
        h(
          "div",
          { class: "banner error", role: "alert", "data-testid": "load-error" },
          h("p", {}, messageOf(error)),
          h(
            "button",
            { type: "button", class: "button secondary", onclick: () => renderSchedule(app) },
            t("retry"),
          ),
        ),
      ),
  );
}

function show(app: App, view: ScheduleView, notice?: { text: string; error?: boolean }): void {
  const { shell, lang } = app;
  const t = (key: UiKey, params?: Record<string, string | number>) => ui.t(lang, key, params);
  const form = new Form();
  const s = view.settings;

  const enable = h("input", {
    type: "checkbox",
    id: "schedule-enable",
    "data-testid": "schedule-enable",
    checked: s.enabled,
  });
  const day = selectInput(
    { "data-testid": "schedule-day" },
    WEEKDAYS.map((d) => ({ value: d, label: weekdayName(d, lang) })),
    s.day,
  );
  const hour = selectInput(
    { "data-testid": "schedule-hour" },
    Array.from({ length: 24 }, (_, i) => ({ value: String(i), label: hourLabel(i) })),
    String(s.hour),
  );
  const recipients = h("textarea", {
    class: "input",
    rows: 3,
    "data-testid": "schedule-recipients",
    placeholder: "name@example.com",
  });
  recipients.value = s.recipients.join(", ");
  const digestLang = selectInput(
    { "data-testid": "schedule-lang" },
    [
      { value: "en", label: "English" },
      { value: "fr", label: "Français" },
    ],
    s.lang,
  );
  const ownerBoxes = view.owners.map((o) =>
    h("input", { type: "checkbox", value: o, checked: s.owners.includes(o) }),
  );

  const input = (): ScheduleInput => ({
    enabled: enable.checked,
    day: day.value,
    hour: Number(hour.value),
    recipients: recipients.value,
    lang: digestLang.value,
    owners: ownerBoxes.filter((b) => b.checked).map((b) => b.value),
  });
  const problems = () => {
    const r = checkSchedule(input(), view.owners, lang);
    return r.ok ? [] : r.problems;
  };
  recipients.addEventListener("input", () => form.refresh("recipients", problems()));

  const banners: Node[] = [];
  if (view.alert) {
    banners.push(
      h(
        "div",
        { class: "banner error", role: "alert", "data-testid": "schedule-alert" },
        h("p", {}, view.alert),
      ),
    );
  }
  if (notice) {
    banners.push(
      h(
        "div",
        {
          class: `banner ${notice.error ? "error" : "ok"}`,
          role: notice.error ? "alert" : "status",
          "data-testid": "schedule-notice",
        },
        h("p", {}, notice.text),
      ),
    );
  }
  const owner =
    view.owner === null
      ? t("scheduleNoOwner")
      : view.owner === view.you
        ? t("scheduleOwnerYou", { owner: view.owner })
        : t("scheduleOwnerOther", { owner: view.owner });

  const runs = view.runs.length
    ? h(
        "ul",
        { class: "runs", "data-testid": "schedule-runs" },
        ...view.runs.map((r) =>
          h(
            "li",
            { class: `run ${r.outcome}`, "data-outcome": r.outcome },
            h("span", { class: "run-when" }, r.when),
            " ",
            r.text,
          ),
        ),
      )
    : h("p", { class: "empty" }, t("scheduleNoRuns"));

  replace(
    shell.content,
    ...banners,
    h("p", { class: "field-help", "data-testid": "schedule-owner" }, owner),
    h(
      "div",
      { class: "field checkbox" },
      enable,
      h("label", { for: "schedule-enable" }, t("scheduleEnable")),
    ),
    field(form, "day", day, { label: t("scheduleDay") }),
    field(form, "hour", hour, { label: t("scheduleHour", { zone: view.timeZone }) }),
    field(form, "recipients", recipients, {
      label: t("scheduleRecipients"),
      help: t("scheduleRecipientsHelp"),
    }),
    field(form, "lang", digestLang, { label: t("scheduleLang") }),
    h(
      "fieldset",
      { class: "field" },
      h("legend", { class: "field-label" }, t("scheduleObjectives")),
      h("p", { class: "field-help" }, t("scheduleObjectivesHelp")),
      ...ownerBoxes.map((b, i) => h("label", { class: "owner" }, b, ` ${view.owners[i] ?? ""}`)),
    ),
    view.nextRun
      ? h(
          "p",
          { class: "field-help", "data-testid": "schedule-next" },
          t("scheduleNext", { when: view.nextRun }),
        )
      : null,
    h("h2", { class: "subtitle" }, t("scheduleRuns")),
    runs,
  );

  const busy = (button: HTMLButtonElement, work: Promise<Saved>) => {
    button.disabled = true;
    work.then(
      (saved) => show(app, saved.view, { text: saved.notice }),
      (error: unknown) => {
        button.disabled = false;
        show(app, view, { text: messageOf(error), error: true });
      },
    );
  };
  const save = h(
    "button",
    { type: "button", class: "button primary", "data-testid": "schedule-save" },
    t("scheduleSave"),
  );
  save.addEventListener("click", () => {
    const found = problems();
    const first = form.showErrors(found);
    if (first) {
      first.focus();
      return;
    }
    busy(save, call<Saved>("saveSchedule", input()));
  });
  const test = h(
    "button",
    { type: "button", class: "button secondary", "data-testid": "schedule-test" },
    t("scheduleTest"),
  );
  test.addEventListener("click", () => busy(test, call<Saved>("sendTestDigest")));
  replace(shell.actions, test, save);
}
