-- Messages between a person and their référent·es (« Messagerie » of the personal space, parcours.md §9):
-- one conversation per person, so a message belongs to the person's file directly. Text only.
--
-- A message is never edited: a trigger refuses any change to what was written, by whom and when. The only
-- change allowed is the read receipt of the other side (read_at, and for a message of the person the
-- professional who read it), set once. DELETE stays possible for the retention purge only (PS-37, PS-38).
CREATE TABLE conversation_messages (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  author_kind text NOT NULL CHECK (author_kind IN ('PERSONNE', 'PROFESSIONNEL')),
  author_professional_id uuid REFERENCES professionals (id),
  -- the author's structure when writing (a professional's message)
  structure_id uuid REFERENCES structures (id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  read_by_professional_id uuid REFERENCES professionals (id),
  CHECK ((author_kind = 'PERSONNE') = (author_professional_id IS NULL)),
  CHECK ((author_professional_id IS NULL) = (structure_id IS NULL)),
  -- who read it: a professional for a message of the person, the person (no id) for a professional's
  CHECK (read_by_professional_id IS NULL OR (author_kind = 'PERSONNE' AND read_at IS NOT NULL))
);
CREATE INDEX conversation_messages_person_idx ON conversation_messages (person_id, created_at);
CREATE INDEX conversation_messages_unread_idx ON conversation_messages (person_id, author_kind)
  WHERE read_at IS NULL;

CREATE FUNCTION conversation_messages_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id
    OR NEW.person_id IS DISTINCT FROM OLD.person_id
    OR NEW.author_kind IS DISTINCT FROM OLD.author_kind
    OR NEW.author_professional_id IS DISTINCT FROM OLD.author_professional_id
    OR NEW.structure_id IS DISTINCT FROM OLD.structure_id
    OR NEW.body IS DISTINCT FROM OLD.body
    OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'un message ne se modifie pas : écrivez un nouveau message';
  END IF;
  IF OLD.read_at IS NOT NULL AND (NEW.read_at IS DISTINCT FROM OLD.read_at
    OR NEW.read_by_professional_id IS DISTINCT FROM OLD.read_by_professional_id) THEN
    RAISE EXCEPTION 'l''accusé de lecture d''un message ne se modifie pas';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER conversation_messages_no_update BEFORE UPDATE ON conversation_messages
  FOR EACH ROW EXECUTE FUNCTION conversation_messages_immutable();
