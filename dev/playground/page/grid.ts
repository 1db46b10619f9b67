/**
 * The grid of the active sheet: column letters and row numbers, frozen rows and columns, merged
 * cells, styles, text overflowing into empty neighbours as in Sheets, sparklines in their cells,
 * and embedded charts laid over the cells they are anchored to.
 */
import type { CellView, ChartView, SheetView } from "../view-types.ts";
import { drawChart } from "./chart.ts";
import { columnLetters, h } from "./dom.ts";
import { drawSparkline } from "./sparkline.ts";

export const DEFAULT_ROW_HEIGHT = 21;
export const ROW_HEAD_WIDTH = 46;
const HEADER_HEIGHT = 24;

export interface GridLayout {
  /** Rows and columns drawn (content plus empty space, as Sheets shows beyond the data). */
  rows: number;
  columns: number;
  colWidths: number[];
  /** Top-left cell of the merge covering a cell, for cells hidden under a merge. */
  mergeOwner: Map<string, { row: number; column: number }>;
  td: (row: number, column: number) => HTMLTableCellElement | undefined;
}

const key = (row: number, column: number) => `${row}:${column}`;

export function cellAt(view: SheetView, row: number, column: number): CellView | null {
  return view.cells[row - 1]?.[column - 1] ?? null;
}

function chartBottomRow(chart: ChartView): number {
  return (
    chart.anchor.row + Math.ceil((chart.height + chart.anchor.offsetY) / DEFAULT_ROW_HEIGHT) + 1
  );
}

function chartRightColumn(chart: ChartView, view: SheetView): number {
  let x = 0;
  let c = chart.anchor.column;
  const target = chart.width + chart.anchor.offsetX;
  while (x < target) {
    x += view.colWidths[c - 1] ?? 100;
    c++;
  }
  return c;
}

export function renderGrid(
  view: SheetView,
  host: HTMLElement,
  chartNotes: (chart: ChartView) => string | undefined,
  /** Columns that fill the visible width: empty ones beyond are not worth their cells. */
  visibleColumns = 26,
): GridLayout {
  const anchored = view.charts.filter((c) => c.anchor.row <= view.rows + 200);
  const rows = Math.max(
    view.rows + (view.rows < view.totalRows ? 0 : 30),
    60,
    ...anchored.map(chartBottomRow),
  );
  const columns = Math.max(
    view.columns + 2,
    visibleColumns,
    ...anchored.map((c) => chartRightColumn(c, view)),
  );
  const colWidths = Array.from({ length: columns }, (_, i) => view.colWidths[i] ?? 100);

  const mergeOwner = new Map<string, { row: number; column: number }>();
  const mergeAt = new Map<string, { rows: number; columns: number }>();
  for (const m of view.merges) {
    mergeAt.set(key(m.row, m.column), { rows: m.rows, columns: m.columns });
    for (let r = m.row; r < m.row + m.rows; r++) {
      for (let c = m.column; c < m.column + m.columns; c++) {
        if (r !== m.row || c !== m.column)
          mergeOwner.set(key(r, c), { row: m.row, column: m.column });
      }
    }
  }

  const table = h("table", {
    class: "grid",
    "data-testid": "grid",
    "data-sheet": view.name,
    role: "grid",
    "aria-label": view.name,
  });
  const colgroup = h("colgroup", {}, h("col", { style: `width:${ROW_HEAD_WIDTH}px` }));
  for (const w of colWidths) colgroup.append(h("col", { style: `width:${w}px` }));
  table.append(colgroup);
  table.style.width = `${ROW_HEAD_WIDTH + colWidths.reduce((s, w) => s + w, 0)}px`;

  const headRow = h("tr", {}, h("th", { class: "corner" }));
  for (let c = 1; c <= columns; c++) {
    headRow.append(h("th", { class: "col-head", "data-c": c, text: columnLetters(c) }));
  }
  table.append(h("thead", {}, headRow));

  const tds = new Map<string, HTMLTableCellElement>();
  const tbody = h("tbody");
  for (let r = 1; r <= rows; r++) {
    const height = view.rowHeights[r] ?? DEFAULT_ROW_HEIGHT;
    const tr = h("tr", { "data-r": r, style: `height:${height}px` });
    const frozenRow = r <= view.frozenRows;
    const rowHead = h("th", { class: "row-head", "data-r": r, text: String(r) });
    if (frozenRow) rowHead.classList.add("frozen-row");
    if (r === view.frozenRows) rowHead.classList.add("frozen-edge-row");
    tr.append(rowHead);
    const rowCells = view.cells[r - 1];
    for (let c = 1; c <= columns; c++) {
      if (mergeOwner.has(key(r, c))) continue;
      const cell = rowCells?.[c - 1] ?? null;
      const td = h("td", { "data-r": r, "data-c": c });
      const merge = mergeAt.get(key(r, c));
      let width = colWidths[c - 1] ?? 100;
      let cellHeight = height;
      if (merge) {
        td.rowSpan = merge.rows;
        td.colSpan = merge.columns;
        width = colWidths.slice(c - 1, c - 1 + merge.columns).reduce((s, w) => s + w, 0);
        for (let k = 1; k < merge.rows; k++)
          cellHeight += view.rowHeights[r + k] ?? DEFAULT_ROW_HEIGHT;
      }
      const frozenCol = c <= view.frozenColumns;
      if (frozenRow || frozenCol) {
        td.classList.add("frozen");
        if (frozenRow) td.dataset.frozenRow = "";
        if (frozenCol) td.dataset.frozenCol = "";
        if (frozenRow && frozenCol) td.classList.add("frozen-both");
      }
      if (r === view.frozenRows) td.classList.add("frozen-edge-row");
      if (c === view.frozenColumns) td.classList.add("frozen-edge-col");
      if (cell) fillCell(td, cell, view, r, c, width, cellHeight, colWidths, mergeOwner);
      tds.set(key(r, c), td);
      tr.append(td);
    }
    tbody.append(tr);
  }
  table.append(tbody);

  const layer = h("div", { class: "charts-layer" });
  const below = h("div", { class: "charts-below" });
  host.replaceChildren(table, layer, below);

  // Frozen rows stick under the letters and frozen columns beside the numbers, at offsets
  // measured now that rows have grown to fit large or wrapped text.
  const trs = [...tbody.rows];
  let top = table.tHead?.offsetHeight ?? HEADER_HEIGHT;
  for (let r = 1; r <= view.frozenRows; r++) {
    const tr = trs[r - 1];
    if (!tr) break;
    for (const cell of tr.querySelectorAll<HTMLElement>("th, td[data-frozen-row]"))
      cell.style.top = `${top}px`;
    top += tr.offsetHeight;
  }
  for (let c = 1; c <= view.frozenColumns; c++) {
    const left = table.querySelector<HTMLElement>(`thead th[data-c="${c}"]`)?.offsetLeft ?? 0;
    for (const cell of tbody.querySelectorAll<HTMLElement>(`td[data-frozen-col][data-c="${c}"]`)) {
      cell.style.left = `${left}px`;
    }
  }
  for (const chart of view.charts) {
    const el = drawChart(chart, chartNotes(chart));
    const th = table.querySelector<HTMLElement>(`thead th[data-c="${chart.anchor.column}"]`);
    const tr = tbody.querySelector<HTMLElement>(`tr[data-r="${chart.anchor.row}"]`);
    if (th && tr) {
      el.style.left = `${th.offsetLeft + chart.anchor.offsetX}px`;
      el.style.top = `${tr.offsetTop + chart.anchor.offsetY}px`;
      layer.append(el);
    } else {
      below.append(el);
    }
  }

  return {
    rows,
    columns,
    colWidths,
    mergeOwner,
    td: (row, column) => tds.get(key(row, column)),
  };
}

