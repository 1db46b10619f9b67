/** Server messages, en/fr: one section of the catalogue in ../messages.ts. */
export const STATUS = {
  en: {
    // Review frequencies, as words.
    frequency_weekly: "Weekly",
    frequency_monthly: "Monthly",
    frequency_quarterly: "Quarterly",
    // Status words beside the engine's (src/kpi/messages.ts), for objectives without a status.
    status_error: "Cannot compute",
    status_no_data: "Not enough data",
    // Why an objective has its status (src/kpi/status.ts decides, these say it).
    reasonBeforeStart: "Starts {date}.",
    reasonNoPeriodSinceStart: "No complete period since the start ({date}) yet.",
    reasonDecidedAt:
      "{period}, the period of the deadline, decides: {value} against a target of {target}.",
    reasonDecidedBefore:
      "{period}, the last complete period by the deadline ({deadline}), decides: {value} against a target of {target}.",
    reasonLater: "Since then: {value} in {period}, which does not change the verdict.",
    reasonNoDecisive: "No complete period of data by the deadline ({deadline}).",
    pace_ahead: "ahead of pace ({progress} of the way, {expected} of the time gone)",
    pace_on_pace: "on pace ({progress} of the way, {expected} of the time gone)",
    pace_behind: "behind pace ({progress} of the way, {expected} of the time gone)",
    pace_far_behind: "far behind pace ({progress} of the way, {expected} of the time gone)",
    reasonTrendAnd:
      "{pace}, and the trend points to {forecast} by {deadline} (80% range {low} to {high}; target {target}): {chance}.",
    reasonTrendBut:
      "{pace}, but the trend points to {forecast} by {deadline} (80% range {low} to {high}; target {target}): {chance}.",
    chanceAbout: "about {share} likely",
    chanceOver: "over 95% likely",
    chanceUnder: "under 5% likely",
    reasonFewPeriods:
      "{pace}; pace alone decides, as {n} complete periods are too few for a trend ({min} needed).",
    reasonNoTrend: "{pace}; pace alone decides, as no trend can be drawn from the data.",
    baselineZero:
      "Baseline 0: the data around the start is about {typical}, so progress counts from too low; edit the objective's baseline.",
    baselineZeroUnchecked: "Baseline 0 with no data around the start to check it against.",
    baselineFar:
      "Baseline {baseline} is far from the data around the start (about {typical}): check it, progress counts from it.",
  },
  fr: {
    frequency_weekly: "Hebdomadaire",
    frequency_monthly: "Mensuelle",
    frequency_quarterly: "Trimestrielle",
    status_error: "Calcul impossible",
    status_no_data: "Données insuffisantes",
    reasonBeforeStart: "Commence le {date}.",
    reasonNoPeriodSinceStart: "Pas encore de période complète depuis le début ({date}).",
    reasonDecidedAt:
      "{period}, la période de l'échéance, décide : {value} pour une cible de {target}.",
    reasonDecidedBefore:
      "{period}, la dernière période complète avant l'échéance ({deadline}), décide : {value} pour une cible de {target}.",
    reasonLater: "Depuis : {value} en {period}, ce qui ne change pas le verdict.",
    reasonNoDecisive: "Aucune période complète de données avant l'échéance ({deadline}).",
    pace_ahead: "en avance sur le rythme ({progress} du chemin, {expected} du temps écoulé)",
    pace_on_pace: "dans le rythme ({progress} du chemin, {expected} du temps écoulé)",
    pace_behind: "en retard sur le rythme ({progress} du chemin, {expected} du temps écoulé)",
    pace_far_behind:
      "très en retard sur le rythme ({progress} du chemin, {expected} du temps écoulé)",
    reasonTrendAnd:
      "{pace}, et la tendance mène à {forecast} au {deadline} (fourchette à 80 % : {low} à {high} ; cible {target}) : {chance}.",
    reasonTrendBut:
      "{pace}, mais la tendance mène à {forecast} au {deadline} (fourchette à 80 % : {low} à {high} ; cible {target}) : {chance}.",
    chanceAbout: "environ {share} de chances",
    chanceOver: "plus de 95 % de chances",
    chanceUnder: "moins de 5 % de chances",
    reasonFewPeriods:
      "{pace} ; le rythme seul décide, {n} périodes complètes étant trop peu pour une tendance ({min} nécessaires).",
    reasonNoTrend: "{pace} ; le rythme seul décide, aucune tendance ne se dégageant des données.",
    baselineZero:
      "Valeur de départ 0 : les données autour du début valent environ {typical}, la progression part donc de trop bas ; corrigez la valeur de départ de l'objectif.",
    baselineZeroUnchecked: "Valeur de départ 0, sans données autour du début pour la vérifier.",
    baselineFar:
      "La valeur de départ {baseline} est loin des données autour du début (environ {typical}) : vérifiez-la, la progression part d'elle.",
  },
} as const;
