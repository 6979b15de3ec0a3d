-- Foundation: structures, professionals, persons (identity), follow-ups, login links, sessions, audit trail.

CREATE TABLE structures (
  id uuid PRIMARY KEY,
  siret char(14) NOT NULL UNIQUE CHECK (siret ~ '^[0-9]{14}$'),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('france_travail', 'mission_locale', 'cap_emploi', 'conseil_departemental', 'partenaire')),
  partner_kind text CHECK (partner_kind IN ('association', 'siae', 'ccas', 'plie', 'organisme_formation', 'autre')),
  departement text NOT NULL,
  commune_code text,
  address text,
  email text,
  phone text,
  created_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CHECK ((kind = 'partenaire') = (partner_kind IS NOT NULL))
);
CREATE INDEX structures_departement_idx ON structures (departement);

-- territory covered by a structure, as a list of communes (INSEE codes)
CREATE TABLE structure_coverage (
  structure_id uuid NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
  commune_code text NOT NULL,
  PRIMARY KEY (structure_id, commune_code)
);
CREATE INDEX structure_coverage_commune_idx ON structure_coverage (commune_code);

CREATE TABLE professionals (
  id uuid PRIMARY KEY,
  structure_id uuid NOT NULL REFERENCES structures (id),
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  first_name text NOT NULL,
  last_name text NOT NULL,
  phone text,
  roles text[] NOT NULL CHECK (
    cardinality(roles) > 0 AND roles <@ ARRAY['conseiller', 'charge_orientation', 'admin_structure',
      'manager_territorial', 'charge_relation_entreprise', 'pilotage']::text[]
  ),
  -- territory scope for manager_territorial (departement) and pilotage (national, region, departement)
  scope_level text CHECK (scope_level IN ('national', 'region', 'departement')),
  scope_code text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CHECK (scope_level IS NULL OR (scope_level = 'national') = (scope_code IS NULL))
);
CREATE INDEX professionals_structure_idx ON professionals (structure_id);

CREATE TABLE persons (
  id uuid PRIMARY KEY,
  -- NIR: AES-256-GCM ciphertext for display, keyed HMAC of the 13 first characters for matching (PS-43)
  nir_cipher text,
  nir_index text,
  nir_last_digits text,
  birth_name text NOT NULL,
  usage_name text,
  first_names text NOT NULL,
  sex char(1) CHECK (sex IN ('F', 'M')),
  birth_date date NOT NULL,
  birth_place text,
  nationality text,
  email text,
  phone text,
  address_line text,
  postal_code text,
  commune_code text,
  departement text NOT NULL,
  france_travail_id text CHECK (france_travail_id ~ '^([0-9]{7}[0-9A-Z]|[0-9]{11})$'),
  caf_organisme text CHECK (caf_organisme IN ('CAF', 'MSA')),
  caf_numorg text,
  caf_matricule text,
  household_role text CHECK (household_role IN ('DEM', 'CJT', 'ENF', 'AUT')),
  -- normalised "birth_name usage_name first_names", lower case without accents, for search
  search_text text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged')),
  merged_into uuid REFERENCES persons (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CHECK ((status = 'merged') = (merged_into IS NOT NULL)),
  CHECK ((caf_matricule IS NULL) OR (caf_organisme IS NOT NULL AND caf_numorg IS NOT NULL AND household_role IS NOT NULL))
);
CREATE UNIQUE INDEX persons_nir_active_uq ON persons (nir_index) WHERE status = 'active' AND nir_index IS NOT NULL;
CREATE UNIQUE INDEX persons_ft_active_uq ON persons (france_travail_id) WHERE status = 'active' AND france_travail_id IS NOT NULL;
CREATE UNIQUE INDEX persons_caf_active_uq ON persons (caf_organisme, caf_numorg, caf_matricule, household_role, birth_date)
  WHERE status = 'active' AND caf_matricule IS NOT NULL;
CREATE INDEX persons_search_idx ON persons (search_text text_pattern_ops);
CREATE INDEX persons_departement_idx ON persons (departement);
CREATE INDEX persons_identity_idx ON persons (birth_date, birth_name);

-- merge of duplicates: one surviving record, the absorbed one kept as an alias (PS-44 to PS-46)
CREATE TABLE person_merges (
  id uuid PRIMARY KEY,
  surviving_id uuid NOT NULL REFERENCES persons (id),
  absorbed_id uuid NOT NULL REFERENCES persons (id),
  operator_id uuid NOT NULL REFERENCES professionals (id),
  reason text NOT NULL,
  evidence jsonb NOT NULL,
  moved_follow_ups uuid[] NOT NULL DEFAULT '{}',
  merged_at timestamptz NOT NULL,
  undone_at timestamptz,
  undone_by uuid REFERENCES professionals (id),
  CHECK (surviving_id <> absorbed_id)
);
CREATE UNIQUE INDEX person_merges_absorbed_open_uq ON person_merges (absorbed_id) WHERE undone_at IS NULL;

-- who follows whom: the basis of need-to-know access (PS-11, PS-13)
CREATE TABLE follow_ups (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  structure_id uuid NOT NULL REFERENCES structures (id),
  professional_id uuid REFERENCES professionals (id),
  role text NOT NULL CHECK (role IN ('referent', 'co_referent', 'membre')),
  started_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX follow_ups_person_idx ON follow_ups (person_id) WHERE ended_at IS NULL;
CREATE INDEX follow_ups_structure_idx ON follow_ups (structure_id, person_id) WHERE ended_at IS NULL;
CREATE INDEX follow_ups_professional_idx ON follow_ups (professional_id, person_id) WHERE ended_at IS NULL;

-- an OIDC identity (issuer + subject) linked to a professional or a person
CREATE TABLE identity_links (
  issuer text NOT NULL,
  subject text NOT NULL,
  professional_id uuid REFERENCES professionals (id),
  person_id uuid REFERENCES persons (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (issuer, subject),
  CHECK ((professional_id IS NULL) <> (person_id IS NULL))
);

-- server-side sessions (PS-48): the cookie holds a random id, the table its hash
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('professional', 'person')),
  professional_id uuid REFERENCES professionals (id),
  person_id uuid REFERENCES persons (id),
  csrf_token text NOT NULL,
  id_token_hint text,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  idle_minutes integer NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  CHECK ((kind = 'professional') = (professional_id IS NOT NULL)),
  CHECK ((kind = 'person') = (person_id IS NOT NULL))
);

-- pending OIDC logins (state, nonce, PKCE verifier), consumed once
CREATE TABLE login_attempts (
  state text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('professional', 'person')),
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL,
  created_at timestamptz NOT NULL
);

-- append-only, hash-chained audit trail of every read and write of a person's data (PS-18)
CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('professional', 'person', 'system', 'partner')),
  actor_id text,
  actor_role text,
  structure_id uuid,
  person_id uuid,
  action text NOT NULL,
  section text NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('identify', 'assess', 'follow', 'support')),
  channel text NOT NULL CHECK (channel IN ('web', 'api', 'cli', 'import', 'system')),
  outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied')),
  request_id text,
  details jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_events_person_idx ON audit_events (person_id, id);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events est en ajout seul : modification et suppression interdites';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
