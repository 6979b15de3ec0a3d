-- Steering facts maintained on write (ADR 0005). The views of db/views (ind_*) stay the definition of every
-- fact; these tables hold their rows, person by person, with the few look-ups the dashboards would otherwise
-- repeat (first appointment held after a date) and the stock of open pathways as segments of constant state.
-- Triggers mark the persons whose source rows change (steering_dirty_persons); steering/steering.facts.ts
-- recomputes their facts from the views before a dashboard is computed and every minute in the background.
-- No name, no identifier other than internal UUIDs.

-- the persons whose facts are to be recomputed; `marked` changes at each new write, so a refresh that read
-- an older mark does not forget a write it did not see
CREATE SEQUENCE steering_dirty_marks;
CREATE TABLE steering_dirty_persons (
  person_id uuid PRIMARY KEY,
  marked bigint NOT NULL DEFAULT nextval('steering_dirty_marks')
);

-- ind_pathways, with the first appointment held on or after T0 (IND-V3-M2-N) and the first accompaniment
-- appointment held on or after the orientation (OPS-04)
CREATE TABLE steering_pathway_facts (
  parcours_id uuid NOT NULL,
  person_id uuid NOT NULL,
  departement text,
  region_code text,
  zone_emploi_code text,
  new_entrant boolean,
  t0_date date,
  opened_date date,
  closed_date date,
  exit_reason text,
  oriented_date date,
  first_parcours_type text,
  first_organisme text,
  first_structure_id uuid,
  first_held_date date,
  first_accompaniment_date date,
  source text NOT NULL
);
CREATE INDEX steering_pathway_facts_person_idx ON steering_pathway_facts (person_id);
CREATE INDEX steering_pathway_facts_dep_t0_idx ON steering_pathway_facts (departement, t0_date);
CREATE INDEX steering_pathway_facts_dep_closed_idx ON steering_pathway_facts (departement, closed_date) WHERE closed_date IS NOT NULL;
CREATE INDEX steering_pathway_facts_dep_oriented_idx ON steering_pathway_facts (departement, oriented_date) WHERE oriented_date IS NOT NULL;
CREATE INDEX steering_pathway_facts_reg_t0_idx ON steering_pathway_facts (region_code, t0_date);
CREATE INDEX steering_pathway_facts_ze_t0_idx ON steering_pathway_facts (zone_emploi_code, t0_date);
-- the nation's figures: by date alone
CREATE INDEX steering_pathway_facts_t0_idx ON steering_pathway_facts (t0_date);
CREATE INDEX steering_pathway_facts_closed_idx ON steering_pathway_facts (closed_date) WHERE closed_date IS NOT NULL;
CREATE INDEX steering_pathway_facts_oriented_idx ON steering_pathway_facts (oriented_date) WHERE oriented_date IS NOT NULL;

-- the stock of open pathways (IND-V3-M1, M3, M3-ORG, SOC-CER, M5): for each pathway, the days it was open cut
-- into segments [from_date, to_date) over which the orientation in force, the signed contract in force (and
-- its weekly hours) and the named référent do not change; to_date null while it lasts
CREATE TABLE steering_stock_segments (
  parcours_id uuid NOT NULL,
  person_id uuid NOT NULL,
  departement text,
  region_code text,
  zone_emploi_code text,
  from_date date NOT NULL,
  to_date date,
  parcours_type text,
  organisme text,
  structure_id uuid,
  with_contract boolean NOT NULL,
  with_referent boolean NOT NULL,
  programme_hours numeric
);
CREATE INDEX steering_stock_segments_person_idx ON steering_stock_segments (person_id);
CREATE INDEX steering_stock_segments_dep_idx ON steering_stock_segments (departement, from_date);
CREATE INDEX steering_stock_segments_reg_idx ON steering_stock_segments (region_code, from_date);
CREATE INDEX steering_stock_segments_ze_idx ON steering_stock_segments (zone_emploi_code, from_date);

