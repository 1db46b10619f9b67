import { defineCatalogue } from "../../contract/i18n.ts";

export const menuMessages = defineCatalogue({
  en: {
    newObjective: "New objective…",
    objectives: "Objectives…",
    buildDashboard: "Build or refresh dashboard",
    insertSampleData: "Insert sample data",
    help: "Help",
    helpTitle: "KPI Pilot",
    helpText:
      "1. Insert sample data, or open a tab of your own exports (one row per day, a date column).\n" +
      "2. New objective… walks you through a SMART objective and saves it in the Objectives tab.\n" +
      "3. Build or refresh dashboard writes the KPI dashboard tab: status, trend and forecast.\n\n" +
      "Custom functions compute each KPI from raw ranges, e.g. =KPI_CTR(C2:C400, D2:D400). " +
      "Type =KPI_ in a cell to see them all with their help.",
  },
  fr: {
    newObjective: "Nouvel objectif…",
    objectives: "Objectifs…",
    buildDashboard: "Créer ou actualiser le tableau de bord",
    insertSampleData: "Insérer des données d'exemple",
    help: "Aide",
    helpTitle: "KPI Pilot",
    helpText:
      "1. Insérez des données d'exemple, ou ouvrez un onglet de vos propres exports (une ligne par jour, une colonne de dates).\n" +
      "2. Nouvel objectif… vous guide vers un objectif SMART et l'enregistre dans l'onglet Objectifs.\n" +
      "3. Créer ou actualiser le tableau de bord écrit l'onglet Tableau de bord KPI : statut, tendance et prévision.\n\n" +
      "Les fonctions personnalisées calculent chaque KPI à partir des plages brutes, par exemple =KPI_CTR(C2:C400; D2:D400). " +
      "Tapez =KPI_ dans une cellule pour les voir toutes avec leur aide.",
  },
});
