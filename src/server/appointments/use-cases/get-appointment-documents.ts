import { z } from "zod";
import { appointmentsErrors } from "../../../shared/appointments/appointments.errors";
import { appointmentIdSchema } from "../../../shared/appointments/appointments.schema";
import { parisDate } from "../../../shared/kernel/dates";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { loadAppointment } from "../appointments.load";
import { appointmentContext, calendarOf, convocationData } from "../appointments.notify";
import { appointmentsPolicy } from "../appointments.policy";
import { calendarFilename } from "../appointments-calendar";
import { convocationFilename, renderConvocationPdf } from "../appointments-convocation";

const input = z.object({ appointmentId: appointmentIdSchema });

/** The convocation letter (PDF) of a booked appointment, for the person and whoever may read the file. */
export const getConvocationDocument = useCase(
  "GetConvocationDocument",
  input,
  async ({ tx, actor, input, clock, config }) => {
    const { a, file } = await loadAppointment(tx, input.appointmentId);
    const subject = { personId: a.person_id, section: "rendez_vous", purpose: "support" } as const;
    assertCan(appointmentsPolicy.view(actor, file), "appointments.convocation_read", subject);
    if (!a.slot_id) throw appointmentsErrors.noSlot(a.id);
    const ctx = await appointmentContext(tx, config, a);
    await audit.record(tx, clock, actor, {
      action: "appointments.convocation_read",
      ...subject,
      details: { appointmentId: a.id },
    });
    const content = await renderConvocationPdf(convocationData(ctx, a, parisToday(clock)), clock.now());
    return { filename: convocationFilename(parisDate(ctx.slot!.startsAt)), content };
  },
);

/** « Ajouter à mon agenda »: the appointment as an .ics event (cancelled events carry METHOD:CANCEL). */
export const getAppointmentCalendar = useCase(
  "GetAppointmentCalendar",
  input,
  async ({ tx, actor, input, clock, config }) => {
    const { a, file } = await loadAppointment(tx, input.appointmentId);
    const subject = { personId: a.person_id, section: "rendez_vous", purpose: "support" } as const;
    assertCan(appointmentsPolicy.view(actor, file), "appointments.calendar_read", subject);
    if (!a.slot_id) throw appointmentsErrors.noSlot(a.id);
    const ctx = await appointmentContext(tx, config, a);
    await audit.record(tx, clock, actor, {
      action: "appointments.calendar_read",
      ...subject,
      details: { appointmentId: a.id },
    });
    return { filename: calendarFilename, content: calendarOf(ctx, a, clock.now(), a.status === "ANNULE") };
  },
);
