import { z } from "zod";
import { appointmentsErrors } from "../../../shared/appointments/appointments.errors";
import { convokeBodySchema } from "../../../shared/appointments/appointments.schema";
import {
  initialAppointmentStatus,
  nextAppointmentStatus,
} from "../../../shared/appointments/appointments.status";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { closeFirstAppointmentItem, takePlaceFor } from "../appointments.booking";
import { fileOf, reloadView } from "../appointments.load";
import { appointmentNotifications } from "../appointments.notify";
import { appointmentsPolicy } from "../appointments.policy";
import { appointmentsRepository } from "../appointments.repository";

/**
 * A professional convokes the person on a free slot of their structure: the appointment is booked
 * (PLANIFIE; a pending invitation for the same motif becomes this appointment, its reminder cancelled) and the convocation sent (e-mail with .ics and PDF letter, SMS),
 * with the reminder 48 h before.
 */
export const convokePerson = useCase(
  "ConvokePerson",
  z.intersection(convokeBodySchema, z.object({ personId: z.string().uuid() })),
  async (ctx) => {
    const { tx, actor, input, clock, ids } = ctx;
    const file = await fileOf(tx, input.personId);
    const subject = { personId: input.personId, section: "rendez_vous", purpose: "support" } as const;
    assertCan(appointmentsPolicy.schedule(actor, file), "appointments.convoke", subject);
    if (actor.kind !== "professional") throw appointmentsErrors.personNotFound(input.personId);
    const now = clock.now();
    await takePlaceFor(tx, {
      slotId: input.slotId,
      structureId: actor.structureId,
      personId: input.personId,
      now,
    });
    // a pending invitation for the same motif is answered by this convocation rather than left open
    const pending = await appointmentsRepository.pendingInvitation(tx, input.personId, input.purpose);
    const invitation = pending ? await appointmentsRepository.get(tx, pending.id) : undefined;
    const id = invitation?.id ?? ids.uuid();
    const booking = {
      slot_id: input.slotId,
      booked_by_kind: "professional" as const,
      booked_by: actor.id,
      booked_at: now,
    };
    if (invitation) {
      const to = nextAppointmentStatus(invitation.status, "book");
      const version = await appointmentsRepository.update(
        tx,
        id,
        invitation.version,
        { status: to, ...booking },
        now,
      );
      if (version === undefined) throw appointmentsErrors.versionConflict(id, invitation.version);
      await appointmentsRepository.addTransition(tx, {
        appointmentId: id,
        from: invitation.status,
        to,
        event: "book",
        actor,
        at: now,
      });
    } else {
      await appointmentsRepository.insert(tx, {
        id,
        person_id: input.personId,
        structure_id: actor.structureId,
        purpose: input.purpose,
        status: initialAppointmentStatus.convoke,
        invited_by: null,
        invited_at: null,
        invitation_expires_on: null,
        ...booking,
        cancelled_by_kind: null,
        cancelled_by: null,
        cancelled_at: null,
        cancel_reason: null,
        attendance_recorded_by: null,
        attendance_recorded_at: null,
        created_at: now,
        updated_at: now,
      });
      await appointmentsRepository.addTransition(tx, {
        appointmentId: id,
        from: null,
        to: initialAppointmentStatus.convoke,
        event: "convoke",
        actor,
        at: now,
      });
    }
    await closeFirstAppointmentItem(tx, { personId: input.personId, purpose: input.purpose, at: now });
    await appointmentNotifications.convocation(tx, ctx, (await appointmentsRepository.get(tx, id))!);
    await audit.record(tx, clock, actor, {
      action: "appointments.convoked",
      ...subject,
      details: { appointmentId: id, slotId: input.slotId, purpose: input.purpose },
    });
    return reloadView(tx, actor, id, now);
  },
);
