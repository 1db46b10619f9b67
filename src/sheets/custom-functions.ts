/**
 * The custom functions as Apps Script calls them. Each is one line so that src/main.ts can export
 * it by name (a bundle export must be static); the logic and documentation live in the registry
 * (src/kpi/functions/index.ts), and a test checks that this list and the registry agree both ways.
 */

import { CUSTOM_FUNCTIONS } from "../kpi/functions/index.ts";
import type { CustomFunctionSpec } from "../kpi/functions/spec.ts";
import type { EngineContext } from "../kpi/types.ts";

const SPECS = new Map<string, CustomFunctionSpec>(CUSTOM_FUNCTIONS.map((s) => [s.name, s]));

/**
 * The spreadsheet's zone and locale, fetched only if a function needs them: most calls parse
 * plain numbers and never pay for the extra server round trips.
 */
function sheetContext(): EngineContext {
  let spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | undefined;
  let timeZone: string | undefined;
  let locale: string | undefined;
  const active = () => {
    spreadsheet ??= SpreadsheetApp.getActiveSpreadsheet();
    return spreadsheet;
  };
  return {
    get timeZone() {
      timeZone ??= active().getSpreadsheetTimeZone();
      return timeZone;
    },
    get locale() {
      locale ??= active().getSpreadsheetLocale();
      return locale;
    },
  };
}

function run(name: string, args: unknown[]): unknown {
  const spec = SPECS.get(name);
  if (!spec) throw new Error(`${name}: not in the KPI registry`);
  return spec.run(sheetContext(), args);
}

export const KPI_CONVERSION = (...args: unknown[]) => run("KPI_CONVERSION", args);
export const KPI_OPEN_RATE = (...args: unknown[]) => run("KPI_OPEN_RATE", args);
export const KPI_CTR = (...args: unknown[]) => run("KPI_CTR", args);
export const KPI_UNIQUE_VISITORS = (...args: unknown[]) => run("KPI_UNIQUE_VISITORS", args);
export const KPI_AVG_VISIT_DURATION = (...args: unknown[]) => run("KPI_AVG_VISIT_DURATION", args);
export const KPI_BOUNCE_RATE = (...args: unknown[]) => run("KPI_BOUNCE_RATE", args);
export const KPI_ENGAGEMENT = (...args: unknown[]) => run("KPI_ENGAGEMENT", args);
export const KPI_ROI = (...args: unknown[]) => run("KPI_ROI", args);
export const KPI_ROAS = (...args: unknown[]) => run("KPI_ROAS", args);
export const KPI_CPA = (...args: unknown[]) => run("KPI_CPA", args);
export const KPI_CPC = (...args: unknown[]) => run("KPI_CPC", args);
export const KPI_CPM = (...args: unknown[]) => run("KPI_CPM", args);
export const KPI_GROWTH = (...args: unknown[]) => run("KPI_GROWTH", args);
export const KPI_PROGRESS = (...args: unknown[]) => run("KPI_PROGRESS", args);
export const KPI_FORECAST = (...args: unknown[]) => run("KPI_FORECAST", args);
export const KPI_STATUS = (...args: unknown[]) => run("KPI_STATUS", args);
export const KPI_SERIES = (...args: unknown[]) => run("KPI_SERIES", args);
export const KPI_ANOMALIES = (...args: unknown[]) => run("KPI_ANOMALIES", args);
export const KPI_BENCHMARK = (...args: unknown[]) => run("KPI_BENCHMARK", args);
