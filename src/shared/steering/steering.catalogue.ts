// The indicator catalogue (pilotage.md §2–§4): one versioned definition per indicator, in French as users
// read it, with its numerator, denominator, window, cohort and maturity rule, unit and allowed breakdowns.
// Pure data: the SQL that computes each figure lives in server/steering/steering.repository.ts under the
// same id. A change of meaning gets a new version (and a CHANGELOG line), so published series stay comparable.

export const breakdowns = ["parcours", "organisme", "structure", "motif_sortie"] as const;
export type Breakdown = (typeof breakdowns)[number];
export const breakdownLabels: Record<Breakdown, string> = {
  parcours: "Type de parcours",
  organisme: "Organisme référent",
  structure: "Structure référente",
  motif_sortie: "Motif de sortie",
};

/** `effectif`: a count of persons; `taux`: numerator ÷ denominator; `delai_jours`: median delay in days. */
export type IndicatorUnit = "effectif" | "taux" | "delai_jours";
export const unitLabels: Record<IndicatorUnit, string> = {
  effectif: "personnes",
  taux: "%",
  delai_jours: "jours (médiane)",
};

/** What the figure is computed on (pilotage.md §2): platform, platform + CAF/MSA flow, external, survey. */
export type Computability = "P" | "P+C" | "E" | "S";

/**
 * `flux`: events dated in the period; `stock`: situation on the last day of the period; `cohorte`: persons
 * whose T0 falls in the period, followed for `windowDays` (mature only once the window has elapsed).
 */
export type IndicatorKind = "flux" | "stock" | "cohorte";

/**
 * Why a defined indicator answers « données non disponibles »: the data it needs is not in Socle. Indicators
 * that depend on the appointments (`dependsOn: "rendez_vous"`) are computed once those tables exist.
 */
export type MissingSource = "rendez_vous" | "dsn" | "ouverture_droits";
export const missingSourceLabels: Record<MissingSource, string> = {
  rendez_vous:
    "Données non disponibles : les rendez-vous (convocations, présences) ne sont pas encore enregistrés dans Socle.",
  dsn: "Données non disponibles : les données d'emploi (DSN/DPAE rapprochées par France Travail) ne sont pas encore reçues.",
  ouverture_droits:
    "Données non disponibles : le flux CAF/MSA reçu ne porte pas la date d'ouverture des droits RSA (voir le délai mesuré depuis la notification, IND-V3-M2-N).",
};

export type IndicatorDefinition = {
  id: string;
  version: number;
  nom: string;
  /** the definition shown to users, in French */
  definition: string;
  numerateur: string;
  denominateur: string | null;
  kind: IndicatorKind;
  /** T0 and T1 of a cohort or delay indicator */
  t0?: string;
  t1?: string;
  /** the delay window of a cohort indicator; the cohort of period P is mature when end(P) + window ≤ today */
  windowDays?: number;
  /** « fenêtre » as published */
  fenetre: string;
  /** cohort rule, incl. maturity, as published */
  cohorte: string;
  unit: IndicatorUnit;
  /** breakdowns a user may ask for; `defaultBreakdown` is always computed (a distribution) */
  breakdowns: Breakdown[];
  defaultBreakdown?: Breakdown;
  computability: Computability;
  source: string;
  /** set when Socle cannot compute it yet: the indicator answers « données non disponibles » */
  missing?: MissingSource;
  /** computed only when these tables exist, else « données non disponibles » */
  dependsOn?: "rendez_vous";
  /** the expected input when the data comes from outside (DSN) */
  formatEntree?: string;
};

/** ⚙ the shared parameters of the definitions (pilotage.md IND-V2-01/02, §6). */
export const steeringParams = {
  /** « suspension_cloture_mois »: a suspension or a « mise en veille » longer than this closes support */
  suspensionClotureMois: 12,
  /** « delai_orientation » of IND-V2-02, T0 counting as day 1 (`T1 < T0 + 15 days`) */
  delaiOrientationJours: 15,
  /** « seuil_heures_hebdo » of intensive accompaniment */
  seuilHeuresHebdo: 15,
  /** « seuil_secret »: open-data cells counting fewer persons are suppressed */
  seuilSecret: 11,
} as const;

