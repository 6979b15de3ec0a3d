import { appointmentsErrors } from "../../../shared/appointments/appointments.errors";
import { weeklySlotTimes } from "../../../shared/appointments/appointments.rules";
import { createSlotsBodySchema } from "../../../shared/appointments/appointments.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { slotView } from "../appointments.load";
import { appointmentsPolicy } from "../appointments.policy";
import { appointmentsRepository } from "../appointments.repository";

/**
 * A professional opens slots in their structure's agenda (their own, or a colleague's): one slot, or the
 * same Paris wall-clock slot every week for N weeks (a series). Individual slots have one place; a
 * collective session has a title and several places.
 */
export const createSlots = useCase(
  "CreateSlots",
  createSlotsBodySchema,
  async ({ tx, actor, input, clock, ids }) => {
    const structureId = actor.kind === "professional" ? actor.structureId : "";
    assertCan(appointmentsPolicy.manageAgenda(actor, structureId), "appointments.slots_create");
    const professionalId = input.professionalId ?? actor.id;
    const professional = await appointmentsRepository.professional(tx, professionalId);
    if (!professional || professional.structureId !== structureId)
      throw appointmentsErrors.professionalNotInStructure(professionalId);
    const now = clock.now();
    const times = weeklySlotTimes(input.date, input.startTime, input.endTime, input.repeatWeeks);
    if (times[0]!.startsAt.getTime() <= now.getTime()) throw appointmentsErrors.slotInPast();
    const structure = await appointmentsRepository.structure(tx, structureId);
    const seriesId = input.repeatWeeks > 1 ? ids.uuid() : null;
    const rows = times.map((t) => ({
      id: ids.uuid(),
      structure_id: structureId,
      professional_id: professionalId,
      starts_at: t.startsAt,
      ends_at: t.endsAt,
      capacity: input.capacity,
      reception: input.reception,
      title: input.title || null,
      modalite: input.modalite,
      address: input.modalite === "SUR_PLACE" ? input.address || structure?.address || null : null,
      series_id: seriesId,
      created_by: actor.id,
      created_at: now,
    }));
    await appointmentsRepository.insertSlots(tx, rows);
    await audit.record(tx, clock, actor, {
      action: "appointments.slots_created",
      section: "rendez_vous",
      purpose: "support",
      personId: null,
      details: { count: rows.length, professionalId, seriesId },
    });
    const created = await Promise.all(rows.map((r) => appointmentsRepository.slot(tx, r.id)));
    return { slots: created.filter((s) => s !== undefined).map((s) => slotView(s)) };
  },
);
