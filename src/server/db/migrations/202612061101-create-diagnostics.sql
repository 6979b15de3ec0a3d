-- The diagnostic socio-professionnel partagé (parcours.md §5): one diagnostic per person and its
-- versions. Each update is a new version and none is ever changed or deleted (§5.4): a trigger refuses
-- UPDATE and DELETE on diagnostic_versions. The restricted compartment (health, addiction and
-- family-violence details) sits in its own column so that no list or extract reads it by accident.
-- `version` is the optimistic-lock counter of the diagnostic row; `current_numero` the latest version.
CREATE TABLE diagnostics (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL UNIQUE REFERENCES persons (id),
  current_numero int CHECK (current_numero >= 1),
  version int NOT NULL DEFAULT 1,
  started_by uuid REFERENCES professionals (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE diagnostic_versions (
  diagnostic_id uuid NOT NULL REFERENCES diagnostics (id),
  numero int NOT NULL CHECK (numero >= 1),
  content jsonb NOT NULL,
  confidential jsonb,
  author_id uuid NOT NULL REFERENCES professionals (id),
  structure_id uuid NOT NULL REFERENCES structures (id),
  format text NOT NULL CHECK (format IN ('INDIVIDUEL', 'COLLECTIF')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (diagnostic_id, numero)
);

CREATE FUNCTION diagnostic_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'diagnostic_versions is append-only';
END;
$$;
CREATE TRIGGER diagnostic_versions_no_update BEFORE UPDATE OR DELETE ON diagnostic_versions
  FOR EACH ROW EXECUTE FUNCTION diagnostic_versions_append_only();
