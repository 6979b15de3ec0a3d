// French labels of the registration data list: steps, fields and every enumeration. Shared by the web
// form, the review screen and the server's French messages.
import type {
  aidesPrestationsTypes,
  canauxContact,
  categoriesDemandeur,
  disponibilites,
  experienceAutreTypes,
  FreinType,
  freinDeclarations,
  freinImpacts,
  motifsInscription,
  nationalites,
  niveauxEtude,
  niveauxLangue,
  organismesRattachement,
  PrefillSource,
  pensionAlimentaireChoix,
  permisTypes,
  positionnementsRecherche,
  projetTypes,
  RegistrationChannel,
  RegistrationLastStep,
  ressourcesTypes,
  rolesFoyer,
  sexes,
  situationsFamiliales,
  situationsLogement,
  situationsProfessionnelles,
  souhaitsStructure,
  tempsTravailChoix,
  titresSejour,
} from "./registration.schema";

type Labels<T extends readonly string[]> = Record<T[number], string>;

export const stepLabels: Record<RegistrationLastStep, string> = {
  identite: "Identité et coordonnées",
  situation: "Situation personnelle",
  competences: "Formation et expériences",
  projet: "Projet professionnel",
  freins: "Difficultés éventuelles",
  recapitulatif: "Vérification et envoi",
};

export const channelLabels: Record<RegistrationChannel, string> = {
  EN_LIGNE: "En ligne, par la personne",
  GUICHET: "À un guichet d'accueil",
  CONSEILLER: "Par un·e professionnel·le, en entretien",
};

export const prefillSourceLabels: Record<PrefillSource, string> = {
  FLUX_CAF_MSA: "CAF ou MSA (flux des bénéficiaires du RSA)",
  DOSSIER_SOCLE: "Votre dossier dans Socle",
  INSCRIPTION_PRECEDENTE: "Votre inscription précédente",
};

