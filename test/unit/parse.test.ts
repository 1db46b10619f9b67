import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CellSource,
  cellDay,
  durationOfDate,
  idKey,
  isTotalLabel,
  monthFirst,
  parseNumberText,
  slowDuration,
  slowNumber,
  usesDecimalComma,
} from "../../src/kpi/cells.ts";
import { isoDay } from "../../src/kpi/days.ts";
import { at, close, EN, errorOf, FR } from "./helpers.ts";

const src = (ctx = EN, firstRow?: number): CellSource => ({
  fn: "KPI_TEST",
  arg: "clicks",
  ctx,
  firstRow,
});

describe("parseNumberText", () => {
  const cases: [string, string, number | undefined][] = [
    ["12", "en_US", 12],
    ["  12  ", "en_US", 12],
    ["1,234.5", "en_US", 1234.5],
    ["1,234.5", "fr_FR", 1234.5],
    ["1,234,567", "fr_FR", 1234567],
    ["1 234,5", "fr_FR", 1234.5],
    ["1 234,5", "en_US", 1234.5],
    ["1\u00a0234,5", "fr_FR", 1234.5],
    ["1\u202f234\u202f567,25", "fr_FR", 1234567.25],
    ["1 234.5", "en_US", 1234.5],
    ["12,5", "en_US", 12.5],
    ["12,5", "fr_FR", 12.5],
    ["0,123", "en_US", 0.123],
    ["1234,567", "en_US", 1234.567],
    [",5", "fr_FR", 0.5],
    [".5", "en_US", 0.5],
    ["1.234", "fr_FR", 1.234],
    // The one ambiguous shape: the locale decides.
    ["1,234", "en_US", 1234],
    ["1,234", "en_GB", 1234],
    ["1,234", "fr_FR", 1.234],
    ["1,234", "fr_CA", 1.234],
    ["1,234", "de_DE", 1.234],
    ["123,456", "en_US", 123456],
    ["123,456", "fr_FR", 123.456],
    ["12%", "en_US", 0.12],
    ["12,5 %", "fr_FR", 0.125],
    ["12,5\u00a0%", "fr_FR", 0.125],
    ["-3%", "en_US", -0.03],
    ["€12", "en_US", 12],
    ["12 €", "fr_FR", 12],
    ["1 234,50 €", "fr_FR", 1234.5],
    ["$1,234.50", "en_US", 1234.5],
    ["£ 99", "en_GB", 99],
    ["-$5", "en_US", -5],
    ["$-5", "en_US", -5],
    ["−7", "fr_FR", -7],
    ["+7", "en_US", 7],
    ["1e3", "en_US", 1000],
    ["1.5E-2", "en_US", 0.015],
    ["abc", "en_US", undefined],
    ["", "en_US", undefined],
    ["12 5", "fr_FR", undefined],
    // Belgian and German grouping: unambiguous with a decimal comma or several groups.
    ["1.234,5", "fr_FR", 1234.5],
    ["1.234,5", "de_DE", 1234.5],
    ["1.234.567", "en_US", 1234567],
    ["1.234,5 €", "nl_BE", 1234.5],
    // "1.234" is ambiguous: a thousand where the locale groups with a dot.
    ["1.234", "de_DE", 1234],
    ["1.234", "nl_BE", 1234],
    ["1.234", "en_US", 1.234],
    ["1.234.5", "de_DE", undefined],
    ["1,23,4", "en_US", undefined],
    ["--5", "en_US", undefined],
    ["€5$", "en_US", undefined],
    ["5%%", "en_US", undefined],
    ["€5%", "en_US", undefined],
    ["12 abc", "en_US", undefined],
    ["TRUE", "en_US", undefined],
    ["Infinity", "en_US", undefined],
    ["NaN", "en_US", undefined],
    ["1,2345", "en_US", 1.2345],
    ["0x10", "en_US", undefined],
  ];
  for (const [text, locale, expected] of cases) {
    it(`${JSON.stringify(text)} in ${locale} → ${expected}`, () => {
      const got = parseNumberText(text, locale);
      if (expected === undefined) expect(got).toBeUndefined();
      else close(got, expected, 12);
    });
  }

  it("reads the locale only for the ambiguous shape", () => {
    let reads = 0;
    const locale = () => {
      reads++;
      return "fr_FR";
    };
    parseNumberText("1 234,5", locale);
    parseNumberText("12,5", locale);
    parseNumberText("1,234.5", locale);
    expect(reads).toBe(0);
    expect(parseNumberText("1,234", locale)).toBe(1.234);
    expect(reads).toBe(1);
  });

  it("reads back any number as Intl writes it in en-US, en-GB and fr-FR", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.constantFrom("en-US", "en-GB", "fr-FR"),
        fc.integer({ min: 0, max: 4 }),
        (x, tag, digits) => {
          const text = new Intl.NumberFormat(tag, {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }).format(x);
          const rounded = Number(x.toFixed(digits));
          const expected = Object.is(rounded, -0) ? 0 : rounded;
          // A rounded 1,234 (no decimals) is ambiguous; the locale then decides, as it should.
          close(parseNumberText(text, tag.replace("-", "_")), expected, 6);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("locale conventions", () => {
  it("knows which locales write a decimal comma", () => {
    expect(usesDecimalComma("en_US")).toBe(false);
    expect(usesDecimalComma("en_GB")).toBe(false);
    expect(usesDecimalComma("fr_FR")).toBe(true);
    expect(usesDecimalComma("fr")).toBe(true);
    expect(usesDecimalComma("de_CH")).toBe(false);
    expect(usesDecimalComma("es_ES")).toBe(true);
    expect(usesDecimalComma("")).toBe(false);
    expect(usesDecimalComma("not a locale!")).toBe(false);
  });

  it("knows which locales write the month first", () => {
    expect(monthFirst("en_US")).toBe(true);
    expect(monthFirst("en_GB")).toBe(false);
    expect(monthFirst("fr_FR")).toBe(false);
  });
});

describe("slowNumber (rule 3 errors, rule 4 signs)", () => {
  it("returns null for blanks", () => {
    expect(slowNumber("", src(), 0, false)).toBeNull();
    expect(slowNumber("   ", src(), 0, false)).toBeNull();
    expect(slowNumber(null, src(), 0, false)).toBeNull();
    expect(slowNumber(undefined, src(), 0, false)).toBeNull();
  });

  it("names the function, argument, 1-based cell and value", () => {
    expect(errorOf(() => slowNumber("abc", src(), 2, false))).toBe(
      'KPI_TEST: clicks, cell 3: "abc" is not a number',
    );
    expect(errorOf(() => slowNumber(true, src(), 0, false))).toBe(
      "KPI_TEST: clicks, cell 1: TRUE is not a number",
    );
    expect(errorOf(() => slowNumber(at("2026-03-01T00:00:00Z"), src(), 4, false))).toBe(
      "KPI_TEST: clicks, cell 5: the date 2026-03-01 is not a number",
    );
    expect(errorOf(() => slowNumber(-4, src(), 1, false))).toBe(
      "KPI_TEST: clicks, cell 2: -4 is negative; counts, costs and durations must be 0 or more",
    );
    expect(errorOf(() => slowNumber("-4 €", src(), 1, false))).toMatch(
      /cell 2: "-4 €" is negative/,
    );
    expect(errorOf(() => slowNumber(Number.NaN, src(), 0, true))).toMatch(/NaN is not a number/);
  });

  it("says row N when the cells are a sheet column", () => {
    expect(errorOf(() => slowNumber("abc", src(EN, 2), 3, false))).toBe(
      'KPI_TEST: clicks, row 5: "abc" is not a number',
    );
  });

  it("speaks French in a French spreadsheet, dates in the spreadsheet's zone", () => {
    expect(errorOf(() => slowNumber("abc", src(FR), 2, false))).toBe(
      "KPI_TEST : clicks, cellule 3 : « abc » n'est pas un nombre",
    );
    expect(errorOf(() => slowNumber(false, src(FR), 0, false))).toMatch(/FAUX n'est pas un nombre/);
    // 23:30 UTC is already the next day in Paris.
    expect(errorOf(() => slowNumber(at("2026-02-28T23:30:00Z"), src(FR), 0, false))).toMatch(
      /la date 2026-03-01 n'est pas un nombre/,
    );
    expect(errorOf(() => slowNumber(-1, src(FR, 2), 0, false))).toMatch(/ligne 2 : -1 est négatif/);
  });

  it("allows negatives only when signed", () => {
    expect(slowNumber("-12,5", src(FR), 0, true)).toBe(-12.5);
    expect(slowNumber(-3, src(), 0, true)).toBe(-3);
  });

  it("truncates a very long text in the message", () => {
    const msg = errorOf(() => slowNumber("x".repeat(500), src(), 0, false));
    expect(msg.length).toBeLessThan(150);
    expect(msg).toMatch(/x…" is not a number$/);
  });
});

describe("durations", () => {
  it("takes seconds, h:mm:ss, m:ss and number text", () => {
    expect(slowDuration("1:02:03", src(), 0)).toBe(3723);
    expect(slowDuration("0:02:30", src(), 0)).toBe(150);
    expect(slowDuration("3:30", src(), 0)).toBe(210);
    expect(slowDuration("27:00:00", src(), 0)).toBe(97200);
    expect(slowDuration("0:00:01,5", src(FR), 0)).toBe(1.5);
    expect(slowDuration("90", src(), 0)).toBe(90);
    expect(slowDuration("", src(), 0)).toBeNull();
    expect(slowDuration(12, src(), 0)).toBe(12);
  });

  it("rejects what is not a duration, and negative ones", () => {
    expect(errorOf(() => slowDuration("1:75", src(), 0))).toMatch(/"1:75" is not a duration/);
    expect(errorOf(() => slowDuration("soon", src(), 1))).toMatch(
      /cell 2: "soon" is not a duration/,
    );
    expect(errorOf(() => slowDuration(true, src(), 0))).toMatch(/TRUE is not a duration/);
    expect(errorOf(() => slowDuration("-0:30", src(), 0))).toMatch(/is negative/);
    expect(errorOf(() => slowDuration(-5, src(), 0))).toMatch(/-5 is negative/);
  });

  it("converts a Sheets duration (a Date from 1899-12-30, local) exactly, in the sheet's zone", () => {
    // 0:02:30 as Sheets hands it over: 1899-12-30 00:02:30 in the spreadsheet's zone.
    // Paris then kept local mean time, UTC+0:09:21; New York, EST; Auckland, UTC+11:30.
    expect(
      slowDuration(
        at("1899-12-29T23:53:09Z"),
        src({ timeZone: "Europe/Paris", locale: "fr_FR" }),
        0,
      ),
    ).toBe(150);
    expect(
      slowDuration(
        at("1899-12-30T05:02:30Z"),
        src({ timeZone: "America/New_York", locale: "en_US" }),
        0,
      ),
    ).toBe(150);
    expect(
      slowDuration(
        at("1899-12-29T12:32:30Z"),
        src({ timeZone: "Pacific/Auckland", locale: "en_NZ" }),
        0,
      ),
    ).toBe(150);
    expect(slowDuration(at("1899-12-30T00:02:30Z"), src(), 0)).toBe(150);
    // 25:00:00 crosses into 1899-12-31.
    expect(durationOfDate(at("1899-12-31T00:50:39Z"), "Europe/Paris")).toBe(90000);
    // A time of day, 14:30.
    expect(durationOfDate(at("1899-12-30T14:20:39Z"), "Europe/Paris")).toBe(52200);
  });

  it("refuses a modern date-time as a duration", () => {
    expect(errorOf(() => slowDuration(at("2026-03-01T10:00:00Z"), src(), 0))).toMatch(
      /the date 2026-03-01 is not a duration/,
    );
  });
});

describe("cellDay", () => {
  it("takes the calendar day of a Date in the spreadsheet's zone", () => {
    const paris = { timeZone: "Europe/Paris", locale: "fr_FR" };
    const ny = { timeZone: "America/New_York", locale: "en_US" };
    const d = at("2026-03-29T02:00:00Z");
    expect(isoDay(cellDay(d, src(paris), 0)!)).toBe("2026-03-29");
    expect(isoDay(cellDay(d, src(ny), 0)!)).toBe("2026-03-28");
  });

  it("takes ISO text, Y/M/D, locale-ordered D/M/Y or M/D/Y, and serial numbers", () => {
    expect(isoDay(cellDay("2026-03-05", src(), 0)!)).toBe("2026-03-05");
    expect(isoDay(cellDay("2026-03-05T10:00:00", src(), 0)!)).toBe("2026-03-05");
    expect(isoDay(cellDay("2026/3/5", src(), 0)!)).toBe("2026-03-05");
    expect(isoDay(cellDay("3/5/2026", src(EN), 0)!)).toBe("2026-03-05");
    expect(isoDay(cellDay("5/3/2026", src(FR), 0)!)).toBe("2026-03-05");
    expect(isoDay(cellDay("05.03.2026", src(FR), 0)!)).toBe("2026-03-05");
    // 46086 is 2026-03-05 as a Sheets date serial (days since 1899-12-30).
    expect(isoDay(cellDay(46086, src(), 0)!)).toBe("2026-03-05");
    expect(isoDay(cellDay(46086.75, src(), 0)!)).toBe("2026-03-05");
  });

  it("takes the dates exports write: GA4's yyyymmdd, a time after the day, month names", () => {
    // GA4's Date dimension, as text, and as the number Sheets' import makes of it.
    expect(isoDay(cellDay("20261127", src(), 0)!)).toBe("2026-11-27");
    expect(isoDay(cellDay(20261127, src(), 0)!)).toBe("2026-11-27");
    expect(errorOf(() => cellDay(20261327, src(), 0))).toMatch(/is not a date/);
    // Meta's posts: a publication time after the day.
    expect(isoDay(cellDay("27/11/2026 09:30", src(FR), 0)!)).toBe("2026-11-27");
    expect(isoDay(cellDay("11/27/2026 21:05", src(EN), 0)!)).toBe("2026-11-27");
    expect(isoDay(cellDay("27 nov. 2026", src(FR), 0)!)).toBe("2026-11-27");
    expect(isoDay(cellDay("1er décembre 2026", src(FR), 0)!)).toBe("2026-12-01");
    expect(isoDay(cellDay("27 févr. 2026", src(FR), 0)!)).toBe("2026-02-27");
    expect(isoDay(cellDay("Nov 27, 2026", src(EN), 0)!)).toBe("2026-11-27");
    expect(isoDay(cellDay("27 November 2026", src(EN), 0)!)).toBe("2026-11-27");
    expect(errorOf(() => cellDay("27 brumaire 2026", src(FR), 0))).toMatch(/n'est pas une date/);
    expect(errorOf(() => cellDay("31 nov. 2026", src(FR), 0))).toMatch(/n'est pas une date/);
  });

  it("returns null for blanks and throws on anything else", () => {
    expect(cellDay("", src(), 0)).toBeNull();
    expect(cellDay(" ", src(), 0)).toBeNull();
    expect(errorOf(() => cellDay("soon", src(), 1))).toBe(
      'KPI_TEST: clicks, cell 2: "soon" is not a date (give a date, or text YYYY-MM-DD)',
    );
    expect(errorOf(() => cellDay("2026-02-30", src(), 0))).toMatch(/is not a date/);
    expect(errorOf(() => cellDay(true, src(), 0))).toMatch(/TRUE is not a date/);
    expect(errorOf(() => cellDay(new Date(Number.NaN), src(), 0))).toMatch(/is not a date/);
    expect(errorOf(() => cellDay("13/13/2026", src(FR), 0))).toMatch(/n'est pas une date/);
  });
});

describe("isTotalLabel", () => {
  it("knows the summary rows of the tools, in English, French and German", () => {
    for (const label of [
      "Total",
      "Total: Account",
      "Total : compte",
      "Total : campagnes de Réseau de Recherche",
      "Totaux",
      "Grand total",
      "Total général",
      "Sous-total",
      "Subtotal",
      "Gesamtsumme",
      " TOTAL ",
    ]) {
      expect(isTotalLabel(label), label).toBe(true);
    }
    for (const other of ["Totalement neuf", "Totality", "Search - Marque", "", 12, null]) {
      expect(isTotalLabel(other), String(other)).toBe(false);
    }
  });
});

describe("idKey", () => {
  it('trims, ignores case, and equates 123 with "123"', () => {
    expect(idKey(" Ab1 ")).toBe("ab1");
    expect(idKey("AB1")).toBe(idKey("ab1"));
    expect(idKey(123)).toBe(idKey("123"));
    expect(idKey(" 123 ")).toBe(idKey(123));
    expect(idKey("")).toBeNull();
    expect(idKey("  ")).toBeNull();
    expect(idKey(null)).toBeNull();
    expect(idKey(true)).toBe("true");
  });
});
