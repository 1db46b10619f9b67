/**
 * The KPI registry: one declarative entry per KPI. The custom functions, their JSDoc stubs, the
 * wizard's KPI list and column auto-mapping, the dashboard's computations and docs/FUNCTIONS.md
 * all derive from these entries.
 */
import type { KpiDefinition, KpiInput, Lang, Localized } from "./types.ts";

type Aliases = Readonly<Record<Lang, readonly string[]>>;

// Header aliases, best first: when several columns match, the earlier alias wins.
const CONVERSIONS: Aliases = {
  en: [
    "Conversions",
    "Key events",
    "All conversions",
    "Goal completions",
    "Transactions",
    "Purchases",
    "Orders",
    "Leads",
    "Results",
  ],
  fr: [
    "Conversions",
    "Événements clés",
    "Toutes les conversions",
    "Objectifs réalisés",
    "Transactions",
    "Achats",
    "Commandes",
    "Prospects",
    "Résultats",
  ],
};
const VISITORS: Aliases = {
  en: ["Visitors", "Total users", "Users", "Unique visitors", "Active users", "Visits", "Sessions"],
  fr: [
    "Visiteurs",
    "Nombre total d'utilisateurs",
    "Utilisateurs",
    "Visiteurs uniques",
    "Utilisateurs actifs",
    "Visites",
    "Sessions",
  ],
};
const SESSIONS: Aliases = {
  en: ["Sessions", "Visits", "Total sessions", "Number of sessions"],
  fr: ["Sessions", "Visites", "Nombre de sessions", "Sessions totales"],
};
const OPENS: Aliases = {
  en: ["Opens", "Unique opens", "Total opens", "Opened", "Emails opened"],
  fr: ["Ouvertures", "Ouvertures uniques", "Ouvertures totales", "Ouverts", "E-mails ouverts"],
};
const SENT: Aliases = {
  en: ["Emails sent", "Sent", "Recipients", "Emails sent (total)"],
  fr: ["E-mails envoyés", "Envoyés", "Destinataires", "Nombre d'envois"],
};
const DELIVERED: Aliases = {
  en: ["Delivered", "Emails delivered", "Delivered emails"],
  fr: ["Délivrés", "E-mails délivrés", "Distribués", "E-mails distribués"],
};
const EMAIL_BOUNCES: Aliases = {
  en: ["Bounced", "Bounces", "Bounced emails", "Hard bounces", "Bounce count"],
  fr: ["Rebonds", "Rebondis", "E-mails rebondis", "Rejets", "Non délivrés"],
};
const CLICKS: Aliases = {
  en: ["Clicks", "Link clicks", "Total clicks", "Unique clicks", "Outbound clicks"],
  fr: ["Clics", "Clics sur un lien", "Clics sur le lien", "Nombre de clics", "Clics uniques"],
};
const IMPRESSIONS: Aliases = {
  en: ["Impressions", "Impr.", "Total impressions", "Ad impressions"],
  fr: ["Impressions", "Impr.", "Impressions totales", "Affichages"],
};
const COST: Aliases = {
  en: [
    "Cost",
    "Ad cost",
    "Amount spent",
    "Spend",
    "Ad spend",
    "Total cost",
    "Media cost",
    "Budget spent",
  ],
  fr: [
    "Coût",
    "Coût publicitaire",
    "Montant dépensé",
    "Dépenses",
    "Dépense",
    "Dépenses publicitaires",
    "Coût total",
    "Budget dépensé",
  ],
};
const REVENUE: Aliases = {
  en: [
    "Revenue",
    "Total revenue",
    "Purchase revenue",
    "Sales",
    "Conversion value",
    "Purchase value",
    "Total conversion value",
    "Income",
    "Turnover",
  ],
  fr: [
    "Chiffre d'affaires",
    "CA",
    "Revenu",
    "Revenus",
    "Ventes",
    "Valeur de conversion",
    "Valeur des achats",
    "Recettes",
    "Revenu total",
  ],
};

/** Aliases of a date column, for the wizard's choice of the dates of a table. */
export const DATE_ALIASES: Aliases = {
  en: ["Date", "Day", "Visit date", "Week", "Month", "Period", "Timestamp"],
  fr: ["Date", "Jour", "Date de visite", "Semaine", "Mois", "Période", "Horodatage"],
};

function count(
  name: string,
  label: Localized,
  help: Localized,
  aliases: Aliases,
  extra: Partial<KpiInput> = {},
): KpiInput {
  return { name, kind: "count", label, help, aliases, ...extra };
}

function amount(
  name: string,
  label: Localized,
  help: Localized,
  aliases: Aliases,
  extra: Partial<KpiInput> = {},
): KpiInput {
  return { name, kind: "amount", label, help, aliases, ...extra };
}

