/**
 * One message, one place: the server's catalogue, the objective rules' words (shared with the
 * sidebar) and the formatter's words never define the same key, so no message can drift into two
 * versions.
 */
import { describe, expect, it } from "vitest";
import { ui } from "../../sidebar/messages.ts";
import { ruleMessages } from "../../src/contract/rule-messages.ts";
import { messages } from "../../src/sheets/workbook/messages.ts";

describe("message catalogues", () => {
  it("share no key between the server, the objective rules and the sidebar", () => {
    const server = new Set(Object.keys(messages.en));
    const rules = new Set(Object.keys(ruleMessages.en));
    const sidebar = new Set(Object.keys(ui.en));
    expect([...rules].filter((k) => server.has(k))).toEqual([]);
    expect([...rules].filter((k) => sidebar.has(k))).toEqual([]);
  });

  it("have the same keys in English and French", () => {
    for (const catalogue of [messages, ruleMessages, ui]) {
      expect(Object.keys(catalogue.fr).sort()).toEqual(Object.keys(catalogue.en).sort());
    }
  });
});
