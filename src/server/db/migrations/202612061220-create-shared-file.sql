-- The dossier partagé (parcours.md §7.1, PS-07, PS-11, PS-12): notes and documents of a person's file,
-- each with a visibility level; the log of follow-up group changes; the notices the person reads in
-- their space (« X fait désormais partie de votre groupe de suivi »).

-- Notes are immutable (never edited, never silently): a mistake is fixed by a correction note that
-- points to the note it corrects and keeps its visibility. A trigger refuses UPDATE; DELETE stays
-- possible for the retention purge only (PS-37, PS-38).
CREATE TABLE file_notes (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  visibility text NOT NULL CHECK (visibility IN ('PERSONNE', 'GROUPE', 'REFERENTS', 'CONFIDENTIEL')),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  corrects_note_id uuid REFERENCES file_notes (id),
  author_id uuid NOT NULL REFERENCES professionals (id),
  -- the author's structure when writing: CONFIDENTIEL notes stay inside it (PS-07)
  structure_id uuid NOT NULL REFERENCES structures (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX file_notes_person_idx ON file_notes (person_id, created_at);
CREATE UNIQUE INDEX file_notes_one_correction_uq ON file_notes (corrects_note_id) WHERE corrects_note_id IS NOT NULL;

CREATE FUNCTION file_notes_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'une note du dossier ne se modifie pas : ajoutez une note de correction';
END;
$$;
CREATE TRIGGER file_notes_no_update BEFORE UPDATE ON file_notes
  FOR EACH ROW EXECUTE FUNCTION file_notes_immutable();

-- Documents attached to the file, content in the database (bytea); the media type is the one sniffed
-- from the content, never the one the browser announced (PS-54). Immutable like notes.
CREATE TABLE file_documents (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  category text NOT NULL CHECK (category IN ('IDENTITE', 'JUSTIFICATIF', 'CV', 'ATTESTATION', 'COURRIER', 'AUTRE')),
  visibility text NOT NULL CHECK (visibility IN ('PERSONNE', 'GROUPE', 'REFERENTS', 'CONFIDENTIEL')),
  filename text NOT NULL,
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  author_id uuid NOT NULL REFERENCES professionals (id),
  structure_id uuid NOT NULL REFERENCES structures (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX file_documents_person_idx ON file_documents (person_id, created_at);

CREATE FUNCTION file_documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'un document du dossier ne se modifie pas : déposez une nouvelle version';
END;
$$;
CREATE TRIGGER file_documents_no_update BEFORE UPDATE ON file_documents
  FOR EACH ROW EXECUTE FUNCTION file_documents_immutable();

-- Who joined or left the follow-up group, when, by whom and why (GroupeSuivi: debut, fin, motifFin).
CREATE TABLE follow_up_changes (
  id uuid PRIMARY KEY,
  follow_up_id uuid NOT NULL REFERENCES follow_ups (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  change text NOT NULL CHECK (change IN ('AJOUT', 'FIN')),
  role text NOT NULL CHECK (role IN ('referent', 'co_referent', 'membre')),
  structure_id uuid NOT NULL REFERENCES structures (id),
  professional_id uuid REFERENCES professionals (id),
  reason text,
  actor_id uuid NOT NULL REFERENCES professionals (id),
  at timestamptz NOT NULL,
  CHECK (change = 'AJOUT' OR reason IS NOT NULL)
);
CREATE INDEX follow_up_changes_person_idx ON follow_up_changes (person_id, at);

-- What the person is told in their space, in the words they were told it.
CREATE TABLE file_notices (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  kind text NOT NULL CHECK (kind IN ('GROUPE_AJOUT', 'GROUPE_FIN')),
  message text NOT NULL,
  related_id uuid,
  created_at timestamptz NOT NULL
);
CREATE INDEX file_notices_person_idx ON file_notices (person_id, created_at);
