-- The single contrat d'engagement (parcours.md §6): one contract per person, its versions (each signed or
-- refused as a whole, none ever deleted), and the log of its state transitions (table in
-- shared/contract/contract.status.ts). `version` is the optimistic-lock counter of the contract row.
CREATE TABLE contracts (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  state text NOT NULL CHECK (state IN ('A_SIGNER', 'SIGNE', 'REFUSE', 'SUSPENDU', 'CLOTURE')),
  -- the state a suspension interrupted (restored on re-registration)
  previous_state text CHECK (previous_state IN ('A_SIGNER', 'SIGNE', 'REFUSE')),
  current_version int NOT NULL,
  version int NOT NULL DEFAULT 1,
  created_by uuid REFERENCES professionals (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- one contract per person while it is not closed
CREATE UNIQUE INDEX contracts_one_per_person ON contracts (person_id) WHERE state <> 'CLOTURE';

CREATE TABLE contract_versions (
  contract_id uuid NOT NULL REFERENCES contracts (id),
  numero int NOT NULL CHECK (numero >= 1),
  motif text NOT NULL CHECK (motif IN ('INITIAL', 'REVISION', 'REORIENTATION', 'CHANGEMENT_DISPOSITIF', 'OFFRE_EMPLOI', 'AUTRE')),
  content jsonb NOT NULL,
  state text NOT NULL CHECK (state IN ('A_SIGNER', 'SIGNE', 'REFUSE', 'REMPLACEE')),
  signed_at timestamptz,
  refused_at timestamptz,
  refusal_reason text,
  signature_mode text CHECK (signature_mode IN ('ELECTRONIQUE', 'PAPIER')),
  -- who recorded the signature or refusal: the person (in their space) or a professional (in person)
  recorded_by_kind text CHECK (recorded_by_kind IN ('person', 'professional')),
  recorded_by text,
  created_by uuid REFERENCES professionals (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (contract_id, numero)
);

CREATE TABLE contract_transitions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  contract_id uuid NOT NULL REFERENCES contracts (id),
  from_state text,
  to_state text NOT NULL,
  event text NOT NULL,
  actor_kind text NOT NULL,
  actor_id text,
  at timestamptz NOT NULL
);
CREATE INDEX contract_transitions_contract_idx ON contract_transitions (contract_id, id);

-- the « clause de revoyure »: a signed contract is reviewed at least every 6 months
ALTER TABLE work_items DROP CONSTRAINT work_items_type_check;
ALTER TABLE work_items ADD CONSTRAINT work_items_type_check CHECK (type IN (
  'INSCRIPTION_ABANDONNEE', 'DOUBLON_A_EXAMINER', 'DIVERGENCE_DONNEES', 'CRITERES_ORIENTATION_A_COMPLETER',
  'DECISION_ORIENTATION_A_PRENDRE', 'ENTRETIEN_GIRATOIRE_A_PLANIFIER', 'PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE',
  'DEMANDE_REORIENTATION_A_EXAMINER', 'CONTRAT_A_REVISER'));