export const sexeLabels: Labels<typeof sexes> = { F: "Femme", M: "Homme" };
export const nationaliteLabels: Labels<typeof nationalites> = {
  FRANCAISE: "Française",
  UE: "Pays de l'Union européenne, de l'Espace économique européen ou Suisse",
  HORS_UE: "Autre pays",
};
export const canalContactLabels: Labels<typeof canauxContact> = {
  SMS: "SMS",
  TELEPHONE: "Appel téléphonique",
  EMAIL: "Courriel",
  COURRIER: "Courrier postal",
};
export const situationFamilialeLabels: Labels<typeof situationsFamiliales> = {
  SEUL: "Seul·e",
  EN_COUPLE: "En couple",
};
export const roleFoyerLabels: Labels<typeof rolesFoyer> = {
  DEM: "Demandeur ou demandeuse du RSA",
  CJT: "Conjoint·e du demandeur",
  AUT: "Autre membre du foyer",
};
export const situationLogementLabels: Labels<typeof situationsLogement> = {
  LOCATAIRE: "Locataire",
  PROPRIETAIRE: "Propriétaire",
  HEBERGE_FAMILLE_AMIS: "Hébergé·e par de la famille ou des amis",
  HEBERGEMENT_SOCIAL: "En hébergement social ou d'urgence",
  SANS_LOGEMENT: "Sans logement",
  AUTRE: "Autre situation",
};
export const situationProfessionnelleLabels: Labels<typeof situationsProfessionnelles> = {
  JAMAIS_TRAVAILLE: "Je n'ai jamais travaillé",
  SANS_EMPLOI_MOINS_UN_AN: "Sans emploi depuis moins d'un an",
  SANS_EMPLOI_PLUS_UN_AN: "Sans emploi depuis un an ou plus",
  EN_EMPLOI: "En emploi",
  EN_FORMATION: "En formation ou en études",
};
export const ressourcesLabels: Labels<typeof ressourcesTypes> = {
  SALAIRE: "Salaire",
  RSA: "RSA",
  ALLOCATION_CHOMAGE: "Allocation chômage",
  PENSION_INVALIDITE: "Pension d'invalidité",
  PENSION_ALIMENTAIRE: "Pension alimentaire",
  AUCUNE: "Aucune ressource",
  AUTRE: "Autre ressource",
};
export const pensionAlimentaireLabels: Labels<typeof pensionAlimentaireChoix> = {
  PERCUE: "Je la perçois",
  DEMANDE_EN_COURS: "Demande en cours",
  NON_PERCUE: "J'y ai droit mais ne la perçois pas",
  NON_CONCERNE: "Pas concerné·e",
};
export const aidesPrestationsLabels: Labels<typeof aidesPrestationsTypes> = {
  RSA: "Revenu de solidarité active (RSA)",
  PRIME_ACTIVITE: "Prime d'activité",
  AIDE_LOGEMENT: "Aide au logement (APL, ALS, ALF)",
  ALLOCATIONS_FAMILIALES: "Allocations familiales",
  AAH: "Allocation aux adultes handicapés (AAH)",
  ASS: "Allocation de solidarité spécifique (ASS)",
  AUTRE: "Autre aide",
};
export const organismeRattachementLabels: Labels<typeof organismesRattachement> = {
  CAF: "CAF",
  MSA: "MSA",
  AUCUN: "Aucun",
};
export const permisLabels: Labels<typeof permisTypes> = {
  AUCUN: "Aucun permis",
  AM: "AM (cyclomoteur)",
  A: "A (moto)",
  B: "B (voiture)",
  C: "C (poids lourd)",
  D: "D (transport de personnes)",
  BE: "BE (voiture avec remorque)",
  AUTRE: "Autre permis",
};
export const titreSejourLabels: Labels<typeof titresSejour> = {
  VALIDE: "Titre de séjour en cours de validité",
  EN_RENOUVELLEMENT: "En cours de renouvellement",
  AUCUN: "Pas de titre de séjour",
};
export const niveauLangueLabels: Labels<typeof niveauxLangue> = {
  MATERNELLE: "Langue maternelle",
  COURANT: "Courant",
  INTERMEDIAIRE: "Intermédiaire",
  DEBUTANT: "Débutant",
  AUCUN: "Je ne parle pas français",
};
export const niveauEtudeLabels: Labels<typeof niveauxEtude> = {
  AFS: "Je ne suis pas allé·e à l'école",
  PRIMAIRE_COLLEGE: "École primaire ou collège, sans diplôme",
  CAP_BEP: "CAP ou BEP",
  BAC: "Baccalauréat",
  BAC_PLUS_2: "Bac + 2 (BTS, DUT…)",
  BAC_PLUS_3_ET_PLUS: "Bac + 3 ou plus (licence, master…)",
};
export const experienceAutreLabels: Labels<typeof experienceAutreTypes> = {
  BENEVOLAT: "Bénévolat, engagement associatif",
  AIDANT_FAMILIAL: "Aidant·e familial·e",
  STAGE: "Stage",
  AUTRE: "Autre expérience",
};
export const projetLabels: Labels<typeof projetTypes> = {
  EMPLOI: "Trouver un emploi",
  FORMATION: "Suivre une formation",
  CREATION_ENTREPRISE: "Créer mon activité",
  NON_DEFINI: "Je ne sais pas encore",
};
export const disponibiliteLabels: Labels<typeof disponibilites> = {
  IMMEDIATE: "Tout de suite",
  SOUS_UN_MOIS: "Dans le mois",
  PLUS_TARD: "Plus tard",
};
export const tempsTravailLabels: Labels<typeof tempsTravailChoix> = {
  TEMPS_PLEIN: "Temps plein",
  TEMPS_PARTIEL: "Temps partiel",
  INDIFFERENT: "Peu importe",
};
export const positionnementLabels: Labels<typeof positionnementsRecherche> = {
  RECHERCHE_ACTIVE: "Je cherche activement",
  RECHERCHE_OCCASIONNELLE: "Je cherche de temps en temps",
  PAS_EN_RECHERCHE: "Je ne cherche pas pour le moment",
};
export const motifInscriptionLabels: Labels<typeof motifsInscription> = {
  RSA: "Je demande ou je perçois le RSA",
  RECHERCHE_EMPLOI: "Je cherche un emploi",
  FORMATION: "Je cherche une formation",
  ACCOMPAGNEMENT: "J'ai besoin d'être accompagné·e",
  AUTRE: "Autre raison",
};
export const categorieDemandeurLabels: Labels<typeof categoriesDemandeur> = {
  A: "Catégorie A",
  B: "Catégorie B",
  C: "Catégorie C",
  D: "Catégorie D",
  E: "Catégorie E",
};
export const souhaitStructureLabels: Labels<typeof souhaitsStructure> = {
  SANS_PREFERENCE: "Pas de préférence",
  FRANCE_TRAVAIL: "France Travail",
  MISSION_LOCALE: "Mission locale (moins de 26 ans)",
  CAP_EMPLOI: "Cap emploi (situation de handicap)",
  CONSEIL_DEPARTEMENTAL: "Services du Département",
};

