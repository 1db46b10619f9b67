/**
 * The Objectives tab and the sidebar's endpoints, on the emulator.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Objective } from "../../../src/contract/objectives.ts";
import { deleteObjective, saveObjective } from "../../../src/sheets/objectives/endpoints.ts";
import { listObjectives, listObjectivesIn } from "../../../src/sheets/status/endpoints.ts";
import { OBJECTIVES_KEY } from "../../../src/sheets/workbook/tabs.ts";
import {
  type Emulator,
  holdLockAs,
  installEmulator,
  NOW,
  OBJECTIVES_HEADER_EN,
  sampleObjectives,
  taggedSheet,
  writeSampleTab,
} from "../helpers.ts";

const END = Math.round(Date.UTC(2027, 5, 10) / 86_400_000);

let emu: Emulator;
let uninstall: () => void;

const objectivesSheet = () => taggedSheet(OBJECTIVES_KEY);

describe("objectives store (English user)", () => {
  beforeEach(() => {
    ({ emu, uninstall } = installEmulator({ userLocale: "en_US" }));
    writeSampleTab("Sample data", "en", END);
  });
  afterEach(() => uninstall());

  it("creates the tab on first save: header frozen, bold, protected with a warning, tagged", () => {
    const before = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName();
    const saved = saveObjective(sampleObjectives("en", "Sample data")[0]);
    expect(saved.id).toMatch(/^obj-[a-z0-9]{8}$/);
    const sheet = objectivesSheet();
    expect(sheet.getName()).toBe("Objectives");
    expect(sheet.getFrozenRows()).toBe(1);
    // The filter's column comes last, so a tab made before it keeps its columns' places.
    const header = sheet.getRange(1, 1, 1, 19);
    expect(header.getValues()[0]).toEqual([...OBJECTIVES_HEADER_EN, "Filter"]);
    expect(header.getFontWeights()[0]?.every((w) => w === "bold")).toBe(true);
    const protections = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
    expect(protections).toHaveLength(1);
    expect(protections[0]?.isWarningOnly()).toBe(true);
    expect(protections[0]?.getRange().getA1Notation()).toBe("A1:S1");
    // The user stays on the tab they were on while the sidebar is open.
    expect(SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName()).toBe(before);
    const row = sheet.getRange(2, 1, 1, 18).getValues()[0] ?? [];
    expect(row[1]).toBe("Website conversion rate");
    expect(row[6]).toBe("conversions=Conversions; visitors=Visitors");
    expect([row[7], row[12]]).toEqual(["higher", "monthly"]);
    expect(row[8]).toBe(0.021);
    expect(sheet.getRange(2, 9).getNumberFormat()).toBe("0.0#%");
    expect(sheet.getRange(2, 11).getDisplayValue()).toBe("2027-01-01");
  });

  it("lists what it saved, with where each objective stands", () => {
    const inputs = sampleObjectives("en", "Sample data");
    const saved = inputs.map((o) => saveObjective(o));
    const list = listObjectivesIn(SpreadsheetApp.getActiveSpreadsheet(), "en", NOW);
    expect(list.problems).toEqual([]);
    expect(list.objectives.map((o) => o.id)).toEqual(saved.map((o) => o.id));
    for (const [i, o] of list.objectives.entries()) {
      const { status, statusLabel, reason, warnings, current, currency, error, ...stored } = o;
      expect(stored).toEqual(saved[i]);
      // Only the KPI counted in money carries the spreadsheet's currency (en_US here).
      expect(currency).toEqual(o.kpiId === "cpa" ? { symbol: "$", after: false } : undefined);
      expect(reason).toMatch(/the trend points to/);
      expect(warnings).toBeUndefined();
      expect(error).toBeUndefined();
      expect(typeof current).toBe("number");
    }
    // Same figures as the dashboard built on the same data (see dashboard.test.ts).
    expect(list.objectives.map((o) => [o.status, o.statusLabel])).toEqual([
      ["at_risk", "At risk"],
      ["off_track", "Off track"],
      ["at_risk", "At risk"],
      ["off_track", "Off track"],
      ["on_track", "On track"],
    ]);
    expect(list.objectives[1]?.current).toBeCloseTo(0.208, 3);
    // Plain data only: it must survive google.script.run.
    expect(JSON.parse(JSON.stringify(list))).toEqual(list);
  });

  it("updates in place: same row, created kept, updated moved on, other rows untouched", () => {
    const [a, b, c] = sampleObjectives("en", "Sample data")
      .slice(0, 3)
      .map((o) => saveObjective(o)) as [Objective, Objective, Objective];
    const sheet = objectivesSheet();
    const rowsBefore = sheet.getDataRange().getValues();
    emu.calls.reset();
    const updated = saveObjective({ ...b, target: 0.27, notes: "Raised after Q1 review" });
    expect(updated.id).toBe(b.id);
    expect(updated.created).toBe(b.created);
    expect(emu.calls.counts()["Range.setValues"]).toBe(1);
    const rowsAfter = sheet.getDataRange().getValues();
    expect(rowsAfter).toHaveLength(rowsBefore.length);
    expect(rowsAfter[1]).toEqual(rowsBefore[1]);
    expect(rowsAfter[3]).toEqual(rowsBefore[3]);
    expect(rowsAfter[2]?.[9]).toBe(0.27);
    expect(rowsAfter[2]?.[15]).toBe("Raised after Q1 review");
    expect(listObjectives().objectives.map((o) => o.id)).toEqual([a.id, b.id, c.id]);
  });

  it("deletes only the row that still has the id, even after rows moved", () => {
    const [a, b, c] = sampleObjectives("en", "Sample data")
      .slice(0, 3)
      .map((o) => saveObjective(o)) as [Objective, Objective, Objective];
    const sheet = objectivesSheet();
    // Someone sorted the tab by hand since the sidebar loaded: c is now on row 2.
    const rows = sheet.getRange(2, 1, 3, 18).getValues();
    sheet.getRange(2, 1, 3, 18).setValues([rows[2], rows[0], rows[1]] as unknown[][]);
    expect(deleteObjective(a.id)).toEqual({ deleted: a.id });
    const ids = sheet
      .getDataRange()
      .getValues()
      .slice(1)
      .map((r) => r[0]);
    expect(ids).toEqual([c.id, b.id]);
    expect(() => deleteObjective(a.id)).toThrow(`No objective with the id "${a.id}"`);
    expect(() => deleteObjective({ id: b.id })).toThrow(/^ID: .* is not an objective id/);
  });

  it("stores formula-like text as text and reads it back identically", () => {
    const tricky = {
      ...sampleObjectives("en", "Sample data")[0],
      name: '=HYPERLINK("https://evil.example","Click")',
      owner: "+33 6 12 34 56 78",
      channel: "-20% promo",
      businessGoal: "@channel grow sales",
      notes: "'quoted' and 0042",
    };
    const saved = saveObjective(tricky);
    const sheet = objectivesSheet();
    const formulas = sheet.getRange(2, 1, 1, 18).getFormulas()[0] ?? [];
    expect(formulas.every((f) => f === "")).toBe(true);
    const row = sheet.getRange(2, 1, 1, 18).getValues()[0] ?? [];
    expect(row[1]).toBe(tricky.name);
    expect(row[13]).toBe(tricky.owner);
    expect(row[3]).toBe(tricky.channel);
    expect(row[14]).toBe(tricky.businessGoal);
    expect(row[15]).toBe(tricky.notes);
    const listed = listObjectives().objectives[0];
    expect(listed?.name).toBe(tricky.name);
    expect(listed?.owner).toBe(tricky.owner);
    expect(listed?.notes).toBe(tricky.notes);
    expect(saved.name).toBe(tricky.name);
  });

  it("rejects an invalid objective with a message naming the field, and writes nothing", () => {
    const good = sampleObjectives("en", "Sample data")[0];
    const before = JSON.stringify(emu.snapshot());
    expect(() => saveObjective({ ...good, target: "25%" })).toThrow(
      'Target: must be a number (got "25%").',
    );
    expect(() => saveObjective({ ...good, kpiId: "nps" })).toThrow(/^KPI id: "nps" is not a KPI/);
    expect(() => saveObjective({ ...good, sourceSheet: "Ads export" })).toThrow(
      'Source tab: there is no tab named "Ads export" in this spreadsheet.',
    );
    expect(() =>
      saveObjective({ ...good, inputs: { conversions: ["Conversions"], visitors: ["Users"] } }),
    ).toThrow('Input columns: row 1 of "Sample data" has no column headed "Users".');
    expect(() => saveObjective({ ...good, dateColumn: "Day" })).toThrow(
      'Date column: row 1 of "Sample data" has no column headed "Day".',
    );
    expect(() => saveObjective({ ...good, deadline: "2026-06-30" })).toThrow(
      "Deadline: must be after the start date (1 January 2027).",
    );
    expect(() => saveObjective({ ...good, id: "obj-unknown1" })).toThrow(
      'No objective with the id "obj-unknown1"',
    );
    expect(() => saveObjective("DROP TABLE")).toThrow(/not an object/);
    expect(JSON.stringify(emu.snapshot())).toBe(before);
  });

  it("accepts a header typed in another case and stores the tab's spelling", () => {
    const good = sampleObjectives("en", "Sample data")[0];
    const saved = saveObjective({
      ...good,
      dateColumn: "date",
      inputs: { conversions: ["CONVERSIONS"], visitors: ["visitors"] },
    });
    expect(saved.dateColumn).toBe("Date");
    expect(saved.inputs).toEqual({ conversions: ["Conversions"], visitors: ["Visitors"] });
  });

  it("refuses an objective reading from the Objectives tab itself", () => {
    const good = sampleObjectives("en", "Sample data")[0];
    saveObjective(good);
    expect(() => saveObjective({ ...good, sourceSheet: "Objectives" })).toThrow(
      'Source tab: "Objectives" is a tab KPI Pilot writes itself',
    );
  });

  it("finds the tab after it was renamed, and never creates a second one", () => {
    const [first, second] = sampleObjectives("en", "Sample data");
    saveObjective(first);
    objectivesSheet().setName("Our OKRs");
    saveObjective(second);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getSheets().map((s) => s.getName())).not.toContain("Objectives");
    expect(objectivesSheet().getName()).toBe("Our OKRs");
    expect(listObjectives().objectives.map((o) => o.name)).toEqual([first?.name, second?.name]);
  });

  it("reports bad rows with their number, skips them, and never rewrites them", () => {
    const saved = sampleObjectives("en", "Sample data").map((o) => saveObjective(o));
    const sheet = objectivesSheet();
    sheet.getRange(3, 3).setValue("nps"); // row 3: unknown KPI
    sheet.getRange(4, 10).setValue("lots"); // row 4: target not a number
    sheet.getRange(8, 2).setValue("A note someone typed below the table");
    const tabBefore = JSON.stringify(sheet.getDataRange().getValues());
    const list = listObjectives();
    expect(list.problems).toEqual([
      { row: 3, message: expect.stringMatching(/^KPI id: "nps" is not a KPI of KPI Pilot/) },
      { row: 4, message: 'Target: must be a number (got "lots").' },
      { row: 8, message: expect.stringMatching(/^ID: empty\./) },
    ]);
    expect(list.objectives.map((o) => o.id)).toEqual([saved[0]?.id, saved[3]?.id, saved[4]?.id]);
    // Saving another objective appends after everything, bad rows included, and leaves them be.
    const extra = saveObjective({ ...sampleObjectives("en", "Sample data")[0], name: "Extra" });
    const after = sheet.getDataRange().getValues();
    expect(JSON.stringify(after.slice(0, 8))).toBe(tabBefore);
    expect(after[8]?.[0]).toBe(extra.id);
  });

  it("follows columns a user inserted or moved, and leaves the user's own column alone", () => {
    const [a, b] = sampleObjectives("en", "Sample data")
      .slice(0, 2)
      .map((o) => saveObjective(o)) as [Objective, Objective];
    const sheet = objectivesSheet();
    sheet.insertColumnBefore(3);
    sheet.getRange(1, 3, 3, 1).setValues([["Priority"], ["P1"], ["P2"]]);
    const updated = saveObjective({ ...a, owner: "Nora Diallo" });
    const c = saveObjective({ ...sampleObjectives("en", "Sample data")[2], name: "Third" });
    expect(sheet.getRange(1, 3, 4, 1).getValues()).toEqual([["Priority"], ["P1"], ["P2"], [""]]);
    expect(sheet.getRange(2, 15).getValue()).toBe("Nora Diallo");
    const list = listObjectivesIn(SpreadsheetApp.getActiveSpreadsheet(), "en", NOW);
    expect(list.problems).toEqual([]);
    expect(list.objectives.map((o) => [o.id, o.owner])).toEqual([
      [updated.id, "Nora Diallo"],
      [b.id, b.owner],
      [c.id, c.owner],
    ]);
  });

  it("reads a tab created by a French user", () => {
    uninstall();
    ({ emu, uninstall } = installEmulator({ userLocale: "fr_FR" }));
    writeSampleTab("Données d'exemple", "fr", END);
    const saved = saveObjective(sampleObjectives("fr", "Données d'exemple")[1]);
    expect(objectivesSheet().getName()).toBe("Objectifs");
    expect(objectivesSheet().getRange(1, 1, 1, 3).getValues()[0]).toEqual([
      "ID",
      "Nom",
      "Identifiant KPI",
    ]);
    emu.setUserLocale("en_US");
    const list = listObjectives();
    expect(list.problems).toEqual([]);
    expect(list.objectives[0]?.id).toBe(saved.id);
    expect(list.objectives[0]?.statusLabel).toMatch(
      /^(Not started|Achieved|On track|At risk|Off track|Missed)$/,
    );
  });

  it("says in French what is wrong", () => {
    emu.setUserLocale("fr_FR");
    const good = sampleObjectives("en", "Sample data")[0];
    expect(() => saveObjective({ ...good, frequency: "daily" })).toThrow(
      "Fréquence de revue : doit être l'une des valeurs weekly, monthly, quarterly (reçu : « daily »).",
    );
    expect(() => saveObjective({ ...good, baseline: 0.03 })).toThrow(
      "Cible : doit être supérieure à la valeur de départ (3,0\u00a0%) pour un objectif à la hausse.",
    );
  });

  it("gives way when the document lock is held", () => {
    const release = holdLockAs(emu, "build");
    expect(() => saveObjective(sampleObjectives("en", "Sample data")[0])).toThrow(
      /^A dashboard build is running in this spreadsheet right now/,
    );
    release();
    expect(saveObjective(sampleObjectives("en", "Sample data")[0]).id).toMatch(/^obj-/);
  });
});
