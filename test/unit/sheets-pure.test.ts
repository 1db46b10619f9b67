/**
 * The pure parts of the objectives store, the dashboard and the sample data: no emulator needed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDayLong, formatUnitValue, periodLabel } from "../../src/contract/format.ts";
import type { Lang } from "../../src/contract/i18n.ts";
import type { Objective } from "../../src/contract/objectives.ts";
import { dayFromParts, isoDay } from "../../src/kpi/days.ts";
import { getKpi } from "../../src/kpi/registry/index.ts";
import type { PeriodPoint } from "../../src/kpi/series.ts";
import { pointChangeFormat } from "../../src/sheets/dashboard/format.ts";
import { stakeholderSummary } from "../../src/sheets/dashboard/summary.ts";
import {
  formatFilter,
  formatInputs,
  parseFilter,
  parseInputs,
} from "../../src/sheets/objectives/codec.ts";
import { validateObjective } from "../../src/sheets/objectives/rules.ts";
import { layoutOf } from "../../src/sheets/objectives/tab.ts";
import { defaultSampleStart, generateSampleData } from "../../src/sheets/sample-data.ts";
import { yearAgoStart } from "../../src/sheets/status/compare.ts";
import { evaluatePoints } from "../../src/sheets/status/evaluate.ts";
import { OBJECTIVES_HEADER_EN } from "../sheets/helpers.ts";

const day = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return dayFromParts(y as number, m as number, d as number) as number;
};

describe("filter cell", () => {
  it("is readable, reads back, and is empty for no filter", () => {
    const filter = { column: "Campagne", values: ["Search - Marque", "Brand"] };
    expect(formatFilter(filter)).toBe("Campagne = Search - Marque, Brand");
    expect(parseFilter(formatFilter(filter))).toEqual(filter);
    expect(formatFilter(null)).toBe("");
    expect(parseFilter("  ")).toBeNull();
    // Typed by hand, spaces anywhere.
    expect(parseFilter(" Channel=Email ,  Social ")).toEqual({
      column: "Channel",
      values: ["Email", "Social"],
    });
  });

  it("falls back to JSON when a value holds a comma or the column an equals sign", () => {
    const odd = { column: "A=B", values: ["Shoes, bags", "Hats"] };
    const cell = formatFilter(odd);
    expect(cell.startsWith("{")).toBe(true);
    expect(parseFilter(cell)).toEqual(odd);
  });

  it("says undefined for text that is neither form, so the row is reported", () => {
    expect(parseFilter("Search - Marque")).toBeUndefined();
    expect(parseFilter("{not json")).toBeUndefined();
    expect(parseFilter('{"column": "Campaign", "values": "Brand"}')).toBeUndefined();
  });
});

describe("inputs cell", () => {
  it("is readable for ordinary headers and round-trips", () => {
    const inputs = { interactions: ["Likes", "Comments", "Shares"], posts: ["Posts"] };
    const cell = formatInputs(inputs);
    expect(cell).toBe("interactions=Likes + Comments + Shares; posts=Posts");
    expect(parseInputs(cell)).toEqual(inputs);
  });

  it("writes a difference of columns and one per row readably, and reads them back", () => {
    const inputs = {
      bounces: ["Sessions", "\u2212Engaged sessions"],
      sessions: ["Sessions"],
      posts: ["#rows"],
    };
    const cell = formatInputs(inputs);
    expect(cell).toBe("bounces=Sessions \u2212 Engaged sessions; sessions=Sessions; posts=#rows");
    expect(parseInputs(cell)).toEqual(inputs);
    expect(parseInputs("bounces = Sessions\u2212Engaged sessions + Other")).toEqual({
      bounces: ["Sessions", "\u2212Engaged sessions", "Other"],
    });
    // A subtraction first has nothing to subtract from: JSON keeps it exactly for validation.
    const odd = { bounces: ["\u2212Engaged sessions", "Sessions"] };
    expect(formatInputs(odd).startsWith("{")).toBe(true);
    expect(parseInputs(formatInputs(odd))).toEqual(odd);
  });

  it("falls back to JSON when a header holds a separator, and still round-trips", () => {
    const inputs = { opens: ["Opens; unique"], sent: ["=Sent + more"] };
    const cell = formatInputs(inputs);
    expect(cell.startsWith("{")).toBe(true);
    expect(parseInputs(cell)).toEqual(inputs);
  });

  it("round-trips any headers (property)", () => {
    const header = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== "");
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.stringMatching(/^[a-z_]{1,12}$/),
          fc.array(header, { minLength: 1, maxLength: 3 }),
        ),
        (inputs) => {
          expect(parseInputs(formatInputs(inputs))).toEqual(inputs);
        },
      ),
    );
  });

  it("keeps a hostile input name as a plain key, which validation then refuses", () => {
    for (const cell of ["__proto__=Clicks", '{"__proto__":["Clicks"]}']) {
      const parsed = parseInputs(cell) as Record<string, string[]>;
      expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
      expect(Object.keys(parsed)).toEqual(["__proto__"]);
      expect(() => validateObjective({ ...VALID, inputs: parsed }, "en")).toThrow(
        /no input named "__proto__"/,
      );
    }
  });

  it("refuses text that is neither form", () => {
    expect(parseInputs("clicks")).toBeUndefined();
    expect(parseInputs("clicks=Clicks; clicks=Other")).toBeUndefined();
    expect(parseInputs("{not json")).toBeUndefined();
    expect(parseInputs('{"clicks": "Clicks"}')).toBeUndefined();
  });
});

const VALID = {
  name: "Newsletter open rate",
  kpiId: "open_rate",
  sourceSheet: "Sample data",
  dateColumn: "Date",
  inputs: { opens: ["Opens"], sent: ["Emails sent"], bounced: ["Bounced"] },
  direction: "higher",
  baseline: 0.21,
  target: 0.25,
  startDate: "2027-01-01",
  deadline: "2027-12-31",
  frequency: "monthly",
  owner: "Claire",
  businessGoal: "Grow repeat purchases",
};

describe("validateObjectiveFields", () => {
  it("accepts a valid objective and trims it", () => {
    const o = validateObjective({ ...VALID, name: "  Newsletter open rate " }, "en");
    expect(o.name).toBe("Newsletter open rate");
    expect(o.inputs).toEqual(VALID.inputs);
  });

  const cases: [string, Record<string, unknown>, "en" | "fr", RegExp][] = [
    ["not an object", [] as unknown as Record<string, unknown>, "en", /not an object/],
    ["missing name", { name: "" }, "en", /^Name: required/],
    ["name too long", { name: "x".repeat(101) }, "en", /^Name: at most 100/],
    ["control chars", { owner: "Cla\u0000ire" }, "en", /^Owner: contains invisible/],
    ["unknown KPI", { kpiId: "nps" }, "en", /^KPI id: "nps" is not a KPI/],
    ["unknown KPI, French", { kpiId: "nps" }, "fr", /^Identifiant KPI : « nps »/],
    [
      "unknown input",
      { inputs: { ...VALID.inputs, clicks: ["Clicks"] } },
      "en",
      /no input named "clicks"/,
    ],
    [
      "missing input",
      { inputs: { opens: ["Opens"] } },
      "en",
      /^Input columns: the input "E-mails sent"|^Input columns: the input/,
    ],
    [
      "two columns for a single input",
      { inputs: { ...VALID.inputs, opens: ["A", "B"] } },
      "en",
      /single column/,
    ],
    ["string baseline", { baseline: "0.2" }, "en", /^Baseline: must be a number \(got "0.2"\)/],
    ["NaN target", { target: Number.NaN }, "en", /^Target: must be a number/],
    ["infinite target", { target: Number.POSITIVE_INFINITY }, "en", /^Target: must be a number/],
    ["target = baseline", { target: 0.21 }, "en", /^Target: must differ from the baseline/],
    ["target below for higher", { target: 0.2 }, "en", /^Target: must be above the baseline/],
    ["target above for lower", { direction: "lower" }, "en", /^Target: must be below the baseline/],
    ["negative rate", { baseline: -0.1 }, "en", /^Baseline: Open rate cannot be negative/],
    ["bad date", { startDate: "01/02/2027" }, "en", /^Start date: "01\/02\/2027" is not a date/],
    ["impossible date", { deadline: "2027-02-30" }, "en", /^Deadline: "2027-02-30" is not a date/],
    [
      "deadline before start",
      { deadline: "2026-12-31" },
      "en",
      /^Deadline: must be after the start date/,
    ],
    [
      "frequency",
      { frequency: "daily" },
      "en",
      /^Review frequency: must be one of weekly, monthly, quarterly/,
    ],
    ["frequency, French", { frequency: "daily" }, "fr", /^Fréquence de revue : doit être l'une/],
    ["direction", { direction: "up" }, "en", /^Direction: must be one of higher, lower/],
    ["bad id", { id: "../x" }, "en", /^ID: "..\/x" is not an objective id/],
  ];
  for (const [what, patch, lang, message] of cases) {
    it(`refuses ${what}`, () => {
      const raw = Array.isArray(patch) ? patch : { ...VALID, ...patch };
      expect(() => validateObjective(raw, lang)).toThrow(message);
    });
  }

  it("lets ROI be negative", () => {
    const o = validateObjective(
      {
        ...VALID,
        kpiId: "roi",
        inputs: { revenue: ["Revenue"], cost: ["Ad cost"] },
        baseline: -0.2,
        target: 0.3,
      },
      "en",
    );
    expect(o.baseline).toBe(-0.2);
  });
});

describe("Objectives tab layout", () => {
  const en = OBJECTIVES_HEADER_EN;
  it("reads an English or a French header the same way", () => {
    const fr = en.map((_, i) =>
      i === 1 ? "Nom" : i === 9 ? "Cible" : i === 11 ? "Échéance" : en[i],
    );
    expect(layoutOf(fr, "en")).toEqual(layoutOf(en, "en"));
    expect(layoutOf(en, "en").target).toBe(9);
  });

  it("follows moved columns and keeps a renamed one in place", () => {
    const moved = [...en];
    moved[13] = "Notes";
    moved[15] = "Owner";
    moved[1] = "Objective title";
    const layout = layoutOf(moved, "en");
    expect(layout.owner).toBe(15);
    expect(layout.notes).toBe(13);
    expect(layout.name).toBe(1);
  });

  it("refuses a header where a renamed column's place is taken", () => {
    const broken = [...en];
    broken[1] = "Target";
    broken[9] = "Goal";
    expect(() => layoutOf(broken, "en")).toThrow(/no column "Name"/);
  });
});

describe("dashboard formats", () => {
  it("writes dates and periods in English and French", () => {
    expect(formatDayLong(day("2027-03-31"), "en")).toBe("31 March 2027");
    expect(formatDayLong(day("2027-03-01"), "fr")).toBe("1er mars 2027");
    expect(periodLabel(day("2027-02-01"), "monthly", "fr")).toBe("févr. 2027");
    expect(periodLabel(day("2027-04-01"), "quarterly", "en")).toBe("Q2 2027");
    expect(periodLabel(day("2027-04-01"), "quarterly", "fr")).toBe("T2 2027");
    expect(periodLabel(day("2027-03-01"), "weekly", "en")).toBe("w/c 1 Mar 2027");
    expect(periodLabel(day("2026-11-16"), "weekly", "fr")).toBe("sem. du 16 nov. 2026");
    expect(periodLabel(day("2027-03-01"), "weekly", "en", true)).toBe("week of 1 Mar 2027");
    expect(periodLabel(day("2027-03-08"), "weekly", "fr", true)).toBe("semaine du 8 mars 2027");
  });

  it("writes values the English and French way", () => {
    expect(formatUnitValue(0.198, "percent", "en")).toBe("19.8%");
    expect(formatUnitValue(0.198, "percent", "fr")).toBe("19,8\u00a0%");
    expect(formatUnitValue(1234.5, "currency", "en")).toBe("1,234.50");
    expect(formatUnitValue(1234.5, "currency", "fr")).toBe("1\u202f234,50");
    expect(formatUnitValue(125, "seconds", "en")).toBe("2:05");
    expect(formatUnitValue(-0.05, "percent", "en")).toBe("−5.0%");
  });
});

function point(
  start: string,
  end: string,
  numerator: number,
  denominator: number,
  lastDay?: string,
): PeriodPoint {
  const s = day(start);
  const e = day(end);
  return {
    start: s,
    end: e,
    numerator,
    denominator,
    value: denominator === 0 ? null : numerator / denominator,
    firstDay: s,
    lastDay: lastDay ? day(lastDay) : e - 1,
    days: (lastDay ? day(lastDay) : e - 1) - s + 1,
  };
}

const OBJECTIVE: Objective = {
  ...(VALID as unknown as Objective),
  id: "obj-1",
  channel: "",
  notes: "",
  created: "",
  updated: "",
  startDate: "2027-01-01",
  deadline: "2027-12-31",
  startDay: day("2027-01-01"),
  deadlineDay: day("2027-12-31"),
  target: 0.35,
};

describe("evaluatePoints", () => {
  /** The open-rate objective, evaluated by month on `pts` as of the day `asOf`. */
  const openRateAt = (pts: readonly PeriodPoint[], asOf: string, lang: Lang = "en") =>
    evaluatePoints(OBJECTIVE, getKpi("open_rate"), pts, "month", day(asOf), lang);
  const points = [
    point("2027-01-01", "2027-02-01", 210, 1000),
    point("2027-02-01", "2027-03-01", 220, 1000),
    point("2027-03-01", "2027-04-01", 225, 1000),
    point("2027-04-01", "2027-05-01", 120, 500, "2027-04-15"),
  ];

  it("takes the last complete period as current and marks the partial one", () => {
    const e = openRateAt(points, "2027-04-16");
    expect(e.current?.start).toBe(day("2027-03-01"));
    expect(e.previous?.start).toBe(day("2027-02-01"));
    expect(e.change).toBeCloseTo(0.5, 9); // 22.0% → 22.5%: +0.5 pp
    expect(e.partialNote).toBe("Apr 2027 in progress: 24.0% so far (15 of 30 days).");
    expect(e.progress).toBeCloseTo((0.225 - 0.21) / 0.14, 9);
    // Measured at the end of March: 89 of 364 days elapsed.
    expect(e.expected).toBeCloseTo(89 / 364, 9);
    expect(e.status).toBe("at_risk");
    expect(e.trend.map((t) => t.value)).toEqual([0.21, 0.22, 0.225]);
    expect(e.trend[2]?.average).toBeCloseTo((0.21 + 0.22 + 0.225) / 3, 9);
    expect(e.trend[1]?.average).toBeNull();
  });

  it("does not count a period complete before its last day is over", () => {
    const full = [...points.slice(0, 3), point("2027-04-01", "2027-05-01", 240, 1000)];
    const e = openRateAt(full, "2027-04-30");
    expect(e.current?.start).toBe(day("2027-03-01"));
    const next = openRateAt(full, "2027-05-01");
    expect(next.current?.start).toBe(day("2027-04-01"));
  });

  it("counts a month complete when its one monthly row is in and the month is over", () => {
    // A monthly export: one row per month, dated on the 1st, so each point's data is that day.
    const monthly = ["01", "02", "03", "04"].map((m, i) => {
      const start = `2027-${m}-01`;
      const end = `2027-${String(i + 2).padStart(2, "0")}-01`;
      return point(start, end, 200 + 10 * i, 1000, start);
    });
    const e = openRateAt(monthly, "2027-05-03");
    expect(e.current?.start).toBe(day("2027-04-01"));
    expect(e.previous?.start).toBe(day("2027-03-01"));
    expect(e.partial).toBeNull();
    expect(e.partialNote).toBeNull();
    // While April is still running, its row is month-to-date: partial, as of yesterday.
    const during = openRateAt(monthly, "2027-04-20");
    expect(during.current?.start).toBe(day("2027-03-01"));
    expect(during.partialNote).toBe("Apr 2027 in progress: 23.0% so far (19 of 30 days).");
  });

  it("counts a week complete from a weekly row dated on its Monday", () => {
    const weekly = ["2027-03-01", "2027-03-08", "2027-03-15"].map((monday) =>
      point(monday, isoDay(day(monday) + 7), 220, 1000, monday),
    );
    const e = evaluatePoints(
      { ...OBJECTIVE, frequency: "weekly" },
      getKpi("open_rate"),
      weekly,
      "week",
      day("2027-03-22"),
      "en",
    );
    expect(e.current?.start).toBe(day("2027-03-15"));
    expect(e.partial).toBeNull();
  });

  it("measures change in % for non-rates and leaves a missing previous period undefined", () => {
    const cpa: Objective = {
      ...OBJECTIVE,
      kpiId: "cpa",
      direction: "lower",
      baseline: 40,
      target: 30,
    };
    const gap = [
      point("2027-01-01", "2027-02-01", 4000, 100),
      point("2027-03-01", "2027-04-01", 3600, 100),
    ];
    const e = evaluatePoints(cpa, getKpi("cpa"), gap, "month", day("2027-04-02"), "en");
    expect(e.current?.value).toBe(36);
    expect(e.previous).toBeNull();
    expect(e.change).toBeNull();
    const both = [point("2027-02-01", "2027-03-01", 4000, 100), gap[1] as PeriodPoint];
    const f = evaluatePoints(cpa, getKpi("cpa"), both, "month", day("2027-04-02"), "en");
    expect(f.change).toBeCloseTo(-0.1, 9);
    expect(f.progress).toBeCloseTo(0.4, 9);
  });

  it("rounds a change to what the cell shows, so a tiny fall is 0, not -0", () => {
    const flat = [
      point("2027-02-01", "2027-03-01", 2200, 10000),
      point("2027-03-01", "2027-04-01", 2196, 10000),
    ];
    const e = openRateAt(flat, "2027-04-02");
    expect(Object.is(e.change, 0)).toBe(true);
  });

  it("writes a stakeholder summary naming the worst objective", () => {
    const e = openRateAt(points, "2027-04-16");
    expect(stakeholderSummary([e], "en")).toBe(
      "The objective needs attention. Newsletter open rate at risk: 22.5% against 35.0% by 31 December 2027.",
    );
    const fr = openRateAt(points, "2027-04-16", "fr");
    expect(stakeholderSummary([fr], "fr")).toBe(
      "L'objectif demande de l'attention. Newsletter open rate à risque : 22,5\u00a0% pour une cible de 35,0\u00a0% au 31 décembre 2027.",
    );
  });
});

