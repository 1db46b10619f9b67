/**
 * The tabs KPI Pilot owns (Objectives, dashboard), found by developer metadata so that renaming a
 * tab loses nothing, and new tabs named without clashing with the user's.
 */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Developer-metadata keys of the tabs KPI Pilot owns. */
export const OBJECTIVES_KEY = "kpiPilot.objectives";
export const DASHBOARD_KEY = "kpiPilot.dashboard";
export const HELP_KEY = "kpiPilot.help";

/**
 * The tab tagged with `key`. The tag's value is the tab's own sheet id, so that when a tagged tab
 * has been duplicated (copies may carry the tag), the original is the one found.
 *
 * With `exact`, only that original counts: a copy left alone after the original was deleted is
 * the user's tab now (a snapshot of last month's dashboard, say), which a rebuild must not clear.
 * The original is looked up by the id the tag names, which costs no more calls than locating it.
 */
export function findTaggedSheet(
  ss: Spreadsheet,
  key: string,
  options: { exact?: boolean } = {},
): Sheet | null {
  // Our keys are only ever put on sheets, so no location filter (one call fewer per lookup).
  const found = ss.createDeveloperMetadataFinder().withKey(key).find();
  if (found.length === 0) return null;
  if (options.exact) {
    for (const md of found) {
      const id = Number(md.getValue());
      const sheet = Number.isSafeInteger(id) ? ss.getSheetById(id) : null;
      if (sheet) return sheet;
    }
    return null;
  }
  const sheets: { sheet: Sheet; value: string | null }[] = [];
  for (const md of found) {
    const sheet = md.getLocation().getSheet();
    if (sheet) sheets.push({ sheet, value: found.length > 1 ? md.getValue() : null });
  }
  if (sheets.length <= 1) return sheets[0]?.sheet ?? null;
  const original = sheets.find((s) => s.value === String(s.sheet.getSheetId()));
  return (original ?? sheets[0])?.sheet ?? null;
}

/** The ids of KPI Pilot's own tabs (Objectives, dashboard, help): never a source of data. */
export function ownSheetIds(ss: Spreadsheet): Set<number> {
  const ids = new Set<number>();
  for (const key of [OBJECTIVES_KEY, DASHBOARD_KEY, HELP_KEY]) {
    const sheet = findTaggedSheet(ss, key);
    if (sheet) ids.add(sheet.getSheetId());
  }
  return ids;
}

/** `base`, or `base (2)`, `base (3)`…: the first name that getSheetByName finds no tab for. */
export function uniqueSheetName(ss: Spreadsheet, base: string): string {
  let name = base;
  for (let n = 2; ss.getSheetByName(name); n++) name = `${base} (${n})`;
  return name;
}

/**
 * A new tab named `base` or a free variant, at `index`. Sheets refuses a name that differs from an
 * existing tab's only by case ("kpi dashboard"), which a lookup by name may not see; then the
 * name is chosen again among all the tabs' names, ignoring case. The usual case costs one lookup.
 */
export function insertSheetNamed(ss: Spreadsheet, base: string, index: number): Sheet {
  try {
    return ss.insertSheet(uniqueSheetName(ss, base), index);
  } catch {
    const taken = new Set(ss.getSheets().map((s) => s.getName().toLowerCase()));
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    return ss.insertSheet(name, index);
  }
}

/** A new tab named `base` (or a free variant), tagged with `key`, at `index` (default: last). */
export function insertTaggedSheet(
  ss: Spreadsheet,
  base: string,
  key: string,
  index?: number,
): Sheet {
  const sheet = insertSheetNamed(ss, base, index ?? ss.getNumSheets());
  sheet.addDeveloperMetadata(key, String(sheet.getSheetId()));
  return sheet;
}
