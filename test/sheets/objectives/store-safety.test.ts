/**
 * The Objectives store never loses or blocks a save: each case is one a team member editing the
 * sheet, or a second sidebar, ran into.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDashboardAt } from "../../../src/sheets/dashboard/build.ts";
import {
  deleteObjective,
  saveObjective,
  saveObjectiveIn,
} from "../../../src/sheets/objectives/endpoints.ts";
import { listObjectivesIn } from "../../../src/sheets/status/endpoints.ts";
import { DASHBOARD_KEY, OBJECTIVES_KEY } from "../../../src/sheets/workbook/tabs.ts";
import {
  type Emulator,
  installEmulator,
  NOW,
  sampleObjectives,
  taggedSheet,
  writeSampleTab,
} from "../helpers.ts";

const END = Math.round(Date.UTC(2027, 5, 10) / 86_400_000);
let emu: Emulator;
let uninstall: () => void;
const objectives = () => taggedSheet(OBJECTIVES_KEY);
const ss = () => SpreadsheetApp.getActiveSpreadsheet();
const sample = (i: number) => sampleObjectives("en", "Sample data")[i]!;

describe("the Objectives store under a team's edits", () => {
  beforeEach(() => {
    ({ emu, uninstall } = installEmulator({ userLocale: "en_US" }));
    writeSampleTab("Sample data", "en", END);
  });
  afterEach(() => uninstall());

  it("grows the tab when it has no blank row left for a new objective", () => {
    saveObjective(sample(0));
    const sheet = objectives();
    // Someone deleted every blank row under the table.
    sheet.deleteRows(sheet.getLastRow() + 1, sheet.getMaxRows() - sheet.getLastRow());
    expect(sheet.getMaxRows()).toBe(2);
    const second = saveObjective(sample(1));
    expect(sheet.getRange(3, 1).getValue()).toBe(second.id);
    expect(listObjectivesIn(ss(), "en", NOW).objectives).toHaveLength(2);
  });

  it("refuses a save made on a version someone else has changed since", () => {
    const loaded = saveObjectiveIn(ss(), sample(0), "en", new Date("2027-06-01T08:00:00Z"));
    // Two sidebars hold `loaded`; the first saves a change at 10:42 Paris time.
    saveObjectiveIn(ss(), { ...loaded, owner: "Nora" }, "en", new Date("2027-06-01T08:42:00Z"));
    expect(() =>
      saveObjectiveIn(ss(), { ...loaded, target: 0.05 }, "en", new Date("2027-06-01T09:00:00Z")),
    ).toThrow(/^This objective was changed by someone else at 10:42 \(1 June 2027\)/);
    const [stored] = listObjectivesIn(ss(), "en", NOW).objectives;
    expect(stored?.owner).toBe("Nora");
    expect(stored?.target).toBe(loaded.target);
    // An update that does not say which version it changes is refused too.
    const { updated: _, ...unversioned } = loaded;
    expect(() => saveObjective({ ...unversioned, owner: "Sam" })).toThrow(/which version/);
  });

  it("reports a header row sorted into the table, keeps every objective, and writes nothing", () => {
    const saved = [0, 1, 2].map((i) => saveObjective(sample(i)));
    const sheet = objectives();
    // A sort that took the header along: it lands between two objectives.
    const values = sheet.getRange(1, 1, 4, 18).getValues();
    const header = values[0]!;
    sheet.getRange(1, 1, 4, 18).setValues([values[1]!, values[2]!, header, values[3]!]);
    const list = listObjectivesIn(ss(), "en", NOW);
    expect(list.objectives.map((o) => o.id).sort()).toEqual(saved.map((o) => o.id).sort());
    expect(list.problems).toEqual([
      {
        row: 3,
        message: expect.stringMatching(
          /^The header row of "Objectives" is at row 3, not row 1: the tab was probably sorted/,
        ),
      },
    ]);
    const before = JSON.stringify(emu.snapshot());
    expect(() => saveObjective(sample(3))).toThrow(/is at row 3, not row 1/);
    expect(() => deleteObjective(saved[0]!.id)).toThrow(/is at row 3, not row 1/);
    expect(JSON.stringify(emu.snapshot())).toBe(before);
  });

  it("reads row 1 as an objective, not a header, once the header row is deleted", () => {
    const saved = [0, 1].map((i) => saveObjective(sample(i)));
    objectives().deleteRow(1);
    const list = listObjectivesIn(ss(), "en", NOW);
    expect(list.objectives.map((o) => o.id)).toEqual(saved.map((o) => o.id));
    expect(list.problems).toEqual([
      {
        row: 1,
        message: expect.stringMatching(/^The tab "Objectives" has lost its header row/),
      },
    ]);
    expect(() => saveObjective(sample(2))).toThrow(/has lost its header row/);
  });

  it("refuses a number column as the date column, at save and at build", () => {
    expect(() => saveObjective({ ...sample(0), dateColumn: "Visitors" })).toThrow(
      /^Date column: column "Visitors" of "Sample data" holds no dates \(row 2: \d+\)/,
    );
    // A hand-edited row gets the same verdict on the dashboard, never a status for May 1909.
    const saved = saveObjective(sample(0));
    objectives().getRange(2, 6).setValue("Visitors");
    expect(saved.dateColumn).toBe("Date");
    buildDashboardAt(NOW);
    const text = JSON.stringify(taggedSheet(DASHBOARD_KEY).getDataRange().getDisplayValues());
    expect(text).toContain('Column \\"Visitors\\" of \\"Sample data\\" holds no dates (row 2');
    expect(text).not.toMatch(/1909|1900/);
  });

  it("deletes an objective from its own columns only: the team's column beside it stays put", () => {
    const saved = [0, 1, 2].map((i) => saveObjective(sample(i)));
    const sheet = objectives();
    // The team keeps comments in column T, beside the table, one per row, and a name that
    // looks like a formula must survive the move.
    sheet.getRange(1, 20, 4, 1).setValues([["Team notes"], ["note A"], ["note B"], ["note C"]]);
    saveObjective({ ...saved[2]!, name: "=1+1" });
    deleteObjective(saved[0]!.id);
    expect(sheet.getRange(1, 20, 4, 1).getValues().flat()).toEqual([
      "Team notes",
      "note A",
      "note B",
      "note C",
    ]);
    expect(sheet.getRange(2, 1, 3, 2).getValues()).toEqual([
      [saved[1]!.id, saved[1]!.name],
      [saved[2]!.id, "=1+1"],
      ["", ""],
    ]);
    expect(sheet.getRange(3, 2).getFormula()).toBe("");
    // The moved row keeps its number formats: the baseline is still a percentage.
    expect(sheet.getRange(2, 9).getNumberFormat()).toBe("0.0#%");
    const list = listObjectivesIn(ss(), "en", NOW);
    expect(list.objectives.map((o) => o.id)).toEqual([saved[1]!.id, saved[2]!.id]);
    expect(list.problems).toEqual([]);
  });
});

describe("the document lock between two executions", () => {
  beforeEach(() => {
    ({ emu, uninstall } = installEmulator({ userLocale: "en_US" }));
    writeSampleTab("Sample data", "en", END);
  });
  afterEach(() => uninstall());

  it("names the save that holds it when a build must wait", () => {
    const other = emu.startExecution();
    // The other execution is in the middle of a save: it holds the lock and says so.
    other.run(() => {
      LockService.getDocumentLock().tryLock(1000);
      CacheService.getDocumentCache()?.put("kpiPilot.lockHolder", "save", 400);
    });
    buildDashboardAt(NOW);
    expect(emu.ui.toasts.at(-1)?.message).toMatch(/^Someone is saving an objective/);
    other.end();
  });

  it("lets a save through once the other execution has finished", () => {
    const other = emu.startExecution();
    other.run(() => LockService.getDocumentLock().tryLock(1000));
    expect(() => saveObjective(sample(0))).toThrow(/^KPI Pilot is busy/);
    other.end();
    expect(saveObjective(sample(0)).id).toMatch(/^obj-/);
  });

  it("releases the lock even when the final flush throws", () => {
    emu.failNextFlush(new Error("Service Spreadsheets failed"));
    expect(() => saveObjective(sample(0))).toThrow(/Service Spreadsheets failed/);
    expect(emu.lockState().document).toBe("free");
    const other = emu.startExecution();
    expect(other.run(() => LockService.getDocumentLock().tryLock(10))).toBe(true);
    other.end();
  });

  it("says the spreadsheet cannot be locked here, not that someone is busy, when there is no lock", () => {
    emu.setDocumentLockUnavailable(true);
    expect(() => saveObjective(sample(0))).toThrow(/^KPI Pilot cannot lock this spreadsheet here/);
    buildDashboardAt(NOW);
    expect(emu.ui.toasts.at(-1)?.message).toMatch(/^KPI Pilot cannot lock this spreadsheet here/);
    expect(() => objectives()).toThrow();
  });
});
