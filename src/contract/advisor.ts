/**
 * The KPI advisor and the market benchmarks as they cross `google.script.run`: the business goals
 * and channels a user chooses from (ids and their words, en/fr), the ranked suggestions the
 * server sends for each goal × channel, and the benchmark rows. The data itself (which KPI suits
 * which goal, the cited figures) lives beside the KPI registry, in src/kpi/registry/.
 */
import { defineCatalogue, foldText, type Lang } from "./i18n.ts";

/** What the user wants to improve, in the order the advisor offers them. */
export const GOALS = ["awareness", "traffic", "leads", "sales", "loyalty"] as const;
export type Goal = (typeof GOALS)[number];

/** Where the effort goes, in the order the advisor offers them. */
export const CHANNELS = ["website", "search_ads", "social_ads", "email", "social"] as const;
export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

const words = defineCatalogue({
  en: {
    awareness: "Brand awareness",
    traffic: "Website traffic",
    leads: "Leads",
    sales: "Online sales",
    loyalty: "Customer loyalty / retention",
    website: "Website",
    search_ads: "Search ads",
    social_ads: "Social ads",
    email: "E-mail",
    social: "Social media",
  },
  fr: {
    awareness: "Notoriété de la marque",
    traffic: "Trafic du site",
    leads: "Prospects (leads)",
    sales: "Ventes en ligne",
    loyalty: "Fidélisation des clients",
    website: "Site web",
    search_ads: "Publicité sur les moteurs de recherche",
    social_ads: "Publicité sur les réseaux sociaux",
    email: "E-mail",
    social: "Réseaux sociaux",
  },
});

export function goalLabel(goal: Goal, lang: Lang): string {
  return words.t(lang, goal);
}

export function channelLabel(channel: Channel, lang: Lang): string {
  return words.t(lang, channel);
}

/**
 * The channel a text names: its id ("search_ads") or its name in English or French ("Search
 * ads", « Publicité sur les moteurs de recherche »), accents and case aside; null for any other.
 */
export function channelFromText(text: string): Channel | null {
  const key = foldText(text);
  return (
    CHANNELS.find(
      (c) => c === key || foldText(words.en[c]) === key || foldText(words.fr[c]) === key,
    ) ?? null
  );
}

/** One suggested KPI for a goal × channel, with why it measures that goal. */
export interface AdvisorSuggestion {
  kpiId: string;
  /** One sentence, in the user's language. */
  reason: string;
}

/** What the advisor step needs: goal × channel → KPIs, best first, in the user's language. */
export type Advice = Record<Goal, Record<Channel, AdvisorSuggestion[]>>;

/**
 * One published market figure, in the KPI's stored unit (fractions for rates), with where it
 * comes from. `industry` is null for the source's all-industries figure.
 */
export interface Benchmark {
  kpiId: string;
  channel: Channel;
  /** The industry as the source names it (its own words, untranslated), or null. */
  industry: string | null;
  value: number;
  /** For money values: the currency the source reports in (ISO 4217). */
  currency?: string;
  /** Which statistic the source gives. */
  statistic: "average" | "median";
  /** Who published it and the report's title. */
  source: string;
  /** The report's own address. */
  url: string;
  /** The year of the edition. */
  year: number;
  /** The period the data covers, in the user's language. */
  period: string;
  /** What was measured (accounts, campaigns), in the user's language. */
  sample: string;
}
