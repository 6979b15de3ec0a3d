// Booking a place, shared by the person's online booking, a professional's booking of an invitation and a
// direct convocation: the slot must be of the appointment's structure, not started, and still have a place.
// The place is taken by a guarded UPDATE (appointmentsRepository.takePlace): under concurrency, the second
// person to book the last place gets the French « slot full » conflict.
import { appointmentsErrors } from "../../shared/appointments/appointments.errors";
import type { Db } from "../db/connect";
import { workItemsRepository } from "../work-items/work-items.repository";
import { appointmentsRepository, type SlotRecord } from "./appointments.repository";

export async function takePlaceFor(
  tx: Db,
  b: { slotId: string; structureId: string; personId: string; now: Date },
): Promise<SlotRecord> {
  const slot = await appointmentsRepository.slot(tx, b.slotId);
  if (!slot) throw appointmentsErrors.slotNotFound(b.slotId);
  if (slot.structureId !== b.structureId) throw appointmentsErrors.slotOtherStructure(b.slotId);
  if (slot.startsAt.getTime() <= b.now.getTime()) throw appointmentsErrors.slotPast(b.slotId);
  if (await appointmentsRepository.holdsPlace(tx, b.slotId, b.personId))
    throw appointmentsErrors.alreadyBooked(b.slotId);
  if (!(await appointmentsRepository.takePlace(tx, b.slotId))) throw appointmentsErrors.slotFull(b.slotId);
  return slot;
}

/** Booking the first accompaniment appointment closes the structure's « 1er RDV à prendre » item. */
export async function closeFirstAppointmentItem(tx: Db, a: { personId: string; purpose: string; at: Date }) {
  if (a.purpose !== "PREMIER_RDV_ACCOMPAGNEMENT") return 0;
  return workItemsRepository.close(tx, {
    type: "PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE",
    personId: a.personId,
    at: a.at,
  });
}
