-- What a CAF/MSA import did to follow-ups, counted with the rest of its summary: pathways put on hold (a person
-- no longer subject to droits et devoirs), resumed (subject again within 12 months), and closed before a new
-- one opens (back after more than 12 months on hold or suspended). Imports made before count none.
ALTER TABLE flux_imports
  ADD COLUMN veilles_started integer NOT NULL DEFAULT 0,
  ADD COLUMN veilles_ended integer NOT NULL DEFAULT 0,
  ADD COLUMN pathways_closed integer NOT NULL DEFAULT 0;
