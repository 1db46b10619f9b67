/**
 * The playground as a marketer meets it: `npm start`, sample data, an objective made in the
 * wizard, the dashboard; in English and in French; a restart; a bad CSV and a good one.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../dev/harness/chromium.ts";
import {
  activeTab,
  clickAddonMenu,
  createObjective,
  DEMO_ONLINE_SALES,
  type RunningPlayground,
  startPlayground,
  waitForTab,
} from "../../dev/playground/drive.ts";
import { CUSTOM_FUNCTIONS } from "../../src/kpi/functions/index.ts";
import { SCREENSHOTS } from "./sidebar-harness.ts";
import { skipBrowser } from "./support.ts";

const LONG = 150_000;

describe.skipIf(skipBrowser)("playground (npm start)", () => {
  let browser: Browser;
  let dir: string;
  const running: RunningPlayground[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), "kpi-playground-test-"));
  });

  afterAll(async () => {
    for (const p of running) await p.stop();
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // The walks begin on an empty workbook, as the walk does; the first-run seeding has
  // its own test below.
  async function start(
    stateFile: string,
    args: string[] = ["--empty"],
  ): Promise<RunningPlayground> {
    const p = await startPlayground(stateFile, args);
    running.push(p);
    return p;
  }

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("close", () => {
      if (errors.length > 0) throw new Error(`page errors: ${errors.join("; ")}`);
    });
    await page.goto(url);
    await page.getByTestId("grid").waitFor();
    return page;
  }

  async function gridText(page: Page): Promise<string> {
    return (await page.getByTestId("grid").textContent()) ?? "";
  }

  it(
    "walks from sample data to a dashboard in English, and a restart keeps the workbook",
    async () => {
      const stateFile = join(dir, "en", "workbook.json");
      const pg = await start(stateFile);
      const page = await open(pg.url);

      // The add-on menu is the bundle's own, under Extensions.
      await page.getByRole("button", { name: "Extensions" }).click();
      await page.getByTestId("addon-menu").click();
      const labels = await page.getByTestId("menu-item").allTextContents();
      expect(labels).toEqual([
        "New objective…",
        "Objectives…",
        "Build or refresh dashboard",
        "Import an export…",
        "Schedule and e-mail…",
        "Insert sample data",
        "Help",
      ]);
      await page.getByTestId("menu-item").filter({ hasText: "Insert sample data" }).click();
      await waitForTab(page, "Sample data");
      expect(await page.getByTestId("sheet-tab").allTextContents()).toContain("Sample visits");
      expect(await gridText(page)).toContain("Conversions");

      // Help writes and shows its own tab; the walk goes on from the data.
      await clickAddonMenu(page, "Help");
      await waitForTab(page, "KPI Pilot help");
      expect(await gridText(page)).toContain("New objective…");
      await page.getByTestId("sheet-tab").filter({ hasText: "Sample data" }).click();
      await waitForTab(page, "Sample data");

      await clickAddonMenu(page, "New objective…");
      await createObjective(page, {
        kpi: "conversion",
        name: "Raise conversion rate",
        target: "5",
        deadline: "2027-06-30",
        owner: "Claire",
      });
      await expect
        .poll(() => page.getByTestId("sheet-tab").allTextContents(), { timeout: 15_000 })
        .toContain("Objectives");

      await clickAddonMenu(page, "Build or refresh dashboard");
      await waitForTab(page, "KPI dashboard");
      expect(await gridText(page)).toContain("Raise conversion rate");
      expect(await page.getByTestId("chart").count()).toBeGreaterThanOrEqual(1);
      // The trend chart draws a line from the dashboard's data, not an empty frame.
      expect(await page.getByTestId("chart").first().locator("path").count()).toBeGreaterThan(0);
      await page.close();

      // A restart keeps the workbook, with the dashboard still the active tab.
      expect(await pg.stop()).toBe(0);
      expect(pg.output()).toContain("stopped");
      const saved = JSON.parse(readFileSync(stateFile, "utf8")) as {
        workbook: { activeSheet: string };
      };
      expect(saved.workbook.activeSheet).toBe("KPI dashboard");
      const again = await start(stateFile);
      const page2 = await open(again.url);
      expect(await activeTab(page2)).toBe("KPI dashboard");
      expect(await page2.getByTestId("sheet-tab").allTextContents()).toEqual(
        expect.arrayContaining(["Sample data", "Sample visits", "Objectives", "KPI dashboard"]),
      );
      expect(await gridText(page2)).toContain("Raise conversion rate");

      // Tens of thousands of visit rows: a window is drawn, and more on request.
      await page2.getByTestId("sheet-tab").filter({ hasText: "Sample visits" }).click();
      await page2.locator('[data-testid=grid][data-sheet="Sample visits"]').waitFor();
      const note = page2.locator("#more-rows");
      expect(await note.textContent()).toMatch(/Showing rows 1–1000 of \d{5}\./);
      await note.getByRole("button").click();
      await expect
        .poll(() => note.textContent(), { timeout: 10_000 })
        .toMatch(/Showing rows 1–2000 of/);
      await page2.close();
    },
    LONG,
  );

  it(
    "walks the same way in French, building the dashboard from the sidebar",
    async () => {
      const pg = await start(join(dir, "fr", "workbook.json"));
      const page = await open(`${pg.url}/?locale=fr`);
      await page.getByRole("button", { name: "Extensions" }).click();
      await page.getByTestId("addon-menu").click();
      expect(await page.getByTestId("menu-item").allTextContents()).toEqual([
        "Nouvel objectif…",
        "Objectifs…",
        "Créer ou actualiser le tableau de bord",
        "Importer un export…",
        "Planification et e-mail…",
        "Insérer des données d'exemple",
        "Aide",
      ]);
      await page
        .getByTestId("menu-item")
        .filter({ hasText: "Insérer des données d'exemple" })
        .click();
      await waitForTab(page, "Données d'exemple");

      await clickAddonMenu(page, "Nouvel objectif…");
      const sidebar = await createObjective(page, {
        kpi: "conversion",
        name: "Augmenter le taux de conversion",
        target: "5",
        deadline: "2027-06-30",
        owner: "Claire",
      });
      // The sidebar's own "Build dashboard" goes through google.script.run; the page follows.
      await sidebar.getByTestId("wizard-build-dashboard").click();
      await waitForTab(page, "Tableau de bord KPI");
      expect(await gridText(page)).toContain("Augmenter le taux de conversion");
      expect(await page.getByTestId("chart").count()).toBeGreaterThanOrEqual(1);
      // A French workbook: decimal commas in the dashboard's percentages.
      expect(await gridText(page)).toMatch(/\d,\d\s?%/);
      await page.close();
    },
    LONG,
  );

  it(
    "refuses a malformed CSV and leaves the workbook as it was; imports a French export",
    async () => {
      const stateFile = join(dir, "csv", "workbook.json");
      const pg = await start(stateFile);
      const page = await open(pg.url);
      // One change first, so there is a saved workbook to compare.
      await clickAddonMenu(page, "Insert sample data");
      await waitForTab(page, "Sample data");
      const before = readFileSync(stateFile, "utf8");
      const tabsBefore = await page.getByTestId("sheet-tab").allTextContents();

      await page.getByTestId("csv-input").setInputFiles({
        name: "broken.csv",
        mimeType: "text/csv",
        buffer: Buffer.from('date,clicks\n2025-01-01,3\n"2025-01-02,4\n2025-01-03,5\n'),
      });
      const alert = page.getByTestId("alert");
      await alert.waitFor();
      expect(await alert.textContent()).toContain("broken.csv");
      expect(await alert.textContent()).toContain("Line 3");
      await alert.getByRole("button", { name: "OK" }).click();
      expect(await page.getByTestId("sheet-tab").allTextContents()).toEqual(tabsBefore);
      expect(readFileSync(stateFile, "utf8")).toBe(before);

      const csv =
        "\ufeffJour;Visiteurs;Conversions;Chiffre d'affaires\n01/03/2025;1 204;31;1 234,50\n02/03/2025;980;22;812,75\n";
      const file = join(dir, "export-fr.csv");
      writeFileSync(file, csv);
      await page.getByTestId("csv-input").setInputFiles(file);
      await waitForTab(page, "export-fr");
      const text = await gridText(page);
      expect(text).toContain("Chiffre d'affaires");
      // "1 234,50" and "1 204" were read as numbers, shown as Sheets shows unformatted numbers.
      expect(text).toContain("1234.5");
      expect(text).toContain("1204");
      expect(text).toContain("2025-03-01");
      // The toast says what was imported and how the dates were read.
      expect(await page.getByTestId("toast").last().textContent()).toContain("day/month/year");
      await page.close();
    },
    LONG,
  );

  it(
    "a BigQuery objective on the generated GA4 export: previewed, created, on the dashboard beside a tab's",
    async () => {
      const stateFile = join(dir, "bigquery", "workbook.json");
      const pg = await start(stateFile, ["--ga4-events", "200000"]);
      expect(pg.output()).toMatch(
        /BigQuery stand-in: generating 200,000 GA4 events in kpi-pilot-demo\.analytics_demo\.events_\*/,
      );
      const page = await open(pg.url);
      await waitForTab(page, "Sample data");
      // The page names the table the local stand-in holds.
      const badge = page.getByTestId("bigquery-badge");
      expect(await badge.textContent()).toBe(
        "BigQuery (local stand-in): kpi-pilot-demo.analytics_demo.events_*",
      );
      expect(await badge.getAttribute("title")).toMatch(/^200,000 generated GA4 events/);

      // A tab's objective first, then the "online sales" conversion on the export.
      await clickAddonMenu(page, "New objective…");
      await createObjective(page, {
        kpi: "conversion",
        name: "Newsletter conversion",
        target: (baseline) => String(Number(baseline) + 1),
        deadline: "2027-06-30",
        owner: "Claire",
      });
      await clickAddonMenu(page, "New objective…");
      const sidebar = await createObjective(page, {
        // The advisor: online sales from the website → the conversion rate.
        advisor: { goal: "sales", channel: "website" },
        kpi: "conversion",
        name: "Online sales per session",
        bigQuery: DEMO_ONLINE_SALES,
        // The baseline comes from the previewed query: a target a little above it.
        target: (baseline) => (Number(baseline) * 1.05).toFixed(2),
        deadline: "2027-12-31",
        owner: "Ana",
      });
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, "playground-bigquery-created.png") });
      await sidebar.getByTestId("wizard-build-dashboard").click();
      await waitForTab(page, "KPI dashboard", 60_000);
      await page.screenshot({ path: join(SCREENSHOTS, "playground-bigquery-dashboard.png") });
      const dashboard = await gridText(page);
      expect(dashboard).toContain("Newsletter conversion");
      expect(dashboard).toContain("Online sales per session");
      expect(dashboard).toContain("BigQuery: reads kpi-pilot-demo.analytics_demo.events_*");
      expect(dashboard).not.toMatch(/Cannot compute|could not run|found no table/);
      // Reopened, the workbook keeps one hidden data-source sheet per query: a rebuild adds none.
      const sheetsAfterFirst = (
        JSON.parse(readFileSync(stateFile, "utf8")) as {
          workbook: { sheets: unknown[] };
        }
      ).workbook.sheets.length;
      await clickAddonMenu(page, "Build or refresh dashboard");
      await waitForTab(page, "KPI dashboard");
      await page.close();
      expect(await pg.stop()).toBe(0);
      const saved = JSON.parse(readFileSync(stateFile, "utf8")) as {
        workbook: { sheets: { hidden: boolean; dataSource?: unknown }[] };
      };
      expect(saved.workbook.sheets.length).toBe(sheetsAfterFirst);
      // Two data-source sheets: the wizard's preview and the build's one query.
      expect(saved.workbook.sheets.filter((s) => s.dataSource).map((s) => s.hidden)).toEqual([
        true,
        true,
      ]);
    },
    LONG,
  );

  it("opens a first run on the sample data, in the first user's language, and only once", async () => {
    const stateFile = join(dir, "seed", "workbook.json");
    const pg = await start(stateFile, []);
    const page = await open(`${pg.url}/?locale=fr`);
    await waitForTab(page, "Données d'exemple");
    expect(await page.getByTestId("sheet-tab").allTextContents()).toEqual([
      "Feuille 1",
      "Données d'exemple",
      "Visites d'exemple",
    ]);
    expect(await activeTab(page)).toBe("Données d'exemple");
    expect(await gridText(page)).toContain("Chiffre d'affaires");
    await page.close();
    await pg.stop();
    // The saved workbook is not seeded again on the next start.
    const again = await start(stateFile, []);
    const page2 = await open(again.url);
    expect(await page2.getByTestId("sheet-tab").allTextContents()).toHaveLength(3);
    await page2.close();
  });

  it("starts from an empty workbook when the saved one is unreadable, keeping it as .bak", async () => {
    const stateFile = join(dir, "corrupt", "workbook.json");
    mkdirSync(join(dir, "corrupt"));
    writeFileSync(stateFile, '{"format":"kpi-pilot-playground","version":1,"workbook":{"sheets":');
    const pg = await start(stateFile);
    expect(pg.output()).toContain(`It was kept as ${stateFile}.bak`);
    expect(readFileSync(`${stateFile}.bak`, "utf8")).toContain('"workbook":{"sheets":');
    const page = await open(pg.url);
    await expect
      .poll(() => page.getByTestId("toast").allTextContents())
      .toEqual([expect.stringContaining("could not be read")]);
    expect(await page.getByTestId("sheet-tab").allTextContents()).toEqual(["Sheet1"]);
    await page.close();
  });

  it("imports a CSV given on the command line as a new tab at start", async () => {
    const file = join(dir, "ga4 export.csv");
    writeFileSync(file, "Date,Sessions,Engaged sessions\n20250301,120,80\n20250302,98,61\n");
    const pg = await start(join(dir, "cli", "workbook.json"), ["--csv", file]);
    expect(pg.output()).toContain("as the tab “ga4 export”: 2 rows × 3 columns");
    const page = await open(pg.url);
    expect(await activeTab(page)).toBe("ga4 export");
    expect(await gridText(page)).toContain("2025-03-01");
    await page.close();
  });

  it(
    "lets a user type values and a KPI formula, computed by the add-on's own custom function",
    async () => {
      const pg = await start(join(dir, "edit", "workbook.json"));
      const page = await open(pg.url);
      const cell = (r: number, c: number) =>
        page.locator(`[data-testid=grid] td[data-r="${r}"][data-c="${c}"]`);
      // Type numbers into the empty sheet as a user would: select, type, Enter.
      await cell(1, 1).click();
      await page.keyboard.type("Clicks");
      await page.keyboard.press("Tab");
      await page.keyboard.type("Impressions");
      await page.keyboard.press("Enter");
      await cell(2, 1).click();
      await page.keyboard.type("30");
      await page.keyboard.press("Enter");
      await page.keyboard.type("20");
      await page.keyboard.press("Enter");
      await cell(2, 2).dblclick();
      await page.getByTestId("cell-editor").fill("1000");
      await page.keyboard.press("Enter");
      await page.keyboard.type("1000");
      await page.keyboard.press("Enter");
      await cell(5, 1).click();
      await page.keyboard.type("=KPI_CTR(A2:A3, B2:B3)");
      await page.keyboard.press("Enter");
      await expect.poll(async () => cell(5, 1).textContent()).toBe("0.025");
      await cell(5, 1).click();
      expect(await page.getByTestId("formula-bar").inputValue()).toBe("=KPI_CTR(A2:A3, B2:B3)");
      // A function the playground does not compute says so instead of guessing.
      await cell(6, 1).click();
      await page.keyboard.type("=VLOOKUP(1, A1:B3, 2)");
      await page.keyboard.press("Enter");
      await expect.poll(async () => cell(6, 1).textContent()).toBe("#N/A");
      expect(await cell(6, 1).getAttribute("title")).toContain("not computed in the playground");

      // File ▸ Reset asks first, then starts again from an empty sheet.
      await page.getByRole("button", { name: "File", exact: true }).click();
      await page.getByTestId("reset").click();
      await page.getByTestId("confirm-dialog").getByRole("button", { name: "Cancel" }).click();
      expect(await cell(5, 1).textContent()).toBe("0.025");
      await page.getByRole("button", { name: "File", exact: true }).click();
      await page.getByTestId("reset").click();
      await page.getByTestId("confirm").click();
      await expect.poll(async () => cell(5, 1).textContent()).toBe("");
      expect(await page.getByTestId("sheet-tab").allTextContents()).toEqual(["Sheet1"]);
      await page.close();
    },
    LONG,
  );

  it(
    "runs the weekly review: schedule on, clock advanced, the digest in the Outbox, a new block of history; a second review says what changed",
    async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const pg = await start(join(dir, "review", "workbook.json"));
      const page = await open(pg.url);
      await clickAddonMenu(page, "Insert sample data");
      await waitForTab(page, "Sample data");
      const nextYear = `${new Date().getUTCFullYear() + 1}-12-31`;
      await clickAddonMenu(page, "New objective…");
      await createObjective(page, {
        kpi: "conversion",
        name: "Website conversion rate",
        target: "5",
        deadline: nextYear,
        owner: "Claire",
        frequency: "weekly",
      });

      // 1. The schedule on, for one address.
      await clickAddonMenu(page, "Schedule and e-mail…");
      const sidebar = page.frameLocator("[data-testid=sidebar]");
      await sidebar.getByTestId("schedule-enable").check();
      await sidebar.getByTestId("schedule-recipients").fill("boss@example.com");
      await sidebar.getByTestId("schedule-save").click();
      await expect
        .poll(async () => sidebar.getByTestId("schedule-notice").textContent())
        .toContain("Schedule on: every Monday at 08:00");
      expect(await sidebar.getByTestId("schedule-owner").textContent()).toContain(
        "The schedule is yours",
      );
      await page.screenshot({ path: join(SCREENSHOTS, "playground-schedule.png") });

      // 2. The clock to the next review.
      const outboxButton = page.getByTestId("outbox-toggle");
      expect(await outboxButton.textContent()).toBe("Outbox (0)");
      await page.getByTestId("clock-advance").click();
      await expect.poll(async () => outboxButton.textContent()).toBe("Outbox (1)");

      // 3. The digest in the Outbox, in English, naming the objective, its status and reason.
      await outboxButton.click();
      const messages = page.getByTestId("outbox").getByTestId("outbox-message");
      expect(await messages.count()).toBe(1);
      expect(await messages.first().textContent()).toMatch(/^KPI review, week of \d+ \w+: /);
      await messages.first().click();
      const mail = page.frameLocator("[data-testid=outbox-view]");
      const first = (await mail.locator("body").textContent()) ?? "";
      expect(first).toContain("Website conversion rate");
      const status = mail.locator("[data-status]");
      expect(await status.count()).toBe(1);
      expect(await status.textContent()).toMatch(
        /^(Not started|On track|At risk|Off track|Achieved|Missed)$/,
      );
      expect(first).toContain("This is the first review");
      await page.screenshot({ path: join(SCREENSHOTS, "playground-digest-1.png") });
      await page.getByTestId("outbox-dialog").getByRole("button", { name: "Close" }).click();

      // 4. A new block of rows in the history tab.
      await page.getByTestId("sheet-tab").filter({ hasText: "KPI history" }).click();
      await waitForTab(page, "KPI history");
      const history = await gridText(page);
      expect(history).toContain("Review date");
      expect(history).toContain("Website conversion rate");
      const reviewDay = (await page.evaluate(async () => {
        const r = await fetch("/api/state?rows=10");
        const s = (await r.json()) as { state: { active: { cells: ({ d?: string } | null)[][] } } };
        return s.state.active.cells[1]?.[0]?.d ?? "";
      })) as string;
      expect(reviewDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      // A week of new numbers arrives, up to the Sunday after the review, as an export imported
      // into the data tab with the add-on's own Import an export… (new days appended).
      await page.getByTestId("sheet-tab").filter({ hasText: "Sample data" }).click();
      await waitForTab(page, "Sample data");
      const days = await page.evaluate(async (review: string) => {
        const s = (await (await fetch("/api/state?locale=en&rows=2000")).json()) as {
          state: { active: { cells: ({ d?: string } | null)[][]; totalRows: number } };
        };
        const last = s.state.active.cells[s.state.active.totalRows - 1]?.[0]?.d ?? "";
        const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
        const out: string[] = [];
        for (let d = day(last) + 1; d <= day(review) + 6; d++)
          out.push(new Date(d * 86_400_000).toISOString().slice(0, 10));
        return out;
      }, reviewDay);
      expect(days.length).toBeGreaterThan(0);
      await clickAddonMenu(page, "Import an export…");
      await sidebar.getByTestId("import-target").selectOption("Sample data");
      await sidebar.getByTestId("import-file").setInputFiles({
        name: "week.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(
          ["Date,Visitors,Conversions", ...days.map((d) => `${d},2000,120`)].join("\n"),
        ),
      });
      await sidebar.getByTestId("import-found").waitFor();
      await sidebar.getByTestId("import-run").click();
      await sidebar.getByTestId("import-done").waitFor();
      expect(await sidebar.getByTestId("import-done").textContent()).toContain(
        `${days.length} rows added`,
      );

      // A second advance: a second digest that says what changed.
      await page.getByTestId("clock-advance").click();
      await expect.poll(async () => outboxButton.textContent()).toBe("Outbox (2)");
      await messages.first().click();
      const second = (await mail.locator("body").textContent()) ?? "";
      expect(second).toContain(`What changed since the review of`);
      expect(second).toMatch(/Website conversion rate: [\d.]+% → [\d.]+%/);
      await page.screenshot({ path: join(SCREENSHOTS, "playground-digest-2.png") });
      await page.getByTestId("outbox-dialog").getByRole("button", { name: "Close" }).click();
      await page.getByTestId("sheet-tab").filter({ hasText: "KPI history" }).click();
      await waitForTab(page, "KPI history");
      expect((await gridText(page)).match(/Website conversion rate/g)).toHaveLength(2);
      // The dashboard the second review rebuilt compares with the first review's row.
      await page.locator("#outbox-close").click();
      await page.locator("#sidebar-close").click();
      await page.setViewportSize({ width: 1800, height: 560 });
      await page.getByTestId("sheet-tab").filter({ hasText: "KPI dashboard" }).click();
      await waitForTab(page, "KPI dashboard");
      const dash = await gridText(page);
      expect(dash).toContain("Since last review");
      expect(dash).toMatch(/; last review \d+ \w+ \d{4}/);
      // Against the first review's row: a status's move or a change, never "—".
      const since = await page.evaluate(async () => {
        const r = await fetch("/api/state?rows=10");
        const st = (await r.json()) as {
          state: { active: { cells: ({ d?: string } | null)[][] } };
        };
        const cells = st.state.active.cells;
        const head = cells.findIndex((row) => row?.[0]?.d === "Objective");
        const c = (cells[head] ?? []).findIndex((cell) => cell?.d === "Since last review");
        return cells[head + 1]?.[c]?.d ?? "";
      });
      expect(since).toMatch(/^(.+ → .+|[+−-]?\d+\.\d\u00a0pts?)$/);
      await page.screenshot({ path: join(SCREENSHOTS, "playground-dashboard-since-review.png") });
      await page.close();
    },
    LONG,
  );

  it(
    "in a French workbook: =KPI_ offers the functions with their help, formulas show with ;, and a blocked array is #REF!",
    async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const pg = await start(join(dir, "formulas-fr", "workbook.json"));
      const page = await open(`${pg.url}/?locale=fr`);
      const cell = (r: number, c: number) =>
        page.locator(`[data-testid=grid] td[data-r="${r}"][data-c="${c}"]`);
      const type = async (r: number, c: number, text: string) => {
        await cell(r, c).click();
        await page.keyboard.type(text);
        await page.keyboard.press("Enter");
      };
      await type(1, 1, "30");
      await type(2, 1, "1000");
      await type(3, 1, "20");
      await type(4, 1, "500");

      // "=KPI_" lists every custom function, with its signature in French separators.
      await cell(1, 3).click();
      await page.keyboard.type("=KPI_");
      const items = page.getByTestId("formula-suggestion");
      await expect.poll(async () => items.count()).toBe(CUSTOM_FUNCTIONS.length);
      expect(await items.first().getAttribute("data-name")).toBe(CUSTOM_FUNCTIONS[0]?.name);
      expect(await page.locator('[data-name="KPI_CTR"]').textContent()).toContain(
        "KPI_CTR(clicks; impressions; [mode])Taux de clics (CTR)",
      );
      await page.screenshot({ path: join(SCREENSHOTS, "playground-autocomplete-fr.png") });
      // Narrowing, then Tab, writes the name and "("; the argument help follows the caret.
      await page.keyboard.type("CT");
      await expect.poll(async () => items.count()).toBe(1);
      await page.keyboard.press("Tab");
      expect(await page.getByTestId("cell-editor").inputValue()).toBe("=KPI_CTR(");
      const current = page.getByTestId("formula-arg-current");
      expect(await current.textContent()).toBe("clicks");
      await page.keyboard.type("A1;");
      expect(await current.textContent()).toBe("impressions");
      await page.screenshot({ path: join(SCREENSHOTS, "playground-arg-help-fr.png") });
      await page.keyboard.type("A2)");
      await page.keyboard.press("Enter");
      await expect.poll(async () => cell(1, 3).textContent()).toBe("0,03");
      await cell(1, 3).click();
      expect(await page.getByTestId("formula-bar").inputValue()).toBe("=KPI_CTR(A1;A2)");
      // A comma after a reference is still read as a separator; one in a number is a decimal.
      await type(2, 3, "=KPI_CTR(A3,A4)");
      await expect.poll(async () => cell(2, 3).textContent()).toBe("0,04");
      await cell(2, 3).click();
      expect(await page.getByTestId("formula-bar").inputValue()).toBe("=KPI_CTR(A3;A4)");
      await type(3, 3, "=KPI_GROWTH(1,5;1)");
      await expect.poll(async () => cell(3, 3).textContent()).toBe("0,5");
      await cell(3, 3).click();
      expect(await page.getByTestId("formula-bar").inputValue()).toBe("=KPI_GROWTH(1,5;1)");

      // A "rows" result over an occupied cell does not spill: #REF! with Sheets' message.
      await type(6, 2, "taken");
      await type(5, 2, '=KPI_CTR(A1:A3;A2:A4;"rows")');
      await expect.poll(async () => cell(5, 2).textContent()).toBe("#REF!");
      expect(await cell(5, 2).getAttribute("title")).toBe(
        "Array result was not expanded because it would overwrite data in B6.",
      );
      expect(await cell(6, 2).textContent()).toBe("taken");
      // Cleared, the same formula spills.
      await cell(6, 2).click();
      await page.keyboard.press("Delete");
      await expect.poll(async () => cell(6, 2).textContent()).not.toBe("taken");
      await expect.poll(async () => cell(5, 2).textContent()).toBe("0,03");
      expect(await cell(7, 2).textContent()).toBe("0,04");

      // Help writes its tab in French, its examples with ";" and decimal commas.
      await clickAddonMenu(page, "Aide");
      await waitForTab(page, "Aide KPI Pilot");
      const text = await gridText(page);
      expect(text).toContain("KPI_CTR(clicks; impressions; [mode])");
      expect(text).toContain("=KPI_PROGRESS(0,04; 0,05; 0,03)");
      await page.screenshot({ path: join(SCREENSHOTS, "playground-help-fr.png") });
      await page
        .locator('[data-testid=grid] td[data-r="30"][data-c="1"]')
        .evaluate((td) => td.scrollIntoView({ block: "start" }));
      await page.screenshot({ path: join(SCREENSHOTS, "playground-help-fr-functions.png") });
      await page.close();
    },
    LONG,
  );

  it(
    "writes the help tab in English from the Help menu",
    async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const pg = await start(join(dir, "help-en", "workbook.json"));
      const page = await open(pg.url);
      await clickAddonMenu(page, "Help");
      await waitForTab(page, "KPI Pilot help");
      const text = await gridText(page);
      expect(text).toContain("KPI_CTR(clicks, impressions, [mode])");
      expect(text).toContain("=KPI_PROGRESS(0.04, 0.05, 0.03)");
      await page.screenshot({ path: join(SCREENSHOTS, "playground-help-en.png") });
      await page.close();
    },
    LONG,
  );
});
