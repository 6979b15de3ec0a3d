import type { ColumnType, Generated } from "kysely";

export interface PersonsTable {
  id: string;
  nir_cipher: string | null;
  nir_index: string | null;
  nir_last_digits: string | null;
  birth_name: string;
  usage_name: string | null;
  first_names: string;
  sex: "F" | "M" | null;
  birth_date: string;
  birth_place: string | null;
  nationality: string | null;
  email: string | null;
  phone: string | null;
  address_line: string | null;
  postal_code: string | null;
  commune_code: string | null;
  departement: string;
  france_travail_id: string | null;
  caf_organisme: "CAF" | "MSA" | null;
  caf_numorg: string | null;
  caf_matricule: string | null;
  household_role: "DEM" | "CJT" | "ENF" | "AUT" | null;
  search_text: string;
  status: Generated<"active" | "merged">;
  merged_into: string | null;
  created_at: Date;
  updated_at: Date;
  version: Generated<number>;
}
export interface PersonMergesTable {
  id: string;
  surviving_id: string;
  absorbed_id: string;
  operator_id: string;
  reason: string;
  evidence: unknown;
  moved_follow_ups: Generated<string[]>;
  merged_at: Date;
  undone_at: Date | null;
  undone_by: string | null;
}
export interface FollowUpsTable {
  id: string;
  person_id: string;
  structure_id: string;
  professional_id: string | null;
  role: "referent" | "co_referent" | "membre";
  started_at: Date;
  ended_at: Date | null;
  /** PS-15: a former référent's read access after a reorientation ends then (the nightly run ends the row) */
  read_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
}
export interface PersonsTables {
  persons: PersonsTable;
  person_merges: PersonMergesTable;
  follow_ups: FollowUpsTable;
}
