/**
 * Every string the sidebar shows, in English and French, in sections under messages/: the wizard
 * and the list, the advisor and benchmarks, the import panel, the schedule panel, a BigQuery source. Server messages
 * (errors from the endpoints, KPI names and phrases) arrive already localized and are not repeated
 * here; the objective rules' words come from src/contract/rules/rule-messages.ts.
 */
import { defineCatalogue } from "../src/contract/i18n.ts";
import { ADVISOR } from "./messages/advisor.ts";
import { BIGQUERY } from "./messages/bigquery.ts";
import { IMPORT } from "./messages/import.ts";
import { SCHEDULE } from "./messages/schedule.ts";
import { WIZARD } from "./messages/wizard.ts";

/** The sections, for the test that checks no key is defined twice. */
export const UI_SECTIONS = { WIZARD, ADVISOR, IMPORT, SCHEDULE, BIGQUERY } as const;

export const ui = defineCatalogue({
  en: { ...WIZARD.en, ...ADVISOR.en, ...IMPORT.en, ...SCHEDULE.en, ...BIGQUERY.en },
  fr: { ...WIZARD.fr, ...ADVISOR.fr, ...IMPORT.fr, ...SCHEDULE.fr, ...BIGQUERY.fr },
});

export type UiKey = keyof typeof ui.en;
