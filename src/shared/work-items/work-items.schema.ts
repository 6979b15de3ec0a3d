import { z } from "zod";
import { localDateSchema } from "../kernel/dates";
import { organismes, orientationEtatSchema, parcoursTypeSchema } from "../orientation/orientation.schema";

export const workItemTypes = [
  "INSCRIPTION_ABANDONNEE",
  "DOUBLON_A_EXAMINER",
  "DIVERGENCE_DONNEES",
  "CRITERES_ORIENTATION_A_COMPLETER",
  "DECISION_ORIENTATION_A_PRENDRE",
  "ENTRETIEN_GIRATOIRE_A_PLANIFIER",
  "PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE",
  "DEMANDE_REORIENTATION_A_EXAMINER",
  "CONTRAT_A_REVISER",
  "RDV_ABSENCE",
  "POINT_ETAPE_A_REALISER",
  "CORDE_DE_RAPPEL",
  "DECROCHAGE_A_TRAITER",
  "RETOUR_EMPLOI_DIFFICULTE",
] as const;
export const workItemTypeSchema = z.enum(workItemTypes);
export type WorkItemType = z.infer<typeof workItemTypeSchema>;

export const workItemTypeLabels: Record<WorkItemType, string> = {
  INSCRIPTION_ABANDONNEE: "Inscription abandonnée : aller vers la personne",
  DOUBLON_A_EXAMINER: "Doublon possible à examiner",
  DIVERGENCE_DONNEES: "Données divergentes à vérifier",
  CRITERES_ORIENTATION_A_COMPLETER: "Critères d'orientation à compléter",
  DECISION_ORIENTATION_A_PRENDRE: "Orientation à décider",
  ENTRETIEN_GIRATOIRE_A_PLANIFIER: "Entretien giratoire à planifier",
  PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE: "1er RDV d'accompagnement à prendre",
  DEMANDE_REORIENTATION_A_EXAMINER: "Demande de réorientation à examiner",
  CONTRAT_A_REVISER: "Contrat d'engagement à réviser (clause de revoyure)",
  RDV_ABSENCE: "Absence à un rendez-vous : relancer la personne",
  POINT_ETAPE_A_REALISER: "Point d'étape à réaliser",
  CORDE_DE_RAPPEL: "Corde de rappel à 6 mois",
  DECROCHAGE_A_TRAITER: "Risque de décrochage : aller vers la personne",
  RETOUR_EMPLOI_DIFFICULTE: "Suivi dans l'emploi : difficulté signalée",
};

export const workItemStatusSchema = z.enum(["A_FAIRE", "EN_COURS", "FAIT", "ANNULE"]);
export type WorkItemStatus = z.infer<typeof workItemStatusSchema>;
export const workItemStatusLabels: Record<WorkItemStatus, string> = {
  A_FAIRE: "À faire",
  EN_COURS: "En cours",
  FAIT: "Fait",
  ANNULE: "Annulé",
};

/**
 * The items that belong to a person's pathway: they lapse when Socle closes a pathway by itself (a follow-up
 * on hold or suspended for too long). Not the identity or registration items (duplicates, divergences, an
 * abandoned registration: the person's file, not their pathway) nor the « suivi dans l'emploi » ones (§8.2).
 */
const notOfThePathway: readonly WorkItemType[] = [
  "INSCRIPTION_ABANDONNEE",
  "DOUBLON_A_EXAMINER",
  "DIVERGENCE_DONNEES",
  "RETOUR_EMPLOI_DIFFICULTE",
];
export const pathwayWorkItemTypes: readonly WorkItemType[] = workItemTypes.filter(
  (t) => !notOfThePathway.includes(t),
);

/** The types that belong to the orientation queue of a département (the chargé d'orientation's). */
export const orientationQueueTypes: readonly WorkItemType[] = [
  "CRITERES_ORIENTATION_A_COMPLETER",
  "DECISION_ORIENTATION_A_PRENDRE",
  "ENTRETIEN_GIRATOIRE_A_PLANIFIER",
  "DEMANDE_REORIENTATION_A_EXAMINER",
];

/** Whose queue: the département's orientation items, my structure's items, or the items assigned to me. */
export const workItemScopes = ["departement", "structure", "moi"] as const;
export const workItemScopeSchema = z.enum(workItemScopes);
export type WorkItemScope = z.infer<typeof workItemScopeSchema>;

const typesParam = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
  z.array(workItemTypeSchema).max(workItemTypes.length),
);

export const listWorkItemsQuerySchema = z.object({
  scope: workItemScopeSchema.default("structure"),
  types: typesParam.optional(),
  page: z.coerce.number().int().min(1).default(1),
});

export const workItemViewSchema = z.object({
  id: z.string().uuid(),
  type: workItemTypeSchema,
  status: workItemStatusSchema,
  createdAt: z.string(),
  dueDate: localDateSchema,
  dueSoonDate: localDateSchema,
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  /** calendar days from today (Paris) to the due date; negative when overdue */
  daysLeft: z.number().int(),
  person: z.object({
    id: z.string().uuid(),
    birthName: z.string(),
    usageName: z.string().nullable(),
    firstNames: z.string(),
    birthDate: localDateSchema,
    communeName: z.string().nullable(),
  }),
  structureName: z.string().nullable(),
  /** the orientation the item is about (directly, or through a re-orientation request) */
  orientation: z
    .object({
      id: z.string().uuid(),
      etat: orientationEtatSchema,
      recommendedOrganisme: z.enum([...organismes, "IND"]).nullable(),
      recommendedParcours: parcoursTypeSchema.nullable(),
    })
    .nullable(),
});
export type WorkItemView = z.infer<typeof workItemViewSchema>;

export const workItemListSchema = z.object({
  items: z.array(workItemViewSchema),
  total: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Paris date the flags were computed on */
  today: localDateSchema,
});
export type WorkItemList = z.infer<typeof workItemListSchema>;
