/**
 * The services around the spreadsheet: Ui, HtmlService, PropertiesService, CacheService,
 * LockService, Session, Utilities, Logger and the Charts enums.
 */
import {
  Button,
  ButtonSet,
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  CurveStyle,
  enumName,
  member,
  Position,
  SandboxMode,
  XFrameOptionsMode,
} from "./enums.ts";
import { formatJavaDate } from "./format-date.ts";
import { type Ctx, cachedIn, INTERNAL, instrument, type LockHolder } from "./state.ts";
import { isDate, kindOf } from "./values.ts";

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

// ── PropertiesService ───────────────────────────────────────────────────────────────────────────

type Props = GoogleAppsScript.Properties.Properties;

export class EmuPropertiesService
  implements
    Pick<
      GoogleAppsScript.Properties.PropertiesService,
      "getDocumentProperties" | "getScriptProperties" | "getUserProperties"
    >
{
  readonly [INTERNAL]: { ctx: Ctx };
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  getDocumentProperties(): Props {
    return new EmuProperties(this[INTERNAL].ctx, "document") as unknown as Props;
  }
  getScriptProperties(): Props {
    return new EmuProperties(this[INTERNAL].ctx, "script") as unknown as Props;
  }
  getUserProperties(): Props {
    return new EmuProperties(this[INTERNAL].ctx, "user") as unknown as Props;
  }
}
instrument(EmuPropertiesService, "PropertiesService");
const MAX_PROPERTY_VALUE = 9 * 1024;

export class EmuProperties
  implements
    Pick<
      Props,
      | "deleteAllProperties"
      | "deleteProperty"
      | "getKeys"
      | "getProperties"
      | "getProperty"
      | "setProperties"
      | "setProperty"
    >
{
  readonly [INTERNAL]: { ctx: Ctx; store: "document" | "script" | "user" };
  constructor(ctx: Ctx, store: "document" | "script" | "user") {
    this[INTERNAL] = { ctx, store };
  }
  deleteAllProperties(): Props {
    this.map().clear();
    return this.self();
  }
  deleteProperty(key: string): Props {
    this.map().delete(String(key));
    return this.self();
  }
  getKeys(): string[] {
    return [...this.map().keys()];
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.map());
  }
  getProperty(key: string): string | null {
    return this.map().get(String(key)) ?? null;
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): Props {
    const entries = Object.entries(properties).map(([k, v]) => [k, propertyValue(k, v)] as const);
    if (deleteAllOthers) this.map().clear();
    for (const [k, v] of entries) this.map().set(k, v);
    return this.self();
  }
  setProperty(key: string, value: string): Props {
    this.map().set(String(key), propertyValue(String(key), value));
    return this.self();
  }
  private map(): Map<string, string> {
    const { ctx, store } = this[INTERNAL];
    return ctx.book.properties[store];
  }
  private self(): Props {
    return this as unknown as Props;
  }
}
instrument(EmuProperties, "Properties");

function propertyValue(key: string, value: unknown): string {
  if (value === null || value === undefined)
    throw new Error(`emulator: property "${key}" set to ${value}; use deleteProperty`);
  // Apps Script stores what String() gives, which is rarely what was meant for objects.
  if (typeof value === "object")
    throw new Error(
      `emulator: property "${key}" set to an ${kindOf(value)}; store JSON.stringify(…)`,
    );
  const text = String(value);
  if (text.length > MAX_PROPERTY_VALUE)
    throw new Error(`Argument too large: value (property "${key}")`);
  return text;
}

// ── CacheService ────────────────────────────────────────────────────────────────────────────────

export class EmuCacheService
  implements
    Pick<
      GoogleAppsScript.Cache.CacheService,
      "getDocumentCache" | "getScriptCache" | "getUserCache"
    >
{
  readonly [INTERNAL]: { ctx: Ctx };
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  getDocumentCache(): GoogleAppsScript.Cache.Cache | null {
    return new EmuCache(this[INTERNAL].ctx, "document") as unknown as GoogleAppsScript.Cache.Cache;
  }
  getScriptCache(): GoogleAppsScript.Cache.Cache {
    return new EmuCache(this[INTERNAL].ctx, "script") as unknown as GoogleAppsScript.Cache.Cache;
  }
  getUserCache(): GoogleAppsScript.Cache.Cache {
    return new EmuCache(this[INTERNAL].ctx, "user") as unknown as GoogleAppsScript.Cache.Cache;
  }
}
instrument(EmuCacheService, "CacheService");

const DEFAULT_TTL_S = 600;
const MAX_TTL_S = 21_600;
const MAX_CACHE_VALUE = 100 * 1024;

