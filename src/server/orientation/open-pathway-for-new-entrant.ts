// Opens the pathway of a new entrant (parcours.md §2.4): a parcours `A_ORIENTER` with its T0, an
// orientation with the criteria known so far and its recommendation (`BROUILLON` while criteria are
// missing, `EN_ATTENTE` once complete), and the work item « orientation à décider » for the département,
// due T0 + 14. Called inside the caller's transaction (CAF/MSA import, registration, demo seed).
// Idempotent: a person whose pathway already has an orientation gets nothing new, unless the caller says that
// pathway is over (`lapsedPathway`: on hold or suspended for more than 12 months, parcours.md §2.4): it is then
// closed (CLOS with that exit reason, its orientations in force or awaited CLOTURE, its pathway work items lapsed) and a
// new pathway opens with the new T0. The new pathway is A_ORIENTER, so a second call changes nothing.
import type { AutomaticExitReason } from "../../shared/follow-up/follow-up.schema";
import type { LocalDate } from "../../shared/kernel/dates";
import { parisDate } from "../../shared/kernel/dates";
import {
  type OrientationCriteria,
  orientationCriteriaSchema,
} from "../../shared/orientation/orientation.criteria";
import { orientationDueDate, orientationDueSoonDate } from "../../shared/orientation/orientation.deadlines";
import { nextOrientationEtat, pendingEtats } from "../../shared/orientation/orientation.status";
import { pathwayWorkItemTypes } from "../../shared/work-items/work-items.schema";
import type { Db } from "../db/connect";
import type { Actor, SystemActor } from "../kernel/access";
import type { Clock } from "../kernel/clock";
import type { Ids } from "../kernel/ids";
import { type NewWorkItem, workItemsRepository } from "../work-items/work-items.repository";
import { pendingEtatFor, recommendFor } from "./orientation.recommendation";
import {
  type NewOrientation,
  type NewParcours,
  type NewTransition,
  orientationRepository,
} from "./orientation.repository";
import type { Origine } from "./orientation.tables";

export type NewEntrantInput = {
  personId: string;
  departement: string;
  t0: LocalDate;
  origine: Origine;
  /** criteria already known (e.g. brsa, date_naissance, adresse from the flow); invalid entries are dropped */
  criteria?: Record<string, unknown>;
  /**
   * The person's open pathway in `departement` is over and closes with this reason before the new one opens
   * (the new-entrant rule's return after a follow-up on hold or a suspension of more than 12 months).
   * A pathway still awaiting its first orientation (A_ORIENTER) is kept as it is.
   */
  lapsedPathway?: AutomaticExitReason;
};

export type OpenedPathway = {
  personId: string;
  parcoursId: string;
  orientationId: string;
  opened: boolean;
  /** the pathway this call closed before opening the new one, with its exit reason */
  closed?: { parcoursId: string; exitReason: AutomaticExitReason };
};

const system: SystemActor = { kind: "system", id: "ouverture-parcours", channel: "system" };

/** Keeps the criteria that are valid one by one: a malformed address from a flow must not stop an import. */
export function validCriteria(raw: Record<string, unknown>): OrientationCriteria {
  const shape = orientationCriteriaSchema.shape;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const field = shape[k as keyof typeof shape];
    if (!field || v === undefined || v === null) continue;
    const parsed = field.safeParse(v);
    if (parsed.success && parsed.data !== undefined) out[k] = parsed.data;
  }
  return orientationCriteriaSchema.parse(out);
}

export async function openPathwayForNewEntrant(
  tx: Db,
  deps: { clock: Clock; ids: Ids },
  input: NewEntrantInput,
): Promise<{ parcoursId: string; orientationId: string; opened: boolean }> {
  const [out] = await openPathwaysForNewEntrants(tx, deps, [input]);
  return out!;
}

/**
 * The same for many persons in a few statements (one read of their open pathways, one write per table):
 * the CAF/MSA import opens a whole batch's new entrants at once. Results are in the order of `inputs`.
 */
