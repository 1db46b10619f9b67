/** Sidebar words, en/fr: one section of the catalogue in ../messages.ts. A BigQuery source. */
export const BIGQUERY = {
  en: {
    sourceKindLegend: "Where is the data?",
    sourceKindSheet: "A tab of this spreadsheet",
    sourceKindBigQuery: "A BigQuery table (GA4 export or your own)",
    bqKnownLabel: "Tables your objectives already read",
    bqKnownChoose: "Choose one, or name another below…",
    bqProjectLabel: "Billing project",
    bqDatasetLabel: "Dataset",
    bqTableLabel: "Table",
    bqTableHint: "events_* for a GA4 export (its daily tables), or the name of a table of yours.",
    bqDateColumnLabel: "Date column (DATE, or a TIMESTAMP column followed by TIMESTAMP)",
    bqChoosePreset: "Choose what to count…",
    bqEventsLabel: "Event names, separated by commas",
    bqFilterField: "Count only the rows whose field",
    bqFilterValues: "is one of these values, separated by commas",
    bqFilterHint:
      "For example device.category, then mobile. Each value is compared exactly, as BigQuery stores it.",
    bqBeforeRunTitle: "Before the first run",
    bqScanWaiting: "Fill in the table and each input to see what will be read.",
    bqPreviewCost:
      "Nothing has run in BigQuery yet. To see the figures now, run this query: it is billed to project {project}, as a dashboard build is. Otherwise they come with the first build, and you type the baseline.",
    bqPreviewRan:
      "The query ran in BigQuery for these choices (billed to project {project}); its figures are below. A change above needs another run.",
    bqRunPreview: "Run the query and preview",
    bqRunPreviewAgain: "Run it again with these choices",
    bqPreviewNotRun: "The query has not run yet: use the button above to see the figures.",
    bqPreviewStale: "The choices changed since the query ran: run it again to see their figures.",
  },
  fr: {
    sourceKindLegend: "Où sont les données ?",
    sourceKindSheet: "Un onglet de ce classeur",
    sourceKindBigQuery: "Une table BigQuery (export GA4 ou la vôtre)",
    bqKnownLabel: "Tables que vos objectifs lisent déjà",
    bqKnownChoose: "Choisissez-en une, ou nommez-en une autre ci-dessous…",
    bqProjectLabel: "Projet de facturation",
    bqDatasetLabel: "Ensemble de données",
    bqTableLabel: "Table",
    bqTableHint:
      "events_* pour un export GA4 (ses tables quotidiennes), ou le nom d’une de vos tables.",
    bqDateColumnLabel: "Colonne de date (DATE, ou une colonne TIMESTAMP suivie de TIMESTAMP)",
    bqChoosePreset: "Choisissez quoi compter…",
    bqEventsLabel: "Noms d’événements, séparés par des virgules",
    bqFilterField: "Ne compter que les lignes dont le champ",
    bqFilterValues: "vaut l’une de ces valeurs, séparées par des virgules",
    bqFilterHint:
      "Par exemple device.category, puis mobile. Chaque valeur est comparée telle quelle, comme BigQuery la stocke.",
    bqBeforeRunTitle: "Avant la première exécution",
    bqScanWaiting: "Renseignez la table et chaque entrée pour voir ce qui sera lu.",
    bqPreviewCost:
      "Rien n’a encore été exécuté dans BigQuery. Pour voir les chiffres maintenant, lancez cette requête : elle est facturée au projet {project}, comme une création du tableau de bord. Sinon, ils arrivent à la première création, et vous saisissez la référence.",
    bqPreviewRan:
      "La requête a été exécutée dans BigQuery pour ces choix (facturée au projet {project}) ; ses chiffres sont ci-dessous. Un changement ci-dessus demande une nouvelle exécution.",
    bqRunPreview: "Lancer la requête et prévisualiser",
    bqRunPreviewAgain: "La relancer avec ces choix",
    bqPreviewNotRun:
      "La requête n’a pas encore été lancée : utilisez le bouton ci-dessus pour voir les chiffres.",
    bqPreviewStale:
      "Les choix ont changé depuis la requête : relancez-la pour voir leurs chiffres.",
  },
} as const;
