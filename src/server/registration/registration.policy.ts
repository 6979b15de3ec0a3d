// Who may start, read, fill in and send a registration. A person: their own, online. A professional
// with a file role: the registrations their structure started (counter, interview), and those of
// persons whose file they may read (to read) or edit (to fill in and send). Duplicate reviews: the
// chargé·e d'orientation and the administrator of the structure the item is assigned to, or of the
// département when it sits in the département's queue; a territorial manager may look.
import { FILE_ROLES } from "../../shared/persons/persons.access";
import type { Actor, ProfessionalActor } from "../kernel/access";
import { managedDepartement, type PersonFileScope, personsPolicy } from "../persons/persons.policy";

export type RegistrationScope = {
  personId: string | null;
  startedByStructureId: string | null;
  /** the person's file, when the registration is bound to one */
  personScope?: PersonFileScope;
};

const hasFileRole = (a: ProfessionalActor) => a.roles.some((r) => FILE_ROLES.includes(r));

export const registrationPolicy = {
  /** Starting a registration: any file role; for a known person, only if their file is readable. */
  start(a: Actor, personScope?: PersonFileScope): boolean {
    if (a.kind === "system") return true;
    if (a.kind === "person") return !personScope || personScope.personId === a.id;
    return hasFileRole(a) && (!personScope || personsPolicy.view(a, personScope));
  },
  view(a: Actor, r: RegistrationScope): boolean {
    if (a.kind === "system") return true;
    if (a.kind === "person") return r.personId === a.id;
    return (
      (hasFileRole(a) && r.startedByStructureId === a.structureId) ||
      (r.personScope !== undefined && personsPolicy.view(a, r.personScope))
    );
  },
  edit(a: Actor, r: RegistrationScope): boolean {
    if (a.kind === "system") return true;
    if (a.kind === "person") return r.personId === a.id;
    return (
      hasFileRole(a) &&
      (r.startedByStructureId === a.structureId ||
        (r.personScope !== undefined && personsPolicy.edit(a, r.personScope)))
    );
  },
  /** Lists of drafts: professionals with a file role (their structure's drafts only). */
  list(a: Actor): boolean {
    return a.kind === "professional" && hasFileRole(a);
  },
};

export type ReviewScope = { departement: string; structureId: string | null };

const reviewerRoles = (a: ProfessionalActor) =>
  a.roles.includes("charge_orientation") || a.roles.includes("admin_structure");

export const duplicateReviewPolicy = {
  view(a: Actor, item: ReviewScope): boolean {
    if (a.kind === "system") return true;
    if (a.kind !== "professional") return false;
    if (managedDepartement(a) === item.departement) return true;
    return duplicateReviewPolicy.resolve(a, item);
  },
  resolve(a: Actor, item: ReviewScope): boolean {
    if (a.kind === "system") return true;
    if (a.kind !== "professional" || !reviewerRoles(a)) return false;
    if (item.structureId) return item.structureId === a.structureId;
    // the département's queue: its chargé·es d'orientation
    return a.roles.includes("charge_orientation") && a.departement === item.departement;
  },
};
