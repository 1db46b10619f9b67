import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  civilDay,
  civilDayIn,
  DAY_MS,
  dayToDate,
  isoDay,
  parseIsoDay,
  todayDay,
  tryParseIsoDay,
  zoneOffsetMs,
} from "../../src/kpi/days.ts";
import { at } from "./helpers.ts";

/** The calendar day Intl reports for an instant: an oracle independent of the cache. */
function intlDay(ms: number, timeZone: string): number {
  const s = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(ms));
  return parseIsoDay(s);
}

describe("isoDay / parseIsoDay", () => {
  it("round-trips and counts from 1970-01-01", () => {
    expect(parseIsoDay("1970-01-01")).toBe(0);
    expect(parseIsoDay("1970-01-02")).toBe(1);
    expect(parseIsoDay("1969-12-31")).toBe(-1);
    expect(isoDay(parseIsoDay("2026-03-29"))).toBe("2026-03-29");
    expect(isoDay(parseIsoDay("1899-12-30"))).toBe("1899-12-30");
    expect(parseIsoDay("2026-03-29")).toBe(Date.UTC(2026, 2, 29) / DAY_MS);
  });

  it("throws on anything but an existing YYYY-MM-DD date", () => {
    for (const bad of [
      "2026-02-30",
      "2026-13-01",
      "2026-3-1",
      "29/03/2026",
      "",
      "2026-03-29T00:00",
    ]) {
      expect(() => parseIsoDay(bad)).toThrow(/YYYY-MM-DD/);
      expect(tryParseIsoDay(bad)).toBeUndefined();
    }
    expect(parseIsoDay("2024-02-29")).toBe(Date.UTC(2024, 1, 29) / DAY_MS);
  });
});

describe("civilDay across DST changes", () => {
  const cases: [string, string, string][] = [
    // Europe/Paris, 2026-03-29 (CET → CEST) and 2026-10-25 (CEST → CET)
    ["Europe/Paris", "2026-03-28T22:59:59Z", "2026-03-28"],
    ["Europe/Paris", "2026-03-28T23:00:00Z", "2026-03-29"],
    ["Europe/Paris", "2026-03-29T01:30:00Z", "2026-03-29"],
    ["Europe/Paris", "2026-03-29T21:59:59Z", "2026-03-29"],
    ["Europe/Paris", "2026-03-29T22:00:00Z", "2026-03-30"],
    ["Europe/Paris", "2026-10-24T21:59:59Z", "2026-10-24"],
    ["Europe/Paris", "2026-10-24T22:00:00Z", "2026-10-25"],
    ["Europe/Paris", "2026-10-25T22:59:59Z", "2026-10-25"],
    ["Europe/Paris", "2026-10-25T23:00:00Z", "2026-10-26"],
    // America/New_York on the same (European) dates, and on its own: 2026-03-08, 2026-11-01
    ["America/New_York", "2026-03-29T03:59:59Z", "2026-03-28"],
    ["America/New_York", "2026-03-29T04:00:00Z", "2026-03-29"],
    ["America/New_York", "2026-10-25T04:00:00Z", "2026-10-25"],
    ["America/New_York", "2026-03-08T04:59:59Z", "2026-03-07"],
    ["America/New_York", "2026-03-08T05:00:00Z", "2026-03-08"],
    ["America/New_York", "2026-03-09T03:59:59Z", "2026-03-08"],
    ["America/New_York", "2026-03-09T04:00:00Z", "2026-03-09"],
    ["America/New_York", "2026-11-02T04:59:59Z", "2026-11-01"],
    ["America/New_York", "2026-11-02T05:00:00Z", "2026-11-02"],
    // Pacific/Auckland: 2026-04-05 (NZDT → NZST) and 2026-09-27 (NZST → NZDT)
    ["Pacific/Auckland", "2026-04-04T10:59:59Z", "2026-04-04"],
    ["Pacific/Auckland", "2026-04-04T11:00:00Z", "2026-04-05"],
    ["Pacific/Auckland", "2026-04-05T11:59:59Z", "2026-04-05"],
    ["Pacific/Auckland", "2026-04-05T12:00:00Z", "2026-04-06"],
    ["Pacific/Auckland", "2026-09-26T12:00:00Z", "2026-09-27"],
    ["Pacific/Auckland", "2026-09-27T10:59:59Z", "2026-09-27"],
    ["Pacific/Auckland", "2026-09-27T11:00:00Z", "2026-09-28"],
    ["UTC", "2026-03-29T23:59:59Z", "2026-03-29"],
  ];
  for (const [zone, instant, day] of cases) {
    it(`${instant} is ${day} in ${zone}`, () => {
      expect(isoDay(civilDay(at(instant), zone))).toBe(day);
      expect(isoDay(civilDayIn(zone)(at(instant).getTime()))).toBe(day);
    });
  }

  it("agrees with Intl on any instant of 1890–2060, in zones with odd offsets and transitions", () => {
    const zones = [
      "Europe/Paris",
      "America/New_York",
      "Pacific/Auckland",
      "Asia/Kolkata",
      "Australia/Lord_Howe",
      "America/Santiago",
      "Pacific/Chatham",
      "America/St_Johns",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1890, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const whole = Math.floor(ms / 1000) * 1000;
          expect(civilDay(new Date(whole), zone)).toBe(intlDay(whole, zone));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("gives NaN for an invalid Date", () => {
    expect(civilDay(new Date(Number.NaN), "Europe/Paris")).toBeNaN();
  });

  it("knows historical offsets: Paris was 9 min 21 s ahead of UTC in 1899", () => {
    expect(zoneOffsetMs(Date.UTC(1899, 11, 30), "Europe/Paris")).toBe((9 * 60 + 21) * 1000);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 1), "Europe/Paris")).toBe(2 * 3600_000);
    expect(zoneOffsetMs(Date.UTC(2026, 0, 1), "America/New_York")).toBe(-5 * 3600_000);
  });
});

