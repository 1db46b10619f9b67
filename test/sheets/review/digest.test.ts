/**
 * What the digest says, in English and in French: the headline, every objective with its status
 * word and reason, what changed since the last review, a chart per objective needing attention,
 * the link; nothing from an invalid row; names escaped.
 */
import { inflateSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import type { SentMail } from "../../../dev/emulator/index.ts";
import type { ScheduleInput } from "../../../src/contract/schedule.ts";
import { dayFromParts, dayToDate } from "../../../src/kpi/days.ts";
import { saveObjective } from "../../../src/sheets/objectives/endpoints.ts";
import { saveSchedule, sendTestDigest } from "../../../src/sheets/review/endpoints.ts";
import { runScheduledReview } from "../../../src/sheets/review/run.ts";
import { generateSampleData } from "../../../src/sheets/sample-data.ts";
import { OBJECTIVES_KEY } from "../../../src/sheets/workbook/tabs.ts";
import {
  type Emulator,
  installEmulator,
  sampleObjectives,
  taggedSheet,
  writeSampleTab,
} from "../helpers.ts";

const END = dayFromParts(2027, 6, 10) as number;
const MONDAY_EARLY = new Date("2027-06-14T04:00:00Z");

let emu: Emulator;
let uninstall: () => void;
afterEach(() => uninstall());

function setUp(lang: "en" | "fr") {
  ({ emu, uninstall } = installEmulator({
    userLocale: lang === "fr" ? "fr_FR" : "en_US",
    locale: lang === "fr" ? "fr_FR" : "en_US",
  }));
  const tab = lang === "fr" ? "Données d'exemple" : "Sample data";
  writeSampleTab(tab, lang, END);
  for (const o of sampleObjectives(lang, tab)) saveObjective(o);
  emu.setNow(MONDAY_EARLY);
  emu.setTriggerRunner((_h, e) => runScheduledReview(e));
  const input: ScheduleInput = {
    enabled: true,
    day: "MONDAY",
    hour: 8,
    recipients: "boss@example.com",
    lang,
    owners: [],
  };
  saveSchedule(input);
  return tab;
}

/**
 * Appends the week after END, which completes the week of 7 June; `likes` multiplies the likes of
 * its last three days (11–13 June), planting a spike (or a dip) in that week's engagement.
 */
function appendWeekOfData(tab: string, likes = 1): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab)!;
  const data = generateSampleData(END + 7, "en", { startDay: END + 1, visits: false });
  const col = data.headers.indexOf("Likes");
  expect(col).toBeGreaterThan(0);
  const rows = data.rows.map((r) => {
    const row = [dayToDate(r[0] as number, "Europe/Paris"), ...r.slice(1)];
    if ((r[0] as number) <= END + 3) row[col] = Math.round((r[col] as number) * likes);
    return row;
  });
  sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, rows[0]!.length).setValues(rows);
}

/** The digest's table rows: objective, status word, reason, as an HTML parser would read them. */
function tableRows(
  mail: SentMail,
): { name: string; status: string; word: string; reason: string }[] {
  const rows = [...(mail.htmlBody ?? "").matchAll(/<tr data-objective="[^"]*">(.*?)<\/tr>/g)];
  return rows.map((m) => {
    const cells = [...(m[1] ?? "").matchAll(/<td([^>]*)>(.*?)<\/td>/g)];
    return {
      name: cells[0]?.[2] ?? "",
      status: /data-status="([^"]*)"/.exec(cells[1]?.[1] ?? "")?.[1] ?? "",
      word: cells[1]?.[2] ?? "",
      reason: cells[2]?.[2] ?? "",
    };
  });
}

/** The items of the digest's "what changed since the review of …" list. */
function changesOf(mail: SentMail): string[] {
  const list = /What changed since the review of [^<]*<\/h2><ul[^>]*>(.*?)<\/ul>/.exec(
    mail.htmlBody ?? "",
  );
  return [...(list?.[1] ?? "").matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1] ?? "");
}

const NAMES = [
  "Website conversion rate",
  "Newsletter open rate",
  "Bounce rate",
  "Paid search CPA",
  "Social engagement",
];

