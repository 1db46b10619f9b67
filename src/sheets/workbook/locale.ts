import { type Lang, langOf } from "../../contract/i18n.ts";

/** The language of the person using the add-on: Session's locale, French for fr*, else English. */
export function userLang(): Lang {
  return langOf(Session.getActiveUserLocale());
}
