/**
 * The store, the dashboard and the sample data through the built bundle (dist/Code.js, built once
 * by the project's set-up), as Apps Script and google.script.run call them, in node:vm on the
 * emulator.
 */
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../dev/emulator/index.ts";
import { type LoadedBundle, loadBundle } from "../../dev/harness/bundle.ts";
import type { Objective, ObjectiveList } from "../../src/contract/objectives.ts";
import { sampleObjectives } from "../sheets/helpers.ts";

describe("the built bundle", () => {
  function load(userLocale: string): { emu: ReturnType<typeof createEmulator>; app: LoadedBundle } {
    const emu = createEmulator({
      userLocale,
      evaluateFormula: (f) => (f.startsWith("=SPARKLINE(") ? "" : Number.NaN),
    });
    return { emu, app: loadBundle(emu.globals) };
  }

  it("inserts sample data, saves, lists, builds and deletes over google.script.run", () => {
    const { emu, app } = load("en_US");
    app.invoke("insertSampleData");
    const year = new Date().getUTCFullYear();
    const inputs = sampleObjectives("en", "Sample data").map((o) => ({
      ...o,
      startDate: `${year}-01-01`,
      deadline: `${year + 1}-06-30`,
    }));
    const saved = inputs.map((o) => app.run("saveObjective", [o]) as Objective);
    expect(saved.map((o) => o.name)).toEqual(inputs.map((o) => o.name));
    const list = app.run("listObjectives") as ObjectiveList;
    expect(list.problems).toEqual([]);
    expect(list.objectives.map((o) => o.status === undefined)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    app.invoke("buildDashboard");
    const ss = emu.spreadsheet;
    expect(ss.getActiveSheet().getName()).toBe("KPI dashboard");
    expect(ss.getActiveSheet().getCharts()).toHaveLength(5);
    expect(app.run("deleteObjective", [saved[2]?.id])).toEqual({ deleted: saved[2]?.id });
    expect((app.run("listObjectives") as ObjectiveList).objectives).toHaveLength(4);
  });

  it("sends errors back in the user's language", () => {
    const { app } = load("fr_FR");
    app.invoke("insertSampleData");
    const o = sampleObjectives("fr", "Données d'exemple")[0];
    expect(() => app.run("saveObjective", [{ ...o, target: "x" }])).toThrow(
      'Cible : doit être un nombre (reçu : "x").',
    );
    expect(() => app.run("deleteObjective", ["obj-nothere1"])).toThrow(
      "Aucun objectif n'a l'identifiant « obj-nothere1 »",
    );
  });

  it("exposes the endpoints, and none of the store's helpers", () => {
    const { app } = load("en_US");
    for (const name of [
      "listObjectives",
      "saveObjective",
      "deleteObjective",
      "buildDashboard",
      "insertSampleData",
    ]) {
      expect(app.names).toContain(name);
    }
    for (const name of [
      "buildDashboardAt",
      "saveObjectiveIn",
      "writeObjectiveRow",
      "generateSampleData",
    ]) {
      expect(() => app.run(name)).toThrow(`Script function not found: ${name}`);
    }
  });
});
