/**
 * The one objective rule set (src/contract/rules/objective-rules.ts), as the sidebar and the server both
 * call it: pure, with the KPIs described by the caller.
 */
import { describe, expect, it } from "vitest";
import {
  checkObjective,
  issueText,
  issueTextBesideField,
  MAX_FILTER_VALUES,
  type RuleEnv,
  type RuleIssue,
  type RuleKpi,
} from "../../src/contract/rules/objective-rules.ts";
import { dayFromParts } from "../../src/kpi/days.ts";

const CTR: RuleKpi = {
  id: "ctr",
  name: "Click-through rate",
  canBeNegative: false,
  inputs: [
    { name: "clicks", label: "Clicks", optional: false, multiColumn: false, countable: true },
    {
      name: "impressions",
      label: "Impressions",
      optional: false,
      multiColumn: false,
      countable: true,
    },
  ],
};

const env = (lang: "en" | "fr" = "en"): RuleEnv => ({
  lang,
  kpi: (id) => (id === "ctr" ? CTR : undefined),
  kpiIds: ["ctr"],
  formatValue: (v) => `${v * 100}%`,
  formatDay: (d) => `day ${d}`,
});

const VALID = {
  name: "Search CTR",
  kpiId: "ctr",
  sourceSheet: "Ads",
  dateColumn: "Day",
  inputs: { clicks: ["Clicks"], impressions: ["Impr."] },
  direction: "higher",
  baseline: 0.02,
  target: 0.026,
  startDate: "2027-01-01",
  deadline: "2027-03-31",
  frequency: "monthly",
  owner: "Claire",
  businessGoal: "",
};

describe("checkObjective", () => {
  it("returns the parsed values: calendar days for dates, numbers as given", () => {
    const { value, issues } = checkObjective(VALID, env());
    expect(issues).toEqual([]);
    expect(value?.startDay).toBe(dayFromParts(2027, 1, 1));
    expect(value?.deadlineDay).toBe(dayFromParts(2027, 3, 31));
    expect(value?.target).toBe(0.026);
  });

  it("reads the French words a person types in the tab as the codes", () => {
    const { value } = checkObjective(
      { ...VALID, frequency: " Mensuelle ", direction: "Plus haut" },
      env(),
    );
    expect(value?.frequency).toBe("monthly");
    expect(value?.direction).toBe("higher");
    expect(checkObjective({ ...VALID, frequency: "trimestrielle" }, env()).value?.frequency).toBe(
      "quarterly",
    );
  });

  it("gives the first issue of every field, in the tab's column order", () => {
    const { value, issues } = checkObjective(
      { ...VALID, name: "", owner: " ", deadline: "2026-12-31", target: 0.01 },
      env(),
    );
    expect(value).toBeUndefined();
    expect(issues.map((i) => [i.field, i.key])).toEqual([
      ["name", "required"],
      ["target", "targetNotAbove"],
      ["deadline", "deadlineNotAfterStart"],
      ["owner", "required"],
    ]);
    expect(issues.map((i) => issueText(i, "fr"))).toEqual([
      "Nom : obligatoire.",
      "Cible : doit être supérieure à la valeur de départ (2%) pour un objectif à la hausse.",
      `Échéance : doit être postérieure à la date de début (day ${dayFromParts(2027, 1, 1)}).`,
      "Responsable : obligatoire.",
    ]);
  });

  it("checks only the fields in scope, and rules between two fields only when both are", () => {
    const preview = new Set(["kpiId", "sourceSheet", "dateColumn", "inputs", "frequency"] as const);
    expect(checkObjective({ ...VALID, owner: "", target: 0 }, env(), preview).issues).toEqual([]);
    const issues = checkObjective({ ...VALID, inputs: { clicks: ["Clicks"] } }, env(), preview);
    expect(issues.issues).toEqual([
      expect.objectContaining({ field: "inputs", key: "inputMissing", input: "impressions" }),
    ]);
  });

  it("drops the label for the sidebar, which shows it above the field", () => {
    const [name, owner] = checkObjective({ ...VALID, name: "", owner: "" }, env("fr")).issues;
    expect(issueTextBesideField(name!, "fr")).toBe("Obligatoire.");
    expect(issueTextBesideField(owner!, "en")).toBe("Required.");
  });

  it("names the input of a column problem, so the sidebar can point at its select", () => {
    const { issues } = checkObjective(
      { ...VALID, inputs: { clicks: ["Clicks", "Clicks 2"], impressions: ["Impr."] } },
      env(),
    );
    expect(issues).toEqual([
      expect.objectContaining({ field: "inputs", key: "inputOneColumn", input: "clicks" }),
    ]);
  });

  it("takes a difference of columns and one per row, and says what is wrong with them", () => {
    const check = (clicks: string[]) =>
      checkObjective({ ...VALID, inputs: { clicks, impressions: ["Impr."] } }, env());
    expect(check(["Clicks", "\u2212Invalid clicks"]).value?.inputs.clicks).toEqual([
      "Clicks",
      "\u2212Invalid clicks",
    ]);
    expect(check(["#rows"]).value?.inputs.clicks).toEqual(["#rows"]);
    const keys = (clicks: string[]) => check(clicks).issues.map((i) => i.key);
    expect(keys(["\u2212Invalid clicks"])).toEqual(["inputOnlySubtracted"]);
    expect(keys(["#rows", "Clicks"])).toEqual(["inputRowsAlone"]);
    expect(keys(["Clicks", "\u2212Clicks"])).toEqual(["inputDuplicate"]);
    expect(keys(["Clicks", "More clicks"])).toEqual(["inputOneColumn"]);
  });
});

