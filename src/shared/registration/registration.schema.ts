// The registration data list (parcours.md §1.2, « Les données à obtenir durant la phase d'inscription »)
// as zod schemas, one block per step. A draft holds any subset of each block (every field optional,
// each given value checked); what a submission requires is decided by registration.rules.ts, so the
// same schemas serve the draft saved as the person goes and the final check.
// Empty form fields are never sent: the web app drops them (compactBlock) before saving.
import { z } from "zod";
import { checkNir } from "../identity/nir";
import { isValidLocalDate, localDateSchema } from "../kernel/dates";

// ── enumerations (labels in registration.labels.ts) ─────────────────────────────────────────────
export const registrationChannels = ["EN_LIGNE", "GUICHET", "CONSEILLER"] as const;
export const registrationChannelSchema = z.enum(registrationChannels);
export type RegistrationChannel = z.infer<typeof registrationChannelSchema>;

export const registrationStatusSchema = z.enum(["BROUILLON", "SOUMISE"]);
export type RegistrationStatus = z.infer<typeof registrationStatusSchema>;

/** The data steps, in order; "recapitulatif" is the review before submission. */
export const registrationSteps = ["identite", "situation", "competences", "projet", "freins"] as const;
export const registrationStepSchema = z.enum(registrationSteps);
export type RegistrationStep = z.infer<typeof registrationStepSchema>;
export const registrationLastStepSchema = z.enum([...registrationSteps, "recapitulatif"]);
export type RegistrationLastStep = z.infer<typeof registrationLastStepSchema>;

export const sexes = ["F", "M"] as const;
export const nationalites = ["FRANCAISE", "UE", "HORS_UE"] as const;
export const canauxContact = ["SMS", "TELEPHONE", "EMAIL", "COURRIER"] as const;
export const situationsFamiliales = ["SEUL", "EN_COUPLE"] as const;
export const rolesFoyer = ["DEM", "CJT", "AUT"] as const;
export const situationsLogement = [
  "LOCATAIRE",
  "PROPRIETAIRE",
  "HEBERGE_FAMILLE_AMIS",
  "HEBERGEMENT_SOCIAL",
  "SANS_LOGEMENT",
  "AUTRE",
] as const;
export const situationsProfessionnelles = [
  "JAMAIS_TRAVAILLE",
  "SANS_EMPLOI_MOINS_UN_AN",
  "SANS_EMPLOI_PLUS_UN_AN",
  "EN_EMPLOI",
  "EN_FORMATION",
] as const;
export const ressourcesTypes = [
  "SALAIRE",
  "RSA",
  "ALLOCATION_CHOMAGE",
  "PENSION_INVALIDITE",
  "PENSION_ALIMENTAIRE",
  "AUCUNE",
  "AUTRE",
] as const;
export const pensionAlimentaireChoix = ["PERCUE", "DEMANDE_EN_COURS", "NON_PERCUE", "NON_CONCERNE"] as const;
export const aidesPrestationsTypes = [
  "RSA",
  "PRIME_ACTIVITE",
  "AIDE_LOGEMENT",
  "ALLOCATIONS_FAMILIALES",
  "AAH",
  "ASS",
  "AUTRE",
] as const;
export const organismesRattachement = ["CAF", "MSA", "AUCUN"] as const;
export const permisTypes = ["AUCUN", "AM", "A", "B", "C", "D", "BE", "AUTRE"] as const;
export const titresSejour = ["VALIDE", "EN_RENOUVELLEMENT", "AUCUN"] as const;
export const niveauxLangue = ["MATERNELLE", "COURANT", "INTERMEDIAIRE", "DEBUTANT", "AUCUN"] as const;
/** Same codes as the orientation criterion `niveau_etude` (shared/orientation/orientation.criteria.ts). */
export const niveauxEtude = [
  "AFS",
  "PRIMAIRE_COLLEGE",
  "CAP_BEP",
  "BAC",
  "BAC_PLUS_2",
  "BAC_PLUS_3_ET_PLUS",
] as const;
export const experienceAutreTypes = ["BENEVOLAT", "AIDANT_FAMILIAL", "STAGE", "AUTRE"] as const;
/** Same codes as the orientation criterion `projet_pro`. */
export const projetTypes = ["EMPLOI", "FORMATION", "CREATION_ENTREPRISE", "NON_DEFINI"] as const;
export const disponibilites = ["IMMEDIATE", "SOUS_UN_MOIS", "PLUS_TARD"] as const;
export const tempsTravailChoix = ["TEMPS_PLEIN", "TEMPS_PARTIEL", "INDIFFERENT"] as const;
export const positionnementsRecherche = [
  "RECHERCHE_ACTIVE",
  "RECHERCHE_OCCASIONNELLE",
  "PAS_EN_RECHERCHE",
] as const;
export const motifsInscription = ["RSA", "RECHERCHE_EMPLOI", "FORMATION", "ACCOMPAGNEMENT", "AUTRE"] as const;
export const categoriesDemandeur = ["A", "B", "C", "D", "E"] as const;
export const souhaitsStructure = [
  "SANS_PREFERENCE",
  "FRANCE_TRAVAIL",
  "MISSION_LOCALE",
  "CAP_EMPLOI",
  "CONSEIL_DEPARTEMENTAL",
] as const;