-- ind_contract_signatures (IND-V3-M1c)
CREATE TABLE steering_signature_facts (
  contract_id uuid NOT NULL,
  person_id uuid NOT NULL,
  numero int NOT NULL,
  signed_date date,
  departement text,
  region_code text,
  zone_emploi_code text
);
CREATE INDEX steering_signature_facts_person_idx ON steering_signature_facts (person_id);
CREATE INDEX steering_signature_facts_dep_idx ON steering_signature_facts (departement, signed_date);
CREATE INDEX steering_signature_facts_reg_idx ON steering_signature_facts (region_code, signed_date);
CREATE INDEX steering_signature_facts_ze_idx ON steering_signature_facts (zone_emploi_code, signed_date);
CREATE INDEX steering_signature_facts_date_idx ON steering_signature_facts (signed_date);

-- ind_diagnostic_actions, with the first accompaniment appointment held on or after the diagnostic (IND-V3-M4)
CREATE TABLE steering_diagnostic_facts (
  person_id uuid NOT NULL,
  departement text,
  region_code text,
  zone_emploi_code text,
  first_diagnostic_date date NOT NULL,
  first_action_date date,
  first_accompaniment_date date
);
CREATE INDEX steering_diagnostic_facts_person_idx ON steering_diagnostic_facts (person_id);
CREATE INDEX steering_diagnostic_facts_dep_idx ON steering_diagnostic_facts (departement, first_diagnostic_date);
CREATE INDEX steering_diagnostic_facts_reg_idx ON steering_diagnostic_facts (region_code, first_diagnostic_date);
CREATE INDEX steering_diagnostic_facts_ze_idx ON steering_diagnostic_facts (zone_emploi_code, first_diagnostic_date);
CREATE INDEX steering_diagnostic_facts_date_idx ON steering_diagnostic_facts (first_diagnostic_date);

-- ind_appointments (OPS-01, OPS-02, and the look-ups above)
CREATE TABLE steering_appointment_facts (
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  status text NOT NULL,
  purpose text,
  appointment_date date,
  invited_date date,
  booked_date date,
  departement text,
  region_code text,
  zone_emploi_code text
);
CREATE INDEX steering_appointment_facts_person_idx ON steering_appointment_facts (person_id, appointment_date) WHERE status = 'HONORE';
CREATE INDEX steering_appointment_facts_person_all_idx ON steering_appointment_facts (person_id);
CREATE INDEX steering_appointment_facts_dep_date_idx ON steering_appointment_facts (departement, appointment_date);
CREATE INDEX steering_appointment_facts_dep_invited_idx ON steering_appointment_facts (departement, invited_date) WHERE invited_date IS NOT NULL;
CREATE INDEX steering_appointment_facts_reg_date_idx ON steering_appointment_facts (region_code, appointment_date);
CREATE INDEX steering_appointment_facts_ze_date_idx ON steering_appointment_facts (zone_emploi_code, appointment_date);
CREATE INDEX steering_appointment_facts_date_idx ON steering_appointment_facts (appointment_date);
CREATE INDEX steering_appointment_facts_invited_idx ON steering_appointment_facts (invited_date) WHERE invited_date IS NOT NULL;

