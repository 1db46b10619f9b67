/**
 * The playground page: Sheets' chrome around the server's workbook. The server owns the workbook
 * and the add-on; the page draws what it is sent and posts what the user does.
 */
import { langOf } from "../../../src/contract/i18n.ts";
import { type PlaygroundMessageKey, playgroundMessages } from "../messages.ts";
import type { ActionReply, CellView, ChartView, UiEvent, WorkbookView } from "../view-types.ts";
import { attachAutocomplete } from "./autocomplete.ts";
import { byId, columnLetters, h } from "./dom.ts";
import { cellAt, type GridLayout, renderGrid } from "./grid.ts";

const params = new URLSearchParams(location.search);
const userLocale = params.get("locale") ?? "en";
const lang = langOf(userLocale);
const clientId = Math.random().toString(36).slice(2);
const t = (k: PlaygroundMessageKey, p?: Record<string, string | number>) =>
  playgroundMessages.t(lang, k, p);

const PAGE_ROWS = 1000;

let state: WorkbookView | undefined;
let layout: GridLayout | undefined;
let rowsWanted = PAGE_ROWS;
let selected = { row: 1, column: 1 };
let shownSheetId: number | undefined;
let editing:
  | {
      row: number;
      column: number;
      input: HTMLInputElement | HTMLTextAreaElement;
      detach: () => void;
    }
  | undefined;
let busy = 0;

// ---------------------------------------------------------------------------------------------
// Server

function withQuery(path: string, extra: Record<string, string | number> = {}): string {
  const q = new URLSearchParams({ locale: userLocale, client: clientId });
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  return `${path}${path.includes("?") ? "&" : "?"}${q}`;
}

async function request(path: string, init?: RequestInit): Promise<ActionReply> {
  const timer = window.setTimeout(() => showRunning(true), 200);
  busy++;
  try {
    const response = await fetch(withQuery(path, { rows: rowsWanted }), init);
    const reply = (await response.json()) as ActionReply;
    return reply;
  } catch {
    showScriptError("", t("connectionLost"));
    throw new Error("connection lost");
  } finally {
    window.clearTimeout(timer);
    busy--;
    if (busy === 0) showRunning(false);
  }
}

let queue: Promise<unknown> = Promise.resolve();

