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
 * A KPI value as a cell holds it: durations become fractions of a day, which is what Sheets'
 * duration formats display, so 125 s shows as 2:05 and still sorts and charts as a number.
 */
export function unitCellValue(value: number, unit: Unit): number {
  return unit === "seconds" ? value / 86_400 : value;
}

/** The KPI value a cell written by unitCellValue holds (durations back to seconds). */
export function unitFromCell(cell: number, unit: Unit): number {
  return unit === "seconds" ? cell * 86_400 : cell;
}
