/**
 * The workbook as JSON and back. A snapshot is deterministic (same state, same text), names
 * sheets rather than internal ids where a person reads it, and holds Dates as { "$date": iso }.
 */
import { formatA1, parseA1, type Rect } from "./a1.ts";
import {
  type BookState,
  type Cell,
  type ChartState,
  type ConditionalRuleState,
  type Ctx,
  type DataExecution,
  type DataValidationState,
  FORMAT_KEYS,
  isEmptyCell,
  type MetadataLocation,
  type MetadataState,
  newSheetState,
  type SheetState,
} from "./state.ts";
import { assertTimeZone } from "./tz.ts";
import {
  decodeCellValue,
  decodeJson,
  encodeCellValue,
  encodeJson,
  type JsonValue,
} from "./values.ts";

export const SNAPSHOT_FORMAT = "kpi-pilot-emulator/1";

export type SnapshotCellValue = number | string | boolean | { $date: string };

/** A Cell as JSON: the same fields, with Dates and validation values encoded. */
export type CellSnapshot = Omit<Cell, "value" | "validation"> & {
  value?: SnapshotCellValue;
  validation?: Omit<DataValidationState, "values"> & { values: JsonValue[] };
};

export interface ProtectionSnapshot {
  type: "SHEET" | "RANGE";
  /** A1 of a range protection; null for a sheet protection. */
  range: string | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotectedRanges: string[];
}

export interface ConditionalFormatRuleSnapshot {
  ranges: string[];
  criteria: string;
  values: JsonValue[];
  format: ConditionalRuleState["format"];
}

export interface ChartSnapshot {
  chartId: number;
  type: string;
  ranges: { sheet: string; a1: string }[];
  options: { [key: string]: JsonValue };
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transpose: boolean;
  mergeStrategy: string;
  hiddenDimensionStrategy: string;
}

export interface SheetSnapshot {
  sheetId: number;
  name: string;
  hidden: boolean;
  tabColor: string | null;
  hiddenGridlines: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** Only sizes that differ from the defaults (100 px wide, 21 px high), by 1-based index. */
  columnWidths: { [column: string]: number };
  rowHeights: { [row: string]: number };
  /** rows[r][c] is the cell at row r + 1, column c + 1; trailing empty cells and rows omitted. */
  rows: (CellSnapshot | null)[][];
  merges: string[];
  protections: ProtectionSnapshot[];
  conditionalFormatRules: ConditionalFormatRuleSnapshot[];
  charts: ChartSnapshot[];
  /** A Connected Sheets data-source sheet: its BigQuery spec and its last execution, kept as is. */
  dataSource?: {
    spec: { projectId: string; rawQuery: string };
    run: Omit<DataExecution, "rows"> & { rows: JsonValue[][] };
  };
}

/** Each member of a location union with its sheet named rather than given by id. */
type SheetNamed<L> = L extends { sheetId: number } ? Omit<L, "sheetId"> & { sheet: string } : L;

export type MetadataLocationSnapshot = SheetNamed<MetadataLocation>;

export type DeveloperMetadataSnapshot = Omit<MetadataState, "location"> & {
  location: MetadataLocationSnapshot;
};

export interface WorkbookSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  activeSheet: string;
  sheets: SheetSnapshot[];
  developerMetadata: DeveloperMetadataSnapshot[];
  properties: {
    document: { [key: string]: string };
    user: { [key: string]: string };
    script: { [key: string]: string };
  };
}

const CELL_KEYS = [...FORMAT_KEYS, "note"] as const;

function cellSnapshot(cell: Cell): CellSnapshot | null {
  if (isEmptyCell(cell)) return null;
  const out: Record<string, unknown> = {};
  if (cell.value !== undefined && cell.value !== "") out.value = encodeCellValue(cell.value);
  if (cell.formula !== undefined) out.formula = cell.formula;
  for (const k of CELL_KEYS) if (cell[k] !== undefined) out[k] = cell[k];
  if (cell.validation) {
    const v = cell.validation;
    out.validation = {
      criteria: v.criteria,
      values: v.values.map(encodeJson),
      allowInvalid: v.allowInvalid,
      helpText: v.helpText,
    };
  }
  return Object.keys(out).length === 0 ? null : (out as CellSnapshot);
}

