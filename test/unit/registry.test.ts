import { describe, expect, it } from "vitest";
import {
  columnConcern,
  refusesColumn,
  suggestDateColumn,
  suggestMapping,
} from "../../src/kpi/mapping.ts";
import { findKpi, getKpi, KPIS } from "../../src/kpi/registry/index.ts";
import { GA4_HEADERS, SAMPLE_MAPPING } from "../fixtures.ts";

const SAMPLE_EN =
  "Date, Visitors, Sessions, Single-page sessions, Total session duration (s), Conversions, Revenue, Ad cost, Impressions, Clicks, Emails sent, Bounced, Opens, Posts, Likes, Comments, Shares".split(
    ", ",
  );
const SAMPLE_FR =
  "Date|Visiteurs|Sessions|Sessions d'une page|Durée totale des sessions (s)|Conversions|Chiffre d'affaires|Coût publicitaire|Impressions|Clics|E-mails envoyés|Rebonds|Ouvertures|Publications|J'aime|Commentaires|Partages".split(
    "|",
  );

/** Input → header chosen (multiColumn: headers joined by +), for the exact matches. */
function mapped(kpiId: string, headers: string[]) {
  const m = suggestMapping(getKpi(kpiId), headers);
  return Object.fromEntries(
    Object.entries(m).map(([name, s]) => [
      name,
      s.oneRow
        ? `one per row (${s.confidence})`
        : s.column === null
          ? null
          : `${[...s.columns.map((c) => headers[c]), ...(s.minus ?? []).map((c) => `−${headers[c]}`)].join("+")} (${s.confidence})`,
    ]),
  );
}

describe("the registry", () => {
  it("has the twelve KPIs, in order, with their custom-function names", () => {
    expect(KPIS.map((k) => k.id)).toEqual([
      "conversion",
      "open_rate",
      "ctr",
      "unique_visitors",
      "avg_visit_duration",
      "bounce_rate",
      "engagement",
      "roi",
      "roas",
      "cpa",
      "cpc",
      "cpm",
    ]);
    for (const k of KPIS) expect(k.functionName).toBe(`KPI_${k.id.toUpperCase()}`);
  });

  it("says lower is better only for bounce rate and the costs", () => {
    expect(KPIS.filter((k) => k.direction === "lower").map((k) => k.id)).toEqual([
      "bounce_rate",
      "cpa",
      "cpc",
      "cpm",
    ]);
  });

  it("has well-formed entries: identifiers, both languages, combine naming real inputs", () => {
    for (const k of KPIS) {
      const names = k.inputs.map((i) => i.name);
      expect(new Set(names).size).toBe(names.length);
      for (const i of k.inputs) {
        expect(i.name).toMatch(/^[a-z][a-z_]*$/);
        expect(i.label.en && i.label.fr && i.help.en && i.help.fr).toBeTruthy();
        expect(i.aliases.en.length).toBeGreaterThan(0);
        expect(i.aliases.fr.length).toBeGreaterThan(0);
      }
      // Optional inputs come last, so "rows" can follow the required ones.
      const firstOptional = k.inputs.findIndex((i) => i.optional);
      if (firstOptional >= 0)
        expect(k.inputs.slice(firstOptional).every((i) => i.optional)).toBe(true);
      for (const text of [k.name, k.definition, k.formula, k.doc]) {
        expect(text.en.length).toBeGreaterThan(0);
        expect(text.fr.length).toBeGreaterThan(0);
      }
      const used =
        k.combine.kind === "ratio"
          ? [...k.combine.numerator, ...k.combine.denominator].map((t) => t.input)
          : [k.combine.input];
      for (const u of used) expect(names).toContain(u);
      for (const c of k.checks ?? []) {
        expect(names).toContain(c.input);
        expect(names).toContain(c.atMost);
      }
    }
  });

  it("finds KPIs by id", () => {
    expect(findKpi("ctr")?.functionName).toBe("KPI_CTR");
    expect(findKpi("nope")).toBeUndefined();
    expect(() => getKpi("nope")).toThrow(/unknown KPI "nope"/);
  });
});

