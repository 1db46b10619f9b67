/**
 * The en/fr message mechanism shared by the server code and the sidebar. Each module declares its
 * own catalogue with `defineCatalogue`; the type makes the French half list exactly the English keys.
 */

export type Lang = "en" | "fr";

/** French for any `fr…` locale (fr, fr_FR, fr-CA), English otherwise. */
export function langOf(locale: string | null | undefined): Lang {
  return /^fr(?:[-_]|$)/i.test(locale ?? "") ? "fr" : "en";
}

/**
 * Text as a person means it, for comparing what they typed with a known word: accents, case,
 * surrounding and repeated spaces aside ("Ventes  en LIGNE" and "ventes en ligne" meet).
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

export type Messages<K extends string> = Readonly<Record<K, string>>;

export interface Catalogue<K extends string> {
  readonly en: Messages<K>;
  readonly fr: Messages<K>;
  /** The message `key` in `lang`, with `{name}` placeholders replaced from `params`. */
  t(lang: Lang, key: K, params?: Readonly<Record<string, string | number>>): string;
}

export function defineCatalogue<K extends string>(messages: {
  en: Messages<K>;
  fr: Messages<K>;
}): Catalogue<K> {
  return {
    ...messages,
    t(lang, key, params) {
      const template = messages[lang][key];
      if (!params) return template;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      );
    },
  };
}