const costInput = amount(
  "cost",
  { en: "Cost", fr: "Coût" },
  { en: "Amount spent (ad cost), one or more cells.", fr: "Montant dépensé (coût publicitaire)." },
  COST,
);
const revenueInput = amount(
  "revenue",
  { en: "Revenue", fr: "Chiffre d'affaires" },
  {
    en: "Revenue attributed to the spend; may be negative (refunds).",
    fr: "Chiffre d'affaires attribué à la dépense ; peut être négatif (remboursements).",
  },
  REVENUE,
  { signed: true },
);
const conversionsInput = count(
  "conversions",
  { en: "Conversions", fr: "Conversions" },
  {
    en: "Number of conversions (purchases, sign-ups, key events).",
    fr: "Nombre de conversions (achats, inscriptions, événements clés).",
  },
  CONVERSIONS,
);
const clicksInput = count(
  "clicks",
  { en: "Clicks", fr: "Clics" },
  { en: "Number of clicks.", fr: "Nombre de clics." },
  CLICKS,
);
const impressionsInput = count(
  "impressions",
  { en: "Impressions", fr: "Impressions" },
  { en: "Number of impressions (times shown).", fr: "Nombre d'impressions (affichages)." },
  IMPRESSIONS,
);

export const KPIS: readonly KpiDefinition[] = [
  {
    id: "conversion",
    functionName: "KPI_CONVERSION",
    name: { en: "Conversion rate", fr: "Taux de conversion" },
    definition: {
      en: "Share of visitors who convert (buy, sign up or complete another goal).",
      fr: "Part des visiteurs qui convertissent (achat, inscription ou autre objectif).",
    },
    formula: { en: "Σconversions ÷ Σvisitors", fr: "Σconversions ÷ Σvisiteurs" },
    inputs: [
      conversionsInput,
      count(
        "visitors",
        { en: "Visitors", fr: "Visiteurs" },
        {
          en: "Number of visitors (or sessions, for a per-session rate).",
          fr: "Nombre de visiteurs (ou de sessions, pour un taux par session).",
        },
        VISITORS,
      ),
    ],
    combine: {
      kind: "ratio",
      numerator: [{ input: "conversions" }],
      denominator: [{ input: "visitors" }],
    },
    unit: "percent",
    direction: "higher",
    doc: {
      en: "The conversions of all rows divided by the visitors of all rows: a ratio of sums, never the mean of the rows' rates, so a busy day weighs more than a quiet one. Pass sessions instead of visitors for a per-session rate.",
      fr: "Les conversions de toutes les lignes divisées par les visiteurs de toutes les lignes : un ratio de sommes, jamais la moyenne des taux des lignes, si bien qu'une journée chargée pèse plus qu'une journée calme. Passez les sessions au lieu des visiteurs pour un taux par session.",
    },
    example: {
      formula: "=KPI_CONVERSION(B2:B4, C2:C4)",
      args: [
        [[12], [30], [8]],
        [[400], [1100], [500]],
      ],
      result: 0.025,
    },
    moreExamples: [
      {
        formula: '=KPI_CONVERSION(B2:B4, C2:C4, "rows")',
        args: [[[12], [30], [8]], [[400], [0], [500]], "rows"],
        result: [[0.03], [""], [0.016]],
        note: {
          en: 'Rows mode: one rate per row; a row whose visitors are 0 gives "".',
          fr: "Mode lignes : un taux par ligne ; une ligne dont les visiteurs valent 0 donne « ».",
        },
      },
    ],
  },
  {
    id: "open_rate",
    functionName: "KPI_OPEN_RATE",
    name: { en: "Open rate", fr: "Taux d'ouverture" },
    definition: {
      en: "Share of delivered e-mails that were opened.",
      fr: "Part des e-mails délivrés qui ont été ouverts.",
    },
    formula: {
      en: "Σopens ÷ (Σsent − Σbounced)",
      fr: "Σouvertures ÷ (Σenvoyés − Σrebonds)",
    },
    inputs: [
      count(
        "opens",
        { en: "Opens", fr: "Ouvertures" },
        { en: "E-mails opened.", fr: "E-mails ouverts." },
        OPENS,
      ),
      count(
        "sent",
        { en: "Sent", fr: "Envoyés" },
        { en: "E-mails sent (or delivered).", fr: "E-mails envoyés (ou délivrés)." },
        SENT,
        { combinedAliases: { aliases: DELIVERED, leavesUnmapped: ["bounced"] } },
      ),
      count(
        "bounced",
        { en: "Bounced", fr: "Rebonds" },
        {
          en: "E-mails that bounced (not delivered); optional.",
          fr: "E-mails rejetés (non délivrés) ; facultatif.",
        },
        EMAIL_BOUNCES,
        { optional: true },
      ),
    ],
    combine: {
      kind: "ratio",
      numerator: [{ input: "opens" }],
      denominator: [{ input: "sent" }, { input: "bounced", sign: -1 }],
    },
    checks: [{ input: "bounced", atMost: "sent" }],
    unit: "percent",
    direction: "higher",
    doc: {
      en: 'Opens over delivered e-mails, delivered being sent minus bounced. Without `bounced` (omitted or blank) it is opens over sent; pass a "Delivered" column as `sent` and omit `bounced` if your tool reports deliveries. `bounced` greater than `sent` is an error. A text third argument `"rows"` or `"total"` is taken as the mode.',
      fr: 'Les ouvertures rapportées aux e-mails délivrés, c\'est-à-dire envoyés moins rebonds. Sans `bounced` (omis ou vide), ouvertures ÷ envoyés ; si votre outil donne les e-mails délivrés, passez cette colonne comme `sent` et omettez `bounced`. `bounced` supérieur à `sent` est une erreur. Un troisième argument texte `"rows"` ou `"total"` est pris comme mode.',
    },
    example: {
      formula: "=KPI_OPEN_RATE(B2:B3, C2:C3, D2:D3)",
      args: [
        [[200], [140]],
        [[1000], [800]],
        [[40], [60]],
      ],
      result: 0.2,
    },
    moreExamples: [
      {
        formula: '=KPI_OPEN_RATE(B2:B3, C2:C3, "rows")',
        args: [[[200], [140]], [[1000], [800]], "rows"],
        result: [[0.2], [0.175]],
        note: {
          en: "No bounced column, rows mode: opens ÷ sent on each row.",
          fr: "Sans colonne de rebonds, en mode lignes : ouvertures ÷ envoyés sur chaque ligne.",
        },
      },
    ],
  },
  {
    id: "ctr",
    functionName: "KPI_CTR",
    name: { en: "Click-through rate (CTR)", fr: "Taux de clics (CTR)" },
    definition: {
      en: "Share of impressions that led to a click.",
      fr: "Part des impressions qui ont donné lieu à un clic.",
    },
    formula: { en: "Σclicks ÷ Σimpressions", fr: "Σclics ÷ Σimpressions" },
    inputs: [clicksInput, impressionsInput],
    combine: {
      kind: "ratio",
      numerator: [{ input: "clicks" }],
      denominator: [{ input: "impressions" }],
    },
    unit: "percent",
    direction: "higher",
    doc: {
      en: "All clicks over all impressions, a ratio of sums. For an e-mail click rate, pass delivered e-mails as the impressions.",
      fr: "Tous les clics rapportés à toutes les impressions, un ratio de sommes. Pour le taux de clics d'un e-mailing, passez les e-mails délivrés comme impressions.",
    },
    example: {
      formula: "=KPI_CTR(C2:C4, D2:D4)",
      args: [
        [[30], [45], [25]],
        [[1000], [2500], [1500]],
      ],
      result: 0.02,
    },
  },
  {
    id: "unique_visitors",
    functionName: "KPI_UNIQUE_VISITORS",
    name: { en: "Unique visitors", fr: "Visiteurs uniques" },
    definition: {
      en: "Number of distinct visitors, from a log of visits with one visitor id per row.",
      fr: "Nombre de visiteurs distincts, à partir d'un journal de visites avec un identifiant de visiteur par ligne.",
    },
    formula: {
      en: "number of distinct visitor_ids (with a date between start_date and end_date)",
      fr: "nombre d'identifiants distincts (dont la date est entre start_date et end_date)",
    },
    inputs: [
      {
        name: "visitor_ids",
        kind: "id",
        label: { en: "Visitor ID", fr: "ID visiteur" },
        help: {
          en: "One visitor id per visit; compared trimmed and case-insensitively.",
          fr: "Un identifiant de visiteur par visite ; comparés sans espaces autour ni casse.",
        },
        aliases: {
          en: ["Visitor ID", "Client ID", "User ID", "User pseudo ID", "Customer ID", "Cookie ID"],
          fr: [
            "ID visiteur",
            "Identifiant visiteur",
            "ID client",
            "ID utilisateur",
            "Identifiant utilisateur",
            "Identifiant",
          ],
        },
      },
      {
        name: "dates",
        kind: "date",
        optional: true,
        label: { en: "Date", fr: "Date" },
        help: {
          en: "Date of each visit; needed only to count a date range.",
          fr: "Date de chaque visite ; utile seulement pour compter sur une période.",
        },
        aliases: DATE_ALIASES,
      },
    ],
    combine: { kind: "distinct", input: "visitor_ids" },
    unit: "count",
    direction: "higher",
    doc: {
      en: 'Counts the distinct non-blank ids, compared after trimming and case-insensitively: the number 123 and the text "123" are the same visitor. With `dates` (as many cells as the ids), only the rows whose date lies between `start_date` and `end_date`, inclusive, count; dates are compared as calendar days in the spreadsheet\'s time zone, a blank bound is open, and a row with a blank date is left out when a bound is set. No ids gives 0.',
      fr: "Compte les identifiants distincts non vides, comparés sans espaces autour ni casse : le nombre 123 et le texte « 123 » sont le même visiteur. Avec `dates` (autant de cellules que d'identifiants), seules les lignes dont la date est entre `start_date` et `end_date` inclus comptent ; les dates sont comparées en jours du fuseau horaire du classeur, une borne vide est ouverte, et une ligne sans date est exclue dès qu'une borne est donnée. Aucun identifiant donne 0.",
    },
    example: {
      formula: "=KPI_UNIQUE_VISITORS(A2:A6)",
      args: [[["a1"], ["A1 "], ["b2"], [123], ["123"]]],
      result: 3,
    },
    moreExamples: [
      {
        formula: '=KPI_UNIQUE_VISITORS(A2:A5, B2:B5, DATE(2026,3,2), "")',
        args: [
          [["a1"], ["b2"], ["c3"], ["b2"]],
          [
            [new Date(Date.UTC(2026, 2, 1))],
            [new Date(Date.UTC(2026, 2, 2))],
            [new Date(Date.UTC(2026, 2, 3))],
            [new Date(Date.UTC(2026, 2, 4))],
          ],
          new Date(Date.UTC(2026, 2, 2)),
          "",
        ],
        result: 2,
        note: {
          en: "Only visits from 2026-03-02 on (blank end_date: open).",
          fr: "Seulement les visites à partir du 2026-03-02 (end_date vide : ouverte).",
        },
      },
    ],
  },
  {
    id: "avg_visit_duration",
    functionName: "KPI_AVG_VISIT_DURATION",
    name: { en: "Average visit duration", fr: "Durée moyenne des visites" },
    definition: {
      en: "Average time a visit lasts, in seconds.",
      fr: "Durée moyenne d'une visite, en secondes.",
    },
    formula: {
      en: "Σdurations ÷ Σvisits (or the mean of the durations)",
      fr: "Σdurées ÷ Σvisites (ou la moyenne des durées)",
    },
    inputs: [
      {
        name: "durations",
        kind: "duration",
        label: { en: "Duration", fr: "Durée" },
        help: {
          en: "Visit durations, or total duration per row: seconds, Sheets durations, or text h:mm:ss / m:ss.",
          fr: "Durées des visites, ou durée totale par ligne : secondes, durées Sheets, ou texte h:mm:ss / m:ss.",
        },
        aliases: {
          en: [
            "Total session duration (s)",
            "Total session duration",
            "Session duration",
            "Total time on site",
            "Total engagement time",
            "Visit duration",
            "Duration",
          ],
          fr: [
            "Durée totale des sessions (s)",
            "Durée totale des sessions",
            "Durée des sessions",
            "Durée de session",
            "Temps d'engagement total",
            "Durée des visites",
            "Durée",
          ],
        },
        combinedAliases: {
          aliases: {
            en: [
              "Average engagement time",
              "Average engagement time per session",
              "Average engagement time per active user",
              "Average session duration",
              "Avg. session duration",
              "Avg. time on site",
            ],
            fr: [
              "Durée d'engagement moyenne",
              "Temps d'engagement moyen",
              "Durée d'engagement moyenne par session",
              "Durée moyenne des sessions",
              "Durée moyenne de session",
              "Temps moyen passé sur le site",
            ],
          },
          leavesUnmapped: ["visits"],
        },
      },
      count(
        "visits",
        { en: "Visits", fr: "Visites" },
        {
          en: "Visits (sessions) per row, when durations are totals; omit when each row is one visit.",
          fr: "Visites (sessions) par ligne, quand les durées sont des totaux ; à omettre quand chaque ligne est une visite.",
        },
        SESSIONS,
        { optional: true },
      ),
    ],
    combine: {
      kind: "ratio",
      numerator: [{ input: "durations" }],
      denominator: [{ input: "visits" }],
      whenDenominatorOmitted: "count",
    },
    unit: "seconds",
    direction: "higher",
    doc: {
      en: "In seconds. With one range, the mean of its non-blank durations (one visit per cell). With two, total duration over total visits (each row a day's total). A duration may be a number of seconds, a Sheets duration or time (converted exactly, in the spreadsheet's time zone), or text `h:mm:ss` or `m:ss`. Format the result with `=B1/86400` as a duration if you prefer `[h]:mm:ss`.",
      fr: "En secondes. Avec une plage, la moyenne de ses durées non vides (une visite par cellule). Avec deux, la durée totale divisée par le nombre total de visites (chaque ligne étant le total d'un jour). Une durée peut être un nombre de secondes, une durée ou une heure Sheets (convertie exactement, dans le fuseau du classeur), ou du texte `h:mm:ss` ou `m:ss`. Pour un affichage `[h]:mm:ss`, divisez le résultat par 86400.",
    },
    example: {
      formula: "=KPI_AVG_VISIT_DURATION(E2:E3, C2:C3)",
      args: [
        [[3600], [5400]],
        [[20], [40]],
      ],
      result: 150,
    },
    moreExamples: [
      {
        formula: "=KPI_AVG_VISIT_DURATION(A2:A4)",
        args: [[["0:02:30"], ["3:30"], [90]]],
        result: 150,
        note: {
          en: "One range: the mean of 150 s, 210 s and 90 s.",
          fr: "Une seule plage : la moyenne de 150 s, 210 s et 90 s.",
        },
      },
    ],
  },
  {
    id: "bounce_rate",
    functionName: "KPI_BOUNCE_RATE",
    name: { en: "Bounce rate", fr: "Taux de rebond" },
    definition: {
      en: "Share of sessions that viewed a single page and left.",
      fr: "Part des sessions qui n'ont vu qu'une page avant de partir.",
    },
    formula: {
      en: "Σsingle-page sessions ÷ Σsessions",
      fr: "Σsessions d'une page ÷ Σsessions",
    },
    inputs: [
      count(
        "bounces",
        { en: "Single-page sessions", fr: "Sessions d'une page" },
        {
          en: "Single-page sessions (bounces); or, alone, pages viewed per session.",
          fr: "Sessions d'une seule page (rebonds) ; ou, seule, pages vues par session.",
        },
        {
          en: ["Single-page sessions", "Bounces", "Bounced sessions", "Non-engaged sessions"],
          fr: [
            "Sessions d'une page",
            "Sessions d'une seule page",
            "Rebonds",
            "Sessions avec rebond",
            "Sessions non engagées",
          ],
        },
      ),
      count(
        "sessions",
        { en: "Sessions", fr: "Sessions" },
        { en: "Number of sessions.", fr: "Nombre de sessions." },
        SESSIONS,
        { optional: true },
      ),
    ],
    combine: {
      kind: "ratio",
      numerator: [{ input: "bounces" }],
      denominator: [{ input: "sessions" }],
      whenDenominatorOmitted: "count_equal_one_over_count",
    },
    checks: [{ input: "bounces", atMost: "sessions" }],
    unit: "percent",
    direction: "lower",
    doc: {
      en: "With two ranges, single-page sessions over sessions; bounces greater than sessions is an error. With one range, that range holds the pages viewed in each session, and the rate is the share of its non-blank cells equal to 1. A Google Analytics 4 export has Sessions and Engaged sessions but no bounces, and its own “Bounce rate” column is a rate per row that must not be averaged: add a column Sessions − Engaged sessions and use it as `bounces`.",
      fr: "Avec deux plages, les sessions d'une page rapportées aux sessions ; des rebonds supérieurs aux sessions sont une erreur. Avec une seule plage, celle-ci donne les pages vues par session, et le taux est la part de ses cellules non vides égales à 1. Un export Google Analytics 4 donne les Sessions et les Sessions avec engagement, sans rebonds, et sa colonne « Taux de rebond » est un taux par ligne qu'il ne faut pas moyenner : ajoutez une colonne Sessions − Sessions avec engagement et utilisez-la comme `bounces`.",
    },
    example: {
      formula: "=KPI_BOUNCE_RATE(D2:D3, C2:C3)",
      args: [
        [[120], [80]],
        [[300], [200]],
      ],
      result: 0.4,
    },
    moreExamples: [
      {
        formula: "=KPI_BOUNCE_RATE(B2:B6)",
        args: [[[1], [3], [1], [2], [1]]],
        result: 0.6,
        note: {
          en: "One range of pages per session: 3 of the 5 sessions viewed one page.",
          fr: "Une plage de pages par session : 3 des 5 sessions n'ont vu qu'une page.",
        },
      },
    ],
  },
  {
    id: "engagement",
    functionName: "KPI_ENGAGEMENT",
    name: { en: "Engagement per post", fr: "Engagement par publication" },
    definition: {
      en: "Interactions (likes, comments, shares) per post.",
      fr: "Interactions (j'aime, commentaires, partages) par publication.",
    },
    formula: { en: "Σinteractions ÷ Σposts", fr: "Σinteractions ÷ Σpublications" },
    inputs: [
      count(
        "interactions",
        { en: "Interactions", fr: "Interactions" },
        {
          en: "Likes, comments, shares…: one or several columns, all summed.",
          fr: "J'aime, commentaires, partages… : une ou plusieurs colonnes, toutes additionnées.",
        },
        {
          en: [
            "Interactions",
            "Engagements",
            "Total engagements",
            "Total interactions",
            "Post engagements",
          ],
          fr: [
            "Interactions",
            "Engagements",
            "Total des interactions",
            "Interactions totales",
            "Engagement",
          ],
        },
        {
          multiColumn: true,
          partAliases: {
            en: [
              "Likes",
              "Reactions",
              "Comments",
              "Shares",
              "Retweets",
              "Reposts",
              "Saves",
              "Replies",
            ],
            fr: [
              "J'aime",
              "Réactions",
              "Commentaires",
              "Partages",
              "Republications",
              "Enregistrements",
              "Réponses",
            ],
          },
        },
      ),
      count(
        "posts",
        { en: "Posts", fr: "Publications" },
        {
          en: "Number of posts (or reach, or followers: see the variants).",
          fr: "Nombre de publications (ou portée, ou abonnés : voir les variantes).",
        },
        {
          en: ["Posts", "Number of posts", "Published posts", "Publications", "Tweets"],
          fr: ["Publications", "Nombre de publications", "Posts", "Publications publiées"],
        },
      ),
    ],
    combine: {
      kind: "ratio",
      numerator: [{ input: "interactions" }],
      denominator: [{ input: "posts" }],
    },
    unit: "ratio",
    direction: "higher",
    doc: {
      en: "Interactions per post, the usual definition of social engagement. `interactions` may span several columns (likes, comments, shares), all summed, and summed across each row in rows mode. Variants: pass reach (people reached) as the second argument for the engagement rate by reach, or followers for the engagement rate by followers; both are fractions, to format as percentages.",
      fr: "Les interactions par publication, la définition usuelle de l'engagement sur les réseaux sociaux. `interactions` peut couvrir plusieurs colonnes (j'aime, commentaires, partages), toutes additionnées, et additionnées sur chaque ligne en mode lignes. Variantes : passez la portée (personnes atteintes) en second argument pour le taux d'engagement par portée, ou le nombre d'abonnés pour le taux d'engagement par abonné ; ce sont des fractions, à afficher en pourcentage.",
    },
    example: {
      formula: "=KPI_ENGAGEMENT(B2:D3, E2:E3)",
      args: [
        [
          [40, 10, 5],
          [25, 5, 5],
        ],
        [[2], [1]],
      ],
      result: 30,
    },
    moreExamples: [
      {
        formula: '=KPI_ENGAGEMENT(B2:D3, E2:E3, "rows")',
        args: [
          [
            [40, 10, 5],
            [25, 5, 5],
          ],
          [[2], [1]],
          "rows",
        ],
        result: [[27.5], [35]],
        note: {
          en: "Rows mode: each row's likes + comments + shares over its posts.",
          fr: "Mode lignes : j'aime + commentaires + partages de chaque ligne, divisés par ses publications.",
        },
      },
    ],
  },
  {
    id: "roi",
    functionName: "KPI_ROI",
    name: { en: "Return on investment (ROI)", fr: "Retour sur investissement (ROI)" },
    definition: {
      en: "Profit made per unit spent.",
      fr: "Bénéfice réalisé par unité dépensée.",
    },
    formula: { en: "(Σrevenue − Σcost) ÷ Σcost", fr: "(Σchiffre d'affaires − Σcoût) ÷ Σcoût" },
    inputs: [revenueInput, costInput],
    combine: {
      kind: "ratio",
      numerator: [{ input: "revenue" }, { input: "cost", sign: -1 }],
      denominator: [{ input: "cost" }],
    },
    unit: "percent",
    direction: "higher",
    doc: {
      en: "Revenue minus cost, over cost: 2 (200%) means each unit spent brought back three. Negative when the campaign lost money. Use the margin instead of revenue for a profit-based ROI.",
      fr: "Chiffre d'affaires moins coût, divisé par le coût : 2 (200 %) signifie que chaque unité dépensée en a rapporté trois. Négatif quand la campagne a perdu de l'argent. Utilisez la marge au lieu du chiffre d'affaires pour un ROI sur le bénéfice.",
    },
    example: {
      formula: "=KPI_ROI(B2:B3, C2:C3)",
      args: [
        [[5000], [7000]],
        [[2000], [2000]],
      ],
      result: 2,
    },
  },
  {
    id: "roas",
    functionName: "KPI_ROAS",
    name: { en: "Return on ad spend (ROAS)", fr: "Retour sur dépenses publicitaires (ROAS)" },
    definition: {
      en: "Revenue per unit of ad spend.",
      fr: "Chiffre d'affaires par unité de dépense publicitaire.",
    },
    formula: { en: "Σrevenue ÷ Σcost", fr: "Σchiffre d'affaires ÷ Σcoût" },
    inputs: [revenueInput, costInput],
    combine: {
      kind: "ratio",
      numerator: [{ input: "revenue" }],
      denominator: [{ input: "cost" }],
    },
    unit: "ratio",
    direction: "higher",
    doc: {
      en: "Revenue over ad spend: 3 means three units of revenue per unit spent (often written 3:1 or 300%).",
      fr: "Chiffre d'affaires divisé par la dépense publicitaire : 3 signifie trois unités de chiffre d'affaires par unité dépensée (souvent noté 3:1 ou 300 %).",
    },
    example: {
      formula: "=KPI_ROAS(B2:B3, C2:C3)",
      args: [
        [[5000], [7000]],
        [[2000], [2000]],
      ],
      result: 3,
    },
  },
  {
    id: "cpa",
    functionName: "KPI_CPA",
    name: { en: "Cost per acquisition (CPA)", fr: "Coût par acquisition (CPA)" },
    definition: {
      en: "Cost of each conversion.",
      fr: "Coût de chaque conversion.",
    },
    formula: { en: "Σcost ÷ Σconversions", fr: "Σcoût ÷ Σconversions" },
    inputs: [costInput, conversionsInput],
    combine: {
      kind: "ratio",
      numerator: [{ input: "cost" }],
      denominator: [{ input: "conversions" }],
    },
    unit: "currency",
    direction: "lower",
    doc: {
      en: "Total cost over total conversions, in the sheet's currency. Lower is better.",
      fr: "Coût total divisé par le nombre total de conversions, dans la devise de la feuille. Plus bas est meilleur.",
    },
    example: {
      formula: "=KPI_CPA(B2:B3, C2:C3)",
      args: [
        [[300], [500]],
        [[10], [30]],
      ],
      result: 20,
    },
  },
  {
    id: "cpc",
    functionName: "KPI_CPC",
    name: { en: "Cost per click (CPC)", fr: "Coût par clic (CPC)" },
    definition: { en: "Cost of each click.", fr: "Coût de chaque clic." },
    formula: { en: "Σcost ÷ Σclicks", fr: "Σcoût ÷ Σclics" },
    inputs: [costInput, clicksInput],
    combine: {
      kind: "ratio",
      numerator: [{ input: "cost" }],
      denominator: [{ input: "clicks" }],
    },
    unit: "currency",
    direction: "lower",
    doc: {
      en: "Total cost over total clicks, in the sheet's currency. Lower is better.",
      fr: "Coût total divisé par le nombre total de clics, dans la devise de la feuille. Plus bas est meilleur.",
    },
    example: {
      formula: "=KPI_CPC(B2:B3, C2:C3)",
      args: [
        [[120], [80]],
        [[300], [500]],
      ],
      result: 0.25,
    },
  },
  {
    id: "cpm",
    functionName: "KPI_CPM",
    name: { en: "Cost per thousand impressions (CPM)", fr: "Coût pour mille impressions (CPM)" },
    definition: {
      en: "Cost of a thousand impressions.",
      fr: "Coût de mille impressions.",
    },
    formula: { en: "1000 × Σcost ÷ Σimpressions", fr: "1000 × Σcoût ÷ Σimpressions" },
    inputs: [costInput, impressionsInput],
    combine: {
      kind: "ratio",
      numerator: [{ input: "cost" }],
      denominator: [{ input: "impressions" }],
      scale: 1000,
    },
    unit: "currency",
    direction: "lower",
    doc: {
      en: "Total cost per thousand impressions, in the sheet's currency. Lower is better.",
      fr: "Coût total pour mille impressions, dans la devise de la feuille. Plus bas est meilleur.",
    },
    example: {
      formula: "=KPI_CPM(B2:B3, C2:C3)",
      args: [
        [[60], [90]],
        [[20000], [30000]],
      ],
      result: 3,
    },
  },
];