export async function openPathwaysForNewEntrants(
  tx: Db,
  deps: { clock: Clock; ids: Ids },
  inputs: readonly NewEntrantInput[],
): Promise<OpenedPathway[]> {
  if (inputs.length === 0) return [];
  const open = new Map<string, OpenPathway>();
  for (const row of await orientationRepository.openPathwaysOf(tx, [
    ...new Set(inputs.map((i) => i.personId)),
  ])) {
    // one pathway per person, with up to two orientations in progress (one in force, one awaited)
    const seen = open.get(row.personId);
    open.set(row.personId, { ...row, orientationId: seen?.orientationId ?? row.orientationId });
  }
  const closed = await closeLapsedPathways(tx, deps, inputs, open);
  const now = deps.clock.now();
  const today = parisDate(now);
  const parcours: NewParcours[] = [];
  const orientations: NewOrientation[] = [];
  const transitions: NewTransition[] = [];
  const items: NewWorkItem[] = [];
  const out: OpenedPathway[] = [];
  for (const input of inputs) {
    const lapsed = closed.get(input.personId);
    // a closed pathway is forgotten once: a person listed twice gets one new pathway
    if (lapsed) closed.delete(input.personId);
    const existing = lapsed ? undefined : open.get(input.personId);
    if (existing?.orientationId) {
      out.push({
        personId: input.personId,
        parcoursId: existing.parcoursId,
        orientationId: existing.orientationId,
        opened: false,
      });
      continue;
    }
    const parcoursId = existing?.parcoursId ?? deps.ids.uuid();
    const departement = existing?.departement ?? input.departement;
    const t0 = existing?.t0 ?? input.t0;
    if (!existing)
      parcours.push({
        id: parcoursId,
        personId: input.personId,
        departement,
        t0,
        origine: input.origine,
        now,
      });
    const criteria = validCriteria(input.criteria ?? {});
    const recommendation = await recommendFor(tx, departement, criteria, today);
    const etat = pendingEtatFor(recommendation);
    const orientationId = deps.ids.uuid();
    orientations.push({
      id: orientationId,
      personId: input.personId,
      parcoursId,
      etat,
      origine: input.origine,
      criteria,
      recommendation,
      now,
    });
    transitions.push({
      orientationId,
      from: null,
      to: "BROUILLON",
      event: "open",
      actor: system,
      at: now,
      reason: input.origine,
    });
    if (etat === "EN_ATTENTE")
      transitions.push({
        orientationId,
        from: "BROUILLON",
        to: "EN_ATTENTE",
        event: "criteria_completed",
        actor: system,
        at: now,
      });
    items.push({
      id: deps.ids.uuid(),
      type: "DECISION_ORIENTATION_A_PRENDRE",
      personId: input.personId,
      subjectId: orientationId,
      departement,
      structureId: null,
      createdAt: now,
      dueDate: orientationDueDate(t0),
      dueSoonDate: orientationDueSoonDate(t0),
    });
    // a person listed twice gets one pathway
    open.set(input.personId, {
      personId: input.personId,
      parcoursId,
      departement,
      t0,
      statutSuivi: "A_ORIENTER",
      orientationId,
    });
    out.push({
      personId: input.personId,
      parcoursId,
      orientationId,
      opened: true,
      ...(lapsed ? { closed: lapsed } : {}),
    });
  }
  await orientationRepository.insertParcours(tx, parcours);
  await orientationRepository.insert(tx, orientations);
  await orientationRepository.addTransition(tx, transitions);
  await workItemsRepository.openMany(tx, items);
  return out;
}

type OpenPathway = {
  personId: string;
  parcoursId: string;
  departement: string;
  t0: LocalDate;
  statutSuivi: "A_ORIENTER" | "ACTIF" | "EN_VEILLE" | "CLOS";
  orientationId: string | null;
};

/**
 * Closes the open pathways the callers say are over (`closePathways`): only a pathway of the same département
 * that is in follow-up (ACTIF or EN_VEILLE) closes. Returns the closed pathway of each person.
 */
async function closeLapsedPathways(
  tx: Db,
  deps: { clock: Clock },
  inputs: readonly NewEntrantInput[],
  open: ReadonlyMap<string, OpenPathway>,
): Promise<Map<string, { parcoursId: string; exitReason: AutomaticExitReason }>> {
  const wanted = new Map<string, { parcoursId: string; exitReason: AutomaticExitReason }>();
  for (const input of inputs) {
    const existing = open.get(input.personId);
    if (
      input.lapsedPathway &&
      existing &&
      existing.departement === input.departement &&
      (existing.statutSuivi === "ACTIF" || existing.statutSuivi === "EN_VEILLE") &&
      !wanted.has(input.personId)
    )
      wanted.set(input.personId, { parcoursId: existing.parcoursId, exitReason: input.lapsedPathway });
  }
  return closePathways(tx, deps, [...wanted.values()]);
}

export type PathwayToClose = {
  parcoursId: string;
  exitReason: AutomaticExitReason;
  /** closes only if the pathway is still on hold since this date (the nightly closure's guard) */
  veilleSince?: LocalDate;
};

/**
 * Closes pathways Socle ends by itself (parcours.md §2.4: a follow-up on hold or a suspension beyond 12 months
 * ends with `CLOS`), in a few statements: the pathways with their exit reason, their orientation in force
 * (OUVERT → CLOTURE through the state table, with its transition) and one still awaiting its decision (closed
 * undecided, as an exit does), and the persons' open pathway work items (ANNULE). Guarded: only a pathway
 * still in follow-up (ACTIF or EN_VEILLE; EN_VEILLE since `veilleSince` when given) closes, so a second call
 * changes nothing. Returns the closed pathway of each person. Used by the CAF/MSA import (a return after too
 * long) and by the nightly follow-up run (a veille that lasted too long).
 */
export async function closePathways(
  tx: Db,
  deps: { clock: Clock },
  wanted: readonly PathwayToClose[],
  actor: Actor = system,
): Promise<Map<string, { parcoursId: string; exitReason: AutomaticExitReason }>> {
  const out = new Map<string, { parcoursId: string; exitReason: AutomaticExitReason }>();
  if (wanted.length === 0) return out;
  const byId = new Map(wanted.map((w) => [w.parcoursId, w]));
  const now = deps.clock.now();
  const rows = await orientationRepository.closeLapsedParcours(tx, wanted, now);
  for (const r of rows)
    out.set(r.personId, { parcoursId: r.parcoursId, exitReason: byId.get(r.parcoursId)!.exitReason });
  if (rows.length === 0) return out;

  const parcoursIds = rows.map((r) => r.parcoursId);
  // the orientation in force, and one still awaited (a re-orientation not decided yet), close with the pathway
  for (const from of ["OUVERT", ...pendingEtats] as const) {
    const to = nextOrientationEtat(from, "close");
    const orientations = await orientationRepository.moveOrientationsOf(tx, parcoursIds, {
      from,
      to,
      at: now,
    });
    await orientationRepository.addTransition(
      tx,
      orientations.map((o) => ({
        orientationId: o.id,
        from,
        to,
        event: "close",
        actor,
        at: now,
        reason: `sortie du parcours : ${out.get(o.personId)!.exitReason}`,
      })),
    );
  }
  await workItemsRepository.closeMany(tx, {
    types: pathwayWorkItemTypes,
    personIds: rows.map((r) => r.personId),
    at: now,
    status: "ANNULE",
  });
  return out;
}