function fillCell(
  td: HTMLTableCellElement,
  cell: CellView,
  view: SheetView,
  r: number,
  c: number,
  width: number,
  height: number,
  colWidths: number[],
  mergeOwner: Map<string, unknown>,
): void {
  const style = cell.s === undefined ? undefined : view.styles[cell.s];
  if (style?.background) td.style.background = style.background;
  const box = h("div", { class: "cell" });
  if (style?.bold) box.style.fontWeight = "bold";
  if (style?.italic) box.style.fontStyle = "italic";
  if (style?.color) box.style.color = style.color;
  if (style?.size) {
    // Sheets grows a row to fit a larger font unless the script fixed its height.
    const px = Math.round((style.size * 4) / 3);
    box.style.fontSize = `${px}px`;
    box.style.lineHeight = `${Math.max(16, Math.round(px * 1.25))}px`;
  }
  const align = style?.align ?? (cell.n === "r" ? "right" : cell.n === "c" ? "center" : "left");
  box.style.textAlign = align;
  td.style.verticalAlign = style?.valign ?? "bottom";
  if (cell.spill) td.classList.add("spill");
  if (cell.err) {
    td.classList.add("has-error");
    td.title = cell.err;
  }
  if (cell.note) {
    td.classList.add("has-note");
    td.title = cell.note;
  }
  if (cell.spark) {
    box.classList.add("cell-spark");
    box.append(drawSparkline(cell.spark, width - 6, height - 6));
    td.append(box);
    return;
  }
  const text = cell.d ?? "";
  if (style?.wrap) {
    box.classList.add("wrap");
  } else if (align === "left" && text !== "") {
    // Text runs over empty neighbours, as in Sheets, and stops at the next filled cell.
    let room = width;
    for (let k = c + 1; k <= colWidths.length; k++) {
      const next = view.cells[r - 1]?.[k - 1];
      if ((next && (next.d || next.spark)) || mergeOwner.has(`${r}:${k}`)) break;
      room += colWidths[k - 1] ?? 100;
      if (room > 2000) break;
    }
    if (room > width) {
      box.classList.add("overflow");
      box.style.width = `${room - 6}px`;
    }
  }
  box.textContent = text;
  td.append(box);
}