describe("sample data", () => {
  const end = day("2027-06-10");
  const data = generateSampleData(end, "en");

  it("covers at least 18 months ending on the given day, from a quarter start", () => {
    const first = data.rows[0]?.[0] as number;
    expect(first).toBe(defaultSampleStart(end));
    expect(isoDay(first)).toBe("2025-10-01");
    expect(data.rows[data.rows.length - 1]?.[0]).toBe(end);
    expect(end - first).toBeGreaterThanOrEqual(18 * 30);
    expect(data.headers.join(", ")).toBe(
      "Date, Visitors, Sessions, Single-page sessions, Total session duration (s), Conversions, Revenue, Ad cost, Impressions, Clicks, Emails sent, Bounced, Opens, Posts, Likes, Comments, Shares",
    );
    expect(generateSampleData(end, "fr").headers.join(", ")).toBe(
      "Date, Visiteurs, Sessions, Sessions d'une page, Durée totale des sessions (s), Conversions, Chiffre d'affaires, Coût publicitaire, Impressions, Clics, E-mails envoyés, Rebonds, Ouvertures, Publications, J'aime, Commentaires, Partages",
    );
  });

  it("is the same on every run, and the same day gets the same numbers", () => {
    expect(generateSampleData(end, "en")).toEqual(data);
    const later = generateSampleData(end + 1, "en", { startDay: data.rows[0]?.[0] as number });
    // Noise is per calendar day; only the slow growth (measured from the end) shifts a little.
    expect(later.rows[100]?.[13]).toBe(data.rows[100]?.[13]);
  });

  it("is internally consistent", () => {
    for (const r of data.rows) {
      const [
        ,
        visitors,
        sessions,
        single,
        ,
        conversions,
        ,
        ,
        impressions,
        clicks,
        sent,
        bounced,
        opens,
      ] = r as number[];
      expect(single).toBeLessThanOrEqual(sessions as number);
      expect(conversions).toBeLessThanOrEqual(visitors as number);
      expect(clicks).toBeLessThanOrEqual(impressions as number);
      expect(opens).toBeLessThanOrEqual((sent as number) - (bounced as number));
      for (const v of r) expect(v).toBeGreaterThanOrEqual(0);
    }
  });

  it("has weekday rhythm, growth and campaign spikes", () => {
    const byDow = [0, 0, 0, 0, 0, 0, 0];
    const count = [0, 0, 0, 0, 0, 0, 0];
    for (const r of data.rows) {
      const dow = ((((r[0] as number) + 3) % 7) + 7) % 7;
      byDow[dow] = (byDow[dow] as number) + (r[1] as number);
      count[dow] = (count[dow] as number) + 1;
    }
    const mean = byDow.map((s, i) => s / (count[i] as number));
    expect(mean[1]).toBeGreaterThan((mean[6] as number) * 1.4);
    const visitorsIn = (from: string, to: string) =>
      data.rows
        .filter((r) => (r[0] as number) >= day(from) && (r[0] as number) <= day(to))
        .reduce((s, r) => s + (r[1] as number), 0);
    expect(visitorsIn("2027-04-01", "2027-04-30")).toBeGreaterThan(
      visitorsIn("2026-04-01", "2026-04-30") * 1.1,
    );
    // Black Friday week 2026 (Thanksgiving 26 Nov) against the week before.
    expect(visitorsIn("2026-11-23", "2026-11-29")).toBeGreaterThan(
      visitorsIn("2026-11-09", "2026-11-15") * 1.4,
    );
  });

  it("has visit rows with returning visitors", () => {
    expect(data.visits.length).toBeGreaterThan(5000);
    expect(data.visits.length).toBeLessThan(50_000);
    const unique = new Set(data.visits.map((v) => v[0])).size;
    expect(unique).toBeLessThan(data.visits.length * 0.8);
    expect(data.visitHeaders).toEqual(["Visitor ID", "Date"]);
  });
});