/** The nine barrier types of the first identification (parcours.md §1.2). */
export const freinTypes = [
  "LOGEMENT",
  "SANTE",
  "MOBILITE",
  "SAVOIRS_DE_BASE",
  "NIVEAU_LANGUE",
  "SITUATION_FAMILIALE",
  "ADMINISTRATIVE_JUDICIAIRE",
  "FINANCIERE",
  "NUMERIQUE",
] as const;
export type FreinType = (typeof freinTypes)[number];
export const freinDeclarations = ["OUI", "NON", "NE_SAIT_PAS"] as const;
export const freinImpacts = ["AUCUN", "FAIBLE", "FORT"] as const;

// ── field checks (French messages, shown next to the field) ─────────────────────────────────────
const text = (max: number, label = "Ce champ") =>
  z
    .string()
    .trim()
    .min(1, `${label} ne peut pas être vide.`)
    .max(max, `${label} est limité à ${max} caractères.`);
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: "Choisissez une réponse dans la liste." });

export const PHONE_PATTERN = /^(\+33|0)[1-9](\s?\d{2}){4}$/;
export const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
export const FRANCE_TRAVAIL_ID_PATTERN = /^([0-9]{7}[0-9A-Z]|[0-9]{11})$/;
export const POSTAL_CODE_PATTERN = /^[0-9]{5}$/;
export const COMMUNE_CODE_PATTERN = /^([0-9]{5}|2[AB][0-9]{3})$/;
const YEAR_MONTH_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

export const birthDateSchema = localDateSchema.refine(
  (d) => isValidLocalDate(d) && d >= "1900-01-01" && d <= "2100-12-31",
  "Date de naissance invalide : saisissez le jour, le mois et l'année (exemple : 14/05/1985).",
);
export const nirInputSchema = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const r = checkNir(v);
    if (!r.ok) ctx.addIssue({ code: "custom", message: r.message });
  });
export const phoneSchema = z
  .string()
  .trim()
  .regex(PHONE_PATTERN, "Numéro de téléphone invalide (exemple : 06 12 34 56 78).");
export const emailSchema = z
  .string()
  .trim()
  .max(200, "L'adresse électronique est limitée à 200 caractères.")
  .regex(EMAIL_PATTERN, "Adresse électronique invalide (exemple : prenom.nom@exemple.fr).");
export const franceTravailIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    FRANCE_TRAVAIL_ID_PATTERN,
    "Numéro France Travail invalide : 8 caractères (7 chiffres et 1 chiffre ou lettre) ou 11 chiffres.",
  );
const yearMonthSchema = z
  .string()
  .regex(YEAR_MONTH_PATTERN, "Mois invalide : indiquez le mois et l'année (exemple : 2023-09).");

/** A job title of the ROME 4.0 (appellation), as returned by GET /api/reference/rome/appellations. */
export const appellationRefSchema = z.object({
  codeOgr: z.string().trim().min(1).max(20),
  libelle: z.string().trim().min(1).max(200),
});
export type AppellationRef = z.infer<typeof appellationRefSchema>;

