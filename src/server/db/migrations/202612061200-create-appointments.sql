-- Appointments (parcours.md §4): the agenda's slots per structure and professional, the appointments of
-- persons (an invitation to choose a slot, then a booked appointment whose attendance is recorded), and
-- the log of their transitions (table in shared/appointments/appointments.status.ts). `booked_count` is
-- moved by a guarded UPDATE (booked_count < capacity): two persons booking the last place are serialised
-- by the row lock, and the second one gets no row back.
CREATE TABLE appointment_slots (
  id uuid PRIMARY KEY,
  structure_id uuid NOT NULL REFERENCES structures (id),
  professional_id uuid NOT NULL REFERENCES professionals (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity int NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 50),
  booked_count int NOT NULL DEFAULT 0,
  reception text NOT NULL CHECK (reception IN ('INDIVIDUEL', 'COLLECTIF')),
  title text,
  modalite text NOT NULL CHECK (modalite IN ('SUR_PLACE', 'TELEPHONE', 'VISIO')),
  address text,
  -- the slots created together as a weekly series
  series_id uuid,
  created_by uuid REFERENCES professionals (id),
  created_at timestamptz NOT NULL,
  CHECK (ends_at > starts_at),
  CHECK (booked_count >= 0 AND booked_count <= capacity),
  CHECK (reception = 'COLLECTIF' OR capacity = 1),
  CHECK (reception = 'INDIVIDUEL' OR title IS NOT NULL)
);
CREATE INDEX appointment_slots_structure_idx ON appointment_slots (structure_id, starts_at);
CREATE INDEX appointment_slots_professional_idx ON appointment_slots (professional_id, starts_at);

CREATE TABLE appointments (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  -- the structure that invites or convokes (its slots are the ones offered)
  structure_id uuid NOT NULL REFERENCES structures (id),
  slot_id uuid REFERENCES appointment_slots (id),
  purpose text NOT NULL CHECK (purpose IN ('PREMIER_RDV_ACCOMPAGNEMENT', 'SUIVI', 'POINT_ETAPE', 'COLLECTIF')),
  status text NOT NULL CHECK (status IN ('INVITE', 'PLANIFIE', 'HONORE', 'ABSENT', 'EXCUSE', 'ANNULE')),
  invited_by uuid REFERENCES professionals (id),
  invited_at timestamptz,
  invitation_expires_on date,
  -- who booked: the person online, or a professional (a convocation)
  booked_by_kind text CHECK (booked_by_kind IN ('person', 'professional')),
  booked_by text,
  booked_at timestamptz,
  cancelled_by_kind text CHECK (cancelled_by_kind IN ('person', 'professional', 'system')),
  cancelled_by text,
  cancelled_at timestamptz,
  cancel_reason text,
  attendance_recorded_by uuid REFERENCES professionals (id),
  attendance_recorded_at timestamptz,
  -- SEQUENCE of the calendar (.ics) event, incremented on every change sent to the person
  ics_sequence int NOT NULL DEFAULT 0,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (status = 'INVITE' OR status = 'ANNULE' OR slot_id IS NOT NULL)
);
CREATE INDEX appointments_person_idx ON appointments (person_id, created_at);
CREATE INDEX appointments_slot_idx ON appointments (slot_id);
-- one pending invitation per person and motif
CREATE UNIQUE INDEX appointments_one_invitation ON appointments (person_id, purpose) WHERE status = 'INVITE';
-- a person holds a place in a slot at most once
CREATE UNIQUE INDEX appointments_one_place ON appointments (slot_id, person_id) WHERE status = 'PLANIFIE';

CREATE TABLE appointment_transitions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  appointment_id uuid NOT NULL REFERENCES appointments (id),
  from_status text,
  to_status text NOT NULL,
  event text NOT NULL,
  actor_kind text NOT NULL,
  actor_id text,
  reason text,
  at timestamptz NOT NULL
);
CREATE INDEX appointment_transitions_appointment_idx ON appointment_transitions (appointment_id, id);

-- an unexcused absence opens a follow-up item for the référent's structure
ALTER TABLE work_items DROP CONSTRAINT work_items_type_check;
ALTER TABLE work_items ADD CONSTRAINT work_items_type_check CHECK (type IN (
  'INSCRIPTION_ABANDONNEE', 'DOUBLON_A_EXAMINER', 'DIVERGENCE_DONNEES', 'CRITERES_ORIENTATION_A_COMPLETER',
  'DECISION_ORIENTATION_A_PRENDRE', 'ENTRETIEN_GIRATOIRE_A_PLANIFIER', 'PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE',
  'DEMANDE_REORIENTATION_A_EXAMINER', 'CONTRAT_A_REVISER', 'RDV_ABSENCE'));
