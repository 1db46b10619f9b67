/** Server messages, en/fr: one section of the catalogue in ../messages.ts. The help tab. */
export const HELP = {
  en: {
    helpTab: "KPI Pilot help",
    helpHeading: "KPI Pilot help",
    helpSteps:
      "1. Insert sample data, or open a tab of your own exports (one row per day, a date column).\n" +
      "2. New objective… walks you through a SMART objective and saves it in the Objectives tab.\n" +
      "3. Build or refresh dashboard writes the KPI dashboard tab: status, trend and forecast.\n" +
      "KPI Pilot rewrites this tab each time you open Help; notes you add here are not kept.",
    helpObjectivesHeading: "The Objectives tab: one row per objective",
    helpColumn: "Column",
    helpHolds: "What it holds",
    helpFunctionsHeading: "Custom functions: type =KPI_ in a cell to see them with their help",
    helpSeparators:
      "This spreadsheet's locale writes decimal points, so arguments are separated by commas.",
    helpSeparatorsComma:
      "This spreadsheet's locale writes decimal commas, so arguments are separated by semicolons (;) and array columns by \\.",
    helpFunction: "Function",
    helpComputes: "What it computes",
    helpExample: "Example (type it in any cell)",
    helpResult: "Result",
    helpComputesLine: "{title}: {formula}",
    helpToast: 'Help is in the tab "{sheet}".',
    helpField_id:
      "A unique identifier, written by KPI Pilot. Keep it unique if you add rows by hand.",
    helpField_name: "The objective's name, as the dashboard and the weekly review show it.",
    helpField_kpiId: "Which KPI it measures: the KPI id (ctr, conversion, roas…).",
    helpField_channel: "The channel it concerns, if one was chosen.",
    helpField_filter:
      "Optional: only the rows whose column holds one of these values count, e.g. Campaign = Search - Brand, Brand Pro.",
    helpField_sourceSheet: "The tab holding the data, one row per day.",
    helpField_dateColumn: "The header of that tab's date column.",
    helpField_inputs:
      "Which columns feed each input of the KPI: input=Header; other=Header A + Header B (− subtracts a column, #rows counts one per row).",
    helpField_direction: "higher or lower: which way is better.",
    helpField_baseline: "The KPI's value at the start, in its unit.",
    helpField_target: "The value to reach by the deadline.",
    helpField_startDate: "The day the objective starts.",
    helpField_deadline: "The day the target must be reached.",
    helpField_frequency: "How often it is reviewed: weekly, monthly or quarterly.",
    helpField_owner: "Who is responsible for it.",
    helpField_businessGoal: "The business goal it serves, if one was chosen.",
    helpField_notes: "Your notes; KPI Pilot does not read them.",
    helpField_created: "When the objective was created (written by KPI Pilot).",
    helpField_updated: "When it was last changed (written by KPI Pilot).",
  },
  fr: {
    helpTab: "Aide KPI Pilot",
    helpHeading: "Aide KPI Pilot",
    helpSteps:
      "1. Insérez des données d'exemple, ou ouvrez un onglet de vos propres exports (une ligne par jour, une colonne de dates).\n" +
      "2. Nouvel objectif… vous guide vers un objectif SMART et l'enregistre dans l'onglet Objectifs.\n" +
      "3. Créer ou actualiser le tableau de bord écrit l'onglet Tableau de bord KPI : statut, tendance et prévision.\n" +
      "KPI Pilot réécrit cet onglet à chaque ouverture de l'Aide ; ce que vous y ajoutez n'est pas conservé.",
    helpObjectivesHeading: "L'onglet Objectifs : une ligne par objectif",
    helpColumn: "Colonne",
    helpHolds: "Contenu",
    helpFunctionsHeading:
      "Fonctions personnalisées : tapez =KPI_ dans une cellule pour les voir avec leur aide",
    helpSeparators:
      "Les paramètres régionaux de cette feuille écrivent les décimales avec un point : les arguments sont séparés par des virgules.",
    helpSeparatorsComma:
      "Les paramètres régionaux de cette feuille écrivent les décimales avec une virgule : les arguments sont séparés par des points-virgules (;) et les colonnes d'un tableau par \\.",
    helpFunction: "Fonction",
    helpComputes: "Ce qu'elle calcule",
    helpExample: "Exemple (à taper dans n'importe quelle cellule)",
    helpResult: "Résultat",
    helpComputesLine: "{title}\u00a0: {formula}",
    helpToast: "L'aide est dans l'onglet « {sheet} ».",
    helpField_id:
      "Un identifiant unique, écrit par KPI Pilot. Gardez-le unique si vous ajoutez des lignes à la main.",
    helpField_name:
      "Le nom de l'objectif, tel que le montrent le tableau de bord et la revue hebdomadaire.",
    helpField_kpiId: "Le KPI mesuré : son identifiant (ctr, conversion, roas…).",
    helpField_channel: "Le canal concerné, s'il a été choisi.",
    helpField_filter:
      "Facultatif : seules comptent les lignes dont la colonne contient l'une de ces valeurs, par ex. Campagne = Search - Marque, Marque Pro.",
    helpField_sourceSheet: "L'onglet qui contient les données, une ligne par jour.",
    helpField_dateColumn: "L'en-tête de la colonne de dates de cet onglet.",
    helpField_inputs:
      "Les colonnes de chaque entrée du KPI : entrée=En-tête; autre=En-tête A + En-tête B (− soustrait une colonne, #rows compte une par ligne).",
    helpField_direction: "higher (plus haut) ou lower (plus bas) : le sens qui est meilleur.",
    helpField_baseline: "La valeur du KPI au départ, dans son unité.",
    helpField_target: "La valeur à atteindre à l'échéance.",
    helpField_startDate: "Le jour où l'objectif commence.",
    helpField_deadline: "Le jour où la cible doit être atteinte.",
    helpField_frequency:
      "Le rythme de revue : weekly (hebdomadaire), monthly (mensuelle) ou quarterly (trimestrielle).",
    helpField_owner: "La personne responsable.",
    helpField_businessGoal: "L'objectif métier servi, s'il a été choisi.",
    helpField_notes: "Vos notes ; KPI Pilot ne les lit pas.",
    helpField_created: "La date de création de l'objectif (écrite par KPI Pilot).",
    helpField_updated: "La date de sa dernière modification (écrite par KPI Pilot).",
  },
} as const;