const NEW_ENTRANT_RULE =
  "Personnes bénéficiaires du RSA qui, le mois de référence, remplissent les trois critères cumulatifs : (1) un droit versable ; (2) soumises aux droits et devoirs ce mois-ci et non le mois précédent dans le flux du département (top « droits et devoirs ») ; (3) aucun accompagnement en cours (ni orientation connue, ni référent désigné). " +
  "Sont inclus : les primo-demandeurs soumis aux droits et devoirs ; les personnes radiées qui reviennent soumises aux droits et devoirs (y compris en cumul RSA et prime d'activité) ; les personnes qui viennent d'emménager dans le département ; les personnes sans RSA qui rejoignent un foyer bénéficiaire et deviennent soumises, ou dont les revenus d'activité passent sous le seuil de 500 € ; les personnes suspendues depuis plus de 12 mois qui redeviennent soumises. " +
  "Sont exclus : les personnes non soumises parce que leurs revenus d'activité sont ou passent au-dessus de 500 € ; celles qui entrent et sortent du top « droits et devoirs » au gré de leurs revenus et dont l'accompagnement est mis en veille plutôt que clos ; celles suspendues depuis 12 mois ou moins qui reviennent (l'accompagnement reprend avec le même référent). " +
  "Chaque entrée est datée de T0, la date de réception par le département de la notification de la CAF ou de la MSA.";

