// Kysely types of migration 202612062200-create-data-sharing.sql.
import type { ColumnType, Generated } from "kysely";
import type { RowReason } from "../../shared/data-sharing/data-sharing.schema";

export interface ListeMinimaleImportsTable {
  id: string;
  departement: string;
  file_name: string;
  format: "CSV" | "XLSX";
  content_hash: string;
  row_count: number;
  processed_rows: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  quarantined: Generated<number>;
  status: "EN_COURS" | "TERMINE";
  started_by: string;
  started_at: Date;
  finished_at: Date | null;
  runs: Generated<number>;
}

export interface ListeMinimaleQuarantineTable {
  import_id: string;
  line: number;
  source_id: string | null;
  reasons: RowReason[];
}

/** jsonb columns are written as JSON text and read back as values. */
type Json<T> = ColumnType<T, string, string>;

export interface ExternalParcoursFactsTable {
  id: string;
  departement: string;
  source_id: string;
  person_key: string;
  source_person_id: string;
  france_travail_id: string | null;
  rsa_id: string | null;
  commune_code: string | null;
  reference_month: string;
  rights_opened_date: string | null;
  t0_date: string;
  opened_date: string;
  new_entrant: boolean;
  orientation_appointment_date: string | null;
  orientation_appointment_presence: string | null;
  barriers: Json<unknown>;
  first_diagnostic_date: string | null;
  oriented_date: string | null;
  orientations: Json<unknown>;
  referent_periods: Json<unknown>;
  appointments: Json<unknown>;
  services: Json<unknown>;
  contracts: Json<unknown>;
  closed_date: string | null;
  exit_reason: string | null;
  row_hash: string;
  import_id: string;
  created_at: Date;
  updated_at: Date;
}

export interface DataSharingTables {
  liste_minimale_imports: ListeMinimaleImportsTable;
  liste_minimale_quarantine: ListeMinimaleQuarantineTable;
  external_parcours_facts: ExternalParcoursFactsTable;
}
