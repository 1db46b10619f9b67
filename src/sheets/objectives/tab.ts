/**
 * The Objectives tab: one row per objective, found by developer metadata so that renaming the tab
 * loses nothing. Columns are read by their header, recognised in English or French, with the
 * documented order as the fallback for a renamed header; so reading never depends on the language
 * of whoever created the tab. Bad rows are reported and skipped, never rewritten.
 */

import { foldText, type Lang } from "../../contract/i18n.ts";
import type { Objective, RowProblem } from "../../contract/objectives.ts";
import { WRITTEN_WORDS } from "../../contract/rules/choice-words.ts";
import {
  fieldLabel,
  OBJECTIVE_FIELDS,
  ObjectiveError,
  type ObjectiveField,
} from "../../contract/rules/objective-rules.ts";
import { findKpi, KPIS } from "../../kpi/registry/index.ts";
import type { Unit } from "../../kpi/types.ts";
import { cellText, columnLetter, textCell } from "../workbook/cells.ts";
import { messages } from "../workbook/messages.ts";
import { findTaggedSheet, insertTaggedSheet, OBJECTIVES_KEY } from "../workbook/tabs.ts";
import {
  cellIsoDay,
  cellNumber,
  cellTimestamp,
  dateCell,
  formatFilter,
  formatInputs,
  parseFilter,
  parseInputs,
} from "./codec.ts";
import { validateObjective } from "./rules.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

// --- Column layout -------------------------------------------------------------------------

/** 0-based column of each field, in the tab as it is now; -1 for an optional column not there. */
export type Layout = Readonly<Record<ObjectiveField, number>>;

const DEFAULT_LAYOUT = Object.fromEntries(OBJECTIVE_FIELDS.map((f, i) => [f, i])) as Layout;

/**
 * Columns a tab made before them does not have: found by their header only, never by position
 * (the column there may be the team's), and added when an objective first needs one.
 */
const OPTIONAL_COLUMNS: ReadonlySet<ObjectiveField> = new Set(["filter"]);

/** The columns the tab has, in the layout's order of fields. */
export function presentColumns(layout: Layout): number[] {
  return OBJECTIVE_FIELDS.map((f) => layout[f]).filter((c) => c >= 0);
}

function normalizeHeader(v: unknown): string {
  return foldText(String(v ?? ""));
}

const HEADER_WORDS: ReadonlyMap<string, ObjectiveField> = new Map(
  OBJECTIVE_FIELDS.flatMap((f) =>
    [fieldLabel(f, "en"), fieldLabel(f, "fr"), f].map((w) => [normalizeHeader(w), f] as const),
  ),
);

/**
 * Where each field is. A header recognised (in either language) places its field; a field whose
 * header was renamed keeps its documented position, provided no other field's header sits there.
 */
export function layoutOf(header: readonly unknown[], lang: Lang): Layout {
  const found = new Map<ObjectiveField, number>();
  header.forEach((cell, col) => {
    const field = HEADER_WORDS.get(normalizeHeader(cell));
    if (field && !found.has(field)) found.set(field, col);
  });
  const claimed = new Set(found.values());
  const layout: Partial<Record<ObjectiveField, number>> = {};
  for (const field of OBJECTIVE_FIELDS) {
    const at = found.get(field);
    if (at !== undefined) {
      layout[field] = at;
      continue;
    }
    if (OPTIONAL_COLUMNS.has(field)) {
      layout[field] = -1;
      continue;
    }
    const fallback = DEFAULT_LAYOUT[field];
    if (claimed.has(fallback)) {
      throw new ObjectiveError(
        messages.t(lang, "headerMoved", {
          label: fieldLabel(field, lang),
          column: columnLetter(fallback),
        }),
        null,
      );
    }
    layout[field] = fallback;
  }
  return layout as Layout;
}

/** Fields a row must name to be the header: most of them, so no objective row ever passes. */
const HEADER_MIN_FIELDS = Math.ceil(OBJECTIVE_FIELDS.length / 2);

/** Index of the header row among `values`: the first naming most fields; -1 when none does. */
export function headerRowIndex(values: readonly (readonly unknown[])[]): number {
  return values.findIndex((row) => {
    const named = new Set<ObjectiveField>();
    for (const cell of row) {
      const field = HEADER_WORDS.get(normalizeHeader(cell));
      if (field) named.add(field);
    }
    return named.size >= HEADER_MIN_FIELDS;
  });
}

