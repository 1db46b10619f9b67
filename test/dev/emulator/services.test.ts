/** Call counting, Ui recording, locks, properties, cache, session, logger and install. */
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../../dev/emulator/index.ts";

describe("call counting", () => {
  it("counts each outside call once by Class.method, not the emulator's own inner calls", () => {
    const emu = createEmulator();
    const sheet = emu.globals.SpreadsheetApp.getActiveSheet();
    const r = sheet.getRange(1, 1, 2, 2);
    r.setValues([
      [1, 2],
      [3, 4],
    ]);
    r.getValues();
    r.getHeight(); // implemented with getNumRows: still one call
    expect(emu.calls.counts()).toEqual({
      "Range.getHeight": 1,
      "Range.getValues": 1,
      "Range.setValues": 1,
      "Sheet.getRange": 1,
      "SpreadsheetApp.getActiveSheet": 1,
    });
    expect(emu.calls.total()).toBe(5);
    expect(emu.calls.total("Range.")).toBe(3);
    expect(emu.calls.total("Range.get")).toBe(2);
    emu.globals.Session.getActiveUserLocale();
    expect(emu.calls.spreadsheetTotal()).toBe(5);
    expect(emu.calls.total()).toBe(6);
    emu.calls.reset();
    expect(emu.calls.total()).toBe(0);
  });

  it("does not grow with the number of rows written or read in one batch", () => {
    const costOf = (rows: number) => {
      const emu = createEmulator();
      const sheet = emu.globals.SpreadsheetApp.getActiveSheet();
      const data = Array.from({ length: rows }, (_, i) => [i, `row ${i}`, i / 7]);
      sheet.getRange(1, 1, rows, 3).setValues(data);
      sheet.getRange(1, 1, rows, 3).getValues();
      sheet.getDataRange().getDisplayValues();
      return emu.calls.total();
    };
    expect(costOf(900)).toBe(costOf(3));
  });

  it("counts a call that throws", () => {
    const emu = createEmulator();
    const sheet = emu.globals.SpreadsheetApp.getActiveSheet();
    expect(() => sheet.getRange(0, 1)).toThrow();
    expect(emu.calls.counts()["Sheet.getRange"]).toBe(1);
    // After the throw the depth is back to zero: the next call counts.
    sheet.getRange(1, 1);
    expect(emu.calls.counts()["Sheet.getRange"]).toBe(2);
  });
});

