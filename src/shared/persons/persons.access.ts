// Roles that work on named persons' files within their structure. `pilotage` and
// `charge_relation_entreprise` do not: aggregates and employers only (PS-14). Shared by the server's
// policy (the authority) and the web app (which links to show).
import type { ProfessionalRole } from "../identity/identity.schema";

export const FILE_ROLES: readonly ProfessionalRole[] = [
  "conseiller",
  "charge_orientation",
  "admin_structure",
];

/** Whether a set of roles gives access to nominative lists of persons (file roles or territorial manager). */
export const rolesCanListPersons = (roles: readonly ProfessionalRole[]) =>
  roles.some((r) => FILE_ROLES.includes(r) || r === "manager_territorial");
