/**
 * The words of the coded fields of an objective (direction, review frequency) in the Objectives
 * tab: those a person may type, in either language, any case, accents optional, and the one the
 * add-on writes for a user of each language. The rules read any of them; the codes stay what
 * crosses google.script.run.
 */
import type { Lang } from "../i18n.ts";
import type { Direction, Frequency } from "../objectives.ts";

export type ChoiceField = "direction" | "frequency";

/** Folded word → code. */
export const CHOICE_WORDS: Readonly<Record<ChoiceField, ReadonlyMap<string, string>>> = {
  direction: new Map([
    ["higher", "higher"],
    ["plus haut", "higher"],
    ["hausse", "higher"],
    ["lower", "lower"],
    ["plus bas", "lower"],
    ["baisse", "lower"],
  ]),
  frequency: new Map([
    ["weekly", "weekly"],
    ["hebdomadaire", "weekly"],
    ["monthly", "monthly"],
    ["mensuel", "monthly"],
    ["mensuelle", "monthly"],
    ["quarterly", "quarterly"],
    ["trimestriel", "quarterly"],
    ["trimestrielle", "quarterly"],
  ]),
};

/** The word written in the tab for a code, in the user's language; each one reads back as it. */
export const WRITTEN_WORDS: Readonly<{
  direction: Readonly<Record<Lang, Readonly<Record<Direction, string>>>>;
  frequency: Readonly<Record<Lang, Readonly<Record<Frequency, string>>>>;
}> = {
  direction: {
    en: { higher: "higher", lower: "lower" },
    fr: { higher: "plus haut", lower: "plus bas" },
  },
  frequency: {
    en: { weekly: "weekly", monthly: "monthly", quarterly: "quarterly" },
    fr: { weekly: "hebdomadaire", monthly: "mensuelle", quarterly: "trimestrielle" },
  },
};