describe("the filter", () => {
  const keys = (filter: unknown) =>
    checkObjective({ ...VALID, filter }, env()).issues.map((i) => [i.field, i.key]);

  it("is optional, and returns the column and the values trimmed", () => {
    expect(checkObjective(VALID, env()).value?.filter).toBeNull();
    expect(checkObjective({ ...VALID, filter: null }, env()).value?.filter).toBeNull();
    const { value } = checkObjective(
      { ...VALID, filter: { column: " Campaign ", values: [" Search - Brand", "Display "] } },
      env(),
    );
    expect(value?.filter).toEqual({ column: "Campaign", values: ["Search - Brand", "Display"] });
  });

  it("refuses a filter without a column or a value, too many values, or one value twice", () => {
    expect(keys("Campaign")).toEqual([["filter", "filterNotObject"]]);
    expect(keys({ column: "", values: ["A"] })).toEqual([["filter", "required"]]);
    expect(keys({ column: "Campaign", values: [] })).toEqual([["filter", "filterNoValues"]]);
    expect(keys({ column: "Campaign", values: [" "] })).toEqual([["filter", "required"]]);
    const many = Array.from({ length: MAX_FILTER_VALUES + 1 }, (_, i) => `C${i}`);
    expect(keys({ column: "Campaign", values: many })).toEqual([["filter", "filterTooMany"]]);
    // Twice by the filter's own comparison: trimmed, any case.
    expect(keys({ column: "Campaign", values: ["Brand", " BRAND"] })).toEqual([
      ["filter", "filterDuplicate"],
    ]);
    expect(keys({ column: "Campaign", values: ["A\u0007"] })).toEqual([["filter", "controlChars"]]);
  });

  it("says what is wrong in the user's language, starting with the column's header", () => {
    const [issue] = checkObjective(
      { ...VALID, filter: { column: "Campagne", values: [] } },
      env("fr"),
    ).issues;
    expect(issueText(issue as RuleIssue, "fr")).toBe(
      "Filtre : choisissez au moins une valeur de « Campagne » pour en garder les lignes.",
    );
  });
});
