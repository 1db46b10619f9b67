import type { Lang } from "../contract/i18n.ts";
import { openHelpTab } from "./help.ts";
import { userLang } from "./workbook/locale.ts";
import { messages } from "./workbook/messages.ts";

/**
 * The add-on menu, in order, with the top-level function each item calls. The bundle test
 * checks that every one of these names is an entry point of dist/Code.js.
 */
export const MENU_ITEMS = [
  { key: "menuNewObjective", functionName: "showNewObjective" },
  { key: "menuObjectives", functionName: "showObjectives" },
  { key: "menuBuildDashboard", functionName: "buildDashboard" },
  { key: "menuImport", functionName: "showImport" },
  { key: "menuSchedule", functionName: "showSchedule" },
  { key: "menuInsertSampleData", functionName: "insertSampleData" },
  { key: "menuHelp", functionName: "showHelp" },
] as const;

/**
 * The menu's language. In AuthMode.NONE (a document opened before the add-on is authorized) the
 * user's locale should be readable, but if this runtime refuses it the menu must still appear,
 * so it falls back to English and says why in the execution log.
 */
function menuLang(): Lang {
  try {
    return userLang();
  } catch (error) {
    console.warn(
      `KPI Pilot: the user's locale is not available here (${String(error)}); menu in English`,
    );
    return "en";
  }
}

/**
 * Builds the menu. Runs in AuthMode.NONE on open for an installed add-on, so it uses no service
 * beyond the Ui and the user's locale.
 */
export function buildMenu(): void {
  const lang = menuLang();
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item.key === "menuHelp") menu.addSeparator();
    menu.addItem(messages.t(lang, item.key), item.functionName);
  }
  menu.addToUi();
}

/** Help: writes and shows the help tab (see help.ts). */
export function showHelpDialog(): void {
  openHelpTab(SpreadsheetApp.getActiveSpreadsheet());
}
