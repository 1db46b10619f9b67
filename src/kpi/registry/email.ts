/** KPIs of e-mail campaigns: open rate. */
import type { Aliases, KpiDefinition } from "../types.ts";
import { count } from "./inputs.ts";

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

export const openRate: KpiDefinition = {
  id: "open_rate",
  functionName: "KPI_OPEN_RATE",
  name: { en: "Open rate", fr: "Taux d'ouverture" },
  phrase: { en: "the open rate", fr: "le taux d'ouverture" },
  phraseInName: { en: "open rate", fr: "le taux d'ouverture" },
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
      { combinedAliases: { aliases: DELIVERED, leavesUnmapped: ["bounced"], preferred: true } },
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
    en: 'Opens over delivered e-mails, delivered being sent minus bounced. Without `bounced` (omitted or blank) it is opens over sent; pass a "Delivered" column as `sent` and omit `bounced` if your tool reports deliveries (Brevo, Mailchimp): that is the open rate their own reports show, and sent − hard bounces would forget the soft bounces. Never pass an "Open rate" column: rates of campaigns do not add up. `bounced` greater than `sent` is an error. A text third argument `"rows"` or `"total"` is taken as the mode.',
    fr: "Les ouvertures rapportées aux e-mails délivrés, c'est-à-dire envoyés moins rebonds. Sans `bounced` (omis ou vide), ouvertures ÷ envoyés ; si votre outil donne les e-mails délivrés (Brevo, Mailchimp), passez cette colonne comme `sent` et omettez `bounced` : c'est le taux d'ouverture de leurs propres rapports, alors qu'envoyés moins hard bounces oublierait les soft bounces. Ne passez jamais une colonne « Taux d'ouverture » : les taux des campagnes ne s'additionnent pas. `bounced` supérieur à `sent` est une erreur. Un troisième argument texte `\"rows\"` ou `\"total\"` est pris comme mode.",
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
};
