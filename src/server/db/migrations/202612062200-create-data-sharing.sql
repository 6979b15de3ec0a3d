-- Data sharing (pilotage.md §5): the « liste minimale des données à partager » imported from a département
-- that runs its own system. Its rows are *external facts* of that département, one per person and parcours:
-- never persons, parcours or work items of Socle. The indicator fact views (db/views/ind_*.sql) read them in a
-- UNION ALL branch marked source = 'DEPARTEMENT', so the same indicators are computed for that département.

CREATE TABLE liste_minimale_imports (
  id uuid PRIMARY KEY,
  departement text NOT NULL,
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('CSV', 'XLSX')),
  -- sha256 of the file: the same file again resumes or returns the finished import (idempotence)
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  row_count integer NOT NULL CHECK (row_count >= 0),
  -- rows handled from the start of the file, written in each batch's transaction: a rerun resumes there
  processed_rows integer NOT NULL DEFAULT 0 CHECK (processed_rows >= 0),
  created integer NOT NULL DEFAULT 0,
  updated integer NOT NULL DEFAULT 0,
  unchanged integer NOT NULL DEFAULT 0,
  quarantined integer NOT NULL DEFAULT 0,
  status text NOT NULL CHECK (status IN ('EN_COURS', 'TERMINE')),
  started_by text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  runs integer NOT NULL DEFAULT 1,
  CHECK ((status = 'TERMINE') = (finished_at IS NOT NULL))
);
CREATE UNIQUE INDEX liste_minimale_imports_file_uq ON liste_minimale_imports (departement, content_hash);

-- rows refused, with their French reasons by column (the row's own cells are not kept)
CREATE TABLE liste_minimale_quarantine (
  import_id uuid NOT NULL REFERENCES liste_minimale_imports (id),
  line integer NOT NULL CHECK (line > 1),
  source_id text,
  reasons jsonb NOT NULL,
  PRIMARY KEY (import_id, line)
);

CREATE TABLE external_parcours_facts (
  id uuid PRIMARY KEY,
  departement text NOT NULL,
  -- id_parcours of the sending system, stable from one file to the next
  source_id text NOT NULL,
  -- a uuid derived from (département, id_personne): joins a person's rows, never a Socle person
  person_key uuid NOT NULL,
  source_person_id text NOT NULL,
  france_travail_id text,
  rsa_id text,
  commune_code text,
  reference_month text NOT NULL CHECK (reference_month ~ '^[0-9]{4}-[0-9]{2}$'),
  rights_opened_date date,
  t0_date date NOT NULL,
  opened_date date NOT NULL,
  new_entrant boolean NOT NULL,
  orientation_appointment_date date,
  orientation_appointment_presence text CHECK (orientation_appointment_presence IN ('present', 'absent', 'excuse')),
  -- [{type, impact}]
  barriers jsonb NOT NULL DEFAULT '[]',
  first_diagnostic_date date,
  oriented_date date,
  -- [{debut, type, organisme, fin}], by start date
  orientations jsonb NOT NULL DEFAULT '[]',
  -- [{debut, fin}]
  referent_periods jsonb NOT NULL DEFAULT '[]',
  -- [{date, presence, motif}]
  appointments jsonb NOT NULL DEFAULT '[]',
  -- [{debut, fin, heures, codeActivite, modalite}]
  services jsonb NOT NULL DEFAULT '[]',
  -- [{numero, signature, heures, debutProgramme, cloture}]
  contracts jsonb NOT NULL DEFAULT '[]',
  closed_date date,
  exit_reason text,
  row_hash text NOT NULL,
  import_id uuid NOT NULL REFERENCES liste_minimale_imports (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX external_parcours_facts_source_uq ON external_parcours_facts (departement, source_id);
CREATE INDEX external_parcours_facts_t0_idx ON external_parcours_facts (t0_date, departement);
CREATE INDEX external_parcours_facts_person_idx ON external_parcours_facts (person_key);
