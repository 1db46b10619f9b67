/**
 * Server-side messages of the wizard endpoints, in English and French. Each error names the
 * wizard field it is about and says what would fix it; the sidebar shows it as it comes.
 */
import { defineCatalogue, type Lang } from "../../contract/i18n.ts";
import type { Direction, KpiDefinition } from "../../kpi/types.ts";

export const wizardMessages = defineCatalogue({
  en: {
    titleNew: "New objective",
    titleList: "Objectives",
    buildMissing:
      "KPI Pilot: the sidebar page is missing from this build. Reinstall the add-on or run npm run build.",
    field_kpiId: "KPI",
    field_sourceSheet: "Source tab",
    field_dateColumn: "Date column",
    field_inputs: "Columns",
    field_frequency: "Review frequency",
    field_direction: "Direction",
    field_baseline: "Baseline",
    field_target: "Target",
    field_startDate: "Start date",
    field_deadline: "Deadline",
    field_values: "Data history",
    notAnObject: "The wizard sent no objective draft. Close the sidebar, open it again and retry.",
    required: "{field}: required.",
    notText: "{field}: expected text, got {value}.",
    unknownKpi: "{field}: {value} is not a KPI of KPI Pilot. Choose one from the list.",
    noSheet: "{field}: there is no tab named {value} any more. Choose another tab.",
    emptySheet: "{field}: the tab {value} has no data below its header row.",
    noColumn: "{field}: the tab {sheet} has no column headed {value}. Choose one of its columns.",
    inputsNotObject: "{field}: expected a column for each input of the KPI.",
    inputUnknown: "{field}: {kpi} has no input {value}.",
    inputMissing: "{field}: choose the column for {label}.",
    inputOneColumn: "{field}: {label} takes one column, not {count}.",
    inputTooMany: "{field}: {label} adds up at most {max} columns.",
    inputDuplicate: "{field}: the column {value} is chosen twice for {label}.",
    tooLong: "{field}: at most {max} characters, got {length}.",
    badChoice: "{field}: expected one of {list}, got {value}.",
    notNumber: "{field}: expected a number, got {value}.",
    badDate: "{field}: {value} is not a date written YYYY-MM-DD.",
    deadlineNotAfterStart: "{field}: the deadline must come after the start date ({start}).",
    nameHigher: "Raise {kpi}",
    nameLower: "Lower {kpi}",
  },
  fr: {
    titleNew: "Nouvel objectif",
    titleList: "Objectifs",
    buildMissing:
      "KPI Pilot\u00a0: la page de la barre latérale manque dans cette version. Réinstallez le module ou lancez npm run build.",
    field_kpiId: "KPI",
    field_sourceSheet: "Onglet source",
    field_dateColumn: "Colonne de dates",
    field_inputs: "Colonnes",
    field_frequency: "Fréquence de suivi",
    field_direction: "Sens",
    field_baseline: "Valeur de départ",
    field_target: "Cible",
    field_startDate: "Date de début",
    field_deadline: "Échéance",
    field_values: "Historique des données",
    notAnObject:
      "L'assistant n'a envoyé aucun brouillon d'objectif. Fermez la barre latérale, rouvrez-la et réessayez.",
    required: "{field}\u00a0: obligatoire.",
    notText: "{field}\u00a0: texte attendu, reçu {value}.",
    unknownKpi:
      "{field}\u00a0: {value} n'est pas un KPI de KPI Pilot. Choisissez-en un dans la liste.",
    noSheet: "{field}\u00a0: il n'y a plus d'onglet nommé {value}. Choisissez un autre onglet.",
    emptySheet: "{field}\u00a0: l'onglet {value} n'a aucune donnée sous sa ligne d'en-tête.",
    noColumn:
      "{field}\u00a0: l'onglet {sheet} n'a pas de colonne intitulée {value}. Choisissez l'une de ses colonnes.",
    inputsNotObject: "{field}\u00a0: une colonne est attendue pour chaque donnée du KPI.",
    inputUnknown: "{field}\u00a0: {kpi} n'a pas de donnée {value}.",
    inputMissing: "{field}\u00a0: choisissez la colonne pour {label}.",
    inputOneColumn: "{field}\u00a0: {label} prend une seule colonne, pas {count}.",
    inputTooMany: "{field}\u00a0: {label} additionne au plus {max} colonnes.",
    inputDuplicate: "{field}\u00a0: la colonne {value} est choisie deux fois pour {label}.",
    tooLong: "{field}\u00a0: {max} caractères au plus, reçu {length}.",
    badChoice: "{field}\u00a0: valeur attendue parmi {list}, reçu {value}.",
    notNumber: "{field}\u00a0: nombre attendu, reçu {value}.",
    badDate: "{field}\u00a0: {value} n'est pas une date au format AAAA-MM-JJ.",
    deadlineNotAfterStart: "{field}\u00a0: l'échéance doit suivre la date de début ({start}).",
    nameHigher: "Augmenter {kpi}",
    nameLower: "Réduire {kpi}",
  },
});

export type WizardMessageKey = keyof typeof wizardMessages.en;

/** The KPI inside a sentence ("the conversion rate", « le taux de conversion »). */
export function kpiPhrase(kpi: KpiDefinition, lang: Lang): string {
  return kpi.phrase[lang];
}

/** A prefilled objective name: "Raise conversion rate", « Augmenter le taux de conversion ». */
export function suggestedName(kpi: KpiDefinition, direction: Direction, lang: Lang): string {
  return wizardMessages.t(lang, direction === "lower" ? "nameLower" : "nameHigher", {
    kpi: kpi.phraseInName[lang],
  });
}
