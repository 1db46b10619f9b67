/**
 * The dashboard's market-benchmark column: filled, and cited in the notes, for an objective whose
 * channel is one the shipped benchmarks cover; blank for the others.
 */
import { afterEach, describe, expect, it } from "vitest";
import { dayFromParts } from "../../../src/kpi/days.ts";
import { objectiveBenchmark } from "../../../src/kpi/registry/benchmarks.ts";
import { buildDashboardAt } from "../../../src/sheets/dashboard/build.ts";
import { TABLE_COLUMNS } from "../../../src/sheets/dashboard/layout.ts";
import { saveObjective } from "../../../src/sheets/objectives/endpoints.ts";
import { DASHBOARD_KEY } from "../../../src/sheets/workbook/tabs.ts";
import { installEmulator, NOW, sampleObjectives, taggedSheet, writeSampleTab } from "../helpers.ts";

const END = dayFromParts(2027, 6, 10) as number;
const col = (name: (typeof TABLE_COLUMNS)[number]) => TABLE_COLUMNS.indexOf(name);

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

function build(lang: "en" | "fr"): string[][] {
  const locale = lang === "fr" ? "fr_FR" : "en_US";
  ({ uninstall } = installEmulator({ userLocale: locale, locale, timeZone: "Europe/Paris" }));
  const tab = lang === "fr" ? "Données d'exemple" : "Sample data";
  writeSampleTab(tab, lang, END);
  for (const o of sampleObjectives(lang, tab)) {
    // Paid search CPA on the advisor's channel name, as the advisor fills it in.
    const channel =
      o.kpiId === "cpa"
        ? lang === "fr"
          ? "Publicité sur les moteurs de recherche"
          : "Search ads"
        : o.channel;
    saveObjective({ ...o, channel });
  }
  buildDashboardAt(NOW);
  return taggedSheet(DASHBOARD_KEY).getDataRange().getDisplayValues();
}

function row(shown: string[][], name: string): string[] {
  const r = shown.find((x) => x[0]?.startsWith(name));
  if (!r) throw new Error(`no row for ${name}`);
  return r;
}

describe("the dashboard's benchmark column", () => {
  it("in English: the figure for a covered channel, its source and year in the notes", () => {
    const shown = build("en");
    expect(shown.find((r) => r[0] === "Objective")?.[col("benchmark")]).toBe("Market benchmark");
    const cpa = row(shown, "Paid search CPA");
    expect(cpa[col("benchmark")]).toBe("70.11");
    expect(cpa[col("note")]).toContain(
      "Benchmark: search ads average, WordStream by LocaliQ, Google Ads Benchmarks 2025 (2025), in USD.",
    );
    // "Email" names the e-mail channel: the newest e-mail open rate, with the Apple Mail caveat.
    const open = row(shown, "Newsletter open rate");
    expect(open[col("benchmark")]).toBe("37.65%");
    expect(open[col("note")]).toContain("MailerLite, Email marketing benchmarks for 2023 (2023).");
    expect(open[col("note")]).toContain("Apple Mail Privacy Protection");
    // Website conversion: no website benchmark is shipped; the cell stays blank.
    const conv = row(shown, "Website conversion rate");
    expect(conv[col("benchmark")]).toBe("—");
    expect(conv[col("note")]).not.toContain("Benchmark");
  });

  it("in French, with the source's figure at its precision", () => {
    const shown = build("fr");
    const open = row(shown, "Newsletter open rate");
    // The emulator shows a percent format without the French space Sheets may add.
    expect(open[col("benchmark")]).toMatch(/^37,65\u00a0?%$/);
    expect(open[col("note")]).toContain("Référence : e-mail, moyenne, MailerLite");
    expect(row(shown, "Paid search CPA")[col("benchmark")]).toBe("70,11");
  });

  it("finds an objective's benchmark only for a channel the table covers", () => {
    expect(objectiveBenchmark("ctr", "search_ads")?.value).toBe(0.0666);
    expect(objectiveBenchmark("ctr", "  SEARCH ads ")?.value).toBe(0.0666);
    expect(objectiveBenchmark("ctr", "Google Ads")).toBeNull();
    expect(objectiveBenchmark("roas", "Search ads")).toBeNull();
    expect(objectiveBenchmark("ctr", "")).toBeNull();
  });
});
