// The orientation lifecycle as a table (parcours.md §3.4, API kit): one literal object drives the
// server's check, the actions the web app offers, and the tests. Every transition is written to
// orientation_transitions by the server, in the same transaction.
import { ConflictError } from "../kernel/errors";
import { type OrientationEtat, orientationEtatLabels } from "./orientation.schema";

export const orientationEvents = ["criteria_completed", "criteria_incomplete", "decide", "close"] as const;
export type OrientationEvent = (typeof orientationEvents)[number];

export const orientationTransitions = {
  // criteria become complete: the recommendation is computed and the decision awaited; or the pathway closes
  // before any decision (an exit recorded while a re-orientation is awaited): closed undecided
  BROUILLON: { criteria_completed: "EN_ATTENTE", close: "CLOTURE" },
  // a criterion was removed again, or a human decision (accepted, or another orientation chosen), or the
  // pathway closes before the decision (closed undecided)
  EN_ATTENTE: { criteria_incomplete: "BROUILLON", decide: "OUVERT", close: "CLOTURE" },
  // replaced by a newer decided orientation, or the pathway closes
  OUVERT: { close: "CLOTURE" },
  CLOTURE: {},
} as const satisfies Record<OrientationEtat, Partial<Record<OrientationEvent, OrientationEtat>>>;

/** `statut` of the partner API for each `etat` (of a decided orientation, for CLOTURE: see statutOf). */
export const orientationStatut: Record<OrientationEtat, "PRECONISE" | "DECIDE" | null> = {
  BROUILLON: null,
  EN_ATTENTE: "PRECONISE",
  OUVERT: "DECIDE",
  CLOTURE: "DECIDE",
};

/** `statut` of an orientation: an orientation closed before any decision was never « DECIDE ». */
export const statutOf = (etat: OrientationEtat, decided: boolean): "PRECONISE" | "DECIDE" | null =>
  etat === "CLOTURE" && !decided ? null : orientationStatut[etat];

/** The pending states: criteria may still change and the person's orientation is awaited. */
export const pendingEtats: readonly OrientationEtat[] = ["BROUILLON", "EN_ATTENTE"];

export function canApply(etat: OrientationEtat, event: OrientationEvent): boolean {
  return event in orientationTransitions[etat];
}

export function nextOrientationEtat(etat: OrientationEtat, event: OrientationEvent): OrientationEtat {
  const to = (orientationTransitions[etat] as Partial<Record<OrientationEvent, OrientationEtat>>)[event];
  if (!to) {
    throw new ConflictError(
      "orientation.transition_not_allowed",
      `Cette action n'est pas possible : l'orientation est à l'état « ${orientationEtatLabels[etat]} ».`,
      { etat, event },
    );
  }
  return to;
}

/** The events the web app may offer in a state. */
export const allowedOrientationEvents = (etat: OrientationEtat): OrientationEvent[] =>
  orientationEvents.filter((e) => canApply(etat, e));