export const freinLabels: Record<FreinType, string> = {
  LOGEMENT: "Logement",
  SANTE: "Santé",
  MOBILITE: "Mobilité, déplacements",
  SAVOIRS_DE_BASE: "Lecture, écriture, calcul",
  NIVEAU_LANGUE: "Maîtrise du français",
  SITUATION_FAMILIALE: "Situation familiale (garde d'enfants, proche à charge…)",
  ADMINISTRATIVE_JUDICIAIRE: "Démarches administratives ou situation judiciaire",
  FINANCIERE: "Difficultés financières",
  NUMERIQUE: "Usage d'internet et des outils numériques",
};
export const freinDeclarationLabels: Labels<typeof freinDeclarations> = {
  OUI: "Oui",
  NON: "Non",
  NE_SAIT_PAS: "Je ne sais pas",
};
export const freinImpactLabels: Labels<typeof freinImpacts> = {
  AUCUN: "Aucun impact",
  FAIBLE: "Un peu",
  FORT: "Beaucoup",
};

/** Field labels by path, for the review screen and the list of what is missing. */
export const fieldLabels: Record<string, string> = {
  "identite.nomFamille": "Nom de naissance",
  "identite.nomUsage": "Nom d'usage",
  "identite.prenoms": "Prénoms",
  "identite.sexe": "Sexe",
  "identite.dateNaissance": "Date de naissance",
  "identite.lieuNaissance": "Lieu de naissance",
  "identite.nationalite": "Nationalité",
  "identite.nir": "Numéro de sécurité sociale (NIR)",
  "identite.adresse": "Adresse",
  "identite.adresse.ligne": "Adresse (numéro et voie)",
  "identite.adresse.codePostal": "Code postal",
  "identite.adresse.codeCommune": "Commune",
  "identite.contact.telephone": "Téléphone",
  "identite.contact.email": "Adresse électronique",
  "identite.contact.canauxPreferes": "Comment vous contacter",
  "situation.situationFamiliale": "Situation familiale",
  "situation.enfantsACharge": "Enfants à charge",
  "situation.roleFoyer": "Place dans le foyer",
  "situation.situationLogement": "Logement",
  "situation.situationProfessionnelle": "Situation professionnelle",
  "situation.ressources": "Ressources",
  "situation.droitsPensionAlimentaire": "Pension alimentaire",
  "situation.aidesPrestations": "Aides et prestations",
  "situation.organismeRattachement": "Organisme qui verse vos prestations",
  "situation.numeroAllocataire": "Numéro d'allocataire",
  "situation.permisConduire": "Permis de conduire",
  "situation.titreSejour": "Titre de séjour",
  "situation.niveauLangue": "Niveau de français",
  "competences.niveauEtude": "Niveau de diplôme",
  "competences.diplomesQualifications": "Diplômes et qualifications",
  "competences.experiencesProfessionnelles": "Expériences professionnelles",
  "competences.experiencesAutres": "Autres expériences",
  "projet.projetExiste": "Votre projet",
  "projet.metiersRecherches": "Métiers recherchés",
  "projet.lienExperience": "Lien avec vos expériences",
  "projet.disponibilite": "Disponibilité",
  "projet.tempsTravail": "Temps de travail souhaité",
  "projet.distanceMaxKm": "Distance maximale",
  "projet.positionnementRechercheEmploi": "Recherche d'emploi",
  "projet.motifInscription": "Raison de l'inscription",
  "projet.numeroFranceTravail": "Numéro France Travail",
  "projet.categorieDemandeurEmploi": "Catégorie de demandeur d'emploi",
  "projet.souhaitStructure": "Structure souhaitée pour vous accompagner",
};
