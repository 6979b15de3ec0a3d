-- Identity matching (persons/person-matching.ts) looks persons up by birth date and the prefix of their
-- normalised names (search_text). The former index (birth_date, birth_name) narrowed to the birth date
-- only, then visited every person born that day; this one answers both conditions from the index.
DROP INDEX persons_identity_idx;
CREATE INDEX persons_identity_idx ON persons (birth_date, search_text text_pattern_ops) WHERE status = 'active';
