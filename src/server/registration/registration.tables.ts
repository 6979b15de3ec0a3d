// Kysely types of migration 202611231500-create-registrations.sql.
import type { Generated } from "kysely";
import type {
  RegistrationChannel,
  RegistrationLastStep,
  RegistrationOutcome,
} from "../../shared/registration/registration.schema";

export interface RegistrationsTable {
  id: string;
  person_id: string | null;
  status: "BROUILLON" | "SOUMISE";
  channel: RegistrationChannel;
  departement: string;
  started_by_kind: "person" | "professional";
  started_by_id: string;
  started_by_structure_id: string | null;
  last_step: RegistrationLastStep;
  data: Generated<Record<string, unknown>>;
  nir_cipher: string | null;
  nir_index: string | null;
  provenance: Generated<Record<string, unknown>>;
  confirmations: Generated<Record<string, unknown>>;
  started_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  submitted_by_kind: "person" | "professional" | null;
  submitted_by_id: string | null;
  outcome: RegistrationOutcome | null;
  abandonment_reported_at: Date | null;
  version: Generated<number>;
}

export interface RegistrationTables {
  registrations: RegistrationsTable;
}