describe("Ui", () => {
  it("records the add-on menu in order, replacing it when onOpen runs again", () => {
    const emu = createEmulator({ addOnName: "KPI Pilot" });
    const ui = emu.globals.SpreadsheetApp.getUi();
    const build = () =>
      ui
        .createAddonMenu()
        .addItem("New objective…", "showNewObjective")
        .addSeparator()
        .addItem("Help", "showHelp")
        .addToUi();
    build();
    build();
    expect(emu.ui.menus).toEqual([
      {
        title: "KPI Pilot",
        items: [
          { label: "New objective…", functionName: "showNewObjective" },
          { separator: true },
          { label: "Help", functionName: "showHelp" },
        ],
      },
    ]);
    expect(() => ui.createAddonMenu().addItem("Private", "helper_")).toThrow(
      /not a callable top-level function name/,
    );
    expect(() => ui.createAddonMenu().addItem("Dotted", "app.run")).toThrow(/not a callable/);
  });

  it("records sidebars, alerts and toasts, and answers alerts", () => {
    const emu = createEmulator({ htmlFiles: { Sidebar: "<p>wizard</p>" } });
    const { SpreadsheetApp: app, HtmlService } = emu.globals;
    const ui = app.getUi();
    ui.showSidebar(
      HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("KPI Pilot").setWidth(320),
    );
    expect(emu.ui.sidebars).toEqual([{ title: "KPI Pilot", html: "<p>wizard</p>", width: 320 }]);
    expect(() => HtmlService.createHtmlOutputFromFile("Missing")).toThrow(
      "No HTML file named Missing was found.",
    );
    expect(ui.alert("Done")).toBe(ui.Button.OK);
    expect(ui.alert("Help", "Read the docs", ui.ButtonSet.OK)).toBe(ui.Button.OK);
    expect(ui.alert("Delete?", ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    emu.answerAlerts("NO");
    expect(ui.alert("Really?", ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(emu.ui.alerts.map((a) => [a.title, a.prompt])).toEqual([
      [undefined, "Done"],
      ["Help", "Read the docs"],
      [undefined, "Delete?"],
      [undefined, "Really?"],
    ]);
    app.getActiveSpreadsheet().toast("Dashboard built", "KPI Pilot", 5);
    expect(emu.ui.toasts).toEqual([{ message: "Dashboard built", title: "KPI Pilot" }]);
    const out = HtmlService.createHtmlOutput("<b>a</b>").append("<i>b</i>");
    expect(out.getContent()).toBe("<b>a</b><i>b</i>");
    ui.showModalDialog(out.setHeight(200), "Help");
    expect(emu.ui.dialogs).toEqual([
      { title: "Help", html: "<b>a</b><i>b</i>", modal: true, height: 200 },
    ]);
  });
});

describe("LockService", () => {
  it("answers tryLock false and waitLock with a timeout while another execution holds the lock", () => {
    const emu = createEmulator();
    const { LockService } = emu.globals;
    const release = emu.holdDocumentLock();
    const lock = LockService.getDocumentLock();
    expect(lock.tryLock(10_000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(10_000)).toThrow(
      "Lock timeout: another process was holding the lock for too long.",
    );
    // Other kinds of lock are independent.
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    release();
    expect(lock.tryLock(10_000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(emu.lockState().document).toBe("self");
    expect(() => emu.holdDocumentLock()).toThrow(/holds the document lock already/);
    lock.releaseLock();
    expect(emu.lockState()).toEqual({ document: "free", script: "self", user: "free" });
  });
});

describe("PropertiesService and CacheService", () => {
  it("keeps document, user and script properties apart, as strings", () => {
    const emu = createEmulator();
    const { PropertiesService } = emu.globals;
    const doc = PropertiesService.getDocumentProperties();
    doc.setProperty("a", "1").setProperties({ b: "2" });
    expect(PropertiesService.getDocumentProperties().getProperties()).toEqual({ a: "1", b: "2" });
    expect(PropertiesService.getUserProperties().getProperty("a")).toBeNull();
    doc.deleteProperty("a");
    expect(doc.getKeys()).toEqual(["b"]);
    expect(() => doc.setProperty("x", { a: 1 } as unknown as string)).toThrow(/JSON.stringify/);
    expect(() => doc.setProperty("big", "x".repeat(10_000))).toThrow(/Argument too large/);
  });

  it("expires cache entries on the emulator's clock", () => {
    let now = new Date("2026-03-29T00:00:00Z").getTime();
    const emu = createEmulator({ now: () => new Date(now) });
    const cache = emu.globals.CacheService.getDocumentCache()!;
    cache.put("k", "v", 60);
    cache.put("d", "default");
    expect(cache.get("k")).toBe("v");
    now += 61_000;
    expect(cache.get("k")).toBeNull();
    expect(cache.get("d")).toBe("default");
    now += 600_000;
    expect(cache.getAll(["d", "k"])).toEqual({});
  });
});

describe("Session, Logger and install", () => {
  it("answers the user's locale and email, and the script's zone", () => {
    const emu = createEmulator({
      userLocale: "fr_FR",
      userEmail: "claire@example.com",
      scriptTimeZone: "UTC",
    });
    const { Session } = emu.globals;
    expect(Session.getActiveUserLocale()).toBe("fr_FR");
    emu.setUserLocale("en");
    expect(Session.getActiveUserLocale()).toBe("en");
    expect(Session.getActiveUser().getEmail()).toBe("claire@example.com");
    expect(Session.getEffectiveUser().getEmail()).toBe("claire@example.com");
    expect(Session.getScriptTimeZone()).toBe("UTC");
    expect(emu.spreadsheet.getSpreadsheetTimeZone()).toBe("Europe/Paris");
    expect(emu.spreadsheet.getSpreadsheetLocale()).toBe("en_US");
  });

  it("logs with printf-style formats", () => {
    const emu = createEmulator();
    emu.globals.Logger.log("%s rows in %d ms", "12", 3.9).log({ a: 1 });
    expect(emu.logs).toEqual(["12 rows in 3 ms", '{"a":1}']);
  });

  it("installs the globals and restores what was there before", () => {
    const target: Record<string, unknown> = { Session: "previous" };
    const emu = createEmulator();
    const uninstall = emu.install(target);
    expect(target.SpreadsheetApp).toBe(emu.globals.SpreadsheetApp);
    expect(target.Session).toBe(emu.globals.Session);
    expect(Object.keys(emu.globals).sort()).toEqual(
      [
        "CacheService",
        "Charts",
        "HtmlService",
        "LockService",
        "Logger",
        "MailApp",
        "PropertiesService",
        "ScriptApp",
        "Session",
        "SpreadsheetApp",
        "Utilities",
      ].sort(),
    );
    uninstall();
    expect(target).toEqual({ Session: "previous" });
    const restore = emu.install();
    try {
      expect(SpreadsheetApp.getActiveSpreadsheet().getId()).toBe(emu.spreadsheet.getId());
    } finally {
      restore();
    }
    expect("SpreadsheetApp" in globalThis).toBe(false);
  });
});
