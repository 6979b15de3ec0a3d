-- The référent's answer to a difficulty the person reported in their job (« suivi dans l'emploi »,
-- parcours.md §8.2): « Difficulté traitée » with a short note of what was done closes the work item
-- RETOUR_EMPLOI_DIFFICULTE. Every outcome is kept, next to the person's answers.
CREATE TABLE job_difficulty_outcomes (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  -- the exit to employment the « suivi dans l'emploi » is about
  exit_id uuid REFERENCES parcours_exits (id),
  -- the RETOUR_EMPLOI_DIFFICULTE item it closed
  work_item_id uuid NOT NULL REFERENCES work_items (id),
  note text NOT NULL CHECK (length(note) BETWEEN 1 AND 1000),
  recorded_by uuid NOT NULL REFERENCES professionals (id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX job_difficulty_outcomes_person_idx ON job_difficulty_outcomes (person_id, recorded_at);
