/**
 * The wizard as a user meets it, minus Google: the real bundle (dist/Code.js) runs on the
 * emulator in node:vm; a menu function opens the sidebar, and the HTML the emulator recorded for
 * it (dist/Sidebar.html as the server rewrote it) is served from 127.0.0.1 with google.script.run
 * relayed to the same bundle. Tests drive it in headless Chromium.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import vm from "node:vm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createEmulator, type EmulatorOptions } from "../../dev/emulator/index.ts";
import { type LoadedBundle, loadBundle } from "../../dev/harness/bundle.ts";
import { launchChromium } from "../../dev/harness/chromium.ts";
import { injectGoogleScriptShim } from "../../dev/harness/client-shim.ts";
import { handleRun } from "../../dev/harness/run-handler.ts";
import { DIST, ROOT } from "../../dev/paths.ts";

export type Emulator = ReturnType<typeof createEmulator>;

export const SCREENSHOTS = join(ROOT, "test-results", "screenshots");

export interface SidebarHarness {
  readonly emu: Emulator;
  readonly bundle: LoadedBundle;
  /** google.script.run calls that reached the bundle, by name, in order. */
  readonly calls: string[];
  /** Held before each relayed call is answered (0 by default); lets a test see busy states. */
  delayMs: number;
  /** Runs a menu function (showNewObjective / showObjectives) and serves the sidebar it opened. */
  openSidebar(functionName: "showNewObjective" | "showObjectives" | "showImport"): Promise<Page>;
  /** The sidebar last opened, as the emulator recorded it. */
  lastSidebar(): { title: string; html: string; width?: number };
  /** Messages the page logged as errors, and uncaught page errors. */
  readonly pageErrors: string[];
  /** Dialogs the page opened (alert, confirm): there should be none. */
  readonly dialogs: string[];
  close(): Promise<void>;
}

export interface HarnessOptions extends EmulatorOptions {
  /** Browser locale: it decides how <input type="date"> shows dates. */
  browserLocale?: string;
  /** Sidebar height in pixels; the width is always the sidebar's 300. */
  height?: number;
}

/** A user of `lang`, in a spreadsheet and a browser of the same language. */
export function userOptions(lang: "en" | "fr", timeZone: string): HarnessOptions {
  return {
    userLocale: lang,
    locale: lang === "fr" ? "fr_FR" : "en_US",
    timeZone,
    browserLocale: lang === "fr" ? "fr-FR" : "en-US",
  };
}

let sharedBrowser: Promise<Browser> | null = null;

/** One Chromium per test file; each harness gets its own context (cookies, storage, locale). */
export function browser(): Promise<Browser> {
  sharedBrowser ??= launchChromium();
  return sharedBrowser;
}

export async function closeBrowser(): Promise<void> {
  if (sharedBrowser) await (await sharedBrowser).close();
  sharedBrowser = null;
}

