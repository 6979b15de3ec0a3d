// The « mise en veille » of a follow-up (parcours.md §2.4, pilotage.md IND-V2-01 exclusions): what the monthly
// CAF/MSA flow does to the open pathway of a person who is followed in the département.
//
// | pathway   | flow says subject (TOPPERSDRODEVORSA) | effect                                               |
// |-----------|---------------------------------------|------------------------------------------------------|
// | ACTIF     | no (0)                                | EN_VEILLE since the flow's DTREF, référent kept       |
// | EN_VEILLE | yes (1), on hold 12 months or less    | ACTIF, veille ended, same référent, no new T0         |
// | EN_VEILLE | yes (1), on hold more than 12 months  | nothing here: a new entrant (`decideNewEntrant`)      |
// | any other case, or the flag absent from the flow  | nothing                                              |
//
// The start of the veille is the flow's reference date (DTREF), the date every length of the new-entrant rule
// is measured to: on hold from January's flow (DTREF 31/01) and subject again in the next January's flow
// (DTREF 31/01) is exactly 12 months, not « more than 12 », and the same référent resumes. Beyond that the
// follow-up is over: the nightly run closes it (`veilleLapsed`), or the import does when the person returns.
// Pure: facts in, decision out.
import type { LocalDate } from "../kernel/dates";
import { type NewEntrantParams, veilleLastedMoreThan } from "./new-entrant";

export type VeilleFacts = {
  /** DTREF of the flow */
  dateReference: LocalDate;
  /** TOPPERSDRODEVORSA of this flow; null when the flow does not say */
  soumisCeMois: boolean | null;
  /** the person's open pathway in this département, if any */
  parcours: "A_ORIENTER" | "ACTIF" | "EN_VEILLE" | null;
  /** start of its « mise en veille » */
  veilleDepuis: LocalDate | null;
};

export type VeilleTransition = "METTRE_EN_VEILLE" | "REPRENDRE";

export type VeilleDecision =
  | { transition: "METTRE_EN_VEILLE"; veilleDepuis: LocalDate }
  | { transition: "REPRENDRE" }
  | null;

/** The state table: which pathway state and which flag of the month call for which transition. */
export const veilleTransitions: Record<
  "ACTIF" | "EN_VEILLE",
  Record<"soumis" | "nonSoumis", VeilleTransition | null>
> = {
  ACTIF: { soumis: null, nonSoumis: "METTRE_EN_VEILLE" },
  EN_VEILLE: { soumis: "REPRENDRE", nonSoumis: null },
};

/** The follow-up on hold since `since` is over at `at` (more than `suspensionMaxMois` months; exactly is not). */
export function veilleLapsed(since: LocalDate, at: LocalDate, p: NewEntrantParams): boolean {
  return veilleLastedMoreThan(since, at, p.suspensionMaxMois);
}

/**
 * What this month's flow does to the person's pathway. The caller applies it only to a person who is not a new
 * entrant this month: a new entrant's old pathway is closed by the new-entrant path, never resumed.
 */
export function decideVeille(f: VeilleFacts, p: NewEntrantParams): VeilleDecision {
  if (f.soumisCeMois === null) return null;
  if (f.parcours !== "ACTIF" && f.parcours !== "EN_VEILLE") return null;
  const transition = veilleTransitions[f.parcours][f.soumisCeMois ? "soumis" : "nonSoumis"];
  if (transition === "METTRE_EN_VEILLE") return { transition, veilleDepuis: f.dateReference };
  if (transition === "REPRENDRE") {
    // without a start date the length is unknown: the safe reading is « not more than 12 months »
    if (f.veilleDepuis && veilleLapsed(f.veilleDepuis, f.dateReference, p)) return null;
    return { transition };
  }
  return null;
}
