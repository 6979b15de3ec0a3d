import { appointmentsErrors } from "../../../shared/appointments/appointments.errors";
import { mondayOf, weekBounds } from "../../../shared/appointments/appointments.rules";
import { agendaQuerySchema } from "../../../shared/appointments/appointments.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { slotViewsWithBookings } from "../appointments.load";
import { appointmentsPolicy } from "../appointments.policy";
import { appointmentsRepository } from "../appointments.repository";

/**
 * The week of my structure's agenda (or of one professional of it): the slots and who is booked on them.
 * Seeing who is booked reads those persons' files: one audit row per person shown.
 */
export const getAgenda = useCase("GetAgenda", agendaQuerySchema, async ({ tx, actor, input, clock }) => {
  const structureId = actor.kind === "professional" ? actor.structureId : "";
  assertCan(appointmentsPolicy.manageAgenda(actor, structureId), "appointments.agenda_read");
  const professionals = await appointmentsRepository.professionalsOf(tx, structureId);
  if (input.professionalId && !professionals.some((p) => p.id === input.professionalId))
    throw appointmentsErrors.professionalNotInStructure(input.professionalId);
  const week = mondayOf(input.week ?? parisToday(clock));
  const slots = await appointmentsRepository.slots(tx, {
    structureId,
    professionalId: input.professionalId ?? null,
    ...weekBounds(week),
  });
  const views = await slotViewsWithBookings(tx, slots);
  const personIds = [...new Set(views.flatMap((s) => s.bookings.map((b) => b.personId)))];
  if (personIds.length > 0)
    await audit.recordMany(tx, clock, actor, personIds, {
      action: "appointments.agenda_read",
      section: "rendez_vous",
      purpose: "support",
      details: { week },
    });
  const structure = await appointmentsRepository.structure(tx, structureId);
  return {
    week,
    structureId,
    structureName: structure?.name ?? "",
    professionalId: input.professionalId ?? null,
    professionals: professionals.map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}` })),
    slots: views,
  };
});
