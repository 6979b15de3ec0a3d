import { z } from "zod";
import { BOOKING_HORIZON_DAYS } from "../../../shared/appointments/appointments.rules";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { loadAppointment, slotView } from "../appointments.load";
import { appointmentsPolicy } from "../appointments.policy";
import { appointmentsRepository } from "../appointments.repository";

const DAY = 86_400_000;
const horizon = (now: Date) => ({ from: now, to: new Date(now.getTime() + BOOKING_HORIZON_DAYS * DAY) });

/** The free slots of my structure for the next 4 weeks (to convoke a person). No personal data. */
export const listFreeSlots = useCase("ListFreeSlots", z.object({}), async ({ tx, actor, clock }) => {
  const structureId = actor.kind === "professional" ? actor.structureId : "";
  assertCan(appointmentsPolicy.manageAgenda(actor, structureId), "appointments.free_slots_read");
  const slots = await appointmentsRepository.slots(tx, {
    structureId,
    ...horizon(clock.now()),
    freeOnly: true,
  });
  return { slots: slots.map((s) => slotView(s)) };
});

/**
 * The slots offered for an invitation: the free slots of the inviting structure, for the next 4 weeks.
 * For the person (their own invitation) or a professional who may book for them.
 */
export const listSlotsForAppointment = useCase(
  "ListSlotsForAppointment",
  z.object({ appointmentId: z.string().uuid() }),
  async ({ tx, actor, input, clock }) => {
    const { a, file } = await loadAppointment(tx, input.appointmentId);
    assertCan(appointmentsPolicy.book(actor, file), "appointments.free_slots_read", {
      personId: a.person_id,
      section: "rendez_vous",
      purpose: "support",
    });
    const slots = await appointmentsRepository.slots(tx, {
      structureId: a.structure_id,
      ...horizon(clock.now()),
      freeOnly: true,
    });
    return { slots: slots.map((s) => slotView(s)) };
  },
);
