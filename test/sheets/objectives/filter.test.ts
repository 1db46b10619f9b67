/**
 * An objective that counts one campaign's rows: offered by the wizard, previewed, saved in the
 * Objectives tab readably, read back, and shown by the list and the dashboard, on the Google Ads
 * export as Sheets' own import leaves it (title lines above, total rows below).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatUnitValue } from "../../../src/contract/format.ts";
import type { ObjectiveInput } from "../../../src/contract/objectives.ts";
import { buildDashboardAt } from "../../../src/sheets/dashboard/build.ts";
import { saveObjective } from "../../../src/sheets/objectives/endpoints.ts";
import { listObjectives } from "../../../src/sheets/status/endpoints.ts";
import { getWizardContext } from "../../../src/sheets/wizard/describe.ts";
import { previewObjective } from "../../../src/sheets/wizard/endpoints.ts";
import { DASHBOARD_KEY, OBJECTIVES_KEY } from "../../../src/sheets/workbook/tabs.ts";
import { dumpSheet, installEmulator, taggedSheet, writeAsSheetsImports } from "../helpers.ts";

const TZ = "Europe/Paris";
// By hand from google-ads-fr.csv: the campaign « Search - Marque » over 27–31 October…
const BRAND_CTR = (118 + 125 + 121 + 117 + 119) / (980 + 1020 + 1010 + 990 + 1000); // 600 / 5000
// …« Search - Générique », and the whole account, as its « Total : compte » row prints it.
const GENERIC_CTR = (17 + 19 + 18 + 16 + 20) / (4900 + 5100 + 5050 + 4950 + 5000); // 90 / 25000
const ACCOUNT_CTR = 690 / 30000;

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

const request = {
  kpiId: "ctr",
  sourceSheet: "Export",
  dateColumn: "Jour",
  inputs: { clicks: ["Clics"], impressions: ["Impr."] },
  frequency: "monthly" as const,
};

function objective(name: string, filter: ObjectiveInput["filter"]): ObjectiveInput {
  return {
    ...request,
    name,
    filter,
    direction: "higher",
    baseline: 0.1,
    target: 0.15,
    startDate: "2026-11-01",
    deadline: "2027-06-30",
    owner: "Claire",
    businessGoal: "",
  };
}

describe("a filter per objective (French user, Google Ads export)", () => {
  beforeEach(() => {
    ({ uninstall } = installEmulator({ userLocale: "fr", locale: "fr_FR", timeZone: TZ }));
    writeAsSheetsImports("google-ads-fr.csv", "Export", TZ);
  });

  it("offers the campaign column first, with the campaigns found in it", () => {
    const info = getWizardContext().sheets.find((s) => s.name === "Export");
    expect(info?.filters[0]).toEqual({
      column: "Campagne",
      values: ["Search - Générique", "Search - Marque"],
      more: false,
    });
    // Numbers and dates are no filter columns.
    expect(info?.filters.map((f) => f.column)).not.toContain("Clics");
    expect(info?.filters.map((f) => f.column)).not.toContain("Jour");
  });

  it("previews one campaign's CTR, not the account's, and says what it left out", () => {
    const all = previewObjective(request);
    expect(all.total).toBeCloseTo(ACCOUNT_CTR, 12);
    const brand = previewObjective({
      ...request,
      filter: { column: "campagne", values: [" search - marque "] },
    });
    expect(brand.total).toBeCloseTo(BRAND_CTR, 12);
    expect(brand.baseline?.value).toBeCloseTo(BRAND_CTR, 12);
    expect(brand.rows).toBe(5);
    expect(brand.leftOut).toEqual({ totals: 3, undated: 0, filtered: 5 });
    expect(() =>
      previewObjective({ ...request, filter: { column: "Campagne", values: [] } }),
    ).toThrow("Filtre : choisissez au moins une valeur de « Campagne » pour en garder les lignes.");
    expect(() =>
      previewObjective({ ...request, filter: { column: "Réseau", values: ["Search"] } }),
    ).toThrow("« Réseau »");
  });

  it("saves the filter readably in « Filtre », reads it back, and the list and dashboard use it", () => {
    const saved = saveObjective(
      objective("CTR Marque", { column: "campagne", values: ["Search - Marque"] }),
    );
    // Stored as the tab spells the column.
    expect(saved.filter).toEqual({ column: "Campagne", values: ["Search - Marque"] });
    const tab = taggedSheet(OBJECTIVES_KEY);
    expect(tab.getRange(1, 19).getValue()).toBe("Filtre");
    expect(tab.getRange(2, 19).getValue()).toBe("Campagne = Search - Marque");
    // A French user's words for the coded columns, which read back as their codes.
    expect([tab.getRange(2, 8).getValue(), tab.getRange(2, 13).getValue()]).toEqual([
      "plus haut",
      "mensuelle",
    ]);
    expect([saved.direction, saved.frequency]).toEqual(["higher", "monthly"]);

    const [listed] = listObjectives().objectives;
    expect([listed?.direction, listed?.frequency]).toEqual(["higher", "monthly"]);
    expect(listed?.filter).toEqual({ column: "Campagne", values: ["Search - Marque"] });
    expect(listed?.error).toBeUndefined();
    expect(listed?.current).toBeCloseTo(BRAND_CTR, 12);

    buildDashboardAt(new Date("2026-11-29T10:00:00Z"));
    const dashboard = dumpSheet(taggedSheet(DASHBOARD_KEY));
    expect(dashboard).toContain("CTR Marque");
    expect(dashboard).toContain(formatUnitValue(BRAND_CTR, "percent", "fr"));
    expect(dashboard).not.toContain(formatUnitValue(ACCOUNT_CTR, "percent", "fr"));
  });

  it("reads a filter typed by hand, and reports one it cannot read", () => {
    saveObjective(objective("CTR", { column: "Campagne", values: ["Search - Marque"] }));
    const tab = taggedSheet(OBJECTIVES_KEY);
    tab.getRange(2, 19).setValue("  campagne=SEARCH - GÉNÉRIQUE ");
    expect(listObjectives().objectives[0]?.current).toBeCloseTo(GENERIC_CTR, 12);
    tab.getRange(2, 19).setValue("Search - Marque");
    const list = listObjectives();
    expect(list.objectives).toEqual([]);
    expect(list.problems[0]?.message).toContain("Filtre : impossible de lire « Search - Marque »");
  });

  it("keeps a tab made before the Filter column working, and adds the column when needed", () => {
    const first = saveObjective(objective("CTR compte", null));
    const tab = taggedSheet(OBJECTIVES_KEY);
    // The tab as it was before: no Filter header; the team's notes in the column after ours.
    tab.getRange(1, 19, 2, 1).setValues([["Notes de l'équipe"], ["à revoir"]]);
    const before = listObjectives();
    expect(before.problems).toEqual([]);
    expect(before.objectives[0]?.current).toBeCloseTo(ACCOUNT_CTR, 12);

    saveObjective(objective("CTR Marque", { column: "Campagne", values: ["Search - Marque"] }));
    // The header goes right of everything; the team's column is untouched.
    expect(tab.getRange(1, 19, 3, 2).getValues()).toEqual([
      ["Notes de l'équipe", "Filtre"],
      ["à revoir", ""],
      ["", "Campagne = Search - Marque"],
    ]);
    const after = listObjectives();
    expect(after.problems).toEqual([]);
    expect(after.objectives.map((o) => [o.id === first.id, o.current])).toEqual([
      [true, expect.closeTo(ACCOUNT_CTR, 12)],
      [false, expect.closeTo(BRAND_CTR, 12)],
    ]);
  });
});
