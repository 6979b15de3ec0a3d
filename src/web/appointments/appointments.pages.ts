import type { RouteObject } from "react-router-dom";
import { AgendaPage } from "./agenda.page";
import { MyAppointmentsPage } from "./my-appointments.page";
import { PersonAppointmentsPage } from "./person-appointments.page";

export const appointmentsPages: RouteObject[] = [
  { path: "/agenda", Component: AgendaPage },
  { path: "/personnes/:personId/rendez-vous", Component: PersonAppointmentsPage },
  { path: "/mon-espace/rendez-vous", Component: MyAppointmentsPage },
];
