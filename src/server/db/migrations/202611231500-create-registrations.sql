-- Registration (inscription), whatever the channel: a draft saved step by step (BROUILLON, last step
-- reached, data as collected, version for conflicts), then submitted (SOUMISE). Pre-filled values keep
-- their provenance and the person's confirmation (« dites-le nous une fois », PS-06).

CREATE TABLE registrations (
  id uuid PRIMARY KEY,
  -- the person's file: known from the start (online, or a known person at a counter), else set at submission
  person_id uuid REFERENCES persons (id),
  status text NOT NULL CHECK (status IN ('BROUILLON', 'SOUMISE')),
  channel text NOT NULL CHECK (channel IN ('EN_LIGNE', 'GUICHET', 'CONSEILLER')),
  departement text NOT NULL,
  started_by_kind text NOT NULL CHECK (started_by_kind IN ('person', 'professional')),
  started_by_id uuid NOT NULL,
  started_by_structure_id uuid REFERENCES structures (id),
  last_step text NOT NULL CHECK (last_step IN ('identite', 'situation', 'competences', 'projet', 'freins', 'recapitulatif')),
  -- the data list of parcours.md §1.2 by block; the NIR is never stored here (see nir_cipher)
  data jsonb NOT NULL DEFAULT '{}',
  -- NIR typed or pre-filled: AES-256-GCM ciphertext and keyed HMAC of its 13 first characters (PS-43)
  nir_cipher text,
  nir_index text,
  -- path → {source, dateSource, importeLe, valeur, brut} of each pre-filled value
  provenance jsonb NOT NULL DEFAULT '{}',
  -- path → {etat CONFIRME|CORRIGE, at, canal, par}
  confirmations jsonb NOT NULL DEFAULT '{}',
  started_at timestamptz NOT NULL,
  -- last activity (creation or saved step): abandonment counts from it
  updated_at timestamptz NOT NULL,
  submitted_at timestamptz,
  submitted_by_kind text CHECK (submitted_by_kind IN ('person', 'professional')),
  submitted_by_id uuid,
  outcome text CHECK (outcome IN ('DOSSIER_CREE', 'DOSSIER_MIS_A_JOUR', 'DOSSIER_CREE_DOUBLON_A_EXAMINER')),
  -- when the « aller vers » work item was raised for this draft (once per draft)
  abandonment_reported_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK ((status = 'SOUMISE') = (submitted_at IS NOT NULL)),
  CHECK (status = 'BROUILLON' OR (person_id IS NOT NULL AND outcome IS NOT NULL AND submitted_by_kind IS NOT NULL)),
  CHECK ((started_by_kind = 'professional') = (started_by_structure_id IS NOT NULL))
);
CREATE UNIQUE INDEX registrations_one_draft_per_person ON registrations (person_id)
  WHERE status = 'BROUILLON' AND person_id IS NOT NULL;
CREATE INDEX registrations_open_drafts_idx ON registrations (updated_at)
  WHERE status = 'BROUILLON' AND abandonment_reported_at IS NULL;
CREATE INDEX registrations_structure_idx ON registrations (started_by_structure_id, status, updated_at);
CREATE INDEX registrations_person_idx ON registrations (person_id, started_at);