/** Actions go to the server one at a time, in the order the user made them. */
function post(path: string, body: unknown): Promise<ActionReply> {
  const next = queue.then(async () => {
    const reply = await request(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    apply(reply);
    return reply;
  });
  queue = next.catch(() => undefined);
  return next;
}

/** Redraws from the server's state; queued behind any action, so it never shows an older one. */
function refresh(): Promise<void> {
  const next = queue.then(async () => apply(await request("/api/state")));
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Says the page is open: the server may adopt this user's language for a new workbook, seed it
 * with sample data, and has news for the first page (a saved workbook it could not read). A
 * change, so a POST: a GET can be sent by any web page, and must not change anything.
 */
function openPage(): Promise<ActionReply> {
  return post("/api/open", {});
}

function apply(reply: ActionReply): void {
  if (reply.state) {
    state = reply.state;
    render();
  }
  for (const event of reply.events ?? []) handleEvent(event);
  if (reply.error) showScriptError("", reply.error);
}

function listen(): void {
  const source = new EventSource(withQuery("/api/events"));
  let connections = 0;
  // Reconnected: the server may have restarted, on a workbook that has not met this page yet.
  source.addEventListener("open", () => {
    if (connections++ > 0) void openPage();
  });
  source.addEventListener("changed", (e) => {
    const { version } = JSON.parse((e as MessageEvent<string>).data) as { version: number };
    // A restarted server counts from 1 again: any other version than ours is news.
    if (!state || version !== state.version) void refresh();
  });
  source.addEventListener("ui", (e) => {
    for (const event of JSON.parse((e as MessageEvent<string>).data) as UiEvent[])
      handleEvent(event);
  });
}

// ---------------------------------------------------------------------------------------------
// Chrome

function buildChrome(): void {
  document.documentElement.lang = lang;
  document.title = t("docTitle");
  byId("doc-title").textContent = t("docTitle");
  const langSelect = byId<HTMLSelectElement>("lang-select");
  langSelect.value = lang;
  langSelect.setAttribute("aria-label", t("languageLabel"));
  langSelect.addEventListener("change", () => {
    const next = new URLSearchParams(location.search);
    next.set("locale", langSelect.value);
    location.search = next.toString();
  });
  const banner = byId("banner");
  if (localStorage.getItem("kpi-pilot-banner") === "hidden") banner.hidden = true;
  byId("banner-text").textContent = t("banner");
  const dismiss = byId<HTMLButtonElement>("banner-dismiss");
  dismiss.textContent = t("bannerDismiss");
  dismiss.addEventListener("click", () => {
    banner.hidden = true;
    localStorage.setItem("kpi-pilot-banner", "hidden");
  });
  byId("csv-input").addEventListener("change", onCsvChosen);
  document.addEventListener("click", (e) => {
    if (!(e.target as HTMLElement).closest(".menubar")) closeMenus();
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") closeMenus();
  });
  window.addEventListener("message", (e) => {
    const data = e.data as { type?: string } | undefined;
    if (data?.type === "gas-host-close") closeSidebar();
  });
  byId("sidebar-close").addEventListener("click", closeSidebar);
  const advance = byId<HTMLButtonElement>("clock-advance");
  advance.textContent = t("clockAdvance");
  advance.addEventListener("click", () => {
    void post("/api/clock/advance", {});
  });
  const outbox = byId("outbox-panel");
  const toggle = byId<HTMLButtonElement>("outbox-toggle");
  const showOutbox = (open: boolean) => {
    outbox.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
  };
  toggle.addEventListener("click", () => showOutbox(outbox.hidden === true));
  byId("outbox-close").addEventListener("click", () => showOutbox(false));
  byId("outbox-close").setAttribute("aria-label", t("close"));
  byId("outbox-title").textContent = t("outboxTitle");
  byId("sidebar-close").setAttribute("aria-label", t("close"));
  setupFormulaBar();
  setupKeyboard();
}

type MenuEntry =
  | { label: string; action: () => void; testid?: string }
  | { label: string; submenu: MenuEntry[]; testid?: string }
  | { separator: true };

let menubarKey = "";

function renderMenubar(): void {
  const bar = byId("menubar");
  const addon = state?.menu;
  // Redrawing would close a menu the user has open: only when the add-on's menu changed.
  const key = JSON.stringify([addon, state?.menuError]);
  if (key === menubarKey) return;
  menubarKey = key;
  const addonEntries: MenuEntry[] = addon
    ? addon.items.map((item) =>
        "separator" in item
          ? { separator: true as const }
          : {
              label: item.label,
              testid: "menu-item",
              action: () => void runMenu(item.functionName),
            },
      )
    : [];
  const menus: { label: string; entries?: MenuEntry[] }[] = [
    {
      label: t("menuFile"),
      entries: [
        { label: t("importCsv"), testid: "import-csv", action: () => byId("csv-input").click() },
        { separator: true },
        { label: t("settings"), action: showSettings },
        { label: t("resetWorkbook"), testid: "reset", action: confirmReset },
      ],
    },
    { label: t("menuEdit") },
    { label: t("menuView") },
    { label: t("menuInsert") },
    { label: t("menuFormat") },
    { label: t("menuData") },
    { label: t("menuTools") },
    {
      label: t("menuExtensions"),
      entries: addon
        ? [{ label: addon.title, submenu: addonEntries, testid: "addon-menu" }]
        : [
            {
              label: t("addonMenuMissing", { message: state?.menuError ?? "?" }),
              action: () => {},
            },
          ],
    },
    { label: t("menuHelp"), entries: [{ label: t("aboutTitle"), action: showAbout }] },
  ];
  bar.replaceChildren();
  for (const menu of menus) {
    const button = h("button", {
      class: "menubar-item",
      type: "button",
      text: menu.label,
      "aria-haspopup": menu.entries ? "menu" : undefined,
      "aria-disabled": menu.entries ? undefined : "true",
      title: menu.entries ? undefined : t("notInPlayground"),
      "data-menu": menu.label,
    });
    const wrap = h("div", { class: "menubar-entry" }, button);
    if (menu.entries) {
      const list = buildMenuList(menu.entries);
      wrap.append(list);
      button.addEventListener("click", (e) => {
        e.stopPropagation();
        const open = wrap.classList.contains("open");
        closeMenus();
        if (!open) wrap.classList.add("open");
      });
      button.addEventListener("mouseenter", () => {
        if (bar.querySelector(".menubar-entry.open") && !wrap.classList.contains("open")) {
          closeMenus();
          wrap.classList.add("open");
        }
      });
    }
    bar.append(wrap);
  }
}

function buildMenuList(entries: MenuEntry[]): HTMLElement {
  const list = h("div", { class: "menu", role: "menu" });
  for (const entry of entries) {
    if ("separator" in entry) {
      list.append(h("div", { class: "menu-separator", role: "separator" }));
      continue;
    }
    const item = h("button", {
      class: "menu-entry",
      type: "button",
      role: "menuitem",
      "data-testid": entry.testid,
    });
    item.append(h("span", { class: "menu-label", text: entry.label }));
    if ("submenu" in entry) {
      item.append(h("span", { class: "menu-arrow", text: "▸", "aria-hidden": "true" }));
      const holder = h("div", { class: "menu-sub" }, item, buildMenuList(entry.submenu));
      item.setAttribute("aria-haspopup", "menu");
      item.addEventListener("click", (e) => {
        e.stopPropagation();
        holder.classList.add("open");
      });
      holder.addEventListener("mouseenter", () => holder.classList.add("open"));
      holder.addEventListener("mouseleave", () => holder.classList.remove("open"));
      list.append(holder);
    } else {
      item.addEventListener("click", (e) => {
        e.stopPropagation();
        closeMenus();
        entry.action();
      });
      list.append(item);
    }
  }
  return list;
}

function closeMenus(): void {
  for (const el of document.querySelectorAll(".menubar-entry.open, .menu-sub.open")) {
    el.classList.remove("open");
  }
}

function showRunning(on: boolean): void {
  const pill = byId("running");
  pill.textContent = t("runningScript");
  pill.hidden = !on;
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** The simulated clock, and the messages the add-on sent, newest first. */
function renderClockAndOutbox(view: WorkbookView): void {
  byId("clock-text").textContent = `${t("clockNow", { now: view.clock.now })} · ${
    view.clock.next ? t("clockNext", { when: view.clock.next }) : t("clockNone")
  }`;
  byId("outbox-toggle").textContent = t("outboxButton", { count: view.outbox.length });
  const list = byId("outbox-list");
  list.replaceChildren();
  if (view.outbox.length === 0)
    list.append(h("li", { class: "outbox-empty", text: t("outboxEmpty") }));
  for (const m of view.outbox) {
    const open = h(
      "button",
      { type: "button", class: "outbox-message", "data-testid": "outbox-message" },
      h("strong", { text: m.subject }),
      h("span", { text: t("outboxTo", { to: m.to, size: (m.size / 1024).toFixed(1), at: m.at }) }),
    );
    open.addEventListener("click", () => openMail(m.id, m.subject));
    list.append(h("li", {}, open));
  }
}

/** A sent message in a frame, as its recipient would see it (no script runs in it). */
function openMail(id: number, subject: string): void {
  const close = h("button", { type: "button", class: "primary", text: t("close") });
  const frame = h("iframe", {
    class: "dialog-frame outbox-frame",
    title: subject,
    sandbox: "",
    "data-testid": "outbox-view",
    src: withQuery(`/outbox/${id}`),
    style: `width:${Math.min(820, window.innerWidth - 80)}px;height:${window.innerHeight - 220}px`,
  });
  const backdrop = modal(subject, frame, [close], "outbox-dialog");
  close.addEventListener("click", () => backdrop.remove());
}

/** Which BigQuery table the local stand-in holds, so the wizard's BigQuery source can name it. */
function renderBigQueryBadge(view: WorkbookView): void {
  const badge = byId("bigquery-badge");
  badge.hidden = view.bigQuery === null;
  if (!view.bigQuery) return;
  const [project, dataset] = view.bigQuery.table.split(".");
  badge.replaceChildren(`${t("bigQueryBadge")} `, h("code", { text: view.bigQuery.table }));
  badge.title = t("bigQueryBadgeTitle", {
    events: view.bigQuery.events.toLocaleString(view.lang === "fr" ? "fr-FR" : "en-US"),
    project: project ?? "",
    dataset: dataset ?? "",
  });
}

function render(): void {
  if (!state) return;
  renderClockAndOutbox(state);
  renderBigQueryBadge(state);
  renderMenubar();
  renderTabs();
  const view = state.active;
  if (shownSheetId !== view.id) {
    selected = { row: 1, column: 1 };
    shownSheetId = view.id;
    cancelEdit();
    byId("grid-scroll").scrollTo(0, 0);
  }
  const host = byId("grid-host");
  layout = renderGrid(view, host, chartNote, Math.ceil(byId("grid-scroll").clientWidth / 100) + 1);
  // An edit the user is typing survives a redraw caused by an earlier edit's reply.
  if (editing) placeEditor(editing.input, editing.row, editing.column);
  host.querySelector("table")?.addEventListener("mousedown", onGridMouseDown);
  host.querySelector("table")?.addEventListener("dblclick", onGridDoubleClick);
  const more = byId("more-rows");
  more.replaceChildren();
  if (view.rows < view.totalRows) {
    more.append(
      h("span", { text: t("rowsShown", { shown: view.rows, total: view.totalRows }) }),
      " ",
    );
    const button = h("button", {
      type: "button",
      class: "link-button",
      text: t("showMore", { count: Math.min(PAGE_ROWS, view.totalRows - view.rows) }),
    });
    button.addEventListener("click", () => {
      rowsWanted += PAGE_ROWS;
      void refresh();
    });
    more.append(button);
  }
  select(selected.row, selected.column, false);
}

function chartNote(chart: ChartView): string | undefined {
  if (
    chart.type === "line" ||
    chart.type === "area" ||
    chart.type === "column" ||
    chart.type === "bar"
  ) {
    return undefined;
  }
  return t("chartDrawnAsLine", { type: chart.requestedType });
}

function renderTabs(): void {
  if (!state) return;
  const strip = byId("tabs");
  strip.replaceChildren();
  for (const sheet of state.sheets) {
    const active = sheet.id === state.activeSheetId;
    const tab = h("button", {
      type: "button",
      class: `sheet-tab${active ? " active" : ""}`,
      "data-testid": "sheet-tab",
      "aria-selected": String(active),
      role: "tab",
      text: sheet.name,
    });
    if (sheet.tabColor) tab.style.borderBottomColor = sheet.tabColor;
    tab.addEventListener("click", () => {
      if (!active) void post("/api/activate", { sheetId: sheet.id });
    });
    strip.append(tab);
  }
  byId("add-sheet").title = t("addSheetHint");
}

// ---------------------------------------------------------------------------------------------
// Selection and editing

function ownerOf(row: number, column: number): { row: number; column: number } {
  return layout?.mergeOwner.get(`${row}:${column}`) ?? { row, column };
}

function select(row: number, column: number, scroll = true): void {
  if (!state || !layout) return;
  const target = ownerOf(Math.max(1, row), Math.max(1, column));
  for (const el of document.querySelectorAll(".grid .selected, .grid .head-selected")) {
    el.classList.remove("selected", "head-selected");
  }
  selected = target;
  const td = layout.td(target.row, target.column);
  td?.classList.add("selected");
  document
    .querySelector(`.grid thead th[data-c="${target.column}"]`)
    ?.classList.add("head-selected");
  document.querySelector(`.grid tbody th[data-r="${target.row}"]`)?.classList.add("head-selected");
  if (scroll && td) td.scrollIntoView({ block: "nearest", inline: "nearest" });
  const cell = cellAt(state.active, target.row, target.column);
  byId("name-box").textContent = `${columnLetters(target.column)}${target.row}`;
  const bar = byId<HTMLInputElement>("formula-input");
  bar.value = editText(cell);
}

function editText(cell: CellView | null): string {
  if (!cell) return "";
  return cell.f ?? cell.e ?? cell.d ?? "";
}

function onGridMouseDown(e: MouseEvent): void {
  const td = (e.target as HTMLElement).closest("td");
  if (!td) return;
  if (editing?.input.contains(e.target as Node)) return;
  commitEdit();
  select(Number(td.dataset.r), Number(td.dataset.c), false);
}

function onGridDoubleClick(e: MouseEvent): void {
  const td = (e.target as HTMLElement).closest("td");
  if (!td) return;
  startEdit(undefined);
}

function startEdit(initial: string | undefined): void {
  if (!state || !layout) return;
  const { row, column } = selected;
  const cell = cellAt(state.active, row, column);
  if (cell?.spill) {
    showToast("", t("editingDisabled", { cell: cell.spill }));
    return;
  }
  const td = layout.td(row, column);
  if (!td) return;
  cancelEdit();
  const input = h("input", { class: "cell-editor", type: "text", "data-testid": "cell-editor" });
  input.value = initial ?? editText(cell);
  byId("editor-layer").append(input);
  placeEditor(input, row, column);
  editing = { row, column, input, detach: attachAutocomplete(input, formulaContext) };
  input.focus();
  if (initial === undefined) input.select();
  else input.setSelectionRange(input.value.length, input.value.length);
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      commitEdit();
      select(selected.row + 1, selected.column);
    } else if (e.key === "Tab") {
      e.preventDefault();
      commitEdit();
      select(selected.row, selected.column + 1);
    } else if (e.key === "Escape") {
      e.preventDefault();
      cancelEdit();
    }
    e.stopPropagation();
  });
  input.addEventListener("input", () => {
    byId<HTMLInputElement>("formula-input").value = input.value;
  });
}

