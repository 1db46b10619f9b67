/** Ui (menus, sidebars, dialogs, alerts, prompts) and HtmlService. */
import { Button, ButtonSet, enumName, member, SandboxMode, XFrameOptionsMode } from "../enums.ts";
import { type Ctx, cachedIn, INTERNAL, instrument } from "../state.ts";

type GButton = GoogleAppsScript.Base.Button;
type GButtonSet = GoogleAppsScript.Base.ButtonSet;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

// ── Ui and menus ────────────────────────────────────────────────────────────────────────────────

const uis = new WeakMap<Ctx, EmuUi>();

export function uiFacade(ctx: Ctx): EmuUi {
  return cachedIn(uis, ctx, () => new EmuUi(ctx));
}

export type UiMembers =
  | "Button"
  | "ButtonSet"
  | "alert"
  | "createAddonMenu"
  | "createMenu"
  | "prompt"
  | "showModalDialog"
  | "showModelessDialog"
  | "showSidebar";

export class EmuUi implements Pick<GoogleAppsScript.Base.Ui, UiMembers> {
  readonly [INTERNAL]: { ctx: Ctx };
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  alert(a: string, b?: string | GButtonSet, c?: GButtonSet): GButton {
    const ctx = this[INTERNAL].ctx;
    const titled = typeof b === "string";
    const title = titled ? a : undefined;
    const prompt = titled ? b : a;
    const buttons = titled ? c : b;
    const setName = buttons === undefined ? "OK" : enumName(buttons);
    const response = ctx.alertResponse ?? (setName.startsWith("YES") ? "YES" : "OK");
    ctx.ui.alerts.push({
      ...(title === undefined ? {} : { title: String(title) }),
      prompt: String(prompt),
      buttons: setName,
      response,
    });
    return member(Button, response);
  }
  prompt(a: string, b?: string | GButtonSet, c?: GButtonSet): GoogleAppsScript.Base.PromptResponse {
    const ctx = this[INTERNAL].ctx;
    const titled = typeof b === "string";
    const buttons = titled ? c : b;
    const setName = buttons === undefined ? "OK" : enumName(buttons);
    const response = ctx.alertResponse ?? (setName.startsWith("YES") ? "YES" : "OK");
    ctx.ui.alerts.push({
      ...(titled ? { title: String(a) } : {}),
      prompt: String(titled ? b : a),
      buttons: setName,
      response,
    });
    const text = ctx.promptText;
    return {
      getResponseText: () => text,
      getSelectedButton: () => member(Button, response),
    };
  }
  createAddonMenu(): GoogleAppsScript.Base.Menu {
    return new EmuMenu(
      this[INTERNAL].ctx,
      this[INTERNAL].ctx.opts.addOnName,
    ) as unknown as GoogleAppsScript.Base.Menu;
  }
  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    return new EmuMenu(
      this[INTERNAL].ctx,
      String(caption),
    ) as unknown as GoogleAppsScript.Base.Menu;
  }
  showSidebar(userInterface: HtmlOutput): void {
    const out = unwrapHtml(userInterface, "Ui.showSidebar");
    const width = out.width;
    this[INTERNAL].ctx.ui.sidebars.push({
      title: out.title,
      html: out.content,
      ...(width === undefined ? {} : { width }),
    });
  }
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.dialog(userInterface, title, true);
  }
  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.dialog(userInterface, title, false);
  }
  private dialog(userInterface: HtmlOutput, title: string, modal: boolean): void {
    const out = unwrapHtml(userInterface, modal ? "Ui.showModalDialog" : "Ui.showModelessDialog");
    this[INTERNAL].ctx.ui.dialogs.push({
      title: String(title),
      html: out.content,
      modal,
      ...(out.width === undefined ? {} : { width: out.width }),
      ...(out.height === undefined ? {} : { height: out.height }),
    });
  }
}
instrument(EmuUi, "Ui");

type MenuItem = { label: string; functionName: string } | { separator: true };

