-- Follow-up (parcours.md §7.2–§7.4, §8): per-département settings of points d'étape and drop-out
-- detection, the points d'étape and cordes de rappel held, the qualified exit of a pathway, and the
-- answers of the person to the « suivi dans l'emploi » messages.

-- ⚙ pointEtape.frequenceMois, decrochage.sansContactSemaines, cordeRappel mois: a row overrides the
-- national defaults of shared/follow-up/follow-up.rules.ts for one département
CREATE TABLE follow_up_settings (
  departement text PRIMARY KEY,
  point_etape_months int CHECK (point_etape_months BETWEEN 1 AND 12),
  dropout_weeks int CHECK (dropout_weeks BETWEEN 1 AND 52),
  corde_de_rappel_months int CHECK (corde_de_rappel_months BETWEEN 1 AND 24),
  updated_at timestamptz NOT NULL
);

-- a point d'étape or a corde de rappel held with the person: closes the work item, moves the next date
CREATE TABLE follow_up_checkpoints (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  parcours_id uuid NOT NULL REFERENCES parcours (id),
  kind text NOT NULL CHECK (kind IN ('POINT_ETAPE', 'CORDE_DE_RAPPEL')),
  held_on date NOT NULL,
  outcome text CHECK (outcome IN ('MAINTIEN', 'REORIENTATION_DEMANDEE', 'INTENSIFICATION', 'SORTIE')),
  comment text,
  recorded_by uuid NOT NULL REFERENCES professionals (id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX follow_up_checkpoints_person_idx ON follow_up_checkpoints (person_id, kind, held_on);

-- the qualified exit (sortie) of a pathway, one per pathway; `job_start_date` for exits to employment
CREATE TABLE parcours_exits (
  id uuid PRIMARY KEY,
  parcours_id uuid NOT NULL UNIQUE REFERENCES parcours (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  motif text NOT NULL CHECK (motif IN ('EMPLOI', 'FORMATION_QUALIFIANTE', 'FIN_DROITS_RSA', 'DEMENAGEMENT',
    'AUTRE_DISPOSITIF', 'RADIATION_SANCTION', 'INJOIGNABLE', 'DECES', 'AUTRE')),
  detail text,
  exit_date date NOT NULL,
  job_start_date date,
  comment text,
  recorded_by uuid NOT NULL REFERENCES professionals (id),
  recorded_at timestamptz NOT NULL,
  CHECK ((motif = 'EMPLOI') = (job_start_date IS NOT NULL)),
  CHECK (motif <> 'AUTRE' OR comment IS NOT NULL)
);
CREATE INDEX parcours_exits_person_idx ON parcours_exits (person_id, recorded_at);

-- the person's answers to « Comment se passe votre emploi ? » (J+7, J+30, J+90)
CREATE TABLE job_follow_up_answers (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  exit_id uuid NOT NULL REFERENCES parcours_exits (id),
  slot text CHECK (slot IN ('1s', '1m', '3m')),
  answer text NOT NULL CHECK (answer IN ('TOUT_VA_BIEN', 'DIFFICULTE', 'PLUS_EN_POSTE')),
  comment text,
  answered_at timestamptz NOT NULL
);
CREATE INDEX job_follow_up_answers_person_idx ON job_follow_up_answers (person_id, answered_at);

-- work item types: every type so far (contracts, appointments) plus the follow-up ones
ALTER TABLE work_items DROP CONSTRAINT work_items_type_check;
ALTER TABLE work_items ADD CONSTRAINT work_items_type_check CHECK (type IN (
  'INSCRIPTION_ABANDONNEE', 'DOUBLON_A_EXAMINER', 'DIVERGENCE_DONNEES', 'CRITERES_ORIENTATION_A_COMPLETER',
  'DECISION_ORIENTATION_A_PRENDRE', 'ENTRETIEN_GIRATOIRE_A_PLANIFIER', 'PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE',
  'DEMANDE_REORIENTATION_A_EXAMINER', 'CONTRAT_A_REVISER', 'RDV_ABSENCE',
  'POINT_ETAPE_A_REALISER', 'CORDE_DE_RAPPEL', 'DECROCHAGE_A_TRAITER', 'RETOUR_EMPLOI_DIFFICULTE'));
