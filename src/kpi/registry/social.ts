/** KPIs of social media: engagement per post. */
import type { KpiDefinition } from "../types.ts";
import { count } from "./inputs.ts";

export const engagement: KpiDefinition = {
  id: "engagement",
  functionName: "KPI_ENGAGEMENT",
  name: { en: "Engagement per post", fr: "Engagement par publication" },
  phrase: { en: "the engagement per post", fr: "l'engagement par publication" },
  phraseInName: { en: "engagement per post", fr: "l'engagement par publication" },
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
      {
        rowAliases: {
          en: ["Post ID", "Permalink", "Post link"],
          fr: ["Identifiant de la publication", "Lien permanent", "Lien de la publication"],
        },
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
    en: "Interactions per post, the usual definition of social engagement. `interactions` may span several columns (likes, comments, shares), all summed, and summed across each row in rows mode. Variants: pass reach (people reached) as the second argument for the engagement rate by reach, or followers for the engagement rate by followers; both are fractions, to format as percentages. A posts export (Meta Business Suite) has one row per post and no posts column: pass a column of 1s, or let the wizard count one post per row; never the Post ID column, which is a label, not a number of posts.",
    fr: "Les interactions par publication, la définition usuelle de l'engagement sur les réseaux sociaux. `interactions` peut couvrir plusieurs colonnes (j'aime, commentaires, partages), toutes additionnées, et additionnées sur chaque ligne en mode lignes. Variantes : passez la portée (personnes atteintes) en second argument pour le taux d'engagement par portée, ou le nombre d'abonnés pour le taux d'engagement par abonné ; ce sont des fractions, à afficher en pourcentage. Un export de publications (Meta Business Suite) a une ligne par publication et pas de colonne de publications : passez une colonne de 1, ou laissez l'assistant compter une publication par ligne ; jamais la colonne Identifiant de la publication, qui est une étiquette, pas un nombre de publications.",
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
};
