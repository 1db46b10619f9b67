/**
 * The store, the dashboard and the sample data through the built bundle, as Apps Script and
 * google.script.run call them: the bundle is built in memory (the same steps as dev/build.ts,
 * without writing dist/, which the bundle project's set-up owns) and run in node:vm on the
 * emulator.
 */
import { join } from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { discoverEntryPoints, renderStubs } from "../../dev/bundle-stubs.ts";
import { createEmulator } from "../../dev/emulator/index.ts";
import { type LoadedBundle, loadBundle } from "../../dev/harness/bundle.ts";
import { ROOT } from "../../dev/paths.ts";
import type { Objective, ObjectiveList } from "../../src/contract/objectives.ts";
import { CUSTOM_FUNCTIONS } from "../../src/kpi/functions.ts";
import { sampleObjectives } from "./helpers.ts";

let code = "";

beforeAll(async () => {
  const result = await build({
    entryPoints: [join(ROOT, "src/main.ts")],
    bundle: true,
    format: "iife",
    globalName: "KpiPilot",
    target: "es2020",
    platform: "neutral",
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  const bundle = result.outputFiles[0]?.text ?? "";
  code = `${bundle}\n${renderStubs(discoverEntryPoints(bundle), CUSTOM_FUNCTIONS)}`;
});

describe("the built bundle", () => {
  function load(userLocale: string): { emu: ReturnType<typeof createEmulator>; app: LoadedBundle } {
    const emu = createEmulator({
      userLocale,
      evaluateFormula: (f) => (f.startsWith("=SPARKLINE(") ? "" : Number.NaN),
    });
    return { emu, app: loadBundle(emu.globals, code) };
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
