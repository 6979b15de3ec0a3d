-- Steering (pilotage.md): the indicators are computed on the live tables through the fact views of
-- db/views (ind_pathways, ind_orientations, ind_contract_signatures, ind_diagnostic_actions), re-created at
-- every migration. This migration adds the indexes their aggregations by date and territory read.
CREATE INDEX parcours_t0_idx ON parcours (t0_date, departement);
CREATE INDEX orientations_parcours_idx ON orientations (parcours_id) WHERE decision IS NOT NULL;
CREATE INDEX contracts_person_idx ON contracts (person_id);
CREATE INDEX follow_ups_referent_person_idx ON follow_ups (person_id) WHERE role = 'referent';