describe("suggestMapping on the sample data", () => {
  for (const [lang, headers] of [
    ["en", SAMPLE_EN],
    ["fr", SAMPLE_FR],
  ] as const) {
    it(`maps every KPI of the ${lang} sample exactly`, () => {
      for (const [kpiId, inputs] of Object.entries(SAMPLE_MAPPING)) {
        const expected = Object.fromEntries(
          Object.entries(inputs).map(([input, columns]) => [
            input,
            `${columns[lang].join("+")} (exact)`,
          ]),
        );
        expect(mapped(kpiId, headers), kpiId).toEqual(expected);
      }
      // No visitor ids on the daily tab: a count of visitors is not an id column.
      expect(mapped("unique_visitors", headers)).toEqual({
        visitor_ids: null,
        dates: "Date (exact)",
      });
    });
  }

  it("maps the visits tab in both languages", () => {
    expect(mapped("unique_visitors", ["Visitor ID", "Date"])).toEqual({
      visitor_ids: "Visitor ID (exact)",
      dates: "Date (exact)",
    });
    expect(mapped("unique_visitors", ["ID visiteur", "Date"])).toEqual({
      visitor_ids: "ID visiteur (exact)",
      dates: "Date (exact)",
    });
  });

  it("suggests the date column", () => {
    expect(suggestDateColumn(SAMPLE_EN)).toMatchObject({ column: 0, confidence: "exact" });
    expect(suggestDateColumn(["Campaign", "Jour", "Clics"])).toMatchObject({
      column: 1,
      header: "Jour",
    });
    expect(suggestDateColumn(["a", "b"])).toMatchObject({ column: null, confidence: "none" });
  });
});

