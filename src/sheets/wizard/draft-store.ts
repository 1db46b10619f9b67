/**
 * The objective being written in the wizard, kept in the user's properties so that closing the
 * sidebar does not lose it: one per user and spreadsheet (user properties span every document
 * the add-on runs in). The text is the sidebar's own; the server only bounds it.
 */
import { userLang } from "../workbook/locale.ts";
import { messages } from "../workbook/messages.ts";

/** Under the 9 KB a property value may hold, with room for the longest notes and goal. */
export const MAX_DRAFT_CHARS = 8000;

function draftKey(): string {
  return `kpiPilot.wizardDraft.${SpreadsheetApp.getActiveSpreadsheet().getId()}`;
}

/** The draft kept for this spreadsheet, or null. */
export function readWizardDraft(): string | null {
  return PropertiesService.getUserProperties().getProperty(draftKey());
}

/** Keeps the sidebar's draft (its own JSON text); refuses what is not text or too long. */
export function saveWizardDraft(text: unknown): void {
  if (typeof text !== "string" || text.length > MAX_DRAFT_CHARS) {
    throw new Error(messages.t(userLang(), "draftTooLong", { max: MAX_DRAFT_CHARS }));
  }
  PropertiesService.getUserProperties().setProperty(draftKey(), text);
}

/** Forgets the draft: once its objective is created, or when the user starts afresh. */
export function clearWizardDraft(): void {
  PropertiesService.getUserProperties().deleteProperty(draftKey());
}
