// Who may import lists of beneficiaries: the territorial manager (for the département they manage), the
// structure's administrator and the chargé·e d'orientation (for their structure's département). An
// import is seen and applied by its structure, and by the manager of its département.
import type { Actor, ProfessionalActor } from "../../kernel/access";
import { managedDepartement } from "../../persons/persons.policy";

const IMPORT_ROLES = ["manager_territorial", "admin_structure", "charge_orientation"] as const;

export type ImportScope = { structureId: string; departement: string };

export const tabularImportsPolicy = {
  upload(a: Actor): a is ProfessionalActor {
    return a.kind === "professional" && a.roles.some((r) => (IMPORT_ROLES as readonly string[]).includes(r));
  },
  /** The département the actor imports for. */
  departementOf(a: ProfessionalActor): string {
    return managedDepartement(a) ?? a.departement;
  },
  view(a: Actor, i: ImportScope): boolean {
    if (!tabularImportsPolicy.upload(a)) return false;
    return i.structureId === a.structureId || managedDepartement(a) === i.departement;
  },
  apply(a: Actor, i: ImportScope): boolean {
    return tabularImportsPolicy.view(a, i);
  },
};
