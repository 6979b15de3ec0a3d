// The contract's content and views, shared by the server and the web app (parcours.md §6.1, §6.4).
import { z } from "zod";
import { localDateSchema } from "../kernel/dates";
import { weeklyProgrammeSchema } from "./contract.programme";
import { activityModules } from "./contract.referentiel";
import { contractEvents, contractStates } from "./contract.status";

export const contractIdSchema = z.string().uuid();

export const versionMotifs = [
  "INITIAL",
  "REVISION",
  "REORIENTATION",
  "CHANGEMENT_DISPOSITIF",
  "OFFRE_EMPLOI",
  "AUTRE",
] as const;
export const versionMotifLabels: Record<(typeof versionMotifs)[number], string> = {
  INITIAL: "Contrat initial",
  REVISION: "Révision (clause de revoyure)",
  REORIENTATION: "Réorientation",
  CHANGEMENT_DISPOSITIF: "Changement de dispositif",
  OFFRE_EMPLOI: "Proposition d'offre d'emploi",
  AUTRE: "Autre changement essentiel",
};

export const actionStatuts = ["PREVUE", "EN_COURS", "REALISEE", "ABANDONNEE", "ANNULEE", "EN_PAUSE"] as const;

const text = (max: number) => z.string().trim().min(1, "Champ obligatoire").max(max);

export const planActionSchema = z.object({
  libelle: text(300),
  porteur: z.enum(["PERSONNE", "REFERENT", "PARTENAIRE"]),
  activiteCode: z
    .string()
    .refine((c) => activityModules.has(c), "Activité inconnue du référentiel")
    .optional(),
  statut: z.enum(actionStatuts).default("PREVUE"),
});

export const planObjectiveSchema = z.object({
  libelle: text(300),
  echeance: localDateSchema.optional(),
  /** the person agrees with this objective (it never blocks an objective set by the référent) */
  accordPersonne: z.boolean().default(false),
  actions: z.array(planActionSchema).max(20).default([]),
});

/** An axis of the plan d'action: a theme of the diagnostic and its objectives. */
export const planAxisSchema = z.object({
  theme: text(100),
  objectifs: z.array(planObjectiveSchema).min(1, "Au moins un objectif par axe").max(10),
});

export const contractContentSchema = z.object({
  /** layer 2: obligations that depend on the pathway (e.g. job search for a « parcours emploi ») */
  couchParcours: z.string().trim().max(4000).default(""),
  /** layer 3: commitments agreed with the référent */
  engagementsIndividuels: z.array(text(500)).max(30).default([]),
  planAction: z.array(planAxisSchema).max(12).default([]),
  /** at least 15 hours a week for intensive accompaniment; absent when it does not apply */
  programme: weeklyProgrammeSchema.optional(),
  prochainRendezVous: localDateSchema.optional(),
});
export type ContractContent = z.infer<typeof contractContentSchema>;

/** Layer 1, the same for everyone: shown on every contract and in its PDF. */
export const SOCLE_COMMUN =
  "Vous êtes inscrit·e dans le réseau pour l'emploi. Vous avez droit à un accompagnement adapté à votre situation par un·e référent·e unique, à un diagnostic partagé et à des propositions d'activités. Vous vous engagez à participer aux rendez-vous et aux actions convenus, à signaler tout changement de situation, et à rechercher activement les solutions prévues dans ce contrat. En cas de manquement, aucune sanction n'est prise sans que vous ayez pu vous expliquer.";

export const versionStates = ["A_SIGNER", "SIGNE", "REFUSE", "REMPLACEE"] as const;

export const contractVersionViewSchema = z.object({
  numero: z.number().int(),
  motif: z.enum(versionMotifs),
  state: z.enum(versionStates),
  content: contractContentSchema,
  createdAt: z.string(),
  signedAt: z.string().nullable(),
  refusedAt: z.string().nullable(),
  refusalReason: z.string().nullable(),
  signatureMode: z.enum(["ELECTRONIQUE", "PAPIER"]).nullable(),
});
export type ContractVersionView = z.infer<typeof contractVersionViewSchema>;

export const contractViewSchema = z.object({
  id: contractIdSchema,
  personId: z.string().uuid(),
  personName: z.string(),
  state: z.enum(contractStates),
  /** optimistic-lock counter: send it back with every change */
  version: z.number().int(),
  socleCommun: z.string(),
  current: contractVersionViewSchema,
  /** every version, newest first */
  versions: z.array(contractVersionViewSchema),
  totals: z
    .object({
      planned: z.number(),
      done: z.number(),
      target: z.number(),
      targetMet: z.boolean(),
      missing: z.number(),
      structuring: z.number(),
      accompaniment: z.number(),
    })
    .nullable(),
  /** what this actor may do now (from the lifecycle table and the policy) */
  actions: z.array(z.enum([...contractEvents, "edit"])),
  reviewDueDate: z.string().nullable(),
});
export type ContractView = z.infer<typeof contractViewSchema>;

export const createContractBodySchema = z.object({
  personId: z.string().uuid(),
  content: contractContentSchema,
});
export const updateContractBodySchema = z.object({
  version: z.number().int(),
  content: contractContentSchema,
});
export const newContractVersionBodySchema = z.object({
  version: z.number().int(),
  motif: z.enum(versionMotifs).exclude(["INITIAL"]),
  content: contractContentSchema,
});
export const signContractBodySchema = z.object({
  version: z.number().int(),
  /** recorded by a professional, in person: the person's acknowledgement is required */
  accuseReceptionPersonne: z.boolean().optional(),
});
export const refuseContractBodySchema = z.object({
  version: z.number().int(),
  motif: z.string().trim().max(1000).optional(),
});