function placeEditor(
  input: HTMLInputElement | HTMLTextAreaElement,
  row: number,
  column: number,
): void {
  const td = layout?.td(row, column);
  if (!td) return;
  input.style.left = `${td.offsetLeft}px`;
  input.style.top = `${td.offsetTop}px`;
  input.style.minWidth = `${td.offsetWidth}px`;
  input.style.height = `${td.offsetHeight}px`;
}

function cancelEdit(): void {
  editing?.detach();
  editing?.input.remove();
  editing = undefined;
}

function commitEdit(): void {
  if (!editing || !state) return;
  const { row, column, input } = editing;
  const text = input.value;
  cancelEdit();
  const before = editText(cellAt(state.active, row, column));
  if (text !== before) void writeCell(row, column, text);
}

async function writeCell(row: number, column: number, text: string): Promise<void> {
  if (!state) return;
  const sheetId = state.active.id;
  const guard = state.active.protectedRanges.find(
    (p) => p.r1 <= row && row <= p.r2 && p.c1 <= column && column <= p.c2,
  );
  if (guard) {
    // Sheets asks before editing a range protected "with a warning".
    const go = await confirmDialog(t("protectedTitle"), t("protectedText"), t("protectedEdit"));
    if (!go) return;
  }
  await post("/api/edit", { sheetId, row, column, text });
}