/** Runs of adjacent columns, as [first 0-based column, fields in order]; one write each. */
function runsOf(layout: Layout): { first: number; fields: ObjectiveField[] }[] {
  const sorted = OBJECTIVE_FIELDS.filter((f) => layout[f] >= 0).sort(
    (a, b) => layout[a] - layout[b],
  );
  const runs: { first: number; fields: ObjectiveField[] }[] = [];
  for (const f of sorted) {
    const last = runs[runs.length - 1];
    if (last && layout[f] === last.first + last.fields.length) last.fields.push(f);
    else runs.push({ first: layout[f], fields: [f] });
  }
  return runs;
}

// --- Reading -------------------------------------------------------------------------------

export interface StoredObjective {
  objective: Objective;
  /** 1-based row in the tab. */
  row: number;
}

/** The Objectives tab as read: where its columns are, its valid rows, and its bad ones. */
export interface StoreContent {
  /**
   * Set when the header is not in row 1 (deleted, or sorted into the rows): what to do about it.
   * The rows are still read, but nothing is written to the tab until it is mended.
   */
  headerProblem: string | null;
  layout: Layout;
  objectives: StoredObjective[];
  problems: RowProblem[];
}

function rawOfRow(cells: readonly unknown[], layout: Layout, timeZone: string, lang: Lang) {
  const at = (f: ObjectiveField) => (layout[f] < 0 ? "" : cells[layout[f]]);
  const str = (f: ObjectiveField) => cellText(at(f), timeZone);
  // The two cells written in a form of their own: unreadable text is reported, never guessed.
  const parsed = <T>(field: "filter" | "inputs", parse: (text: string) => T | undefined): T => {
    const text = str(field);
    const value = parse(text);
    if (value !== undefined) return value;
    throw new ObjectiveError(
      messages.t(lang, `${field}Unreadable`, {
        field: fieldLabel(field, lang),
        value: text.slice(0, 60),
      }),
      field,
    );
  };
  const filter = parsed("filter", parseFilter);
  const inputs = parsed("inputs", parseInputs);
  return {
    id: str("id").trim(),
    name: str("name"),
    kpiId: str("kpiId").trim(),
    channel: str("channel"),
    filter,
    sourceSheet: str("sourceSheet"),
    dateColumn: str("dateColumn"),
    inputs,
    direction: str("direction").trim().toLowerCase(),
    baseline: cellNumber(at("baseline")),
    target: cellNumber(at("target")),
    startDate: cellIsoDay(at("startDate"), timeZone),
    deadline: cellIsoDay(at("deadline"), timeZone),
    frequency: str("frequency").trim().toLowerCase(),
    owner: str("owner"),
    businessGoal: str("businessGoal"),
    notes: str("notes"),
    created: cellTimestamp(at("created")),
    updated: cellTimestamp(at("updated")),
  };
}

