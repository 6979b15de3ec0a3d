import { z } from "zod";
import { appointmentsErrors } from "../../../shared/appointments/appointments.errors";
import { invitationExpiresOn } from "../../../shared/appointments/appointments.rules";
import { inviteBodySchema } from "../../../shared/appointments/appointments.schema";
import { initialAppointmentStatus } from "../../../shared/appointments/appointments.status";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { fileOf, reloadView } from "../appointments.load";
import { appointmentNotifications } from "../appointments.notify";
import { appointmentsPolicy } from "../appointments.policy";
import { appointmentsRepository } from "../appointments.repository";

/**
 * A professional who follows the person invites them to choose a slot of the professional's structure
 * (parcours.md §4.2): the invitation is sent by e-mail and SMS with the link to the personal space, and
 * reminded at J+3 unless the person has booked by then. One pending invitation per person and motif.
 */
export const invitePerson = useCase(
  "InvitePerson",
  z.intersection(inviteBodySchema, z.object({ personId: z.string().uuid() })),
  async (ctx) => {
    const { tx, actor, input, clock, ids } = ctx;
    const file = await fileOf(tx, input.personId);
    const subject = { personId: input.personId, section: "rendez_vous", purpose: "support" } as const;
    assertCan(appointmentsPolicy.schedule(actor, file), "appointments.invite", subject);
    if (actor.kind !== "professional") throw appointmentsErrors.personNotFound(input.personId);
    if (await appointmentsRepository.pendingInvitation(tx, input.personId, input.purpose))
      throw appointmentsErrors.alreadyInvited(input.personId);
    const now = clock.now();
    const id = ids.uuid();
    await appointmentsRepository.insert(tx, {
      id,
      person_id: input.personId,
      structure_id: actor.structureId,
      slot_id: null,
      purpose: input.purpose,
      status: initialAppointmentStatus.invite,
      invited_by: actor.id,
      invited_at: now,
      invitation_expires_on: invitationExpiresOn(now),
      booked_by_kind: null,
      booked_by: null,
      booked_at: null,
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
      to: initialAppointmentStatus.invite,
      event: "invite",
      actor,
      at: now,
    });
    const a = (await appointmentsRepository.get(tx, id))!;
    await appointmentNotifications.invitation(tx, ctx, a);
    await audit.record(tx, clock, actor, {
      action: "appointments.invited",
      ...subject,
      details: { appointmentId: id, purpose: input.purpose },
    });
    return reloadView(tx, actor, id, now);
  },
);
