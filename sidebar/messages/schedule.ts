/** Sidebar words, en/fr: one section of the catalogue in ../messages.ts. */
export const SCHEDULE = {
  en: {
    scheduleTitle: "Schedule and e-mail",
    scheduleEnable: "Review every week and e-mail the digest",
    scheduleDay: "Day",
    scheduleHour: "Hour ({zone})",
    scheduleRecipients: "Recipients",
    scheduleRecipientsHelp: "E-mail addresses, separated by commas; at most 20.",
    scheduleLang: "Language of the e-mail",
    scheduleObjectives: "Objectives",
    scheduleObjectivesHelp: "All of them, or tick owners to send only theirs.",
    scheduleNext: "Next review: {when}, within that hour.",
    scheduleRuns: "Last runs",
    scheduleNoRuns: "No run yet.",
    scheduleSave: "Save",
    scheduleTest: "Send a test now",
    scheduleNoOwner: "Nobody has turned the schedule on yet.",
    scheduleOwnerYou: "The schedule is yours ({owner}): reviews run as you.",
    scheduleOwnerOther:
      "The schedule belongs to {owner}. Saving it makes it yours, and their reviews stop.",
  },
  fr: {
    scheduleTitle: "Planification et e-mail",
    scheduleEnable: "Faire la revue chaque semaine et envoyer la synthèse",
    scheduleDay: "Jour",
    scheduleHour: "Heure ({zone})",
    scheduleRecipients: "Destinataires",
    scheduleRecipientsHelp: "Adresses e-mail séparées par des virgules ; 20 au plus.",
    scheduleLang: "Langue de l'e-mail",
    scheduleObjectives: "Objectifs",
    scheduleObjectivesHelp: "Tous, ou cochez des responsables pour n'envoyer que les leurs.",
    scheduleNext: "Prochaine revue : {when}, dans l'heure.",
    scheduleRuns: "Dernières exécutions",
    scheduleNoRuns: "Aucune exécution pour l'instant.",
    scheduleSave: "Enregistrer",
    scheduleTest: "Envoyer un test maintenant",
    scheduleNoOwner: "Personne n'a encore activé la planification.",
    scheduleOwnerYou:
      "La planification est à vous ({owner}) : les revues s'exécutent en votre nom.",
    scheduleOwnerOther:
      "La planification appartient à {owner}. L'enregistrer la fait vôtre, et ses revues s'arrêtent.",
  },
} as const;
