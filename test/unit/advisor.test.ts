import { describe, expect, it } from "vitest";
import { CHANNELS, GOALS } from "../../src/contract/advisor.ts";
import { formatPublishedValue } from "../../src/contract/format.ts";
import { findFunction } from "../../src/kpi/functions/index.ts";
import { ADVICE, adviceIn, REASONS } from "../../src/kpi/registry/advice.ts";
import { BENCHMARKS, benchmarkIn, shippedBenchmarks } from "../../src/kpi/registry/benchmarks.ts";
import { findKpi } from "../../src/kpi/registry/index.ts";
import { call, errorOf, FR } from "./helpers.ts";

describe("the advisor's goal × channel → KPI data", () => {
  it("covers every goal and channel, each with at least one KPI", () => {
    expect(Object.keys(ADVICE)).toEqual([...GOALS]);
    for (const goal of GOALS) {
      expect(Object.keys(ADVICE[goal])).toEqual([...CHANNELS]);
      for (const channel of CHANNELS) expect(ADVICE[goal][channel].length).toBeGreaterThan(0);
    }
  });

  it("names only KPIs of the registry, each once per list, each with its reason", () => {
    const unknown: string[] = [];
    for (const goal of GOALS) {
      for (const channel of CHANNELS) {
        const kpis = ADVICE[goal][channel];
        expect(new Set(kpis).size, `${goal} × ${channel}`).toBe(kpis.length);
        for (const id of kpis) {
          if (!findKpi(id)) unknown.push(`${goal} × ${channel}: ${id}`);
          expect(REASONS[goal][id], `${goal}: ${id}`).toBeDefined();
        }
      }
      // No reason is left over for a KPI the goal never suggests.
      const used = new Set(CHANNELS.flatMap((c) => ADVICE[goal][c]));
      expect(Object.keys(REASONS[goal]).filter((id) => !used.has(id))).toEqual([]);
    }
    expect(unknown).toEqual([]);
  });

  it("has one sentence per reason, in English and in French", () => {
    for (const goal of GOALS) {
      for (const [id, reason] of Object.entries(REASONS[goal])) {
        for (const text of [reason.en, reason.fr]) {
          expect(text, `${goal}: ${id}`).toMatch(/^[A-ZÀ-Ý].*\.$/);
          expect(text.slice(0, -1), `${goal}: ${id}`).not.toMatch(/[.!?] /);
        }
        expect(reason.fr).not.toBe(reason.en);
      }
    }
  });

  it("ranks ROAS, then CPA, then conversion for online sales from search ads", () => {
    expect(ADVICE.sales.search_ads).toEqual(["roas", "cpa", "conversion"]);
    const fr = adviceIn("fr").sales.search_ads;
    expect(fr.map((s) => s.kpiId)).toEqual(["roas", "cpa", "conversion"]);
    expect(fr[0]?.reason).toBe(REASONS.sales.roas?.fr);
  });

  it("would report a KPI that is not in the registry", () => {
    expect(findKpi("roas")).toBeDefined();
    expect(findKpi("repeat_rate")).toBeUndefined();
  });
});

