/** Display values under number formats, cell formatting, and Utilities.formatDate. */
import { describe, expect, it } from "vitest";
import { formatJavaDate } from "../../../dev/emulator/format-date.ts";
import { createEmulator } from "../../../dev/emulator/index.ts";
import { displayValue } from "../../../dev/emulator/number-format.ts";

const EN = { timeZone: "Europe/Paris", locale: "en_US" };
const FR = { timeZone: "Europe/Paris", locale: "fr_FR" };
const NNBSP = "\u202f";

describe("display values", () => {
  it("applies percent, grouping, currency and decimals in the spreadsheet's locale", () => {
    expect(displayValue(0.1234, "0.00%", EN)).toBe("12.34%");
    expect(displayValue(0.198, "0.0%", FR)).toBe("19,8%");
    expect(displayValue(0.5, "0%", EN)).toBe("50%");
    expect(displayValue(1234567.8, "#,##0", EN)).toBe("1,234,568");
    expect(displayValue(1234567.8, "#,##0", FR)).toBe(`1${NNBSP}234${NNBSP}568`);
    expect(displayValue(1234.5, "#,##0.00 €", EN)).toBe("1,234.50 €");
    expect(displayValue(1234.5, "#,##0.00 €", FR)).toBe(`1${NNBSP}234,50 €`);
    expect(displayValue(1234.5, "[$€]#,##0.00", EN)).toBe("€1,234.50");
    expect(displayValue(-3.456, "0.00", EN)).toBe("-3.46");
    expect(displayValue(-1.5, "0.0;(0.0)", EN)).toBe("(1.5)");
    expect(displayValue(0, '0.0;-0.0;"—"', EN)).toBe("—");
    expect(displayValue(1.005, "0.00", EN)).toBe("1.01");
    expect(displayValue(2.5, '0.0" pts"', EN)).toBe("2.5 pts");
    expect(displayValue(12345, '0.0,"k"', EN)).toBe("12.3k");
  });

  it("shows durations under [m]:ss and [h]:mm:ss, rounding to the second shown", () => {
    expect(displayValue(90 / 86400, "[m]:ss", EN)).toBe("1:30");
    expect(displayValue(3725 / 86400, "[m]:ss", EN)).toBe("62:05");
    expect(displayValue(89.9999 / 86400, "[m]:ss", EN)).toBe("1:30");
    expect(displayValue(3725 / 86400, "[h]:mm:ss", EN)).toBe("1:02:05");
    expect(displayValue(75 / 86400, "m:ss", EN)).toBe("1:15");
  });

  it("shows dates in the spreadsheet's zone, whatever the machine's", () => {
    // 23:30 UTC on 28 March is already 29 March in Paris.
    const d = new Date("2026-03-28T23:30:00Z");
    expect(displayValue(d, "yyyy-mm-dd", EN)).toBe("2026-03-29");
    expect(displayValue(d, "dd/MM/yyyy", EN)).toBe("29/03/2026");
    expect(displayValue(d, "d mmm yyyy", EN)).toBe("29 Mar 2026");
    expect(displayValue(d, "d mmmm yyyy", FR)).toBe("29 mars 2026");
    expect(displayValue(d, "dddd", FR)).toBe("dimanche");
    expect(displayValue(d, "yyyy-mm-dd hh:mm", EN)).toBe("2026-03-29 00:30");
    expect(displayValue(d, "h:mm am/pm", EN)).toBe("12:30 am");
    expect(displayValue(d, undefined, EN)).toBe("3/29/2026 0:30:00");
    expect(displayValue(new Date("2026-03-28T23:00:00Z"), undefined, FR)).toBe("29/03/2026");
    // A serial number under a date format is a day count from 30 December 1899.
    expect(displayValue(46110, "yyyy-mm-dd", EN)).toBe("2026-03-29");
  });

  it("shows numbers, text and booleans without a format as Sheets' automatic format does", () => {
    expect(displayValue(1234.5, undefined, EN)).toBe("1234.5");
    expect(displayValue(1234.5, undefined, FR)).toBe("1234,5");
    expect(displayValue(1 / 3, undefined, EN)).toBe("0.3333333333");
    expect(displayValue(true, undefined, EN)).toBe("TRUE");
    expect(displayValue(false, undefined, FR)).toBe("FAUX");
    expect(displayValue("text", "0.00%", EN)).toBe("text");
    expect(displayValue("", "0.00%", EN)).toBe("");
  });

  it("reads formats back through the Range API", () => {
    const emu = createEmulator({ locale: "fr_FR" });
    const sheet = emu.globals.SpreadsheetApp.getActiveSheet();
    const r = sheet.getRange("A1:C1");
    r.setValues([[0.25, 1500, 95 / 86400]]);
    r.setNumberFormats([["0.0%", "#,##0.00 €", "[m]:ss"]]);
    expect(r.getNumberFormats()).toEqual([["0.0%", "#,##0.00 €", "[m]:ss"]]);
    expect(r.getDisplayValues()).toEqual([["25,0%", `1${NNBSP}500,00 €`, "1:35"]]);
    expect(sheet.getRange("D1").getNumberFormat()).toBe("0.###############");
  });
});