describe("the digest in English", () => {
  it("names each objective with its status word and reason, and says it is the first review", () => {
    setUp("en");
    emu.advanceClock("next-trigger");
    const mail = emu.outbox[0]!;
    expect(mail.subject).toMatch(/^KPI review, week of 14 Jun: \d of 5 on track$/);
    expect(mail.name).toBe("KPI Pilot");
    const rows = tableRows(mail);
    expect(rows.map((r) => r.name)).toEqual(NAMES);
    const words: Record<string, string> = {
      achieved: "Achieved",
      on_track: "On track",
      at_risk: "At risk",
      off_track: "Off track",
      missed: "Missed",
    };
    for (const r of rows) {
      expect(words[r.status], r.name).toBe(r.word);
      expect(r.reason.length, r.name).toBeGreaterThan(0);
    }
    const html = mail.htmlBody!;
    expect(html).toContain("objectives on track or achieved");
    expect(html).toContain("This is the first review: the next one will say what changed.");
    expect(html).toContain(`href="${SpreadsheetApp.getActiveSpreadsheet().getUrl()}"`);
    expect(html).not.toMatch(/<style|class=/);
    for (const name of NAMES) expect(mail.body).toContain(`• ${name}: `);
    // Money in the spreadsheet's currency (en_US), in the reason and the values line.
    expect(mail.body).toContain(
      "the trend points to $6.40 by 31 December 2027 (80% range $6.14 to $6.67; target $6.00)",
    );
    expect(mail.body).toContain("  Q1 2027: $7.04 (target $6.00, forecast $6.40 ($6.14 – $6.67))");
    // One chart per objective needing attention, each a real PNG the HTML points at.
    const attention = rows.filter((r) => ["at_risk", "off_track", "missed"].includes(r.status));
    expect(attention.length).toBeGreaterThan(0);
    expect(Object.keys(mail.inlineImages)).toHaveLength(attention.length);
    for (const [cid, img] of Object.entries(mail.inlineImages)) {
      expect(html).toContain(`src="cid:${cid}"`);
      expect(img.contentType).toBe("image/png");
      expect([...img.bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const idat = Buffer.from(img.bytes).indexOf("IDAT");
      const length = Buffer.from(img.bytes).readUInt32BE(idat - 4);
      const raw = inflateSync(Buffer.from(img.bytes.slice(idat + 4, idat + 4 + length)));
      expect(raw.length).toBe((60 + 1) * 64); // 240 px at 2 bits, a filter byte, 64 rows
    }
    expect(mail.size).toBeLessThan(60_000);
  });

  it("says what changed at the next review: the weekly objective's new value, the others unchanged since", () => {
    const tab = setUp("en");
    emu.advanceClock("next-trigger");
    appendWeekOfData(tab);
    emu.advanceClock("next-trigger");
    const mail = emu.outbox[1]!;
    expect(mail.subject).toMatch(/^KPI review, week of 21 Jun: /);
    const html = mail.htmlBody!;
    expect(html).toContain("What changed since the review of 14 June 2027");
    expect(html).toMatch(/<li>Social engagement: [\d.]+ → [\d.]+ \([+−][\d.]+\)<\/li>/);
    expect(html).toContain(
      "Unchanged since the review of 14 June 2027 (May 2027 is still the latest complete period).",
    );
    expect(mail.body).toContain("What changed since the review of 14 June 2027:");
  });

  it("lists a new anomaly once, in the summary's words with good or bad news", () => {
    const tab = setUp("en");
    emu.advanceClock("next-trigger");
    appendWeekOfData(tab, 6);
    emu.advanceClock("next-trigger");
    const item = changesOf(emu.outbox[1]!).find((c) => c.includes("unusually"));
    const m =
      /^Social engagement: week of 7 Jun 2027 unusually high, ([\d.]+) against ~([\d.]+) expected \(good news\)$/.exec(
        item ?? "",
      );
    // The planted spike, well over what the sample data alone gives that week (57.45).
    expect(Number(m?.[1])).toBeGreaterThan(2 * Number(m?.[2]));
    expect(emu.outbox[1]!.body).toMatch(
      /- Social engagement: week of 7 Jun 2027 unusually high, .* \(good news\)/,
    );
    // The dashboard's summary names it in the same words.
    const summary = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getRange(4, 1).getValue();
    expect(summary).toMatch(/Social engagement: week of 7 Jun 2027 unusually high, /);
    // A week later, with no new data, the week of 7 June is still the latest complete one: the
    // anomaly was reported and is not new any more.
    emu.advanceClock("next-trigger");
    expect(emu.outbox).toHaveLength(3);
    expect(changesOf(emu.outbox[2]!)).toEqual([
      "No status moved, and no objective has a new period.",
    ]);
  });

  it("leaves out a row of the Objectives tab that does not validate, and escapes names", () => {
    setUp("en");
    const [first] = sampleObjectives("en", "Sample data");
    saveObjective({ ...first!, name: "<b>Launch</b> & co" });
    const objectives = taggedSheet(OBJECTIVES_KEY);
    // A hand-made row with no id: invalid, listed in the sidebar, never in the digest.
    objectives.appendRow(["", "Secret row", "conversion"]);
    emu.advanceClock("next-trigger");
    const html = emu.outbox[0]!.htmlBody!;
    expect(html).toContain("&lt;b&gt;Launch&lt;/b&gt; &amp; co");
    expect(html).not.toContain("<b>Launch</b>");
    expect(html).not.toContain("Secret row");
    expect(emu.outbox[0]!.body).not.toContain("Secret row");
  });

  it("sends a test to the person asking only, marked as a test, writing no history", () => {
    setUp("en");
    const { notice } = sendTestDigest();
    expect(notice).toBe("Test digest sent to marketer@example.com.");
    expect(emu.outbox).toHaveLength(1);
    expect(emu.outbox[0]!.to).toEqual(["marketer@example.com"]);
    expect(emu.outbox[0]!.subject).toMatch(/^Test: KPI review, week of /);
    expect(SpreadsheetApp.getActiveSpreadsheet().getSheetByName("KPI history")).toBeNull();
  });
});

describe("the digest in French", () => {
  it("speaks French from subject to footer, with French status words", () => {
    setUp("fr");
    emu.advanceClock("next-trigger");
    const mail = emu.outbox[0]!;
    expect(mail.subject).toMatch(
      /^Revue KPI, semaine du 14 juin : \d objectifs? sur 5 en bonne voie$/,
    );
    const rows = tableRows(mail);
    expect(rows).toHaveLength(5);
    const words: Record<string, string> = {
      achieved: "Atteint",
      on_track: "En bonne voie",
      at_risk: "À risque",
      off_track: "En retard",
      missed: "Manqué",
    };
    for (const r of rows) expect(words[r.status], r.name).toBe(r.word);
    const html = mail.htmlBody!;
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("C&#39;est la première revue");
    expect(html).toContain("Ouvrir le classeur");
    expect(html).toContain("chaque lundi à 08:00 (Europe/Paris)");
    expect(mail.body).toMatch(/• Social engagement : /);
    // Money in the spreadsheet's currency, the euro after a no-break space.
    expect(mail.body).toContain(
      "  T1 2027 : 7,04\u00a0€ (cible 6,00\u00a0€, prévision 6,40\u00a0€ (6,14\u00a0€ – 6,67\u00a0€))",
    );
    expect(SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Historique KPI")).not.toBeNull();
  });

  it("lists a new anomaly in French, a dip of a KPI where higher is better as bad news", () => {
    const tab = setUp("fr");
    emu.advanceClock("next-trigger");
    appendWeekOfData(tab, 0);
    emu.advanceClock("next-trigger");
    const mail = emu.outbox[1]!;
    expect(mail.htmlBody).toMatch(
      /<li>Social engagement : semaine du 7 juin 2027 inhabituellement bas, [\d,]+ pour environ [\d,]+ attendus \(mauvaise nouvelle\)<\/li>/,
    );
    expect(mail.body).toContain("(mauvaise nouvelle)");
  });
});