export const indicatorCatalogue: readonly IndicatorDefinition[] = [
  {
    id: "IND-V2-01",
    version: 1,
    nom: "Nombre de nouveaux entrants",
    definition: NEW_ENTRANT_RULE,
    numerateur:
      "Parcours ouverts par l'import du flux CAF/MSA pour un nouvel entrant (règle ci-dessus), datés de T0 dans la période.",
    denominateur: null,
    kind: "flux",
    t0: "Réception par le département de la notification CAF/MSA",
    fenetre: "Mois calendaire (somme des mois pour un trimestre ou une année)",
    cohorte:
      "Une personne × un mois d'entrée ; une personne sortie puis revenue entre dans une nouvelle cohorte.",
    unit: "effectif",
    breakdowns: [],
    computability: "P+C",
    source: "Instruction DGEFP/DPE/2023/192, annexe 4 (indicateur DREES)",
  },
  {
    id: "IND-V2-02",
    version: 1,
    nom: "Nombre de nouveaux entrants orientés en 15 jours et moins",
    definition:
      "Parmi les nouveaux entrants (IND-V2-01) dont T0 tombe dans la période, ceux dont l'orientation est notifiée avant T0 + 15 jours (T0 compte comme premier jour : notifiée au plus tard à T0 + 14 jours). T0 est la date de réception par le département de la notification CAF/MSA ; T1 la date de notification de l'orientation (courrier ou courriel désignant l'organisme référent) ou de désignation d'un référent. Exemple : droits ouverts et soumis aux droits et devoirs le 08/02, notification reçue de la CAF le 01/03 : T0 = 01/03 ; la personne compte si l'orientation est notifiée au plus tard le 15/03.",
    numerateur: "Nouveaux entrants de la cohorte orientés avec T1 < T0 + 15 jours",
    denominateur: "Nouveaux entrants de la même cohorte",
    kind: "cohorte",
    t0: "Réception par le département de la notification CAF/MSA",
    t1: "Notification de l'orientation (ou désignation d'un référent)",
    windowDays: 15,
    fenetre: "15 jours à compter de T0 (⚙ delai_orientation)",
    cohorte:
      "Cohorte des nouveaux entrants dont T0 tombe dans la période ; une cohorte n'est publiée qu'une fois son délai de 15 jours entièrement écoulé (fin de période + 15 jours ≤ date de calcul), sinon elle est « provisoire » et masquée.",
    unit: "taux",
    breakdowns: ["parcours", "organisme"],
    computability: "P+C",
    source: "Instruction DGEFP/DPE/2023/192, annexe 4 (indicateur ajusté)",
  },
  {
    id: "IND-V3-M1",
    version: 1,
    nom: "Nombre d'inscrits",
    definition:
      "Personnes dont le parcours est ouvert (à orienter, actif ou en veille) le dernier jour de la période, dans le territoire du parcours.",
    numerateur: "Parcours ouverts le dernier jour de la période",
    denominateur: null,
    kind: "stock",
    fenetre: "Dernier jour de la période",
    cohorte: "Stock au dernier jour de la période.",
    unit: "effectif",
    breakdowns: ["parcours", "organisme", "structure"],
    computability: "P+C",
    source: "Instruction DGEFP/DPE/2023/192, annexe 4 (volet 3, M1)",
  },
  {
    id: "IND-V3-M1a",
    version: 1,
    nom: "Nombre d'inscrits : dont nouveaux entrants",
    definition: `Nouveaux entrants (IND-V2-01) du territoire dans la période. ${NEW_ENTRANT_RULE}`,
    numerateur: "Parcours ouverts pour un nouvel entrant, datés de T0 dans la période",
    denominateur: null,
    kind: "flux",
    t0: "Réception par le département de la notification CAF/MSA",
    fenetre: "Période calendaire",
    cohorte: "Une personne × un mois d'entrée.",
    unit: "effectif",
    breakdowns: [],
    computability: "P+C",
    source: "Instruction DGEFP/DPE/2023/192, annexe 4 (volet 3, M1a)",
  },
  {
    id: "IND-V3-M1b",
    version: 1,
    nom: "Nombre d'inscrits : dont sortants",
    definition:
      "Parcours clos dans la période (radiation, fin de droits, déménagement, emploi, autre), par motif de sortie.",
    numerateur: "Parcours dont la clôture est datée dans la période",
    denominateur: null,
    kind: "flux",
    fenetre: "Période calendaire",
    cohorte: "Flux de la période.",
    unit: "effectif",
    breakdowns: ["motif_sortie"],
    computability: "P+C",
    source: "Instruction DGEFP/DPE/2023/192, annexe 4 (volet 3, M1b)",
  },
  {
    id: "IND-V3-M1c",
    version: 1,
    nom: "Nombre d'inscrits : dont contrats d'engagement signés",
    definition:
      "Contrats d'engagement (CER/PPAE) dont une version a été signée dans la période (date de signature), comptés une fois par contrat.",
    numerateur: "Contrats ayant au moins une signature datée dans la période",
    denominateur: null,
    kind: "flux",
    fenetre: "Période calendaire",
    cohorte: "Flux de la période.",
    unit: "effectif",
    breakdowns: [],
    computability: "P",
    source: "Instruction DGEFP/DPE/2023/192, annexe 4 (volet 3, M1c)",
  },
  {
    id: "IND-V3-M3",
    version: 1,
    nom: "Répartition des bénéficiaires du RSA par parcours d'accompagnement",
    definition:
      "Personnes dont le parcours est ouvert le dernier jour de la période, réparties selon le type de parcours de l'orientation en vigueur ce jour-là (emploi, socio-professionnel, social) ; « non orienté » quand aucune orientation n'est en vigueur.",
    numerateur: "Parcours ouverts en fin de période, par type de parcours",
    denominateur: "Parcours ouverts en fin de période",
    kind: "stock",
    fenetre: "Dernier jour de la période",
    cohorte: "Stock au dernier jour de la période.",
    unit: "effectif",
    breakdowns: ["parcours"],
    defaultBreakdown: "parcours",
    computability: "P+C",
    source: "Instruction DGEFP/DPE/2023/192, annexe 4 (volet 3, M3) ; DREES OARSA",
  },
  {
    id: "IND-V3-M3-ORG",
    version: 1,
    nom: "Répartition des bénéficiaires du RSA par organisme référent",
    definition:
      "Personnes dont le parcours est ouvert le dernier jour de la période, réparties selon l'organisme référent de l'orientation en vigueur ce jour-là (France Travail, mission locale, Cap emploi, conseil départemental) ; « non orienté » sinon.",
    numerateur: "Parcours ouverts en fin de période, par organisme référent",
    denominateur: "Parcours ouverts en fin de période",
    kind: "stock",
    fenetre: "Dernier jour de la période",
    cohorte: "Stock au dernier jour de la période.",
    unit: "effectif",
    breakdowns: ["organisme", "structure"],
    defaultBreakdown: "organisme",
    computability: "P+C",
    source: "Instruction DGEFP/DPE/2023/192, annexe 4 (volet 3, M3) ; DREES OARSA",
  },
  {
    id: "SOC-ORI-30",
    version: 1,
    nom: "Part des personnes orientées en moins de 30 jours",
    definition:
      "Parmi les parcours ouverts dans la période (toutes origines : flux CAF/MSA, inscription en ligne, au guichet ou par un conseiller), la part dont l'orientation est notifiée avant T0 + 30 jours (T0 compte comme premier jour). T0 : réception de la notification CAF/MSA ou date d'inscription ; T1 : notification de l'orientation ou désignation d'un référent.",
    numerateur: "Parcours de la cohorte orientés avec T1 < T0 + 30 jours",
    denominateur: "Parcours de la cohorte",
    kind: "cohorte",
    t0: "Ouverture du parcours (réception CAF/MSA ou inscription)",
    t1: "Notification de l'orientation (ou désignation d'un référent)",
    windowDays: 30,
    fenetre: "30 jours à compter de T0",
    cohorte:
      "Parcours dont T0 tombe dans la période ; publiée une fois le délai écoulé (fin de période + 30 jours ≤ date de calcul), sinon « provisoire » et masquée.",
    unit: "taux",
    breakdowns: ["parcours", "organisme"],
    computability: "P",
    source: "Socle, d'après rdv-insertion (OPS-03) mesuré à la notification de l'orientation",
  },
  {
    id: "SOC-CER",
    version: 1,
    nom: "Part des personnes orientées ayant signé un contrat d'engagement",
    definition:
      "Parmi les personnes dont le parcours est ouvert et qui ont une orientation en vigueur le dernier jour de la période, la part qui a un contrat d'engagement signé et non clos ce jour-là.",
    numerateur: "Personnes orientées avec un contrat signé en vigueur en fin de période",
    denominateur: "Personnes orientées (parcours ouvert, orientation en vigueur) en fin de période",
    kind: "stock",
    fenetre: "Dernier jour de la période",
    cohorte: "Stock au dernier jour de la période.",
    unit: "taux",
    breakdowns: ["parcours", "organisme", "structure"],
    computability: "P",
    source: "Loi pour le plein emploi (contrat d'engagement) ; Socle",
  },
  {
    id: "IND-V3-M5",
    version: 1,
    nom: "Pourcentage des bénéficiaires RSA en accompagnement intensif",
    definition:
      "Parmi les personnes ayant, le dernier jour de la période, un parcours ouvert, une orientation en vigueur et un référent, la part dont le contrat d'engagement signé en vigueur prévoit un programme d'au moins 15 heures d'activités par semaine (⚙ seuil_heures_hebdo). Sert aux agrégats uniquement : des heures manquantes ne déclenchent ni alerte ni sanction.",
    numerateur:
      "Personnes dont le programme hebdomadaire du contrat signé totalise au moins 15 heures prévues",
    denominateur:
      "Personnes avec un parcours ouvert, une orientation en vigueur et un référent en fin de période",
    kind: "stock",
    fenetre: "Dernier jour de la période",
    cohorte: "Stock au dernier jour de la période.",
    unit: "taux",
    breakdowns: ["parcours", "organisme", "structure"],
    computability: "P",
    source: "Instruction DGEFP/DPE/2023/192, annexe 4 (volet 3, M5)",
  },
  {
    id: "IND-V3-M4",
    version: 1,
    nom: "Délai entre le premier entretien de diagnostic et la première action d'accompagnement",
    definition:
      "Pour les personnes dont le premier diagnostic (première version enregistrée) tombe dans la période : délai en jours jusqu'à la première action d'accompagnement, soit, au plus tôt, le début de la première semaine d'activités prévue au programme d'un contrat signé ou le premier rendez-vous d'accompagnement honoré. Médiane et moyenne sur les personnes ayant commencé ; la part encore en attente est publiée à côté.",
    numerateur: "Personnes de la cohorte ayant commencé une action (population de la médiane)",
    denominateur: "Personnes dont le premier diagnostic tombe dans la période",
    kind: "cohorte",
    t0: "Premier entretien de diagnostic",
    t1: "Première action d'accompagnement",
    windowDays: 30,
    fenetre: "Cohorte publiée 30 jours après la fin de la période",
    cohorte:
      "Cohorte du mois du premier diagnostic ; mature une fois la fin de période + 30 jours atteinte ; les personnes sans action restent au dénominateur.",
    unit: "delai_jours",
    breakdowns: [],
    computability: "P",
    source: "Instruction DGEFP/DPE/2023/192, annexe 4 (volet 3, M4)",
  },
  {
    id: "OPS-01",
    version: 1,
    nom: "Taux d'absence aux rendez-vous",
    definition:
      "Rendez-vous au statut « absent » ÷ rendez-vous au statut final « présent » ou « absent » dans la période (excusés et annulés exclus), distingués entre invitation et convocation.",
    numerateur: "Rendez-vous « absent » de la période",
    denominateur: "Rendez-vous « présent » ou « absent » de la période",
    kind: "flux",
    fenetre: "Période calendaire",
    cohorte: "Rendez-vous dont la date tombe dans la période.",
    unit: "taux",
    breakdowns: [],
    computability: "P",
    source: "rdv-insertion (statistiques publiques)",
    dependsOn: "rendez_vous",
  },
  {
    id: "OPS-02",
    version: 1,
    nom: "Délai entre invitation et prise de rendez-vous",
    definition:
      "De la première invitation envoyée dans un suivi (T0) au premier rendez-vous pris (T1) ; moyenne et médiane ; cohorte des invitations de la période, mature après l'expiration de l'invitation (10 jours par défaut).",
    numerateur: "Invitations suivies d'un rendez-vous",
    denominateur: "Invitations de la période",
    kind: "cohorte",
    windowDays: 10,
    fenetre: "10 jours (expiration de l'invitation)",
    cohorte: "Invitations de la période ; mature 10 jours après la fin de la période.",
    unit: "delai_jours",
    breakdowns: [],
    computability: "P",
    source: "rdv-insertion (statistiques publiques)",
    dependsOn: "rendez_vous",
  },
  {
    id: "IND-V3-M2",
    version: 1,
    nom: "Délai entre l'ouverture de droit et le premier entretien",
    definition:
      "T0 = date d'ouverture des droits RSA ; T1 = premier rendez-vous au statut « présent » (entretien d'orientation ou de diagnostic). Médiane, moyenne, et part en 15 et 30 jours ; les personnes encore en attente comptent comme hors délai.",
    numerateur: "Personnes de la cohorte ayant eu leur premier entretien",
    denominateur: "Personnes dont les droits s'ouvrent dans la période",
    kind: "cohorte",
    windowDays: 30,
    fenetre: "30 jours",
    cohorte: "Droits ouverts dans la période ; mature 30 jours après la fin de la période.",
    unit: "delai_jours",
    breakdowns: [],
    computability: "P+C",
    source: "Instruction DGEFP/DPE/2023/192, annexe 4 (volet 3, M2)",
    missing: "ouverture_droits",
  },
  {
    id: "IND-V3-M2-N",
    version: 1,
    nom: "Délai entre la notification au département et le premier entretien",
    definition:
      "Variante d'IND-V3-M2 mesurée depuis la notification : T0 = réception par le département de la notification CAF/MSA (ouverture du parcours) ; T1 = premier rendez-vous au statut « honoré ». Médiane et moyenne sur les personnes reçues ; la part encore en attente est publiée à côté. Sépare le délai de transmission CAF/MSA du délai propre au département.",
    numerateur: "Personnes de la cohorte ayant eu un premier entretien honoré (population de la médiane)",
    denominateur: "Parcours dont T0 tombe dans la période",
    kind: "cohorte",
    t0: "Réception par le département de la notification CAF/MSA",
    t1: "Premier rendez-vous honoré",
    windowDays: 30,
    fenetre: "Cohorte publiée 30 jours après la fin de la période",
    cohorte: "Parcours dont T0 tombe dans la période ; mature 30 jours après la fin de la période.",
    unit: "delai_jours",
    breakdowns: [],
    computability: "P+C",
    source: "Instruction DGEFP/DPE/2023/192, annexe 4 (volet 3, M2, indicateur compagnon)",
    dependsOn: "rendez_vous",
  },
  {
    id: "OPS-04",
    version: 1,
    nom: "Part des personnes accompagnées en moins de 30 jours",
    definition:
      "T0 = rendez-vous d'orientation honoré, ou ouverture du suivi d'accompagnement s'il n'y en a pas eu ; T1 = premier rendez-vous d'accompagnement honoré ; compte si T1 < T0 + 30 jours.",
    numerateur: "Personnes accompagnées avec T1 < T0 + 30 jours",
    denominateur: "Personnes dont T0 tombe dans la période",
    kind: "cohorte",
    windowDays: 30,
    fenetre: "30 jours",
    cohorte: "T0 dans la période ; mature 30 jours après la fin de la période.",
    unit: "taux",
    breakdowns: [],
    computability: "P",
    source: "rdv-insertion (statistiques publiques)",
    dependsOn: "rendez_vous",
  },
  {
    id: "IND-V3-R1",
    version: 1,
    nom: "Taux de retour à l'emploi durable (à 6 mois)",
    definition:
      "Parmi les bénéficiaires du RSA entrés dans le dispositif dans la période, la part qui commence un emploi durable avant T0 + 6 mois : CDI, ou CDD, mission d'intérim ou contrat aidé d'au moins 6 mois (⚙ duree_emploi_durable_mois, à co-valider). Les immersions (PMSMP) et périodes non rémunérées ne comptent jamais. Les emplois déclarés par la personne ou saisis par un conseiller forment une série distincte.",
    numerateur: "Entrants de la cohorte ayant commencé un emploi durable avant T0 + 6 mois",
    denominateur: "Bénéficiaires entrés dans le dispositif dans la période",
    kind: "cohorte",
    t0: "Date d'entrée dans le dispositif",
    t1: "Début du contrat de travail",
    windowDays: 183,
    fenetre: "6 mois + délai de disponibilité de la DSN (2 mois)",
    cohorte: "Entrées de la période ; mature à la fin de période + 6 mois + 2 mois.",
    unit: "taux",
    breakdowns: ["parcours", "organisme"],
    computability: "E",
    source: "Instruction DGEFP/DPE/2023/192, annexe 4 (volet 3, R1)",
    missing: "dsn",
    formatEntree:
      "Fichier mensuel ou API (UTF-8, séparateur « ; », dates ISO 8601), une ligne par contrat de travail rapproché par France Travail : id_france_travail ; id_rsa (organisme + numéro d'allocataire + rôle) ; date_debut_contrat ; date_fin_contrat (vide pour un CDI) ; nature_contrat (CDI, CDD, CTT, CONTRAT_AIDE, IAE, ALTERNANCE, CREATION) ; duree_prevue_mois ; source (DSN, DPAE, DECLARATIF, CONSEILLER). Aucune donnée nominative autre que les identifiants.",
  },
];

export function indicatorById(id: string): IndicatorDefinition | undefined {
  return indicatorCatalogue.find((i) => i.id === id);
}
