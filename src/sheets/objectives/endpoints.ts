/**
 * The sidebar's endpoints for objectives (exported by src/main.ts). Whatever the client sends is
 * validated here again: types, lengths, the KPI and its inputs, the source tab and its headers,
 * dates, numbers. Errors are thrown with a message in the user's language that names the field,
 * which google.script.run hands to the sidebar's failure handler as it is.
 */
import type { Lang } from "../../contract/i18n.ts";
import type { Objective, ObjectiveInput, ObjectiveList } from "../../contract/objectives.ts";
import { evaluateWorkbook, readWorkbook } from "../dashboard/build.ts";
import { summaryOf } from "../status/evaluate.ts";
import { userLang } from "../workbook/locale.ts";
import { withDocumentLock } from "../workbook/lock.ts";
import { messages } from "../workbook/messages.ts";
import { cellText } from "./codec.ts";
import { fieldError, objectiveId, validateObjectiveFields } from "./rules.ts";
import {
  createObjectivesSheet,
  findTaggedSheet,
  type Layout,
  OBJECTIVES_KEY,
  ownSheetIds,
  parseObjectiveRows,
  type StoreContent,
  writeObjectiveRow,
} from "./tab.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SAVE_LOCK_WAIT_MS = 10_000;

/** Runs `body` under the document lock, or says another save or build is holding it. */
function underSaveLock<T>(lang: Lang, body: () => T): T {
  return withDocumentLock(
    SAVE_LOCK_WAIT_MS,
    () => {
      throw new Error(messages.t(lang, "busySave"));
    },
    body,
  );
}

/** The tab's column layout from its header row; throws the header's problem if it has one. */
function layoutOrThrow(parsed: StoreContent): Layout {
  const headerProblem = parsed.problems.find((p) => p.row === 1);
  if (headerProblem) throw new Error(headerProblem.message);
  return parsed.layout;
}

/**
 * Checks the objective against the spreadsheet: the source tab exists and is not one of ours, and
 * every header it names is in its row 1. Returns the objective with headers spelled as the tab
 * spells them (a case-insensitive match is accepted and corrected).
 */
function checkAgainstSheet(ss: Spreadsheet, input: ObjectiveInput, lang: Lang): ObjectiveInput {
  const source = ss.getSheetByName(input.sourceSheet);
  if (!source) fieldError(lang, "sourceSheet", "noSuchSheet", { value: input.sourceSheet });
  if (ownSheetIds(ss).has(source.getSheetId())) {
    fieldError(lang, "sourceSheet", "ownSheet", { value: input.sourceSheet });
  }
  const lastColumn = source.getLastColumn();
  if (lastColumn < 1) fieldError(lang, "sourceSheet", "sheetEmpty", { value: input.sourceSheet });
  const timeZone = ss.getSpreadsheetTimeZone();
  const headers = (source.getRange(1, 1, 1, lastColumn).getValues()[0] ?? []).map((h) =>
    cellText(h, timeZone).trim(),
  );
  const canonical = (field: "dateColumn" | "inputs", header: string): string => {
    if (headers.includes(header)) return header;
    const folded = headers.find((h) => h !== "" && h.toLowerCase() === header.toLowerCase());
    if (folded !== undefined) return folded;
    return fieldError(lang, field, "noSuchColumn", { value: header, sheet: input.sourceSheet });
  };
  const inputs: Record<string, string[]> = {};
  for (const [name, list] of Object.entries(input.inputs)) {
    inputs[name] = list.map((h) => canonical("inputs", h));
  }
  return { ...input, dateColumn: canonical("dateColumn", input.dateColumn), inputs };
}

function newId(taken: ReadonlySet<string>): string {
  for (;;) {
    let id = "obj-";
    for (let i = 0; i < 8; i++)
      id += "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(Math.random() * 36)];
    if (!taken.has(id)) return id;
  }
}

/** An ISO timestamp to the second: what a date-time cell keeps. */
function timestamp(now: Date): string {
  return new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString();
}

