/**
 * Market benchmarks shipped with the add-on: published figures only, each with its source, its
 * year, the period and sample it covers, and which statistic it is. Values are in the KPI's
 * stored unit (fractions for rates; money in the source's currency). A figure that could not be
 * read in a public source is not here: no ROAS, CPM, engagement or social benchmark has been
 * verified, so none is shipped.
 *
 * `verifiedIn` records the page each figure was read in when that page was not the publisher's
 * own (a copy of the report, or a summary quoting it), so anyone can check it again.
 */
import { type Benchmark, type Channel, channelFromText } from "../../contract/advisor.ts";
import { foldText, type Lang } from "../../contract/i18n.ts";
import type { Localized } from "../types.ts";

export interface BenchmarkRow {
  readonly kpiId: string;
  readonly channel: Channel;
  readonly industry: string | null;
  readonly value: number;
  readonly currency?: string;
  readonly statistic: "average" | "median";
  readonly source: string;
  readonly url: string;
  readonly year: number;
  readonly period: Localized;
  readonly sample: Localized;
  /** What the source measures, when it differs in wording from the KPI: "cost per lead". */
  readonly measure?: Localized;
  readonly verifiedIn: readonly string[];
}

const WORDSTREAM = {
  channel: "search_ads",
  industry: null,
  statistic: "average",
  source: "WordStream by LocaliQ, Google Ads Benchmarks 2025",
  url: "https://www.wordstream.com/blog/2025-google-ads-benchmarks",
  year: 2025,
  period: { en: "April 2024 to March 2025", fr: "avril 2024 à mars 2025" },
  sample: {
    en: "16,446 US search campaigns on Google Ads and Microsoft Ads",
    fr: "16 446 campagnes search américaines sur Google Ads et Microsoft Ads",
  },
  verifiedIn: [
    "https://theadspend.com/benchmarks/google-ads-search-overall",
    "https://franetic.com/2025-google-ads-benchmark-insights-study",
    "https://webtools.co/articles/google-ads-cpc-benchmarks-2026",
  ],
} as const;

const MAILCHIMP = {
  channel: "email",
  statistic: "average",
  source: "Mailchimp, Email Marketing Benchmarks by Industry",
  url: "https://mailchimp.com/resources/email-marketing-benchmarks/",
  year: 2019,
  period: {
    en: "up to October 2019, before Apple Mail Privacy Protection",
    fr: "jusqu'à octobre 2019, avant la protection de la vie privée d'Apple Mail",
  },
  sample: {
    en: "campaigns of Mailchimp users sent to at least 1,000 subscribers",
    fr: "campagnes d'utilisateurs de Mailchimp envoyées à au moins 1 000 abonnés",
  },
} as const;

const MAILERLITE = {
  channel: "email",
  industry: null,
  statistic: "average",
  source: "MailerLite, Email marketing benchmarks for 2023",
  url: "https://www.mailerlite.com/blog/compare-your-email-performance-metrics-industry-benchmarks",
  year: 2023,
  period: { en: "campaigns sent in 2022", fr: "campagnes envoyées en 2022" },
  sample: {
    en: "over 1 million campaigns of 40,000 accounts in the USA, Canada and the UK",
    fr: "plus d'un million de campagnes de 40 000 comptes aux États-Unis, au Canada et au Royaume-Uni",
  },
  verifiedIn: [
    "https://www.mailerlite.com/blog/compare-your-email-performance-metrics-industry-benchmarks?utm_source=newsletter&utm_medium=email&utm_campaign=we_released_our_email_benchmarks_by_industry_report&utm_term=2022-02-02",
  ],
} as const;

const CLICKS_PER_DELIVERED: Localized = {
  en: "clicks per delivered e-mail",
  fr: "clics par e-mail délivré",
};
/**
 * Mailchimp's table has no all-industries row: its first row, "All non-labeled accounts", is the
 * users who gave no industry. It stands in for the overall figure here, and says so.
 */
const NON_LABELED: Localized = {
  en: "Mailchimp's row “All non-labeled accounts” (users who gave no industry)",
  fr: "ligne «\u00a0All non-labeled accounts\u00a0» de Mailchimp (utilisateurs sans secteur indiqué)",
};
const MAILCHIMP_PAGE = [
  "https://mailchimp.com/resources/email-marketing-benchmarks/?utm_campaign=MPN&utm_source=MPN0720&utm_medium=email",
];

