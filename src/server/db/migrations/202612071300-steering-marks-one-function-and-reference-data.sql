-- Steering marks (ADR 0005), second step.
-- 1. The six statement-level marking functions of migration 202612070100 differed only by the column that names
--    the person and the parent table it is looked up in: one function replaces them, told by its trigger's
--    arguments how a changed row names its person.
-- 2. The facts also copy reference data: a commune's zone d'emploi and a département's région. A change of
--    either (a COG update) now marks the persons whose facts carry it, instead of waiting for a rebuild.

-- The arguments of a trigger on steering_mark_rows:
--   (column)                         the rows' column is the person (person_id; person_key for the facts
--                                    transmitted by a département)
--   (column, parent, parent_column)  the person is the person_id of the parent rows whose parent_column is one
--                                    of the rows' column (an orientation transition → its orientation)
-- An update reads the old and the new rows: a row moved to another person or parent marks both. The
-- transition tables are visible to EXECUTE (PostgreSQL 15 and PGlite, both tested).
CREATE FUNCTION steering_mark_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keys text := format(CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT %1$I FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT %1$I FROM old_rows'
    ELSE 'SELECT %1$I FROM new_rows UNION SELECT %1$I FROM old_rows' END, TG_ARGV[0]);
BEGIN
  IF TG_NARGS = 3 THEN
    keys := format('SELECT person_id FROM %I WHERE %I IN (%s)', TG_ARGV[1], TG_ARGV[2], keys);
  END IF;
  EXECUTE format('SELECT steering_mark(ARRAY(%s))', keys);
  RETURN NULL;
END $$;

-- The argument of a trigger on steering_mark_territory is the column the facts copy from the reference row
-- (communes.zone_emploi_code, departements.region_code). Only the codes whose value is new, gone or changed
-- mark: the COG loader upserts every row at each new version, and a row rewritten unchanged marks nobody (a
-- first load on an empty base marks nobody either: nobody lives anywhere yet). A commune marks the persons who
-- live there and the transmitted facts that name it; a département, its persons, its pathways (their région
-- is the pathway's département's) and its transmitted facts. A TRUNCATE is not watched: rebuild after one.
CREATE FUNCTION steering_mark_territory() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text[];
BEGIN
  EXECUTE format(CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT array_agg(code) FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT array_agg(code) FROM old_rows'
    ELSE 'SELECT array_agg(DISTINCT code) FROM (
      (SELECT code, %1$I FROM new_rows EXCEPT SELECT code, %1$I FROM old_rows)
      UNION ALL (SELECT code, %1$I FROM old_rows EXCEPT SELECT code, %1$I FROM new_rows)) c' END, TG_ARGV[0])
  INTO changed;
  IF changed IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'communes' THEN
    PERFORM steering_mark(ARRAY(
      SELECT p.id FROM persons p JOIN unnest(changed) AS c(code) ON p.commune_code = c.code
      UNION SELECT x.person_key FROM external_parcours_facts x JOIN unnest(changed) AS c(code) ON x.commune_code = c.code));
  ELSE
    PERFORM steering_mark(ARRAY(
      SELECT p.id FROM persons p JOIN unnest(changed) AS c(code) ON p.departement = c.code
      UNION SELECT pa.person_id FROM parcours pa JOIN unnest(changed) AS c(code) ON pa.departement = c.code
      UNION SELECT x.person_key FROM external_parcours_facts x JOIN unnest(changed) AS c(code) ON x.departement = c.code));
  END IF;
  RETURN NULL;
END $$;

-- the old functions and their triggers (a trigger depends on its function only)
DROP FUNCTION steering_mark_by_person() CASCADE;
DROP FUNCTION steering_mark_external() CASCADE;
DROP FUNCTION steering_mark_orientation_transitions() CASCADE;
DROP FUNCTION steering_mark_contract_rows() CASCADE;
DROP FUNCTION steering_mark_diagnostic_versions() CASCADE;
DROP FUNCTION steering_mark_slots() CASCADE;

-- One trigger per table and event (PostgreSQL allows one event per trigger with transition tables), named as
-- before: <table>_steering_ins|upd|del.
DO $$
DECLARE
  w text[];
  ev text;
BEGIN
  -- table, events, function, its arguments
  FOREACH w SLICE 1 IN ARRAY ARRAY[
    ['parcours',                'INSERT UPDATE DELETE', 'steering_mark_rows',      'person_id'],
    ['orientations',            'INSERT UPDATE DELETE', 'steering_mark_rows',      'person_id'],
    ['follow_ups',              'INSERT UPDATE DELETE', 'steering_mark_rows',      'person_id'],
    ['contracts',               'INSERT UPDATE DELETE', 'steering_mark_rows',      'person_id'],
    ['diagnostics',             'INSERT UPDATE DELETE', 'steering_mark_rows',      'person_id'],
    ['appointments',            'INSERT UPDATE DELETE', 'steering_mark_rows',      'person_id'],
    ['external_parcours_facts', 'INSERT UPDATE DELETE', 'steering_mark_rows',      'person_key'],
    -- rows appended under a parent, and the slots of appointments (their date moves)
    ['orientation_transitions', 'INSERT',               'steering_mark_rows',      'orientation_id orientations id'],
    ['contract_versions',       'INSERT UPDATE',        'steering_mark_rows',      'contract_id contracts id'],
    ['contract_transitions',    'INSERT',               'steering_mark_rows',      'contract_id contracts id'],
    ['diagnostic_versions',     'INSERT',               'steering_mark_rows',      'diagnostic_id diagnostics id'],
    ['appointment_slots',       'UPDATE',               'steering_mark_rows',      'id appointments slot_id'],
    -- reference data copied into the facts
    ['communes',                'INSERT UPDATE DELETE', 'steering_mark_territory', 'zone_emploi_code'],
    ['departements',            'INSERT UPDATE DELETE', 'steering_mark_territory', 'region_code']
  ] LOOP
    FOREACH ev IN ARRAY string_to_array(w[2], ' ') LOOP
      EXECUTE format(
        'CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION %I(%s)',
        w[1] || '_steering_' || lower(left(ev, 3)), ev, w[1],
        CASE ev WHEN 'INSERT' THEN 'NEW TABLE AS new_rows' WHEN 'DELETE' THEN 'OLD TABLE AS old_rows'
          ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END,
        w[3],
        (SELECT string_agg(quote_literal(a), ', ' ORDER BY n)
         FROM unnest(string_to_array(w[4], ' ')) WITH ORDINALITY AS t(a, n)));
    END LOOP;
  END LOOP;
END $$;
