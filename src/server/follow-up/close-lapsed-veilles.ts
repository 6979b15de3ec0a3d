// The nightly closure of follow-ups on hold for too long (parcours.md §2.4 « Veille beyond
// suivi.veilleMaxMois = 12 → CLOS; a later return is a new entrant »): a pathway EN_VEILLE since more than 12
// months (exactly 12 is not « more than »: `veilleLapsed`) closes with the automatic exit reason VEILLE_LONGUE,
// its orientation in force and one still awaited CLOTURE through the state table, its pathway work items
// lapsed (`closePathways`, shared with the CAF/MSA import's return after a long veille). Called by the nightly
// run (`detectFollowUpSignals`) in its transaction. Idempotent: a closed pathway is no longer on hold.
import { addMonths, defaultNewEntrantParams, type NewEntrantParams } from "../../shared/imports/new-entrant";
import { veilleLapsed } from "../../shared/imports/veille";
import type { LocalDate } from "../../shared/kernel/dates";
import { audit } from "../audit/audit";
import type { Db } from "../db/connect";
import type { Actor } from "../kernel/access";
import type { Clock } from "../kernel/clock";
import { closePathways } from "../orientation/open-pathway-for-new-entrant";
import { orientationRepository } from "../orientation/orientation.repository";

/** Closes the pathways whose veille lasted more than `suspensionMaxMois` months on `today`; returns how many. */
export async function closeLapsedVeilles(
  tx: Db,
  deps: { clock: Clock },
  actor: Actor,
  today: LocalDate,
  params: NewEntrantParams = defaultNewEntrantParams,
): Promise<number> {
  // a month's margin in SQL (month ends clamp), the exact rule in the pure function
  const candidates = await orientationRepository.onHoldSince(
    tx,
    addMonths(today, -(params.suspensionMaxMois - 1)),
  );
  const lapsed = candidates.flatMap((c) =>
    c.veilleSince && veilleLapsed(c.veilleSince, today, params)
      ? [{ parcoursId: c.parcoursId, exitReason: "VEILLE_LONGUE" as const, veilleSince: c.veilleSince }]
      : [],
  );
  const closed = await closePathways(tx, deps, lapsed, actor);
  await audit.recordGroups(tx, deps.clock, actor, [
    {
      personIds: [...closed.keys()],
      action: "orientation.pathway_closed",
      section: "orientation",
      purpose: "follow",
      details: { exitReason: "VEILLE_LONGUE", rule: "veille_plus_de_12_mois" },
    },
  ]);
  return closed.size;
}
