// The nightly closure of follow-ups on hold for too long (parcours.md §2.4 « Veille beyond
// suivi.veilleMaxMois = 12 → CLOS; a later return is a new entrant »): a pathway EN_VEILLE since more than 12
// months (exactly 12 is not « more than »: `veilleLapsed`) closes with the automatic exit reason VEILLE_LONGUE,
// its orientation in force and one still awaited CLOTURE through the state table, its pathway work items
// lapsed (`closePathways`, shared with the CAF/MSA import's return after a long veille). Called by the nightly
// run (`detectFollowUpSignals`) in its transaction. Idempotent: a closed pathway is no longer on hold.
// The length of a veille is measured as the flows measure it, to the reference date (DTREF) of the latest flow
// imported for the pathway's département, not to the calendar: a flow arrives days after its DTREF, and a
// person subject again in the flow that makes exactly 12 months must resume with their référent (the import
// does it), not have been closed the night before and come back as a new entrant. A département without any
// imported flow closes nothing.
import { addMonths, defaultNewEntrantParams, type NewEntrantParams } from "../../shared/imports/new-entrant";
import { veilleLapsed } from "../../shared/imports/veille";
import type { LocalDate } from "../../shared/kernel/dates";
import { audit } from "../audit/audit";
import type { Db } from "../db/connect";
import { importsRepository } from "../imports/imports.repository";
import type { Actor } from "../kernel/access";
import type { Clock } from "../kernel/clock";
import { closePathways } from "../orientation/open-pathway-for-new-entrant";
import { orientationRepository } from "../orientation/orientation.repository";
import { followUpRepository } from "./follow-up.repository";

/**
 * Closes the pathways whose veille lasted more than their département's closure months (⚙ suivi.veilleMaxMois
 * in follow_up_settings, else `params.suspensionMaxMois`) on the latest flow imported for their département
 * (never later than `today`); returns how many.
 */
export async function closeLapsedVeilles(
  tx: Db,
  deps: { clock: Clock },
  actor: Actor,
  today: LocalDate,
  params: NewEntrantParams = defaultNewEntrantParams,
): Promise<number> {
  const closureMonths = await followUpRepository.closureMonths(tx);
  const paramsOf = (departement: string): NewEntrantParams => ({
    ...params,
    suspensionMaxMois: closureMonths.get(departement) ?? params.suspensionMaxMois,
  });
  // a month's margin in SQL (month ends clamp), for the shortest setting; the exact rule in the pure function
  const shortest = Math.min(params.suspensionMaxMois, ...closureMonths.values());
  const candidates = await orientationRepository.onHoldSince(tx, addMonths(today, -(shortest - 1)));
  const flows = await importsRepository.latestFlowDates(tx, [
    ...new Set(candidates.map((c) => c.departement)),
  ]);
  const lapsed = candidates.flatMap((c) => {
    const flow = flows.get(c.departement);
    const at = flow !== undefined && flow < today ? flow : today;
    return c.veilleSince && flow !== undefined && veilleLapsed(c.veilleSince, at, paramsOf(c.departement))
      ? [{ parcoursId: c.parcoursId, exitReason: "VEILLE_LONGUE" as const, veilleSince: c.veilleSince }]
      : [];
  });
  const closed = await closePathways(tx, deps, lapsed, actor);
  await audit.recordGroups(tx, deps.clock, actor, [
    {
      personIds: [...closed.keys()],
      action: "orientation.pathway_closed",
      section: "orientation",
      purpose: "follow",
      details: { exitReason: "VEILLE_LONGUE", rule: "suivi.veilleMaxMois" },
    },
  ]);
  return closed.size;
}
