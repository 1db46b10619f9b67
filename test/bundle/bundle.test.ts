import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../dev/emulator/index.ts";
import { loadBundle, readBundle } from "../../dev/harness/bundle.ts";
import { DIST } from "../../dev/paths.ts";
import { CUSTOM_FUNCTIONS } from "../../src/kpi/functions/index.ts";
import { MENU_ITEMS } from "../../src/sheets/menu.ts";
import { checkBundle } from "./check-bundle.ts";

const code = readBundle();

describe("dist/Code.js", () => {
  it("passes the bundle check: stubs, JSDoc and parameter names", () => {
    expect(checkBundle(code, CUSTOM_FUNCTIONS)).toEqual([]);
  });

  it("has all 19 custom functions", () => {
    expect(CUSTOM_FUNCTIONS.map((s) => s.name)).toHaveLength(19);
  });

  it("loads with no Apps Script service touched (checked by throwing globals)", () => {
    // checkBundle already loads it under throwing globals; this proves the globals do throw.
    const touching = `${code}\nSpreadsheetApp.getActive();`;
    expect(checkBundle(touching, CUSTOM_FUNCTIONS)[0]).toMatch(
      /SpreadsheetApp.getActive was touched while the script loaded/,
    );
  });

  it("has a top-level function for every menu item", () => {
    const bundle = loadBundle(createEmulator().globals, code);
    for (const item of MENU_ITEMS) expect(bundle.names).toContain(item.functionName);
  });

  it("keeps helpers out of reach of google.script.run", () => {
    const bundle = loadBundle(createEmulator().globals, code);
    expect(() => bundle.run("buildMenu", [])).toThrow(/Script function not found: buildMenu/);
    expect(() => bundle.run("KpiPilot", [])).toThrow(/Script function not found/);
  });
});

describe("the bundle checker can fail", () => {
  const spec = CUSTOM_FUNCTIONS.find((s) => s.name === "KPI_CTR")!;
  const stubLine = code.split("\n").find((l) => l.startsWith("function KPI_CTR("))!;

  it("reports a missing stub", () => {
    const broken = code.replace(`${stubLine}\n`, "");
    expect(checkBundle(broken, CUSTOM_FUNCTIONS)).toContain(
      "KPI_CTR is exported but has no top-level function",
    );
  });

  it("reports a missing JSDoc block", () => {
    const broken = code.replace(/\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n(?=function KPI_CTR\()/, "");
    expect(checkBundle(broken, CUSTOM_FUNCTIONS)).toContain(
      "KPI_CTR: no JSDoc block directly above the stub",
    );
  });

  it("reports a renamed or dropped parameter", () => {
    const first = spec.params[0]!.name;
    const broken = code.replace(stubLine, stubLine.replace(`(${first},`, "(arg1,"));
    expect(checkBundle(broken, CUSTOM_FUNCTIONS).join("\n")).toMatch(/KPI_CTR: stub parameters/);
    const noParams = code.replace(stubLine, stubLine.replace(/\([^)]*\)/, "()"));
    expect(checkBundle(noParams, CUSTOM_FUNCTIONS).join("\n")).toMatch(/KPI_CTR: stub parameters/);
  });

  it("reports a missing @customfunction tag", () => {
    const broken = code.replace(
      / \* @customfunction\n \*\/\nfunction KPI_CTR\(/,
      " */\nfunction KPI_CTR(",
    );
    expect(checkBundle(broken, CUSTOM_FUNCTIONS)).toContain("KPI_CTR: JSDoc lacks @customfunction");
  });
});

describe("onOpen from the bundle", () => {
  for (const [locale, labels] of [
    [
      "en_US",
      [
        "New objective…",
        "Objectives…",
        "Build or refresh dashboard",
        "Import an export…",
        "Schedule and e-mail…",
        "Insert sample data",
        "Help",
      ],
    ],
    [
      "fr_FR",
      [
        "Nouvel objectif…",
        "Objectifs…",
        "Créer ou actualiser le tableau de bord",
        "Importer un export…",
        "Planification et e-mail…",
        "Insérer des données d'exemple",
        "Aide",
      ],
    ],
  ] as const) {
    it(`builds the add-on menu in ${locale}`, () => {
      const emulator = createEmulator({ userLocale: locale });
      const bundle = loadBundle(emulator.globals, code);
      bundle.invoke("onOpen", [{ authMode: "NONE" }]);
      expect(emulator.ui.menus).toHaveLength(1);
      const items = emulator.ui.menus[0]!.items.flatMap((i) => ("label" in i ? [i] : []));
      expect(items.map((i) => i.label)).toEqual([...labels]);
      for (const item of items) expect(bundle.names).toContain(item.functionName);
    });
  }

  it("still builds the menu, in English, where the user's locale cannot be read", () => {
    const emulator = createEmulator({ userLocale: "fr_FR" });
    const refusing = new Proxy(
      {},
      {
        get() {
          throw new Error("Session is not available in AuthMode.NONE");
        },
      },
    );
    const bundle = loadBundle({ ...emulator.globals, Session: refusing }, code);
    bundle.invoke("onOpen", [{ authMode: "NONE" }]);
    const items = emulator.ui.menus[0]!.items.flatMap((i) => ("label" in i ? [i] : []));
    expect(items[0]?.label).toBe("New objective…");
  });

  it("onInstall builds the same menu", () => {
    const emulator = createEmulator({ userLocale: "en" });
    loadBundle(emulator.globals, code).invoke("onInstall", [{ authMode: "FULL" }]);
    expect(emulator.ui.menus).toHaveLength(1);
  });
});

describe("dist/Sidebar.html and dist/appsscript.json", () => {
  const html = readFileSync(join(DIST, "Sidebar.html"), "utf8");

  it("is one self-contained file", () => {
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*\shref=/i);
    // Inline scripts must not close early: the only </script> tags are the real closing ones.
    const opened = html.match(/<script\b/gi)?.length ?? 0;
    expect(html.match(/<\/script>/gi)?.length ?? 0).toBe(opened);
  });

  it("declares V8, a time zone, Stackdriver logging and only the five narrow scopes", () => {
    const manifest = JSON.parse(readFileSync(join(DIST, "appsscript.json"), "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
    expect(typeof manifest.timeZone).toBe("string");
    expect(manifest.exceptionLogging).toBe("STACKDRIVER");
    expect(manifest.oauthScopes).toEqual([
      "https://www.googleapis.com/auth/spreadsheets.currentonly",
      "https://www.googleapis.com/auth/script.container.ui",
      // The weekly review: its time-driven trigger, and the digest by MailApp (not GmailApp,
      // whose scope is restricted).
      "https://www.googleapis.com/auth/script.scriptapp",
      "https://www.googleapis.com/auth/script.send_mail",
      // Objectives on BigQuery data, through Connected Sheets (read-only).
      "https://www.googleapis.com/auth/bigquery.readonly",
    ]);
  });
});
