/**
 * The one entry: every global Apps Script calls, and nothing else. dev/build.ts turns each export
 * into a top-level function of dist/Code.js; anything exported here is callable from the sidebar
 * through google.script.run, so helpers stay in their modules.
 */
import { buildMenu, showHelpDialog } from "./sheets/menu.ts";

// Custom functions (=KPI_CONVERSION(…) and the rest, JSDoc generated from the registry); menu
// items (see MENU_ITEMS in ./sheets/menu.ts): buildDashboard, insertSampleData, showNewObjective,
// showObjectives, showSchedule, showImport; sidebar endpoints, each validating its arguments since the client is untrusted.
export * from "./sheets/custom-functions.ts";
export { buildDashboard } from "./sheets/dashboard/build.ts";
export { getImportContext, importExport, previewImport } from "./sheets/import/endpoints.ts";
export { deleteObjective, saveObjective } from "./sheets/objectives/endpoints.ts";
// The weekly review: the time-driven trigger's handler and the schedule panel's endpoints.
export {
  getReviewAlert,
  getSchedule,
  saveSchedule,
  sendTestDigest,
} from "./sheets/review/endpoints.ts";
export { runScheduledReview } from "./sheets/review/run.ts";
export { insertSampleData } from "./sheets/sample-data.ts";
export { listObjectives } from "./sheets/status/endpoints.ts";
export { previewBigQueryObjective, previewBigQueryScan } from "./sheets/wizard/bigquery-scan.ts";
export { getWizardContext, getWizardSheets } from "./sheets/wizard/describe.ts";
export { clearWizardDraft, saveWizardDraft } from "./sheets/wizard/draft-store.ts";
export { checkRealism, previewObjective } from "./sheets/wizard/endpoints.ts";
export {
  showImport,
  showNewObjective,
  showObjectives,
  showSchedule,
} from "./sheets/wizard/sidebar.ts";

/** Simple trigger; may run in AuthMode.NONE. */
export function onOpen(e?: unknown): void {
  void e; // the event is not needed: the menu is the same in every auth mode
  buildMenu();
}

/** Runs when the add-on is installed from the Marketplace, so the menu shows at once. */
export function onInstall(e: unknown): void {
  onOpen(e);
}

/** Menu: "Help". */
export function showHelp(): void {
  showHelpDialog();
}
