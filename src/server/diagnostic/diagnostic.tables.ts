// Kysely types of migration 202612061101-create-diagnostics.sql.
import type { Generated } from "kysely";
import type { DiagnosticFormat } from "../../shared/diagnostic/diagnostic.schema";

export interface DiagnosticsTable {
  id: string;
  person_id: string;
  current_numero: number | null;
  version: Generated<number>;
  started_by: string | null;
  created_at: Date;
  updated_at: Date;
}
export interface DiagnosticVersionsTable {
  diagnostic_id: string;
  numero: number;
  content: Record<string, unknown>;
  confidential: Record<string, unknown> | null;
  author_id: string;
  structure_id: string;
  format: DiagnosticFormat;
  created_at: Date;
}

export interface DiagnosticTables {
  diagnostics: DiagnosticsTable;
  diagnostic_versions: DiagnosticVersionsTable;
}
