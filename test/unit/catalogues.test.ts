/**
 * One message, one place: the server's catalogue, the objective rules' words (shared with the
 * sidebar) and the formatter's words never define the same key, so no message can drift into two
 * versions.
 */
import { describe, expect, it } from "vitest";
import { UI_SECTIONS, ui } from "../../sidebar/messages.ts";
import { ruleMessages } from "../../src/contract/rules/rule-messages.ts";
import { MESSAGE_SECTIONS, messages } from "../../src/sheets/workbook/messages.ts";

describe("message catalogues", () => {
  it("share no key between the server, the objective rules and the sidebar", () => {
    const server = new Set(Object.keys(messages.en));
    const rules = new Set(Object.keys(ruleMessages.en));
    const sidebar = new Set(Object.keys(ui.en));
    expect([...rules].filter((k) => server.has(k))).toEqual([]);
    expect([...rules].filter((k) => sidebar.has(k))).toEqual([]);
  });

  it("define each key in one section only, server and sidebar alike", () => {
    for (const [sections, catalogue] of [
      [MESSAGE_SECTIONS, messages],
      [UI_SECTIONS, ui],
    ] as const) {
      const seen = new Map<string, string>();
      const twice: string[] = [];
      for (const [section, { en }] of Object.entries(sections)) {
        for (const key of Object.keys(en)) {
          if (seen.has(key)) twice.push(`${key} in ${seen.get(key)} and ${section}`);
          seen.set(key, section);
        }
      }
      expect(twice).toEqual([]);
      expect(seen.size).toBe(Object.keys(catalogue.en).length);
    }
  });

  it("have the same keys in English and French", () => {
    for (const catalogue of [messages, ruleMessages, ui]) {
      expect(Object.keys(catalogue.fr).sort()).toEqual(Object.keys(catalogue.en).sort());
    }
  });
});
