/**
 * How the sidebar reads what a user types and shows values back, per KPI unit and language
 * (sidebar/format.ts is pure: it runs here without a browser).
 */
import { describe, expect, it } from "vitest";
import {
  endOfMonthAfter,
  formatDelta,
  formatLongDate,
  formatValue,
  parseInUnit,
  parseNumberText,
  toInputText,
} from "../../../sidebar/format.ts";

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("what the user types", () => {
  it("reads rates in percent: 5 means 5%", () => {
    expect(parseInUnit("5", "percent", "en")).toBe(0.05);
    expect(parseInUnit("2.5%", "percent", "en")).toBe(0.025);
    expect(parseInUnit("2,5", "percent", "fr")).toBe(0.025);
    expect(parseInUnit(" 2,5 % ", "percent", "fr")).toBe(0.025);
  });

  it("reads numbers written the English or the French way", () => {
    expect(parseNumberText("1,234.5", "en")).toBe(1234.5);
    expect(parseNumberText("1 234,5", "fr")).toBe(1234.5);
    expect(parseNumberText("1\u202f234,5", "fr")).toBe(1234.5);
    expect(parseNumberText("€12.50", "en")).toBe(12.5);
    expect(parseNumberText("12,50 €", "fr")).toBe(12.5);
    // A lone comma and three digits: thousands in English, decimals in French.
    expect(parseNumberText("1,234", "en")).toBe(1234);
    expect(parseNumberText("1,234", "fr")).toBe(1.234);
    expect(parseNumberText("1,234,567", "fr")).toBe(1234567);
    expect(parseNumberText("-3", "en")).toBe(-3);
  });

  it("refuses what is not a number", () => {
    for (const text of ["", "abc", "1.2.3", "1,2,3", "5 5x", "--5", "1e5"]) {
      expect(parseNumberText(text, "en"), text).toBeNull();
    }
  });

  it("reads durations as seconds or m:ss", () => {
    expect(parseInUnit("95", "seconds", "en")).toBe(95);
    expect(parseInUnit("1:35", "seconds", "en")).toBe(95);
    expect(parseInUnit("1:02:05", "seconds", "en")).toBe(3725);
    expect(parseInUnit("1:75", "seconds", "en")).toBeNull();
  });
});

describe("what the user reads", () => {
  it("formats each unit in each language", () => {
    expect(formatValue(0.021, "percent", "en")).toBe("2.1%");
    expect(plain(formatValue(0.021, "percent", "fr"))).toBe("2,1 %");
    expect(formatValue(0.0042, "percent", "en")).toBe("0.42%");
    expect(formatValue(95, "seconds", "en")).toBe("1:35");
    expect(formatValue(12.5, "currency", "en")).toBe("12.50");
    expect(plain(formatValue(1234.5, "currency", "fr"))).toBe("1 234,50");
    expect(formatValue(null, "ratio", "en")).toBe("—");
  });

  it("gives changes of rates in percentage points, signed", () => {
    expect(formatDelta(0.0015, "percent", "en")).toBe("+0.15\u00a0pts");
    expect(formatDelta(-0.02, "percent", "en")).toBe("\u22122\u00a0pts");
    expect(formatDelta(0.0015, "percent", "fr")).toBe("+0,15\u00a0pt");
    expect(formatDelta(12, "seconds", "en")).toBe("+12\u00a0s");
  });

  it("turns a stored value back into text that reads back the same", () => {
    expect(toInputText(0.0213, "percent", "en")).toBe("2.13");
    expect(toInputText(0.0213, "percent", "fr")).toBe("2,13");
    expect(toInputText(95, "seconds", "en")).toBe("1:35");
    for (const [value, unit] of [
      [0.05, "percent"],
      [7.25, "currency"],
      [95, "seconds"],
      [1200, "count"],
    ] as const) {
      for (const lang of ["en", "fr"] as const) {
        expect(parseInUnit(toInputText(value, unit, lang), unit, lang)).toBeCloseTo(value, 12);
      }
    }
  });

  it("writes dates as a person does, the first of the month included", () => {
    expect(formatLongDate("2027-06-30", "en")).toBe("30 June 2027");
    expect(formatLongDate("2027-06-30", "fr")).toBe("30 juin 2027");
    expect(formatLongDate("2027-06-01", "fr")).toBe("1er juin 2027");
    expect(endOfMonthAfter("2026-11-26", 6)).toBe("2027-05-31");
    expect(endOfMonthAfter("2027-01-31", 1)).toBe("2027-02-28");
  });
});