export async function startHarness(options: HarnessOptions = {}): Promise<SidebarHarness> {
  const { browserLocale, height, ...emulatorOptions } = options;
  const sidebarHtml = readFileSync(join(DIST, "Sidebar.html"), "utf8");
  const emu = createEmulator({
    timeZone: "Europe/Paris",
    ...emulatorOptions,
    htmlFiles: { Sidebar: sidebarHtml, ...(emulatorOptions.htmlFiles ?? {}) },
  });
  const bundle = loadBundle(emu.globals);
  // Dates from getValues must be the script realm's, as they are in Apps Script.
  emu.setDateConstructor(vm.runInContext("Date", bundle.context) as DateConstructor);

  const calls: string[] = [];
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  let served = "";
  const harness: SidebarHarness = {
    emu,
    bundle,
    calls,
    pageErrors,
    dialogs,
    delayMs: 0,
    lastSidebar() {
      const last = emu.ui.sidebars.at(-1);
      if (!last) throw new Error("no sidebar was opened");
      return last;
    },
    async openSidebar(functionName) {
      bundle.invoke(functionName);
      served = injectGoogleScriptShim(harness.lastSidebar().html, "/run");
      const page = await context.newPage();
      page.on("console", (m) => {
        if (m.type() === "error") pageErrors.push(m.text());
      });
      page.on("pageerror", (e) => pageErrors.push(e.message));
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`${origin}/sidebar`);
      return page;
    },
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server: Server = createServer((req, res) => {
    if (req.method === "POST" && req.url === "/run") {
      setTimeout(() => {
        void handleRun(
          req,
          res,
          () => bundle,
          (name) => calls.push(name),
        );
      }, harness.delayMs);
      return;
    }
    if (req.method === "GET" && req.url === "/sidebar") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(served);
      return;
    }
    // The browser asks for a favicon, which Apps Script would not serve either.
    res.writeHead(req.url === "/favicon.ico" ? 204 : 404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const context: BrowserContext = await (await browser()).newContext({
    viewport: { width: 300, height: height ?? 720 },
    locale: browserLocale ?? "en-US",
    // Chromium offline except for our server: nothing else to reach anyway.
    serviceWorkers: "block",
  });
  return harness;
}

/** Runs `body` on a fresh harness, and closes the harness whether `body` passed or threw. */
export async function withHarness(
  options: HarnessOptions,
  body: (h: SidebarHarness) => Promise<void>,
): Promise<void> {
  const h = await startHarness(options);
  try {
    await body(h);
  } finally {
    await h.close();
  }
}

/** Saves a screenshot of the sidebar under test-results/screenshots/<group>/<name>.png. */
export async function screenshot(page: Page, group: string, name: string): Promise<string> {
  const dir = join(SCREENSHOTS, group);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  // Let spinners and transitions settle into what a person would see.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  await page.screenshot({ path, animations: "disabled" });
  // The sidebar scrolls its middle part: keep what lies below the fold in view too.
  const scrolled = await page.evaluate(() => {
    const content = document.querySelector(".content");
    if (!content || content.scrollHeight <= content.clientHeight + 1) return false;
    content.scrollTop = content.scrollHeight;
    return true;
  });
  if (scrolled) {
    await page.screenshot({ path: join(dir, `${name}-end.png`), animations: "disabled" });
    await page.evaluate(() => {
      const content = document.querySelector(".content");
      if (content) content.scrollTop = 0;
    });
  }
  return path;
}

/** Text with every kind of space made one plain space (French uses U+00A0 and U+202F). */
export function plain(text: string | null | undefined): string {
  return (text ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
}

/** The values of a tab as the emulator holds them, header row first. */
export function tabValues(emu: Emulator, name: string): unknown[][] {
  const sheet = emu.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no tab named ${name}`);
  return sheet.getDataRange().getValues();
}

/** The rows of a tab below its header. */
export function dataRows(emu: Emulator, name: string): unknown[][] {
  return tabValues(emu, name).slice(1);
}

/** Row `row` (1 = first row below the header) of a tab, as { header: value }. */
export function rowByHeader(emu: Emulator, tab: string, row: number): Record<string, unknown> {
  const values = tabValues(emu, tab);
  const header = (values[0] ?? []).map(String);
  const cells = values[row] ?? [];
  return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
}

/**
 * Text whose contrast with its background is under WCAG AA (4.5:1, or 3:1 for large text), as
 * "text (ratio)". Backgrounds are the first opaque background colour up the tree; disabled
 * controls are exempt, as WCAG has it.
 */
export async function contrastProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (c: string): number[] => {
      const m = c.match(/[\d.]+/g);
      return m ? m.map(Number) : [0, 0, 0, 0];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if ((c[3] ?? 1) > 0.5 && c.length >= 3) return c;
      }
      return [255, 255, 255, 1];
    };
    const problems: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      const text = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? "")
        .join("")
        .trim();
      if (!text || el.offsetParent === null) continue;
      if (el.closest(":disabled, [aria-hidden=true], .sr-only")) continue;
      const style = getComputedStyle(el);
      const fg = parse(style.color);
      const bg = background(el);
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) problems.push(`${text.slice(0, 40)} (${ratio.toFixed(2)})`);
    }
    return problems;
  });
}

/** Form controls with no accessible name (no label, aria-label or aria-labelledby). */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("input, select, textarea, button")]
      .filter((el) => {
        const control = el as HTMLInputElement;
        if (el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")) return false;
        if (control.labels && control.labels.length > 0) return false;
        return el.tagName !== "BUTTON" || (el.textContent ?? "").trim() === "";
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}

/** Waits until the preview has answered for the current choices (or failed). */
export async function previewSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const card = document.querySelector(
      "[data-testid=wizard-preview], [data-testid=wizard-realism]",
    );
    const loading = document.querySelector("[data-testid=wizard-preview][data-state=loading]");
    return card !== null && loading === null && !document.querySelector(".realism .spinner");
  });
}

/** Leaves the advisor that opens a new objective for step S, with no KPI chosen. */
export async function skipAdvisor(page: Page): Promise<void> {
  await page.getByTestId("advisor-skip").click();
  await page.getByTestId("wizard-kpi").waitFor();
}

/**
 * Goes from step 1 to the review with the mouse: the KPI, the target (as typed), the owner and
 * the deadline (ISO); everything else as proposed.
 */
export async function fillToReview(
  page: Page,
  choices: { kpi: string; target: string; owner: string; deadline: string; name?: string },
): Promise<void> {
  await page.getByTestId("wizard-kpi").waitFor();
  await page.getByTestId("wizard-kpi").selectOption(choices.kpi);
  if (choices.name !== undefined) await page.getByTestId("wizard-name").fill(choices.name);
  await page.getByTestId("wizard-next").click();
  await page.getByTestId("wizard-sheet").waitFor();
  await page.getByTestId("wizard-next").click();
  await fromAchievableToReview(page, choices);
}

/**
 * From the Achievable step on screen to the review: the target (as typed), the owner and the
 * deadline (ISO); everything else as proposed.
 */
export async function fromAchievableToReview(
  page: Page,
  choices: { target: string; owner: string; deadline: string },
): Promise<void> {
  await page.getByTestId("wizard-target").waitFor();
  await page.getByTestId("wizard-target").fill(choices.target);
  await page.getByTestId("wizard-next").click();
  await page.getByTestId("wizard-owner").waitFor();
  await page.getByTestId("wizard-owner").fill(choices.owner);
  await page.getByTestId("wizard-next").click();
  await page.getByTestId("wizard-deadline").waitFor();
  await page.getByTestId("wizard-deadline").fill(choices.deadline);
  await page.getByTestId("wizard-next").click();
  await page.getByTestId("wizard-sentence").waitFor();
}
