/** Sidebar words, en/fr: one section of the catalogue in ../messages.ts. A BigQuery source. */
export const BIGQUERY = {
  en: {
    sourceKindLegend: "Where is the data?",
    sourceKindSheet: "A tab of this spreadsheet",
    sourceKindBigQuery: "A BigQuery table (GA4 export or your own)",
    bqProjectLabel: "Billing project",
    bqDatasetLabel: "Dataset",
    bqTableLabel: "Table",
    bqTableHint: "events_* for a GA4 export (its daily tables), or the name of a table of yours.",
    bqDateColumnLabel: "Date column (DATE, or a TIMESTAMP column followed by TIMESTAMP)",
    bqChoosePreset: "Choose what to count…",
    bqEventsLabel: "Event names, separated by commas",
    bqBeforeRunTitle: "Before the first run",
    bqScanWaiting: "Fill in the table and each input to see what will be read.",
    bqNoPreview:
      "No query runs now: the first figures come with the dashboard build, as one query billed to the project above. Type the baseline on the next step.",
  },
  fr: {
    sourceKindLegend: "Où sont les données ?",
    sourceKindSheet: "Un onglet de ce classeur",
    sourceKindBigQuery: "Une table BigQuery (export GA4 ou la vôtre)",
    bqProjectLabel: "Projet de facturation",
    bqDatasetLabel: "Ensemble de données",
    bqTableLabel: "Table",
    bqTableHint:
      "events_* pour un export GA4 (ses tables quotidiennes), ou le nom d’une de vos tables.",
    bqDateColumnLabel: "Colonne de date (DATE, ou une colonne TIMESTAMP suivie de TIMESTAMP)",
    bqChoosePreset: "Choisissez quoi compter…",
    bqEventsLabel: "Noms d’événements, séparés par des virgules",
    bqBeforeRunTitle: "Avant la première exécution",
    bqScanWaiting: "Renseignez la table et chaque entrée pour voir ce qui sera lu.",
    bqNoPreview:
      "Aucune requête n’est lancée maintenant : les premiers chiffres arrivent à la création du tableau de bord, en une requête facturée au projet ci-dessus. Saisissez la référence à l’étape suivante.",
  },
} as const;
