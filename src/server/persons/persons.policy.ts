// Need-to-know access to a person's file (PS-11 to PS-14), as pure functions, and the same rule as a
// SQL scope for lists (`visiblePersonsScope`). A property test checks that the two agree.
import { type ExpressionBuilder, sql } from "kysely";
import { FILE_ROLES } from "../../shared/persons/persons.access";
import type { Database } from "../db/schema";
import type { Actor, ProfessionalActor } from "../kernel/access";

export type PersonFileScope = {
  personId: string;
  departement: string;
  /** active follow-ups: structures and named professionals */
  followUps: {
    structureId: string;
    professionalId: string | null;
    role: "referent" | "co_referent" | "membre";
  }[];
  /** département of the person's pending orientation (BROUILLON or EN_ATTENTE), if any: set by orientation/ */
  pendingOrientationDepartement?: string | null;
};

const hasFileRole = (a: ProfessionalActor) => a.roles.some((r) => FILE_ROLES.includes(r));
export const managedDepartement = (a: ProfessionalActor): string | null =>
  a.roles.includes("manager_territorial")
    ? a.scope?.level === "departement" && a.scope.code
      ? a.scope.code
      : a.departement
    : null;

function structureFollows(a: ProfessionalActor, f: PersonFileScope) {
  return hasFileRole(a) && f.followUps.some((u) => u.structureId === a.structureId);
}
/**
 * PS-12: a structure edits when it is référent or co-référent of the file. A structure that is only a member
 * of the group (facilitateur, correspondant, the counter that registered the person) edits only while the group
 * has no référent nor co-référent yet, i.e. during the intake before an orientation names one; afterwards it reads.
 */
function structureMayEdit(a: ProfessionalActor, f: PersonFileScope) {
  if (!hasFileRole(a)) return false;
  const leads = (u: PersonFileScope["followUps"][number]) =>
    u.role === "referent" || u.role === "co_referent";
  const mine = f.followUps.filter((u) => u.structureId === a.structureId);
  if (mine.some(leads)) return true;
  return mine.length > 0 && !f.followUps.some(leads);
}
function isGroupMember(a: ProfessionalActor, f: PersonFileScope) {
  return f.followUps.some((u) => u.professionalId === a.id);
}
/** PS-11: the chargé d'orientation of the competent département, while an orientation is pending. */
function isPendingOrientationOfficer(a: ProfessionalActor, f: PersonFileScope) {
  return (
    !!f.pendingOrientationDepartement &&
    a.roles.includes("charge_orientation") &&
    a.structureKind === "conseil_departemental" &&
    a.departement === f.pendingOrientationDepartement
  );
}

export const personsPolicy = {
  view(a: Actor, f: PersonFileScope): boolean {
    if (a.kind === "system") return true;
    if (a.kind === "person") return a.id === f.personId;
    return (
      isGroupMember(a, f) ||
      structureFollows(a, f) ||
      managedDepartement(a) === f.departement ||
      isPendingOrientationOfficer(a, f)
    );
  },
  /** Write access (PS-12): the named référent and co-référents, or a file role in a structure that leads the file (see structureMayEdit). */
  edit(a: Actor, f: PersonFileScope): boolean {
    if (a.kind === "system") return true;
    if (a.kind !== "professional") return false;
    const named = f.followUps.some(
      (u) => u.professionalId === a.id && (u.role === "referent" || u.role === "co_referent"),
    );
    return named || structureMayEdit(a, f);
  },
  /** Merging duplicates: an admin or chargé d'orientation who can edit both files. */
  merge(a: Actor, surviving: PersonFileScope, absorbed: PersonFileScope): boolean {
    if (a.kind !== "professional") return false;
    const role = a.roles.includes("admin_structure") || a.roles.includes("charge_orientation");
    return role && personsPolicy.edit(a, surviving) && personsPolicy.edit(a, absorbed);
  },
  /** Lists of named persons: never for pilotage-only or employer-relations accounts. */
  list(a: Actor): boolean {
    return a.kind === "professional" && (hasFileRole(a) || managedDepartement(a) !== null);
  },
};

/** The SQL form of `personsPolicy.view` for professionals, on an expression builder over `persons as p`. */
export function visiblePersonsScope(a: ProfessionalActor) {
  return (eb: ExpressionBuilder<Database & { p: Database["persons"] }, "p">) => {
    const ors = [
      eb.exists(
        eb
          .selectFrom("follow_ups as fu")
          .select(sql`1`.as("one"))
          .whereRef("fu.person_id", "=", "p.id")
          .where("fu.ended_at", "is", null)
          .where("fu.professional_id", "=", a.id),
      ),
    ];
    if (hasFileRole(a)) {
      ors.push(
        eb.exists(
          eb
            .selectFrom("follow_ups as fs")
            .select(sql`1`.as("one"))
            .whereRef("fs.person_id", "=", "p.id")
            .where("fs.ended_at", "is", null)
            .where("fs.structure_id", "=", a.structureId),
        ),
      );
    }
    const dep = managedDepartement(a);
    if (dep) ors.push(eb("p.departement", "=", dep));
    if (a.roles.includes("charge_orientation") && a.structureKind === "conseil_departemental") {
      ors.push(
        eb.exists(
          eb
            .selectFrom("orientations as po")
            .innerJoin("parcours as pp", "pp.id", "po.parcours_id")
            .select(sql`1`.as("one"))
            .whereRef("po.person_id", "=", "p.id")
            .where("po.etat", "in", ["BROUILLON", "EN_ATTENTE"])
            .where("pp.departement", "=", a.departement),
        ),
      );
    }
    return eb.or(ors);
  };
}
