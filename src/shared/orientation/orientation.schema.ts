// Orientation: code lists with French labels, the recommendation, the views and the bodies of the
// orientation routes. Types are inferred from the schemas.
import { z } from "zod";
import { localDateSchema } from "../kernel/dates";
import { orientationCriteriaSchema } from "./orientation.criteria";

export const orientationEtats = ["BROUILLON", "EN_ATTENTE", "OUVERT", "CLOTURE"] as const;
export const orientationEtatSchema = z.enum(orientationEtats);
export type OrientationEtat = z.infer<typeof orientationEtatSchema>;
export const orientationEtatLabels: Record<OrientationEtat, string> = {
  BROUILLON: "Critères à compléter",
  EN_ATTENTE: "Décision à prendre",
  OUVERT: "Orientation décidée",
  CLOTURE: "Orientation clôturée",
};

export const parcoursTypes = ["PRO", "SOCIO_PRO", "SOCIAL"] as const;
export const parcoursTypeSchema = z.enum(parcoursTypes);
export type ParcoursType = z.infer<typeof parcoursTypeSchema>;
/** The pathway names of the Instruction (parcours.md §3.8). */
export const parcoursTypeLabels: Record<ParcoursType, string> = {
  PRO: "Parcours emploi",
  SOCIO_PRO: "Parcours socio-professionnel",
  SOCIAL: "Parcours de remobilisation sociale",
};
export const parcoursTypeDescriptions: Record<ParcoursType, string> = {
  PRO: "pour les personnes les plus proches de l'emploi",
  SOCIO_PRO: "pour les personnes qui ont besoin d'un accompagnement à la fois social et professionnel",
  SOCIAL: "pour lever d'abord des difficultés sociales qui empêchent aujourd'hui de chercher un emploi",
};

export const organismes = ["FT", "ML", "CAP_EMPLOI", "CD"] as const;
export const organismeSchema = z.enum(organismes);
export type Organisme = z.infer<typeof organismeSchema>;
export const organismeLabels: Record<Organisme | "IND", string> = {
  FT: "France Travail",
  ML: "Mission locale",
  CAP_EMPLOI: "Cap emploi",
  CD: "Département (conseil départemental)",
  IND: "Indéterminé",
};
/** Which structures can receive an orientation to an organisme (CD: its services and délégataires). */
export const organismeStructureKinds: Record<Organisme, readonly string[]> = {
  FT: ["france_travail"],
  ML: ["mission_locale"],
  CAP_EMPLOI: ["cap_emploi"],
  CD: ["conseil_departemental", "partenaire"],
};
export function organismeOfStructureKind(kind: string): Organisme | undefined {
  return organismes.find((o) => organismeStructureKinds[o].includes(kind));
}

export const orientationOrigines = [
  "INSCRIPTION_AUTO_CAF",
  "INSCRIPTION_CONSEILLER_CD",
  "INSCRIPTION_VOLONTAIRE",
  "REORIENTATION",
] as const;
export const orientationOrigineLabels: Record<(typeof orientationOrigines)[number], string> = {
  INSCRIPTION_AUTO_CAF: "Nouvel entrant signalé par la CAF ou la MSA",
  INSCRIPTION_CONSEILLER_CD: "Inscription par un professionnel",
  INSCRIPTION_VOLONTAIRE: "Inscription par la personne",
  REORIENTATION: "Réorientation",
};

export const motifsRefus = [
  "APPRECIATION_DIFFERENTE",
  "SOUHAIT_PERSONNE",
  "SITUATION_NON_PRISE_EN_COMPTE",
  "PROXIMITE",
  "AUTRE",
] as const;
export const motifRefusSchema = z.enum(motifsRefus);
export type MotifRefus = z.infer<typeof motifRefusSchema>;
export const motifRefusLabels: Record<MotifRefus, string> = {
  APPRECIATION_DIFFERENTE: "Appréciation différente de la situation",
  SOUHAIT_PERSONNE: "Souhait exprimé par la personne",
  SITUATION_NON_PRISE_EN_COMPTE: "Élément de situation que les critères ne prennent pas en compte",
  PROXIMITE: "Proximité ou accessibilité de la structure",
  AUTRE: "Autre motif (à préciser)",
};