function sortedRecord(map: Map<string, string>): { [key: string]: string } {
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function numberRecord(map: Map<number, number>): { [key: string]: number } {
  return Object.fromEntries(
    [...map.entries()].sort(([a], [b]) => a - b).map(([k, v]) => [String(k), v]),
  );
}

export function takeSnapshot(ctx: Ctx): WorkbookSnapshot {
  const book = ctx.book;
  const nameOf = (id: number) => book.sheets.find((s) => s.id === id)?.name;
  const active = book.sheets.find((s) => s.id === book.activeSheetId) ?? book.sheets[0]!;
  return {
    format: SNAPSHOT_FORMAT,
    id: book.id,
    name: book.name,
    timeZone: book.timeZone,
    locale: book.locale,
    activeSheet: active.name,
    sheets: book.sheets.map((s) => sheetSnapshot(s, nameOf)),
    developerMetadata: book.metadata.flatMap((m) => {
      const loc = locationSnapshot(m.location, nameOf);
      return loc
        ? [{ id: m.id, key: m.key, value: m.value, visibility: m.visibility, location: loc }]
        : [];
    }),
    properties: {
      document: sortedRecord(book.properties.document),
      user: sortedRecord(book.properties.user),
      script: sortedRecord(book.properties.script),
    },
  };
}

function sheetSnapshot(s: SheetState, nameOf: (id: number) => string | undefined): SheetSnapshot {
  const rows: (CellSnapshot | null)[][] = [];
  for (let r = 0; r < s.grid.length; r++) {
    const row = s.grid[r];
    const out: (CellSnapshot | null)[] = [];
    if (row) for (let c = 0; c < row.length; c++) out.push(row[c] ? cellSnapshot(row[c]!) : null);
    while (out.length && out[out.length - 1] === null) out.pop();
    rows.push(out);
  }
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  return {
    sheetId: s.id,
    name: s.name,
    hidden: s.hidden,
    tabColor: s.tabColor,
    hiddenGridlines: s.hiddenGridlines,
    maxRows: s.maxRows,
    maxColumns: s.maxColumns,
    frozenRows: s.frozenRows,
    frozenColumns: s.frozenColumns,
    columnWidths: numberRecord(s.columnWidths),
    rowHeights: numberRecord(s.rowHeights),
    rows,
    merges: s.merges.map((m) => formatA1(m)),
    protections: s.protections.map((p) => ({
      type: p.type,
      range: p.rect ? formatA1(p.rect) : null,
      description: p.description,
      warningOnly: p.warningOnly,
      editors: [...p.editors],
      unprotectedRanges: p.unprotected.map((r) => formatA1(r)),
    })),
    conditionalFormatRules: s.conditionalRules.map((r) => ({
      ranges: r.ranges.map((x) => formatA1(x)),
      criteria: r.criteria,
      values: r.values.map(encodeJson),
      format: { ...r.format },
    })),
    charts: s.charts.map((c) => chartSnapshot(c, nameOf)),
    ...(s.dataSource
      ? {
          dataSource: {
            spec: { ...s.dataSource.spec },
            run: {
              ...s.dataSource.run,
              header: [...s.dataSource.run.header],
              rows: s.dataSource.run.rows.map((r) => r.map(encodeJson)),
            },
          },
        }
      : {}),
  };
}

function chartSnapshot(c: ChartState, nameOf: (id: number) => string | undefined): ChartSnapshot {
  return {
    chartId: c.id,
    type: c.type,
    ranges: c.ranges.flatMap((r) => {
      const sheet = nameOf(r.sheetId);
      return sheet === undefined ? [] : [{ sheet, a1: formatA1(r.rect) }];
    }),
    options: encodeJson(c.options) as { [key: string]: JsonValue },
    anchor: { row: c.anchorRow, column: c.anchorColumn, offsetX: c.offsetX, offsetY: c.offsetY },
    numHeaders: c.numHeaders,
    transpose: c.transpose,
    mergeStrategy: c.mergeStrategy,
    hiddenDimensionStrategy: c.hiddenDimensionStrategy,
  };
}

function locationSnapshot(
  loc: MetadataLocation,
  nameOf: (id: number) => string | undefined,
): MetadataLocationSnapshot | undefined {
  if (loc.type === "SPREADSHEET") return { type: "SPREADSHEET" };
  const sheet = nameOf(loc.sheetId);
  if (sheet === undefined) return undefined;
  if (loc.type === "SHEET") return { type: "SHEET", sheet };
  return { type: loc.type, sheet, start: loc.start, end: loc.end };
}

// ── loading ─────────────────────────────────────────────────────────────────────────────────────

function fail(msg: string): never {
  throw new Error(`emulator: load: ${msg}`);
}

function rect(a1: string, where: string): Rect {
  const ref = parseA1(a1);
  if (
    !ref ||
    ref.r1 === undefined ||
    ref.r2 === undefined ||
    ref.c1 === undefined ||
    ref.c2 === undefined
  ) {
    fail(`${where}: "${a1}" is not a bounded A1 range`);
  }
  return { r1: ref.r1, c1: ref.c1, r2: ref.r2, c2: ref.c2 };
}

/** Builds the state a snapshot describes; the caller swaps it in. */
export function bookFromSnapshot(snap: WorkbookSnapshot): BookState {
  if (!snap || snap.format !== SNAPSHOT_FORMAT)
    fail(`expected format "${SNAPSHOT_FORMAT}", got ${JSON.stringify(snap?.format)}`);
  assertTimeZone(snap.timeZone);
  if (!Array.isArray(snap.sheets) || snap.sheets.length === 0)
    fail("a workbook needs at least one sheet");
  const idOf = new Map<string, number>();
  for (const s of snap.sheets) {
    if (idOf.has(s.name)) fail(`two sheets are named "${s.name}"`);
    idOf.set(s.name, s.sheetId);
  }
  const sheetId = (name: string, where: string) =>
    idOf.get(name) ?? fail(`${where}: no sheet named "${name}"`);
  const sheets = snap.sheets.map((s) => {
    const st = newSheetState(s.sheetId, s.name, s.maxRows, s.maxColumns);
    st.hidden = s.hidden;
    st.tabColor = s.tabColor;
    st.hiddenGridlines = s.hiddenGridlines;
    st.frozenRows = s.frozenRows;
    st.frozenColumns = s.frozenColumns;
    st.columnWidths = new Map(Object.entries(s.columnWidths).map(([k, v]) => [Number(k), v]));
    st.rowHeights = new Map(Object.entries(s.rowHeights).map(([k, v]) => [Number(k), v]));
    s.rows.forEach((row, r) => {
      if (r >= s.maxRows || row.length > s.maxColumns)
        fail(`sheet "${s.name}": cells beyond ${s.maxRows}×${s.maxColumns}`);
      const out: (Cell | undefined)[] = [];
      row.forEach((cell, c) => {
        if (cell) out[c] = cellFromSnapshot(cell);
      });
      if (out.length) st.grid[r] = out;
    });
    st.merges = s.merges.map((m) => rect(m, `sheet "${s.name}" merge`));
    st.protections = s.protections.map((p, i) => ({
      id: i + 1,
      type: p.type,
      ...(p.range === null ? {} : { rect: rect(p.range, `sheet "${s.name}" protection`) }),
      description: p.description,
      warningOnly: p.warningOnly,
      editors: [...p.editors],
      unprotected: p.unprotectedRanges.map((r) => rect(r, `sheet "${s.name}" unprotected range`)),
    }));
    st.conditionalRules = s.conditionalFormatRules.map((r) => ({
      ranges: r.ranges.map((x) => rect(x, `sheet "${s.name}" conditional format`)),
      criteria: r.criteria,
      values: r.values.map(decodeJson),
      format: { ...r.format },
    }));
    if (s.dataSource) {
      const { spec, run } = s.dataSource;
      const where = `sheet "${s.name}" data source`;
      if (typeof spec?.projectId !== "string" || typeof spec.rawQuery !== "string")
        fail(`${where}: a spec needs a projectId and a rawQuery`);
      if (
        (run?.state !== "SUCCESS" && run?.state !== "ERROR") ||
        !Array.isArray(run.header) ||
        !Array.isArray(run.rows) ||
        !run.rows.every(Array.isArray)
      )
        fail(`${where}: an execution needs a state (SUCCESS or ERROR), a header and rows`);
      st.dataSource = {
        spec: { projectId: spec.projectId, rawQuery: spec.rawQuery },
        run: { ...run, header: [...run.header], rows: run.rows.map((r) => r.map(decodeJson)) },
      };
    }
    st.charts = s.charts.map((c) => ({
      id: c.chartId,
      type: c.type,
      ranges: c.ranges.map((r) => ({
        sheetId: sheetId(r.sheet, `chart ${c.chartId}`),
        rect: rect(r.a1, `chart ${c.chartId}`),
      })),
      options: decodeJson(c.options) as Record<string, unknown>,
      anchorRow: c.anchor.row,
      anchorColumn: c.anchor.column,
      offsetX: c.anchor.offsetX,
      offsetY: c.anchor.offsetY,
      numHeaders: c.numHeaders,
      transpose: c.transpose,
      mergeStrategy: c.mergeStrategy,
      hiddenDimensionStrategy: c.hiddenDimensionStrategy,
    }));
    return st;
  });
  // Protection ids only need to be unique within a workbook.
  let pid = 1;
  for (const s of sheets) for (const p of s.protections) p.id = pid++;
  const active =
    idOf.get(snap.activeSheet) ?? fail(`activeSheet "${snap.activeSheet}" is not a sheet`);
  return {
    id: snap.id,
    name: snap.name,
    timeZone: snap.timeZone,
    locale: snap.locale,
    sheets,
    activeSheetId: active,
    activeRange: undefined,
    metadata: snap.developerMetadata.map((m) => ({
      id: m.id,
      key: m.key,
      value: m.value,
      visibility: m.visibility,
      location:
        m.location.type === "SPREADSHEET"
          ? { type: "SPREADSHEET" as const }
          : m.location.type === "SHEET"
            ? { type: "SHEET" as const, sheetId: sheetId(m.location.sheet, `metadata ${m.id}`) }
            : {
                type: m.location.type,
                sheetId: sheetId(m.location.sheet, `metadata ${m.id}`),
                start: m.location.start,
                end: m.location.end,
              },
    })),
    properties: {
      document: new Map(Object.entries(snap.properties?.document ?? {})),
      user: new Map(Object.entries(snap.properties?.user ?? {})),
      script: new Map(Object.entries(snap.properties?.script ?? {})),
    },
  };
}

function cellFromSnapshot(c: CellSnapshot): Cell {
  const cell: Cell = {};
  if (c.value !== undefined) cell.value = decodeCellValue(c.value);
  if (c.formula !== undefined) cell.formula = c.formula;
  for (const k of CELL_KEYS) if (c[k] !== undefined) (cell as Record<string, unknown>)[k] = c[k];
  if (c.validation) {
    cell.validation = {
      criteria: c.validation.criteria,
      values: c.validation.values.map(decodeJson),
      allowInvalid: c.validation.allowInvalid,
      helpText: c.validation.helpText,
    };
  }
  return cell;
}