const BY_ID = new Map(KPIS.map((k) => [k.id, k]));

/** The KPI with that id, or undefined. */
export function findKpi(id: string): KpiDefinition | undefined {
  return BY_ID.get(id);
}

/** The KPI with that id; throws if there is none. */
export function getKpi(id: string): KpiDefinition {
  const kpi = BY_ID.get(id);
  if (!kpi) throw new Error(`unknown KPI "${id}"; known: ${KPIS.map((k) => k.id).join(", ")}`);
  return kpi;
}

// ---------------------------------------------------------------------------------------------
// Column auto-mapping

export type MatchConfidence = "exact" | "partial" | "none";

export interface ColumnSuggestion {
  /** The best column (0-based), or null when nothing matched. Equal to columns[0]. */
  readonly column: number | null;
  /** Every chosen column: several for a multiColumn input mapped to its parts. */
  readonly columns: readonly number[];
  readonly header: string | null;
  /** "partial" (a token match) is a guess the wizard should flag as unsure. */
  readonly confidence: MatchConfidence;
  /** Every column that matches an alias of this input, best first, chosen or not. */
  readonly candidates: readonly number[];
}

/** Lower-cased, accents and parenthesised notes "(s)", "(EUR)" dropped, split into words. */
function words(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
}

/** A word without a plural "s", so "Clicks" and "click" meet. */
function stem(word: string): string {
  return word.length > 3 && word.endsWith("s") ? word.slice(0, -1) : word;
}

