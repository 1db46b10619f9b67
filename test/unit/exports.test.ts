/**
 * The exports of GA4, Google Ads, Brevo and Meta, en and fr, as downloaded: the parser finds the
 * header below their title and comment lines, leaves the total rows out, reads their numbers and
 * dates; the wizard's description of a tab holding the file as Sheets imports it (every line
 * kept) finds the same header and proposes the columns a marketer would map.
 */
import { describe, expect, it } from "vitest";
import { type CsvCell, isCsvDate, parseCsv } from "../../src/sheets/import/csv.ts";
import { describeTable } from "../../src/sheets/wizard/describe.ts";
import { EXPORTS, exportBytes } from "../fixtures/exports/facts.ts";

describe.each(EXPORTS)("$file", (facts) => {
  const parsed = parseCsv(exportBytes(facts.file));
  if (!parsed.ok) throw new Error(`${facts.file}: ${JSON.stringify(parsed.error)}`);
  const csv = parsed.csv;

  it("is read as written: header line, separator, decimal mark, dates, total rows", () => {
    expect(csv.headerLine).toBe(facts.headerLine);
    expect(csv.preamble).toHaveLength(facts.preambleLines);
    expect(csv.separator).toBe(facts.separator);
    expect(csv.decimal).toBe(facts.decimal);
    expect(csv.dateFormat).toBe(facts.dateFormat);
    expect(csv.rows).toHaveLength(1 + facts.dataRows);
    expect(csv.footers).toHaveLength(facts.totals);
    const header = csv.rows[0] as string[];
    expect(header).toContain(facts.dateColumn);
    const dateCol = header.indexOf(facts.dateColumn);
    // Every data row has a date; no total row does.
    for (const row of csv.rows.slice(1)) expect(row[dateCol]).toMatchObject({ y: 2026, m: 10 });
    for (const row of csv.footers) expect(typeof row[0]).toBe("string");
  });

  it("is described from the lines Sheets' own import keeps, with the columns to map", () => {
    // As Sheets' File ▸ Import writes it: the title and comment lines, then the table, then the
    // total rows; dates as Dates, numbers as numbers.
    const asText = (cells: readonly unknown[]) => cells.map((c) => (c === null ? "" : c));
    const toSheet = (c: CsvCell) =>
      isCsvDate(c) ? new Date(Date.UTC(c.y, c.m - 1, c.d, 12)) : c === null ? "" : c;
    const values = [
      ...csv.preamble.map(asText),
      ...csv.rows.map((r) => r.map(toSheet)),
      ...csv.footers.map((r) => r.map(toSheet)),
    ];
    const info = describeTable("Export", values, values.length, {
      timeZone: "UTC",
      locale: facts.locale,
    });
    expect(info?.headerRow).toBe(facts.preambleLines + 1);
    expect(info?.dateColumns[0]).toBe(facts.dateColumn);
    const suggestions = info?.suggestions[facts.kpiId] ?? {};
    const proposed = Object.fromEntries(
      Object.entries(suggestions)
        .filter(([, s]) => s.columns.length > 0)
        .map(([name, s]) => [name, s.columns]),
    );
    expect(proposed).toEqual(facts.mapping);
    for (const s of Object.values(suggestions)) expect(s.confidence).not.toBe("partial");
  });
});
