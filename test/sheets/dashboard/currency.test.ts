/**
 * Money in the spreadsheet's currency on the dashboard: the sample's "Paid search CPA" (a cost
 * per acquisition) as the cells display it under their number format, and in the sentences, for
 * the locales whose writing of money differs.
 */
import { afterEach, describe, expect, it } from "vitest";
import { dayFromParts } from "../../../src/kpi/days.ts";
import { buildDashboardAt } from "../../../src/sheets/dashboard/build.ts";
import { TABLE_COLUMNS } from "../../../src/sheets/dashboard/layout.ts";
import { saveObjective } from "../../../src/sheets/objectives/endpoints.ts";
import { listObjectivesIn } from "../../../src/sheets/status/endpoints.ts";
import { DASHBOARD_KEY } from "../../../src/sheets/workbook/tabs.ts";
import { installEmulator, NOW, sampleObjectives, taggedSheet, writeSampleTab } from "../helpers.ts";

const END = dayFromParts(2027, 6, 10) as number;
const col = (name: (typeof TABLE_COLUMNS)[number]) => TABLE_COLUMNS.indexOf(name);
const NBSP = "\u00a0";

let uninstall: () => void = () => {};
afterEach(() => uninstall());

/** The dashboard as displayed, built in `lang` for a spreadsheet in `locale`. */
function build(locale: string, lang: "en" | "fr"): string[][] {
  ({ uninstall } = installEmulator({
    userLocale: lang === "fr" ? "fr_FR" : "en_US",
    locale,
    timeZone: "Europe/Paris",
  }));
  const tab = lang === "fr" ? "Données d'exemple" : "Sample data";
  writeSampleTab(tab, lang, END);
  for (const o of sampleObjectives(lang, tab)) saveObjective(o);
  buildDashboardAt(NOW);
  return taggedSheet(DASHBOARD_KEY).getDataRange().getDisplayValues();
}

const cpaRow = (shown: string[][]) =>
  shown.find((r) => r[0]?.startsWith("Paid search CPA")) as string[];

describe("the dashboard's money", () => {
  it("en_US: a dollar before the amount, in cells and sentences", () => {
    const shown = build("en_US", "en");
    const cpa = cpaRow(shown);
    expect(cpa[col("target")]).toBe("$6.00");
    expect(cpa[col("baseline")]).toBe("$7.20");
    expect(cpa[col("current")]).toBe("$7.04");
    expect(cpa[col("range")]).toBe("$6.14 to $6.67");
    expect(shown[3]?.[0]).toContain("Paid search CPA off track: $7.04 against $6.00");
    // Rates stay rates (the benchmark column keeps its source's currency: benchmark-column.test).
    expect(shown.find((r) => r[0]?.startsWith("Website"))?.[col("current")]).toMatch(/^2\.\d%$/);
  });

  it("fr_FR: the euro after the amount, set apart with a no-break space", () => {
    const shown = build("fr_FR", "fr");
    const cpa = cpaRow(shown);
    expect(cpa[col("target")]).toBe(`6,00${NBSP}€`);
    expect(cpa[col("current")]).toBe(`7,04${NBSP}€`);
    expect(cpa[col("range")]).toBe(`6,14${NBSP}€ à 6,67${NBSP}€`);
    expect(shown[3]?.[0]).toContain(
      `Paid search CPA en retard : 7,04${NBSP}€ pour une cible de 6,00${NBSP}€`,
    );
    expect(cpa[col("reason")]).toContain(`la tendance mène à 6,40${NBSP}€ au 31 décembre 2027`);
  });

  it("de_DE: the euro after the amount, the cells in the locale's decimal comma", () => {
    const cpa = cpaRow(build("de_DE", "en"));
    expect(cpa[col("target")]).toBe(`6,00${NBSP}€`);
    expect(cpa[col("reason")]).toContain(`the trend points to 6.40${NBSP}€ by 31 December 2027`);
  });

  it("en_GB: a pound before the amount", () => {
    const shown = build("en_GB", "en");
    const cpa = cpaRow(shown);
    expect(cpa[col("target")]).toBe("£6.00");
    expect(shown[3]?.[0]).toContain("Paid search CPA off track: £7.04 against £6.00");
  });

  it("a locale the rule does not know: the amount alone, as before", () => {
    const cpa = cpaRow(build("pt_BR", "en"));
    expect(cpa[col("target")]).toBe("6,00");
    expect(cpa[col("reason")]).toContain("the trend points to 6.40 by 31 December 2027");
  });

  it("sends the sidebar's list the currency of a money KPI only, with its reason in it", () => {
    build("fr_FR", "fr");
    const list = listObjectivesIn(SpreadsheetApp.getActiveSpreadsheet(), "fr", NOW).objectives;
    const cpa = list.find((o) => o.name === "Paid search CPA");
    expect(cpa?.currency).toEqual({ symbol: "€", after: true });
    expect(cpa?.reason).toContain(`cible 6,00${NBSP}€`);
    for (const o of list.filter((x) => x !== cpa)) expect(o.currency, o.name).toBeUndefined();
  });
});