interface Match {
  readonly exact: boolean;
  /** Lower is better: the alias's index, after all the main aliases for combined ones. */
  readonly rank: number;
  readonly combined: boolean;
}

interface PreparedAlias {
  readonly key: string;
  readonly stems: readonly string[];
  readonly rank: number;
}

function prepare(aliases: Aliases | undefined, offset: number): PreparedAlias[] {
  if (!aliases) return [];
  const out: PreparedAlias[] = [];
  for (const list of [aliases.en, aliases.fr]) {
    list.forEach((alias, i) => {
      const w = words(alias);
      if (w.length > 0) out.push({ key: w.join(""), stems: w.map(stem), rank: offset + i });
    });
  }
  return out;
}

/**
 * Words that turn a quantity into another measure: "Bounce rate" is not a count of bounces, nor
 * "Cost per click" a total cost, nor "Average order value" a revenue. A header carrying one the
 * alias does not is not even a partial match, so the wizard never proposes a rate for a count.
 */
const OTHER_MEASURE = new Set(
  ["rate", "ratio", "per", "average", "avg", "mean", "taux", "par", "moyenne", "moyen"].map(stem),
);

function namesAnotherMeasure(
  headerStems: ReadonlySet<string>,
  aliasStems: readonly string[],
): boolean {
  for (const s of headerStems) if (OTHER_MEASURE.has(s) && !aliasStems.includes(s)) return true;
  return false;
}

