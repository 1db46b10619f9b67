import { type Currency, pointWord } from "../../contract/format.ts";
import type { Lang } from "../../contract/i18n.ts";
import type { Unit } from "../../kpi/types.ts";

/**
 * A percentage's format: French sets "%" apart with a no-break space (« 2,1 % »), as the
 * dashboard's sentences do (src/contract/format.ts); the spreadsheet's locale picks the decimal mark.
 */
export function percentFormat(decimals: 0 | 1 | 2, lang: Lang): string {
  const digits = decimals === 0 ? "0" : `0.${"0".repeat(decimals)}`;
  return lang === "fr" ? `${digits}"\u00a0"%` : `${digits}%`;
}

/**
 * The sheet number format of a KPI unit (the spreadsheet's locale picks the separators); money
 * with its symbol where the sentences put it (src/contract/format.ts): `"$"#,##0.00`, « 6,61 € ».
 */
export function unitNumberFormat(unit: Unit, lang: Lang, currency?: Currency): string {
  switch (unit) {
    case "percent":
      return percentFormat(1, lang);
    case "currency":
      if (!currency) return "#,##0.00";
      return currency.after ? `#,##0.00"\u00a0${currency.symbol}"` : `"${currency.symbol}"#,##0.00`;
    case "seconds":
      return "[m]:ss";
    case "count":
      return "#,##0";
    case "ratio":
      return "#,##0.00";
  }
}

/**
 * The format of a published figure: rates to a hundredth of a point, as sources print them
 * (6.66%), other units as the KPI's values; money without the spreadsheet's symbol, since a
 * benchmark counts in its source's currency (the notes name it).
 */
export function publishedNumberFormat(unit: Unit, lang: Lang): string {
  return unit === "percent" ? percentFormat(2, lang) : unitNumberFormat(unit, lang);
}

/**
 * A KPI value as a cell holds it: durations become fractions of a day, which is what Sheets'
 * duration formats display, so 125 s shows as 2:05 and still sorts and charts as a number.
 */
export function unitCellValue(value: number, unit: Unit): number {
  return unit === "seconds" ? value / 86_400 : value;
}

/** A change in % of a non-rate KPI, signed: "+5.8%", « −5,8 % ». */
export function shareChangeFormat(lang: Lang): string {
  const pct = percentFormat(1, lang);
  return `+${pct};-${pct};${pct}`;
}

/** The KPI value a cell written by unitCellValue holds (durations back to seconds). */
export function unitFromCell(cell: number, unit: Unit): number {
  return unit === "seconds" ? cell * 86_400 : cell;
}

/**
 * A change in percentage points, signed, with the word the value takes (pointWord): « +0,1 pt »,
 * "+2.5 pts". A format per cell, since a number format cannot pick a word by the value's size in
 * both languages' rules.
 */
export function pointChangeFormat(points: number, lang: Lang): string {
  const word = `"\u00a0${pointWord(points, lang)}"`;
  return `+0.0${word};-0.0${word};0.0${word}`;
}
