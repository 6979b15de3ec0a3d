import { z } from "zod";

export const workItemTypes = [
  "INSCRIPTION_ABANDONNEE",
  "DOUBLON_A_EXAMINER",
  "DIVERGENCE_DONNEES",
  "CRITERES_ORIENTATION_A_COMPLETER",
  "DECISION_ORIENTATION_A_PRENDRE",
  "ENTRETIEN_GIRATOIRE_A_PLANIFIER",
  "PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE",
  "DEMANDE_REORIENTATION_A_EXAMINER",
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
};

export const workItemStatusSchema = z.enum(["A_FAIRE", "EN_COURS", "FAIT", "ANNULE"]);