/** saveObjective with an injectable clock and spreadsheet, for tests. */
export function saveObjectiveIn(ss: Spreadsheet, raw: unknown, lang: Lang, now: Date): Objective {
  const input = checkAgainstSheet(ss, validateObjectiveFields(raw, lang), lang);
  return underSaveLock(lang, () => {
    const timeZone = ss.getSpreadsheetTimeZone();
    const found = findTaggedSheet(ss, OBJECTIVES_KEY);
    if (!found && input.id) throw new Error(messages.t(lang, "notFound", { value: input.id }));
    const sheet = found ?? createObjectivesSheet(ss, lang);
    // Re-read under the lock: rows may have moved or been deleted since the sidebar loaded.
    const values = sheet.getDataRange().getValues();
    const parsed = parseObjectiveRows(values, timeZone, lang);
    const layout = layoutOrThrow(parsed);
    const idColumn = layout.id;
    const rowOfId = new Map<string, number>();
    values.forEach((cells, i) => {
      const id = i === 0 ? "" : cellText(cells[idColumn], timeZone).trim();
      if (id !== "" && !rowOfId.has(id)) rowOfId.set(id, i + 1);
    });
    const stamp = timestamp(now);
    let row: number;
    let id: string;
    let created = stamp;
    if (input.id) {
      const existingRow = rowOfId.get(input.id);
      if (existingRow === undefined) {
        throw new Error(messages.t(lang, "notFound", { value: input.id }));
      }
      row = existingRow;
      id = input.id;
      const existing = parsed.objectives.find((s) => s.row === existingRow);
      if (existing?.objective.created) created = existing.objective.created;
    } else {
      id = newId(new Set(rowOfId.keys()));
      row = Math.max(values.length, sheet.getLastRow()) + 1;
    }
    const objective: Objective = {
      ...input,
      id,
      channel: input.channel ?? "",
      notes: input.notes ?? "",
      created,
      updated: stamp,
    };
    writeObjectiveRow(sheet, layout, row, objective, timeZone);
    return objective;
  });
}

/** deleteObjective with an injectable spreadsheet, for tests. */
export function deleteObjectiveIn(
  ss: Spreadsheet,
  rawId: unknown,
  lang: Lang,
): { deleted: string } {
  const id = objectiveId(rawId, lang);
  return underSaveLock(lang, () => {
    const sheet = findTaggedSheet(ss, OBJECTIVES_KEY);
    if (!sheet) throw new Error(messages.t(lang, "notFound", { value: id }));
    const timeZone = ss.getSpreadsheetTimeZone();
    // The row is looked up now, under the lock: the id, not a row number from the client, decides.
    const values = sheet.getDataRange().getValues();
    const layout = layoutOrThrow(parseObjectiveRows(values.slice(0, 1), timeZone, lang));
    const index = values.findIndex(
      (cells, i) => i > 0 && cellText(cells[layout.id], timeZone).trim() === id,
    );
    if (index < 0) throw new Error(messages.t(lang, "notFound", { value: id }));
    sheet.deleteRow(index + 1);
    return { deleted: id };
  });
}

/** listObjectives with an injectable clock and spreadsheet, for tests. */
export function listObjectivesIn(ss: Spreadsheet, lang: Lang, now: Date): ObjectiveList {
  const wb = readWorkbook(ss, lang, now);
  return {
    objectives: evaluateWorkbook(wb, lang).map((e) => summaryOf(e, lang)),
    problems: wb.problems,
  };
}

/** Sidebar: every readable objective with where it stands, and the rows that could not be read. */
export function listObjectives(): ObjectiveList {
  return listObjectivesIn(SpreadsheetApp.getActiveSpreadsheet(), userLang(), new Date());
}

/** Sidebar: creates (no id) or updates (known id) an objective; returns it as stored. */
export function saveObjective(o: unknown): Objective {
  return saveObjectiveIn(SpreadsheetApp.getActiveSpreadsheet(), o, userLang(), new Date());
}

/** Sidebar: deletes the objective with this id (the user confirmed it in the sidebar). */
export function deleteObjective(id: unknown): { deleted: string } {
  return deleteObjectiveIn(SpreadsheetApp.getActiveSpreadsheet(), id, userLang());
}
