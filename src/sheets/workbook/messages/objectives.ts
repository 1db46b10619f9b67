/** Server messages, en/fr: one section of the catalogue in ../messages.ts. */
export const OBJECTIVES = {
  en: {
    // Objectives tab: name and column headers.
    objectivesTab: "Objectives",
    // Validation: each starts with the field label.
    inputsUnreadable:
      '{field}: cannot read "{value}". Write input=Header; other_input=Header A + Header B.',
    filterUnreadable:
      '{field}: cannot read "{value}". Write Column = value, other value (for example Campaign = Search - Brand).',
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
  },
  fr: {
    objectivesTab: "Objectifs",
    inputsUnreadable:
      "{field} : impossible de lire « {value} ». Écrivez entrée=En-tête; autre_entrée=En-tête A + En-tête B.",
    filterUnreadable:
      "{field} : impossible de lire « {value} ». Écrivez Colonne = valeur, autre valeur (par exemple Campagne = Search - Marque).",
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
  },
} as const;
