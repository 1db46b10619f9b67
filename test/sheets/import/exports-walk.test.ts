/**
 * Each export, from the file to an objective to the dashboard, with no editing: imported by
 * "Import an export…", or left as Sheets' own File ▸ Import writes it (title lines above the
 * header, total rows below). The wizard proposes the columns by itself, the preview equals the
 * value computed by hand from the file, the objective saves, and the dashboard shows it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { buildDashboardAt } from "../../../src/sheets/dashboard/build.ts";
import { importExport } from "../../../src/sheets/import/endpoints.ts";
import { saveObjective } from "../../../src/sheets/objectives/endpoints.ts";
import { listObjectives } from "../../../src/sheets/status/endpoints.ts";
import { getWizardContext } from "../../../src/sheets/wizard/describe.ts";
import { previewObjective } from "../../../src/sheets/wizard/endpoints.ts";
import { DASHBOARD_KEY } from "../../../src/sheets/workbook/tabs.ts";
import { EXPORTS, type ExportFacts, exportText } from "../../fixtures/exports/facts.ts";
import { dumpSheet, installEmulator, taggedSheet, writeAsSheetsImports } from "../helpers.ts";

const TZ = "Europe/Paris";

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

/** The walk on a tab: proposals, preview, save, list and dashboard. */
function walk(facts: ExportFacts, tab: string, totalsInTab: number): void {
  const ctx = getWizardContext();
  expect(ctx.defaultSheet).toBe(tab);
  const info = ctx.sheets.find((s) => s.name === tab);
  expect(info?.dateColumns[0]).toBe(facts.dateColumn);
  const proposed = Object.fromEntries(
    Object.entries(info?.suggestions[facts.kpiId] ?? {})
      .filter(([, s]) => s.columns.length > 0)
      .map(([name, s]) => [name, s.columns]),
  );
  expect(proposed).toEqual(facts.mapping);

  const draft = {
    kpiId: facts.kpiId,
    sourceSheet: tab,
    dateColumn: facts.dateColumn,
    inputs: facts.mapping,
    frequency: "monthly" as const,
  };
  const preview = previewObjective(draft);
  expect(preview.total).toBeCloseTo(facts.value, 12);
  // Every row is in October 2026: the baseline month is the whole file.
  expect(preview.baseline?.start).toBe("2026-10-01");
  expect(preview.baseline?.value).toBeCloseTo(facts.value, 12);
  expect(preview.rows).toBe(facts.dataRows);
  expect(preview.leftOut).toEqual({ totals: totalsInTab, undated: 0, filtered: 0 });

  const baseline = preview.baseline?.value as number;
  saveObjective({
    ...draft,
    name: `${facts.tool} ${facts.kpiId}`,
    direction: facts.kpiId === "bounce_rate" ? "lower" : "higher",
    baseline,
    target: facts.kpiId === "bounce_rate" ? baseline * 0.9 : baseline * 1.1,
    startDate: "2026-11-01",
    deadline: "2027-06-30",
    owner: "Claire",
    businessGoal: "",
  });
  const [listed] = listObjectives().objectives;
  expect(listed?.error).toBeUndefined();
  expect(listed?.current).toBeCloseTo(facts.value, 12);
  buildDashboardAt(new Date("2026-11-29T10:00:00Z"));
  expect(dumpSheet(taggedSheet(DASHBOARD_KEY))).toContain(`${facts.tool} ${facts.kpiId}`);
}

describe.each(EXPORTS)("$file, from file to dashboard", (facts) => {
  it("through Import an export…", () => {
    ({ uninstall } = installEmulator({
      userLocale: facts.lang,
      locale: facts.locale,
      timeZone: TZ,
    }));
    const result = importExport({
      fileName: facts.file,
      text: exportText(facts.file),
      target: null,
    });
    expect(result).toMatchObject({ rows: facts.dataRows, totals: facts.totals });
    walk(facts, result.target, 0);
  });

  it("as Sheets' own import leaves it, title lines and total rows included", () => {
    ({ uninstall } = installEmulator({
      userLocale: facts.lang,
      locale: facts.locale,
      timeZone: TZ,
    }));
    writeAsSheetsImports(facts.file, "Export", TZ);
    const info = getWizardContext().sheets.find((s) => s.name === "Export");
    expect(info?.headerRow).toBe(facts.preambleLines + 1);
    walk(facts, "Export", facts.totals);
  });
});
