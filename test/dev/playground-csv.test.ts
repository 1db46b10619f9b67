import { describe, expect, it } from "vitest";
import {
  type CsvCell,
  type CsvDate,
  detectSeparator,
  parseCsv,
  parseNumber,
  sheetNameFromFile,
} from "../../src/sheets/import/csv.ts";

function ok(input: string | Uint8Array) {
  const result = parseCsv(input);
  if (!result.ok) throw new Error(`expected a parse, got ${JSON.stringify(result.error)}`);
  return result.csv;
}

function err(input: string | Uint8Array) {
  const result = parseCsv(input);
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.csv.rows)}`);
  return result.error;
}

const day = (y: number, m: number, d: number): Partial<CsvDate> => ({ y, m, d, hasTime: false });

function dateOf(cell: CsvCell | undefined): string {
  if (cell === null || typeof cell !== "object") throw new Error(`not a date: ${String(cell)}`);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${cell.y}-${p(cell.m)}-${p(cell.d)}${cell.hasTime ? ` ${p(cell.hh)}:${p(cell.mi)}:${p(cell.ss)}` : ""}`;
}

describe("separators and encodings", () => {
  it("reads a comma-separated file with ISO dates and dot decimals", () => {
    const csv = ok("date,sessions,revenue\n2025-03-01,120,45.5\n2025-03-02,98,12\n");
    expect(csv.separator).toBe(",");
    expect(csv.decimal).toBe(".");
    expect(csv.rows[0]).toEqual(["date", "sessions", "revenue"]);
    expect(csv.rows[1]?.[0]).toMatchObject(day(2025, 3, 1));
    expect(csv.rows[1]?.slice(1)).toEqual([120, 45.5]);
    expect(csv.kinds).toEqual(["date", "number", "number"]);
  });

  it("reads a French semicolon file: decimal commas, dd/mm/yyyy, a UTF-8 BOM", () => {
    const bytes = new TextEncoder().encode(
      "\ufeffDate;Visiteurs;Chiffre d'affaires;Taux\r\n01/03/2025;1 204;12,5;3,2 %\r\n15/03/2025;980;1 234,75;0,5 %\r\n",
    );
    const csv = ok(bytes);
    expect(csv.separator).toBe(";");
    expect(csv.decimal).toBe(",");
    expect(csv.dateOrder).toBe("dmy");
    expect(csv.rows[0]?.[0]).toBe("Date");
    expect(dateOf(csv.rows[1]?.[0])).toBe("2025-03-01");
    expect(dateOf(csv.rows[2]?.[0])).toBe("2025-03-15");
    expect(csv.rows[1]?.slice(1)).toEqual([1204, 12.5, 0.032]);
    expect(csv.rows[2]?.[2]).toBe(1234.75);
    expect(csv.rows[2]?.[3]).toBeCloseTo(0.005, 12);
    expect(csv.kinds).toEqual(["date", "number", "number", "percent"]);
  });

  it("reads the same file without a BOM identically", () => {
    const body = "Date;Clics\n01/03/2025;12,5\n";
    const withBom = ok(new TextEncoder().encode(`\ufeff${body}`));
    const without = ok(new TextEncoder().encode(body));
    expect(without.rows).toEqual(withBom.rows);
    expect(without.rows[0]?.[0]).toBe("Date");
  });

  it("falls back to Windows-1252 for Excel's ANSI exports", () => {
    // "Coût;Clics\n3,5;2\n" with "û" as the single byte 0xFB.
    const bytes = Uint8Array.from([
      0x43, 0x6f, 0xfb, 0x74, 0x3b, 0x43, 0x6c, 0x69, 0x63, 0x73, 0x0a, 0x33, 0x2c, 0x35, 0x3b,
      0x32, 0x0a,
    ]);
    const csv = ok(bytes);
    expect(csv.encoding).toBe("windows-1252");
    expect(csv.rows).toEqual([
      ["Coût", "Clics"],
      [3.5, 2],
    ]);
  });

  it("reads UTF-16 tab-separated text, as Excel's 'Unicode text' writes it", () => {
    const text = "Jour\tClics\n2025-01-02\t7\n";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    const csv = ok(bytes);
    expect(csv.separator).toBe("\t");
    expect(csv.rows[1]?.[1]).toBe(7);
  });

  it("honours Excel's sep= hint line", () => {
    const csv = ok("sep=;\na,b;c\n1,5;2\n");
    expect(csv.separator).toBe(";");
    expect(csv.rows).toEqual([
      ["a,b", "c"],
      [1.5, 2],
    ]);
  });

  it("detects the separator from regularity rather than frequency", () => {
    expect(detectSeparator('name;note\n"a, b, c";1\n"d, e";2\n')).toBe(";");
    expect(detectSeparator("a,b,c\n1,2,3\n")).toBe(",");
    expect(detectSeparator("a\tb\n1\t2\n")).toBe("\t");
  });
});

describe("quoted fields", () => {
  it("keeps separators, doubled quotes and line breaks inside quotes", () => {
    const csv = ok('campaign,notes,clicks\n"Spring, FR","said ""hi""\nthen left",12\nplain,,3\n');
    expect(csv.rows[1]).toEqual(["Spring, FR", 'said "hi"\nthen left', 12]);
    expect(csv.rows[2]).toEqual(["plain", null, 3]);
  });

  it("converts quoted numbers with thousands separators", () => {
    const csv = ok('day,cost\n2025-01-01,"1,234.56"\n2025-01-02,"12.5"\n');
    expect(csv.rows[1]?.[1]).toBe(1234.56);
    expect(csv.rows[2]?.[1]).toBe(12.5);
  });

  it("keeps identifiers with leading zeros as text", () => {
    const csv = ok("visitor,date\n00123,2025-01-01\n00456,2025-01-01\n");
    expect(csv.rows[1]?.[0]).toBe("00123");
    expect(csv.kinds[0]).toBe("text");
  });

  it("keeps formula-like text as text", () => {
    const csv = ok('name,value\n"=HYPERLINK(""x"")",1\n');
    expect(csv.rows[1]?.[0]).toBe('=HYPERLINK("x")');
  });
});

