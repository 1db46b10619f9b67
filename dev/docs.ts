/**
 * docs/FUNCTIONS.md, rendered from the custom-function specs (and so from the KPI registry).
 * `npm run docs` writes it; a unit test fails when the file is stale.
 */

import { formatNumber } from "../src/kpi/cells.ts";
import { civilDay, isoDay } from "../src/kpi/days.ts";
import { argLiteral, exampleFormula, signature } from "../src/kpi/functions/formula-text.ts";
import { CUSTOM_FUNCTIONS } from "../src/kpi/functions/index.ts";
import type { CustomFunctionSpec, FunctionExample } from "../src/kpi/functions/spec.ts";
import { findKpi } from "../src/kpi/registry/index.ts";

const RULES = `## Rules every function follows

1. **Arguments.** Each argument is a single value or a range (of any shape).
2. **Blank cells** (\`""\`) are ignored.
3. **Numbers** are taken as they are. Text is accepted when it is a number written the common English or French way: thousands separated by a comma, a space, a no-break space (U+00A0) or a narrow no-break space (U+202F), as in \`"1,234.5"\` or \`"1 234,5"\`; a decimal comma, \`"12,5"\`; a trailing \`%\`, divided by 100; a currency sign € $ £ before or after. Where text is truly ambiguous (\`"1,234"\`), the spreadsheet's locale decides: 1234 in English, 1.234 in French. Anything else (words, TRUE/FALSE, a date where a number is expected) is an error naming the function, the argument, the cell (counted from 1, left to right then down) and the value, such as \`KPI_CTR: clicks, cell 3: "abc" is not a number\`. Errors are in French when the spreadsheet's locale is French.
4. **Signs.** Counts, costs and durations must not be negative; a negative one is an error naming the cell. Revenue and the values of KPI_GROWTH, KPI_PROGRESS, KPI_FORECAST and KPI_SERIES may be negative.
5. **Total mode** (the default). Each argument is summed over all its cells, and a rate is the sum of the numerator over the sum of the denominator: the ratio of sums, never the mean of per-row ratios. If every input cell is blank, the result is \`""\`. If the denominator sums to 0 otherwise, it is an error naming the argument. Ranges that cover different numbers of rows (\`KPI_CONVERSION(B2:B4, C2:C3)\`) are an error naming both arguments and their rows, since they would sum mismatched rows; a single cell (a total typed by hand) may go with a range.
6. **Rows mode.** A last argument \`"rows"\` (any case) gives one value per row, spilling down: the ranges must have the same number of rows, each row is summed across its columns, and a row whose denominator is blank or 0 gives \`""\` rather than an error. A row with a denominator but a blank numerator gives 0: exports leave a zero count blank (a day with 20 visitors and no conversion), and \`""\` would drop that row from a chart or an average. \`"total"\` selects the default mode explicitly.
7. **Results.** Rates are fractions (0.034 means 3.4%: format the cell as a percentage). Durations are in seconds; money is in the sheet's own units. A result beyond the largest number (±1.8e308, as in \`KPI_GROWTH(1e308, -1e308)\`) is an error naming the function, and the row in a table, never Infinity.

Dates (in KPI_UNIQUE_VISITORS, KPI_FORECAST, KPI_STATUS, KPI_SERIES, KPI_ANOMALIES) are compared as calendar days in the spreadsheet's time zone. A date may be a date cell, text \`YYYY-MM-DD\`, or a date serial number of a day from year 1 to 9999; a larger number (1e8, a count in the wrong column) is an error naming the cell.
`;

/** A result as the cell shows it: dates as YYYY-MM-DD, tables one row per line. */
function shown(v: unknown): string {
  if (v instanceof Date) return isoDay(civilDay(v, "UTC"));
  if (typeof v === "number") return formatNumber(v);
  if (v === "") return '""';
  if (typeof v === "string") return JSON.stringify(v);
  return String(v);
}

