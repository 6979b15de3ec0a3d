import type { Generated } from "kysely";

export type Origine = "INSCRIPTION_AUTO_CAF" | "INSCRIPTION_CONSEILLER_CD" | "INSCRIPTION_VOLONTAIRE";

export interface ParcoursTable {
  id: string;
  person_id: string;
  departement: string;
  t0_date: string;
  statut_suivi: "A_ORIENTER" | "ACTIF" | "EN_VEILLE" | "CLOS";
  origine: Origine | "STOCK";
  opened_at: Date;
  veille_since: string | null;
  closed_at: Date | null;
  exit_reason: string | null;
  version: Generated<number>;
}
export interface OrientationsTable {
  id: string;
  person_id: string;
  parcours_id: string;
  etat: "BROUILLON" | "EN_ATTENTE" | "OUVERT" | "CLOTURE";
  statut: "PRECONISE" | "DECIDE" | null;
  origine: Origine | "REORIENTATION";
  criteria: Record<string, unknown>;
  recommendation: Record<string, unknown> | null;
  rules_version: string | null;
  decision: "ACCEPTEE" | "REFUSEE" | null;
  decided_by: string | null;
  decided_at: Date | null;
  organisme_decision: "CD" | "FT" | null;
  motif_refus: string | null;
  commentaire_refus: string | null;
  parcours_retenu: "PRO" | "SOCIO_PRO" | "SOCIAL" | null;
  organisme_retenu: "FT" | "ML" | "CAP_EMPLOI" | "CD" | null;
  structure_id: string | null;
  notified_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: Generated<number>;
}
export interface OrientationTransitionsTable {
  id: Generated<number>;
  orientation_id: string;
  from_etat: string | null;
  to_etat: string;
  event: string;
  actor_kind: string;
  actor_id: string | null;
  at: Date;
  reason: string | null;
}
export interface OrientationTables {
  parcours: ParcoursTable;
  orientations: OrientationsTable;
  orientation_transitions: OrientationTransitionsTable;
}
