// The appointment as a calendar event (.ics, RFC 5545) with the maintained `ics` package (parcours.md
// §4.2 item 7): a stable UID per appointment, SEQUENCE incremented on every change, METHOD:REQUEST for a
// booked appointment and METHOD:CANCEL once cancelled. The DTSTAMP comes from the injected clock.
import { createEvent, type EventAttributes } from "ics";
import {
  type AppointmentPurpose,
  appointmentPurposeLabels,
} from "../../shared/appointments/appointments.schema";
import { type MessageSlot, whereText } from "./appointments.messages";

export type CalendarData = {
  appointmentId: string;
  sequence: number;
  cancelled: boolean;
  purpose: AppointmentPurpose;
  structureName: string;
  structureEmail: string | null;
  slot: MessageSlot;
  spaceUrl: string;
};

export const calendarUid = (appointmentId: string) => `${appointmentId}@rendez-vous.socle`;

export function appointmentCalendar(d: CalendarData, now: Date): string {
  const title = d.slot.title
    ? `${appointmentPurposeLabels[d.purpose]} : ${d.slot.title}`
    : `${appointmentPurposeLabels[d.purpose]} — ${d.structureName}`;
  const attributes: EventAttributes & { timestamp: number } = {
    productId: "socle/rendez-vous",
    method: d.cancelled ? "CANCEL" : "REQUEST",
    uid: calendarUid(d.appointmentId),
    sequence: d.sequence,
    timestamp: now.getTime(),
    start: d.slot.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: d.slot.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title,
    description: `Avec ${d.slot.professionalName} (${d.structureName}), ${whereText(d.slot, d.structureName)}. Votre espace personnel : ${d.spaceUrl}`,
    location:
      d.slot.modalite === "SUR_PLACE"
        ? (d.slot.address ?? d.structureName)
        : whereText(d.slot, d.structureName),
    status: d.cancelled ? "CANCELLED" : "CONFIRMED",
    busyStatus: "BUSY",
    ...(d.structureEmail ? { organizer: { name: d.structureName, email: d.structureEmail } } : {}),
    alarms: d.cancelled
      ? []
      : [{ action: "display", description: "Rendez-vous demain", trigger: { hours: 24, before: true } }],
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error("ics: no calendar produced");
  return value;
}

export const calendarFilename = "rendez-vous.ics";
