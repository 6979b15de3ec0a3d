// The référentiel of the diagnostic socio-professionnel (parcours.md §5.2): the ten themes practised in
// Carnet de bord, the registration barriers (§1.2) each theme takes over, and under each theme the
// situations the professional observes and the needs (besoins) that become the contract's objectives.
// Data only: the schema validates against it, the web shows its labels, the pre-fill maps onto it.
// Health, addiction and family-violence *details* are never a situation code here: they belong to the
// restricted compartment (diagnostic.schema.ts `confidentiel`), visible only to the référents (§5.4).
import type { FreinType } from "../registration/registration.schema";

export type ReferentielEntry = { code: string; libelle: string };
export type ReferentielTheme = {
  code: string;
  libelle: string;
  /** the registration barrier types (`FreinType`) this theme takes over */
  freins: readonly FreinType[];
  situations: readonly ReferentielEntry[];
  besoins: readonly ReferentielEntry[];
};

export const diagnosticThemeCodes = [
  "EMPLOI",
  "FORMATION",
  "LOGEMENT",
  "MOBILITE",
  "SANTE",
  "CONTRAINTES_FAMILIALES",
  "DIFFICULTES_ADMINISTRATIVES_JURIDIQUES",
  "DIFFICULTES_FINANCIERES",
  "MAITRISE_LANGUE_SAVOIRS_DE_BASE",
  "NUMERIQUE",
] as const;
export type DiagnosticThemeCode = (typeof diagnosticThemeCodes)[number];