describe("one reading of a day", () => {
  it("finds the latest data in any form the engine reads: dates, D/M/Y text, serials", async () => {
    const { latestDateDay } = await import("../../src/sheets/status/evaluate.ts");
    const ctx = { timeZone: "Europe/Paris", locale: "fr_FR" };
    // 46477 is 2027-03-31 as Sheets counts days from 1899-12-30.
    expect(latestDateDay(["31/03/2027", "", "01/03/2027"], ctx)).toBe(day("2027-03-31"));
    expect(latestDateDay([46477, 46476], ctx)).toBe(day("2027-03-31"));
    expect(latestDateDay([new Date("2027-03-30T23:30:00Z")], ctx)).toBe(day("2027-03-31"));
    expect(latestDateDay(["Total", ""], ctx)).toBeNull();
  });
});

describe("one header lookup", () => {
  it("finds a header by its exact text, else in another case; blanks and repeats are no column", async () => {
    const { HeaderRow } = await import("../../src/sheets/workbook/cells.ts");
    const h = new HeaderRow([" Clicks ", "", "clicks", "Impr.", "IMPR."], "UTC");
    expect(h.headers).toEqual(["Clicks", "clicks", "Impr.", "IMPR."]);
    expect(h.find("clicks")).toBe(2);
    expect(h.find("CLICKS")).toBe(0);
    expect(h.spelling("impr.")).toBe("Impr.");
    expect(h.find("Cost")).toBeUndefined();
    expect(h.byColumn).toEqual(["Clicks", "", "clicks", "Impr.", "IMPR."]);
  });
});

