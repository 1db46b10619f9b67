/**
 * The one en/fr catalogue of the server side, in sections, one file each under messages/: the
 * Objectives tab, the status and its reasons, the dashboard, the import, the weekly review, and
 * the add-on's menu, sidebar and sample data, and the help tab. The words of the objective rules, which the sidebar
 * shares, are in src/contract/rules/rule-messages.ts. A test checks that no key is in two sections or in
 * both catalogues. Messages that name a field start with the field's label, so the sidebar can
 * show them as they are.
 */
import { defineCatalogue } from "../../contract/i18n.ts";
import { ADD_ON } from "./messages/add-on.ts";
import { BIGQUERY } from "./messages/bigquery.ts";
import { DASHBOARD } from "./messages/dashboard.ts";
import { HELP } from "./messages/help.ts";
import { IMPORT } from "./messages/import.ts";
import { OBJECTIVES } from "./messages/objectives.ts";
import { REVIEW } from "./messages/review.ts";
import { STATUS } from "./messages/status.ts";

/** The sections, for the test that checks no key is defined twice. */
export const MESSAGE_SECTIONS = {
  OBJECTIVES,
  STATUS,
  DASHBOARD,
  IMPORT,
  REVIEW,
  ADD_ON,
  BIGQUERY,
  HELP,
} as const;

export const messages = defineCatalogue({
  en: {
    ...OBJECTIVES.en,
    ...STATUS.en,
    ...DASHBOARD.en,
    ...IMPORT.en,
    ...REVIEW.en,
    ...ADD_ON.en,
    ...BIGQUERY.en,
    ...HELP.en,
  },
  fr: {
    ...OBJECTIVES.fr,
    ...STATUS.fr,
    ...DASHBOARD.fr,
    ...IMPORT.fr,
    ...REVIEW.fr,
    ...ADD_ON.fr,
    ...BIGQUERY.fr,
    ...HELP.fr,
  },
});

export type MessageKey = keyof typeof messages.en;