describe("the shipped benchmark table", () => {
  it("has well-formed rows: a registry KPI, a channel, a source, an https URL, a year, a value in the KPI's unit", () => {
    expect(BENCHMARKS.length).toBeGreaterThan(0);
    for (const b of BENCHMARKS) {
      const where = `${b.kpiId} / ${b.channel} / ${b.industry ?? "all"}`;
      const kpi = findKpi(b.kpiId);
      expect(kpi, where).toBeDefined();
      expect(CHANNELS, where).toContain(b.channel);
      expect(b.source.trim().length, where).toBeGreaterThan(5);
      expect(new URL(b.url).protocol, where).toBe("https:");
      expect(b.verifiedIn.length, where).toBeGreaterThan(0);
      for (const u of b.verifiedIn) expect(new URL(u).protocol, where).toBe("https:");
      expect(Number.isInteger(b.year) && b.year >= 2015 && b.year <= 2026, where).toBe(true);
      expect(["average", "median"], where).toContain(b.statistic);
      expect(b.period.en && b.period.fr && b.sample.en && b.sample.fr, where).toBeTruthy();
      expect(Number.isFinite(b.value) && b.value > 0, where).toBe(true);
      if (kpi?.unit === "percent") {
        // A rate as a fraction: 6.66% is 0.0666, never 6.66.
        expect(b.value, where).toBeLessThan(1);
        expect(b.currency, where).toBeUndefined();
      }
      if (kpi?.unit === "currency") expect(b.currency, where).toMatch(/^[A-Z]{3}$/);
    }
  });

  it("holds one row per KPI, channel, industry and source", () => {
    const keys = BENCHMARKS.map((b) => `${b.kpiId}|${b.channel}|${b.industry}|${b.source}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("is in newest-first order, so the first fitting row is the newest", () => {
    const years = BENCHMARKS.map((b) => b.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it("finds rows by KPI, channel and industry, accents and case aside", () => {
    expect(shippedBenchmarks("ctr", "search_ads", null).map((b) => b.value)).toEqual([0.0666]);
    expect(shippedBenchmarks("open_rate", "email", null).map((b) => b.year)).toEqual([2023, 2019]);
    expect(shippedBenchmarks("open_rate", null, "arts and ARTISTS")[0]?.value).toBe(0.2627);
    expect(shippedBenchmarks("roas", null, null)).toEqual([]);
  });

  it("reads at its source's precision", () => {
    expect(formatPublishedValue(0.0752, "percent", "en")).toBe("7.52%");
    expect(formatPublishedValue(0.3765, "percent", "fr")).toBe("37,65\u00a0%");
    expect(formatPublishedValue(70.11, "currency", "fr")).toBe("70,11");
  });

  it("is sent to the wizard in the user's language", () => {
    const row = shippedBenchmarks("cpa", "search_ads", null)[0];
    expect(row).toBeDefined();
    if (!row) return;
    const fr = benchmarkIn(row, "fr");
    expect(fr).toMatchObject({ kpiId: "cpa", value: 70.11, currency: "USD", year: 2025 });
    expect(fr.sample).toContain("coût par prospect");
    expect(benchmarkIn(row, "en").period).toBe("April 2024 to March 2025");
  });
});

describe("KPI_BENCHMARK", () => {
  const own = [
    ["KPI", "Channel", "Industry", "Value"],
    ["ctr", "", "", 0.03],
    ["ctr", "Search ads", "", 0.041],
    ["open_rate", "email", "Retail", 0.25],
  ];

  it("names its sources and years in its documentation", () => {
    const spec = findFunction("KPI_BENCHMARK");
    expect(spec?.description).toMatch(/WordStream by LocaliQ 2025/);
    expect(spec?.description).toMatch(/MailerLite 2023/);
    expect(spec?.description).toMatch(/Mailchimp 2019/);
    for (const b of BENCHMARKS) {
      expect(spec?.doc.en).toContain(b.url.replace(/\?.*$/, ""));
      expect(spec?.doc.en).toContain(String(b.year));
    }
    expect(spec?.doc.en).toMatch(/Apple Mail Privacy Protection/);
  });

  it("returns the shipped figure, by KPI id or function name, channel by id or name", () => {
    expect(call("KPI_BENCHMARK", ["ctr", "search_ads"])).toBe(0.0666);
    expect(call("KPI_BENCHMARK", ["KPI_CPC", "Search ads"])).toBe(5.26);
    expect(call("KPI_BENCHMARK", ["conversion", "Publicité sur les moteurs de recherche"])).toBe(
      0.0752,
    );
    expect(call("KPI_BENCHMARK", ["cpa"])).toBe(70.11);
    expect(call("KPI_BENCHMARK", ["open_rate", "email"])).toBe(0.3765);
    expect(call("KPI_BENCHMARK", ["open_rate", "email", "Beauty and Personal Care"])).toBe(0.1665);
  });

  it("lets the user's own table win, the asked channel before a blank one", () => {
    expect(call("KPI_BENCHMARK", ["ctr", "search_ads", "", own])).toBe(0.041);
    expect(call("KPI_BENCHMARK", ["ctr", "email", "", own])).toBe(0.03);
    expect(call("KPI_BENCHMARK", ["open_rate", "email", "retail", own])).toBe(0.25);
    // Nothing fits in the user's table: the shipped figure answers.
    expect(call("KPI_BENCHMARK", ["cpc", "search_ads", undefined, own])).toBe(5.26);
  });

  it("says what is wrong, naming the function, in the user's language", () => {
    expect(errorOf(() => call("KPI_BENCHMARK", ["ctx"]))).toMatch(
      /^KPI_BENCHMARK: "ctx" is not a KPI; use one of conversion, open_rate/,
    );
    expect(errorOf(() => call("KPI_BENCHMARK", ["ctr", "radio"]))).toBe(
      'KPI_BENCHMARK: "radio" is not a channel; use one of website, search_ads, social_ads, email, social',
    );
    expect(errorOf(() => call("KPI_BENCHMARK", ["ctr"]))).toBe(
      "KPI_BENCHMARK: ctr has benchmarks for several channels (search_ads, email); give the channel",
    );
    expect(errorOf(() => call("KPI_BENCHMARK", ["roas", "search_ads"]))).toBe(
      "KPI_BENCHMARK: no published benchmark for roas is shipped; give your own table",
    );
    expect(errorOf(() => call("KPI_BENCHMARK", ["ctr", "social_ads"]))).toBe(
      "KPI_BENCHMARK: no benchmark for ctr on social_ads; shipped ones cover search_ads, email, email / Arts and Artists, email / Beauty and Personal Care",
    );
    expect(
      errorOf(() => call("KPI_BENCHMARK", ["ctr", "email", "", [["ctr", "email", "", "n/a"]]])),
    ).toBe(
      'KPI_BENCHMARK: own_benchmarks, row 1: "n/a" is not a number; each row is KPI, channel, industry, value',
    );
    expect(errorOf(() => call("KPI_BENCHMARK", ["ctr", "radio"], FR))).toMatch(
      /^KPI_BENCHMARK : « radio » n'est pas un canal/,
    );
    expect(errorOf(() => call("KPI_BENCHMARK", []))).toBe("KPI_BENCHMARK: kpi is missing");
  });
});
