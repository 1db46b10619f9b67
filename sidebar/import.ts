/**
 * "Import an export…": choose this week's file and the tab it goes to; the panel shows what the
 * server found in the file (header line, separator, decimal mark, date format, total rows) and
 * what importing would do, before anything is written. The file is decoded here, where its bytes
 * are, by the same decoder the playground uses.
 */
import {
  decodeCsvBytes,
  type ImportContext,
  type ImportPreview,
  type ImportRequest,
  type ImportResult,
} from "../src/contract/import.ts";
import type { App } from "./app.ts";
import { h, replace, spinner, uid } from "./dom.ts";
import { type UiKey, ui } from "./messages.ts";
import { call, messageOf } from "./rpc.ts";

const NEW_TAB = "";

export function renderImport(app: App): void {
  const { shell, lang } = app;
  const t = (key: UiKey, params?: Record<string, string | number>) => ui.t(lang, key, params);
  replace(shell.top, h("h1", { class: "step-title", tabindex: "-1" }, t("importTitle")));
  replace(
    shell.content,
    h("p", { class: "loading", role: "status" }, spinner(), ` ${t("loading")}`),
  );
  replace(shell.actions);

  let request: ImportRequest | null = null;
  let busy = false;
  const fileId = uid("import-file");
  const targetId = uid("import-target");
  const file = h("input", {
    type: "file",
    id: fileId,
    accept: ".csv,.tsv,.txt,text/csv",
    "data-testid": "import-file",
  });
  const target = h("select", { id: targetId, "data-testid": "import-target" });
  const found = h("section", { class: "import-found", "aria-live": "polite" });
  const importButton = h(
    "button",
    { type: "button", class: "button primary", disabled: true, "data-testid": "import-run" },
    t("importRun"),
  );
  replace(shell.actions, h("span", {}), importButton);

  const show = (...children: (Node | string)[]) => replace(found, ...children);
  const problem = (text: string) =>
    show(
      h(
        "div",
        { class: "banner error", role: "alert", "data-testid": "import-error" },
        h("p", {}, text),
      ),
    );

  const refresh = async () => {
    importButton.disabled = true;
    request = null;
    const chosen = file.files?.[0];
    if (!chosen) return show();
    const ctx = await app.importContext();
    if (chosen.size > ctx.maxBytes) {
      return problem(t("importTooLarge", { mb: ctx.maxBytes / 1024 / 1024 }));
    }
    show(h("p", { class: "loading", role: "status" }, spinner(), ` ${t("importReading")}`));
    const decoded = decodeCsvBytes(new Uint8Array(await chosen.arrayBuffer()));
    if ("code" in decoded) return problem(t("importBinary"));
    const next: ImportRequest = {
      fileName: chosen.name,
      text: decoded.text,
      target: target.value === NEW_TAB ? null : target.value,
    };
    try {
      const preview = await call<ImportPreview>("previewImport", next);
      request = next;
      show(...foundFacts(preview, t));
      importButton.disabled = false;
    } catch (error) {
      problem(messageOf(error));
    }
  };

  importButton.addEventListener("click", async () => {
    if (!request || busy) return;
    busy = true;
    importButton.disabled = true;
    replace(importButton, spinner(), ` ${t("importRunning")}`);
    try {
      const result = await call<ImportResult>("importExport", request);
      show(
        h(
          "div",
          { class: "banner ok", role: "status", "data-testid": "import-done" },
          h("p", {}, result.message),
        ),
        ...foundFacts(result, t),
      );
      shell.announce(result.message);
      // The file is in: a second click would only replace the same rows again.
      request = null;
    } catch (error) {
      problem(messageOf(error));
    } finally {
      busy = false;
      replace(importButton, t("importRun"));
      importButton.disabled = request === null;
    }
  });

  app.importContext().then(
    (ctx: ImportContext) => {
      replace(
        target,
        h("option", { value: NEW_TAB }, t("importNewTab")),
        ...ctx.sheets.map((name) => h("option", { value: name }, name)),
      );
      target.value = ctx.active ?? NEW_TAB;
      file.addEventListener("change", () => void refresh());
      target.addEventListener("change", () => void refresh());
      replace(
        shell.content,
        h("p", { class: "intro" }, t("importIntro")),
        h("div", { class: "field" }, h("label", { for: fileId }, t("importFile")), file),
        h("div", { class: "field" }, h("label", { for: targetId }, t("importTarget")), target),
        found,
      );
    },
    (error: unknown) => {
      replace(
        shell.content,
        h(
          "div",
          { class: "banner error", role: "alert", "data-testid": "load-error" },
          h("p", {}, t("loadFailed")),
          h("p", {}, messageOf(error)),
        ),
      );
    },
  );
}

/** What the file holds and what importing it does, as a list a marketer can check. */
function foundFacts(
  p: ImportPreview,
  t: (key: UiKey, params?: Record<string, string | number>) => string,
): Node[] {
  const colon = t("colon");
  const fact = (key: UiKey, value: string, testId?: string) =>
    h("li", testId ? { "data-testid": testId } : {}, `${t(key)}${colon}`, h("strong", {}, value));
  const separator = t(
    p.separator === ";" ? "sepSemicolon" : p.separator === "," ? "sepComma" : "sepTab",
  );
  const list = h(
    "ul",
    { class: "facts", "data-testid": "import-found" },
    fact("importHeaderLine", t("importLine", { n: p.headerLine }), "import-header-line"),
    fact("importColumns", p.headers.join(", ")),
    fact("importSeparator", separator),
    fact("importDecimal", t(p.decimal === "," ? "decimalComma" : "decimalPoint")),
    fact("importDates", `${p.dateColumn} (${p.dateFormat ?? "?"})`),
    fact("importKey", p.keyColumn ?? t("importKeyNone")),
    fact("importRows", String(p.rows)),
    fact("importTotals", String(p.totals), "import-totals"),
  );
  const plan = p.newTab
    ? t("importPlanNew", { sheet: p.target, n: p.added })
    : t("importPlan", { sheet: p.target, added: p.added, replaced: p.replaced, kept: p.kept });
  return [
    h("h2", { class: "section-title" }, t("importFound")),
    list,
    h("p", { class: "import-plan", "data-testid": "import-plan" }, plan),
  ];
}