describe("suggestMapping on the usual exports", () => {
  it("GA4: key events over sessions, never users; bounces as Sessions − Engaged sessions", () => {
    const ga4 = [...GA4_HEADERS];
    // Users do not add up over the days of a month; sessions do.
    expect(mapped("conversion", ga4)).toEqual({
      conversions: "Key events (exact)",
      visitors: "Sessions (exact)",
    });
    // GA4 has no bounces column, and its "Bounce rate" is a rate: bounces are derived.
    expect(mapped("bounce_rate", ga4)).toEqual({
      bounces: "Sessions+−Engaged sessions (exact)",
      sessions: "Sessions (exact)",
    });
    const fr = ["Date", "Sessions", "Sessions avec engagement", "Taux de rebond"];
    expect(mapped("bounce_rate", fr)).toEqual({
      bounces: "Sessions+−Sessions avec engagement (exact)",
      sessions: "Sessions (exact)",
    });
  });

  it("never proposes an average, a rate or an identifier as a quantity", () => {
    const ga4 = ["Date", "Sessions", "Average engagement time per session"];
    expect(mapped("avg_visit_duration", ga4)).toEqual({
      durations: null,
      visits: "Sessions (exact)",
    });
    const fr = ["Date", "Sessions", "Durée d'engagement moyenne par session"];
    expect(mapped("avg_visit_duration", fr).durations).toBeNull();
    expect(mapped("engagement", ["Post ID", "Reactions", "Comments"]).posts).toBe(
      "one per row (exact)",
    );
    expect(
      mapped("engagement", ["Identifiant de la publication", "Réactions", "Partages"]).posts,
    ).toBe("one per row (exact)");
    // A posts column, when there is one, is counted as it is.
    expect(mapped("engagement", ["Post ID", "Posts", "Likes"]).posts).toBe("Posts (exact)");
  });

  it("tells what a column is when it cannot be summed", () => {
    const cases: [string, ReturnType<typeof columnConcern>][] = [
      ["Bounce rate", "rate"],
      ["Taux de rebond", "rate"],
      ["CTR", "rate"],
      ["Engagement rate (%)", "rate"],
      ["Average engagement time per session", "average"],
      ["Durée d'engagement moyenne par session", "average"],
      ["Avg. CPC", "average"],
      ["CPC moy.", "average"],
      ["Coût/conv.", "average"],
      ["Post ID", "id"],
      ["Identifiant de la publication", "id"],
      ["Total users", "users"],
      ["Nombre total d'utilisateurs", "users"],
      ["Sessions", null],
      ["Clics", null],
      ["Partages", null],
      ["Valeur de conv.", null],
    ];
    for (const [header, concern] of cases) expect(columnConcern(header), header).toBe(concern);
    expect(refusesColumn("rate", "count")).toBe(true);
    expect(refusesColumn("id", "id")).toBe(false);
    expect(refusesColumn("users", "count")).toBe(false);
  });

  it("ad platforms, with a currency note in the header", () => {
    const meta = [
      "Reporting starts",
      "Campaign name",
      "Impressions",
      "Link clicks",
      "Amount spent (EUR)",
      "Results",
    ];
    expect(mapped("cpc", meta)).toEqual({
      cost: "Amount spent (EUR) (exact)",
      clicks: "Link clicks (exact)",
    });
    expect(mapped("cpa", meta)).toEqual({
      cost: "Amount spent (EUR) (exact)",
      conversions: "Results (exact)",
    });
    const metaFr = [
      "Début des rapports",
      "Impressions",
      "Clics sur un lien",
      "Montant dépensé (EUR)",
    ];
    expect(mapped("cpc", metaFr)).toEqual({
      cost: "Montant dépensé (EUR) (exact)",
      clicks: "Clics sur un lien (exact)",
    });
    const google = ["Day", "Clicks", "Impr.", "Cost", "Conversions"];
    expect(mapped("ctr", google)).toEqual({
      clicks: "Clicks (exact)",
      impressions: "Impr. (exact)",
    });
    expect(mapped("cpm", google)).toEqual({ cost: "Cost (exact)", impressions: "Impr. (exact)" });
    expect(mapped("cpc", ["Jour", "Clics", "Coût"])).toEqual({
      cost: "Coût (exact)",
      clicks: "Clics (exact)",
    });
    expect(mapped("cpc", ["jour", "CLICS", "cout"])).toEqual({
      cost: "cout (exact)",
      clicks: "CLICS (exact)",
    });
  });

  it("e-mail: a Delivered column is preferred as the denominator and leaves bounced out", () => {
    expect(mapped("open_rate", ["Campaign", "Delivered", "Opens", "Bounces"])).toEqual({
      opens: "Opens (exact)",
      sent: "Delivered (exact)",
      bounced: null,
    });
    expect(
      mapped("open_rate", ["Campagne", "E-mails envoyés", "Délivrés", "Ouvertures", "Rebonds"]),
    ).toEqual({
      opens: "Ouvertures (exact)",
      sent: "Délivrés (exact)",
      bounced: null,
    });
    // Brevo: Sent, Delivered, Hard bounces and Soft bounces; its open rate is opens ÷ delivered.
    expect(
      mapped("open_rate", [
        "Campaign name",
        "Sent",
        "Delivered",
        "Unique opens",
        "Open rate",
        "Hard bounces",
        "Soft bounces",
      ]),
    ).toEqual({ opens: "Unique opens (exact)", sent: "Delivered (exact)", bounced: null });
    // Without a Delivered column, sent − bounced as before.
    expect(mapped("open_rate", ["Sent", "Opens", "Bounces"])).toEqual({
      opens: "Opens (exact)",
      sent: "Sent (exact)",
      bounced: "Bounces (exact)",
    });
  });

  it("social: a total interactions column wins over its parts", () => {
    expect(mapped("engagement", ["Date", "Posts", "Likes", "Comments", "Interactions"])).toEqual({
      interactions: "Interactions (exact)",
      posts: "Posts (exact)",
    });
  });

  it("marks a word match as partial, with candidates best first", () => {
    const headers = ["Week", "Total link clicks this week", "Impressions", "Clicks"];
    const m = suggestMapping(getKpi("ctr"), headers);
    expect(m.clicks).toMatchObject({ column: 3, confidence: "exact" });
    expect(m.clicks?.candidates).toEqual([3, 1]);
    const partialOnly = suggestMapping(getKpi("ctr"), ["Week", "Clicks on links", "Impressions"]);
    expect(partialOnly.clicks).toMatchObject({
      column: 1,
      confidence: "partial",
      header: "Clicks on links",
    });
    expect(partialOnly.impressions).toMatchObject({ column: 2, confidence: "exact" });
  });

  it("never gives one column to two inputs, and reports none when nothing matches", () => {
    const m = suggestMapping(getKpi("cpc"), ["Cost per click"]);
    const columns = Object.values(m).flatMap((s) => s.columns);
    expect(new Set(columns).size).toBe(columns.length);
    const none = suggestMapping(getKpi("ctr"), ["foo", "", "bar"]);
    expect(none.clicks).toEqual({
      column: null,
      columns: [],
      header: null,
      confidence: "none",
      candidates: [],
    });
  });
});
