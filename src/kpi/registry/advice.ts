/**
 * Which KPIs measure which business goal on which channel, best first, and why: the advisor's
 * data. A KPI follows from the goal (awareness, traffic, leads, sales, loyalty); the channel
 * decides which of those KPIs its data can give. The reasons are kept per goal × KPI, since the
 * same KPI answers a goal the same way on every channel; a test checks that every KPI named here
 * is in the registry and that every suggestion has its reason.
 */
import type { Advice, Channel, Goal } from "../../contract/advisor.ts";
import type { Lang } from "../../contract/i18n.ts";
import type { Localized } from "../types.ts";

/** Goal × channel → KPI ids, best first. */
export const ADVICE: Readonly<Record<Goal, Readonly<Record<Channel, readonly string[]>>>> = {
  awareness: {
    website: ["unique_visitors", "avg_visit_duration"],
    search_ads: ["ctr", "cpm"],
    social_ads: ["cpm", "ctr", "engagement"],
    email: ["open_rate", "ctr"],
    social: ["engagement", "ctr"],
  },
  traffic: {
    website: ["unique_visitors", "bounce_rate", "avg_visit_duration"],
    search_ads: ["ctr", "cpc"],
    social_ads: ["ctr", "cpc"],
    email: ["ctr", "open_rate"],
    social: ["ctr", "engagement"],
  },
  leads: {
    website: ["conversion", "bounce_rate"],
    search_ads: ["cpa", "conversion", "ctr"],
    social_ads: ["cpa", "conversion", "ctr"],
    email: ["ctr", "conversion"],
    social: ["engagement", "conversion"],
  },
  sales: {
    website: ["conversion", "bounce_rate", "avg_visit_duration"],
    search_ads: ["roas", "cpa", "conversion"],
    social_ads: ["roas", "cpa", "conversion"],
    email: ["conversion", "ctr", "roi"],
    social: ["conversion", "engagement"],
  },
  loyalty: {
    website: ["avg_visit_duration", "conversion"],
    search_ads: ["roi", "conversion"],
    social_ads: ["roi", "engagement"],
    // Click rate first: Apple Mail Privacy Protection has inflated open rates since 2021.
    email: ["ctr", "open_rate"],
    social: ["engagement"],
  },
};

