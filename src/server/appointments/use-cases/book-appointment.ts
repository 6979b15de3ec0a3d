import { z } from "zod";
import { appointmentsErrors } from "../../../shared/appointments/appointments.errors";
import { appointmentIdSchema, bookBodySchema } from "../../../shared/appointments/appointments.schema";
import { nextAppointmentStatus } from "../../../shared/appointments/appointments.status";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { closeFirstAppointmentItem, takePlaceFor } from "../appointments.booking";
import { loadAppointment, reloadView } from "../appointments.load";
import { appointmentNotifications } from "../appointments.notify";
import { appointmentsPolicy } from "../appointments.policy";
import { appointmentsRepository } from "../appointments.repository";

/**
 * An invitation is answered: the person chooses a slot online, or a professional books it for them (a
 * convocation). Only free slots of the inviting structure; the place is taken under a row lock, so two
 * persons choosing the last place cannot both get it. The J+3 reminder is cancelled, the convocation sent,
 * the 48-hour reminder scheduled; booking a first accompaniment appointment closes its work item.
 */
export const bookAppointment = useCase(
  "BookAppointment",
  z.intersection(bookBodySchema, z.object({ appointmentId: appointmentIdSchema })),
  async (ctx) => {
    const { tx, actor, input, clock } = ctx;
    const { a, file } = await loadAppointment(tx, input.appointmentId);
    const subject = { personId: a.person_id, section: "rendez_vous", purpose: "support" } as const;
    assertCan(appointmentsPolicy.book(actor, file), "appointments.book", subject);
    if (a.version !== input.version) throw appointmentsErrors.versionConflict(a.id, a.version);
    const to = nextAppointmentStatus(a.status, "book");
    const now = clock.now();
    await takePlaceFor(tx, { slotId: input.slotId, structureId: a.structure_id, personId: a.person_id, now });
    const bookedBy = actor.kind === "person" ? "person" : "professional";
    const version = await appointmentsRepository.update(
      tx,
      a.id,
      a.version,
      { status: to, slot_id: input.slotId, booked_by_kind: bookedBy, booked_by: actor.id, booked_at: now },
      now,
    );
    if (version === undefined) throw appointmentsErrors.versionConflict(a.id, a.version);
    await appointmentsRepository.addTransition(tx, {
      appointmentId: a.id,
      from: a.status,
      to,
      event: "book",
      actor,
      at: now,
    });
    await closeFirstAppointmentItem(tx, { personId: a.person_id, purpose: a.purpose, at: now });
    await appointmentNotifications.convocation(tx, ctx, (await appointmentsRepository.get(tx, a.id))!);
    await audit.record(tx, clock, actor, {
      action: "appointments.booked",
      ...subject,
      details: { appointmentId: a.id, slotId: input.slotId, bookedBy },
    });
    return reloadView(tx, actor, a.id, now);
  },
);
