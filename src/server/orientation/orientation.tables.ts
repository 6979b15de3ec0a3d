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
  notification_channel: Generated<"EMAIL" | "COURRIER" | null>;
  reorientation_request_id: Generated<string | null>;
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
export interface OrientationRuleSetsTable {
  id: string;
  departement: string | null;
  version: string;
  label: string;
  effective_from: string;
  rules: unknown;
  published_at: Date | null;
  created_at: Date;
}
export interface DepartementSettingsTable {
  departement: string;
  delegation_ft: Generated<"AUCUNE" | "TOTALE" | "PAR_DEFAUT">;
  updated_at: Date;
}
export interface OrientationLettersTable {
  id: string;
  orientation_id: string;
  person_id: string;
  filename: string;
  content: Uint8Array;
  sha256: string;
  created_at: Date;
}
export interface ReorientationRequestsTable {
  id: string;
  person_id: string;
  orientation_id: string;
  departement: string;
  requested_by: string;
  motif: string;
  parcours_souhaite: "PRO" | "SOCIO_PRO" | "SOCIAL";
  organisme_souhaite: "FT" | "ML" | "CAP_EMPLOI" | "CD";
  structure_souhaitee_id: string | null;
  statut: "EN_ATTENTE" | "ACCEPTEE" | "REFUSEE";
  motif_decision: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  new_orientation_id: string | null;
  created_at: Date;
  version: Generated<number>;
}
export interface OrientationTables {
  parcours: ParcoursTable;
  orientations: OrientationsTable;
  orientation_transitions: OrientationTransitionsTable;
  orientation_rule_sets: OrientationRuleSetsTable;
  departement_settings: DepartementSettingsTable;
  orientation_letters: OrientationLettersTable;
  reorientation_requests: ReorientationRequestsTable;
}
