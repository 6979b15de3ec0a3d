// Which sessions see the registration and duplicate screens (the server still decides).
import type { SessionView } from "../../shared/identity/identity.schema";
import { FILE_ROLES } from "../../shared/persons/persons.access";

export const canRegisterPersons = (s: SessionView) =>
  s.kind === "professional" && s.roles.some((r) => FILE_ROLES.includes(r));
export const canReviewDuplicates = (s: SessionView) =>
  s.kind === "professional" &&
  s.roles.some((r) => r === "charge_orientation" || r === "admin_structure" || r === "manager_territorial");
export const canImportLists = canReviewDuplicates;