/** What the formula autocomplete needs: the reader's language, the spreadsheet's locale. */
const formulaContext = {
  lang: () => langOf(userLocale),
  locale: () => state?.locale ?? "en_US",
};

function setupFormulaBar(): void {
  const bar = byId<HTMLInputElement>("formula-input");
  attachAutocomplete(bar, formulaContext);
  bar.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      const text = bar.value;
      const { row, column } = selected;
      const before = state ? editText(cellAt(state.active, row, column)) : "";
      if (text !== before) void writeCell(row, column, text);
      bar.blur();
    } else if (e.key === "Escape") {
      select(selected.row, selected.column, false);
      bar.blur();
    }
  });
}

function setupKeyboard(): void {
  document.addEventListener("keydown", (e) => {
    if (!state || editing) return;
    const target = e.target as HTMLElement;
    if (target.closest("input, textarea, select, button, iframe, .modal")) return;
    const { row, column } = selected;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      select(row + move[0], column + move[1]);
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      startEdit(undefined);
    } else if (e.key === "Tab") {
      e.preventDefault();
      select(row, column + (e.shiftKey ? -1 : 1));
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      if (editText(cellAt(state.active, row, column)) !== "") void writeCell(row, column, "");
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(e.key);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Add-on UI: menu runs, sidebar, dialogs, alerts, toasts

async function runMenu(functionName: string): Promise<void> {
  await post("/api/menu", { functionName });
}

function handleEvent(event: UiEvent): void {
  switch (event.type) {
    case "sidebar":
      openSidebar(event.id, event.title);
      break;
    case "dialog":
      openDialog(event.id, event.title, event.width, event.height);
      break;
    case "alert":
      void alertDialog(event.title, event.prompt);
      break;
    case "toast":
      showToast(event.title, event.message);
      break;
    case "error":
      showScriptError(event.functionName, event.message);
      break;
    case "notice":
      showToast("", event.message);
      break;
  }
}

function openSidebar(id: number, title: string): void {
  const panel = byId("sidebar-panel");
  panel.hidden = false;
  byId("sidebar-title").textContent = title;
  const frame = byId<HTMLIFrameElement>("sidebar-frame");
  frame.title = title || t("sidebarTitle");
  frame.src = withQuery(`/sidebar/${id}`);
}

function closeSidebar(): void {
  const panel = byId("sidebar-panel");
  panel.hidden = true;
  byId<HTMLIFrameElement>("sidebar-frame").src = "about:blank";
}

function modal(
  title: string,
  body: Node,
  buttons: HTMLButtonElement[],
  testid: string,
): HTMLElement {
  const titleId = `modal-title-${Math.random().toString(36).slice(2)}`;
  const box = h(
    "div",
    {
      class: "modal",
      role: "dialog",
      "aria-modal": "true",
      "aria-labelledby": titleId,
      "data-testid": testid,
    },
    h("h2", { id: titleId, text: title }),
    body,
    h("div", { class: "modal-buttons" }, ...buttons),
  );
  const backdrop = h("div", { class: "modal-backdrop" }, box);
  byId("modal-root").append(backdrop);
  (buttons[buttons.length - 1] ?? box).focus();
  return backdrop;
}

function alertDialog(title: string, text: string): Promise<void> {
  return new Promise((resolve) => {
    const ok = h("button", { type: "button", class: "primary", text: t("ok") });
    const backdrop = modal(
      title || t("docTitle"),
      h("p", { class: "modal-text", text }),
      [ok],
      "alert",
    );
    const done = () => {
      backdrop.remove();
      resolve();
    };
    ok.addEventListener("click", done);
    backdrop.addEventListener("keydown", (e) => {
      if (e.key === "Escape") done();
    });
  });
}

function confirmDialog(title: string, text: string, confirmLabel: string): Promise<boolean> {
  return new Promise((resolve) => {
    const cancel = h("button", { type: "button", text: t("cancel") });
    const ok = h("button", {
      type: "button",
      class: "primary",
      text: confirmLabel,
      "data-testid": "confirm",
    });
    const backdrop = modal(
      title,
      h("p", { class: "modal-text", text }),
      [cancel, ok],
      "confirm-dialog",
    );
    const done = (answer: boolean) => {
      backdrop.remove();
      resolve(answer);
    };
    cancel.addEventListener("click", () => done(false));
    ok.addEventListener("click", () => done(true));
    backdrop.addEventListener("keydown", (e) => {
      if (e.key === "Escape") done(false);
    });
  });
}

function openDialog(id: number, title: string, width: number, height: number): void {
  const close = h("button", { type: "button", class: "primary", text: t("close") });
  const frame = h("iframe", {
    class: "dialog-frame",
    title,
    src: withQuery(`/dialog/${id}`),
    style: `width:${Math.min(width, window.innerWidth - 80)}px;height:${Math.min(height, window.innerHeight - 200)}px`,
  });
  const backdrop = modal(title, frame, [close], "dialog");
  close.addEventListener("click", () => backdrop.remove());
}

function showToast(title: string, message: string): void {
  const toast = h(
    "div",
    { class: "toast", role: "status", "data-testid": "toast" },
    title ? h("strong", { text: title }) : null,
    h("span", { text: message }),
  );
  const close = h("button", {
    type: "button",
    class: "toast-close",
    "aria-label": t("close"),
    text: "×",
  });
  close.addEventListener("click", () => toast.remove());
  toast.append(close);
  byId("toasts").append(toast);
  window.setTimeout(() => toast.remove(), 8000);
}

function showScriptError(functionName: string, message: string): void {
  const box = byId("script-error");
  box.replaceChildren(
    h("strong", { text: functionName ? t("scriptErrorIn", { functionName }) : t("cellError") }),
    h("span", { class: "script-error-message", text: message }),
  );
  const dismiss = h("button", { type: "button", class: "link-button", text: t("close") });
  dismiss.addEventListener("click", () => {
    box.hidden = true;
  });
  box.append(dismiss);
  box.hidden = false;
}

function showSettings(): void {
  if (!state) return;
  void alertDialog(
    t("settings"),
    t("settingsText", {
      locale: state.locale,
      timeZone: state.timeZone,
      userLocale: state.userLocale,
    }),
  );
}

function showAbout(): void {
  void alertDialog(
    t("aboutTitle"),
    t("aboutText", { stateFile: byId("app").dataset.stateFile ?? "" }),
  );
}

async function confirmReset(): Promise<void> {
  const go = await confirmDialog(t("resetConfirmTitle"), t("resetConfirm"), t("reset"));
  if (!go) return;
  closeSidebar();
  await post("/api/reset", {});
}

// ---------------------------------------------------------------------------------------------
// CSV import

async function onCsvChosen(e: Event): Promise<void> {
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = "";
  if (!file) return;
  const reply = await request(`/api/import?name=${encodeURIComponent(file.name)}`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: await file.arrayBuffer(),
  });
  if (reply.state) {
    state = reply.state;
    render();
  }
  for (const event of reply.events ?? []) handleEvent(event);
  if (!reply.ok && reply.error)
    void alertDialog(t("importFailed", { file: file.name }), reply.error);
}

// ---------------------------------------------------------------------------------------------

buildChrome();
void openPage();
listen();
