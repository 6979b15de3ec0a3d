import { z } from "zod";
import { appointmentsErrors } from "../../../shared/appointments/appointments.errors";
import { appointmentIdSchema, cancelBodySchema } from "../../../shared/appointments/appointments.schema";
import { nextAppointmentStatus } from "../../../shared/appointments/appointments.status";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { loadAppointment, reloadView } from "../appointments.load";
import { appointmentNotifications } from "../appointments.notify";
import { appointmentsPolicy } from "../appointments.policy";
import { appointmentsRepository } from "../appointments.repository";

/**
 * The person or a professional cancels an invitation or a booked appointment that has not started, with a
 * reason. The place is given back, the pending reminders are cancelled, and the person is told (the
 * calendar event is withdrawn with METHOD:CANCEL).
 */
export const cancelAppointment = useCase(
  "CancelAppointment",
  z.intersection(cancelBodySchema, z.object({ appointmentId: appointmentIdSchema })),
  async (ctx) => {
    const { tx, actor, input, clock } = ctx;
    const { a, file } = await loadAppointment(tx, input.appointmentId);
    const subject = { personId: a.person_id, section: "rendez_vous", purpose: "support" } as const;
    assertCan(appointmentsPolicy.cancel(actor, file, a.structure_id), "appointments.cancel", subject);
    if (a.version !== input.version) throw appointmentsErrors.versionConflict(a.id, a.version);
    const to = nextAppointmentStatus(a.status, "cancel");
    const now = clock.now();
    if (a.slot_id) {
      const slot = await appointmentsRepository.slot(tx, a.slot_id);
      if (slot && slot.startsAt.getTime() <= now.getTime()) throw appointmentsErrors.slotPast(a.slot_id);
    }
    const version = await appointmentsRepository.update(
      tx,
      a.id,
      a.version,
      {
        status: to,
        cancelled_by_kind: actor.kind,
        cancelled_by: actor.id,
        cancelled_at: now,
        cancel_reason: input.reason,
        bumpSequence: a.slot_id !== null,
      },
      now,
    );
    if (version === undefined) throw appointmentsErrors.versionConflict(a.id, a.version);
    if (a.status === "PLANIFIE" && a.slot_id) await appointmentsRepository.releasePlace(tx, a.slot_id);
    await appointmentsRepository.addTransition(tx, {
      appointmentId: a.id,
      from: a.status,
      to,
      event: "cancel",
      actor,
      at: now,
      reason: input.reason,
    });
    await appointmentNotifications.cancellation(tx, ctx, (await appointmentsRepository.get(tx, a.id))!);
    await audit.record(tx, clock, actor, {
      action: "appointments.cancelled",
      ...subject,
      details: { appointmentId: a.id },
    });
    return reloadView(tx, actor, a.id, now);
  },
);