/** Why each KPI measures each goal: one sentence, en and fr. */
export const REASONS: Readonly<Record<Goal, Readonly<Record<string, Localized>>>> = {
  awareness: {
    unique_visitors: {
      en: "How many different people found your site: the reach of your brand online.",
      fr: "Combien de personnes différentes ont trouvé votre site : la portée de votre marque en ligne.",
    },
    avg_visit_duration: {
      en: "Time spent with you shows whether the people you reach take an interest, not just pass by.",
      fr: "Le temps passé chez vous montre si les personnes touchées s'intéressent, ou ne font que passer.",
    },
    ctr: {
      en: "The share of people who saw your message and clicked: whether it catches attention.",
      fr: "La part des personnes qui ont vu votre message et cliqué : s'il retient l'attention.",
    },
    cpm: {
      en: "What a thousand impressions cost: how cheaply you put your brand in front of people.",
      fr: "Le coût de mille impressions : à quel prix votre marque se montre au public.",
    },
    engagement: {
      en: "Likes, comments and shares per post: people who react remember, and spread the word.",
      fr: "J'aime, commentaires et partages par publication : ceux qui réagissent retiennent, et font circuler.",
    },
    open_rate: {
      en: "How many recipients open your e-mails: whether your name in the inbox draws attention.",
      fr: "Combien de destinataires ouvrent vos e-mails : si votre nom dans la boîte de réception attire l'attention.",
    },
  },
  traffic: {
    unique_visitors: {
      en: "The number of different people who visit: traffic itself, each person counted once.",
      fr: "Le nombre de personnes différentes qui viennent : le trafic lui-même, chacun compté une fois.",
    },
    bounce_rate: {
      en: "Visits that leave after one page: traffic that stays is traffic worth having.",
      fr: "Les visites qui repartent après une page : un trafic qui reste est un trafic qui compte.",
    },
    avg_visit_duration: {
      en: "How long visits last: whether the traffic you bring finds what it came for.",
      fr: "La durée des visites : si le trafic amené trouve ce qu'il cherchait.",
    },
    ctr: {
      en: "The share of impressions that become clicks, each click a visit to your site.",
      fr: "La part des impressions qui deviennent des clics, chaque clic étant une visite de votre site.",
    },
    cpc: {
      en: "What each click costs: how much traffic your budget buys.",
      fr: "Le coût de chaque clic : combien de trafic votre budget achète.",
    },
    open_rate: {
      en: "Opened e-mails come before any click to your site.",
      fr: "Un e-mail ouvert précède tout clic vers votre site.",
    },
    engagement: {
      en: "Posts people react to are shown to more people, who may then visit.",
      fr: "Les publications qui font réagir sont montrées à plus de monde, qui peut ensuite venir.",
    },
  },
  leads: {
    conversion: {
      en: "The share of visitors who fill in your form: leads come from conversions.",
      fr: "La part des visiteurs qui remplissent votre formulaire : les prospects viennent des conversions.",
    },
    bounce_rate: {
      en: "Visitors who leave at once never reach your form: fewer bounces, more chances of a lead.",
      fr: "Un visiteur qui repart aussitôt n'atteint jamais votre formulaire : moins de rebonds, plus de chances de prospect.",
    },
    cpa: {
      en: "What each lead costs you: the figure that says whether the campaign pays.",
      fr: "Ce que vous coûte chaque prospect : le chiffre qui dit si la campagne est rentable.",
    },
    ctr: {
      en: "The share of people who click through: no click, no lead.",
      fr: "La part des personnes qui cliquent : sans clic, pas de prospect.",
    },
    engagement: {
      en: "People who interact with your posts are the ones most likely to ask to hear more.",
      fr: "Ceux qui interagissent avec vos publications sont les plus enclins à demander à en savoir plus.",
    },
  },
  sales: {
    conversion: {
      en: "The share of visitors who buy: sales grow when more visits end in an order.",
      fr: "La part des visiteurs qui achètent : les ventes croissent quand plus de visites finissent en commande.",
    },
    bounce_rate: {
      en: "A visitor who leaves at once cannot buy: a high bounce rate caps your sales.",
      fr: "Un visiteur qui repart aussitôt ne peut pas acheter : un fort taux de rebond plafonne les ventes.",
    },
    avg_visit_duration: {
      en: "Buyers browse before they order: longer visits often come before sales.",
      fr: "Un acheteur parcourt avant de commander : des visites plus longues précèdent souvent les ventes.",
    },
    roas: {
      en: "Revenue for each unit spent on ads: the direct measure of whether the ads pay for themselves.",
      fr: "Le chiffre d'affaires pour chaque unité dépensée en publicité : la mesure directe de la rentabilité des annonces.",
    },
    cpa: {
      en: "What each sale costs in ads: compare it with your margin per order.",
      fr: "Ce que coûte chaque vente en publicité : à comparer avec votre marge par commande.",
    },
    ctr: {
      en: "The share of recipients who click to your shop: the step before any sale.",
      fr: "La part des destinataires qui cliquent vers votre boutique : l'étape avant toute vente.",
    },
    roi: {
      en: "The profit the campaign made over what it cost: whether it earns more than it spends.",
      fr: "Le bénéfice de la campagne rapporté à son coût : si elle rapporte plus qu'elle ne coûte.",
    },
    engagement: {
      en: "Interactions show which posts interest buyers, before they buy.",
      fr: "Les interactions montrent quelles publications intéressent les acheteurs, avant l'achat.",
    },
  },
  loyalty: {
    avg_visit_duration: {
      en: "Customers who come back and stay are customers who stay loyal.",
      fr: "Des clients qui reviennent et s'attardent sont des clients fidèles.",
    },
    conversion: {
      en: "The share of visits that end in a purchase: repeat orders are loyalty you can count.",
      fr: "La part des visites qui finissent en achat : les commandes répétées sont une fidélité qui se compte.",
    },
    roi: {
      en: "Whether reaching past customers earns more than it costs: keeping a customer should pay.",
      fr: "Si relancer les clients rapporte plus que cela ne coûte : garder un client doit être rentable.",
    },
    engagement: {
      en: "Customers who keep reacting to your posts keep you in mind.",
      fr: "Les clients qui réagissent encore à vos publications pensent encore à vous.",
    },
    ctr: {
      en: "Customers who click your e-mails are still interested; clicks stay reliable where opens do not.",
      fr: "Les clients qui cliquent dans vos e-mails restent intéressés ; les clics restent fiables, pas les ouvertures.",
    },
    open_rate: {
      en: "Whether customers still open what you send them; read it with care, as Apple Mail inflates opens.",
      fr: "Si vos clients ouvrent encore vos envois ; à lire avec prudence, Apple Mail gonflant les ouvertures.",
    },
  },
};

/** The advice in one language, as the wizard receives it. */
export function adviceIn(lang: Lang): Advice {
  const out = {} as Advice;
  for (const [goal, byChannel] of Object.entries(ADVICE) as [Goal, Record<Channel, string[]>][]) {
    const row = {} as Advice[Goal];
    for (const [channel, kpis] of Object.entries(byChannel) as [Channel, string[]][]) {
      row[channel] = kpis.map((kpiId) => {
        const reason = REASONS[goal][kpiId];
        if (!reason) throw new Error(`advice: no reason for ${kpiId} under ${goal}`);
        return { kpiId, reason: reason[lang] };
      });
    }
    out[goal] = row;
  }
  return out;
}