/** Parses the tab's values (header first): valid objectives, and a problem for each bad row. */
export function parseObjectiveRows(
  values: readonly (readonly unknown[])[],
  timeZone: string,
  lang: Lang,
  sheetName: string,
): StoreContent {
  const problems: RowProblem[] = [];
  const headerAt = headerRowIndex(values);
  let headerProblem: string | null = null;
  if (headerAt > 0) {
    headerProblem = messages.t(lang, "headerDisplaced", { sheet: sheetName, row: headerAt + 1 });
  } else if (headerAt < 0 && values.some((row) => row.some((v) => v !== "" && v !== null))) {
    headerProblem = messages.t(lang, "headerMissing", { sheet: sheetName });
  }
  if (headerProblem) problems.push({ row: Math.max(1, headerAt + 1), message: headerProblem });
  let layout: Layout;
  try {
    layout = headerAt < 0 ? DEFAULT_LAYOUT : layoutOf(values[headerAt] ?? [], lang);
  } catch (e) {
    return {
      headerProblem: errorText(e),
      layout: DEFAULT_LAYOUT,
      objectives: [],
      problems: [...problems, { row: headerAt + 1, message: errorText(e) }],
    };
  }
  const objectives: StoredObjective[] = [];
  const rowOfId = new Map<string, number>();
  // A row is an objective when one of our columns holds something: a note in a column the team
  // added beside the table is theirs, not a broken objective.
  const ours = presentColumns(layout);
  for (let i = 0; i < values.length; i++) {
    // Without a header, row 1 holds an objective: it is read like the others, never as a header.
    if (i === headerAt) continue;
    const cells = values[i] ?? [];
    if (ours.every((col) => cells[col] === "" || cells[col] === null || cells[col] === undefined)) {
      continue;
    }
    const row = i + 1;
    try {
      const raw = rawOfRow(cells, layout, timeZone, lang);
      if (raw.id === "") {
        throw new ObjectiveError(
          messages.t(lang, "idMissing", { field: fieldLabel("id", lang) }),
          "id",
        );
      }
      const first = rowOfId.get(raw.id);
      if (first !== undefined) {
        throw new ObjectiveError(
          messages.t(lang, "idDuplicate", {
            field: fieldLabel("id", lang),
            value: raw.id,
            row: first,
          }),
          "id",
        );
      }
      const valid = validateObjective(raw, lang);
      rowOfId.set(raw.id, row);
      objectives.push({
        row,
        objective: {
          ...valid,
          id: raw.id,
          channel: valid.channel ?? "",
          notes: valid.notes ?? "",
          created: raw.created,
          updated: raw.updated,
        },
      });
    } catch (e) {
      problems.push({ row, message: errorText(e) });
    }
  }
  return { headerProblem, layout, objectives, problems };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Reads the Objectives tab once (one getValues). An absent tab reads as empty. */
export function readObjectives(ss: Spreadsheet, timeZone: string, lang: Lang): StoreContent {
  const sheet = findTaggedSheet(ss, OBJECTIVES_KEY);
  if (!sheet) return { headerProblem: null, layout: DEFAULT_LAYOUT, objectives: [], problems: [] };
  return parseObjectiveRows(sheet.getDataRange().getValues(), timeZone, lang, sheet.getName());
}

// --- Writing -------------------------------------------------------------------------------

/** Number formats of the baseline and target cells, by KPI unit. */
function storedNumberFormat(unit: Unit): string {
  switch (unit) {
    case "percent":
      return "0.0#%";
    case "currency":
    case "ratio":
      return "#,##0.00";
    case "seconds":
      return '#,##0" s"';
    case "count":
      return "#,##0";
  }
}

const DATE_FORMAT = "yyyy-mm-dd";
const VALIDATED_ROWS = 100;
const TIMESTAMP_FORMAT = "yyyy-mm-dd hh:mm:ss";

function cellsOf(o: Objective, timeZone: string, lang: Lang): Record<ObjectiveField, unknown> {
  return {
    id: textCell(o.id),
    name: textCell(o.name),
    kpiId: textCell(o.kpiId),
    channel: textCell(o.channel),
    filter: textCell(formatFilter(o.filter)),
    sourceSheet: textCell(o.sourceSheet),
    dateColumn: textCell(o.dateColumn),
    inputs: textCell(formatInputs(o.inputs)),
    // The user's words (« plus haut », « mensuelle »): the rules read either language back.
    direction: textCell(WRITTEN_WORDS.direction[lang][o.direction]),
    baseline: o.baseline,
    target: o.target,
    startDate: dateCell(o.startDate, timeZone),
    deadline: dateCell(o.deadline, timeZone),
    frequency: textCell(WRITTEN_WORDS.frequency[lang][o.frequency]),
    owner: textCell(o.owner),
    businessGoal: textCell(o.businessGoal),
    notes: textCell(o.notes),
    created: new Date(o.created),
    updated: new Date(o.updated),
  };
}

function formatsOf(o: Objective): Partial<Record<ObjectiveField, string>> {
  const unitFormat = storedNumberFormat(findKpi(o.kpiId)?.unit ?? "ratio");
  return {
    baseline: unitFormat,
    target: unitFormat,
    startDate: DATE_FORMAT,
    deadline: DATE_FORMAT,
    created: TIMESTAMP_FORMAT,
    updated: TIMESTAMP_FORMAT,
  };
}

/**
 * Writes one objective on `row`, touching only the objective's own columns of that row: one
 * setValues (one per run of adjacent columns if someone inserted a column between ours), and the
 * number formats of the cells whose format depends on the KPI.
 */
export function writeObjectiveRow(
  sheet: Sheet,
  layout: Layout,
  row: number,
  o: Objective,
  timeZone: string,
  lang: Lang,
): void {
  const cells = cellsOf(o, timeZone, lang);
  const formats = formatsOf(o);
  for (const run of runsOf(layout)) {
    const range = sheet.getRange(row, run.first + 1, 1, run.fields.length);
    range.setValues([run.fields.map((f) => cells[f])]);
    // Text cells keep their format: only the adjacent cells that need one get it.
    let i = 0;
    while (i < run.fields.length) {
      let j = i;
      while (j < run.fields.length && formats[run.fields[j] as ObjectiveField] !== undefined) j++;
      if (j > i) {
        const part = run.fields.slice(i, j);
        sheet
          .getRange(row, run.first + 1 + i, 1, part.length)
          .setNumberFormats([part.map((f) => formats[f] as string)]);
      }
      i = Math.max(j, i + 1);
    }
  }
}

/**
 * The layout with the filter column, which a tab made before it lacks: its header is written in
 * `lang` in the first column right of everything in the tab, so no column of the team's moves.
 */
export function withFilterColumn(sheet: Sheet, layout: Layout, lang: Lang): Layout {
  if (layout.filter >= 0) return layout;
  const col = Math.max(sheet.getLastColumn(), ...presentColumns(layout).map((c) => c + 1));
  sheet
    .getRange(1, col + 1)
    .setValue(fieldLabel("filter", lang))
    .setFontWeight("bold")
    .setBackground("#f1f3f4");
  return { ...layout, filter: col };
}

/** Writes the header row in `lang`, bold and frozen; returns its range. */
export function writeHeaderRow(sheet: Sheet, lang: Lang): GoogleAppsScript.Spreadsheet.Range {
  const header = sheet.getRange(1, 1, 1, OBJECTIVE_FIELDS.length);
  header
    .setValues([OBJECTIVE_FIELDS.map((f) => fieldLabel(f, lang))])
    .setFontWeight("bold")
    .setBackground("#f1f3f4");
  sheet.setFrozenRows(1);
  return header;
}

/**
 * Creates the Objectives tab: header in the creator's language, bold and frozen, protected with a
 * warning; date columns formatted; drop-downs (warning only) on the coded columns. The active tab
 * stays the one the user was on: they are in the middle of the sidebar.
 */
export function createObjectivesSheet(ss: Spreadsheet, lang: Lang): Sheet {
  const previous = ss.getActiveSheet();
  const sheet = insertTaggedSheet(ss, messages.t(lang, "objectivesTab"), OBJECTIVES_KEY);
  const width = OBJECTIVE_FIELDS.length;
  const header = writeHeaderRow(sheet, lang);
  header.protect().setDescription(messages.t(lang, "objectivesTab")).setWarningOnly(true);
  // Drop-downs for the first rows only: enough for any team's objectives, and a rule per cell
  // for the whole tab would weigh on every copy of the workbook's state.
  const rows = Math.min(VALIDATED_ROWS, sheet.getMaxRows() - 1);
  // The creator's words first, then the other language's: a colleague writing in the other
  // language gets no invalid-value warning.
  const other: Lang = lang === "fr" ? "en" : "fr";
  const words = (field: "direction" | "frequency") => [
    ...Object.values(WRITTEN_WORDS[field][lang]),
    ...Object.values(WRITTEN_WORDS[field][other]),
  ];
  const lists: [ObjectiveField, readonly string[]][] = [
    ["kpiId", KPIS.map((k) => k.id)],
    ["direction", words("direction")],
    ["frequency", words("frequency")],
  ];
  for (const [field, list] of lists) {
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList([...list], true)
      .setAllowInvalid(true)
      .build();
    sheet.getRange(2, DEFAULT_LAYOUT[field] + 1, rows, 1).setDataValidation(rule);
  }
  sheet.setColumnWidths(1, width, 140);
  if (previous) previous.activate();
  return sheet;
}
