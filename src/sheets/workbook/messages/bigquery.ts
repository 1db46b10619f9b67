/** Server messages, en/fr: one section of the catalogue in ../messages.ts. BigQuery sources. */
export const BIGQUERY = {
  en: {
    bqScan:
      "BigQuery: reads {tables} from {from} to {to} (in the dashboard's zone; a GA4 export's daily tables from {scanFrom} to {scanTo}).",
    bqScanNotBigQuery: "This source is a tab of the spreadsheet, not a BigQuery table.",
    bqNotRun: "Computed in BigQuery when the dashboard is built (Build or refresh dashboard).",
    bqTimeout:
      "BigQuery did not answer within {seconds} seconds for {table}. The query keeps running in BigQuery; build the dashboard again in a minute.",
    bqPermission:
      "BigQuery refused access to {table}: ask the owner of project {project} for the BigQuery Data Viewer and Job User roles, then build again.",
    bqNotFound:
      "BigQuery found no table {table}: check the names of the project, dataset and table of the source.",
    bqBilling:
      "BigQuery cannot run queries on project {project}: billing is not enabled there (or the BigQuery API is off). Enable it in Google Cloud, or use a project that has it.",
    bqQuota:
      "BigQuery refused the query on {table}: a quota was exceeded. Try again later, or ask your Google Cloud admin to raise it.",
    bqTooBig:
      "BigQuery returned more rows than a data-source sheet holds for {table}; choose a longer review frequency.",
    bqEngine: "BigQuery could not run the query on {table}: {message}",
    bqSpec: "This BigQuery source cannot become a query: {problem}",
    sql_badProject:
      '"{value}" is not a Google Cloud project id (lowercase letters, digits and hyphens).',
    sql_badDataset: '"{value}" is not a BigQuery dataset name (letters, digits and underscores).',
    sql_badTable: '"{value}" is not a BigQuery table name (or events_* for a GA4 export).',
    sql_badColumn:
      '"{value}" is not a column name BigQuery accepts (letters, digits, underscores; a dot for a nested field).',
    sql_badEventName:
      '"{value}" is not a GA4 event name (letters, digits and underscores, starting with a letter).',
    sql_badValue: '"{value}" cannot be a filter value (it holds a control character).',
    sql_badTimeZone: 'the spreadsheet\'s time zone "{value}" is not one BigQuery knows.',
    sql_badMeasureName: '"{value}" cannot name a result column.',
    sql_noDateRange: "it has no start or no end date, and a query must be bounded by dates.",
    sql_rangeReversed: "its start date is after its end date.",
    sql_noEvents: "key events need at least one event name (key_events: purchase).",
    sql_presetNeedsGa4: '"{value}" is a GA4 preset, which only a GA4 export (events_*) has.',
    sql_noMeasures: "none of the KPI's inputs is measured.",
    sql_inputNotMapped: 'the KPI\'s input "{input}" has no measure.',
    sql_distinctNeedsCount:
      'the KPI\'s input "{input}" counts distinct ids: use COUNT(DISTINCT column).',
    sql_tooManyValues: "a filter may hold at most {max} values.",
    sql_badResult: "column {column} of the result is not what was asked (row {row}).",
    busy_preview:
      "Someone is previewing a BigQuery objective in this spreadsheet right now. Try again in a few seconds.",
    bqBadResult:
      "The result of the BigQuery query on {table} has an unexpected value in column {column}, row {row}.",
  },
  fr: {
    bqScan:
      "BigQuery : lit {tables} du {from} au {to} (dans le fuseau du tableau de bord ; les tables quotidiennes d’un export GA4 du {scanFrom} au {scanTo}).",
    bqScanNotBigQuery: "Cette source est un onglet du classeur, pas une table BigQuery.",
    bqNotRun:
      "Calculé dans BigQuery à la création du tableau de bord (Créer ou actualiser le tableau de bord).",
    bqTimeout:
      "BigQuery n’a pas répondu en {seconds} secondes pour {table}. La requête continue dans BigQuery ; recréez le tableau de bord dans une minute.",
    bqPermission:
      "BigQuery a refusé l’accès à {table} : demandez au propriétaire du projet {project} les rôles Lecteur de données BigQuery et Utilisateur de tâches, puis recommencez.",
    bqNotFound:
      "BigQuery ne trouve pas la table {table} : vérifiez les noms du projet, de l’ensemble de données et de la table de la source.",
    bqBilling:
      "BigQuery ne peut pas exécuter de requête sur le projet {project} : la facturation n’y est pas activée (ou l’API BigQuery est désactivée). Activez-la dans Google Cloud, ou utilisez un projet qui l’a.",
    bqQuota:
      "BigQuery a refusé la requête sur {table} : un quota est dépassé. Réessayez plus tard, ou demandez à l’administrateur Google Cloud de le relever.",
    bqTooBig:
      "BigQuery a renvoyé plus de lignes qu’une feuille de source de données n’en contient pour {table} ; choisissez une fréquence de revue plus longue.",
    bqEngine: "BigQuery n’a pas pu exécuter la requête sur {table} : {message}",
    bqSpec: "Cette source BigQuery ne peut pas devenir une requête : {problem}",
    sql_badProject:
      "« {value} » n’est pas un identifiant de projet Google Cloud (minuscules, chiffres et traits d’union).",
    sql_badDataset:
      "« {value} » n’est pas un nom d’ensemble de données BigQuery (lettres, chiffres et tirets bas).",
    sql_badTable:
      "« {value} » n’est pas un nom de table BigQuery (ou events_* pour un export GA4).",
    sql_badColumn:
      "« {value} » n’est pas un nom de colonne accepté par BigQuery (lettres, chiffres, tirets bas ; un point pour un champ imbriqué).",
    sql_badEventName:
      "« {value} » n’est pas un nom d’événement GA4 (lettres, chiffres et tirets bas, commençant par une lettre).",
    sql_badValue:
      "« {value} » ne peut pas être une valeur de filtre (elle contient un caractère de contrôle).",
    sql_badTimeZone: "le fuseau horaire du classeur « {value} » est inconnu de BigQuery.",
    sql_badMeasureName: "« {value} » ne peut pas nommer une colonne de résultat.",
    sql_noDateRange:
      "il lui manque une date de début ou de fin, et une requête doit être bornée par des dates.",
    sql_rangeReversed: "sa date de début est après sa date de fin.",
    sql_noEvents:
      "les événements clés demandent au moins un nom d’événement (key_events: purchase).",
    sql_presetNeedsGa4:
      "« {value} » est un préréglage GA4, que seul un export GA4 (events_*) possède.",
    sql_noMeasures: "aucune des entrées du KPI n’est mesurée.",
    sql_inputNotMapped: "l’entrée « {input} » du KPI n’a pas de mesure.",
    sql_distinctNeedsCount:
      "l’entrée « {input} » du KPI compte des identifiants distincts : utilisez COUNT(DISTINCT colonne).",
    sql_tooManyValues: "un filtre contient au plus {max} valeurs.",
    sql_badResult: "la colonne {column} du résultat n’est pas celle demandée (ligne {row}).",
    busy_preview:
      "Quelqu’un prévisualise un objectif BigQuery dans ce classeur en ce moment. Réessayez dans quelques secondes.",
    bqBadResult:
      "Le résultat de la requête BigQuery sur {table} a une valeur inattendue en colonne {column}, ligne {row}.",
  },
} as const;
