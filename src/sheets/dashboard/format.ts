import type { Unit } from "../../kpi/types.ts";

/** The sheet number format of a KPI unit (the spreadsheet's locale picks the separators). */
export function unitNumberFormat(unit: Unit): string {
  switch (unit) {
    case "percent":
      return "0.0%";
    case "currency":
      return "#,##0.00";
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
 * (6.66%), other units as the KPI's values.
 */
export function publishedNumberFormat(unit: Unit): string {
  return unit === "percent" ? "0.00%" : unitNumberFormat(unit);
}

/**
 * A KPI value as a cell holds it: durations become fractions of a day, which is what Sheets'
 * duration formats display, so 125 s shows as 2:05 and still sorts and charts as a number.
 */
export function unitCellValue(value: number, unit: Unit): number {
  return unit === "seconds" ? value / 86_400 : value;
}
