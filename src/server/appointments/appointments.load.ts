// Reads shared by the appointments use cases: the person's file scope, an appointment with its file, and
// the views an actor gets of slots and appointments. Use cases do not call each other.
import { appointmentsErrors } from "../../shared/appointments/appointments.errors";
import type { AppointmentView, SlotView } from "../../shared/appointments/appointments.schema";
import { canApplyAppointmentEvent } from "../../shared/appointments/appointments.status";
import type { Db } from "../db/connect";
import type { Actor } from "../kernel/access";
import type { PersonFileScope } from "../persons/persons.policy";
import { personsRepository } from "../persons/persons.repository";
import { appointmentsPolicy } from "./appointments.policy";
import { type AppointmentRecord, appointmentsRepository, type SlotRecord } from "./appointments.repository";

export async function fileOf(tx: Db, personId: string): Promise<PersonFileScope> {
  const file = await personsRepository.fileScope(tx, personId);
  if (!file) throw appointmentsErrors.personNotFound(personId);
  return file;
}

export async function loadAppointment(tx: Db, id: string) {
  const a = await appointmentsRepository.get(tx, id);
  if (!a) throw appointmentsErrors.notFound(id);
  return { a, file: await fileOf(tx, a.person_id) };
}

export const displayName = (p: { firstNames: string; usageName: string | null; birthName: string }) =>
  `${p.firstNames} ${p.usageName ?? p.birthName}`;

export function slotView(s: SlotRecord, bookings: SlotView["bookings"] = []): SlotView {
  return {
    id: s.id,
    structureId: s.structureId,
    professionalId: s.professionalId,
    professionalName: `${s.proFirstName} ${s.proLastName}`,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    capacity: s.capacity,
    bookedCount: s.bookedCount,
    reception: s.reception,
    title: s.title,
    modalite: s.modalite,
    address: s.address,
    bookings,
  };
}

/** Slots with who is booked on them (professionals' agenda). */
export async function slotViewsWithBookings(tx: Db, slots: SlotRecord[]): Promise<SlotView[]> {
  const bookings = await appointmentsRepository.bookingsOf(
    tx,
    slots.map((s) => s.id),
  );
  return slots.map((s) =>
    slotView(
      s,
      bookings
        .filter((b) => b.slotId === s.id)
        .map((b) => ({
          appointmentId: b.appointmentId,
          personId: b.personId,
          personName: displayName(b),
          purpose: b.purpose,
          status: b.status,
          version: b.version,
        })),
    ),
  );
}

export async function appointmentView(
  tx: Db,
  actor: Actor,
  a: AppointmentRecord,
  file: PersonFileScope,
  now: Date,
): Promise<AppointmentView> {
  const slot = a.slot_id ? await appointmentsRepository.slot(tx, a.slot_id) : undefined;
  const structure = await appointmentsRepository.structure(tx, a.structure_id);
  const person = await appointmentsRepository.person(tx, a.person_id);
  const started = slot ? slot.startsAt.getTime() <= now.getTime() : false;
  const actions: AppointmentView["actions"] = [];
  if (canApplyAppointmentEvent(a.status, "book") && appointmentsPolicy.book(actor, file))
    actions.push("book");
  if (
    canApplyAppointmentEvent(a.status, "cancel") &&
    !started &&
    appointmentsPolicy.cancel(actor, file, a.structure_id)
  )
    actions.push("cancel");
  if (a.status === "PLANIFIE" && appointmentsPolicy.recordAttendance(actor, a.structure_id))
    actions.push("record_attendance");
  return {
    id: a.id,
    personId: a.person_id,
    personName: person ? displayName(person) : "",
    structureId: a.structure_id,
    structureName: structure?.name ?? "",
    purpose: a.purpose,
    status: a.status,
    version: a.version,
    slot: slot ? (({ bookings: _, ...rest }) => rest)(slotView(slot)) : null,
    invitedAt: a.invited_at?.toISOString() ?? null,
    invitationExpiresOn: a.invitation_expires_on,
    bookedByKind: a.booked_by_kind,
    bookedAt: a.booked_at?.toISOString() ?? null,
    cancelledAt: a.cancelled_at?.toISOString() ?? null,
    cancelReason: a.cancel_reason,
    actions,
  };
}

export async function reloadView(tx: Db, actor: Actor, id: string, now: Date) {
  const { a, file } = await loadAppointment(tx, id);
  return appointmentView(tx, actor, a, file, now);
}
