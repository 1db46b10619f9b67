/**
 * Every message the engine shows a user (errors in a cell, period names), in English and French.
 * French follows French typography: a space before ":" and guillemets around quoted text.
 */
import { defineCatalogue } from "../contract/i18n.ts";

export const KPI_MESSAGES = defineCatalogue({
  en: {
    cell: "cell {n}",
    row: "row {n}",
    quoted: '"{text}"',
    dateValue: "the date {date}",
    trueValue: "TRUE",
    falseValue: "FALSE",
    notNumber: "{fn}: {arg}, {pos}: {value} is not a number",
    notDuration:
      "{fn}: {arg}, {pos}: {value} is not a duration (give seconds, a time, or text h:mm:ss or m:ss)",
    notDate: "{fn}: {arg}, {pos}: {value} is not a date (give a date, or text YYYY-MM-DD)",
    negative:
      "{fn}: {arg}, {pos}: {value} is negative; counts, costs and durations must be 0 or more",
    denominatorZero: "{fn}: {arg} sums to 0, so the ratio is undefined",
    exceeds: "{fn}: {arg} ({a}) is greater than {other} ({b})",
    exceedsAt: "{fn}: {pos}: {arg} ({a}) is greater than {other} ({b})",
    rowsMismatch:
      "{fn}: in rows mode every range needs the same number of rows, but {arg} has {n} and {first} has {m}",
    sizeMismatch: "{fn}: {arg} has {n} cells but {other} has {m}; they must be the same size",
    totalMismatch:
      "{fn}: {arg} covers {n} rows but {first} covers {m}; their ranges must cover the same rows (or give a single cell for a total)",
    overflow:
      "{fn}: {where}the result is beyond the largest number (±1.8e308); check the inputs for a huge value",
    overflowRow: "row {n}: ",
    badMode: '{fn}: mode must be "rows" or "total", not {value}',
    missingArg: "{fn}: {arg} is missing",
    blankArg: "{fn}: {arg} is blank",
    tooManyArgs: "{fn}: takes at most {n} arguments, but got {m}",
    notSingle: "{fn}: {arg} must be a single cell, not a range of {n} cells",
    growthFromZero: "{fn}: previous is 0 while current is {current}; growth from 0 is undefined",
    targetIsBaseline: "{fn}: target equals baseline ({value}), so progress is undefined",
    deadlineBeforeStart: "{fn}: deadline ({deadline}) is before start_date ({start})",
    forecastTooFew: "{fn}: a trend needs at least 2 points with both a date and a value, got {n}",
    forecastOneDate:
      "{fn}: every point has the same date ({date}); a trend needs 2 different dates",
    unknownPeriod: "unknown period {value}: use day, week, month, quarter or year",
    unknownPeriodIn: "{fn}: unknown period {value}: use day, week, month, quarter or year",
    unknownKpi: "{fn}: {value} is not a KPI; use one of {known}",
    unknownChannel: "{fn}: {value} is not a channel; use one of {known}",
    noBenchmark: "{fn}: no benchmark for {kpi}{where}; shipped ones cover {known}",
    noBenchmarkAtAll: "{fn}: no published benchmark for {kpi} is shipped; give your own table",
    severalChannels: "{fn}: {kpi} has benchmarks for several channels ({known}); give the channel",
    ownRowBad:
      "{fn}: {arg}, row {n}: {value} is not a number; each row is KPI, channel, industry, value",
    onChannel: " on {channel}",
    inIndustry: " in {industry}",
    // The status words: KPI_STATUS returns them in the spreadsheet's language, the dashboard and
    // the sidebar in the user's.
    status_not_started: "Not started",
    status_achieved: "Achieved",
    status_on_track: "On track",
    status_at_risk: "At risk",
    status_off_track: "Off track",
    status_missed: "Missed",
    anomalyHigh: "high",
    anomalyLow: "low",
    anomalyGood: "{flag} (good)",
    anomalyBad: "{flag} (bad)",
    duplicateDate:
      "{fn}: dates, {pos}: {date} appears twice; give one row per period (for example KPI_SERIES)",
    badDirection: '{fn}: direction must be "higher" or "lower" (which way is better), not {value}',
  },
  fr: {
    cell: "cellule {n}",
    row: "ligne {n}",
    quoted: "« {text} »",
    dateValue: "la date {date}",
    trueValue: "VRAI",
    falseValue: "FAUX",
    notNumber: "{fn} : {arg}, {pos} : {value} n'est pas un nombre",
    notDuration:
      "{fn} : {arg}, {pos} : {value} n'est pas une durée (indiquez des secondes, une heure, ou du texte h:mm:ss ou m:ss)",
    notDate:
      "{fn} : {arg}, {pos} : {value} n'est pas une date (indiquez une date, ou du texte AAAA-MM-JJ)",
    negative:
      "{fn} : {arg}, {pos} : {value} est négatif ; les nombres, coûts et durées doivent être positifs ou nuls",
    denominatorZero: "{fn} : la somme de l'argument {arg} vaut 0, le ratio n'est donc pas défini",
    exceeds: "{fn} : {arg} ({a}) est supérieur à {other} ({b})",
    exceedsAt: "{fn} : {pos} : {arg} ({a}) est supérieur à {other} ({b})",
    rowsMismatch:
      "{fn} : en mode lignes, toutes les plages doivent avoir le même nombre de lignes, or {arg} en a {n} et {first} en a {m}",
    sizeMismatch:
      "{fn} : {arg} compte {n} cellules mais {other} en compte {m} ; elles doivent avoir la même taille",
    totalMismatch:
      "{fn} : {arg} couvre {n} lignes mais {first} en couvre {m} ; leurs plages doivent couvrir les mêmes lignes (ou donnez une seule cellule pour un total)",
    overflow:
      "{fn} : {where}le résultat dépasse le plus grand nombre (±1,8e308) ; vérifiez qu'aucune entrée n'est démesurée",
    overflowRow: "ligne {n} : ",
    badMode: "{fn} : le mode doit être « rows » ou « total », pas {value}",
    missingArg: "{fn} : {arg} est manquant",
    blankArg: "{fn} : {arg} est vide",
    tooManyArgs: "{fn} : accepte au plus {n} arguments, mais en a reçu {m}",
    notSingle: "{fn} : {arg} doit être une seule cellule, pas une plage de {n} cellules",
    growthFromZero:
      "{fn} : previous vaut 0 alors que current vaut {current} ; une croissance depuis 0 n'est pas définie",
    targetIsBaseline:
      "{fn} : target est égal à baseline ({value}), la progression n'est donc pas définie",
    deadlineBeforeStart: "{fn} : deadline ({deadline}) est antérieure à start_date ({start})",
    forecastTooFew:
      "{fn} : une tendance demande au moins 2 points ayant une date et une valeur, il y en a {n}",
    forecastOneDate:
      "{fn} : tous les points ont la même date ({date}) ; une tendance demande 2 dates différentes",
    unknownPeriod:
      "période inconnue {value} : utilisez jour, semaine, mois, trimestre ou année (ou day, week, month, quarter, year)",
    unknownPeriodIn:
      "{fn} : période inconnue {value} : utilisez jour, semaine, mois, trimestre ou année (ou day, week, month, quarter, year)",
    unknownKpi: "{fn} : {value} n'est pas un KPI ; utilisez l'un de {known}",
    unknownChannel: "{fn} : {value} n'est pas un canal ; utilisez l'un de {known}",
    noBenchmark: "{fn} : aucune référence pour {kpi}{where} ; celles fournies couvrent {known}",
    noBenchmarkAtAll:
      "{fn} : aucune référence publiée n'est fournie pour {kpi} ; donnez votre propre tableau",
    severalChannels:
      "{fn} : {kpi} a des références pour plusieurs canaux ({known}) ; indiquez le canal",
    ownRowBad:
      "{fn} : {arg}, ligne {n} : {value} n'est pas un nombre ; chaque ligne est KPI, canal, secteur, valeur",
    onChannel: " sur {channel}",
    inIndustry: " dans le secteur {industry}",
    status_not_started: "Pas commencé",
    status_achieved: "Atteint",
    status_on_track: "En bonne voie",
    status_at_risk: "À risque",
    status_off_track: "En retard",
    status_missed: "Manqué",
    anomalyHigh: "haut",
    anomalyLow: "bas",
    anomalyGood: "{flag} (bon signe)",
    anomalyBad: "{flag} (mauvais signe)",
    duplicateDate:
      "{fn} : dates, {pos} : {date} apparaît deux fois ; donnez une ligne par période (par exemple KPI_SERIES)",
    badDirection:
      "{fn} : direction doit valoir « higher » ou « lower » (le sens souhaité), pas {value}",
  },
});

export type KpiMessageKey = keyof typeof KPI_MESSAGES.en;
