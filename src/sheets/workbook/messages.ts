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
    noSuchColumn: '{field}: row 1 of "{sheet}" has no column headed "{value}".',
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

    // Status words beside the engine's (src/kpi/messages.ts), for objectives without a status.
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
    col_yearAgo: "Year before",
    col_recent: "Avg. of 4 before",
    col_baseline: "Baseline",
    col_target: "Target",
    col_benchmark: "Market benchmark",
    col_progress: "Progress",
    col_bar: "Progress bar",
    col_expected: "Expected",
    col_status: "Status",
    col_reason: "Why",
    col_forecast: "Forecast",
    col_range: "80% range",
    forecastRange: "{low} to {high}",
    col_deadline: "Deadline",
    col_sparkline: "Trend",
    col_note: "Notes",
    dashBenchmark: "Benchmark: {channel} {statistic}, {source} ({year}){currency}.",
    dashBenchmarkCurrency: ", in {currency}",
    dashAverage: "average",
    dashMedian: "median",
    dashBenchmarkMpp:
      "Open rates have been inflated by Apple Mail Privacy Protection since 2021: compare click rates too.",
    trend_period: "Period",
    trend_value: "Value",
    trend_target: "Target",
    trend_average: "3-period average",
    trend_anomaly: "Unusual",
    anomalyHigh: "▲ high",
    anomalyLow: "▼ low",
    trendTitle: "{name}: {kpi}, {frequency}",
    chartTitle: "{name}: {kpi}",
    chartTitleChannel: "{name} · {channel}: {kpi}",
    // The notes under the table, one line per row: precise enough to recompute every cell.
    footnote:
      "Period: the last complete period, whose value is Current. Change: against the period before (percentage points for rates, % otherwise). Progress: (current − baseline) ÷ (target − baseline). Expected: the share of the time from start to deadline elapsed at the end of the period.\n" +
      "Forecast: at the deadline, the Theil–Sen trend of the complete periods of the last year (at least the last 12) (slope: the median of the slopes between every two periods; for rates, numerator and denominator per day each fitted, then divided).\n" +
      "80% range: forecast ± t·s·√(1 + 1/n + (x − x̄)²/Sxx), s = 1.4826 × the median distance of the periods' values to the trend, t the 90% quantile of Student's t with n − 2 degrees of freedom; the chance of reaching the target reads the outcome as that t around the forecast.\n" +
      "Status: Not started before the start date, or before a complete period since it. After the deadline, the period that holds it (or, while incomplete, the last complete one before) decides: Achieved if it reaches the target, else Missed; later periods never change that.\n" +
      "Before: pace is ahead when progress ≥ expected, on pace within 10 points, behind within 25, far behind beyond. From 5 complete periods, the chance is likely from 70%, unlikely below 30%, uncertain between.\n" +
      "Likely: On track (At risk when far behind). Uncertain: At risk (Off track when far behind). Unlikely: At risk when ahead or on pace, else Off track. With fewer than 5 periods, pace alone: On track, At risk, Off track.\n" +
      "Year before: the same period a year earlier (52 weeks for a week). Avg. of 4 before: the KPI over the 4 complete periods before Period (for rates, Σnumerators ÷ Σdenominators).\n" +
      "Unusual: |0.6745 × (value − expected) ÷ MAD| > 3.5, expected being the median of the 8 to 12 periods before (for weeks, plus how far the same week last year stood from its own), MAD their median distance to it (at least 2% of it); a rate on less than half their median volume is not judged.",
    partial: "{period} in progress: {value} so far ({days} of {total} days).",
    partialNoValue: "{period} in progress ({days} of {total} days).",
    noCompletePeriod: "No complete {frequency} period of data yet.",
    missingSheet: 'Tab "{sheet}" not found: restore it, or edit the objective to use another tab.',
    missingColumns:
      'Column {columns} not found in row 1 of "{sheet}": restore the header, or edit the objective.',
    missingColumnsMany:
      'Columns {columns} not found in row 1 of "{sheet}": restore the headers, or edit the objective.',
    notDateColumn:
      'Column "{column}" of "{sheet}" holds no dates (row {row}: {value}): edit the objective to choose its date column.',
    dateColumnNotDates:
      '{field}: column "{value}" of "{sheet}" holds no dates (row {row}: {cell}). Choose the column of dates.',
    engineError: "Cannot compute: {message}",
    previousMissing: "No data for the previous period.",

    // Why an objective has its status (src/kpi/status.ts decides, these say it).
    reasonBeforeStart: "Starts {date}.",
    reasonNoPeriodSinceStart: "No complete period since the start ({date}) yet.",
    reasonDecidedAt:
      "{period}, the period of the deadline, decides: {value} against a target of {target}.",
    reasonDecidedBefore:
      "{period}, the last complete period by the deadline ({deadline}), decides: {value} against a target of {target}.",
    reasonLater: "Since then: {value} in {period}, which does not change the verdict.",
    reasonNoDecisive: "No complete period of data by the deadline ({deadline}).",
    pace_ahead: "ahead of pace ({progress} of the way, {expected} of the time gone)",
    pace_on_pace: "on pace ({progress} of the way, {expected} of the time gone)",
    pace_behind: "behind pace ({progress} of the way, {expected} of the time gone)",
    pace_far_behind: "far behind pace ({progress} of the way, {expected} of the time gone)",
    reasonTrendAnd:
      "{pace}, and the trend points to {forecast} by {deadline} (80% range {low} to {high}; target {target}): {chance}.",
    reasonTrendBut:
      "{pace}, but the trend points to {forecast} by {deadline} (80% range {low} to {high}; target {target}): {chance}.",
    chanceAbout: "about {share} likely",
    chanceOver: "over 95% likely",
    chanceUnder: "under 5% likely",
    reasonFewPeriods:
      "{pace}; pace alone decides, as {n} complete periods are too few for a trend ({min} needed).",
    reasonNoTrend: "{pace}; pace alone decides, as no trend can be drawn from the data.",
    baselineZero:
      "Baseline 0: the data around the start is about {typical}, so progress counts from too low; edit the objective's baseline.",
    baselineZeroUnchecked: "Baseline 0 with no data around the start to check it against.",
    baselineFar:
      "Baseline {baseline} is far from the data around the start (about {typical}): check it, progress counts from it.",

    // Stakeholder summary: a head clause with counts, then the objectives that lag, by name.
    sumCount: "{k} of {n} objectives on track or achieved",
    sumCountOne: "{k} of {n} objectives on track or achieved",
    sumAll: "All {n} objectives on track or achieved",
    sumOneOk: "The objective is on track or achieved",
    sumOneLate: "The objective needs attention",
    sumOneNotStarted: "The objective has not started",
    sumLateOne: "1 needs attention",
    sumLateMany: "{count} need attention",
    sumNotStartedOne: "1 not started",
    sumNotStartedMany: "{count} not started",
    sumErrorOne: "1 could not be computed ({names})",
    sumErrorMany: "{count} could not be computed ({names})",
    sumNone: "No objective has a complete period of data yet",
    sumLate: "{name} {status}: {current} against {target} by {deadline}",
    sumDecided: "{name} {status}: {value} in {period} against {target} by {deadline}",
    sumAnomalyHigh: "{name}: {period} unusually high, {value} against ~{expected} expected",
    sumAnomalyLow: "{name}: {period} unusually low, {value} against ~{expected} expected",

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
    noSuchColumn: "{field} : la ligne 1 de « {sheet} » n'a pas de colonne intitulée « {value} ».",
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
    col_yearAgo: "Un an avant",
    col_recent: "Moy. 4 préc.",
    col_baseline: "Départ",
    col_target: "Cible",
    col_benchmark: "Référence marché",
    col_progress: "Progression",
    col_bar: "Jauge",
    col_expected: "Attendu",
    col_status: "Statut",
    col_reason: "Pourquoi",
    col_forecast: "Prévision",
    col_range: "Fourchette à 80 %",
    forecastRange: "{low} à {high}",
    col_deadline: "Échéance",
    col_sparkline: "Tendance",
    col_note: "Remarques",
    dashBenchmark: "Référence : {channel}, {statistic}, {source} ({year}){currency}.",
    dashBenchmarkCurrency: ", en {currency}",
    dashAverage: "moyenne",
    dashMedian: "médiane",
    dashBenchmarkMpp:
      "Les taux d'ouverture sont gonflés par la protection de la vie privée d'Apple Mail depuis 2021 : comparez aussi les taux de clics.",
    trend_period: "Période",
    trend_value: "Valeur",
    trend_target: "Cible",
    trend_average: "Moyenne sur 3 périodes",
    trend_anomaly: "Inhabituel",
    anomalyHigh: "▲ haut",
    anomalyLow: "▼ bas",
    trendTitle: "{name} : {kpi}, {frequency}",
    chartTitle: "{name} : {kpi}",
    chartTitleChannel: "{name} · {channel} : {kpi}",
    footnote:
      "Période : la dernière période complète, dont la valeur est Actuel. Évolution : par rapport à la période précédente (en points de pourcentage pour les taux, en % sinon). Progression : (actuel − départ) ÷ (cible − départ). Attendu : la part du temps écoulé entre le début et l'échéance à la fin de la période.\n" +
      "Prévision : à l'échéance, la tendance de Theil–Sen des périodes complètes de la dernière année (au moins les 12 dernières) (pente : la médiane des pentes entre deux périodes ; pour les taux, numérateur et dénominateur par jour ajustés chacun, puis divisés).\n" +
      "Fourchette à 80 % : prévision ± t·s·√(1 + 1/n + (x − x̄)²/Sxx), s = 1,4826 × la médiane des écarts des périodes à la tendance, t le quantile à 90 % de la loi de Student à n − 2 degrés de liberté ; la chance d'atteindre la cible lit le résultat comme cette loi autour de la prévision.\n" +
      "Statut : Pas commencé avant la date de début, ou avant une période complète depuis. Après l'échéance, la période qui la contient (ou, tant qu'elle est incomplète, la dernière complète avant) décide : Atteint si elle atteint la cible, sinon Manqué ; les périodes suivantes n'y changent rien.\n" +
      "Avant : le rythme est en avance quand progression ≥ attendu, dans le rythme à 10 points près, en retard à 25 près, très en retard au-delà. Dès 5 périodes complètes, la chance est probable dès 70 %, improbable sous 30 %, incertaine entre les deux.\n" +
      "Probable : En bonne voie (À risque si très en retard). Incertaine : À risque (En retard si très en retard). Improbable : À risque en avance ou dans le rythme, sinon En retard. Avec moins de 5 périodes, le rythme seul : En bonne voie, À risque, En retard.\n" +
      "Un an avant : la même période l'année précédente (52 semaines pour une semaine). Moy. 4 préc. : le KPI sur les 4 périodes complètes avant Période (pour un taux, Σnumérateurs ÷ Σdénominateurs).\n" +
      "Inhabituel : |0,6745 × (valeur − attendu) ÷ MAD| > 3,5, l'attendu étant la médiane des 8 à 12 périodes précédentes (pour des semaines, plus l'écart de la même semaine l'an passé à la sienne), MAD la médiane de leurs écarts à elle (au moins 2 % d'elle) ; un taux sur moins de la moitié de leur volume médian n'est pas jugé.",
    partial: "{period} en cours : {value} pour l'instant ({days} jours sur {total}).",
    partialNoValue: "{period} en cours ({days} jours sur {total}).",
    noCompletePeriod: "Pas encore de période {frequency} complète de données.",
    missingSheet:
      "Onglet « {sheet} » introuvable : rétablissez-le, ou modifiez l'objectif pour utiliser un autre onglet.",
    missingColumns:
      "Colonne {columns} introuvable en ligne 1 de « {sheet} » : rétablissez l'en-tête, ou modifiez l'objectif.",
    missingColumnsMany:
      "Colonnes {columns} introuvables en ligne 1 de « {sheet} » : rétablissez les en-têtes, ou modifiez l'objectif.",
    notDateColumn:
      "La colonne « {column} » de « {sheet} » ne contient pas de dates (ligne {row} : {value}) : modifiez l'objectif pour choisir la colonne des dates.",
    dateColumnNotDates:
      "{field} : la colonne « {value} » de « {sheet} » ne contient pas de dates (ligne {row} : {cell}). Choisissez la colonne des dates.",
    engineError: "Calcul impossible : {message}",
    previousMissing: "Pas de données pour la période précédente.",

    reasonBeforeStart: "Commence le {date}.",
    reasonNoPeriodSinceStart: "Pas encore de période complète depuis le début ({date}).",
    reasonDecidedAt:
      "{period}, la période de l'échéance, décide : {value} pour une cible de {target}.",
    reasonDecidedBefore:
      "{period}, la dernière période complète avant l'échéance ({deadline}), décide : {value} pour une cible de {target}.",
    reasonLater: "Depuis : {value} en {period}, ce qui ne change pas le verdict.",
    reasonNoDecisive: "Aucune période complète de données avant l'échéance ({deadline}).",
    pace_ahead: "en avance sur le rythme ({progress} du chemin, {expected} du temps écoulé)",
    pace_on_pace: "dans le rythme ({progress} du chemin, {expected} du temps écoulé)",
    pace_behind: "en retard sur le rythme ({progress} du chemin, {expected} du temps écoulé)",
    pace_far_behind:
      "très en retard sur le rythme ({progress} du chemin, {expected} du temps écoulé)",
    reasonTrendAnd:
      "{pace}, et la tendance mène à {forecast} au {deadline} (fourchette à 80 % : {low} à {high} ; cible {target}) : {chance}.",
    reasonTrendBut:
      "{pace}, mais la tendance mène à {forecast} au {deadline} (fourchette à 80 % : {low} à {high} ; cible {target}) : {chance}.",
    chanceAbout: "environ {share} de chances",
    chanceOver: "plus de 95 % de chances",
    chanceUnder: "moins de 5 % de chances",
    reasonFewPeriods:
      "{pace} ; le rythme seul décide, {n} périodes complètes étant trop peu pour une tendance ({min} nécessaires).",
    reasonNoTrend: "{pace} ; le rythme seul décide, aucune tendance ne se dégageant des données.",
    baselineZero:
      "Valeur de départ 0 : les données autour du début valent environ {typical}, la progression part donc de trop bas ; corrigez la valeur de départ de l'objectif.",
    baselineZeroUnchecked: "Valeur de départ 0, sans données autour du début pour la vérifier.",
    baselineFar:
      "La valeur de départ {baseline} est loin des données autour du début (environ {typical}) : vérifiez-la, la progression part d'elle.",

    sumCount: "{k} objectifs sur {n} en bonne voie ou atteints",
    sumCountOne: "{k} objectif sur {n} en bonne voie ou atteint",
    sumAll: "Les {n} objectifs sont en bonne voie ou atteints",
    sumOneOk: "L'objectif est en bonne voie ou atteint",
    sumOneLate: "L'objectif demande de l'attention",
    sumOneNotStarted: "L'objectif n'a pas commencé",
    sumLateOne: "1 demande de l'attention",
    sumLateMany: "{count} demandent de l'attention",
    sumNotStartedOne: "1 pas commencé",
    sumNotStartedMany: "{count} pas commencés",
    sumErrorOne: "1 n'a pas pu être calculé ({names})",
    sumErrorMany: "{count} n'ont pas pu être calculés ({names})",
    sumNone: "Aucun objectif n'a encore de période complète de données",
    sumLate: "{name} {status} : {current} pour une cible de {target} au {deadline}",
    sumDecided: "{name} {status} : {value} en {period} pour une cible de {target} au {deadline}",
    sumAnomalyHigh:
      "{name} : {period} inhabituellement haut, {value} pour environ {expected} attendus",
    sumAnomalyLow:
      "{name} : {period} inhabituellement bas, {value} pour environ {expected} attendus",

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
