-- CAF/MSA beneficiaries flow (VRSB 08.01): imported files with their progress (resume after a crash),
-- quarantined records, RSA rights per person and the monthly « soumis aux droits et devoirs » history.

CREATE TABLE flux_imports (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('cnaf')),
  departement text NOT NULL,
  file_name text NOT NULL,
  -- sha256 of the file's bytes: a file already imported is refused, a killed import is resumed
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  size_bytes bigint NOT NULL,
  -- IdentificationFlux, as received (TYPEFLUX kept raw: M monthly, daily code unconfirmed, parcours.md §11)
  appli_emettrice text NOT NULL,
  typeflux text NOT NULL,
  natflux text NOT NULL,
  flux_created_date date NOT NULL,
  dtref date NOT NULL,
  -- T0 basis: the date the département received the notification (DTCREAFLUX unless given by the operator)
  received_date date NOT NULL,
  received_date_source text NOT NULL CHECK (received_date_source IN ('DTCREAFLUX', 'OPERATEUR')),
  status text NOT NULL CHECK (status IN ('en_cours', 'echec', 'termine')),
  error_code text,
  error_message text,
  -- households fully applied, from the start of the file: a rerun skips them (written in each batch's transaction)
  processed_households integer NOT NULL DEFAULT 0 CHECK (processed_households >= 0),
  households integer NOT NULL DEFAULT 0,
  persons integer NOT NULL DEFAULT 0,
  created integer NOT NULL DEFAULT 0,
  updated integer NOT NULL DEFAULT 0,
  unchanged integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0,
  new_entrants integer NOT NULL DEFAULT 0,
  divergences integer NOT NULL DEFAULT 0,
  possible_duplicates integer NOT NULL DEFAULT 0,
  -- TransmissionFlux
  announced_households integer,
  announced_anomalies integer,
  started_by text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  runs integer NOT NULL DEFAULT 1,
  CHECK ((status = 'termine') = (finished_at IS NOT NULL)),
  CHECK ((status = 'echec') = (error_code IS NOT NULL))
);
CREATE UNIQUE INDEX flux_imports_file_uq ON flux_imports (kind, departement, content_hash);
CREATE INDEX flux_imports_departement_idx ON flux_imports (departement, kind, dtref);

-- records that could not be used: kept with the reason and the household's raw XML (PS-59: nothing is lost)
CREATE TABLE import_quarantine (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_id uuid NOT NULL REFERENCES flux_imports (id),
  -- household number in the file (1-based) and person rank in it (0 = the whole household)
  record_index integer NOT NULL CHECK (record_index > 0),
  person_rank integer NOT NULL DEFAULT 0 CHECK (person_rank >= 0),
  -- « foyer 12 », « foyer 12, personne 2 (CJT) »: no personal data
  record_key text NOT NULL,
  line integer,
  reason_code text NOT NULL,
  reason text NOT NULL,
  raw_xml text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (import_id, record_index, person_rank)
);

-- the RSA right of a person in a CAF/MSA file, as last received; codes are stored raw, unknown ones flagged
CREATE TABLE rsa_rights (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  organisme text NOT NULL CHECK (organisme IN ('CAF', 'MSA')),
  numorg text NOT NULL,
  matricule text NOT NULL,
  departement text NOT NULL,
  role text NOT NULL,
  numero_demande text,
  demande_date date,
  etat_code text NOT NULL,
  -- DTREF of the first flow that carried this state
  etat_date date NOT NULL,
  suspension_kind text CHECK (suspension_kind IN ('droit', 'versement')),
  suspension_motif text,
  suspension_since date,
  cloture_motif text,
  cloture_date date,
  soumis_droits_devoirs boolean NOT NULL,
  sans_domicile_fixe boolean NOT NULL,
  -- « ETATDOSRSA=9 », « MOTISUSVERSRSA=ZZ »…: codes outside the published lists, kept and shown (PS-59)
  unknown_codes text[] NOT NULL DEFAULT '{}',
  last_import_id uuid NOT NULL REFERENCES flux_imports (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((suspension_kind IS NULL) = (suspension_since IS NULL))
);
CREATE UNIQUE INDEX rsa_rights_file_uq ON rsa_rights (person_id, organisme, numorg, matricule);
CREATE INDEX rsa_rights_departement_idx ON rsa_rights (departement, etat_code);

-- TOPPERSDRODEVORSA month by month, full history (month = first day of the DTREF month), with the state of
-- the right that month: the new-entrant rule reads the months before the flow's, so a rerun decides alike
CREATE TABLE droits_devoirs_months (
  person_id uuid NOT NULL REFERENCES persons (id),
  departement text NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  soumis boolean NOT NULL,
  etat_code text NOT NULL,
  suspension_since date,
  import_id uuid NOT NULL REFERENCES flux_imports (id),
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (person_id, month, departement)
);
CREATE INDEX droits_devoirs_months_month_idx ON droits_devoirs_months (departement, month);
