// The lifecycle of an appointment as a table (parcours.md §4): one literal object drives the server's
// check, the actions the web app offers, and the tests. An invitation (INVITE) asks the person to choose a
// slot; booking it, by the person online or by a professional (a convocation), makes it PLANIFIE; the
// professional then records the attendance (HONORE, ABSENT, EXCUSE). Either side may cancel before.
import { ConflictError } from "../kernel/errors";

export const appointmentStatuses = ["INVITE", "PLANIFIE", "HONORE", "ABSENT", "EXCUSE", "ANNULE"] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export const appointmentStatusLabels: Record<AppointmentStatus, string> = {
  INVITE: "invitation en attente de réponse",
  PLANIFIE: "planifié",
  HONORE: "honoré (présent·e)",
  ABSENT: "absence non excusée",
  EXCUSE: "absence excusée",
  ANNULE: "annulé",
};

export const appointmentEvents = [
  "book",
  "cancel",
  "record_present",
  "record_absent",
  "record_excused",
] as const;
export type AppointmentEvent = (typeof appointmentEvents)[number];

export const appointmentTransitions = {
  INVITE: { book: "PLANIFIE", cancel: "ANNULE" },
  PLANIFIE: {
    cancel: "ANNULE",
    record_present: "HONORE",
    record_absent: "ABSENT",
    record_excused: "EXCUSE",
  },
  HONORE: {},
  ABSENT: {},
  EXCUSE: {},
  ANNULE: {},
} as const satisfies Record<AppointmentStatus, Partial<Record<AppointmentEvent, AppointmentStatus>>>;

/** How an appointment starts: an invitation to choose a slot, or a convocation on a fixed slot. */
export const initialAppointmentStatus = { invite: "INVITE", convoke: "PLANIFIE" } as const;

/** The attendance a professional records, and the event that records it. */
export const attendanceStatuses = ["HONORE", "ABSENT", "EXCUSE"] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const attendanceEvent: Record<AttendanceStatus, AppointmentEvent> = {
  HONORE: "record_present",
  ABSENT: "record_absent",
  EXCUSE: "record_excused",
};
export const attendanceLabels: Record<AttendanceStatus, string> = {
  HONORE: "Présent·e",
  ABSENT: "Absent·e",
  EXCUSE: "Excusé·e",
};

export function canApplyAppointmentEvent(status: AppointmentStatus, event: AppointmentEvent): boolean {
  return event in appointmentTransitions[status];
}

export function nextAppointmentStatus(status: AppointmentStatus, event: AppointmentEvent): AppointmentStatus {
  const to = (appointmentTransitions[status] as Partial<Record<AppointmentEvent, AppointmentStatus>>)[event];
  if (!to)
    throw new ConflictError(
      "appointments.transition_not_allowed",
      `Cette action n'est pas possible : le rendez-vous est à l'état « ${appointmentStatusLabels[status]} ».`,
      { status, event },
    );
  return to;
}

/** The events the web app may offer in a status. */
export const allowedAppointmentEvents = (status: AppointmentStatus): AppointmentEvent[] =>
  appointmentEvents.filter((e) => canApplyAppointmentEvent(status, e));