describe("cell formatting", () => {
  it("stores fonts, colours, alignment and wrap, per cell or for a whole range", () => {
    const emu = createEmulator();
    const sheet = emu.globals.SpreadsheetApp.getActiveSheet();
    const r = sheet.getRange("A1:B2");
    r.setFontWeight("bold")
      .setFontColor("#1A73E8")
      .setBackground("red")
      .setHorizontalAlignment("center");
    r.setFontSize(12).setWrap(true).setVerticalAlignment("middle");
    sheet.getRange("B2").setFontWeight("normal");
    expect(r.getFontWeights()).toEqual([
      ["bold", "bold"],
      ["bold", "normal"],
    ]);
    expect(r.getFontColors()[0]).toEqual(["#1a73e8", "#1a73e8"]);
    expect(r.getBackground()).toBe("#ff0000");
    expect(r.getHorizontalAlignments()[1]).toEqual(["center", "center"]);
    expect([r.getFontSize(), r.getWrap(), r.getVerticalAlignment()]).toEqual([12, true, "middle"]);
    r.setBackgrounds([
      ["#ffffff", null],
      ["#00ff00", "#abc"],
    ]);
    expect(r.getBackgrounds()).toEqual([
      ["#ffffff", "#ffffff"],
      ["#00ff00", "#aabbcc"],
    ]);
    r.setHorizontalAlignments([
      ["left", "right"],
      [null, "normal"],
    ]);
    expect(r.getHorizontalAlignments()).toEqual([
      ["left", "right"],
      ["general", "general"],
    ]);
    expect(() => r.setBackground("teal-ish")).toThrow(/unsupported colour/);
    sheet.getRange("A1").setNote("why").clearFormat();
    expect(sheet.getRange("A1").getNote()).toBe("why");
    expect(sheet.getRange("A1").getFontWeight()).toBe("normal");
  });
});

describe("Utilities.formatDate", () => {
  const tz = "Europe/Paris";

  it("formats across the spring DST change of 29 March 2026 in Europe/Paris", () => {
    const p = "yyyy-MM-dd HH:mm:ss z Z XXX";
    expect(formatJavaDate(new Date("2026-03-29T00:59:59Z"), tz, p)).toBe(
      "2026-03-29 01:59:59 CET +0100 +01:00",
    );
    expect(formatJavaDate(new Date("2026-03-29T01:00:00Z"), tz, p)).toBe(
      "2026-03-29 03:00:00 CEST +0200 +02:00",
    );
    // The calendar day is Paris's, not UTC's, either side of midnight.
    expect(formatJavaDate(new Date("2026-03-28T23:30:00Z"), tz, "yyyy-MM-dd")).toBe("2026-03-29");
    expect(formatJavaDate(new Date("2026-03-29T22:30:00Z"), tz, "yyyy-MM-dd")).toBe("2026-03-30");
    expect(formatJavaDate(new Date("2026-10-25T01:00:00Z"), tz, "HH:mm z")).toBe("02:00 CET");
  });

  it("implements SimpleDateFormat letters, counts and quoting in English", () => {
    const d = new Date("2026-03-29T13:05:09.007Z"); // 15:05:09.007 in Paris
    const f = (p: string) => formatJavaDate(d, tz, p);
    expect(f("EEE, d MMM yyyy")).toBe("Sun, 29 Mar 2026");
    expect(f("EEEE d MMMM yy")).toBe("Sunday 29 March 26");
    expect(f("M/d/y")).toBe("3/29/2026");
    expect(f("h:mm a")).toBe("3:05 PM");
    expect(f("hh 'o''clock' a, HH:mm:ss.SSS")).toBe("03 o'clock PM, 15:05:09.007");
    expect(f("yyyy-MM-dd'T'HH:mm:ssXXX")).toBe("2026-03-29T15:05:09+02:00");
    expect(f("D u k K G")).toBe("88 7 15 3 AD");
    expect(f("X XX")).toBe("+02 +0200");
    expect(formatJavaDate(d, "UTC", "HH:mm X z")).toBe("13:05 Z UTC");
    expect(formatJavaDate(d, "America/New_York", "HH:mm z")).toBe("09:05 EDT");
    expect(f("''")).toBe("'");
  });

  it("refuses what it does not know rather than printing something wrong", () => {
    const d = new Date("2026-03-29T00:00:00Z");
    expect(() => formatJavaDate(d, tz, "qq")).toThrow("Illegal pattern character 'q'");
    expect(() => formatJavaDate(d, tz, "YYYY")).toThrow(/'Y' is not emulated/);
    expect(() => formatJavaDate(d, "Mars/Olympus", "yyyy")).toThrow(/unknown time zone/);
    expect(() => formatJavaDate("2026-03-29" as unknown as Date, tz, "yyyy")).toThrow(
      /Utilities.formatDate/,
    );
  });

  it("is what the Utilities global answers", () => {
    const emu = createEmulator();
    const d = new Date("2026-03-29T01:00:00Z");
    expect(emu.globals.Utilities.formatDate(d, "Europe/Paris", "HH:mm")).toBe("03:00");
    expect(emu.globals.Utilities.formatString("%s has %d rows (%.1f%%)", "Data", 12.7, 99.44)).toBe(
      "Data has 12 rows (99.4%)",
    );
    expect(emu.globals.Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