describe("comparisons and unusual periods", () => {
  it('writes a change in points with the word its size takes: « +0,1 pt », « +2,5 pts », "+1.0 pt"', () => {
    expect(pointChangeFormat(0.1, "fr")).toBe('+0.0"\u00a0pt";-0.0"\u00a0pt";0.0"\u00a0pt"');
    expect(pointChangeFormat(-1.9, "fr")).toBe('+0.0"\u00a0pt";-0.0"\u00a0pt";0.0"\u00a0pt"');
    expect(pointChangeFormat(2, "fr")).toBe('+0.0"\u00a0pts";-0.0"\u00a0pts";0.0"\u00a0pts"');
    expect(pointChangeFormat(0.1, "en")).toBe('+0.0"\u00a0pts";-0.0"\u00a0pts";0.0"\u00a0pts"');
    expect(pointChangeFormat(-1, "en")).toBe('+0.0"\u00a0pt";-0.0"\u00a0pt";0.0"\u00a0pt"');
  });

  it("finds the same period a year before: 52 weeks back for a week, the same month or quarter", () => {
    expect(isoDay(yearAgoStart(day("2027-05-31"), "week"))).toBe("2026-06-01");
    expect(isoDay(yearAgoStart(day("2027-02-01"), "month"))).toBe("2026-02-01");
    expect(isoDay(yearAgoStart(day("2027-04-01"), "quarter"))).toBe("2026-04-01");
  });

  it("compares with the same month last year and the 4 months before as a ratio of sums", () => {
    const months = [
      point("2026-02-01", "2026-03-01", 180, 1000),
      point("2026-03-01", "2026-04-01", 200, 1000),
      point("2026-10-01", "2026-11-01", 100, 1000),
      point("2026-11-01", "2026-12-01", 300, 1000),
      point("2026-12-01", "2027-01-01", 50, 100),
      point("2027-01-01", "2027-02-01", 200, 1000),
      point("2027-02-01", "2027-03-01", 210, 1000),
    ];
    const e = evaluatePoints(
      OBJECTIVE,
      getKpi("open_rate"),
      months,
      "month",
      day("2027-03-02"),
      "en",
    );
    expect(e.current?.start).toBe(day("2027-02-01"));
    expect(e.yearAgo?.value).toBe(0.18);
    // Oct–Jan: (100 + 300 + 50 + 200) ÷ (1000 + 1000 + 100 + 1000), not the mean of the rates (0.275).
    expect(e.recent).toBeCloseTo(650 / 3100, 12);
    // Without February 2026 in the data there is no year-before value; with fewer than 4
    // periods before, no recent average.
    const short = evaluatePoints(
      OBJECTIVE,
      getKpi("open_rate"),
      months.slice(3),
      "month",
      day("2027-03-02"),
      "en",
    );
    expect(short.yearAgo).toBeNull();
    expect(short.recent).toBeNull();
  });

  it("marks an unusual week in the trend and names it in the summary, en and fr", () => {
    // Twelve weeks around 35% on 1,000 sends, then 28.1% in the week of 16 Nov 2026.
    const opens = [350, 345, 355, 350, 348, 352, 350, 346, 354, 350, 349, 351, 281];
    const first = day("2026-08-24");
    const weeks = opens.map((n, i) =>
      point(isoDay(first + 7 * i), isoDay(first + 7 * i + 7), n, 1000),
    );
    const weekly: Objective = {
      ...OBJECTIVE,
      frequency: "weekly",
      startDate: "2026-08-01",
      startDay: day("2026-08-01"),
    };
    const at = (lang: Lang) =>
      evaluatePoints(weekly, getKpi("open_rate"), weeks, "week", day("2026-11-23"), lang);
    const e = at("en");
    // Reference: the 12 weeks before, median 35.0%, MAD 0.15 point under the floor of 2% of
    // 35% (0.7 point): score 0.6745 × (28.1 − 35.0) ÷ 0.7 = −6.65.
    expect(e.trend.at(-1)?.flag).toBe("low");
    expect(e.trend.at(-1)?.expected).toBeCloseTo(0.35, 12);
    expect(e.trend.slice(0, -1).every((t) => t.flag === null)).toBe(true);
    expect(e.anomaly?.start).toBe(day("2026-11-16"));
    expect(stakeholderSummary([e], "en")).toMatch(
      / Newsletter open rate: week of 16 Nov 2026 unusually low, 28\.1% against ~35\.0% expected\.$/,
    );
    expect(stakeholderSummary([at("fr")], "fr")).toMatch(
      / Newsletter open rate : semaine du 16 nov\. 2026 inhabituellement bas, 28,1\u00a0% pour environ 35,0\u00a0% attendus\.$/,
    );
    // A week later, back to 35%: the unusual week stays marked in the trend, and leaves the summary.
    const later = [...weeks, point("2026-11-23", "2026-11-30", 350, 1000)];
    const next = evaluatePoints(
      weekly,
      getKpi("open_rate"),
      later,
      "week",
      day("2026-11-30"),
      "en",
    );
    expect(next.trend.at(-2)?.flag).toBe("low");
    expect(next.anomaly).toBeNull();
    expect(stakeholderSummary([next], "en")).not.toMatch(/unusually/);
  });
});