export class EmuCache
  implements
    Pick<GoogleAppsScript.Cache.Cache, "get" | "getAll" | "put" | "putAll" | "remove" | "removeAll">
{
  readonly [INTERNAL]: { ctx: Ctx; store: "document" | "script" | "user" };
  constructor(ctx: Ctx, store: "document" | "script" | "user") {
    this[INTERNAL] = { ctx, store };
  }
  get(key: string): string | null {
    const entry = this.map().get(String(key));
    if (!entry) return null;
    if (entry.expires <= this[INTERNAL].ctx.opts.now().getTime()) {
      this.map().delete(String(key));
      return null;
    }
    return entry.value;
  }
  getAll(keys: string[]): { [key: string]: string } {
    const out: { [key: string]: string } = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    const k = String(key);
    if (k.length > 250) throw new Error("Argument too large: key");
    if (typeof value !== "string")
      throw new Error(`emulator: Cache.put("${k}") expects a string value, got ${kindOf(value)}`);
    if (value.length > MAX_CACHE_VALUE) throw new Error("Argument too large: value");
    const ttl = Math.min(expirationInSeconds ?? DEFAULT_TTL_S, MAX_TTL_S);
    this.map().set(k, { value, expires: this[INTERNAL].ctx.opts.now().getTime() + ttl * 1000 });
  }
  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    this.map().delete(String(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this.map().delete(String(k));
  }
  private map(): Map<string, { value: string; expires: number }> {
    return this[INTERNAL].ctx.cache[this[INTERNAL].store];
  }
}
instrument(EmuCache, "Cache");

// ── LockService ─────────────────────────────────────────────────────────────────────────────────

type LockKind = "document" | "script" | "user";

export class EmuLockService
  implements
    Pick<GoogleAppsScript.Lock.LockService, "getDocumentLock" | "getScriptLock" | "getUserLock">
{
  readonly [INTERNAL]: { ctx: Ctx };
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    return new EmuLock(this[INTERNAL].ctx, "document") as unknown as GoogleAppsScript.Lock.Lock;
  }
  getScriptLock(): GoogleAppsScript.Lock.Lock {
    return new EmuLock(this[INTERNAL].ctx, "script") as unknown as GoogleAppsScript.Lock.Lock;
  }
  getUserLock(): GoogleAppsScript.Lock.Lock {
    return new EmuLock(this[INTERNAL].ctx, "user") as unknown as GoogleAppsScript.Lock.Lock;
  }
}
instrument(EmuLockService, "LockService");

/**
 * A lock shared by every Lock object of this "execution" (the emulator). Another execution is
 * simulated by Emulator.holdDocumentLock(); time does not pass, so a lock held elsewhere makes
 * tryLock answer false at once and waitLock throw, whatever the timeout.
 */
export class EmuLock
  implements Pick<GoogleAppsScript.Lock.Lock, "hasLock" | "releaseLock" | "tryLock" | "waitLock">
{
  readonly [INTERNAL]: { ctx: Ctx; kind: LockKind };
  constructor(ctx: Ctx, kind: LockKind) {
    this[INTERNAL] = { ctx, kind };
  }
  hasLock(): boolean {
    return this.holder() === "self";
  }
  releaseLock(): void {
    if (this.holder() === "self") this.set("free");
  }
  tryLock(timeoutInMillis: number): boolean {
    checkTimeout(timeoutInMillis, "Lock.tryLock");
    if (this.holder() === "other") return false;
    this.set("self");
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    checkTimeout(timeoutInMillis, "Lock.waitLock");
    if (this.holder() === "other")
      throw new Error("Lock timeout: another process was holding the lock for too long.");
    this.set("self");
  }
  private holder(): LockHolder {
    return this[INTERNAL].ctx.locks[this[INTERNAL].kind];
  }
  private set(h: LockHolder): void {
    this[INTERNAL].ctx.locks[this[INTERNAL].kind] = h;
  }
}
instrument(EmuLock, "Lock");

function checkTimeout(ms: unknown, where: string): void {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0)
    throw new Error(`emulator: ${where} expects a timeout in ms`);
  if (ms > 300_000)
    throw new Error(`emulator: ${where}: ${ms} ms exceeds Apps Script's 300000 ms maximum`);
}

// ── Session ─────────────────────────────────────────────────────────────────────────────────────