/** Newest first: when several rows fit a question, the first one answers. */
export const BENCHMARKS: readonly BenchmarkRow[] = [
  { ...WORDSTREAM, kpiId: "ctr", value: 0.0666 },
  { ...WORDSTREAM, kpiId: "cpc", value: 5.26, currency: "USD" },
  {
    ...WORDSTREAM,
    kpiId: "conversion",
    value: 0.0752,
    measure: { en: "conversions per ad click", fr: "conversions par clic sur l'annonce" },
  },
  {
    ...WORDSTREAM,
    kpiId: "cpa",
    value: 70.11,
    currency: "USD",
    measure: { en: "cost per lead", fr: "coût par prospect" },
  },
  { ...MAILERLITE, kpiId: "open_rate", value: 0.3765 },
  { ...MAILERLITE, kpiId: "ctr", value: 0.0336, measure: CLICKS_PER_DELIVERED },
  {
    ...MAILCHIMP,
    kpiId: "open_rate",
    industry: null,
    value: 0.2271,
    measure: NON_LABELED,
    verifiedIn: MAILCHIMP_PAGE,
  },
  {
    ...MAILCHIMP,
    kpiId: "ctr",
    industry: null,
    value: 0.0291,
    measure: {
      en: `${CLICKS_PER_DELIVERED.en}; ${NON_LABELED.en}`,
      fr: `${CLICKS_PER_DELIVERED.fr} ; ${NON_LABELED.fr}`,
    },
    verifiedIn: MAILCHIMP_PAGE,
  },
  {
    ...MAILCHIMP,
    kpiId: "open_rate",
    industry: "Arts and Artists",
    value: 0.2627,
    verifiedIn: MAILCHIMP_PAGE,
  },
  {
    ...MAILCHIMP,
    kpiId: "ctr",
    industry: "Arts and Artists",
    value: 0.0295,
    measure: CLICKS_PER_DELIVERED,
    verifiedIn: MAILCHIMP_PAGE,
  },
  {
    ...MAILCHIMP,
    kpiId: "open_rate",
    industry: "Beauty and Personal Care",
    value: 0.1665,
    verifiedIn: MAILCHIMP_PAGE,
  },
  {
    ...MAILCHIMP,
    kpiId: "ctr",
    industry: "Beauty and Personal Care",
    value: 0.0192,
    measure: CLICKS_PER_DELIVERED,
    verifiedIn: MAILCHIMP_PAGE,
  },
];

/** A row as the wizard shows it, in the user's language. */
export function benchmarkIn(row: BenchmarkRow, lang: Lang): Benchmark {
  return {
    kpiId: row.kpiId,
    channel: row.channel,
    industry: row.industry,
    value: row.value,
    ...(row.currency ? { currency: row.currency } : {}),
    statistic: row.statistic,
    source: row.source,
    url: row.url,
    year: row.year,
    period: row.period[lang],
    sample: row.measure ? `${row.sample[lang]}; ${row.measure[lang]}` : row.sample[lang],
  };
}

/**
 * The newest all-industries figure for an objective, when its channel (free text) names one of
 * the advisor's channels ("Search ads", "email", « Réseaux sociaux »); null otherwise.
 */
export function objectiveBenchmark(kpiId: string, channelText: string): BenchmarkRow | null {
  const channel = channelFromText(channelText);
  return channel === null ? null : (shippedBenchmarks(kpiId, channel, null)[0] ?? null);
}

/**
 * The shipped rows for a KPI on a channel (every channel when null), for one industry (the
 * all-industries figure when null), newest first.
 */
export function shippedBenchmarks(
  kpiId: string,
  channel: Channel | null,
  industry: string | null,
): BenchmarkRow[] {
  const wanted = industry === null ? null : foldText(industry);
  return BENCHMARKS.filter(
    (b) =>
      b.kpiId === kpiId &&
      (channel === null || b.channel === channel) &&
      (b.industry === null ? wanted === null : foldText(b.industry) === wanted),
  );
}
