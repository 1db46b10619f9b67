/**
 * The help tab, opened from the menu's Help: what each column of the Objectives tab holds, and
 * every custom function with an example. A tab rather than a dialog, so that an example can be
 * copied into a cell and the help stays open beside the data. It is tagged, so Help rewrites its
 * own tab (in the reader's language) and never a tab of the user's that shares its name.
 *
 * The examples come from the functions' specs, the same source as docs/FUNCTIONS.md, written
 * with the separators of the spreadsheet's locale (`;` and decimal commas in French).
 */
import type { Lang } from "../contract/i18n.ts";
import { fieldLabel, OBJECTIVE_FIELDS } from "../contract/rules/objective-rules.ts";
import { usesDecimalComma } from "../kpi/cells.ts";
import { civilDay, isoDay } from "../kpi/days.ts";
import { exampleFormula, literal, localFormula, signature } from "../kpi/functions/formula-text.ts";
import { CUSTOM_FUNCTIONS } from "../kpi/functions/index.ts";
import { EXAMPLE_CONTEXT } from "../kpi/functions/spec.ts";
import { textCell } from "./workbook/cells.ts";
import { userLang } from "./workbook/locale.ts";
import { messages } from "./workbook/messages.ts";
import { findTaggedSheet, HELP_KEY, insertTaggedSheet } from "./workbook/tabs.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const WIDTH = 4;
const COLUMN_WIDTHS = [260, 420, 420, 160];

/** An example's result as the cell shows it before any number format; a table one row a line. */
function resultText(value: unknown, decimalComma: boolean): string {
  const one = (v: unknown): string => {
    if (v instanceof Date) return isoDay(civilDay(v, "UTC"));
    if (typeof v === "number") return localFormula(literal(v), decimalComma);
    return String(v);
  };
  if (Array.isArray(value)) {
    return (value as unknown[][]).map((row) => row.map(one).join("   ").trimEnd()).join("\n");
  }
  return one(value);
}

/** The rows of the help tab, each WIDTH cells wide, and the rows that are headings. */
export function helpRows(
  lang: Lang,
  locale: string,
): { rows: unknown[][]; headings: number[]; wide: number[] } {
  const t = (key: Parameters<typeof messages.t>[1]) => messages.t(lang, key);
  const comma = usesDecimalComma(locale);
  const rows: unknown[][] = [];
  const headings: number[] = [];
  // Paragraphs, merged across the tab's width rather than wrapped into its first column.
  const wide: number[] = [];
  const paragraph = (text: string) => {
    wide.push(rows.length);
    line(text);
  };
  const line = (...cells: string[]) => {
    rows.push(Array.from({ length: WIDTH }, (_, i) => textCell(cells[i] ?? "")));
  };
  const heading = (...cells: string[]) => {
    headings.push(rows.length);
    line(...cells);
  };
  heading(t("helpHeading"));
  paragraph(t("helpSteps"));
  line();
  heading(t("helpObjectivesHeading"));
  heading(t("helpColumn"), t("helpHolds"));
  for (const field of OBJECTIVE_FIELDS) {
    line(fieldLabel(field, lang), messages.t(lang, `helpField_${field}`));
  }
  line();
  heading(t("helpFunctionsHeading"));
  paragraph(t(comma ? "helpSeparatorsComma" : "helpSeparators"));
  heading(t("helpFunction"), t("helpComputes"), t("helpExample"), t("helpResult"));
  for (const spec of CUSTOM_FUNCTIONS) {
    const example = spec.examples[0];
    line(
      localFormula(signature(spec), comma),
      messages.t(lang, "helpComputesLine", {
        title: spec.title[lang],
        formula: spec.formula[lang],
      }),
      example ? localFormula(exampleFormula(spec, example), comma) : "",
      // Run in this spreadsheet's locale, so words in a result (a status) are the reader's.
      example ? resultText(spec.run({ ...EXAMPLE_CONTEXT, locale }, example.args), comma) : "",
    );
  }
  return { rows, headings, wide };
}

/**
 * Writes the help tab (its own tagged tab, or a new one) in the user's language, and shows it.
 * One write for the text, a few for its look.
 */
export function openHelpTab(ss: Spreadsheet): Sheet {
  const lang = userLang();
  const { rows, headings, wide } = helpRows(lang, ss.getSpreadsheetLocale());
  const sheet =
    findTaggedSheet(ss, HELP_KEY, { exact: true }) ??
    insertTaggedSheet(ss, messages.t(lang, "helpTab"), HELP_KEY);
  // A rewrite starts from a bare tab: the last version's merges too, since its rows may differ.
  sheet.getDataRange().breakApart();
  sheet.clear();
  const weights = rows.map((_, r) =>
    Array<GoogleAppsScript.Spreadsheet.FontWeight>(WIDTH).fill(
      headings.includes(r) ? "bold" : "normal",
    ),
  );
  sheet
    .getRange(1, 1, rows.length, WIDTH)
    .setValues(rows)
    .setFontWeights(weights)
    .setWrap(true)
    .setVerticalAlignment("top");
  for (const r of wide) sheet.getRange(r + 1, 1, 1, WIDTH).merge();
  COLUMN_WIDTHS.forEach((w, i) => {
    sheet.setColumnWidth(i + 1, w);
  });
  sheet.activate();
  ss.toast(
    messages.t(lang, "helpToast", { sheet: sheet.getName() }),
    messages.t(lang, "toastTitle"),
  );
  return sheet;
}
