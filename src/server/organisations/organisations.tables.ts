import type { Generated } from "kysely";

export interface StructuresTable {
  id: string;
  siret: string;
  name: string;
  kind: "france_travail" | "mission_locale" | "cap_emploi" | "conseil_departemental" | "partenaire";
  partner_kind: "association" | "siae" | "ccas" | "plie" | "organisme_formation" | "autre" | null;
  departement: string;
  commune_code: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
  created_at: Date;
  version: Generated<number>;
}
export interface StructureCoverageTable {
  structure_id: string;
  commune_code: string;
}
export interface ProfessionalsTable {
  id: string;
  structure_id: string;
  email: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  roles: string[];
  scope_level: "national" | "region" | "departement" | null;
  scope_code: string | null;
  active: Generated<boolean>;
  created_at: Date;
  version: Generated<number>;
}
export interface OrganisationsTables {
  structures: StructuresTable;
  structure_coverage: StructureCoverageTable;
  professionals: ProfessionalsTable;
}
