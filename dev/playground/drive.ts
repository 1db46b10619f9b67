/**
 * Drives the real playground, for the browser tests and `npm run screenshots`: the server as
 * `npm start` runs it (`node dev/run.mjs dev/playground/start.ts`, on a free port, BROWSER=none),
 * and the page through Chromium the way a marketer would (menus, sidebar, tabs).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { DEMO_DATASET, DEMO_PROJECT } from "../bigquery/stand-in.ts";
import { ROOT } from "../paths.ts";

export interface RunningPlayground {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startPlayground(
  stateFile: string,
  extraArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<RunningPlayground> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      join(ROOT, "dev/run.mjs"),
      join(ROOT, "dev/playground/start.ts"),
      "--state",
      stateFile,
      // A small BigQuery stand-in unless asked otherwise: npm start's 3 million events take
      // seconds and a gigabyte, which a walk that does not use them should not pay.
      ...(extraArgs.some((a) => a.startsWith("--ga4-events")) ? [] : ["--ga4-events", "20000"]),
      ...extraArgs,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), BROWSER: "none", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`playground did not start:\n${output}`)),
      55_000,
    );
    const check = () => {
      const m = /^Playground: (http:\/\/localhost:\d+)$/m.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    };
    child.stdout?.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`playground exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      return exited;
    },
  };
}

export async function clickAddonMenu(page: Page, label: string | RegExp): Promise<void> {
  await page.getByRole("button", { name: "Extensions", exact: true }).click();
  await page.getByTestId("addon-menu").click();
  await page.getByTestId("menu-item").filter({ hasText: label }).click();
}

export async function activeTab(page: Page): Promise<string> {
  return (await page.locator("[data-testid=sheet-tab][aria-selected=true]").textContent()) ?? "";
}

/**
 * Waits until the tab shown is `name`, as after a script's activate(); a script error on the
 * page ends the wait at once with its message.
 */
export async function waitForTab(page: Page, name: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    if ((await activeTab(page)) === name) return;
    const error = page.getByTestId("script-error");
    if (await error.isVisible())
      throw new Error(`waiting for the tab "${name}": ${await error.textContent()}`);
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `the tab "${name}" was not shown within ${timeoutMs} ms (shown: "${await activeTab(page)}")`,
      );
    }
    await page.waitForTimeout(100);
  }
}

/**
 * Walks the wizard in the sidebar: the KPI, then Next through the steps, filling the target and
 * the deadline (and the owner, when asked) where they appear, then Create.
 */
export interface ObjectiveWalk {
  kpi: string;
  /** Answer the advisor (goal and channel ids) and pick `kpi` among its suggestions; else skip it. */
  advisor?: { goal: string; channel: string };
  name?: string;
  /** The target as typed, or computed from the baseline the wizard proposes. */
  target: string | ((baseline: string) => string);
  /** A baseline of one's own, from the one the wizard proposes. */
  baseline?: (proposed: string) => string;
  deadline: string;
  /** Start date (ISO); the wizard proposes today. */
  start?: string;
  /** Review frequency; the wizard proposes monthly. */
  frequency?: "weekly" | "monthly" | "quarterly";
  /**
   * A BigQuery table instead of a tab: project and dataset of a GA4 export (`events_*`), a preset
   * per KPI input (with its event names), and the figures previewed by running the query.
   */
  bigQuery?: {
    project: string;
    dataset: string;
    inputs: Record<string, { preset: string; events?: string }>;
  };
  owner: string;
  goal?: string;
  /** Called on each step before Next (screenshots). */
  onStep?: (title: string) => Promise<void>;
  /** Stop before Create (screenshots of the review). */
  stopAtReview?: boolean;
}

/** The "online sales" conversion (purchases per session) on the playground's generated GA4 export. */
export const DEMO_ONLINE_SALES: NonNullable<ObjectiveWalk["bigQuery"]> = {
  project: DEMO_PROJECT,
  dataset: DEMO_DATASET,
  inputs: {
    conversions: { preset: "key_events", events: "purchase" },
    visitors: { preset: "sessions" },
  },
};

