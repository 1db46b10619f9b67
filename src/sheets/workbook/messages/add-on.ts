/** Server messages, en/fr: one section of the catalogue in ../messages.ts. */
export const ADD_ON = {
  en: {
    // Messages to the user.
    toastTitle: "KPI Pilot",
    // Sample data.
    sampleTab: "Sample data",
    sampleVisitsTab: "Sample visits",
    sampleHeaders:
      "Date|Visitors|Sessions|Single-page sessions|Total session duration (s)|Conversions|Revenue|Ad cost|Impressions|Clicks|Emails sent|Bounced|Opens|Posts|Likes|Comments|Shares",
    sampleVisitsHeaders: "Visitor ID|Date",
    sampleToast: '{days} days of sample data in "{sheet}", {visits} visits in "{visitsSheet}".',
    // Menu.
    menuNewObjective: "New objective…",
    menuObjectives: "Objectives…",
    menuBuildDashboard: "Build or refresh dashboard",
    menuInsertSampleData: "Insert sample data",
    menuHelp: "Help",
    // Wizard sidebar.
    sidebarTitleNew: "New objective",
    sidebarTitleList: "Objectives",
    buildMissing:
      "KPI Pilot: the sidebar page is missing from this build. Reinstall the add-on or run npm run build.",
    nameHigher: "Raise {kpi}",
    nameLower: "Lower {kpi}",
    // The wizard's start: the active tab, or why it cannot be used; the draft kept.
    draftTooLong:
      "The objective in progress is too long to keep (over {max} characters): shorten its notes.",
    activeOwnTab:
      "“{sheet}”, the tab you are on, is one KPI Pilot writes itself. Choose the tab of your data.",
    activeUnreadable:
      "“{sheet}”, the tab you are on, has no header row with data below it. Choose the tab of your data, or paste an export into this one first.",
  },
  fr: {
    toastTitle: "KPI Pilot",
    sampleTab: "Données d'exemple",
    sampleVisitsTab: "Visites d'exemple",
    sampleHeaders:
      "Date|Visiteurs|Sessions|Sessions d'une page|Durée totale des sessions (s)|Conversions|Chiffre d'affaires|Coût publicitaire|Impressions|Clics|E-mails envoyés|Rebonds|Ouvertures|Publications|J'aime|Commentaires|Partages",
    sampleVisitsHeaders: "ID visiteur|Date",
    sampleToast:
      "{days} jours de données d'exemple dans « {sheet} », {visits} visites dans « {visitsSheet} ».",
    menuNewObjective: "Nouvel objectif…",
    menuObjectives: "Objectifs…",
    menuBuildDashboard: "Créer ou actualiser le tableau de bord",
    menuInsertSampleData: "Insérer des données d'exemple",
    menuHelp: "Aide",
    sidebarTitleNew: "Nouvel objectif",
    sidebarTitleList: "Objectifs",
    buildMissing:
      "KPI Pilot\u00a0: la page de la barre latérale manque dans cette version. Réinstallez le module ou lancez npm run build.",
    nameHigher: "Augmenter {kpi}",
    nameLower: "Réduire {kpi}",
    draftTooLong:
      "L'objectif en cours est trop long pour être gardé (plus de {max} caractères)\u00a0: raccourcissez ses notes.",
    activeOwnTab:
      "«\u00a0{sheet}\u00a0», l'onglet ouvert, est écrit par KPI Pilot lui-même. Choisissez l'onglet de vos données.",
    activeUnreadable:
      "«\u00a0{sheet}\u00a0», l'onglet ouvert, n'a pas de ligne d'en-tête suivie de données. Choisissez l'onglet de vos données, ou collez d'abord un export dans celui-ci.",
  },
} as const;
