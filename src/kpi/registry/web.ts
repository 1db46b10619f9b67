/** KPIs of a website's traffic: conversion rate, unique visitors, visit duration, bounce rate. */
import type { Aliases, KpiDefinition } from "../types.ts";
import { conversionsInput, count, DATE_ALIASES } from "./inputs.ts";

// Sessions before users: sessions add up over the days of a month, users do not (a person who
// comes back on three days is three daily users).
const VISITORS: Aliases = {
  en: ["Visitors", "Sessions", "Visits", "Unique visitors", "Total users", "Users", "Active users"],
  fr: [
    "Visiteurs",
    "Sessions",
    "Visites",
    "Visiteurs uniques",
    "Nombre total d'utilisateurs",
    "Utilisateurs",
    "Utilisateurs actifs",
  ],
};
const ENGAGED_SESSIONS: Aliases = {
  en: ["Engaged sessions"],
  fr: ["Sessions avec engagement", "Sessions engagées"],
};
const SESSIONS: Aliases = {
  en: ["Sessions", "Visits", "Total sessions", "Number of sessions"],
  fr: ["Sessions", "Visites", "Nombre de sessions", "Sessions totales"],
};

export const conversion: KpiDefinition = {
  id: "conversion",
  functionName: "KPI_CONVERSION",
  name: { en: "Conversion rate", fr: "Taux de conversion" },
  phrase: { en: "the conversion rate", fr: "le taux de conversion" },
  phraseInName: { en: "conversion rate", fr: "le taux de conversion" },
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
    en: "The conversions of all rows divided by the visitors of all rows: a ratio of sums, never the mean of the rows' rates, so a busy day weighs more than a quiet one. Pass sessions instead of visitors for a per-session rate. Daily users do not add up: a person who comes back on three days of a month is three daily users, so a monthly rate on summed users reads too low; GA4 exports are best read per session.",
    fr: "Les conversions de toutes les lignes divisées par les visiteurs de toutes les lignes : un ratio de sommes, jamais la moyenne des taux des lignes, si bien qu'une journée chargée pèse plus qu'une journée calme. Passez les sessions au lieu des visiteurs pour un taux par session. Les utilisateurs d'un jour ne s'additionnent pas : une personne revenue trois jours dans le mois compte pour trois, si bien qu'un taux mensuel sur des utilisateurs additionnés est trop bas ; un export GA4 se lit plutôt par session.",
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
};

export const uniqueVisitors: KpiDefinition = {
  id: "unique_visitors",
  functionName: "KPI_UNIQUE_VISITORS",
  name: { en: "Unique visitors", fr: "Visiteurs uniques" },
  phrase: { en: "the number of unique visitors", fr: "le nombre de visiteurs uniques" },
  phraseInName: { en: "unique visitors", fr: "les visiteurs uniques" },
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
};

export const avgVisitDuration: KpiDefinition = {
  id: "avg_visit_duration",
  functionName: "KPI_AVG_VISIT_DURATION",
  name: { en: "Average visit duration", fr: "Durée moyenne des visites" },
  phrase: { en: "the average visit duration", fr: "la durée moyenne des visites" },
  phraseInName: { en: "average visit duration", fr: "la durée moyenne des visites" },
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
          "User engagement",
          "Visit duration",
          "Duration",
        ],
        fr: [
          "Durée totale des sessions (s)",
          "Durée totale des sessions",
          "Durée des sessions",
          "Durée de session",
          "Temps d'engagement total",
          "Engagement de l'utilisateur",
          "Durée des visites",
          "Durée",
        ],
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
    en: "In seconds. With one range, the mean of its non-blank durations (one visit per cell). With two, total duration over total visits (each row a day's total). A duration may be a number of seconds, a Sheets duration or time (converted exactly, in the spreadsheet's time zone), or text `h:mm:ss` or `m:ss`. Format the result with `=B1/86400` as a duration if you prefer `[h]:mm:ss`. A column of averages (GA4's Average engagement time per session) is not a duration to add up: averaging it weighs a quiet day like a busy one. Use a total (GA4's User engagement) with the sessions.",
    fr: "En secondes. Avec une plage, la moyenne de ses durées non vides (une visite par cellule). Avec deux, la durée totale divisée par le nombre total de visites (chaque ligne étant le total d'un jour). Une durée peut être un nombre de secondes, une durée ou une heure Sheets (convertie exactement, dans le fuseau du classeur), ou du texte `h:mm:ss` ou `m:ss`. Pour un affichage `[h]:mm:ss`, divisez le résultat par 86400. Une colonne de moyennes (la Durée d'engagement moyenne par session de GA4) n'est pas une durée à additionner : la moyenner pèse un jour calme autant qu'un jour chargé. Prenez un total (l'Engagement de l'utilisateur de GA4) avec les sessions.",
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
};

export const bounceRate: KpiDefinition = {
  id: "bounce_rate",
  functionName: "KPI_BOUNCE_RATE",
  name: { en: "Bounce rate", fr: "Taux de rebond" },
  phrase: { en: "the bounce rate", fr: "le taux de rebond" },
  phraseInName: { en: "bounce rate", fr: "le taux de rebond" },
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
      { derivedAliases: { plus: SESSIONS, minus: ENGAGED_SESSIONS } },
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
    en: "With two ranges, single-page sessions over sessions; bounces greater than sessions is an error. With one range, that range holds the pages viewed in each session, and the rate is the share of its non-blank cells equal to 1. A Google Analytics 4 export has Sessions and Engaged sessions but no bounces, and its own “Bounce rate” column is a rate per row that must not be averaged or added up: GA4's bounces are Sessions − Engaged sessions, so pass that difference as `bounces`, `=KPI_BOUNCE_RATE(ARRAYFORMULA(B2:B31-C2:C31), B2:B31)` with Sessions in B and Engaged sessions in C (the wizard maps a GA4 export this way by itself).",
    fr: "Avec deux plages, les sessions d'une page rapportées aux sessions ; des rebonds supérieurs aux sessions sont une erreur. Avec une seule plage, celle-ci donne les pages vues par session, et le taux est la part de ses cellules non vides égales à 1. Un export Google Analytics 4 donne les Sessions et les Sessions avec engagement, sans rebonds, et sa colonne « Taux de rebond » est un taux par ligne qu'il ne faut ni moyenner ni additionner : les rebonds de GA4 sont Sessions − Sessions avec engagement, passez donc cette différence comme `bounces`, `=KPI_BOUNCE_RATE(ARRAYFORMULA(B2:B31-C2:C31); B2:B31)` avec les Sessions en B et les Sessions avec engagement en C (l'assistant associe ainsi un export GA4 de lui-même).",
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
    {
      formula: "=KPI_BOUNCE_RATE(ARRAYFORMULA(B2:B3-C2:C3), B2:B3)",
      args: [
        [[300 - 180], [200 - 150]],
        [[300], [200]],
      ],
      result: 0.34,
      note: {
        en: "A GA4 export: Sessions in B (300, 200), Engaged sessions in C (180, 150); (120 + 50) ÷ 500.",
        fr: "Un export GA4 : Sessions en B (300, 200), Sessions avec engagement en C (180, 150) ; (120 + 50) ÷ 500.",
      },
    },
  ],
};
