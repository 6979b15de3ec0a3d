// Follow-up of an accompanied person (parcours.md §7–§8): the exit référentiel, the « Suivi » view of a
// file, the exit and checkpoint inputs, and the person's answers to the « suivi dans l'emploi » messages.
import { z } from "zod";
import { localDateSchema } from "../kernel/dates";
import { workItemTypeSchema } from "../work-items/work-items.schema";

/** Exit reasons (parcours.md §8.1): Socle's list, to be agreed with France Travail and the départements. */
export const exitReasons = [
  "EMPLOI",
  "FORMATION_QUALIFIANTE",
  "FIN_DROITS_RSA",
  "DEMENAGEMENT",
  "AUTRE_DISPOSITIF",
  "RADIATION_SANCTION",
  "INJOIGNABLE",
  "DECES",
  "AUTRE",
] as const;
export const exitReasonSchema = z.enum(exitReasons);
export type ExitReason = z.infer<typeof exitReasonSchema>;

export const exitReasonLabels: Record<ExitReason, string> = {
  EMPLOI: "Emploi (retour à l'emploi, création d'entreprise)",
  FORMATION_QUALIFIANTE: "Entrée en formation qualifiante",
  FIN_DROITS_RSA: "Fin de droits au RSA",
  DEMENAGEMENT: "Déménagement (autre département, mutation du dossier)",
  AUTRE_DISPOSITIF: "Autre dispositif (retraite, invalidité, AAH…)",
  RADIATION_SANCTION: "Radiation à la suite d'une sanction décidée",
  INJOIGNABLE: "Personne injoignable (démarches d'« aller vers » épuisées)",
  DECES: "Décès",
  AUTRE: "Autre motif (préciser en commentaire)",
};

/**
 * Closures Socle records by itself, never chosen by a référent (so not in `exitReasons`): a follow-up on hold
 * (*mise en veille*) or a right suspended for more than `suspensionMaxMois` months is over, and the person's
 * return makes them a new entrant again (parcours.md §2.4, pilotage.md IND-V2-01).
 */
export const automaticExitReasons = ["VEILLE_LONGUE", "SUSPENSION_LONGUE"] as const;
export type AutomaticExitReason = (typeof automaticExitReasons)[number];
export const automaticExitReasonLabels: Record<AutomaticExitReason, string> = {
  VEILLE_LONGUE: "Fin de l'accompagnement après une mise en veille de plus de 12 mois",
  SUSPENSION_LONGUE: "Fin de l'accompagnement après une suspension du droit de plus de 12 mois",
};

/** Detail of an exit to employment (parcours.md §8.1). */
export const jobKinds = [
  "CDI",
  "CDD_6_MOIS_ET_PLUS",
  "CDD_MOINS_6_MOIS",
  "INTERIM",
  "ALTERNANCE",
  "CONTRAT_AIDE",
  "IAE",
  "CREATION_ENTREPRISE",
] as const;
export const jobKindSchema = z.enum(jobKinds);
export type JobKind = z.infer<typeof jobKindSchema>;
export const jobKindLabels: Record<JobKind, string> = {
  CDI: "CDI",
  CDD_6_MOIS_ET_PLUS: "CDD de 6 mois ou plus",
  CDD_MOINS_6_MOIS: "CDD de moins de 6 mois",
  INTERIM: "Intérim",
  ALTERNANCE: "Alternance",
  CONTRAT_AIDE: "Contrat aidé",
  IAE: "Insertion par l'activité économique (IAE)",
  CREATION_ENTREPRISE: "Création d'entreprise",
};

const comment = z.string().trim().max(2000, "Le commentaire ne doit pas dépasser 2 000 caractères.");

export const recordExitBodySchema = z
  .object({
    /** the pathway's version the référent read (optimistic lock, PS-60) */
    version: z.number().int().min(1),
    motif: exitReasonSchema,
    detail: jobKindSchema.optional(),
    exitDate: localDateSchema,
    /** exits to employment: the first day of the job (default: the exit date) */
    jobStartDate: localDateSchema.optional(),
    comment: comment.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.motif === "AUTRE" && !v.comment)
      ctx.addIssue({
        code: "custom",
        path: ["comment"],
        message: "Précisez le motif de sortie dans le commentaire.",
      });
    if (v.motif !== "EMPLOI" && (v.detail || v.jobStartDate))
      ctx.addIssue({
        code: "custom",
        path: ["detail"],
        message: "Le type de contrat et la date d'embauche ne concernent que les sorties vers l'emploi.",
      });
  });
export type RecordExitBody = z.infer<typeof recordExitBodySchema>;

