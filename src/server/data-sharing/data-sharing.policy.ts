// Who may export and import a département's « liste minimale des données à partager » (pilotage.md §5). The
// file holds personal identifiers (France Travail and RSA numbers): it is not open data nor an aggregate, so
// only the département's own steering and administration see it — a `pilotage` whose scope is that
// département, its `manager_territorial`, or the administrator of its conseil départemental — never a
// national or regional pilot. Importing is for the département's administrators (manager territorial,
// administrator of the conseil départemental). The command line runs with the operator's database access.
import type { Actor, ProfessionalActor } from "../kernel/access";
import { managedDepartement } from "../persons/persons.policy";
import { steeringScopeOf } from "../steering/steering.policy";

function isDepartementAdmin(a: ProfessionalActor, departement: string): boolean {
  if (managedDepartement(a) === departement) return true;
  return (
    a.roles.includes("admin_structure") &&
    a.structureKind === "conseil_departemental" &&
    a.departement === departement
  );
}

export const dataSharingPolicy = {
  export(a: Actor, departement: string): boolean {
    if (a.kind === "system") return a.channel === "cli";
    if (a.kind !== "professional") return false;
    if (isDepartementAdmin(a, departement)) return true;
    if (!a.roles.includes("pilotage")) return false;
    const s = steeringScopeOf(a);
    return s?.level === "departement" && s.code === departement;
  },
  import(a: Actor, departement: string): boolean {
    if (a.kind === "system") return a.channel === "cli";
    if (a.kind !== "professional") return false;
    return isDepartementAdmin(a, departement);
  },
};
