/**
 * The dashboard on the emulator: a 20-objective build over 1 and over 3 years of daily data.
 * Calls are the emulator's Spreadsheet calls of a build (the worse of a first build and a
 * refresh); time is the median of five refreshes, in the same process.
 * Run alone: node dev/run.mjs bench/dashboard.ts
 */
import { performance } from "node:perf_hooks";
import { dayFromParts } from "../src/kpi/days.ts";
import { buildDashboardAt } from "../src/sheets/dashboard/build.ts";
import { saveObjective } from "../src/sheets/objectives/endpoints.ts";
import { installEmulator, manyObjectives, NOW, writeSampleTab } from "../test/sheets/helpers.ts";

const OBJECTIVES = 20;
const RUNS = 5;
const END = dayFromParts(2027, 6, 10) as number;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function benchSpan(days: number): { calls: number; ms: number } {
  const { emu, uninstall } = installEmulator({ userLocale: "en_US" });
  try {
    writeSampleTab("Sample data", "en", END, END - days + 1);
    for (const o of manyObjectives(OBJECTIVES, "en", ["Sample data"])) saveObjective(o);
    emu.calls.reset();
    buildDashboardAt(NOW);
    let calls = emu.calls.spreadsheetTotal();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      emu.calls.reset();
      const t0 = performance.now();
      buildDashboardAt(NOW);
      times.push(performance.now() - t0);
      calls = Math.max(calls, emu.calls.spreadsheetTotal());
    }
    return { calls, ms: median(times) };
  } finally {
    uninstall();
  }
}

export async function benchDashboard(): Promise<{
  dashboardCalls: { "1y": number; "3y": number };
  dashboardMs: { "1y": number; "3y": number };
}> {
  const oneYear = benchSpan(365);
  const threeYears = benchSpan(3 * 365);
  return {
    dashboardCalls: { "1y": oneYear.calls, "3y": threeYears.calls },
    dashboardMs: { "1y": oneYear.ms, "3y": threeYears.ms },
  };
}

if (process.argv[1]?.endsWith("bench/dashboard.ts")) {
  const r = await benchDashboard();
  const budget = 35 + 15 * OBJECTIVES;
  console.log(
    `dashboard, ${OBJECTIVES} objectives: ` +
      `1 year ${r.dashboardCalls["1y"]} calls, ${r.dashboardMs["1y"].toFixed(1)} ms; ` +
      `3 years ${r.dashboardCalls["3y"]} calls, ${r.dashboardMs["3y"].toFixed(1)} ms ` +
      `(budget ${budget} calls)`,
  );
}
