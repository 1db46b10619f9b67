/**
 * Facts about real exports that tests at several levels check the add-on against: written once
 * here, independently of the code under test.
 */

/** The columns of a GA4 export, as Google Analytics names them. */
export const GA4_HEADERS: readonly string[] = [
  "Date",
  "Sessions",
  "Engaged sessions",
  "Total users",
  "Key events",
  "Average engagement time",
  "Bounce rate",
  "Item revenue",
  "Google Ads cost",
];

/**
 * What a marketer would map by hand on the daily sample tab, per KPI and input, in English and
 * French headers: what the registry's auto-mapping must propose (unit test) and what step 2 of
 * the wizard must show (browser test). Unique visitors is left out: its ids are on the visits tab.
 */
export const SAMPLE_MAPPING: Record<string, Record<string, { en: string[]; fr: string[] }>> = {
  conversion: {
    conversions: { en: ["Conversions"], fr: ["Conversions"] },
    visitors: { en: ["Visitors"], fr: ["Visiteurs"] },
  },
  open_rate: {
    opens: { en: ["Opens"], fr: ["Ouvertures"] },
    sent: { en: ["Emails sent"], fr: ["E-mails envoyés"] },
    bounced: { en: ["Bounced"], fr: ["Rebonds"] },
  },
  ctr: {
    clicks: { en: ["Clicks"], fr: ["Clics"] },
    impressions: { en: ["Impressions"], fr: ["Impressions"] },
  },
  avg_visit_duration: {
    durations: { en: ["Total session duration (s)"], fr: ["Durée totale des sessions (s)"] },
    visits: { en: ["Sessions"], fr: ["Sessions"] },
  },
  bounce_rate: {
    bounces: { en: ["Single-page sessions"], fr: ["Sessions d'une page"] },
    sessions: { en: ["Sessions"], fr: ["Sessions"] },
  },
  engagement: {
    interactions: {
      en: ["Likes", "Comments", "Shares"],
      fr: ["J'aime", "Commentaires", "Partages"],
    },
    posts: { en: ["Posts"], fr: ["Publications"] },
  },
  roi: {
    revenue: { en: ["Revenue"], fr: ["Chiffre d'affaires"] },
    cost: { en: ["Ad cost"], fr: ["Coût publicitaire"] },
  },
  roas: {
    revenue: { en: ["Revenue"], fr: ["Chiffre d'affaires"] },
    cost: { en: ["Ad cost"], fr: ["Coût publicitaire"] },
  },
  cpa: {
    cost: { en: ["Ad cost"], fr: ["Coût publicitaire"] },
    conversions: { en: ["Conversions"], fr: ["Conversions"] },
  },
  cpc: {
    cost: { en: ["Ad cost"], fr: ["Coût publicitaire"] },
    clicks: { en: ["Clicks"], fr: ["Clics"] },
  },
  cpm: {
    cost: { en: ["Ad cost"], fr: ["Coût publicitaire"] },
    impressions: { en: ["Impressions"], fr: ["Impressions"] },
  },
};
