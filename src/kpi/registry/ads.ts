/** KPIs of paid campaigns: click-through rate, returns on spend, and costs per result. */
import type { Aliases, KpiDefinition } from "../types.ts";
import { amount, conversionsInput, count } from "./inputs.ts";

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
    "Conv. value",
    "All conv. value",
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
    "Valeur de conv.",
    "Valeur de toutes les conv.",
    "Recettes",
    "Revenu total",
  ],
};

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

export const ctr: KpiDefinition = {
  id: "ctr",
  functionName: "KPI_CTR",
  name: { en: "Click-through rate (CTR)", fr: "Taux de clics (CTR)" },
  phrase: { en: "the click-through rate", fr: "le taux de clics" },
  phraseInName: { en: "click-through rate", fr: "le taux de clics" },
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
};

export const roi: KpiDefinition = {
  id: "roi",
  functionName: "KPI_ROI",
  name: { en: "Return on investment (ROI)", fr: "Retour sur investissement (ROI)" },
  phrase: { en: "the ROI", fr: "le ROI" },
  phraseInName: { en: "ROI", fr: "le ROI" },
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
};

export const roas: KpiDefinition = {
  id: "roas",
  functionName: "KPI_ROAS",
  name: { en: "Return on ad spend (ROAS)", fr: "Retour sur dépenses publicitaires (ROAS)" },
  phrase: { en: "the ROAS", fr: "le ROAS" },
  phraseInName: { en: "ROAS", fr: "le ROAS" },
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
};

export const cpa: KpiDefinition = {
  id: "cpa",
  functionName: "KPI_CPA",
  name: { en: "Cost per acquisition (CPA)", fr: "Coût par acquisition (CPA)" },
  phrase: { en: "the CPA", fr: "le CPA" },
  phraseInName: { en: "CPA", fr: "le CPA" },
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
};

export const cpc: KpiDefinition = {
  id: "cpc",
  functionName: "KPI_CPC",
  name: { en: "Cost per click (CPC)", fr: "Coût par clic (CPC)" },
  phrase: { en: "the CPC", fr: "le CPC" },
  phraseInName: { en: "CPC", fr: "le CPC" },
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
};

export const cpm: KpiDefinition = {
  id: "cpm",
  functionName: "KPI_CPM",
  name: { en: "Cost per thousand impressions (CPM)", fr: "Coût pour mille impressions (CPM)" },
  phrase: { en: "the CPM", fr: "le CPM" },
  phraseInName: { en: "CPM", fr: "le CPM" },
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
};
