import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { appointmentsRoutes } from "../../shared/appointments/appointments.routes";
import { appointmentIdSchema } from "../../shared/appointments/appointments.schema";
import { requireSession } from "../http/authenticate";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { bookAppointment } from "./use-cases/book-appointment";
import { cancelAppointment } from "./use-cases/cancel-appointment";
import { convokePerson } from "./use-cases/convoke-person";
import { createSlots } from "./use-cases/create-slots";
import { getAgenda } from "./use-cases/get-agenda";
import { getAppointmentCalendar, getConvocationDocument } from "./use-cases/get-appointment-documents";
import { invitePerson } from "./use-cases/invite-person";
import { listMyAppointments, listPersonAppointments } from "./use-cases/list-appointments";
import { listFreeSlots, listSlotsForAppointment } from "./use-cases/list-free-slots";
import { recordAttendance } from "./use-cases/record-attendance";

export async function appointmentsHttp(app: FastifyInstance, deps: Deps) {
  const r = appointmentsRoutes;
  bindRoute(app, deps, r.createSlots, (req) => createSlots(deps, req.actor, req.body));
  bindRoute(app, deps, r.getAgenda, (req) => getAgenda(deps, req.actor, req.query));
  bindRoute(app, deps, r.listFreeSlots, (req) => listFreeSlots(deps, req.actor, {}));
  bindRoute(app, deps, r.listPersonAppointments, (req) =>
    listPersonAppointments(deps, req.actor, req.params),
  );
  bindRoute(app, deps, r.invitePerson, (req) =>
    invitePerson(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, r.convokePerson, (req) =>
    convokePerson(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, r.listSlotsForAppointment, (req) =>
    listSlotsForAppointment(deps, req.actor, req.params),
  );
  bindRoute(app, deps, r.bookAppointment, (req) =>
    bookAppointment(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, r.cancelAppointment, (req) =>
    cancelAppointment(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, r.recordAttendance, (req) =>
    recordAttendance(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, r.listMyAppointments, (req) => listMyAppointments(deps, req.actor, {}));

  // the convocation letter and the calendar event: not JSON, bound by hand with the same session check
  const params = z.object({ appointmentId: appointmentIdSchema });
  app.withTypeProvider<ZodTypeProvider>().route({
    method: "GET",
    url: "/api/appointments/:appointmentId/convocation",
    schema: { summary: "La convocation au rendez-vous (courrier PDF)", tags: ["rendez-vous"], params },
    preHandler: requireSession(deps),
    handler: async (req, reply) => {
      const doc = await getConvocationDocument(deps, req.session!.actor, req.params);
      return reply
        .header("Content-Type", "application/pdf")
        .header("Content-Disposition", `attachment; filename="${doc.filename}"`)
        .header("Cache-Control", "private, no-store")
        .send(doc.content);
    },
  });
  app.withTypeProvider<ZodTypeProvider>().route({
    method: "GET",
    url: "/api/appointments/:appointmentId/calendar",
    schema: { summary: "Le rendez-vous à ajouter à son agenda (.ics)", tags: ["rendez-vous"], params },
    preHandler: requireSession(deps),
    handler: async (req, reply) => {
      const doc = await getAppointmentCalendar(deps, req.session!.actor, req.params);
      return reply
        .header("Content-Type", "text/calendar; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="${doc.filename}"`)
        .header("Cache-Control", "private, no-store")
        .send(doc.content);
    },
  });
}
