/** Every string the playground shows (page chrome and server replies), in English and French. */
import { defineCatalogue } from "../../src/contract/i18n.ts";

export const playgroundMessages = defineCatalogue({
  en: {
    docTitle: "KPI Pilot playground",
    banner:
      "This is the real KPI Pilot add-on, running on a local in-memory workbook. Start with Extensions ▸ KPI Pilot ▸ New objective…, on the sample data or a CSV of your own (File ▸ Import CSV).",
    bannerDismiss: "Got it",
    menuFile: "File",
    menuEdit: "Edit",
    menuView: "View",
    menuInsert: "Insert",
    menuFormat: "Format",
    menuData: "Data",
    menuTools: "Tools",
    menuExtensions: "Extensions",
    menuHelp: "Help",
    notInPlayground: "Not part of the playground",
    importCsv: "Import CSV…",
    resetWorkbook: "Reset the playground…",
    settings: "Settings",
    settingsText:
      "Spreadsheet locale: {locale}\nTime zone: {timeZone}\nYour language: {userLocale}",
    aboutTitle: "About the playground",
    aboutText:
      "The add-on's menu, sidebar, custom functions and dashboard are the real ones from dist/Code.js and dist/Sidebar.html, running on an in-memory copy of Google Sheets.\n\nYour workbook is saved in {stateFile} after every change, so a restart keeps it. Charts and sparklines are drawn by the playground from what the add-on asked Sheets to draw.",
    languageLabel: "Language",
    addonMenuMissing: "The add-on menu could not be built: {message}",
    runningScript: "Running script",
    scriptErrorIn: "{functionName} failed",
    ok: "OK",
    cancel: "Cancel",
    close: "Close",
    resetConfirmTitle: "Reset the playground?",
    resetConfirm:
      "This deletes every tab, objective and dashboard of this playground workbook and starts again from an empty sheet.",
    resetDone: "The playground was reset.",
    reset: "Reset",
    rowsShown: "Showing rows 1–{shown} of {total}.",
    showMore: "Show {count} more rows",
    addSheetHint: "Sheets are added by the add-on or by File ▸ Import CSV",
    protectedTitle: "Heads up!",
    protectedText:
      "You are trying to edit part of this sheet that shouldn't be changed accidentally. Edit anyway?",
    protectedEdit: "Edit anyway",
    importDone: "Imported “{file}” as the tab “{sheet}”: {rows} rows × {columns} columns.",
    importDateOrder: "Dates were read as {order}.",
    dmy: "day/month/year",
    mdy: "month/day/year",
    importEncoding: "The file was not UTF-8; it was read as {encoding}.",
    importFailed: "“{file}” was not imported, and the workbook is unchanged.",
    csvEmpty: "The file is empty.",
    csvBinary: "This is not a text file. Export your data as CSV (comma or semicolon separated).",
    csvHeaderOnly: "The file has a header row but no data below it.",
    csvUnbalancedQuote:
      'Line {line} opens a quoted field (") that is never closed. Check that line in a text editor.',
    csvTooManyFields:
      "Line {line} has {fields} fields but the header has {expected}. Is the separator right, or is a value with a separator missing its quotes?",
    csvTooLarge: "The file is too large for the playground (over {max} cells).",
    csvUnreadable: "The file could not be read: {message}",
    chartNoData: "No numbers to draw in {range}",
    chartDrawnAsLine: "{type} chart drawn as a line chart in the playground",
    notComputed: "{name} is not computed in the playground; Google Sheets computes it.",
    stateCorrupt:
      "The saved workbook {file} could not be read ({message}). It was kept as {backup}; the playground starts from an empty workbook.",
    cellError: "Error",
    sidebarTitle: "Sidebar",
    editingDisabled: "This cell is filled by a formula spilling from {cell}.",
    connectionLost: "Lost contact with the playground server. Is `npm start` still running?",
  },
  fr: {
    docTitle: "Bac à sable KPI Pilot",
    banner:
      "Voici le vrai module complémentaire KPI Pilot, qui tourne sur un classeur local en mémoire. Commencez par Extensions ▸ KPI Pilot ▸ Nouvel objectif…, sur les données d'exemple ou sur un CSV à vous (Fichier ▸ Importer un CSV).",
    bannerDismiss: "Compris",
    menuFile: "Fichier",
    menuEdit: "Édition",
    menuView: "Affichage",
    menuInsert: "Insertion",
    menuFormat: "Format",
    menuData: "Données",
    menuTools: "Outils",
    menuExtensions: "Extensions",
    menuHelp: "Aide",
    notInPlayground: "Absent du bac à sable",
    importCsv: "Importer un CSV…",
    resetWorkbook: "Réinitialiser le bac à sable…",
    settings: "Paramètres",
    settingsText:
      "Paramètres régionaux du classeur : {locale}\nFuseau horaire : {timeZone}\nVotre langue : {userLocale}",
    aboutTitle: "À propos du bac à sable",
    aboutText:
      "Le menu, la barre latérale, les fonctions personnalisées et le tableau de bord sont les vrais, ceux de dist/Code.js et dist/Sidebar.html, exécutés sur une copie en mémoire de Google Sheets.\n\nVotre classeur est enregistré dans {stateFile} après chaque modification : un redémarrage le conserve. Les graphiques et les graphiques sparkline sont dessinés par le bac à sable d'après ce que le module a demandé à Sheets.",
    languageLabel: "Langue",
    addonMenuMissing: "Le menu du module n'a pas pu être créé : {message}",
    runningScript: "Exécution du script",
    scriptErrorIn: "Échec de {functionName}",
    ok: "OK",
    cancel: "Annuler",
    close: "Fermer",
    resetConfirmTitle: "Réinitialiser le bac à sable ?",
    resetConfirm:
      "Tous les onglets, objectifs et tableaux de bord de ce classeur seront supprimés ; vous repartirez d'une feuille vide.",
    resetDone: "Le bac à sable a été réinitialisé.",
    reset: "Réinitialiser",
    rowsShown: "Lignes 1 à {shown} sur {total}.",
    showMore: "Afficher {count} lignes de plus",
    addSheetHint: "Les onglets sont ajoutés par le module ou par Fichier ▸ Importer un CSV",
    protectedTitle: "Attention !",
    protectedText:
      "Vous essayez de modifier une partie de cette feuille qui ne doit pas être modifiée par inadvertance. Modifier quand même ?",
    protectedEdit: "Modifier quand même",
    importDone:
      "« {file} » importé dans l'onglet « {sheet} » : {rows} lignes × {columns} colonnes.",
    importDateOrder: "Les dates ont été lues au format {order}.",
    dmy: "jour/mois/année",
    mdy: "mois/jour/année",
    importEncoding: "Le fichier n'était pas en UTF-8 ; il a été lu en {encoding}.",
    importFailed: "« {file} » n'a pas été importé ; le classeur n'a pas changé.",
    csvEmpty: "Le fichier est vide.",
    csvBinary:
      "Ce n'est pas un fichier texte. Exportez vos données en CSV (séparateur virgule ou point-virgule).",
    csvHeaderOnly: "Le fichier a une ligne d'en-tête, mais aucune donnée en dessous.",
    csvUnbalancedQuote:
      "La ligne {line} ouvre un champ entre guillemets (\") qui n'est jamais fermé. Vérifiez cette ligne dans un éditeur de texte.",
    csvTooManyFields:
      "La ligne {line} a {fields} champs alors que l'en-tête en a {expected}. Le séparateur est-il le bon, ou une valeur contenant un séparateur a-t-elle perdu ses guillemets ?",
    csvTooLarge: "Le fichier est trop grand pour le bac à sable (plus de {max} cellules).",
    csvUnreadable: "Le fichier n'a pas pu être lu : {message}",
    chartNoData: "Aucun nombre à tracer dans {range}",
    chartDrawnAsLine: "Graphique {type} dessiné en courbe dans le bac à sable",
    notComputed: "{name} n'est pas calculé dans le bac à sable ; Google Sheets le calcule.",
    stateCorrupt:
      "Le classeur enregistré {file} est illisible ({message}). Il a été conservé sous {backup} ; le bac à sable repart d'un classeur vide.",
    cellError: "Erreur",
    sidebarTitle: "Barre latérale",
    editingDisabled: "Cette cellule est remplie par une formule qui déborde de {cell}.",
    connectionLost:
      "Le serveur du bac à sable ne répond plus. `npm start` est-il toujours en cours ?",
  },
});

export type PlaygroundMessageKey = keyof typeof playgroundMessages.en;
