// The nightly closure of follow-ups on hold, or with a right suspended, for too long (parcours.md §2.4 « Veille
// or suspension beyond suivi.veilleMaxMois = 12 → CLOS; a later return is a new entrant »): a pathway EN_VEILLE
// since more than 12 months (exactly 12 is not « more than ») closes with the automatic exit
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
  veilleLastedMoreThan,
} from "../../shared/imports/new-entrant";
import type { LocalDate } from "../../shared/kernel/dates";
import { audit } from "../audit/audit";
import type { Db } from "../db/connect";
import { importsRepository } from "../imports/imports.repository";
import type { Actor } from "../kernel/access";
import type { Clock } from "../kernel/clock";
import { closePathways, type PathwayToClose } from "../orientation/open-pathway-for-new-entrant";
import { orientationRepository } from "../orientation/orientation.repository";
import { followUpRepository } from "./follow-up.repository";

type Nightly = { tx: Db; deps: { clock: Clock }; actor: Actor; today: LocalDate; params: NewEntrantParams };
type Candidate = { parcoursId: string; departement: string; since: LocalDate | null };

/**
 * Closes the candidates whose `since` lasted more than their département's closure months (⚙
 * suivi.veilleMaxMois in follow_up_settings, else `params.suspensionMaxMois`, as `over` counts them) on the
 * latest flow imported for their département, never later than today; audits and counts the closures.
 */
async function closeLapsed(
  n: Nightly,
  exitReason: AutomaticExitReason,
  /** the candidates since `onOrBefore` or earlier: a month's margin in SQL, the exact rule is `over` */
  find: (onOrBefore: LocalDate) => Promise<Candidate[]>,
  over: (since: LocalDate, at: LocalDate, months: number) => boolean,
  /** the closure's guard on the state read (a veille still started on the same date) */
  guard: (c: Candidate & { since: LocalDate }) => Partial<PathwayToClose> = () => ({}),
): Promise<number> {
  const closureMonths = await followUpRepository.closureMonths(n.tx);
  const monthsOf = (departement: string) => closureMonths.get(departement) ?? n.params.suspensionMaxMois;
  const shortest = Math.min(n.params.suspensionMaxMois, ...closureMonths.values());
  const candidates = await find(addMonths(n.today, -(shortest - 1)));
  const flows = await importsRepository.latestFlowDates(n.tx, [
    ...new Set(candidates.map((c) => c.departement)),
  ]);
  const lapsed = candidates.flatMap((c): PathwayToClose[] => {
    const flow = flows.get(c.departement);
    if (c.since === null || flow === undefined) return [];
    const at = flow < n.today ? flow : n.today;
    return over(c.since, at, monthsOf(c.departement))
      ? [{ parcoursId: c.parcoursId, exitReason, ...guard({ ...c, since: c.since }) }]
      : [];
  });
  const closed = await closePathways(n.tx, n.deps, lapsed, n.actor);
  await audit.recordGroups(n.tx, n.deps.clock, n.actor, [
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

/** Closes the pathways on hold for too long (counted in months of flows: `veilleLastedMoreThan`); how many. */
export function closeLapsedVeilles(
  tx: Db,
  deps: { clock: Clock },
  actor: Actor,
  today: LocalDate,
  params: NewEntrantParams = defaultNewEntrantParams,
): Promise<number> {
  return closeLapsed(
    { tx, deps, actor, today, params },
    "VEILLE_LONGUE",
    async (onOrBefore) =>
      (await orientationRepository.onHoldSince(tx, onOrBefore)).map((c) => ({ ...c, since: c.veilleSince })),
    veilleLastedMoreThan,
    (c) => ({ veilleSince: c.since }),
  );
}

/**
 * Closes the pathways of persons whose right has been suspended for too long, with no payable right left in
 * the département, measured as the import measures it on a return (`lastedMoreThan` from the suspension's
 * start, a date of the CNAF flow); how many.
 */
export function closeLapsedSuspensions(
  tx: Db,
  deps: { clock: Clock },
  actor: Actor,
  today: LocalDate,
  params: NewEntrantParams = defaultNewEntrantParams,
): Promise<number> {
  return closeLapsed(
    { tx, deps, actor, today, params },
    "SUSPENSION_LONGUE",
    async (onOrBefore) =>
      (await importsRepository.longSuspendedPathways(tx, onOrBefore)).map((c) => ({
        ...c,
        since: c.since === null ? null : String(c.since),
      })),
    lastedMoreThan,
  );
}
