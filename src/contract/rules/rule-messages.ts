/**
 * The words of the objective rules (objective-rules.ts), shared by the server and the sidebar so
 * both say the same thing about the same mistake. Each message starts with the field's label, which
 * is also the field's column header in the Objectives tab.
 */
import { defineCatalogue } from "../i18n.ts";

export const ruleMessages = defineCatalogue({
  en: {
    field_id: "ID",
    field_name: "Name",
    field_kpiId: "KPI id",
    field_channel: "Channel",
    field_sourceSheet: "Source tab",
    field_dateColumn: "Date column",
    field_inputs: "Input columns",
    field_direction: "Direction",
    field_baseline: "Baseline",
    field_target: "Target",
    field_startDate: "Start date",
    field_deadline: "Deadline",
    field_frequency: "Review frequency",
    field_owner: "Owner",
    field_businessGoal: "Business goal",
    field_notes: "Notes",
    field_created: "Created",
    field_updated: "Updated",
    field_filter: "Filter",
    notAnObject: "The objective received is not an object: reload the sidebar and try again.",
    required: "{field}: required.",
    notText: "{field}: must be text.",
    tooLong: "{field}: at most {max} characters (this one has {length}).",
    controlChars: "{field}: contains invisible control characters; retype it.",
    unknownKpi: '{field}: "{value}" is not a KPI of KPI Pilot. Known ids: {list}.',
    notNumber: "{field}: must be a number (got {value}).",
    tooLarge: "{field}: {value} is too large to be a KPI value.",
    negative: "{field}: {kpi} cannot be negative (got {value}).",
    targetEqualsBaseline:
      "{field}: must differ from the baseline ({baseline}), since progress runs from the baseline to the target.",
    targetNotAbove:
      "{field}: must be above the baseline ({baseline}) for a higher-is-better objective.",
    targetNotBelow:
      "{field}: must be below the baseline ({baseline}) for a lower-is-better objective.",
    badDate: '{field}: "{value}" is not a date written YYYY-MM-DD, such as 2027-03-31.',
    dateOutOfRange: "{field}: {value} is outside the years 1990 to 2100.",
    deadlineNotAfterStart: "{field}: must be after the start date ({start}).",
    badChoice: '{field}: must be one of {list} (got "{value}").',
    inputsNotObject: "{field}: must map each input of the KPI to its column header.",
    inputMissing: '{field}: the input "{label}" of {kpi} needs a column.',
    inputUnknown: '{field}: {kpi} has no input named "{input}". Its inputs: {list}.',
    inputOneColumn: '{field}: the input "{label}" takes a single column (got {count}).',
    inputTooMany: '{field}: the input "{label}" takes at most {max} columns.',
    inputDuplicate: '{field}: the column "{value}" is given twice for the input "{label}".',
    inputRowsNotCount:
      '{field}: the input "{label}" is not a count, so it cannot be counted as one per row.',
    inputRowsAlone:
      '{field}: the input "{label}" is counted as one per row; it takes no column besides.',
    inputOnlySubtracted:
      '{field}: the input "{label}" subtracts columns from nothing; give the column to subtract them from.',
    bqSourceBad:
      '{field}: "{value}" is not a BigQuery table written bq:project.dataset.table (or bq:project.dataset.events_* for a GA4 export).',
    bqDateColumnBad:
      '{field}: "{value}" does not fit this BigQuery source: event_timestamp for a GA4 export, else a DATE column ("order_date") or a TIMESTAMP one ("created_at TIMESTAMP").',
    bqInputBad:
      '{field}: "{value}" is not a measure of this BigQuery source: a GA4 preset (sessions, users, key_events: purchase…) or, for your own table, SUM(column) or COUNT(DISTINCT column).',
    bqFilterBad:
      '{field}: "{value}" is not a field of this BigQuery table (letters, digits and underscores; a dot for a nested field such as device.category).',
    badId: '{field}: "{value}" is not an objective id.',
    filterNotObject: "{field}: must name a column and the values of the rows to keep.",
    filterNoValues: '{field}: choose at least one value of "{column}" to keep its rows.',
    filterTooMany: "{field}: at most {max} values.",
    filterDuplicate: '{field}: the value "{value}" is given twice.',
  },
  fr: {
    field_id: "ID",
    field_name: "Nom",
    field_kpiId: "Identifiant KPI",
    field_channel: "Canal",
    field_sourceSheet: "Onglet source",
    field_dateColumn: "Colonne de date",
    field_inputs: "Colonnes d'entrée",
    field_direction: "Sens",
    field_baseline: "Valeur de départ",
    field_target: "Cible",
    field_startDate: "Date de début",
    field_deadline: "Échéance",
    field_frequency: "Fréquence de revue",
    field_owner: "Responsable",
    field_businessGoal: "Objectif métier",
    field_notes: "Notes",
    field_created: "Créé le",
    field_updated: "Modifié le",
    field_filter: "Filtre",
    notAnObject: "L'objectif reçu n'est pas un objet : rechargez le panneau latéral et réessayez.",
    required: "{field} : obligatoire.",
    notText: "{field} : doit être du texte.",
    tooLong: "{field} : {max} caractères au plus (celui-ci en a {length}).",
    controlChars: "{field} : contient des caractères de contrôle invisibles ; retapez-le.",
    unknownKpi:
      "{field} : « {value} » n'est pas un KPI de KPI Pilot. Identifiants connus : {list}.",
    notNumber: "{field} : doit être un nombre (reçu : {value}).",
    tooLarge: "{field} : {value} est trop grand pour une valeur de KPI.",
    negative: "{field} : {kpi} ne peut pas être négatif (reçu : {value}).",
    targetEqualsBaseline:
      "{field} : doit différer de la valeur de départ ({baseline}), car la progression va de la valeur de départ à la cible.",
    targetNotAbove:
      "{field} : doit être supérieure à la valeur de départ ({baseline}) pour un objectif à la hausse.",
    targetNotBelow:
      "{field} : doit être inférieure à la valeur de départ ({baseline}) pour un objectif à la baisse.",
    badDate: "{field} : « {value} » n'est pas une date au format AAAA-MM-JJ, comme 2027-03-31.",
    dateOutOfRange: "{field} : {value} est hors des années 1990 à 2100.",
    deadlineNotAfterStart: "{field} : doit être postérieure à la date de début ({start}).",
    badChoice: "{field} : doit être l'une des valeurs {list} (reçu : « {value} »).",
    inputsNotObject: "{field} : doit associer chaque entrée du KPI à l'en-tête de sa colonne.",
    inputMissing: "{field} : l'entrée « {label} » de {kpi} a besoin d'une colonne.",
    inputUnknown: "{field} : {kpi} n'a pas d'entrée nommée « {input} ». Ses entrées : {list}.",
    inputOneColumn: "{field} : l'entrée « {label} » prend une seule colonne (reçu : {count}).",
    inputTooMany: "{field} : l'entrée « {label} » prend au plus {max} colonnes.",
    inputDuplicate:
      "{field} : la colonne « {value} » est donnée deux fois pour l'entrée « {label} ».",
    inputRowsNotCount:
      "{field} : l'entrée « {label} » n'est pas un nombre d'éléments ; elle ne peut pas compter une par ligne.",
    inputRowsAlone:
      "{field} : l'entrée « {label} » compte une par ligne ; elle ne prend pas d'autre colonne.",
    inputOnlySubtracted:
      "{field} : l'entrée « {label} » soustrait des colonnes de rien ; indiquez la colonne dont les soustraire.",
    bqSourceBad:
      "{field} : « {value} » n’est pas une table BigQuery écrite bq:projet.dataset.table (ou bq:projet.dataset.events_* pour un export GA4).",
    bqDateColumnBad:
      "{field} : « {value} » ne convient pas à cette source BigQuery : event_timestamp pour un export GA4, sinon une colonne DATE (« order_date ») ou TIMESTAMP (« created_at TIMESTAMP »).",
    bqInputBad:
      "{field} : « {value} » n’est pas une mesure de cette source BigQuery : un préréglage GA4 (sessions, users, key_events: purchase…) ou, pour votre propre table, SUM(colonne) ou COUNT(DISTINCT colonne).",
    bqFilterBad:
      "{field} : « {value} » n’est pas un champ de cette table BigQuery (lettres, chiffres et tirets bas ; un point pour un champ imbriqué comme device.category).",
    badId: "{field} : « {value} » n'est pas un identifiant d'objectif.",
    filterNotObject: "{field} : doit indiquer une colonne et les valeurs des lignes à garder.",
    filterNoValues:
      "{field} : choisissez au moins une valeur de « {column} » pour en garder les lignes.",
    filterTooMany: "{field} : {max} valeurs au plus.",
    filterDuplicate: "{field} : la valeur « {value} » est donnée deux fois.",
  },
});

export type RuleMessageKey = keyof typeof ruleMessages.en;
