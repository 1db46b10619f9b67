/**
 * The one en/fr catalogue of the server side, in sections: the Objectives tab, the dashboard, the
 * sample data, the menu and the wizard sidebar. The words of the objective rules, which the
 * sidebar shares, are in src/contract/rule-messages.ts; a test checks no key is in both.
 * Messages that name a field start with the field's label, so the sidebar can show them as they
 * are.
 */
import { defineCatalogue } from "../../contract/i18n.ts";

export const messages = defineCatalogue({
  en: {
    // Objectives tab: name and column headers.
    objectivesTab: "Objectives",

    // Validation: each starts with the field label.
    inputsUnreadable:
      '{field}: cannot read "{value}". Write input=Header; other_input=Header A + Header B.',
    noSuchSheet: '{field}: there is no tab named "{value}" in this spreadsheet.',
    ownSheet: '{field}: "{value}" is a tab KPI Pilot writes itself; choose the tab of your data.',
    noSuchColumn: '{field}: row {row} of "{sheet}" has no column headed "{value}".',
    sheetEmpty: '{field}: "{value}" has no header row (row 1 is empty).',
    notFound: 'No objective with the id "{value}": it may have been deleted. Reload the list.',
    idMissing:
      "{field}: empty. Create objectives with New objective…, or give a hand-made row a unique id.",
    idDuplicate: '{field}: "{value}" is also the id of row {row}; ids must be unique.',
    headerMoved:
      'The Objectives tab has no column "{label}" where KPI Pilot expects it (column {column}). Restore the header row, or undo the change to its columns.',
    busy_save:
      "Someone is saving an objective in this spreadsheet right now. Try again in a few seconds.",
    busy_delete:
      "Someone is deleting an objective in this spreadsheet right now. Try again in a few seconds.",
    busy_build:
      "A dashboard build is running in this spreadsheet right now. Wait for it to finish, then try again.",
    busy_unknown:
      "KPI Pilot is busy in this spreadsheet (another save or build). Try again in a few seconds.",
    busy_unavailable:
      "KPI Pilot cannot lock this spreadsheet here, so it will not write to it: open it in Google Sheets and use the Extensions ▸ KPI Pilot menu.",
    // Columns that cannot be summed as the input asks.
    refused_rate:
      '{field}: "{column}" is a rate ({label}). Rates do not add up across days or campaigns, so the total would be wrong; choose the column of the numbers it is computed from.',
    refused_average:
      '{field}: "{column}" is an average or a per-unit figure ({label}). Adding up averages, or averaging them again, weighs a quiet day like a busy one; choose a column of totals.',
    refused_id:
      '{field}: "{column}" holds identifiers, not quantities ({label}). Adding up IDs counts nothing; choose a column of numbers, or count one per row.',
    badHistory:
      "Data history: expected at most {max} numbers, one per complete period. Reload the sidebar and try again.",
    headerMissing:
      'The tab "{sheet}" has lost its header row: row 1 holds an objective. Insert a row above it and restore the headers (Edit ▸ Undo works too); KPI Pilot will not write to the tab until then.',
    headerDisplaced:
      'The header row of "{sheet}" is at row {row}, not row 1: the tab was probably sorted with its header. Undo the sort, or move that row back to the top; KPI Pilot will not write to the tab until then.',
    staleSave:
      "This objective was changed by someone else at {time} ({date}). Reload the list to see their version, then make your change again.",
    versionMissing:
      "This save does not say which version of the objective it changes: reload the sidebar and try again.",

    // Review frequencies, as words.
    frequency_weekly: "Weekly",
    frequency_monthly: "Monthly",
    frequency_quarterly: "Quarterly",

    // Status words (KPI_STATUS semantics).
    status_achieved: "Achieved",
    status_on_track: "On track",
    status_at_risk: "At risk",
    status_off_track: "Off track",
    status_missed: "Missed",
    status_error: "Cannot compute",
    status_no_data: "Not enough data",

    // Dashboard tab.
    dashboardTab: "KPI dashboard",
    dashTitle: "KPI dashboard",
    dashAsOf: "As of {date}",
    listSeparator: "; ",
    dashLatest: "Latest data: {list}.",
    dashLatestItem: "{sheet} up to {date}",
    dashLatestNone: "{sheet} has no dated rows",
    dashLatestMissing: "{sheet} tab not found",
    dashNoObjectives:
      "No objectives yet. Open Extensions ▸ KPI Pilot ▸ New objective… to set your first one, then rebuild this dashboard.",
    dashProblems: "Rows of the Objectives tab left out: {list}.",
    dashProblem: "row {row} ({message})",
    col_objective: "Objective",
    col_kpi: "KPI",
    col_owner: "Owner",
    col_frequency: "Frequency",
    col_period: "Period",
    col_current: "Current",
    col_previous: "Previous",
    col_change: "Change",
    col_baseline: "Baseline",
    col_target: "Target",
    col_progress: "Progress",
    col_bar: "Progress bar",
    col_expected: "Expected",
    col_status: "Status",
    col_forecast: "Forecast",
    col_deadline: "Deadline",
    col_sparkline: "Trend",
    col_note: "Notes",
    trend_period: "Period",
    trend_value: "Value",
    trend_target: "Target",
    trend_average: "3-period average",
    trendTitle: "{name}: {kpi}, {frequency}",
    chartTitle: "{name}: {kpi}",
    footnote:
      "Period: the last complete period, whose value is Current. Change: against the period before, in percentage points for rates, in % otherwise. Trend: the last 12 complete periods. Progress: (current − baseline) ÷ (target − baseline). Expected: the share of the time from start to deadline elapsed at the end of the period. Status: Achieved at 100% progress; On track within 10 points of expected; At risk within 25; Off track beyond; Missed once the deadline has passed. Forecast: the value expected at the deadline on the linear trend of the last 12 complete periods (for rates, numerator and denominator each projected, then divided).",
    pp: "pp",
    partial: "{period} in progress: {value} so far ({days} of {total} days).",
    partialNoValue: "{period} in progress ({days} of {total} days).",
    noCompletePeriod: "No complete {frequency} period of data yet.",
    beforeStart: "Starts {date}.",
    deadlinePassed: "Deadline passed.",
    missingSheet: 'Tab "{sheet}" not found: restore it, or edit the objective to use another tab.',
    missingColumns:
      'Column {columns} not found in row {row} of "{sheet}": restore the header, or edit the objective.',
    missingColumnsMany:
      'Columns {columns} not found in row {row} of "{sheet}": restore the headers, or edit the objective.',
    notDateColumn:
      'Column "{column}" of "{sheet}" holds no dates (row {row}: {value}): edit the objective to choose its date column.',
    dateColumnNotDates:
      '{field}: column "{value}" of "{sheet}" holds no dates (row {row}: {cell}). Choose the column of dates.',
    engineError: "Cannot compute: {message}",
    leftOutTotals: "{n} total rows left out",
    leftOutTotalsOne: "1 total row left out",
    previousMissing: "No data for the previous period.",

    // Stakeholder summary: a head clause with counts, then the objectives that lag, by name.
    sumCount: "{k} of {n} objectives on track or achieved",
    sumAll: "All {n} objectives on track or achieved",
    sumOneOk: "The objective is on track or achieved",
    sumOneLate: "The objective needs attention",
    sumLateOne: "1 needs attention",
    sumLateMany: "{count} need attention",
    sumErrorOne: "1 could not be computed",
    sumErrorMany: "{count} could not be computed",
    sumNone: "No objective has a complete period of data yet",
    sumLate: "{name} {status}: {current} against {target} by {deadline}",

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
    helpTitle: "KPI Pilot",
    helpText:
      "1. Insert sample data, or open a tab of your own exports (one row per day, a date column).\n" +
      "2. New objective… walks you through a SMART objective and saves it in the Objectives tab.\n" +
      "3. Build or refresh dashboard writes the KPI dashboard tab: status, trend and forecast.\n\n" +
      "Custom functions compute each KPI from raw ranges, e.g. =KPI_CTR(C2:C400, D2:D400). " +
      "Type =KPI_ in a cell to see them all with their help.",

    // Import an export: the file, the tab it goes to, and what was done.
    menuImport: "Import an export…",
    sidebarTitleImport: "Import an export",
    importBadRequest: "The file did not arrive whole. Choose it again.",
    importTooLarge:
      "The file is over {mb} MB: export a shorter period (a week or a month) and import it.",
    importNoDates:
      "The file has no column of dates, so its rows cannot be matched with the tab's by day. Export it with a day or date column.",
    importNoSuchTab: 'There is no tab named "{sheet}" any more. Choose the tab again.',
    importOwnTab:
      '"{sheet}" is a tab KPI Pilot writes itself; choose a tab of your data, or a new tab.',
    importMissingColumns:
      'The tab "{sheet}" has no column {columns}. Choose the tab this export goes to, or a new tab; nothing was written.',
    importAdded: "{n} rows added",
    importAddedOne: "1 row added",
    importReplaced: "{n} replaced",
    importDone: '{what} in "{sheet}".',
    busy_import:
      "Someone is importing a file into this spreadsheet right now. Try again in a few seconds.",
    csvEmpty: "The file is empty.",
    csvBinary: "This is not a text file. Export your data as CSV (comma or semicolon separated).",
    csvHeaderOnly: "The file has a header row but no data below it.",
    csvUnbalancedQuote:
      'Line {line} opens a quoted field (") that is never closed. Check that line in a text editor.',
    csvTooManyFields:
      "Line {line} has {fields} fields but the header has {expected}. Is the separator right, or is a value with a separator missing its quotes?",
    csvTooLarge: "The file is too large (over {max} cells).",

    // Wizard sidebar.
    sidebarTitleNew: "New objective",
    sidebarTitleList: "Objectives",
    buildMissing:
      "KPI Pilot: the sidebar page is missing from this build. Reinstall the add-on or run npm run build.",
    nameHigher: "Raise {kpi}",
    nameLower: "Lower {kpi}",
  },
  fr: {
    objectivesTab: "Objectifs",

    inputsUnreadable:
      "{field} : impossible de lire « {value} ». Écrivez entrée=En-tête; autre_entrée=En-tête A + En-tête B.",
    noSuchSheet: "{field} : aucun onglet ne s'appelle « {value} » dans ce classeur.",
    ownSheet:
      "{field} : « {value} » est un onglet écrit par KPI Pilot ; choisissez l'onglet de vos données.",
    noSuchColumn:
      "{field} : la ligne {row} de « {sheet} » n'a pas de colonne intitulée « {value} ».",
    sheetEmpty: "{field} : « {value} » n'a pas de ligne d'en-tête (la ligne 1 est vide).",
    notFound:
      "Aucun objectif n'a l'identifiant « {value} » : il a peut-être été supprimé. Rechargez la liste.",
    idMissing:
      "{field} : vide. Créez les objectifs avec Nouvel objectif…, ou donnez un identifiant unique à une ligne saisie à la main.",
    idDuplicate:
      "{field} : « {value} » est aussi l'identifiant de la ligne {row} ; il doit être unique.",
    headerMoved:
      "L'onglet Objectifs n'a pas de colonne « {label} » là où KPI Pilot l'attend (colonne {column}). Rétablissez la ligne d'en-tête, ou annulez la modification de ses colonnes.",
    busy_save:
      "Quelqu'un enregistre un objectif dans ce classeur en ce moment. Réessayez dans quelques secondes.",
    busy_delete:
      "Quelqu'un supprime un objectif dans ce classeur en ce moment. Réessayez dans quelques secondes.",
    busy_build:
      "Une création du tableau de bord est en cours dans ce classeur. Attendez qu'elle se termine, puis réessayez.",
    busy_unknown:
      "KPI Pilot est occupé dans ce classeur (un autre enregistrement ou une création). Réessayez dans quelques secondes.",
    busy_unavailable:
      "KPI Pilot ne peut pas verrouiller ce classeur ici, il n'y écrira donc pas : ouvrez-le dans Google Sheets et passez par le menu Extensions ▸ KPI Pilot.",
    refused_rate:
      "{field} : « {column} » est un taux ({label}). Les taux ne s'additionnent pas d'un jour ou d'une campagne à l'autre, le total serait faux ; choisissez la colonne des nombres dont il est calculé.",
    refused_average:
      "{field} : « {column} » est une moyenne ou un chiffre par unité ({label}). Additionner des moyennes, ou les moyenner encore, pèse un jour calme autant qu'un jour chargé ; choisissez une colonne de totaux.",
    refused_id:
      "{field} : « {column} » contient des identifiants, pas des quantités ({label}). Additionner des identifiants ne compte rien ; choisissez une colonne de nombres, ou comptez une par ligne.",
    badHistory:
      "Historique des données : au plus {max} nombres attendus, un par période complète. Rechargez le panneau latéral et réessayez.",
    headerMissing:
      "L'onglet « {sheet} » a perdu sa ligne d'en-tête : la ligne 1 contient un objectif. Insérez une ligne au-dessus et rétablissez les en-têtes (Édition ▸ Annuler fonctionne aussi) ; KPI Pilot n'écrira pas dans l'onglet d'ici là.",
    headerDisplaced:
      "La ligne d'en-tête de « {sheet} » est à la ligne {row}, pas à la ligne 1 : l'onglet a sans doute été trié avec son en-tête. Annulez le tri, ou remettez cette ligne en haut ; KPI Pilot n'écrira pas dans l'onglet d'ici là.",
    staleSave:
      "Cet objectif a été modifié par quelqu'un d'autre à {time} ({date}). Rechargez la liste pour voir sa version, puis refaites votre modification.",
    versionMissing:
      "Cet enregistrement ne dit pas quelle version de l'objectif il modifie : rechargez le panneau latéral et réessayez.",

    frequency_weekly: "Hebdomadaire",
    frequency_monthly: "Mensuelle",
    frequency_quarterly: "Trimestrielle",

    status_achieved: "Atteint",
    status_on_track: "En bonne voie",
    status_at_risk: "À risque",
    status_off_track: "En retard",
    status_missed: "Manqué",
    status_error: "Calcul impossible",
    status_no_data: "Données insuffisantes",

    dashboardTab: "Tableau de bord KPI",
    dashTitle: "Tableau de bord KPI",
    dashAsOf: "Au {date}",
    listSeparator: " ; ",
    dashLatest: "Dernières données : {list}.",
    dashLatestItem: "{sheet} jusqu'au {date}",
    dashLatestNone: "{sheet} n'a aucune ligne datée",
    dashLatestMissing: "onglet {sheet} introuvable",
    dashNoObjectives:
      "Aucun objectif pour l'instant. Ouvrez Extensions ▸ KPI Pilot ▸ Nouvel objectif… pour créer le premier, puis actualisez ce tableau de bord.",
    dashProblems: "Lignes de l'onglet Objectifs écartées : {list}.",
    dashProblem: "ligne {row} ({message})",
    col_objective: "Objectif",
    col_kpi: "KPI",
    col_owner: "Responsable",
    col_frequency: "Fréquence",
    col_period: "Période",
    col_current: "Actuel",
    col_previous: "Précédent",
    col_change: "Évolution",
    col_baseline: "Départ",
    col_target: "Cible",
    col_progress: "Progression",
    col_bar: "Jauge",
    col_expected: "Attendu",
    col_status: "Statut",
    col_forecast: "Prévision",
    col_deadline: "Échéance",
    col_sparkline: "Tendance",
    col_note: "Remarques",
    trend_period: "Période",
    trend_value: "Valeur",
    trend_target: "Cible",
    trend_average: "Moyenne sur 3 périodes",
    trendTitle: "{name} : {kpi}, {frequency}",
    chartTitle: "{name} : {kpi}",
    footnote:
      "Période : la dernière période complète, dont la valeur est Actuel. Évolution : par rapport à la période précédente, en points de pourcentage pour les taux, en % sinon. Tendance : les 12 dernières périodes complètes. Progression : (actuel − départ) ÷ (cible − départ). Attendu : la part du temps écoulé entre le début et l'échéance à la fin de la période. Statut : Atteint à 100 % de progression ; En bonne voie à moins de 10 points de l'attendu ; À risque à moins de 25 ; En retard au-delà ; Manqué une fois l'échéance passée. Prévision : la valeur attendue à l'échéance sur la tendance linéaire des 12 dernières périodes complètes (pour les taux, numérateur et dénominateur projetés chacun, puis divisés).",
    pp: "pts",
    partial: "{period} en cours : {value} pour l'instant ({days} jours sur {total}).",
    partialNoValue: "{period} en cours ({days} jours sur {total}).",
    noCompletePeriod: "Pas encore de période {frequency} complète de données.",
    beforeStart: "Commence le {date}.",
    deadlinePassed: "Échéance passée.",
    missingSheet:
      "Onglet « {sheet} » introuvable : rétablissez-le, ou modifiez l'objectif pour utiliser un autre onglet.",
    missingColumns:
      "Colonne {columns} introuvable en ligne {row} de « {sheet} » : rétablissez l'en-tête, ou modifiez l'objectif.",
    missingColumnsMany:
      "Colonnes {columns} introuvables en ligne {row} de « {sheet} » : rétablissez les en-têtes, ou modifiez l'objectif.",
    notDateColumn:
      "La colonne « {column} » de « {sheet} » ne contient pas de dates (ligne {row} : {value}) : modifiez l'objectif pour choisir la colonne des dates.",
    dateColumnNotDates:
      "{field} : la colonne « {value} » de « {sheet} » ne contient pas de dates (ligne {row} : {cell}). Choisissez la colonne des dates.",
    engineError: "Calcul impossible : {message}",
    leftOutTotals: "{n} lignes de total exclues",
    leftOutTotalsOne: "1 ligne de total exclue",
    previousMissing: "Pas de données pour la période précédente.",

    sumCount: "{k} objectifs sur {n} en bonne voie ou atteints",
    sumAll: "Les {n} objectifs sont en bonne voie ou atteints",
    sumOneOk: "L'objectif est en bonne voie ou atteint",
    sumOneLate: "L'objectif demande de l'attention",
    sumLateOne: "1 demande de l'attention",
    sumLateMany: "{count} demandent de l'attention",
    sumErrorOne: "1 n'a pas pu être calculé",
    sumErrorMany: "{count} n'ont pas pu être calculés",
    sumNone: "Aucun objectif n'a encore de période complète de données",
    sumLate: "{name} {status} : {current} pour une cible de {target} au {deadline}",

    toastTitle: "KPI Pilot",

    sampleTab: "Données d'exemple",
    sampleVisitsTab: "Visites d'exemple",
    sampleHeaders:
      "Date|Visiteurs|Sessions|Sessions d'une page|Durée totale des sessions (s)|Conversions|Chiffre d'affaires|Coût publicitaire|Impressions|Clics|E-mails envoyés|Rebonds|Ouvertures|Publications|J'aime|Commentaires|Partages",
    sampleVisitsHeaders: "ID visiteur|Date",
    sampleToast:
      "{days} jours de données d'exemple dans « {sheet} », {visits} visites dans « {visitsSheet} ».",

    // Menu.
    menuNewObjective: "Nouvel objectif…",
    menuObjectives: "Objectifs…",
    menuBuildDashboard: "Créer ou actualiser le tableau de bord",
    menuInsertSampleData: "Insérer des données d'exemple",
    menuHelp: "Aide",
    helpTitle: "KPI Pilot",
    helpText:
      "1. Insérez des données d'exemple, ou ouvrez un onglet de vos propres exports (une ligne par jour, une colonne de dates).\n" +
      "2. Nouvel objectif… vous guide vers un objectif SMART et l'enregistre dans l'onglet Objectifs.\n" +
      "3. Créer ou actualiser le tableau de bord écrit l'onglet Tableau de bord KPI : statut, tendance et prévision.\n\n" +
      "Les fonctions personnalisées calculent chaque KPI à partir des plages brutes, par exemple =KPI_CTR(C2:C400; D2:D400). " +
      "Tapez =KPI_ dans une cellule pour les voir toutes avec leur aide.",

    menuImport: "Importer un export…",
    sidebarTitleImport: "Importer un export",
    importBadRequest: "Le fichier n'est pas arrivé entier. Choisissez-le de nouveau.",
    importTooLarge:
      "Le fichier dépasse {mb} Mo : exportez une période plus courte (une semaine ou un mois) et importez-la.",
    importNoDates:
      "Le fichier n'a pas de colonne de dates : ses lignes ne peuvent pas être rapprochées de celles de l'onglet jour par jour. Exportez-le avec une colonne de jour ou de date.",
    importNoSuchTab: "Il n'y a plus d'onglet nommé « {sheet} ». Choisissez de nouveau l'onglet.",
    importOwnTab:
      "« {sheet} » est un onglet écrit par KPI Pilot ; choisissez un onglet de vos données, ou un nouvel onglet.",
    importMissingColumns:
      "L'onglet « {sheet} » n'a pas de colonne {columns}. Choisissez l'onglet de cet export, ou un nouvel onglet ; rien n'a été écrit.",
    importAdded: "{n} lignes ajoutées",
    importAddedOne: "1 ligne ajoutée",
    importReplaced: "{n} remplacées",
    importDone: "{what} dans « {sheet} ».",
    busy_import:
      "Quelqu'un importe un fichier dans ce classeur en ce moment. Réessayez dans quelques secondes.",
    csvEmpty: "Le fichier est vide.",
    csvBinary:
      "Ce n'est pas un fichier texte. Exportez vos données en CSV (séparateur virgule ou point-virgule).",
    csvHeaderOnly: "Le fichier a une ligne d'en-tête, mais aucune donnée en dessous.",
    csvUnbalancedQuote:
      "La ligne {line} ouvre un champ entre guillemets (\") qui n'est jamais fermé. Vérifiez cette ligne dans un éditeur de texte.",
    csvTooManyFields:
      "La ligne {line} a {fields} champs alors que l'en-tête en a {expected}. Le séparateur est-il le bon, ou une valeur contenant un séparateur a-t-elle perdu ses guillemets ?",
    csvTooLarge: "Le fichier est trop grand (plus de {max} cellules).",

    // Wizard sidebar.
    sidebarTitleNew: "Nouvel objectif",
    sidebarTitleList: "Objectifs",
    buildMissing:
      "KPI Pilot\u00a0: la page de la barre latérale manque dans cette version. Réinstallez le module ou lancez npm run build.",
    nameHigher: "Augmenter {kpi}",
    nameLower: "Réduire {kpi}",
  },
});

export type MessageKey = keyof typeof messages.en;
