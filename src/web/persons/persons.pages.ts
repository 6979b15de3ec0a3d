import type { RouteObject } from "react-router-dom";
import { PersonPage } from "./person.page";
import { PersonAuditPage } from "./person-audit.page";
import { PersonsListPage } from "./persons-list.page";

export const personsPages: RouteObject[] = [
  { path: "/personnes", Component: PersonsListPage },
  { path: "/personnes/:personId", Component: PersonPage },
  { path: "/personnes/:personId/journal", Component: PersonAuditPage },
];
