-- Reference data: territories (COG via @etalab/decoupage-administratif, INSEE zones d'emploi 2020)
-- and ROME 4.0. Loaded idempotently by `socle seed` / at start; versions recorded in reference_versions.

CREATE TABLE reference_versions (
  dataset text PRIMARY KEY,
  version text NOT NULL,
  row_count integer NOT NULL,
  checksum text NOT NULL,
  loaded_at timestamptz NOT NULL
);

CREATE TABLE regions (
  code text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE departements (
  code text PRIMARY KEY,
  name text NOT NULL,
  region_code text NOT NULL REFERENCES regions (code)
);

CREATE TABLE zones_emploi (
  code char(4) PRIMARY KEY,
  name text NOT NULL,
  commune_count integer NOT NULL
);

CREATE TABLE epcis (
  code char(9) PRIMARY KEY,
  name text NOT NULL,
  kind text
);

CREATE TABLE communes (
  code text PRIMARY KEY CHECK (code ~ '^([0-9]{5}|2[AB][0-9]{3})$'),
  name text NOT NULL,
  departement_code text NOT NULL REFERENCES departements (code),
  region_code text NOT NULL REFERENCES regions (code),
  epci_code char(9) REFERENCES epcis (code),
  zone_emploi_code char(4) REFERENCES zones_emploi (code),
  population integer,
  postal_codes text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX communes_departement_idx ON communes (departement_code);
CREATE INDEX communes_zone_emploi_idx ON communes (zone_emploi_code);

CREATE TABLE rome_grands_domaines (
  code char(1) PRIMARY KEY,
  label text NOT NULL
);

CREATE TABLE rome_domaines (
  code char(3) PRIMARY KEY,
  label text NOT NULL,
  grand_domaine_code char(1) NOT NULL REFERENCES rome_grands_domaines (code)
);

CREATE TABLE rome_fiches (
  code char(5) PRIMARY KEY,
  label text NOT NULL,
  parent_code char(5) NOT NULL,
  domaine_code char(3) NOT NULL REFERENCES rome_domaines (code),
  code_ogr text NOT NULL
);

CREATE TABLE rome_appellations (
  code_ogr text PRIMARY KEY,
  label text NOT NULL,
  short_label text NOT NULL,
  fiche_code char(5) NOT NULL REFERENCES rome_fiches (code),
  search_text text NOT NULL
);
CREATE INDEX rome_appellations_fiche_idx ON rome_appellations (fiche_code);
