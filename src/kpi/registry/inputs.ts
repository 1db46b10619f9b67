/**
 * What several families of KPIs share: the builders of a count or an amount input, the
 * conversions input (a rate's numerator on a site, a cost's denominator in ads) and the
 * aliases of a date column.
 */
import type { Aliases, KpiInput, Localized } from "../types.ts";

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

/** Aliases of a date column, for the wizard's choice of the dates of a table. */
export const DATE_ALIASES: Aliases = {
  en: ["Date", "Day", "Visit date", "Week", "Month", "Period", "Timestamp"],
  fr: ["Date", "Jour", "Date de visite", "Semaine", "Mois", "Période", "Horodatage"],
};

/**
 * Aliases of a column that tells apart the rows of one day (a post, a campaign, a channel), by
 * which an import matches this week's rows with last week's. Identifiers first: the most exact.
 */
export const KEY_ALIASES: Aliases = {
  en: [
    "Post ID",
    "Campaign ID",
    "Campaign",
    "Campaign name",
    "Ad set name",
    "Ad group",
    "Channel",
    "Session default channel group",
    "Session source / medium",
    "Source / medium",
  ],
  fr: [
    "Identifiant de la publication",
    "ID de la campagne",
    "Campagne",
    "Nom de la campagne",
    "Nom de l'ensemble de publicités",
    "Groupe d'annonces",
    "Canal",
    "Groupe de canaux par défaut de la session",
    "Source/Support de la session",
    "Source / support",
  ],
};

/** An input of `kind`, written in the entries as `count(name, label, help, aliases)`. */
function inputOf(kind: KpiInput["kind"]) {
  return (
    name: string,
    label: Localized,
    help: Localized,
    aliases: Aliases,
    extra: Partial<KpiInput> = {},
  ): KpiInput => ({ name, kind, label, help, aliases, ...extra });
}

export const count = inputOf("count");
export const amount = inputOf("amount");

export const conversionsInput = count(
  "conversions",
  { en: "Conversions", fr: "Conversions" },
  {
    en: "Number of conversions (purchases, sign-ups, key events).",
    fr: "Nombre de conversions (achats, inscriptions, événements clés).",
  },
  CONVERSIONS,
);