export class EmuMenu
  implements Pick<GoogleAppsScript.Base.Menu, "addItem" | "addSeparator" | "addToUi">
{
  readonly [INTERNAL]: { ctx: Ctx; title: string; items: MenuItem[] };
  constructor(ctx: Ctx, title: string) {
    this[INTERNAL] = { ctx, title, items: [] };
  }
  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    if (typeof caption !== "string" || caption === "")
      throw new Error("emulator: Menu.addItem needs a caption");
    // Apps Script calls a menu item's function by its global name: a dotted path or a private
    // (trailing _) name never runs.
    if (
      typeof functionName !== "string" ||
      !/^[A-Za-z_$][\w$]*$/.test(functionName) ||
      functionName.endsWith("_")
    ) {
      throw new Error(
        `emulator: Menu.addItem("${caption}", "${String(functionName)}"): not a callable top-level function name`,
      );
    }
    this[INTERNAL].items.push({ label: caption, functionName });
    return this as unknown as GoogleAppsScript.Base.Menu;
  }
  addSeparator(): GoogleAppsScript.Base.Menu {
    this[INTERNAL].items.push({ separator: true });
    return this as unknown as GoogleAppsScript.Base.Menu;
  }
  addToUi(): void {
    const { ctx, title, items } = this[INTERNAL];
    const menu = { title, items: items.map((i) => ({ ...i })) };
    // onOpen runs again on each open: the same menu replaces itself rather than piling up.
    const at = ctx.ui.menus.findIndex((m) => m.title === title);
    if (at === -1) ctx.ui.menus.push(menu);
    else ctx.ui.menus[at] = menu;
  }
}
instrument(EmuMenu, "Menu");

// ── HtmlService ─────────────────────────────────────────────────────────────────────────────────

export class EmuHtmlService
  implements
    Pick<
      GoogleAppsScript.HTML.HtmlService,
      "SandboxMode" | "XFrameOptionsMode" | "createHtmlOutput" | "createHtmlOutputFromFile"
    >
{
  readonly [INTERNAL]: { ctx: Ctx };
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): HtmlOutput {
    if (html !== undefined && typeof html !== "string")
      throw new Error("emulator: createHtmlOutput from a blob is not emulated");
    return new EmuHtmlOutput(this[INTERNAL].ctx, html ?? "") as unknown as HtmlOutput;
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const files = this[INTERNAL].ctx.opts.htmlFiles;
    const name = String(filename).replace(/\.html$/, "");
    const content = files[name];
    if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return new EmuHtmlOutput(this[INTERNAL].ctx, content) as unknown as HtmlOutput;
  }
}
instrument(EmuHtmlService, "HtmlService");

export type HtmlOutputMethods =
  | "append"
  | "clear"
  | "getContent"
  | "getHeight"
  | "getTitle"
  | "getWidth"
  | "setContent"
  | "setHeight"
  | "setSandboxMode"
  | "setTitle"
  | "setWidth"
  | "setXFrameOptionsMode";

export class EmuHtmlOutput implements Pick<HtmlOutput, HtmlOutputMethods> {
  readonly [INTERNAL]: {
    ctx: Ctx;
    content: string;
    title: string;
    width?: number;
    height?: number;
  };
  constructor(ctx: Ctx, content: string) {
    this[INTERNAL] = { ctx, content, title: "" };
  }
  append(addedContent: string): HtmlOutput {
    this[INTERNAL].content += String(addedContent);
    return this.self();
  }
  clear(): HtmlOutput {
    this[INTERNAL].content = "";
    return this.self();
  }
  getContent(): string {
    return this[INTERNAL].content;
  }
  setContent(content: string): HtmlOutput {
    this[INTERNAL].content = String(content);
    return this.self();
  }
  getTitle(): string {
    return this[INTERNAL].title;
  }
  setTitle(title: string): HtmlOutput {
    this[INTERNAL].title = String(title);
    return this.self();
  }
  getWidth(): number {
    return this[INTERNAL].width ?? 0;
  }
  setWidth(width: number): HtmlOutput {
    if (!Number.isInteger(width) || width < 0)
      throw new Error("emulator: HtmlOutput.setWidth expects pixels");
    this[INTERNAL].width = width;
    return this.self();
  }
  getHeight(): number {
    return this[INTERNAL].height ?? 0;
  }
  setHeight(height: number): HtmlOutput {
    if (!Number.isInteger(height) || height < 0)
      throw new Error("emulator: HtmlOutput.setHeight expects pixels");
    this[INTERNAL].height = height;
    return this.self();
  }
  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    return this.self();
  }
  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    return this.self();
  }
  private self(): HtmlOutput {
    return this as unknown as HtmlOutput;
  }
}
instrument(EmuHtmlOutput, "HtmlOutput");

function unwrapHtml(
  out: unknown,
  where: string,
): { content: string; title: string; width?: number; height?: number } {
  if (!(out instanceof EmuHtmlOutput))
    throw new Error(`emulator: ${where} expects an HtmlOutput from HtmlService`);
  return out[INTERNAL];
}
