-- ⚙ suivi.veilleMaxMois (parcours.md §2.4), named suspension_cloture_mois in pilotage.md (IND-V2-01): after how
-- many months on hold (veille) or with a suspended right a follow-up is over. Beyond it the nightly run closes
-- the pathway and a return is a new entrant; up to it (included) the same référent resumes. A département's
-- row overrides the national default of shared/imports/new-entrant.ts (12 months); NULL keeps it.
ALTER TABLE follow_up_settings
  ADD COLUMN closure_months int CHECK (closure_months BETWEEN 1 AND 36);