/** Step M with a BigQuery source, up to its previewed figures. */
async function chooseBigQuery(
  sidebar: FrameLocator,
  bq: NonNullable<ObjectiveWalk["bigQuery"]>,
): Promise<void> {
  await sidebar.getByTestId("wizard-source-bigquery").check();
  await sidebar.getByTestId("wizard-bq-project").fill(bq.project);
  await sidebar.getByTestId("wizard-bq-dataset").fill(bq.dataset);
  for (const [input, { preset, events }] of Object.entries(bq.inputs)) {
    await sidebar.getByTestId(`wizard-input-${input}`).selectOption(preset);
    if (events !== undefined) await sidebar.getByTestId(`wizard-events-${input}`).fill(events);
  }
  // The run is offered once the scan of these choices is known.
  const run = sidebar.getByTestId("wizard-bq-run");
  await sidebar.getByTestId("wizard-bq-scan-text").waitFor({ timeout: 15_000 });
  await sidebar.locator("[data-testid=wizard-bq-run]:not([disabled])").waitFor({ timeout: 15_000 });
  await run.click();
  await sidebar.getByTestId("wizard-preview-value").waitFor({ timeout: 60_000 });
}

export async function createObjective(page: Page, o: ObjectiveWalk): Promise<FrameLocator> {
  const sidebar = page.frameLocator("[data-testid=sidebar]");
  // A new objective opens on the advisor: answered, or skipped to name the KPI directly.
  if (o.advisor) {
    await sidebar.locator(`[data-testid=advisor-goal][data-goal=${o.advisor.goal}]`).click();
    await sidebar
      .locator(`[data-testid=advisor-channel][data-channel=${o.advisor.channel}]`)
      .click();
    await sidebar.locator(`[data-testid=advisor-kpi][data-kpi=${o.kpi}]`).click();
    await sidebar.getByTestId("wizard-kpi").waitFor();
  } else {
    await sidebar.getByTestId("advisor-skip").click();
    await sidebar.getByTestId("wizard-kpi").selectOption(o.kpi);
  }
  if (o.name) await sidebar.getByTestId("wizard-name").fill(o.name);
  let bigQueryDone = o.bigQuery === undefined;
  for (let step = 0; step < 10; step++) {
    const bigQuery = sidebar.getByTestId("wizard-source-bigquery");
    if (!bigQueryDone && o.bigQuery && (await bigQuery.count()) > 0) {
      await chooseBigQuery(sidebar, o.bigQuery);
      bigQueryDone = true;
    }
    const fill = async (testid: string, value: string) => {
      const field = sidebar.getByTestId(testid);
      if ((await field.count()) > 0 && (await field.isVisible())) await field.fill(value);
    };
    const target = sidebar.getByTestId("wizard-target");
    if ((await target.count()) > 0 && (await target.isVisible())) {
      if (typeof o.target === "string" && !o.baseline) await target.fill(o.target);
      else {
        const baseline = sidebar.getByTestId("wizard-baseline");
        // The baseline arrives with the preview; give it a moment.
        for (let i = 0; i < 50 && (await baseline.inputValue()) === ""; i++)
          await page.waitForTimeout(100);
        const proposed = await baseline.inputValue();
        if (o.baseline) await baseline.fill(o.baseline(proposed));
        await target.fill(typeof o.target === "string" ? o.target : o.target(proposed));
      }
    }
    if (o.start) await fill("wizard-start", o.start);
    if (o.frequency) {
      const radio = sidebar.locator(`[data-key="frequency:${o.frequency}"]`);
      if ((await radio.count()) > 0 && (await radio.isVisible())) await radio.check();
    }
    await fill("wizard-deadline", o.deadline);
    await fill("wizard-owner", o.owner);
    if (o.goal) await fill("wizard-goal", o.goal);
    await o.onStep?.((await sidebar.locator("#step-title").textContent()) ?? "");
    const create = sidebar.getByTestId("wizard-create");
    if ((await create.count()) > 0) {
      if (o.stopAtReview) return sidebar;
      await create.click();
      await sidebar.getByTestId("wizard-done").waitFor({ timeout: 15_000 });
      return sidebar;
    }
    const stepTitle = sidebar.locator("#step-title");
    const before = await stepTitle.textContent();
    await sidebar.getByTestId("wizard-next").click();
    // The next step renders after its checks (some on the server): wait for its title.
    for (
      let waited = 0;
      waited < 5000 && (await stepTitle.textContent()) === before;
      waited += 100
    ) {
      const error = sidebar.getByTestId("wizard-error");
      if ((await error.count()) > 0) throw new Error(`wizard error: ${await error.textContent()}`);
      await page.waitForTimeout(100);
    }
  }
  const invalid = await sidebar
    .locator("[aria-invalid=true]")
    .evaluateAll((els) =>
      els.map((el) => `${el.getAttribute("data-testid")}: ${el.getAttribute("aria-describedby")}`),
    );
  throw new Error(
    `the wizard never offered Create (invalid fields: ${invalid.join(", ") || "none"})`,
  );
}
