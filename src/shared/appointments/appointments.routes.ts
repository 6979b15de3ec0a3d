import { z } from "zod";
import { defineRoute } from "../kernel/route";
import {
  agendaQuerySchema,
  agendaViewSchema,
  appointmentIdSchema,
  appointmentListSchema,
  appointmentViewSchema,
  attendanceBodySchema,
  bookBodySchema,
  cancelBodySchema,
  convokeBodySchema,
  createSlotsBodySchema,
  inviteBodySchema,
  slotListSchema,
} from "./appointments.schema";

const params = z.object({ appointmentId: appointmentIdSchema });
const personParams = z.object({ personId: z.string().uuid() });

/** The person's appointments page, where an invitation is answered (the link of invitations). */
export const MY_APPOINTMENTS_PATH = "/mon-espace/rendez-vous";

export const appointmentsRoutes = {
  createSlots: defineRoute({
    method: "POST",
    url: "/api/appointment-slots",
    summary: "Ouvrir des créneaux dans l'agenda (un créneau, ou le même chaque semaine pendant N semaines)",
    tags: ["rendez-vous"],
    body: createSlotsBodySchema,
    response: slotListSchema,
  }),
  getAgenda: defineRoute({
    method: "GET",
    url: "/api/agenda",
    summary:
      "L'agenda de ma structure (ou d'un·e professionnel·le) pour une semaine, avec les personnes inscrites",
    tags: ["rendez-vous"],
    query: agendaQuerySchema,
    response: agendaViewSchema,
  }),
  listFreeSlots: defineRoute({
    method: "GET",
    url: "/api/appointment-slots/free",
    summary: "Les créneaux libres de ma structure pour les 4 semaines à venir",
    tags: ["rendez-vous"],
    response: slotListSchema,
  }),
  listPersonAppointments: defineRoute({
    method: "GET",
    url: "/api/persons/:personId/appointments",
    summary: "Les rendez-vous d'une personne (invitations, à venir, passés)",
    tags: ["rendez-vous"],
    params: personParams,
    response: appointmentListSchema,
  }),
  invitePerson: defineRoute({
    method: "POST",
    url: "/api/persons/:personId/appointment-invitations",
    summary: "Inviter une personne à choisir un créneau (e-mail et SMS, relance à J+3)",
    tags: ["rendez-vous"],
    params: personParams,
    body: inviteBodySchema,
    response: appointmentViewSchema,
  }),
  convokePerson: defineRoute({
    method: "POST",
    url: "/api/persons/:personId/appointments",
    summary: "Convoquer une personne sur un créneau (convocation : e-mail avec .ics, SMS, courrier PDF)",
    tags: ["rendez-vous"],
    params: personParams,
    body: convokeBodySchema,
    response: appointmentViewSchema,
  }),
  listSlotsForAppointment: defineRoute({
    method: "GET",
    url: "/api/appointments/:appointmentId/free-slots",
    summary: "Les créneaux libres proposés pour une invitation (ceux de la structure qui invite)",
    tags: ["rendez-vous"],
    params,
    response: slotListSchema,
  }),
  bookAppointment: defineRoute({
    method: "POST",
    url: "/api/appointments/:appointmentId/booking",
    summary:
      "Réserver un créneau pour une invitation : par la personne en ligne, ou par un·e professionnel·le (convocation)",
    tags: ["rendez-vous"],
    params,
    body: bookBodySchema,
    response: appointmentViewSchema,
  }),
  cancelAppointment: defineRoute({
    method: "POST",
    url: "/api/appointments/:appointmentId/cancellation",
    summary:
      "Annuler un rendez-vous ou une invitation (par la personne ou un·e professionnel·le), avec la raison",
    tags: ["rendez-vous"],
    params,
    body: cancelBodySchema,
    response: appointmentViewSchema,
  }),
  recordAttendance: defineRoute({
    method: "POST",
    url: "/api/appointments/:appointmentId/attendance",
    summary: "Noter la présence : présent·e, absent·e ou excusé·e (une absence ouvre une relance)",
    tags: ["rendez-vous"],
    params,
    body: attendanceBodySchema,
    response: appointmentViewSchema,
  }),
  listMyAppointments: defineRoute({
    method: "GET",
    url: "/api/me/appointments",
    summary: "Mes rendez-vous et invitations (espace personnel)",
    tags: ["rendez-vous"],
    response: appointmentListSchema,
  }),
};

/** Not JSON: bound by hand on the server, linked from the web app. */
export const appointmentConvocationUrl = (appointmentId: string) =>
  `/api/appointments/${encodeURIComponent(appointmentId)}/convocation`;
export const appointmentCalendarUrl = (appointmentId: string) =>
  `/api/appointments/${encodeURIComponent(appointmentId)}/calendar`;
