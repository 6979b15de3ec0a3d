// Kysely types of migration 202611231500-create-tabular-imports.sql.
import type { Generated } from "kysely";
import type { TabularMapping, TabularReason } from "../../../shared/imports/tabular/tabular-import.schema";

export type TabularImportStatus = "TELEVERSE" | "EN_COURS" | "TERMINE";
export type TabularRowStatus =
  | "EN_ATTENTE"
  | "QUARANTAINE"
  | "CREEE"
  | "MISE_A_JOUR"
  | "INCHANGEE"
  | "DOUBLON_A_EXAMINER";

export interface TabularImportsTable {
  id: string;
  file_name: string;
  format: "CSV" | "XLSX";
  content_hash: string;
  byte_size: number;
  content_cipher: string | null;
  headers: string[];
  row_count: number;
  mapping: TabularMapping;
  departement: string;
  structure_id: string;
  uploaded_by: string;
  status: TabularImportStatus;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  version: Generated<number>;
}

export interface TabularImportRowsTable {
  import_id: string;
  line_number: number;
  raw_cipher: string;
  raw_hash: string;
  natural_key: string | null;
  status: TabularRowStatus;
  reasons: Generated<TabularReason[]>;
  person_id: string | null;
  processed_at: Date | null;
}

export interface TabularImportsTables {
  tabular_imports: TabularImportsTable;
  tabular_import_rows: TabularImportRowsTable;
}