function percentHint(spec: CustomFunctionSpec, v: unknown): string {
  if (typeof v !== "number") return "";
  const unit = spec.kpiId ? findKpi(spec.kpiId)?.unit : undefined;
  const isRate = unit === "percent" || ["KPI_GROWTH", "KPI_PROGRESS"].includes(spec.name);
  return isRate ? ` (${formatNumber(Math.round(v * 1e8) / 1e6)}%)` : "";
}

function renderExample(spec: CustomFunctionSpec, ex: FunctionExample): string {
  const lines: string[] = [];
  if (ex.note) lines.push(ex.note.en, "");
  lines.push("```", ex.formula, "```", "");
  lines.push("| argument | value |", "|---|---|");
  ex.args.forEach((a, i) => {
    const name = spec.params[i]?.name ?? `argument ${i + 1}`;
    const value = a === undefined ? "(omitted)" : `\`${argLiteral(a).replace(/\|/g, "\\|")}\``;
    lines.push(`| \`${name}\` | ${value} |`);
  });
  lines.push("");
  if (Array.isArray(ex.result)) {
    lines.push("Result (spills):", "");
    const rows = ex.result as unknown[][];
    const width = rows[0]?.length ?? 1;
    const header =
      width === 2 ? ["period start", "value"] : Array.from({ length: width }, () => "value");
    lines.push(`| ${header.join(" | ")} |`, `|${"---|".repeat(width)}`);
    for (const row of rows) lines.push(`| ${row.map(shown).join(" | ")} |`);
  } else {
    lines.push(`Result: \`${shown(ex.result)}\`${percentHint(spec, ex.result)}`);
  }
  const inline = exampleFormula(spec, ex);
  lines.push(
    "",
    `To try it without data, type \`${inline}\` (in a sheet with English separators).`,
  );
  return lines.join("\n");
}

function renderFunction(spec: CustomFunctionSpec): string {
  const kpi = spec.kpiId ? findKpi(spec.kpiId) : undefined;
  const lines = [
    `## ${spec.name}`,
    "",
    `**${spec.title.en}** — in French: *${spec.title.fr}*${kpi ? ` — KPI id \`${kpi.id}\`` : ""}`,
    "",
    "```",
    signature(spec),
    "```",
    "",
    `Formula: ${spec.formula.en}`,
    "",
    spec.doc.en,
    "",
  ];
  if (kpi) {
    const direction = kpi.direction === "higher" ? "higher is better" : "lower is better";
    lines.push(`Unit: ${kpi.unit}; ${direction}.`, "");
  }
  lines.push("| parameter | | description |", "|---|---|---|");
  for (const p of spec.params) {
    lines.push(`| \`${p.name}\` | ${p.optional ? "optional" : "required"} | ${p.description} |`);
  }
  lines.push("", `Returns: ${spec.returns}`, "");
  spec.examples.forEach((ex, i) => {
    lines.push(spec.examples.length > 1 ? `### Example ${i + 1}` : "### Example", "");
    lines.push(renderExample(spec, ex), "");
  });
  return lines.join("\n");
}

export function renderFunctionsMarkdown(): string {
  const index = [
    "| function | computes | en français |",
    "|---|---|---|",
    ...CUSTOM_FUNCTIONS.map(
      (s) => `| [${s.name}](#${s.name.toLowerCase()}) | ${s.title.en} | ${s.title.fr} |`,
    ),
  ].join("\n");
  const parts = [
    "# KPI Pilot custom functions",
    "",
    "<!-- Generated from src/kpi/registry/*.ts and src/kpi/functions/*.ts by `npm run docs`. Do not edit. -->",
    "",
    "Type these in any cell once KPI Pilot is installed. Sheets shows each function's help as you type.",
    "",
    index,
    "",
    RULES,
    ...CUSTOM_FUNCTIONS.map(renderFunction),
  ];
  return `${parts
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