function bestMatch(
  headerKey: string,
  headerStems: ReadonlySet<string>,
  aliases: readonly PreparedAlias[],
): { exact: boolean; rank: number } | null {
  let best: { exact: boolean; rank: number } | null = null;
  for (const a of aliases) {
    const exact = a.key === headerKey;
    const partial =
      !exact &&
      a.stems.every((s) => headerStems.has(s)) &&
      !namesAnotherMeasure(headerStems, a.stems);
    if (!exact && !partial) continue;
    if (!best || (exact && !best.exact) || (exact === best.exact && a.rank < best.rank)) {
      best = { exact, rank: a.rank };
    }
  }
  return best;
}

function matchAll(
  headers: readonly string[],
  aliases: readonly PreparedAlias[],
  combined: boolean,
) {
  const out: { column: number; match: Match }[] = [];
  headers.forEach((header, column) => {
    const w = words(String(header ?? ""));
    if (w.length === 0) return;
    const m = bestMatch(w.join(""), new Set(w.map(stem)), aliases);
    if (m) out.push({ column, match: { ...m, combined } });
  });
  return out;
}

function better(a: Match, b: Match): number {
  if (a.exact !== b.exact) return a.exact ? -1 : 1;
  return a.rank - b.rank;
}

const NONE: ColumnSuggestion = {
  column: null,
  columns: [],
  header: null,
  confidence: "none",
  candidates: [],
};

