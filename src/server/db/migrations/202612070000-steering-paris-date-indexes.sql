-- Steering (bench/indicators): the cohort indicators select facts by their Paris calendar date. Indexes on
-- those expressions give the planner their statistics (without them it guesses a few hundred rows where a
-- month of a département holds thousands, and scans the whole country's slots before the territory) and a
-- range scan for the national figures.
CREATE INDEX appointment_slots_paris_date_idx ON appointment_slots (((starts_at AT TIME ZONE 'Europe/Paris')::date));
CREATE INDEX appointments_invited_paris_date_idx ON appointments (((invited_at AT TIME ZONE 'Europe/Paris')::date))
  WHERE invited_at IS NOT NULL;
CREATE INDEX contract_versions_signed_paris_date_idx ON contract_versions (((signed_at AT TIME ZONE 'Europe/Paris')::date))
  WHERE signed_at IS NOT NULL;
CREATE INDEX parcours_closed_paris_date_idx ON parcours (((closed_at AT TIME ZONE 'Europe/Paris')::date))
  WHERE closed_at IS NOT NULL;
