// Who may read, complete and decide an orientation (PS-11, PS-22, parcours.md §3.3, §3.6), as pure
// functions of an actor and the orientation's subject. The decision belongs to a named chargé
// d'orientation of the competent département, or to France Travail when the département delegates it.
import type { LocalDate } from "../../shared/kernel/dates";
import { orientationFallbackDate } from "../../shared/orientation/orientation.deadlines";
import type { DelegationFt, OrientationEtat } from "../../shared/orientation/orientation.schema";
import { pendingEtats } from "../../shared/orientation/orientation.status";
import type { Actor, ProfessionalActor } from "../kernel/access";
import { type PersonFileScope, personsPolicy } from "../persons/persons.policy";

export type OrientationSubject = {
  personId: string;
  /** the competent département: the pathway's */
  departement: string;
  etat: OrientationEtat;
  t0: LocalDate;
  decidedBy: string | null;
  /** the person's follow-ups (persons' file scope) */
  file: PersonFileScope;
};
export type OrientationContext = { delegation: DelegationFt; today: LocalDate };

const isPro = (a: Actor): a is ProfessionalActor => a.kind === "professional";

/** A chargé d'orientation of the département's own services. */
export function isDepartementOfficer(a: Actor, departement: string): boolean {
  return (
    isPro(a) &&
    a.roles.includes("charge_orientation") &&
    a.structureKind === "conseil_departemental" &&
    a.departement === departement
  );
}

/**
 * A chargé d'orientation of France Travail in the département, when the département delegates:
 * always under TOTALE, from T0 + 1 month under PAR_DEFAUT (parcours.md §3.6), never under AUCUNE.
 */
export function isFranceTravailDelegate(
  a: Actor,
  s: { departement: string; t0: LocalDate | null },
  ctx: OrientationContext,
): boolean {
  if (!isPro(a) || !a.roles.includes("charge_orientation") || a.structureKind !== "france_travail")
    return false;
  if (a.departement !== s.departement) return false;
  if (ctx.delegation === "TOTALE") return true;
  return ctx.delegation === "PAR_DEFAUT" && s.t0 !== null && ctx.today >= orientationFallbackDate(s.t0);
}

const isPending = (s: OrientationSubject) => pendingEtats.includes(s.etat);

export const orientationPolicy = {
  /** The person, their follow-up group, the officers while pending, and the professional who decided it. */
  view(a: Actor, s: OrientationSubject, ctx: OrientationContext): boolean {
    const file = { ...s.file, pendingOrientationDepartement: isPending(s) ? s.departement : null };
    if (personsPolicy.view(a, file)) return true;
    if (isPending(s) && isFranceTravailDelegate(a, s, ctx)) return true;
    return isPro(a) && s.decidedBy === a.id;
  },
  /** The criteria, while pending: the officers, or the référent and the structures that follow. */
  editCriteria(a: Actor, s: OrientationSubject, ctx: OrientationContext): boolean {
    if (!isPending(s)) return false;
    return (
      isDepartementOfficer(a, s.departement) ||
      isFranceTravailDelegate(a, s, ctx) ||
      (isPro(a) && personsPolicy.edit(a, s.file))
    );
  },
  /** Only a named professional decides (PS-22): never the system, never the référent alone. */
  decide(a: Actor, s: OrientationSubject, ctx: OrientationContext): boolean {
    return isPending(s) && (isDepartementOfficer(a, s.departement) || isFranceTravailDelegate(a, s, ctx));
  },
  /** A re-orientation is asked by the référent or the structure that follows (the use case checks the state). */
  requestReorientation(a: Actor, s: OrientationSubject): boolean {
    return isPro(a) && personsPolicy.edit(a, s.file);
  },
  /** Examined by the officers of the département (France Travail under a total delegation). */
  examineReorientation(a: Actor, departement: string, ctx: OrientationContext): boolean {
    return isDepartementOfficer(a, departement) || isFranceTravailDelegate(a, { departement, t0: null }, ctx);
  },
};

/** Which organisation decides, for the record: France Travail under delegation, else the département. */
export const organismeDecisionOf = (a: ProfessionalActor): "CD" | "FT" =>
  a.structureKind === "france_travail" ? "FT" : "CD";
