import type { Generated } from "kysely";

export type FluxImportStatus = "en_cours" | "echec" | "termine";

export interface FluxImportsTable {
  id: string;
  kind: "cnaf";
  departement: string;
  file_name: string;
  content_hash: string;
  size_bytes: number;
  appli_emettrice: string;
  typeflux: string;
  natflux: string;
  flux_created_date: string;
  dtref: string;
  received_date: string;
  received_date_source: "DTCREAFLUX" | "OPERATEUR";
  status: FluxImportStatus;
  error_code: string | null;
  error_message: string | null;
  processed_households: Generated<number>;
  households: Generated<number>;
  persons: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
  new_entrants: Generated<number>;
  divergences: Generated<number>;
  possible_duplicates: Generated<number>;
  veilles_started: Generated<number>;
  veilles_ended: Generated<number>;
  pathways_closed: Generated<number>;
  announced_households: number | null;
  announced_anomalies: number | null;
  started_by: string;
  started_at: Date;
  finished_at: Date | null;
  runs: Generated<number>;
}

export interface ImportQuarantineTable {
  id: Generated<number>;
  import_id: string;
  record_index: number;
  person_rank: number;
  record_key: string;
  line: number | null;
  reason_code: string;
  reason: string;
  raw_xml: string;
  created_at: Date;
}

export interface RsaRightsTable {
  id: string;
  person_id: string;
  organisme: "CAF" | "MSA";
  numorg: string;
  matricule: string;
  departement: string;
  role: string;
  numero_demande: string | null;
  demande_date: string | null;
  etat_code: string;
  etat_date: string;
  suspension_kind: "droit" | "versement" | null;
  suspension_motif: string | null;
  suspension_since: string | null;
  cloture_motif: string | null;
  cloture_date: string | null;
  soumis_droits_devoirs: boolean;
  sans_domicile_fixe: boolean;
  unknown_codes: string[];
  last_import_id: string;
  created_at: Date;
  updated_at: Date;
}

export interface DroitsDevoirsMonthsTable {
  person_id: string;
  departement: string;
  month: string;
  soumis: boolean;
  etat_code: string;
  suspension_since: string | null;
  import_id: string;
  recorded_at: Date;
}

export interface ImportsTables {
  flux_imports: FluxImportsTable;
  import_quarantine: ImportQuarantineTable;
  rsa_rights: RsaRightsTable;
  droits_devoirs_months: DroitsDevoirsMonthsTable;
}
