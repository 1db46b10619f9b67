/**
 * A source tab as an objective reads it: the header row found below any title lines, the rows the
 * objective counts (rows.ts: no total rows, no undated rows, its filter applied), and its input
 * terms turned into the engine's table. The wizard's preview and every status (dashboard, the
 * sidebar's list) go through here, so they read the same rows the same way.
 */
import { parseTerm } from "../../contract/rules/input-terms.ts";
import type { LeftOut } from "../../contract/wizard.ts";
import { type RowFilter, type RowSelection, selectRows } from "../../kpi/rows.ts";
import type { SeriesTable } from "../../kpi/series.ts";
import type { EngineContext } from "../../kpi/types.ts";
import { type DataTable, readTable } from "./cells.ts";

/** What an objective reads from its source: its date column, its input terms, its filter. */
export interface ObjectiveSource {
  readonly dateColumn: string;
  readonly inputs: Readonly<Record<string, readonly string[]>>;
  readonly filter?: RowFilter | null;
}

/** Which of an objective's headers was looked up, for a lookup that reports what is missing. */
export type SourceField = "dateColumn" | "inputs" | "filter";

export interface ObjectiveTable {
  readonly table: SeriesTable;
  /** The rows counted. */
  readonly rows: number;
  readonly leftOut: LeftOut;
  /** The date column's cells of the counted rows. */
  readonly dates: readonly unknown[];
}

/** A tab's values read once, shared by the objectives that use it. */
export class SourceRows {
  readonly data: DataTable;
  private readonly selections = new Map<string, RowSelection>();
  private readonly columns = new Map<string, unknown[]>();

  constructor(
    values: readonly (readonly unknown[])[],
    private readonly ctx: EngineContext,
  ) {
    this.data = readTable(values, ctx);
  }

  find(header: string): number | undefined {
    return this.data.header.find(header);
  }

  /**
   * The engine's table of an objective, or null when a header is missing: `column` says what to
   * do then (throw, or note it), and is asked for every header the objective names.
   */
  objectiveTable(
    o: ObjectiveSource,
    column: (field: SourceField, header: string) => number | undefined,
  ): ObjectiveTable | null {
    let missing = false;
    const look = (field: SourceField, header: string) => {
      const c = column(field, header);
      if (c === undefined) missing = true;
      return c;
    };
    const dateCol = look("dateColumn", o.dateColumn);
    const inputCols: Record<string, { col: number | null; sign: 1 | -1; header: string }[]> = {};
    for (const [name, terms] of Object.entries(o.inputs)) {
      inputCols[name] = terms.map((t) => {
        const term = parseTerm(t);
        if (term.kind === "rows") return { col: null, sign: 1, header: t };
        return { col: look("inputs", term.header) ?? -1, sign: term.sign, header: term.header };
      });
    }
    const filterCol = o.filter ? look("filter", o.filter.column) : undefined;
    if (missing || dateCol === undefined) return null;

    const filter =
      o.filter && filterCol !== undefined ? { col: filterCol, values: o.filter.values } : undefined;
    // Objectives of one tab with the same date column and filter share one selection.
    const key = filter ? JSON.stringify([dateCol, filter.col, filter.values]) : String(dateCol);
    let selection = this.selections.get(key);
    if (!selection) {
      selection = selectRows(this.data.rows, dateCol, this.ctx, filter);
      this.selections.set(key, selection);
    }
    const rowNumbers = selection.rows.map((i) => i + this.data.firstRow);
    const dates = this.column(key, selection, dateCol);
    const inputs: Record<string, unknown[][]> = {};
    const headers: Record<string, string[]> = {};
    const signs: Record<string, (1 | -1)[]> = {};
    for (const [name, cols] of Object.entries(inputCols)) {
      inputs[name] = cols.map((c) =>
        c.col === null ? selection.rows.map(() => 1) : this.column(key, selection, c.col),
      );
      headers[name] = cols.map((c) => c.header);
      signs[name] = cols.map((c) => c.sign);
    }
    return {
      table: {
        dates,
        inputs,
        headers: { dates: o.dateColumn, inputs: headers },
        rowNumbers,
        signs,
      },
      rows: selection.rows.length,
      leftOut: {
        totals: selection.totals,
        undated: selection.undated,
        filtered: selection.filtered,
      },
      dates,
    };
  }

  /** Column `col` of a selection's rows, built once per selection. */
  private column(key: string, selection: RowSelection, col: number): unknown[] {
    const k = `${key}#${col}`;
    let cells = this.columns.get(k);
    if (!cells) {
      const rows = this.data.rows;
      cells = selection.rows.map((i) => rows[i]?.[col] ?? "");
      this.columns.set(k, cells);
    }
    return cells;
  }
}
