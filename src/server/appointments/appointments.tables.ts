import type { Generated } from "kysely";
import type {
  AppointmentPurpose,
  SlotModalite,
  SlotReception,
} from "../../shared/appointments/appointments.schema";
import type { AppointmentStatus } from "../../shared/appointments/appointments.status";

export interface AppointmentSlotsTable {
  id: string;
  structure_id: string;
  professional_id: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  booked_count: Generated<number>;
  reception: SlotReception;
  title: string | null;
  modalite: SlotModalite;
  address: string | null;
  series_id: string | null;
  created_by: string | null;
  created_at: Date;
}
export interface AppointmentsTable {
  id: string;
  person_id: string;
  structure_id: string;
  slot_id: string | null;
  purpose: AppointmentPurpose;
  status: AppointmentStatus;
  invited_by: string | null;
  invited_at: Date | null;
  invitation_expires_on: string | null;
  booked_by_kind: "person" | "professional" | null;
  booked_by: string | null;
  booked_at: Date | null;
  cancelled_by_kind: "person" | "professional" | "system" | null;
  cancelled_by: string | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  attendance_recorded_by: string | null;
  attendance_recorded_at: Date | null;
  ics_sequence: Generated<number>;
  version: Generated<number>;
  created_at: Date;
  updated_at: Date;
}
export interface AppointmentTransitionsTable {
  id: Generated<string>;
  appointment_id: string;
  from_status: string | null;
  to_status: string;
  event: string;
  actor_kind: string;
  actor_id: string | null;
  reason: string | null;
  at: Date;
}
export interface AppointmentsTables {
  appointment_slots: AppointmentSlotsTable;
  appointments: AppointmentsTable;
  appointment_transitions: AppointmentTransitionsTable;
}
