import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FREQUENCIES } from "../../src/contract/rules/objective-rules.ts";
import { isoDay, parseIsoDay } from "../../src/kpi/days.ts";
import {
  frequencyPeriod,
  nextPeriodStart,
  PERIODS,
  parsePeriod,
  periodStart,
  periodsBetween,
  tryParsePeriod,
} from "../../src/kpi/periods.ts";
import { errorOf } from "./helpers.ts";

const start = (iso: string, p: Parameters<typeof periodStart>[1]) =>
  isoDay(periodStart(parseIsoDay(iso), p));

describe("parsePeriod", () => {
  it("accepts English and French names, any case, accents optional", () => {
    expect(parsePeriod("day")).toBe("day");
    expect(parsePeriod("Week")).toBe("week");
    expect(parsePeriod(" MONTH ")).toBe("month");
    expect(parsePeriod("quarter")).toBe("quarter");
    expect(parsePeriod("year")).toBe("year");
    expect(parsePeriod("jour")).toBe("day");
    expect(parsePeriod("Semaine")).toBe("week");
    expect(parsePeriod("mois")).toBe("month");
    expect(parsePeriod("TRIMESTRE")).toBe("quarter");
    expect(parsePeriod("année")).toBe("year");
    expect(parsePeriod("Annee")).toBe("year");
    expect(parsePeriod("ANNÉE")).toBe("year");
    expect(parsePeriod("monthly")).toBe("month");
  });

  it("throws on an unknown name, in English or French", () => {
    expect(errorOf(() => parsePeriod("fortnight"))).toBe(
      'unknown period "fortnight": use day, week, month, quarter or year',
    );
    expect(errorOf(() => parsePeriod("quinzaine", "fr"))).toMatch(
      /^période inconnue « quinzaine »/,
    );
    expect(tryParsePeriod("toString")).toBeUndefined();
    expect(tryParsePeriod("")).toBeUndefined();
  });
});

describe("periodStart", () => {
  it("starts ISO weeks on Monday", () => {
    expect(start("2026-03-29", "week")).toBe("2026-03-23"); // a Sunday
    expect(start("2026-03-30", "week")).toBe("2026-03-30"); // a Monday
    expect(start("2026-01-01", "week")).toBe("2025-12-29");
    expect(start("1970-01-01", "week")).toBe("1969-12-29");
  });

  it("cuts months, quarters and years on the calendar", () => {
    expect(start("2026-03-29", "day")).toBe("2026-03-29");
    expect(start("2026-03-29", "month")).toBe("2026-03-01");
    expect(start("2024-02-29", "month")).toBe("2024-02-01");
    expect(start("2026-03-31", "quarter")).toBe("2026-01-01");
    expect(start("2026-04-01", "quarter")).toBe("2026-04-01");
    expect(start("2026-12-31", "quarter")).toBe("2026-10-01");
    expect(start("2026-12-31", "year")).toBe("2026-01-01");
    expect(start("1969-07-20", "quarter")).toBe("1969-07-01");
  });

  it("nextPeriodStart steps one period", () => {
    const next = (iso: string, p: Parameters<typeof periodStart>[1]) =>
      isoDay(nextPeriodStart(parseIsoDay(iso), p));
    expect(next("2026-03-29", "day")).toBe("2026-03-30");
    expect(next("2026-03-23", "week")).toBe("2026-03-30");
    expect(next("2026-01-01", "month")).toBe("2026-02-01");
    expect(next("2026-12-01", "month")).toBe("2027-01-01");
    expect(next("2026-10-01", "quarter")).toBe("2027-01-01");
    expect(next("2026-01-01", "year")).toBe("2027-01-01");
  });

  it("every day lies in [periodStart, nextPeriodStart), and periodStart is idempotent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: parseIsoDay("1900-01-01"), max: parseIsoDay("2100-12-31") }),
        fc.constantFrom(...PERIODS),
        (day, p) => {
          const s = periodStart(day, p);
          expect(s).toBeLessThanOrEqual(day);
          expect(nextPeriodStart(s, p)).toBeGreaterThan(day);
          expect(periodStart(s, p)).toBe(s);
          expect(periodStart(nextPeriodStart(s, p), p)).toBe(nextPeriodStart(s, p));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("frequencies", () => {
  it("map to periods", () => {
    expect(FREQUENCIES.map(frequencyPeriod)).toEqual(["week", "month", "quarter"]);
  });

  it("periodsBetween counts the periods touched", () => {
    expect(periodsBetween(parseIsoDay("2026-01-15"), parseIsoDay("2026-03-31"), "month")).toBe(3);
    expect(periodsBetween(parseIsoDay("2026-01-01"), parseIsoDay("2026-12-31"), "quarter")).toBe(4);
    expect(periodsBetween(parseIsoDay("2026-03-30"), parseIsoDay("2026-03-29"), "week")).toBe(0);
  });
});
