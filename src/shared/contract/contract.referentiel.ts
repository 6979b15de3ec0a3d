// The référentiel of activities and structuring actions of the contrat d'engagement (parcours.md §6.3):
// groups 1–9 are accompaniment activities, 10–13 structuring actions (pathway stages). Codes are Socle's
// (« 3.4 » is group 3, module 4). `source`: both the Concertation and the Instruction annexes (« CI »),
// the Instruction only (« I »), the Concertation only (« C »). Labels as in the sources.

export type ActivityKind = "ACCOMPAGNEMENT" | "STRUCTURANTE";
export type ActivitySource = "CI" | "I" | "C";
export type ActivityModule = { code: string; label: string; source: ActivitySource };
export type ActivityGroup = {
  code: string;
  label: string;
  kind: ActivityKind;
  source: ActivitySource;
  modules: ActivityModule[];
};

const m = (code: string, label: string, source: ActivitySource = "CI"): ActivityModule => ({
  code,
  label,
  source,
});

export const activityGroups: readonly ActivityGroup[] = [
  {
    code: "1",
    label: "Construire la relation d'accompagnement",
    kind: "ACCOMPAGNEMENT",
    source: "CI",
    modules: [
      m("1.1", "Venir à un échange avec l'accompagnant"),
      m("1.2", "Accepter de prendre contact avec un pair"),
      m("1.3", "Intégrer une première action collective"),
    ],
  },
  {
    code: "2",
    label: "Approfondir le diagnostic",
    kind: "ACCOMPAGNEMENT",
    source: "CI",
    modules: [
      m(
        "2.1",
        "Diagnostic des compétences (professionnelles et non professionnelles) et motivations (ex. test de positionnement, test en compétences digitales)",
      ),
      m("2.2", "Informations collectives sur les différentes actions structurantes"),
    ],
  },
  {
    code: "3",
    label: "Lever les freins périphériques",
    kind: "ACCOMPAGNEMENT",
    source: "CI",
    modules: [
      m("3.1", "Prévention, santé, lutte contre les addictions"),
      m(
        "3.2",
        "Séjours de rupture pour les personnes dans un environnement familial maltraitant / accompagnement adapté",
      ),
      m("3.3", "Mobilité"),
      m("3.4", "Logement (rendez-vous avec un référent SIAO, démarche AVDL, sollicitation du FSL…)"),
      m("3.5", "Ouverture d'un compte bancaire, gestion du budget"),
      m("3.6", "Garde d'enfants, problématiques familiales"),
      m("3.7", "Citoyenneté et accès aux droits"),
      m("3.8", "Maîtrise de la langue"),
      m("3.9", "Équipement et habillement"),
      m("3.10", "Accès aux droits (dont retraite)"),
    ],
  },
  {
    code: "4",
    label: "Prendre confiance et se mobiliser",
    kind: "ACCOMPAGNEMENT",
    source: "CI",
    modules: [
      m("4.1", "Réappropriation de son histoire et mise en situation de choix (ex. méthodologie ADVF)"),
      m("4.2", "Connaissance et image de soi"),
      m("4.3", "Pratiques d'activités par le sport, la culture, le théâtre"),
      m(
        "4.4",
        "Engagement (bénévolat, engagement sportif, tutorat ou mentorat d'une autre personne sans emploi)",
      ),
      m("4.5", "Soutien moral (psychologue, mentorat, groupe de parole)"),
      m("4.6", "Séjour de rupture"),
      m("4.7", "Participer à un repas partagé pour contrer son isolement"),
      m("4.8", "Participer à des activités de relooking", "I"),
      m("4.9", "Effectuer une démarche administrative"),
      m("4.10", "Formuler un projet personnel"),
    ],
  },
  {
    code: "5",
    label: "Construire son projet professionnel",
    kind: "ACCOMPAGNEMENT",
    source: "CI",
    modules: [
      m("5.1", "Élaboration du projet professionnel"),
      m("5.2", "Découverte des opportunités dans le bassin d'emploi"),
      m("5.3", "Découverte des métiers (en particulier PMSMP)"),
      m("5.4", "Réflexion sur son projet de vie"),
    ],
  },
  {
    code: "6",
    label: "Développer ses compétences",
    kind: "ACCOMPAGNEMENT",
    source: "CI",
    modules: [
      m("6.1", "Construction d'un parcours de formation"),
      m("6.2", "Consolidation des savoir-être"),
      m("6.3", "Remise à niveau sur les compétences de base (lecture, écriture, numérique…)"),
      m("6.4", "Ateliers « Déclic pour l'action »", "I"),
      m("6.5", "Formation aux compétences numériques"),
      m("6.6", "Formation aux compétences métiers (pré-qualifiantes ou qualifiantes)"),
      m("6.7", "Autre formation complémentaire (sécurité, communication, permis…)"),
      m(
        "6.8",
        "Expériences professionnelles rémunérées : contrats courts, intérim, emplois saisonniers ou stages",
      ),
    ],
  },
  {
    code: "7",
    label: "Préparer sa candidature",
    kind: "ACCOMPAGNEMENT",
    source: "CI",
    modules: [
      m("7.1", "Préparation du CV et de la lettre de motivation"),
      m("7.2", "Valorisation de ses compétences professionnelles, personnelles, relationnelles"),
      m("7.3", "Amélioration de son savoir-être professionnel"),
      m("7.4", "Découverte des techniques de recherche d'emploi"),
      m("7.5", "Ouverture à l'international"),
    ],
  },
  {
    code: "8",
    label: "Rechercher des solutions d'emploi",
    kind: "ACCOMPAGNEMENT",
    source: "CI",
    modules: [
      m("8.1", "Organisation de sa recherche d'emploi"),
      m("8.2", "Découverte des solutions d'activité (alternance, stage, immersion, contrat aidé…)"),
      m("8.3", "Rencontre et démarchage d'entreprises"),
      m("8.4", "Préparation d'une réponse à une offre d'emploi"),
      m("8.5", "Préparation des entretiens"),
      m("8.6", "Préparation au recrutement"),
    ],
  },
  {
    code: "9",
    label: "Créer son entreprise",
    kind: "ACCOMPAGNEMENT",
    source: "CI",
    modules: [
      m("9.1", "Sensibilisation à la création d'entreprise"),
      m("9.2", "Préparation d'un projet de création d'entreprise"),
      m("9.3", "Démarches administratives de création d'entreprise"),
      m("9.4", "Recherche de financement"),
    ],
  },
  {
    code: "10",
    label: "Formation",
    kind: "STRUCTURANTE",
    source: "CI",
    modules: [
      m("10.1", "Formation au sens large", "I"),
      m("10.2", "Formation pré-qualifiante"),
      m("10.3", "Formation qualifiante"),
      m("10.4", "Formation certifiante"),
      m("10.5", "Formation diplômante"),
      m("10.6", "Formation à la création d'entreprise"),
      m("10.7", "Projets de l'appel à projets « Prépa apprentissage »", "C"),
    ],
  },
  {
    code: "11",
    label: "Accompagnement intensif spécifique externe",
    kind: "STRUCTURANTE",
    source: "CI",
    modules: [
      m(
        "11.1",
        "Dispositifs spéciaux jeunes : EPIDE, E2C, SMA, SMV, Promo 16-18, mobilité européenne, Sésame",
      ),
      m("11.2", "Porteurs des appels à projets du Plan d'investissement dans les compétences (PIC)"),
      m("11.3", "Établissements et services de pré-orientation ou de réadaptation professionnelle"),
      m("11.4", "Solutions structurantes et intensives du PDI (ex. PLIE)"),
      m(
        "11.5",
        "Accompagnement par un opérateur privé de placement pour les personnes les plus proches de l'emploi",
        "C",
      ),
    ],
  },
  {
    code: "12",
    label: "Mission d'utilité sociale (jeunes uniquement)",
    kind: "STRUCTURANTE",
    source: "CI",
    modules: [m("12.1", "Service civique"), m("12.2", "SNU (phase 3 le cas échéant)")],
  },
  {
    code: "13",
    label: "Périodes d'emploi aidé",
    kind: "STRUCTURANTE",
    source: "CI",
    modules: [
      m("13.1", "CUI-PEC"),
      m("13.2", "CIE"),
      m("13.3", "IAE"),
      m("13.4", "CDD tremplin dans les entreprises adaptées"),
      m("13.5", "TAPAJ"),
      m("13.6", "Convergence (en ACI)"),
      m("13.7", "Premières heures en chantier", "C"),
    ],
  },
];

/** Every module by code, with its group. */
export const activityModules: ReadonlyMap<string, ActivityModule & { group: ActivityGroup }> = new Map(
  activityGroups.flatMap((g) => g.modules.map((mod) => [mod.code, { ...mod, group: g }] as const)),
);

export const activityCodes = [...activityModules.keys()];

export const isStructuringAction = (code: string): boolean =>
  activityModules.get(code)?.group.kind === "STRUCTURANTE";
