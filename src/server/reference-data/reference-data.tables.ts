// Kysely types of the reference tables (migration 202611231001-create-reference-data.sql).

export interface ReferenceVersionsTable {
  dataset: string;
  version: string;
  row_count: number;
  checksum: string;
  loaded_at: Date;
}
export interface RegionsTable {
  code: string;
  name: string;
}
export interface DepartementsTable {
  code: string;
  name: string;
  region_code: string;
}
export interface ZonesEmploiTable {
  code: string;
  name: string;
  commune_count: number;
}
export interface EpcisTable {
  code: string;
  name: string;
  kind: string | null;
}
export interface CommunesTable {
  code: string;
  name: string;
  departement_code: string;
  region_code: string;
  epci_code: string | null;
  zone_emploi_code: string | null;
  population: number | null;
  postal_codes: string[];
}
export interface RomeGrandsDomainesTable {
  code: string;
  label: string;
}
export interface RomeDomainesTable {
  code: string;
  label: string;
  grand_domaine_code: string;
}
export interface RomeFichesTable {
  code: string;
  label: string;
  parent_code: string;
  domaine_code: string;
  code_ogr: string;
}
export interface RomeAppellationsTable {
  code_ogr: string;
  label: string;
  short_label: string;
  fiche_code: string;
  search_text: string;
}

export interface ReferenceDataTables {
  reference_versions: ReferenceVersionsTable;
  regions: RegionsTable;
  departements: DepartementsTable;
  zones_emploi: ZonesEmploiTable;
  epcis: EpcisTable;
  communes: CommunesTable;
  rome_grands_domaines: RomeGrandsDomainesTable;
  rome_domaines: RomeDomainesTable;
  rome_fiches: RomeFichesTable;
  rome_appellations: RomeAppellationsTable;
}
