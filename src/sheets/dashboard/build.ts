/**
 * "Build or refresh dashboard": reads the Objectives tab and each source tab once, computes every
 * objective, and rewrites the dashboard tab (found by developer metadata) in one block per kind
 * of content. The number of Spreadsheet calls depends on the number of objectives, never on the
 * number of data rows. Nothing outside the dashboard tab is written.
 */
import type { Lang } from "../../contract/i18n.ts";
import { latestDateDay, type ObjectiveEval } from "../status/evaluate.ts";
import { evaluateWorkbook, readWorkbook, type Workbook } from "../status/read.ts";
import { userLang } from "../workbook/locale.ts";
import { withDocumentLock } from "../workbook/lock.ts";
import { messages } from "../workbook/messages.ts";
import { SourceRows } from "../workbook/source.ts";
import { DASHBOARD_KEY, findTaggedSheet, insertTaggedSheet } from "../workbook/tabs.ts";
import type { ChartSpec, DashboardGrid } from "./grid.ts";
import { type HistoryRow, previousReview, readHistory } from "./history.ts";
import { layoutDashboard } from "./layout.ts";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** How long a build waits for a save in progress before saying another build is running. */
const LOCK_WAIT_MS = 3000;

/** Latest dated row of each source tab, over the date columns its objectives use, then each BigQuery table's. */
function sourceDates(wb: Workbook): { name: string; latest: number | null | "missing" }[] {
  const out: { name: string; latest: number | null | "missing" }[] = [];
  for (const source of wb.sources.values()) {
    if (!source.values) {
      out.push({ name: source.name, latest: "missing" });
      continue;
    }
    const table = new SourceRows(source.values, wb.ctx);
    let latest: number | null = null;
    const seen = new Set<number>();
    for (const o of wb.objectives) {
      if (o.sourceSheet !== source.name) continue;
      const col = table.find(o.dateColumn);
      if (col === undefined || seen.has(col)) continue;
      seen.add(col);
      const day = latestDateDay(
        table.data.rows.map((r) => r[col]),
        wb.ctx,
      );
      if (day !== null && (latest === null || day > latest)) latest = day;
    }
    out.push({ name: source.name, latest });
  }
  // A BigQuery table's latest day with data, from its queries' sums (a failed query says why on
  // its objectives' rows, not here).
  const tables = new Map<string, number | null>();
  for (const { outcome } of wb.queried.values()) {
    if (!outcome.ok) continue;
    let latest = tables.get(outcome.table) ?? null;
    for (const s of outcome.sums) if (latest === null || s.lastDay > latest) latest = s.lastDay;
    tables.set(outcome.table, latest);
  }
  for (const [name, latest] of tables) out.push({ name, latest });
  return out;
}

/** Writes the grid: one call per kind of content, whatever the number of rows. */
function writeGrid(sheet: Sheet, grid: DashboardGrid): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < grid.height) sheet.insertRowsAfter(maxRows, grid.height - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < grid.width) sheet.insertColumnsAfter(maxColumns, grid.width - maxColumns);
  const range = sheet.getRange(1, 1, grid.height, grid.width);
  range
    .setValues(grid.values)
    .setNumberFormats(grid.numberFormats)
    .setBackgrounds(grid.backgrounds)
    .setFontWeights(grid.fontWeights)
    .setFontColors(grid.fontColors)
    .setFontSizes(grid.fontSizes)
    .setHorizontalAlignments(grid.alignments)
    .setWraps(grid.wraps)
    // Top, so a row whose reason wraps over three lines still reads across at its first line.
    .setVerticalAlignment("top");
  for (const m of grid.merges) sheet.getRange(m.row + 1, m.column + 1, 1, m.numColumns).merge();
  for (const h of grid.rowHeights) sheet.setRowHeight(h.row + 1, h.height);
  for (const block of grid.formulaBlocks) {
    if (block.formulas.length === 0) continue;
    sheet
      .getRange(block.row, block.column, block.formulas.length, block.formulas[0]?.length ?? 1)
      .setFormulas(block.formulas);
  }
  for (const w of grid.columnWidths) sheet.setColumnWidths(w.column, w.count, w.width);
}

/**
 * One line chart per trend block. Existing charts of the tab are updated in place rather than
 * removed and inserted, so a rebuild keeps their ids and leaves an identical tab; extra ones go.
 */
function writeCharts(sheet: Sheet, specs: readonly ChartSpec[], isNew: boolean): void {
  const existing = isNew ? [] : sheet.getCharts();
  specs.forEach((spec, i) => {
    const old = existing[i];
    const builder = old ? old.modify().clearRanges() : sheet.newChart();
    // Sheets' default line colours (value blue, target red, average yellow) and its header
    // detection (the block's first row is text) do; each extra option is one more call per chart.
    const chart = builder
      .setChartType(Charts.ChartType.LINE)
      .addRange(sheet.getRange(spec.row, spec.column, spec.numRows, spec.numColumns))
      .setPosition(spec.anchorRow, spec.anchorColumn, 0, 0)
      .setOption("title", spec.title)
      .build();
    if (old) sheet.updateChart(chart);
    else sheet.insertChart(chart);
  });
  for (let i = specs.length; i < existing.length; i++) sheet.removeChart(existing[i]!);
}

/** The history tab's rows (one read), with each value in its objective's unit. */
export function readWorkbookHistory(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  wb: Workbook,
  evals: readonly ObjectiveEval[],
): HistoryRow[] {
  const units = new Map(evals.map((e) => [e.objective.id, e.kpi.unit]));
  return readHistory(ss, wb.ctx, (id) => units.get(id));
}

/**
 * Writes the dashboard tab from a workbook already read and evaluated, and the history tab's
 * rows (read once by the caller, which the review also needs), creating the tab if need be, and
 * returns it. The caller holds the document lock; nothing here touches the UI, so a scheduled
 * review can call it from a trigger.
 */
export function writeDashboard(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  wb: Workbook,
  evals: readonly ObjectiveEval[],
  history: readonly HistoryRow[],
  lang: Lang,
): Sheet {
  const grid = layoutDashboard({
    evals,
    problems: wb.problems,
    sources: sourceDates(wb),
    today: wb.today,
    lang,
    lastReview: previousReview(history, wb.today),
  });
  // Only the tab we created is cleared: a copy of it that outlived it is the user's.
  const found = findTaggedSheet(ss, DASHBOARD_KEY, { exact: true });
  // A new dashboard goes first: it is the tab people open to see where things stand.
  const sheet = found ?? insertTaggedSheet(ss, messages.t(lang, "dashboardTab"), DASHBOARD_KEY, 0);
  if (found) sheet.clear();
  writeGrid(sheet, grid);
  writeCharts(sheet, grid.charts, !found);
  return sheet;
}

/** Builds the dashboard as of `now`; what the menu item runs, with the clock injectable for tests. */
export function buildDashboardAt(now: Date): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = userLang();
  withDocumentLock(
    "build",
    LOCK_WAIT_MS,
    (why) => ss.toast(messages.t(lang, `busy_${why}`), messages.t(lang, "toastTitle"), 10),
    () => {
      const wb = readWorkbook(ss, lang, now, { bigQuery: true });
      const evals = evaluateWorkbook(wb, lang);
      writeDashboard(ss, wb, evals, readWorkbookHistory(ss, wb, evals), lang).activate();
    },
  );
}

/** Menu item "Build or refresh dashboard". */
export function buildDashboard(): void {
  buildDashboardAt(new Date());
}