// ── the blocks ───────────────────────────────────────────────────────────────────────────────
export const adresseSchema = z.object({
  ligne: text(200, "L'adresse").optional(),
  complement: text(200, "Le complément d'adresse").optional(),
  codePostal: z
    .string()
    .trim()
    .regex(POSTAL_CODE_PATTERN, "Code postal invalide : 5 chiffres (exemple : 80000).")
    .optional(),
  codeCommune: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      COMMUNE_CODE_PATTERN,
      "Commune invalide : choisissez-la dans la liste proposée pour le code postal.",
    )
    .optional(),
  libelleCommune: text(100, "Le nom de la commune").optional(),
});

export const identiteSchema = z.object({
  nomFamille: text(100, "Le nom de naissance").optional(),
  nomUsage: text(100, "Le nom d'usage").optional(),
  prenoms: z
    .array(text(60, "Le prénom"))
    .min(1, "Indiquez au moins un prénom.")
    .max(6, "Six prénoms au plus.")
    .optional(),
  sexe: choice(sexes).optional(),
  dateNaissance: birthDateSchema.optional(),
  lieuNaissance: text(100, "Le lieu de naissance").optional(),
  nationalite: choice(nationalites).optional(),
  /** sent in clear once, then kept encrypted server-side (never returned: see `nirMasked` in the view) */
  nir: nirInputSchema.optional(),
  adresse: adresseSchema.optional(),
  contact: z
    .object({
      telephone: phoneSchema.optional(),
      email: emailSchema.optional(),
      canauxPreferes: z.array(choice(canauxContact)).max(4).optional(),
    })
    .optional(),
});
export type Identite = z.infer<typeof identiteSchema>;

export const situationSchema = z.object({
  situationFamiliale: choice(situationsFamiliales).optional(),
  enfantsACharge: z
    .number({ error: "Indiquez un nombre (0 si aucun)." })
    .int("Indiquez un nombre entier.")
    .min(0, "Le nombre ne peut pas être négatif.")
    .max(20, "20 au plus.")
    .optional(),
  roleFoyer: choice(rolesFoyer).optional(),
  situationLogement: choice(situationsLogement).optional(),
  situationProfessionnelle: choice(situationsProfessionnelles).optional(),
  ressources: z.array(choice(ressourcesTypes)).max(ressourcesTypes.length).optional(),
  droitsPensionAlimentaire: choice(pensionAlimentaireChoix).optional(),
  aidesPrestations: z.array(choice(aidesPrestationsTypes)).max(aidesPrestationsTypes.length).optional(),
  organismeRattachement: choice(organismesRattachement).optional(),
  numeroAllocataire: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{5,13}$/, "Numéro d'allocataire invalide : de 5 à 13 chiffres ou lettres, sans espace.")
    .optional(),
  permisConduire: z.array(choice(permisTypes)).max(permisTypes.length).optional(),
  titreSejour: choice(titresSejour).optional(),
  niveauLangue: choice(niveauxLangue).optional(),
});
export type Situation = z.infer<typeof situationSchema>;

export const competencesSchema = z.object({
  niveauEtude: choice(niveauxEtude).optional(),
  diplomesQualifications: z
    .array(
      z.object({
        intitule: text(200, "L'intitulé du diplôme"),
        annee: z.number().int().min(1940, "Année invalide.").max(2100, "Année invalide.").optional(),
      }),
    )
    .max(20)
    .optional(),
  experiencesProfessionnelles: z
    .array(
      z
        .object({
          appellation: appellationRefSchema,
          employeur: text(200, "L'employeur").optional(),
          debut: yearMonthSchema.optional(),
          fin: yearMonthSchema.optional(),
        })
        .refine((e) => !e.debut || !e.fin || e.debut <= e.fin, {
          message: "La fin de l'expérience doit suivre son début.",
          path: ["fin"],
        }),
    )
    .max(30)
    .optional(),
  experiencesAutres: z
    .array(z.object({ type: choice(experienceAutreTypes), description: text(300, "La description") }))
    .max(20)
    .optional(),
});
export type Competences = z.infer<typeof competencesSchema>;

