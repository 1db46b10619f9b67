/**
 * The objective in progress, kept per user and per spreadsheet in the user's properties.
 */
import { afterEach, describe, expect, it } from "vitest";
import { getWizardContext } from "../../../src/sheets/wizard/describe.ts";
import {
  clearWizardDraft,
  MAX_DRAFT_CHARS,
  saveWizardDraft,
} from "../../../src/sheets/wizard/draft-store.ts";
import { installEmulator } from "../helpers.ts";

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

describe("the wizard's draft", () => {
  it("is kept, offered with the context, and forgotten", () => {
    ({ uninstall } = installEmulator({ userLocale: "en" }));
    expect(getWizardContext().savedDraft).toBeNull();
    saveWizardDraft('{"v":1}');
    expect(getWizardContext().savedDraft).toBe('{"v":1}');
    const keys = PropertiesService.getUserProperties().getKeys();
    // One per spreadsheet: user properties follow the user into every document.
    expect(keys).toEqual([`kpiPilot.wizardDraft.${SpreadsheetApp.getActiveSpreadsheet().getId()}`]);
    clearWizardDraft();
    expect(getWizardContext().savedDraft).toBeNull();
  });

  it("refuses what is not text, or too long to keep, and keeps the previous one", () => {
    ({ uninstall } = installEmulator({ userLocale: "fr" }));
    saveWizardDraft("ok");
    expect(() => saveWizardDraft("x".repeat(MAX_DRAFT_CHARS + 1))).toThrow(
      "L'objectif en cours est trop long pour être gardé (plus de 8000 caractères)",
    );
    expect(() => saveWizardDraft({ v: 1 })).toThrow(/trop long/);
    expect(getWizardContext().savedDraft).toBe("ok");
  });
});
