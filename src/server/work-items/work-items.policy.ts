// Who sees which queue (parcours.md §7.5): the chargés d'orientation their département's orientation
// items (France Travail's when the département delegates), the staff of a structure its items, and every
// professional the items assigned to them. The same rule as the SQL queue of workItemsRepository.list.
import type { DelegationFt } from "../../shared/orientation/orientation.schema";
import { FILE_ROLES } from "../../shared/persons/persons.access";
import { orientationQueueTypes, type WorkItemScope } from "../../shared/work-items/work-items.schema";
import type { Actor } from "../kernel/access";
import type { WorkItemQueue } from "./work-items.repository";

/** The queue an actor may list for a scope, or undefined when the scope is not theirs. */
export function workItemQueueFor(
  a: Actor,
  scope: WorkItemScope,
  delegation: DelegationFt,
): WorkItemQueue | undefined {
  if (a.kind !== "professional") return undefined;
  if (scope === "departement") {
    if (!a.roles.includes("charge_orientation")) return undefined;
    if (a.structureKind === "conseil_departemental") {
      return { kind: "departement", departement: a.departement, types: orientationQueueTypes };
    }
    if (a.structureKind === "france_travail" && delegation !== "AUCUNE") {
      // under PAR_DEFAUT, France Travail takes the decisions left open at T0 + 1 month
      return delegation === "TOTALE"
        ? { kind: "departement", departement: a.departement, types: orientationQueueTypes }
        : {
            kind: "departement",
            departement: a.departement,
            types: ["DECISION_ORIENTATION_A_PRENDRE"],
            fromFallbackDate: true,
          };
    }
    return undefined;
  }
  if (scope === "structure") {
    return a.roles.some((r) => FILE_ROLES.includes(r))
      ? { kind: "structure", structureId: a.structureId }
      : undefined;
  }
  return { kind: "assignee", professionalId: a.id };
}
