/**
 * Opens the wizard sidebar from the menu. dist/Sidebar.html is one self-contained page; the
 * server tells it which view to open and in which language by rewriting its <html> tag, so the
 * first paint is already right and the page needs no extra round trip to know.
 */
import type { Lang } from "../../contract/i18n.ts";
import { userLang } from "../workbook/locale.ts";
import { messages } from "../workbook/messages.ts";

export type SidebarView = "new" | "list" | "schedule" | "import";

const TITLES = {
  new: "sidebarTitleNew",
  list: "sidebarTitleList",
  schedule: "sidebarTitleSchedule",
  import: "sidebarTitleImport",
} as const;

/** The <html> tag of sidebar/index.html as built; a test keeps the two in step. */
export const SIDEBAR_HTML_TAG = '<html lang="en" data-view="new">';
export const SIDEBAR_WIDTH = 300;

/** The page for `view` in `lang`: the built page with its <html> tag rewritten. */
export function sidebarPage(html: string, view: SidebarView, lang: Lang): string {
  if (!html.includes(SIDEBAR_HTML_TAG)) {
    throw new Error(messages.t(lang, "buildMissing"));
  }
  return html.replace(SIDEBAR_HTML_TAG, () => `<html lang="${lang}" data-view="${view}">`);
}

function openSidebar(view: SidebarView): void {
  const lang = userLang();
  const output = HtmlService.createHtmlOutputFromFile("Sidebar");
  output
    .setContent(sidebarPage(output.getContent(), view, lang))
    .setTitle(messages.t(lang, TITLES[view]))
    .setWidth(SIDEBAR_WIDTH);
  SpreadsheetApp.getUi().showSidebar(output);
}

/** Menu: "New objective…". */
export function showNewObjective(): void {
  openSidebar("new");
}

/** Menu: "Objectives…". */
export function showObjectives(): void {
  openSidebar("list");
}

/** Menu: "Schedule and e-mail…". */
export function showSchedule(): void {
  openSidebar("schedule");
}

/** Menu: "Import an export…". */
export function showImport(): void {
  openSidebar("import");
}