describe("dayToDate", () => {
  it("is the instant of local midnight", () => {
    expect(dayToDate(parseIsoDay("2026-03-29"), "Europe/Paris").toISOString()).toBe(
      "2026-03-28T23:00:00.000Z",
    );
    expect(dayToDate(parseIsoDay("2026-03-30"), "Europe/Paris").toISOString()).toBe(
      "2026-03-29T22:00:00.000Z",
    );
    expect(dayToDate(parseIsoDay("2026-10-26"), "Europe/Paris").toISOString()).toBe(
      "2026-10-25T23:00:00.000Z",
    );
    expect(dayToDate(parseIsoDay("2026-04-06"), "Pacific/Auckland").toISOString()).toBe(
      "2026-04-05T12:00:00.000Z",
    );
    expect(dayToDate(parseIsoDay("2026-03-09"), "America/New_York").toISOString()).toBe(
      "2026-03-09T04:00:00.000Z",
    );
    expect(dayToDate(parseIsoDay("2026-03-09"), "UTC").toISOString()).toBe(
      "2026-03-09T00:00:00.000Z",
    );
  });

  it("is the first instant of the day where DST skips midnight (Santiago, 2026-09-06)", () => {
    expect(dayToDate(parseIsoDay("2026-09-06"), "America/Santiago").toISOString()).toBe(
      "2026-09-06T04:00:00.000Z",
    );
  });

  it("starts the day: it maps back to the day, and one second earlier is the day before", () => {
    const zones = [
      "Europe/Paris",
      "America/New_York",
      "Pacific/Auckland",
      "America/Santiago",
      "Asia/Tehran",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: parseIsoDay("1990-01-01"), max: parseIsoDay("2040-12-31") }),
        fc.constantFrom(...zones),
        (day, zone) => {
          const t = dayToDate(day, zone).getTime();
          expect(civilDay(new Date(t), zone)).toBe(day);
          expect(civilDay(new Date(t - 1000), zone)).toBe(day - 1);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("todayDay", () => {
  it("is the calendar day of now in the zone, not on the machine", () => {
    const now = at("2026-03-28T23:30:00Z");
    expect(isoDay(todayDay("Europe/Paris", now))).toBe("2026-03-29");
    expect(isoDay(todayDay("America/New_York", now))).toBe("2026-03-28");
    expect(isoDay(todayDay("Pacific/Auckland", now))).toBe("2026-03-29");
  });
});
