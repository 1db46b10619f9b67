/** Server messages, en/fr: one section of the catalogue in ../messages.ts. */
export const IMPORT = {
  en: {
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
  },
  fr: {
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
  },
} as const;