/** Per-département delegation of the decision to France Travail (parcours.md §3.6). */
export const delegationsFt = ["AUCUNE", "TOTALE", "PAR_DEFAUT"] as const;
export type DelegationFt = (typeof delegationsFt)[number];

export const organismeDecisionLabels = { CD: "Département", FT: "France Travail (par délégation)" } as const;

export const recommendationSchema = z.object({
  organisme: z.enum([...organismes, "IND"]),
  parcours: parcoursTypeSchema.nullable(),
  regleIds: z.array(z.string()),
  versionReferentiel: z.string().nullable(),
  /** a French sentence naming the rule and the criteria that made it fire */
  explication: z.string(),
  /** the criteria that made the rule fire, described in French */
  criteresDeterminants: z.array(z.object({ critere: z.string(), libelle: z.string() })),
  criteresManquants: z.array(z.string()),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const orientationIdSchema = z.string().uuid();

const structureRefSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.string(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const structureOptionSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.string(),
  organisme: organismeSchema,
  /** the structure of the organisme that covers the person's commune most closely */
  suggested: z.boolean(),
});
export type StructureOption = z.infer<typeof structureOptionSchema>;

export const decisionViewSchema = z.object({
  decision: z.enum(["ACCEPTEE", "REFUSEE"]),
  decidedAt: z.string(),
  decidedBy: z.string(),
  decidedByStructure: z.string(),
  organismeDecision: z.enum(["CD", "FT"]),
  motifRefus: motifRefusSchema.nullable(),
  commentaireRefus: z.string().nullable(),
  parcours: parcoursTypeSchema,
  organisme: organismeSchema,
  structure: structureRefSchema.nullable(),
  notifiedAt: z.string().nullable(),
  notificationChannel: z.enum(["EMAIL", "COURRIER"]).nullable(),
  letterUrl: z.string().nullable(),
});
export type DecisionView = z.infer<typeof decisionViewSchema>;

export const reorientationStatuts = ["EN_ATTENTE", "ACCEPTEE", "REFUSEE"] as const;
export const reorientationStatutLabels: Record<(typeof reorientationStatuts)[number], string> = {
  EN_ATTENTE: "En attente d'examen",
  ACCEPTEE: "Acceptée",
  REFUSEE: "Refusée : maintien de l'accompagnement",
};

export const reorientationRequestViewSchema = z.object({
  id: z.string().uuid(),
  version: z.number().int(),
  personId: z.string().uuid(),
  orientationId: z.string().uuid(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  motif: z.string(),
  parcoursSouhaite: parcoursTypeSchema,
  organismeSouhaite: organismeSchema,
  structureSouhaitee: z.string().nullable(),
  statut: z.enum(reorientationStatuts),
  motifDecision: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  newOrientationId: z.string().uuid().nullable(),
});
export type ReorientationRequestView = z.infer<typeof reorientationRequestViewSchema>;

export const orientationViewSchema = z.object({
  id: orientationIdSchema,
  version: z.number().int(),
  etat: orientationEtatSchema,
  statut: z.enum(["PRECONISE", "DECIDE"]).nullable(),
  origine: z.enum(orientationOrigines),
  person: z.object({
    id: z.string().uuid(),
    birthName: z.string(),
    usageName: z.string().nullable(),
    firstNames: z.string(),
    birthDate: localDateSchema,
    communeName: z.string().nullable(),
    /** whether the decision can be notified by e-mail (else a letter to post) */
    hasEmail: z.boolean(),
  }),
  departement: z.string(),
  t0: localDateSchema,
  /** last day for notifying the decision within the delay */
  dueDate: localDateSchema.nullable(),
  dueSoonDate: localDateSchema.nullable(),
  createdAt: z.string(),
  criteria: orientationCriteriaSchema,
  missingCriteria: z.array(z.string()),
  recommendation: recommendationSchema.nullable(),
  decision: decisionViewSchema.nullable(),
  firstAppointment: z
    .object({ structureName: z.string(), dueDate: localDateSchema, status: z.string() })
    .nullable(),
  reorientationRequest: reorientationRequestViewSchema.nullable(),
  actions: z.object({
    canEditCriteria: z.boolean(),
    canDecide: z.boolean(),
    canRequestReorientation: z.boolean(),
  }),
  structureOptions: z.array(structureOptionSchema),
});
export type OrientationView = z.infer<typeof orientationViewSchema>;

export const updateCriteriaBodySchema = z.object({
  version: z.number().int().positive(),
  criteria: orientationCriteriaSchema,
});

const commentaireSchema = z.string().trim().max(1000, "1 000 caractères au plus");

export const decideOrientationBodySchema = z.discriminatedUnion("decision", [
  z.object({
    decision: z.literal("ACCEPTEE"),
    version: z.number().int().positive(),
    structureId: z.string().uuid("Choisissez la structure d'accompagnement"),
  }),
  z
    .object({
      decision: z.literal("REFUSEE"),
      version: z.number().int().positive(),
      motifRefus: motifRefusSchema,
      commentaireRefus: commentaireSchema.optional(),
      parcoursRetenu: parcoursTypeSchema,
      organismeRetenu: organismeSchema,
      structureId: z.string().uuid("Choisissez la structure d'accompagnement"),
    })
    .refine((b) => b.motifRefus !== "AUTRE" || (b.commentaireRefus ?? "").length > 0, {
      path: ["commentaireRefus"],
      message: "Précisez le motif.",
    }),
]);
export type DecideOrientationBody = z.infer<typeof decideOrientationBodySchema>;

export const requestReorientationBodySchema = z.object({
  motif: z.string().trim().min(1, "Indiquez le motif de la demande.").max(1000, "1 000 caractères au plus"),
  parcoursSouhaite: parcoursTypeSchema,
  organismeSouhaite: organismeSchema,
  structureSouhaiteeId: z.string().uuid().optional(),
});

export const decideReorientationBodySchema = z
  .object({
    version: z.number().int().positive(),
    decision: z.enum(["ACCEPTEE", "REFUSEE"]),
    motifDecision: z.string().trim().max(1000, "1 000 caractères au plus").optional(),
  })
  .refine((b) => b.decision !== "REFUSEE" || (b.motifDecision ?? "").length > 0, {
    path: ["motifDecision"],
    message: "Un refus doit être motivé : ce motif sera montré au demandeur.",
  });

/** The person's own view in their space (PS-24: computed proposal, main criteria, how to ask a review). */
export const myOrientationViewSchema = z.object({
  current: z
    .object({
      id: orientationIdSchema,
      parcours: parcoursTypeSchema,
      organisme: organismeSchema,
      structure: structureRefSchema.nullable(),
      decidedAt: z.string(),
      notifiedAt: z.string().nullable(),
      /** true when the professional chose another orientation than the computed proposal */
      override: z.boolean(),
      criteresDeterminants: z.array(z.string()),
      versionReferentiel: z.string().nullable(),
      letterUrl: z.string(),
    })
    .nullable(),
  pending: z.object({ since: z.string(), dueDate: localDateSchema.nullable() }).nullable(),
});
export type MyOrientationView = z.infer<typeof myOrientationViewSchema>;

/** The letter of an orientation (PDF), for the person and the professionals who may read it. */
export const orientationLetterUrl = (orientationId: string) => `/api/orientations/${orientationId}/letter`;
