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
    busy_preview:
      "Quelqu’un prévisualise un objectif BigQuery dans ce classeur en ce moment. Réessayez dans quelques secondes.",
    bqBadResult:
      "Le résultat de la requête BigQuery sur {table} a une valeur inattendue en colonne {column}, ligne {row}.",
  },
} as const;
