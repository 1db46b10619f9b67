/**
 * Money in the spreadsheet's currency: the one rule from a locale, the one formatter's sentences
 * and the cells' number format, against strings written by hand.
 */
import { describe, expect, it } from "vitest";
import { currencyOfLocale, formatDelta, formatUnitValue } from "../../src/contract/format.ts";
import { publishedNumberFormat, unitNumberFormat } from "../../src/sheets/dashboard/format.ts";

const NBSP = "\u00a0";
const dollar = { symbol: "$", after: false };
const euro = { symbol: "€", after: true };

describe("currencyOfLocale", () => {
  it("dollars before the amount", () => {
    for (const l of ["en_US", "en_CA", "en_AU", "en_NZ", "es_MX", "en-US"]) {
      expect(currencyOfLocale(l), l).toEqual(dollar);
    }
    // French Canada writes the dollar after: « 6,61 $ ».
    expect(currencyOfLocale("fr_CA")).toEqual({ symbol: "$", after: true });
  });

  it("the pound and the yen before the amount", () => {
    expect(currencyOfLocale("en_GB")).toEqual({ symbol: "£", after: false });
    expect(currencyOfLocale("ja_JP")).toEqual({ symbol: "¥", after: false });
  });

  it("the euro after the amount in the euro area's languages, before it in English", () => {
    for (const l of [
      "fr_FR",
      "fr_BE",
      "de_DE",
      "de_AT",
      "es_ES",
      "it_IT",
      "nl_NL",
      "pt_PT",
      "fi_FI",
    ]) {
      expect(currencyOfLocale(l), l).toEqual(euro);
    }
    expect(currencyOfLocale("en_IE")).toEqual({ symbol: "€", after: false });
  });

  it("no symbol where the locale does not say which money, as before", () => {
    for (const l of ["pt_BR", "de_CH", "fr_CH", "hi_IN", "fr", "en", "", "xx"]) {
      expect(currencyOfLocale(l), l).toBeUndefined();
    }
    expect(currencyOfLocale(null)).toBeUndefined();
    expect(currencyOfLocale(undefined)).toBeUndefined();
  });
});

describe("money in sentences", () => {
  const en = (v: number, l: string) => formatUnitValue(v, "currency", "en", currencyOfLocale(l));
  const fr = (v: number, l: string) => formatUnitValue(v, "currency", "fr", currencyOfLocale(l));

  it("en_US, en_GB, ja_JP: the symbol first, after the minus", () => {
    expect(en(6.61, "en_US")).toBe("$6.61");
    expect(en(-6.61, "en_US")).toBe("−$6.61");
    expect(en(1234.5, "en_US")).toBe("$1,234.50");
    expect(en(6.61, "en_GB")).toBe("£6.61");
    expect(en(6.61, "ja_JP")).toBe("¥6.61");
  });

  it("fr_FR, de_DE: the symbol last, after a no-break space", () => {
    expect(fr(6.61, "fr_FR")).toBe(`6,61${NBSP}€`);
    expect(fr(-6.61, "fr_FR")).toBe(`−6,61${NBSP}€`);
    expect(fr(1234.5, "fr_FR")).toBe(`1\u202f234,50${NBSP}€`);
    // An English reader of a German spreadsheet: English digits, the euro where Germany puts it.
    expect(en(6.61, "de_DE")).toBe(`6.61${NBSP}€`);
  });

  it("no currency, or a unit that is not money: unchanged", () => {
    expect(formatUnitValue(6.61, "currency", "en")).toBe("6.61");
    expect(en(6.61, "pt_BR")).toBe("6.61");
    expect(formatUnitValue(0.25, "percent", "en", dollar)).toBe("25.0%");
    expect(formatUnitValue(2.5, "ratio", "en", dollar)).toBe("2.50");
    expect(formatUnitValue(null, "currency", "en", dollar)).toBe("—");
    // A change keeps no symbol: "+1.20" beside an amount already shown with it.
    expect(formatDelta(1.2, "currency", "en")).toBe("+1.2");
  });
});

describe("money in cells", () => {
  it("the number format puts the symbol where the sentences do", () => {
    expect(unitNumberFormat("currency", "en", dollar)).toBe('"$"#,##0.00');
    expect(unitNumberFormat("currency", "fr", euro)).toBe(`#,##0.00"${NBSP}€"`);
    expect(unitNumberFormat("currency", "en", currencyOfLocale("en_GB"))).toBe('"£"#,##0.00');
    expect(unitNumberFormat("currency", "en")).toBe("#,##0.00");
    expect(unitNumberFormat("ratio", "en", dollar)).toBe("#,##0.00");
  });

  it("a published benchmark keeps no symbol: it counts in its source's currency", () => {
    expect(publishedNumberFormat("currency", "en")).toBe("#,##0.00");
  });
});
