/** Sidebar words, en/fr: one section of the catalogue in ../messages.ts. */
export const ADVISOR = {
  en: {
    advisorTitle: "Find the right KPI",
    advisorIntro:
      "Say what you want to improve, and where: the advisor suggests the KPIs that measure it and checks your tabs for them.",
    advisorGoalLegend: "What do you want to improve?",
    advisorChannelLegend: "Through which channel?",
    advisorChooseBoth: "Choose a goal and a channel to see the KPIs that measure it.",
    advisorSuggestions: "Suggested KPIs, best first",
    advisorPickHint: "Choose one to set up its objective.",
    advisorMeasurable: "Measurable from {tabs}.",
    advisorMissing: "No {inputs} column in “{sheet}”: {kpi} can't be measured from this tab.",
    advisorOr: "or",
    advisorNoTab: "No tab with a date column yet: insert sample data or paste an export first.",
    advisorSkip: "Skip: I'll choose the KPI",
    benchTitle: "Against the market",
    benchAverage: "average",
    benchMedian: "median",
    benchLine: "{channel} {statistic}: {value} ({year}, {source})",
    benchAbout: "{sample}; {period}.",
    benchSits:
      "Your baseline {baseline} is {baselinePos} it; your target {target} is {targetPos} it.",
    benchSitsBaseline: "Your baseline {baseline} is {baselinePos} it.",
    benchSitsTarget: "Your target {target} is {targetPos} it.",
    posAbove: "above",
    posBelow: "below",
    posAt: "level with",
    benchCurrency: "This figure is in {currency}; your values are in your sheet's currency.",
    benchMpp:
      "Since 2021 Apple Mail Privacy Protection counts e-mails as opened when they are only downloaded, so open rates run high and differ from year to year: compare your click rate too.",
    benchInforms: "For information: a benchmark never blocks your target.",
    benchNone:
      "No published benchmark is shipped for this KPI. KPI_BENCHMARK can read a table of your own.",
  },
  fr: {
    advisorTitle: "Trouver le bon KPI",
    advisorIntro:
      "Dites ce que vous voulez améliorer, et par quel canal : l'assistant propose les KPI qui le mesurent et cherche de quoi les calculer dans vos onglets.",
    advisorGoalLegend: "Que voulez-vous améliorer ?",
    advisorChannelLegend: "Par quel canal ?",
    advisorChooseBoth: "Choisissez un objectif et un canal pour voir les KPI qui le mesurent.",
    advisorSuggestions: "KPI suggérés, le plus pertinent d'abord",
    advisorPickHint: "Choisissez-en un pour préparer son objectif.",
    advisorMeasurable: "Mesurable depuis {tabs}.",
    advisorMissing:
      "Pas de colonne {inputs} dans «\u00a0{sheet}\u00a0» : impossible de mesurer {kpi} depuis cet onglet.",
    advisorOr: "ou",
    advisorNoTab:
      "Aucun onglet avec une colonne de dates pour l'instant : insérez les données d'exemple ou collez d'abord un export.",
    advisorSkip: "Passer : je choisis le KPI",
    benchTitle: "Face au marché",
    benchAverage: "moyenne",
    benchMedian: "médiane",
    benchLine: "{channel}, {statistic} : {value} ({year}, {source})",
    benchAbout: "{sample} ; {period}.",
    benchSits:
      "Votre valeur de départ ({baseline}) est {baselinePos} ; votre cible ({target}) est {targetPos}.",
    benchSitsBaseline: "Votre valeur de départ ({baseline}) est {baselinePos}.",
    benchSitsTarget: "Votre cible ({target}) est {targetPos}.",
    posAbove: "au-dessus",
    posBelow: "en dessous",
    posAt: "au même niveau",
    benchCurrency:
      "Ce chiffre est en {currency} ; vos valeurs sont dans la devise de votre classeur.",
    benchMpp:
      "Depuis 2021, la protection de la vie privée d'Apple Mail compte comme ouverts des e-mails seulement téléchargés : les taux d'ouverture sont gonflés et varient d'une année à l'autre ; comparez aussi votre taux de clics.",
    benchInforms: "À titre indicatif : une référence ne bloque jamais votre cible.",
    benchNone:
      "Aucune référence publiée n'est fournie pour ce KPI. KPI_BENCHMARK peut lire un tableau de vos propres chiffres.",
  },
} as const;
