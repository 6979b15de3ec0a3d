// The nightly closure of follow-ups on hold, or with a right suspended, for too long (parcours.md §2.4 « Veille
// or suspension beyond suivi.veilleMaxMois = 12 → CLOS; a later return is a new entrant »): a pathway EN_VEILLE
// since more than 12 months (exactly 12 is not « more than »: `veilleLapsed`) closes with the automatic exit
// reason VEILLE_LONGUE, one whose person's right is suspended since more than 12 months with SUSPENSION_LONGUE,
// its orientation in force and one still awaited CLOTURE through the state table, its pathway work items
// lapsed (`closePathways`, shared with the CAF/MSA import's return after a long veille). Called by the nightly
// run (`detectFollowUpSignals`) in its transaction. Idempotent: a closed pathway is no longer on hold.
// The length of a veille is measured as the flows measure it, to the reference date (DTREF) of the latest flow
// imported for the pathway's département, not to the calendar: a flow arrives days after its DTREF, and a
// person subject again in the flow that makes exactly 12 months must resume with their référent (the import
// does it), not have been closed the night before and come back as a new entrant. A département without any
// imported flow closes nothing.
import type { AutomaticExitReason } from "../../shared/follow-up/follow-up.schema";
import {
  addMonths,
  defaultNewEntrantParams,
  lastedMoreThan,
  type NewEntrantParams,
} from "../../shared/imports/new-entrant";
import { veilleLapsed } from "../../shared/imports/veille";
import type { LocalDate } from "../../shared/kernel/dates";
import { audit } from "../audit/audit";
import type { Db } from "../db/connect";
import { importsRepository } from "../imports/imports.repository";
import type { Actor } from "../kernel/access";
import type { Clock } from "../kernel/clock";
import { closePathways, type PathwayToClose } from "../orientation/open-pathway-for-new-entrant";
import { orientationRepository } from "../orientation/orientation.repository";
import { followUpRepository } from "./follow-up.repository";

/** When the nightly measures a département's follow-ups: its closure months, and its latest flow. */
async function measures(tx: Db, departements: readonly string[], params: NewEntrantParams) {
  const closureMonths = await followUpRepository.closureMonths(tx);
  const flows = await importsRepository.latestFlowDates(tx, [...new Set(departements)]);
  return {
    paramsOf: (departement: string): NewEntrantParams => ({
      ...params,
      suspensionMaxMois: closureMonths.get(departement) ?? params.suspensionMaxMois,
    }),
    /** the latest flow's DTREF, never later than today; undefined without any flow */
    at: (departement: string, today: LocalDate) => {
      const flow = flows.get(departement);
      return flow === undefined ? undefined : flow < today ? flow : today;
    },
  };
}

/** The shortest closure months of any département: how far back the SQL looks (the exact rule in TypeScript). */
async function shortestMonths(tx: Db, params: NewEntrantParams) {
  return Math.min(params.suspensionMaxMois, ...(await followUpRepository.closureMonths(tx)).values());
}

async function closeAndAudit(
  tx: Db,
  deps: { clock: Clock },
  actor: Actor,
  lapsed: readonly PathwayToClose[],
  exitReason: AutomaticExitReason,
) {
  const closed = await closePathways(tx, deps, lapsed, actor);
  await audit.recordGroups(tx, deps.clock, actor, [
    {
      personIds: [...closed.keys()],
      action: "orientation.pathway_closed",
      section: "orientation",
      purpose: "follow",
      details: { exitReason, rule: "suivi.veilleMaxMois" },
    },
  ]);
  return closed.size;
}

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
  // a month's margin in SQL (month ends clamp)
  const candidates = await orientationRepository.onHoldSince(
    tx,
    addMonths(today, -((await shortestMonths(tx, params)) - 1)),
  );
  const m = await measures(
    tx,
    candidates.map((c) => c.departement),
    params,
  );
  const lapsed = candidates.flatMap((c) => {
    const at = m.at(c.departement, today);
    return c.veilleSince && at !== undefined && veilleLapsed(c.veilleSince, at, m.paramsOf(c.departement))
      ? [{ parcoursId: c.parcoursId, exitReason: "VEILLE_LONGUE" as const, veilleSince: c.veilleSince }]
      : [];
  });
  return closeAndAudit(tx, deps, actor, lapsed, "VEILLE_LONGUE");
}

/**
 * Closes the pathways of persons whose right has been suspended for more than their département's closure
 * months (parcours.md §2.4 « suspension beyond 12 months → CLOS; a later return is a new entrant »), measured
 * as the import measures it on a return (`lastedMoreThan`, from the suspension's start, a date of the CNAF
 * flow) to the latest flow imported for the département; with no payable right left there. Returns how many.
 */
export async function closeLapsedSuspensions(
  tx: Db,
  deps: { clock: Clock },
  actor: Actor,
  today: LocalDate,
  params: NewEntrantParams = defaultNewEntrantParams,
): Promise<number> {
  const candidates = await importsRepository.longSuspendedPathways(
    tx,
    addMonths(today, -((await shortestMonths(tx, params)) - 1)),
  );
  const m = await measures(
    tx,
    candidates.map((c) => c.departement),
    params,
  );
  const lapsed = candidates.flatMap((c) => {
    const at = m.at(c.departement, today);
    const since = c.since === null ? null : String(c.since);
    return since !== null &&
      at !== undefined &&
      lastedMoreThan(since, at, m.paramsOf(c.departement).suspensionMaxMois)
      ? [{ parcoursId: c.parcoursId, exitReason: "SUSPENSION_LONGUE" as const }]
      : [];
  });
  return closeAndAudit(tx, deps, actor, lapsed, "SUSPENSION_LONGUE");
}