describe("dates and numbers", () => {
  it("reads month-first dates only when the file proves it", () => {
    const us = ok("date,clicks\n03/25/2025,1\n03/26/2025,2\n");
    expect(us.dateOrder).toBe("mdy");
    expect(dateOf(us.rows[1]?.[0])).toBe("2025-03-25");
    const ambiguous = ok("date;clics\n03/04/2025;1\n");
    expect(ambiguous.dateOrder).toBe("dmy");
    expect(dateOf(ambiguous.rows[1]?.[0])).toBe("2025-04-03");
  });

  it("reads date-times and GA4's compact dates under a date header", () => {
    const csv = ok(
      "Date,Hour,Sessions\n20250301,2025-03-01 14:30,5\n20250302,2025-03-02T09:05:07Z,6\n",
    );
    expect(dateOf(csv.rows[1]?.[0])).toBe("2025-03-01");
    expect(dateOf(csv.rows[1]?.[1])).toBe("2025-03-01 14:30:00");
    expect(csv.rows[2]?.[1]).toMatchObject({ offsetMinutes: 0, hh: 9, mi: 5, ss: 7 });
    expect(csv.kinds).toEqual(["date", "datetime", "number"]);
    // Without a date header, 20250301 is a number like any other.
    expect(ok("Order,Total\n20250301,5\n").rows[1]?.[0]).toBe(20250301);
  });

  it("does not invent impossible dates", () => {
    const csv = ok("date,n\n31/02/2025,1\n2025-13-01,2\n");
    expect(csv.rows[1]?.[0]).toBe("31/02/2025");
    expect(csv.rows[2]?.[0]).toBe("2025-13-01");
  });

  it("parses numbers by the file's decimal mark", () => {
    expect(parseNumber("12,5", ",")).toEqual({ value: 12.5, percent: false });
    expect(parseNumber("1 234,5", ",")?.value).toBe(1234.5);
    expect(parseNumber("1.234,5", ",")?.value).toBe(1234.5);
    expect(parseNumber("1,234.5", ".")?.value).toBe(1234.5);
    expect(parseNumber("-0.25", ".")?.value).toBe(-0.25);
    expect(parseNumber("1e3", ".")?.value).toBe(1000);
    expect(parseNumber("12 %", ",")).toEqual({ value: 0.12, percent: true });
    expect(parseNumber("€1,200.00", ".")).toEqual({ value: 1200, percent: false, currency: "€" });
    expect(parseNumber("45,90 €", ",")).toEqual({ value: 45.9, percent: false, currency: "€" });
    expect(parseNumber("1,2,3", ".")).toBeUndefined();
    expect(parseNumber("12,5", ".")).toBeUndefined();
    expect(parseNumber("abc", ".")).toBeUndefined();
    expect(parseNumber("1 234.567,8", ",")).toBeUndefined();
  });

  it("marks currency columns and keeps their symbol", () => {
    const csv = ok("Jour;Coût\n01/01/2025;12,50 €\n02/01/2025;8 €\n");
    expect(csv.kinds[1]).toBe("currency");
    expect(csv.currencies[1]).toBe("€");
    expect(csv.rows[1]?.[1]).toBe(12.5);
  });

  it("decides the decimal mark for the whole file", () => {
    // "1,500" alone is ambiguous; the other rows settle it as a decimal comma.
    const csv = ok('day,"value"\n2025-01-01,"1,500"\n2025-01-02,"2,25"\n2025-01-03,"0,5"\n');
    expect(csv.decimal).toBe(",");
    expect(csv.rows.slice(1).map((r) => r[1])).toEqual([1.5, 2.25, 0.5]);
  });
});

describe("malformed files", () => {
  it("refuses an empty file, a blank one and a BOM alone", () => {
    expect(err("").code).toBe("empty");
    expect(err(" \n\r\n ").code).toBe("empty");
    expect(err(Uint8Array.from([0xef, 0xbb, 0xbf])).code).toBe("empty");
  });

  it("refuses a header without data", () => {
    expect(err("date,clicks\n").code).toBe("headerOnly");
  });

  it("names the line of an unbalanced quote", () => {
    const e = err('a,b\n1,2\n"oops,3\n4,5\n');
    expect(e).toEqual({ code: "unbalancedQuote", line: 3 });
  });

  it("refuses rows wider than the header, naming the line", () => {
    const e = err("a,b\n1,2\n3,4,5\n");
    expect(e).toEqual({ code: "tooManyFields", line: 3, fields: 3, expected: 2 });
  });

  it("accepts short rows and trailing empty fields", () => {
    const csv = ok("a,b,c,\n1,2\n3,4,5,,\n");
    expect(csv.columns).toBe(3);
    expect(csv.rows.slice(1)).toEqual([
      [1, 2, null],
      [3, 4, 5],
    ]);
  });

  it("refuses binary files", () => {
    expect(err(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01])).code).toBe("binary");
  });
});

describe("sheet names", () => {
  it("derives a free tab name from the file name", () => {
    expect(sheetNameFromFile("C:\\exports\\ga4 [march].csv", [])).toBe("ga4 march");
    expect(sheetNameFromFile("/tmp/ads.csv", ["Ads"])).toBe("ads (2)");
    expect(sheetNameFromFile("ads.csv", ["ads", "ads (2)"])).toBe("ads (3)");
    expect(sheetNameFromFile(".csv", [])).toBe("CSV");
  });
});
