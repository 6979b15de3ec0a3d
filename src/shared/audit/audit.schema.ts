import { z } from "zod";

// The four legal purposes of article L. 263-4-1 CASF (PS-01).
export const auditPurposes = ["identify", "assess", "follow", "support"] as const;
export const auditPurposeSchema = z.enum(auditPurposes);
export type AuditPurpose = z.infer<typeof auditPurposeSchema>;
export const auditPurposeLabels: Record<AuditPurpose, string> = {
  identify: "Identifier la personne",
  assess: "Évaluer sa situation",
  follow: "Suivre son parcours d'insertion",
  support: "Mettre en œuvre des actions d'accompagnement",
};

export const auditSectionLabels: Record<string, string> = {
  identite: "Identité",
  liste: "Liste des personnes suivies",
  recherche: "Recherche",
  fusion: "Fusion de doublons",
  journal: "Journal des accès",
  orientation: "Orientation",
  diagnostic: "Diagnostic",
  contrat: "Contrat d'engagement",
  rendez_vous: "Rendez-vous",
  import: "Import de données",
  inscription: "Inscription",
  suivi: "Suivi du parcours",
  dossier_partage: "Dossier partagé",
  donnees: "Téléchargement de mes données",
  messagerie: "Messages envoyés",
  conversation: "Messages avec les référent·es",
  pilotage: "Pilotage (données agrégées)",
  partage_donnees: "Partage de données avec le pilotage (liste minimale)",
};

export const auditEntryViewSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorKind: z.enum(["professional", "person", "system", "partner"]),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  structureName: z.string().nullable(),
  action: z.string(),
  section: z.string(),
  sectionLabel: z.string(),
  purpose: auditPurposeSchema,
  purposeLabel: z.string(),
  channel: z.string(),
  outcome: z.enum(["allowed", "denied"]),
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;