/**
 * Which column of a table (by its headers) each input of `kpi` most likely is. Headers are
 * compared with the en and fr aliases, ignoring case, accents, punctuation and notes in
 * parentheses: an identical header is "exact"; a header containing every word of an alias is
 * "partial". A column is given to at most one input; exact matches and earlier aliases win.
 */
export function suggestMapping(
  kpi: KpiDefinition,
  headers: readonly string[],
): Record<string, ColumnSuggestion> {
  const perInput = kpi.inputs.map((input) => {
    const main = matchAll(headers, prepare(input.aliases, 0), false);
    const combined = matchAll(headers, prepare(input.combinedAliases?.aliases, 1000), true);
    const byColumn = new Map<number, Match>();
    for (const { column, match } of [...main, ...combined]) {
      const prev = byColumn.get(column);
      if (!prev || better(match, prev) < 0) byColumn.set(column, match);
    }
    const parts = input.multiColumn ? matchAll(headers, prepare(input.partAliases, 0), false) : [];
    return { input, byColumn, parts };
  });

  const result: Record<string, ColumnSuggestion> = {};
  const used = new Set<number>();
  const pairs = perInput.flatMap(({ input, byColumn }) =>
    [...byColumn].map(([column, match]) => ({ input, column, match })),
  );
  pairs.sort((a, b) => better(a.match, b.match) || a.column - b.column);
  const unmapped = new Set<string>();
  for (const { input, column, match } of pairs) {
    if (result[input.name] || used.has(column) || unmapped.has(input.name)) continue;
    used.add(column);
    result[input.name] = {
      column,
      columns: [column],
      header: headers[column] ?? null,
      confidence: match.exact ? "exact" : "partial",
      candidates: [],
    };
    if (match.combined) {
      for (const name of input.combinedAliases?.leavesUnmapped ?? []) {
        unmapped.add(name);
        const taken = result[name];
        if (taken?.column !== null && taken?.column !== undefined) used.delete(taken.column);
        delete result[name];
      }
    }
  }
  for (const { input, parts } of perInput) {
    if (result[input.name] || !input.multiColumn) continue;
    const free = parts.filter((p) => !used.has(p.column));
    const exact = free.filter((p) => p.match.exact);
    const chosen = (exact.length > 0 ? exact : free).map((p) => p.column).sort((a, b) => a - b);
    if (chosen.length === 0) continue;
    for (const c of chosen) used.add(c);
    result[input.name] = {
      column: chosen[0] ?? null,
      columns: chosen,
      header: headers[chosen[0] ?? -1] ?? null,
      confidence: exact.length > 0 ? "exact" : "partial",
      candidates: [],
    };
  }
  for (const { input, byColumn, parts } of perInput) {
    const ranked = [...byColumn].sort((a, b) => better(a[1], b[1]) || a[0] - b[0]).map(([c]) => c);
    for (const p of parts) if (!ranked.includes(p.column)) ranked.push(p.column);
    result[input.name] = { ...(result[input.name] ?? NONE), candidates: ranked };
  }
  return result;
}

/** The most likely date column of a table, by the same rules as suggestMapping. */
export function suggestDateColumn(headers: readonly string[]): ColumnSuggestion {
  const matches = matchAll(headers, prepare(DATE_ALIASES, 0), false).sort(
    (a, b) => better(a.match, b.match) || a.column - b.column,
  );
  const first = matches[0];
  if (!first) return NONE;
  return {
    column: first.column,
    columns: [first.column],
    header: headers[first.column] ?? null,
    confidence: first.match.exact ? "exact" : "partial",
    candidates: matches.map((m) => m.column),
  };
}
