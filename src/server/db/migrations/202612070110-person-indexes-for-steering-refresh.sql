-- The refresh of the steering facts (ADR 0005) reads the rows of a batch of persons through the ind_* views:
-- a person's pathways and orientations by person, closed ones included (the existing indexes on person_id are
-- partial: one open pathway, one open orientation). Without them each batch scans both tables.
CREATE INDEX parcours_person_idx ON parcours (person_id);
CREATE INDEX orientations_person_idx ON orientations (person_id);
