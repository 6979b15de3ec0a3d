-- Tabular imports of beneficiaries (CSV, XLSX): upload → column mapping → preview → apply (PS-58).
-- The file is kept encrypted until its rows are staged; each row then keeps its cells (encrypted: they
-- may hold a NIR), its outcome and, when it is quarantined, its French reasons. Idempotent: one import
-- per file content and département, and rows already applied (same identity, same values) change nothing.

CREATE TABLE tabular_imports (
  id uuid PRIMARY KEY,
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('CSV', 'XLSX')),
  content_hash text NOT NULL,
  byte_size integer NOT NULL,
  content_cipher text,
  headers jsonb NOT NULL,
  row_count integer NOT NULL,
  -- target field → column index
  mapping jsonb NOT NULL,
  departement text NOT NULL,
  structure_id uuid NOT NULL REFERENCES structures (id),
  uploaded_by uuid NOT NULL REFERENCES professionals (id),
  status text NOT NULL CHECK (status IN ('TELEVERSE', 'EN_COURS', 'TERMINE')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK ((status = 'TELEVERSE') = (content_cipher IS NOT NULL)),
  CHECK ((status = 'TERMINE') = (finished_at IS NOT NULL))
);
CREATE UNIQUE INDEX tabular_imports_content_uq ON tabular_imports (departement, content_hash);
CREATE INDEX tabular_imports_structure_idx ON tabular_imports (structure_id, created_at);

CREATE TABLE tabular_import_rows (
  import_id uuid NOT NULL REFERENCES tabular_imports (id),
  -- line in the file (the header is line 1)
  line_number integer NOT NULL,
  raw_cipher text NOT NULL,
  -- hash of the mapped, normalised values; with natural_key, recognises a row already applied
  raw_hash text NOT NULL,
  -- hash of the identity: NIR, else France Travail number, else names and birth date
  natural_key text,
  status text NOT NULL CHECK (status IN ('EN_ATTENTE', 'QUARANTAINE', 'CREEE', 'MISE_A_JOUR', 'INCHANGEE', 'DOUBLON_A_EXAMINER')),
  reasons jsonb NOT NULL DEFAULT '[]',
  person_id uuid REFERENCES persons (id),
  processed_at timestamptz,
  PRIMARY KEY (import_id, line_number),
  CHECK (status <> 'QUARANTAINE' OR jsonb_array_length(reasons) > 0),
  CHECK (status NOT IN ('CREEE', 'MISE_A_JOUR', 'INCHANGEE', 'DOUBLON_A_EXAMINER') OR person_id IS NOT NULL)
);
CREATE INDEX tabular_import_rows_status_idx ON tabular_import_rows (import_id, status, line_number);
CREATE INDEX tabular_import_rows_applied_idx ON tabular_import_rows (natural_key, raw_hash) WHERE person_id IS NOT NULL;
