-- Entry into the pathway: parcours (T0, follow-up status), orientations with their transition log,
-- and typed work items (activités opérationnelles).

CREATE TABLE parcours (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  departement text NOT NULL,
  -- T0: date the département received the CAF/MSA notification (or registration date)
  t0_date date NOT NULL,
  statut_suivi text NOT NULL CHECK (statut_suivi IN ('A_ORIENTER', 'ACTIF', 'EN_VEILLE', 'CLOS')),
  origine text NOT NULL CHECK (origine IN ('INSCRIPTION_AUTO_CAF', 'INSCRIPTION_CONSEILLER_CD', 'INSCRIPTION_VOLONTAIRE', 'STOCK')),
  opened_at timestamptz NOT NULL,
  veille_since date,
  closed_at timestamptz,
  exit_reason text,
  version integer NOT NULL DEFAULT 1,
  CHECK ((statut_suivi = 'CLOS') = (closed_at IS NOT NULL))
);
CREATE UNIQUE INDEX parcours_one_open_per_person ON parcours (person_id) WHERE statut_suivi <> 'CLOS';
CREATE INDEX parcours_departement_idx ON parcours (departement, statut_suivi);

CREATE TABLE orientations (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  parcours_id uuid NOT NULL REFERENCES parcours (id),
  etat text NOT NULL CHECK (etat IN ('BROUILLON', 'EN_ATTENTE', 'OUVERT', 'CLOTURE')),
  statut text CHECK (statut IN ('PRECONISE', 'DECIDE')),
  origine text NOT NULL CHECK (origine IN ('INSCRIPTION_AUTO_CAF', 'INSCRIPTION_CONSEILLER_CD', 'INSCRIPTION_VOLONTAIRE', 'REORIENTATION')),
  -- criteria as collected (partial while BROUILLON) and the recommendation with the rule that fired
  criteria jsonb NOT NULL DEFAULT '{}',
  recommendation jsonb,
  rules_version text,
  -- the human decision (PS-22)
  decision text CHECK (decision IN ('ACCEPTEE', 'REFUSEE')),
  decided_by uuid REFERENCES professionals (id),
  decided_at timestamptz,
  organisme_decision text CHECK (organisme_decision IN ('CD', 'FT')),
  motif_refus text,
  commentaire_refus text,
  parcours_retenu text CHECK (parcours_retenu IN ('PRO', 'SOCIO_PRO', 'SOCIAL')),
  organisme_retenu text CHECK (organisme_retenu IN ('FT', 'ML', 'CAP_EMPLOI', 'CD')),
  structure_id uuid REFERENCES structures (id),
  notified_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CHECK (etat = 'CLOTURE' OR (etat = 'OUVERT') = (decision IS NOT NULL)),
  CHECK (decision IS NULL OR (decided_by IS NOT NULL AND decided_at IS NOT NULL AND parcours_retenu IS NOT NULL AND organisme_retenu IS NOT NULL)),
  CHECK (decision <> 'REFUSEE' OR motif_refus IS NOT NULL)
);
CREATE UNIQUE INDEX orientations_one_open_per_person ON orientations (person_id) WHERE etat = 'OUVERT';
CREATE UNIQUE INDEX orientations_one_pending_per_person ON orientations (person_id) WHERE etat IN ('BROUILLON', 'EN_ATTENTE');

-- every state change, for the history of (re-)orientations and the indicators
CREATE TABLE orientation_transitions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  orientation_id uuid NOT NULL REFERENCES orientations (id),
  from_etat text,
  to_etat text NOT NULL,
  event text NOT NULL,
  actor_kind text NOT NULL,
  actor_id text,
  at timestamptz NOT NULL,
  reason text
);
CREATE INDEX orientation_transitions_orientation_idx ON orientation_transitions (orientation_id, id);

CREATE TABLE work_items (
  id uuid PRIMARY KEY,
  type text NOT NULL CHECK (type IN (
    'INSCRIPTION_ABANDONNEE', 'DOUBLON_A_EXAMINER', 'DIVERGENCE_DONNEES', 'CRITERES_ORIENTATION_A_COMPLETER',
    'DECISION_ORIENTATION_A_PRENDRE', 'ENTRETIEN_GIRATOIRE_A_PLANIFIER', 'PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE',
    'DEMANDE_REORIENTATION_A_EXAMINER')),
  person_id uuid NOT NULL REFERENCES persons (id),
  -- the subject the item is about (an orientation, a request…), so one item per type, person and subject
  subject_id uuid,
  departement text NOT NULL,
  structure_id uuid REFERENCES structures (id),
  assignee_id uuid REFERENCES professionals (id),
  status text NOT NULL CHECK (status IN ('A_FAIRE', 'EN_COURS', 'FAIT', 'ANNULE')),
  created_at timestamptz NOT NULL,
  due_date date NOT NULL,
  due_soon_date date NOT NULL,
  closed_at timestamptz,
  CHECK (due_soon_date <= due_date)
);
CREATE UNIQUE INDEX work_items_one_open ON work_items (type, person_id, COALESCE(subject_id, '00000000-0000-0000-0000-000000000000'::uuid))
  WHERE status IN ('A_FAIRE', 'EN_COURS');
CREATE INDEX work_items_queue_idx ON work_items (departement, type, status, due_date);
CREATE INDEX work_items_structure_idx ON work_items (structure_id, status, due_date);