export const projetSchema = z.object({
  projetExiste: choice(projetTypes).optional(),
  metiersRecherches: z.array(appellationRefSchema).max(5, "Cinq métiers au plus.").optional(),
  lienExperience: z.boolean().optional(),
  disponibilite: choice(disponibilites).optional(),
  tempsTravail: choice(tempsTravailChoix).optional(),
  distanceMaxKm: z
    .number({ error: "Indiquez une distance en kilomètres." })
    .int("Indiquez un nombre entier de kilomètres.")
    .min(0, "La distance ne peut pas être négative.")
    .max(500, "500 km au plus.")
    .optional(),
  positionnementRechercheEmploi: choice(positionnementsRecherche).optional(),
  motifInscription: choice(motifsInscription).optional(),
  numeroFranceTravail: franceTravailIdSchema.optional(),
  categorieDemandeurEmploi: choice(categoriesDemandeur).optional(),
  souhaitStructure: choice(souhaitsStructure).optional(),
});
export type Projet = z.infer<typeof projetSchema>;

export const freinSchema = z
  .object({ declare: choice(freinDeclarations), impact: choice(freinImpacts).optional() })
  .refine((f) => f.declare === "OUI" || f.impact === undefined || f.impact === "AUCUN", {
    message: "Un frein non déclaré ne peut pas avoir d'impact.",
    path: ["impact"],
  });
export type Frein = z.infer<typeof freinSchema>;
export const freinsSchema = z.partialRecord(z.enum(freinTypes), freinSchema);
export type Freins = z.infer<typeof freinsSchema>;

export const registrationBlockSchemas = {
  identite: identiteSchema,
  situation: situationSchema,
  competences: competencesSchema,
  projet: projetSchema,
  freins: freinsSchema,
} as const;

/** Everything collected so far (a draft holds any subset). */
export const registrationDataSchema = z.object({
  identite: identiteSchema.optional(),
  situation: situationSchema.optional(),
  competences: competencesSchema.optional(),
  projet: projetSchema.optional(),
  freins: freinsSchema.optional(),
});
export type RegistrationData = z.infer<typeof registrationDataSchema>;

// ── pre-fill and confirmation (« dites-le nous une fois », parcours.md §1.3, PS-06) ─────────────
export const prefillSources = ["FLUX_CAF_MSA", "DOSSIER_SOCLE", "INSCRIPTION_PRECEDENTE"] as const;
export const prefillSourceSchema = z.enum(prefillSources);
export type PrefillSource = z.infer<typeof prefillSourceSchema>;

/** Where a pre-filled value comes from, shown next to the field. */
export const provenanceViewSchema = z.object({
  source: prefillSourceSchema,
  sourceLabel: z.string(),
  /** date of the source (flow, file update, earlier registration) */
  dateSource: localDateSchema,
  importeLe: z.string(),
  /** the value as pre-filled, for display */
  valeur: z.string(),
});
export type ProvenanceView = z.infer<typeof provenanceViewSchema>;

export const confirmationViewSchema = z.object({
  etat: z.enum(["CONFIRME", "CORRIGE"]),
  at: z.string(),
  canal: registrationChannelSchema,
  par: z.enum(["personne", "professionnel"]),
});
export type ConfirmationView = z.infer<typeof confirmationViewSchema>;

// ── route payloads and views ───────────────────────────────────────────────────────────────────
export const registrationIdSchema = z.string().uuid();

export const startRegistrationBodySchema = z.object({
  /** a professional registering a person already known to Socle; omitted for a new person */
  personId: z.string().uuid().optional(),
  /** professionals only: at a counter (GUICHET) or in an interview (CONSEILLER); a person is always EN_LIGNE */
  canal: z.enum(["GUICHET", "CONSEILLER"]).optional(),
});

const confirmePaths = z.array(z.string().max(100)).max(60).optional();
export const saveRegistrationStepBodySchema = z.discriminatedUnion("step", [
  z.object({
    step: z.literal("identite"),
    version: z.number().int().positive(),
    data: identiteSchema,
    confirme: confirmePaths,
  }),
  z.object({
    step: z.literal("situation"),
    version: z.number().int().positive(),
    data: situationSchema,
    confirme: confirmePaths,
  }),
  z.object({
    step: z.literal("competences"),
    version: z.number().int().positive(),
    data: competencesSchema,
    confirme: confirmePaths,
  }),
  z.object({
    step: z.literal("projet"),
    version: z.number().int().positive(),
    data: projetSchema,
    confirme: confirmePaths,
  }),
  z.object({
    step: z.literal("freins"),
    version: z.number().int().positive(),
    data: freinsSchema,
    confirme: confirmePaths,
  }),
]);
export type SaveRegistrationStepBody = z.input<typeof saveRegistrationStepBodySchema>;