export class EmuSession
  implements
    Pick<
      GoogleAppsScript.Base.Session,
      | "getActiveUser"
      | "getActiveUserLocale"
      | "getEffectiveUser"
      | "getScriptTimeZone"
      | "getTemporaryActiveUserKey"
    >
{
  readonly [INTERNAL]: { ctx: Ctx };
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  getActiveUser(): GoogleAppsScript.Base.User {
    return new EmuUser(
      this[INTERNAL].ctx,
      this[INTERNAL].ctx.opts.userEmail,
    ) as unknown as GoogleAppsScript.Base.User;
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return new EmuUser(
      this[INTERNAL].ctx,
      this[INTERNAL].ctx.opts.userEmail,
    ) as unknown as GoogleAppsScript.Base.User;
  }
  getActiveUserLocale(): string {
    return this[INTERNAL].ctx.opts.userLocale;
  }
  getScriptTimeZone(): string {
    return this[INTERNAL].ctx.opts.scriptTimeZone;
  }
  getTemporaryActiveUserKey(): string {
    return "emulator-temporary-user-key";
  }
}
instrument(EmuSession, "Session");

export class EmuUser implements Pick<GoogleAppsScript.Base.User, "getEmail"> {
  readonly [INTERNAL]: { ctx: Ctx; email: string };
  constructor(ctx: Ctx, email: string) {
    this[INTERNAL] = { ctx, email };
  }
  getEmail(): string {
    return this[INTERNAL].email;
  }
}
instrument(EmuUser, "User");

// ── Utilities and Logger ────────────────────────────────────────────────────────────────────────

export class EmuUtilities
  implements
    Pick<GoogleAppsScript.Utilities.Utilities, "formatDate" | "formatString" | "getUuid" | "sleep">
{
  readonly [INTERNAL]: { ctx: Ctx };
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    return formatJavaDate(date, timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    return sprintf(template, args);
  }
  getUuid(): string {
    return globalThis.crypto.randomUUID();
  }
  /** Time does not pass in the emulator; a sleep is accepted and returns at once. */
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== "number" || milliseconds < 0)
      throw new Error("emulator: Utilities.sleep expects milliseconds");
    if (milliseconds > 300_000) throw new Error("emulator: Utilities.sleep over 300000 ms");
  }
}
instrument(EmuUtilities, "Utilities");

/** The subset of printf Apps Script's Utilities.formatString and Logger.log(format, …) accept. */
export function sprintf(template: string, args: unknown[]): string {
  let i = 0;
  return String(template).replace(
    /%(-?\d*)(?:\.(\d+))?([sdif%])/g,
    (m, width: string, precision: string | undefined, conv: string) => {
      if (conv === "%") return "%";
      if (i >= args.length) return m;
      const a = args[i++];
      let out: string;
      if (conv === "s")
        out = isDate(a)
          ? a.toString()
          : typeof a === "object" && a !== null
            ? JSON.stringify(a)
            : String(a);
      else if (conv === "d" || conv === "i") out = String(Math.trunc(Number(a)));
      else out = precision === undefined ? String(Number(a)) : Number(a).toFixed(Number(precision));
      const w = Number(width || 0);
      return w < 0 ? out.padEnd(-w) : out.padStart(w);
    },
  );
}

export class EmuLogger implements Pick<GoogleAppsScript.Base.Logger, "clear" | "getLog" | "log"> {
  readonly [INTERNAL]: { ctx: Ctx };
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  clear(): void {
    this[INTERNAL].ctx.logs.length = 0;
  }
  getLog(): string {
    return this[INTERNAL].ctx.logs.map((l) => `${l}\n`).join("");
  }
  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    const line =
      values.length > 0 && typeof data === "string"
        ? sprintf(data, values)
        : typeof data === "object" && data !== null && !isDate(data)
          ? JSON.stringify(data)
          : String(data);
    this[INTERNAL].ctx.logs.push(line);
    return this as unknown as GoogleAppsScript.Base.Logger;
  }
}
instrument(EmuLogger, "Logger");

// ── Charts (the enums a Sheets chart builder takes) ─────────────────────────────────────────────

export class EmuCharts
  implements
    Pick<
      GoogleAppsScript.Charts.Charts,
      | "ChartHiddenDimensionStrategy"
      | "ChartMergeStrategy"
      | "ChartType"
      | "CurveStyle"
      | "Position"
    >
{
  readonly [INTERNAL]: { ctx: Ctx };
  readonly ChartHiddenDimensionStrategy = ChartHiddenDimensionStrategy;
  readonly ChartMergeStrategy = ChartMergeStrategy;
  readonly ChartType = ChartType;
  readonly CurveStyle = CurveStyle;
  readonly Position = Position;
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
}
instrument(EmuCharts, "Charts");