-- Marking. Statement-level triggers read the changed rows once (transition tables), whatever their number
-- (a CAF flow writes thousands in one statement). PostgreSQL allows one event per trigger with transition
-- tables, hence three triggers per table.
CREATE FUNCTION steering_mark(persons uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO steering_dirty_persons (person_id)
  SELECT DISTINCT p FROM unnest(persons) AS p WHERE p IS NOT NULL ORDER BY p
  ON CONFLICT (person_id) DO UPDATE SET marked = nextval('steering_dirty_marks')
$$;

-- tables with a person_id column
CREATE FUNCTION steering_mark_by_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM steering_mark(ARRAY(SELECT person_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM steering_mark(ARRAY(SELECT person_id FROM new_rows UNION SELECT person_id FROM old_rows));
  ELSE
    PERFORM steering_mark(ARRAY(SELECT person_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['parcours', 'orientations', 'follow_ups', 'contracts', 'diagnostics', 'appointments'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION steering_mark_by_person()', t || '_steering_ins', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION steering_mark_by_person()', t || '_steering_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION steering_mark_by_person()', t || '_steering_del', t);
  END LOOP;
END $$;

-- the facts transmitted by a département (liste minimale): the person is its person_key
CREATE FUNCTION steering_mark_external() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM steering_mark(ARRAY(SELECT person_key FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM steering_mark(ARRAY(SELECT person_key FROM new_rows UNION SELECT person_key FROM old_rows));
  ELSE
    PERFORM steering_mark(ARRAY(SELECT person_key FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER external_parcours_facts_steering_ins AFTER INSERT ON external_parcours_facts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION steering_mark_external();
CREATE TRIGGER external_parcours_facts_steering_upd AFTER UPDATE ON external_parcours_facts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION steering_mark_external();
CREATE TRIGGER external_parcours_facts_steering_del AFTER DELETE ON external_parcours_facts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION steering_mark_external();

-- rows that name their person through a parent: orientation transitions, contract versions and transitions,
-- diagnostic versions (new rows only: they are appended), and the slots of appointments (their date moves)
CREATE FUNCTION steering_mark_orientation_transitions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM steering_mark(ARRAY(SELECT o.person_id FROM orientations o WHERE o.id IN (SELECT orientation_id FROM new_rows)));
  RETURN NULL;
END $$;
CREATE TRIGGER orientation_transitions_steering_ins AFTER INSERT ON orientation_transitions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION steering_mark_orientation_transitions();

CREATE FUNCTION steering_mark_contract_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM steering_mark(ARRAY(SELECT c.person_id FROM contracts c WHERE c.id IN (SELECT contract_id FROM new_rows)));
  RETURN NULL;
END $$;
CREATE TRIGGER contract_versions_steering_ins AFTER INSERT ON contract_versions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION steering_mark_contract_rows();
CREATE TRIGGER contract_versions_steering_upd AFTER UPDATE ON contract_versions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION steering_mark_contract_rows();
CREATE TRIGGER contract_transitions_steering_ins AFTER INSERT ON contract_transitions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION steering_mark_contract_rows();

CREATE FUNCTION steering_mark_diagnostic_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM steering_mark(ARRAY(SELECT d.person_id FROM diagnostics d WHERE d.id IN (SELECT diagnostic_id FROM new_rows)));
  RETURN NULL;
END $$;
CREATE TRIGGER diagnostic_versions_steering_ins AFTER INSERT ON diagnostic_versions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION steering_mark_diagnostic_versions();

CREATE FUNCTION steering_mark_slots() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM steering_mark(ARRAY(SELECT a.person_id FROM appointments a WHERE a.slot_id IN (SELECT id FROM new_rows)));
  RETURN NULL;
END $$;
CREATE TRIGGER appointment_slots_steering_upd AFTER UPDATE ON appointment_slots
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION steering_mark_slots();

-- a person's territory (département, residence commune) is copied into their facts
CREATE FUNCTION steering_mark_person_territory() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM steering_mark(ARRAY[NEW.id]);
  RETURN NULL;
END $$;
CREATE TRIGGER persons_steering_territory AFTER UPDATE ON persons FOR EACH ROW
  WHEN (OLD.departement IS DISTINCT FROM NEW.departement OR OLD.commune_code IS DISTINCT FROM NEW.commune_code)
  EXECUTE FUNCTION steering_mark_person_territory();

-- what exists before this migration: every person with a source row is to be computed (the server's
-- background refresher, `socle pilotage actualiser` or the first dashboard does it)
INSERT INTO steering_dirty_persons (person_id)
SELECT person_id FROM parcours
UNION SELECT person_id FROM appointments
UNION SELECT person_id FROM diagnostics
UNION SELECT person_id FROM contracts
UNION SELECT person_id FROM follow_ups WHERE role = 'referent'
UNION SELECT person_key FROM external_parcours_facts;