export const checkpointKinds = ["POINT_ETAPE", "CORDE_DE_RAPPEL"] as const;
export const checkpointKindSchema = z.enum(checkpointKinds);
export type CheckpointKind = z.infer<typeof checkpointKindSchema>;
export const checkpointKindLabels: Record<CheckpointKind, string> = {
  POINT_ETAPE: "Point d'étape",
  CORDE_DE_RAPPEL: "Corde de rappel",
};
/** Outcome of a corde de rappel (parcours.md §7.3). */
export const cordeOutcomes = ["MAINTIEN", "REORIENTATION_DEMANDEE", "INTENSIFICATION", "SORTIE"] as const;
export const cordeOutcomeSchema = z.enum(cordeOutcomes);
export type CordeOutcome = z.infer<typeof cordeOutcomeSchema>;
export const cordeOutcomeLabels: Record<CordeOutcome, string> = {
  MAINTIEN: "Maintien du parcours",
  REORIENTATION_DEMANDEE: "Réorientation demandée",
  INTENSIFICATION: "Intensification de l'accompagnement",
  SORTIE: "Sortie du parcours",
};

export const recordCheckpointBodySchema = z.object({
  kind: checkpointKindSchema,
  heldOn: localDateSchema,
  outcome: cordeOutcomeSchema.optional(),
  comment: comment.optional(),
});
export type RecordCheckpointBody = z.infer<typeof recordCheckpointBodySchema>;

/** The three answers of the « suivi dans l'emploi » (parcours.md §8.2, as worded for Socle). */
export const jobAnswers = ["TOUT_VA_BIEN", "DIFFICULTE", "PLUS_EN_POSTE"] as const;
export const jobAnswerSchema = z.enum(jobAnswers);
export type JobAnswer = z.infer<typeof jobAnswerSchema>;
export const jobAnswerLabels: Record<JobAnswer, string> = {
  TOUT_VA_BIEN: "Tout va bien",
  DIFFICULTE: "J'ai une difficulté",
  PLUS_EN_POSTE: "Je ne suis plus en poste",
};
export const jobSlots = ["1s", "1m", "3m"] as const;
export type JobSlot = (typeof jobSlots)[number];
export const jobSlotLabels: Record<JobSlot, string> = {
  "1s": "1 semaine",
  "1m": "1 mois",
  "3m": "3 mois",
};

/** « Difficulté traitée »: what the référent did about a difficulty the person reported in their job. */
export const resolveJobDifficultyBodySchema = z.object({
  note: z
    .string()
    .trim()
    .min(1, "Indiquez en quelques mots ce qui a été fait.")
    .max(1000, "La note ne doit pas dépasser 1 000 caractères."),
});
export type ResolveJobDifficultyBody = z.infer<typeof resolveJobDifficultyBodySchema>;

export const answerJobFollowUpBodySchema = z.object({
  answer: jobAnswerSchema,
  comment: comment.optional(),
});
export type AnswerJobFollowUpBody = z.infer<typeof answerJobFollowUpBodySchema>;

const jobAnswerViewSchema = z.object({
  answer: jobAnswerSchema,
  slot: z.enum(jobSlots).nullable(),
  comment: z.string().nullable(),
  answeredAt: z.string(),
});

export const exitViewSchema = z.object({
  motif: exitReasonSchema,
  detail: jobKindSchema.nullable(),
  exitDate: localDateSchema,
  jobStartDate: localDateSchema.nullable(),
  comment: z.string().nullable(),
  recordedAt: z.string(),
  answers: z.array(jobAnswerViewSchema),
  /** the difficulties reported in the job that a professional has handled, oldest first */
  difficultiesHandled: z.array(
    z.object({ note: z.string(), recordedAt: z.string(), recordedBy: z.string().nullable() }),
  ),
});

export const dropoutSignalsSchema = z.object({
  /** no contact since this date for at least the threshold */
  noContactSince: localDateSchema.nullable(),
  absencesInARow: z.number().int(),
  absencesInWindow: z.number().int(),
  flagged: z.boolean(),
});
export type DropoutSignalsView = z.infer<typeof dropoutSignalsSchema>;

export const followUpViewSchema = z.object({
  personId: z.string().uuid(),
  personName: z.string(),
  parcours: z
    .object({
      id: z.string().uuid(),
      statutSuivi: z.enum(["A_ORIENTER", "ACTIF", "EN_VEILLE", "CLOS"]),
      version: z.number().int(),
      accompanimentStart: localDateSchema.nullable(),
    })
    .nullable(),
  settings: z.object({
    pointEtapeMonths: z.number().int(),
    dropoutWeeks: z.number().int(),
    cordeDeRappelMonths: z.number().int(),
  }),
  nextPointEtape: localDateSchema.nullable(),
  cordeDeRappel: localDateSchema.nullable(),
  lastContactOn: localDateSchema.nullable(),
  dropout: dropoutSignalsSchema.nullable(),
  openItems: z.array(z.object({ type: workItemTypeSchema, dueDate: localDateSchema })),
  exit: exitViewSchema.nullable(),
  /** what the actor may do here; `job_difficulty`: close the reported difficulty with a note */
  actions: z.array(z.enum(["exit", "checkpoint", "job_difficulty"])),
});
export type FollowUpView = z.infer<typeof followUpViewSchema>;

export const myJobFollowUpSchema = z.object({
  /** false when no exit to employment is being followed */
  active: z.boolean(),
  jobStartDate: localDateSchema.nullable(),
  currentSlot: z.enum(jobSlots).nullable(),
  answers: z.array(jobAnswerViewSchema),
});
export type MyJobFollowUp = z.infer<typeof myJobFollowUpSchema>;
