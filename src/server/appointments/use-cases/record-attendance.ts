import { z } from "zod";
import { appointmentsErrors } from "../../../shared/appointments/appointments.errors";
import { absenceItemDelays, canRecordAttendanceNow } from "../../../shared/appointments/appointments.rules";
import { appointmentIdSchema, attendanceBodySchema } from "../../../shared/appointments/appointments.schema";
import { attendanceEvent, nextAppointmentStatus } from "../../../shared/appointments/appointments.status";
import { parisDate } from "../../../shared/kernel/dates";
import { itemDueDates } from "../../../shared/orientation/orientation.deadlines";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { loadAppointment, reloadView } from "../appointments.load";
import { appointmentsPolicy } from "../appointments.policy";
import { appointmentsRepository } from "../appointments.repository";

/**
 * A professional of the structure records the attendance: present, absent (not excused) or excused
 * (parcours.md §4.3). An unexcused absence opens a « RDV_ABSENCE » item for the référent's structure: contact
 * the person, record a reason, offer a new slot. An absence never triggers anything else by itself (PS-25).
 */
export const recordAttendance = useCase(
  "RecordAttendance",
  z.intersection(attendanceBodySchema, z.object({ appointmentId: appointmentIdSchema })),
  async ({ tx, actor, input, clock, ids }) => {
    const { a, file } = await loadAppointment(tx, input.appointmentId);
    const subject = { personId: a.person_id, section: "rendez_vous", purpose: "support" } as const;
    assertCan(appointmentsPolicy.recordAttendance(actor, a.structure_id), "appointments.attendance", subject);
    if (a.version !== input.version) throw appointmentsErrors.versionConflict(a.id, a.version);
    const to = nextAppointmentStatus(a.status, attendanceEvent[input.status]);
    const now = clock.now();
    const slot = a.slot_id ? await appointmentsRepository.slot(tx, a.slot_id) : undefined;
    if (!slot) throw appointmentsErrors.noSlot(a.id);
    if (!canRecordAttendanceNow(input.status, slot.startsAt, now))
      throw appointmentsErrors.attendanceTooEarly(a.id);
    const version = await appointmentsRepository.update(
      tx,
      a.id,
      a.version,
      { status: to, attendance_recorded_by: actor.id, attendance_recorded_at: now },
      now,
    );
    if (version === undefined) throw appointmentsErrors.versionConflict(a.id, a.version);
    await appointmentsRepository.addTransition(tx, {
      appointmentId: a.id,
      from: a.status,
      to,
      event: attendanceEvent[input.status],
      actor,
      at: now,
    });
    if (to === "ABSENT") {
      const referent = file.followUps.find((u) => u.role === "referent") ?? file.followUps[0];
      await workItemsRepository.open(tx, {
        id: ids.uuid(),
        type: "RDV_ABSENCE",
        personId: a.person_id,
        subjectId: a.id,
        departement: file.departement,
        structureId: referent?.structureId ?? a.structure_id,
        assigneeId: referent?.professionalId ?? null,
        createdAt: now,
        ...itemDueDates(parisDate(now), absenceItemDelays),
      });
    }
    await audit.record(tx, clock, actor, {
      action: "appointments.attendance_recorded",
      ...subject,
      details: { appointmentId: a.id, status: to },
    });
    return reloadView(tx, actor, a.id, now);
  },
);