export const diagnosticReferentiel: Record<DiagnosticThemeCode, ReferentielTheme> = {
  EMPLOI: {
    code: "EMPLOI",
    libelle: "Emploi",
    freins: [],
    situations: [
      { code: "EMPLOI_JAMAIS_TRAVAILLE", libelle: "N'a jamais travaillé" },
      { code: "EMPLOI_SANS_EMPLOI_LONGUE_DUREE", libelle: "Sans emploi depuis plus de deux ans" },
      { code: "EMPLOI_EXPERIENCE_HORS_FRANCE", libelle: "Expérience professionnelle acquise hors de France" },
      { code: "EMPLOI_EN_EMPLOI_PRECAIRE", libelle: "En emploi précaire ou à temps partiel subi" },
      { code: "EMPLOI_PROJET_NON_DEFINI", libelle: "Projet professionnel à définir" },
      { code: "EMPLOI_CREATION_ACTIVITE", libelle: "Souhaite créer ou reprendre une activité" },
    ],
    besoins: [
      { code: "EMPLOI_DEFINIR_PROJET", libelle: "Définir un projet professionnel" },
      {
        code: "EMPLOI_TECHNIQUES_RECHERCHE",
        libelle: "Maîtriser les techniques de recherche d'emploi (CV, entretien)",
      },
      { code: "EMPLOI_IMMERSION", libelle: "Découvrir un métier par une immersion professionnelle" },
      { code: "EMPLOI_VALORISER_COMPETENCES", libelle: "Identifier et valoriser ses compétences" },
      { code: "EMPLOI_ACCEDER_IAE", libelle: "Accéder à un parcours d'insertion par l'activité économique" },
      {
        code: "EMPLOI_ACCOMPAGNEMENT_CREATION",
        libelle: "Être accompagné dans un projet de création d'activité",
      },
      { code: "EMPLOI_SE_MAINTENIR", libelle: "Se maintenir dans l'emploi" },
    ],
  },
  FORMATION: {
    code: "FORMATION",
    libelle: "Formation",
    freins: [],
    situations: [
      { code: "FORMATION_SANS_DIPLOME", libelle: "Sans diplôme ni qualification" },
      { code: "FORMATION_DIPLOME_NON_RECONNU", libelle: "Diplôme étranger non reconnu en France" },
      { code: "FORMATION_QUALIFICATION_OBSOLETE", libelle: "Qualification ancienne ou sans débouché local" },
      { code: "FORMATION_EN_COURS", libelle: "En formation" },
      { code: "FORMATION_ABANDON_RECENT", libelle: "A abandonné une formation récemment" },
    ],
    besoins: [
      { code: "FORMATION_QUALIFIANTE", libelle: "Suivre une formation qualifiante" },
      { code: "FORMATION_PRE_QUALIFIANTE", libelle: "Suivre une formation pré-qualifiante" },
      { code: "FORMATION_VAE", libelle: "Faire valider les acquis de l'expérience (VAE)" },
      { code: "FORMATION_RECONNAISSANCE_DIPLOME", libelle: "Faire reconnaître un diplôme étranger" },
      { code: "FORMATION_FINANCEMENT", libelle: "Trouver le financement d'une formation (CPF, région)" },
    ],
  },
  LOGEMENT: {
    code: "LOGEMENT",
    libelle: "Logement",
    freins: ["LOGEMENT"],
    situations: [
      { code: "LOGEMENT_HEBERGE_TIERS", libelle: "Hébergé chez un tiers" },
      { code: "LOGEMENT_SANS_LOGEMENT", libelle: "Sans logement" },
      { code: "LOGEMENT_HEBERGEMENT_URGENCE", libelle: "En hébergement d'urgence ou d'insertion" },
      { code: "LOGEMENT_INSALUBRE", libelle: "Logement inadapté ou insalubre" },
      { code: "LOGEMENT_IMPAYES", libelle: "Impayés de loyer ou procédure d'expulsion" },
      { code: "LOGEMENT_DEMANDE_EN_COURS", libelle: "Demande de logement social en cours" },
    ],
    besoins: [
      { code: "LOGEMENT_ACCES_SOCIAL", libelle: "Accéder à un logement social" },
      { code: "LOGEMENT_HEBERGEMENT", libelle: "Trouver une solution d'hébergement" },
      { code: "LOGEMENT_MAINTIEN", libelle: "Se maintenir dans le logement" },
      { code: "LOGEMENT_AIDES", libelle: "Obtenir les aides au logement (APL, FSL)" },
      { code: "LOGEMENT_AMELIORER", libelle: "Améliorer les conditions d'habitat" },
    ],
  },
  MOBILITE: {
    code: "MOBILITE",
    libelle: "Mobilité",
    freins: ["MOBILITE"],
    situations: [
      { code: "MOBILITE_SANS_PERMIS", libelle: "Pas de permis de conduire" },
      { code: "MOBILITE_SANS_VEHICULE", libelle: "Pas de véhicule" },
      { code: "MOBILITE_PERMIS_SUSPENDU", libelle: "Permis suspendu ou annulé" },
      { code: "MOBILITE_ZONE_NON_DESSERVIE", libelle: "Domicile peu desservi par les transports en commun" },
      {
        code: "MOBILITE_DIFFICULTE_SE_DEPLACER",
        libelle: "Difficulté à se déplacer seul hors de son quartier",
      },
    ],
    besoins: [
      { code: "MOBILITE_PASSER_PERMIS", libelle: "Passer le permis de conduire" },
      {
        code: "MOBILITE_ACCEDER_VEHICULE",
        libelle: "Accéder à un véhicule (location solidaire, achat aidé)",
      },
      { code: "MOBILITE_AIDES_FINANCIERES", libelle: "Obtenir une aide financière à la mobilité" },
      { code: "MOBILITE_TRANSPORTS_COMMUN", libelle: "Apprendre à utiliser les transports en commun" },
      { code: "MOBILITE_BILAN", libelle: "Faire un bilan de compétences mobilité" },
    ],
  },
  SANTE: {
    code: "SANTE",
    libelle: "Santé",
    freins: ["SANTE"],
    situations: [
      { code: "SANTE_PROBLEME_DECLARE", libelle: "Problème de santé déclaré ayant un effet sur l'emploi" },
      { code: "SANTE_SANS_COUVERTURE", libelle: "Pas de couverture maladie ou complémentaire" },
      { code: "SANTE_SANS_SUIVI", libelle: "Pas de suivi médical régulier" },
      { code: "SANTE_RQTH_EN_COURS", libelle: "Reconnaissance de handicap (RQTH) demandée ou envisagée" },
      { code: "SANTE_RESTRICTIONS_POSTE", libelle: "Restrictions d'aptitude à certains postes" },
    ],
    besoins: [
      {
        code: "SANTE_OUVRIR_DROITS",
        libelle: "Ouvrir ses droits à l'assurance maladie et à une complémentaire",
      },
      { code: "SANTE_ACCEDER_SOINS", libelle: "Accéder à des soins ou à un suivi médical" },
      { code: "SANTE_DEMANDE_RQTH", libelle: "Constituer une demande de RQTH auprès de la MDPH" },
      { code: "SANTE_ADAPTER_PROJET", libelle: "Adapter le projet professionnel à son état de santé" },
      { code: "SANTE_BILAN", libelle: "Faire un bilan de santé" },
    ],
  },
  CONTRAINTES_FAMILIALES: {
    code: "CONTRAINTES_FAMILIALES",
    libelle: "Contraintes familiales",
    freins: ["SITUATION_FAMILIALE"],
    situations: [
      { code: "FAMILLE_GARDE_ENFANT", libelle: "Enfant à charge sans solution de garde" },
      { code: "FAMILLE_PARENT_ISOLE", libelle: "Parent isolé" },
      { code: "FAMILLE_AIDANT", libelle: "Aidant·e d'un proche dépendant" },
      { code: "FAMILLE_SEPARATION", libelle: "Séparation ou rupture familiale récente" },
      { code: "FAMILLE_SITUATION_FRAGILE", libelle: "Situation familiale nécessitant une protection" },
    ],
    besoins: [
      { code: "FAMILLE_TROUVER_GARDE", libelle: "Trouver un mode de garde" },
      { code: "FAMILLE_SOUTIEN_PARENTALITE", libelle: "Être soutenu dans la parentalité" },
      { code: "FAMILLE_RELAIS_AIDANT", libelle: "Trouver un relais pour le proche aidé" },
      { code: "FAMILLE_ACCOMPAGNEMENT_SOCIAL", libelle: "Être accompagné par un travailleur social" },
      {
        code: "FAMILLE_MISE_EN_SECURITE",
        libelle: "Être mis en sécurité et orienté vers une association spécialisée",
      },
    ],
  },
  DIFFICULTES_ADMINISTRATIVES_JURIDIQUES: {
    code: "DIFFICULTES_ADMINISTRATIVES_JURIDIQUES",
    libelle: "Difficultés administratives ou juridiques",
    freins: ["ADMINISTRATIVE_JUDICIAIRE"],
    situations: [
      { code: "ADMIN_TITRE_SEJOUR", libelle: "Titre de séjour à renouveler ou sans autorisation de travail" },
      { code: "ADMIN_PIECES_IDENTITE", libelle: "Pièces d'identité manquantes ou périmées" },
      { code: "ADMIN_DROITS_NON_OUVERTS", libelle: "Droits sociaux non ouverts ou interrompus" },
      { code: "ADMIN_PROCEDURE_JUDICIAIRE", libelle: "Procédure judiciaire en cours" },
      { code: "ADMIN_SOUS_MAIN_JUSTICE", libelle: "Personne placée sous main de justice" },
      { code: "ADMIN_MESURE_PROTECTION", libelle: "Sous mesure de protection (curatelle, tutelle)" },
    ],
    besoins: [
      { code: "ADMIN_ACCES_DROITS", libelle: "Faire valoir ses droits sociaux" },
      { code: "ADMIN_REGULARISER_SEJOUR", libelle: "Régulariser sa situation administrative" },
      { code: "ADMIN_REFAIRE_PIECES", libelle: "Refaire ses pièces d'identité" },
      { code: "ADMIN_ACCES_JURIDIQUE", libelle: "Accéder à un conseil juridique" },
      { code: "ADMIN_AIDE_DEMARCHES", libelle: "Être aidé dans les démarches administratives" },
    ],
  },
  DIFFICULTES_FINANCIERES: {
    code: "DIFFICULTES_FINANCIERES",
    libelle: "Difficultés financières",
    freins: ["FINANCIERE"],
    situations: [
      { code: "FINANCES_ENDETTEMENT", libelle: "Endettement ou crédits en cours difficiles à rembourser" },
      { code: "FINANCES_SURENDETTEMENT", libelle: "Dossier de surendettement déposé ou envisagé" },
      {
        code: "FINANCES_RESSOURCES_INSUFFISANTES",
        libelle: "Ressources ne couvrant pas les dépenses courantes",
      },
      { code: "FINANCES_SANS_COMPTE", libelle: "Pas de compte bancaire" },
      { code: "FINANCES_IMPAYES_ENERGIE", libelle: "Impayés d'énergie ou de factures courantes" },
    ],
    besoins: [
      { code: "FINANCES_BUDGET", libelle: "Être accompagné dans la gestion de son budget" },
      { code: "FINANCES_SURENDETTEMENT_DOSSIER", libelle: "Constituer un dossier de surendettement" },
      { code: "FINANCES_AIDE_URGENCE", libelle: "Obtenir une aide financière d'urgence" },
      { code: "FINANCES_OUVRIR_COMPTE", libelle: "Ouvrir un compte bancaire" },
      { code: "FINANCES_ACCES_DROITS", libelle: "Vérifier l'accès à toutes les prestations dues" },
    ],
  },
  MAITRISE_LANGUE_SAVOIRS_DE_BASE: {
    code: "MAITRISE_LANGUE_SAVOIRS_DE_BASE",
    libelle: "Maîtrise de la langue, savoirs de base",
    freins: ["NIVEAU_LANGUE", "SAVOIRS_DE_BASE"],
    situations: [
      { code: "LANGUE_FRANCAIS_NON_MAITRISE", libelle: "Ne parle pas ou peu le français" },
      { code: "LANGUE_ECRIT_DIFFICILE", libelle: "Difficultés à lire ou à écrire le français" },
      { code: "LANGUE_ILLETTRISME", libelle: "Situation d'illettrisme repérée" },
      { code: "LANGUE_CALCUL", libelle: "Difficultés en calcul" },
      { code: "LANGUE_SCOLARISE_HORS_FRANCE", libelle: "Scolarisé hors de France" },
    ],
    besoins: [
      { code: "LANGUE_COURS_FLE", libelle: "Suivre des cours de français langue étrangère (FLE)" },
      { code: "LANGUE_SAVOIRS_DE_BASE", libelle: "Suivre une formation aux savoirs de base" },
      {
        code: "LANGUE_LUTTE_ILLETTRISME",
        libelle: "Être orienté vers un dispositif de lutte contre l'illettrisme",
      },
      { code: "LANGUE_EVALUATION", libelle: "Faire évaluer son niveau de langue" },
    ],
  },
  NUMERIQUE: {
    code: "NUMERIQUE",
    libelle: "Numérique",
    freins: ["NUMERIQUE"],
    situations: [
      { code: "NUMERIQUE_SANS_EQUIPEMENT", libelle: "Pas d'ordinateur ni de smartphone" },
      { code: "NUMERIQUE_SANS_CONNEXION", libelle: "Pas d'accès à internet" },
      { code: "NUMERIQUE_SANS_ADRESSE_MAIL", libelle: "Pas d'adresse électronique utilisable" },
      { code: "NUMERIQUE_DEMARCHES_EN_LIGNE", libelle: "Difficultés avec les démarches en ligne" },
      {
        code: "NUMERIQUE_USAGES_DE_BASE",
        libelle: "Ne maîtrise pas les usages de base (clavier, navigation)",
      },
    ],
    besoins: [
      { code: "NUMERIQUE_ACCOMPAGNEMENT_DEMARCHES", libelle: "Être accompagné dans les démarches en ligne" },
      { code: "NUMERIQUE_FORMATION", libelle: "Se former aux usages numériques de base" },
      { code: "NUMERIQUE_EQUIPEMENT", libelle: "S'équiper (ordinateur ou smartphone reconditionné)" },
      {
        code: "NUMERIQUE_ACCES_CONNEXION",
        libelle: "Accéder à une connexion internet (lieu public, offre sociale)",
      },
      { code: "NUMERIQUE_EVALUATION_PIX", libelle: "Évaluer ses compétences numériques (Pix emploi)" },
    ],
  },
};

export const diagnosticThemes: readonly ReferentielTheme[] = diagnosticThemeCodes.map(
  (c) => diagnosticReferentiel[c],
);

/** The theme that takes over a registration barrier type. */
export function themeOfFrein(frein: FreinType): DiagnosticThemeCode | undefined {
  return diagnosticThemeCodes.find((c) => diagnosticReferentiel[c].freins.includes(frein));
}

const labels = new Map<string, string>(
  diagnosticThemes.flatMap((t) => [...t.situations, ...t.besoins].map((e) => [e.code, e.libelle] as const)),
);
/** The French label of a situation or need code (the code itself if unknown: an older référentiel). */
export const referentielLabel = (code: string): string => labels.get(code) ?? code;
