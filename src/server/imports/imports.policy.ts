// Who may import a département's CAF/MSA flows and read their reports: its territorial manager, and the
// structure administrators of its conseil départemental. Pure functions.
import type { Actor, ProfessionalActor } from "../kernel/access";
import { managedDepartement } from "../persons/persons.policy";

export const importsPolicy = {
  manageFlux(a: Actor, departement: string): boolean {
    if (a.kind === "system") return true;
    if (a.kind !== "professional") return false;
    if (managedDepartement(a) === departement) return true;
    return (
      a.roles.includes("admin_structure") &&
      a.structureKind === "conseil_departemental" &&
      a.departement === departement
    );
  },
  /** The département a professional imports for when none is given. */
  defaultDepartement(a: ProfessionalActor): string {
    return managedDepartement(a) ?? a.departement;
  },
};