export const duplicateDecisionSchema = z.discriminatedUnion("decision", [
  /** the professional checked that the candidate is the same person: the registration completes that file */
  z.object({ decision: z.literal("RATTACHER"), personId: z.string().uuid() }),
  /** not the same person: a new file, the possible duplicate goes to a human for review */
  z.object({ decision: z.literal("NOUVEAU_DOSSIER") }),
]);
export const submitRegistrationBodySchema = z.object({
  version: z.number().int().positive(),
  doublon: duplicateDecisionSchema.optional(),
});

export const registrationOutcomeSchema = z.enum([
  /** a new person's file was created */
  "DOSSIER_CREE",
  /** the file of the person (known or found on a strong identifier) was completed */
  "DOSSIER_MIS_A_JOUR",
  /** a new file, and a possible duplicate sent for human review (DOUBLON_A_EXAMINER) */
  "DOSSIER_CREE_DOUBLON_A_EXAMINER",
]);
export type RegistrationOutcome = z.infer<typeof registrationOutcomeSchema>;

export const registrationIssueSchema = z.object({ path: z.string(), message: z.string() });
export type RegistrationIssue = z.infer<typeof registrationIssueSchema>;

export const registrationViewSchema = z.object({
  id: registrationIdSchema,
  status: registrationStatusSchema,
  canal: registrationChannelSchema,
  personId: z.string().uuid().nullable(),
  version: z.number().int(),
  lastStep: registrationLastStepSchema,
  data: registrationDataSchema,
  /** masked NIR when one is known (typed earlier or pre-filled); the clear value is never sent back */
  nirMasked: z.string().nullable(),
  prefill: z.record(z.string(), provenanceViewSchema),
  confirmations: z.record(z.string(), confirmationViewSchema),
  /** what still blocks the submission, in French */
  missing: z.array(registrationIssueSchema),
  startedAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  outcome: registrationOutcomeSchema.nullable(),
  startedBy: z.object({ kind: z.enum(["personne", "professionnel"]), structureName: z.string().nullable() }),
  canEdit: z.boolean(),
});
export type RegistrationView = z.infer<typeof registrationViewSchema>;

export const registrationSummarySchema = z.object({
  id: registrationIdSchema,
  status: registrationStatusSchema,
  canal: registrationChannelSchema,
  personId: z.string().uuid().nullable(),
  displayName: z.string().nullable(),
  lastStep: registrationLastStepSchema,
  startedAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
});
export type RegistrationSummary = z.infer<typeof registrationSummarySchema>;
export const registrationListSchema = z.object({ items: z.array(registrationSummarySchema) });
export const myRegistrationSchema = z.object({
  registration: registrationSummarySchema.nullable(),
  /** a pathway is open: no new registration is needed */
  parcoursOuvert: z.boolean(),
});

export const submitResultSchema = z.object({
  registration: registrationViewSchema,
  outcome: registrationOutcomeSchema,
  personId: z.string().uuid(),
  /** the pathway was opened by this submission (false when one was already open) */
  parcoursOuvert: z.boolean(),
  doublonsSignales: z.number().int(),
});
export type SubmitResult = z.infer<typeof submitResultSchema>;

export const duplicateCandidateSchema = z.object({
  /** only when the professional may see that file */
  personId: z.string().uuid().nullable(),
  matchedOn: z.enum(["NIR", "NUMERO_FRANCE_TRAVAIL", "DOSSIER_CAF_MSA", "NOM_DATE_NAISSANCE"]),
  strength: z.enum(["FORT", "FAIBLE", "CONFLIT"]),
  /** what will happen at submission, in French */
  message: z.string(),
  summary: z
    .object({ displayName: z.string(), birthDate: localDateSchema, communeName: z.string().nullable() })
    .nullable(),
  canLink: z.boolean(),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;
export const duplicateCandidatesSchema = z.object({ items: z.array(duplicateCandidateSchema) });

export const communeOptionSchema = z.object({ code: z.string(), name: z.string() });
export const communeOptionsSchema = z.object({ items: z.array(communeOptionSchema) });
export const communesQuerySchema = z.object({
  codePostal: z
    .string()
    .trim()
    .regex(POSTAL_CODE_PATTERN, "Code postal invalide : 5 chiffres (exemple : 80000)."),
});
