// Computes the recommendation of a set of criteria with the rule sets in force for the département on
// `today`, and the state it puts a pending orientation in: `EN_ATTENTE` once a recommendation is
// determined, `BROUILLON` while it is `IND`. Shared by the pathway opening, the criteria update and the
// re-orientation (use cases do not call each other).
import type { LocalDate } from "../../shared/kernel/dates";
import { isComplete, type OrientationCriteria } from "../../shared/orientation/orientation.criteria";
import { recommendOrientation, selectRuleSets } from "../../shared/orientation/orientation.rules";
import type { Recommendation } from "../../shared/orientation/orientation.schema";
import type { Db } from "../db/connect";
import { orientationRepository } from "./orientation.repository";

export async function recommendFor(
  db: Db,
  departement: string,
  criteria: OrientationCriteria,
  today: LocalDate,
): Promise<Recommendation> {
  // incomplete criteria give IND whatever the rules: no need to read them (the CAF import opens many)
  if (!isComplete(criteria))
    return recommendOrientation(criteria, { national: undefined, local: undefined }, today);
  const sets = selectRuleSets(await orientationRepository.publishedRuleSets(db), departement, today);
  return recommendOrientation(criteria, sets, today);
}

export const pendingEtatFor = (r: Recommendation): "BROUILLON" | "EN_ATTENTE" =>
  r.organisme === "IND" ? "BROUILLON" : "EN_ATTENTE";
