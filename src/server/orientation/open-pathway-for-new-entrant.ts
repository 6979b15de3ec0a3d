// Opens the pathway of a new entrant (parcours.md §2.4): a parcours `A_ORIENTER` with its T0, an
// orientation with the criteria known so far and its recommendation (`BROUILLON` while criteria are
// missing, `EN_ATTENTE` once complete), and the work item « orientation à décider » for the département,
// due T0 + 14. Called inside the caller's transaction (CAF/MSA import, registration, demo seed).
// Idempotent: a person whose pathway already has an orientation gets nothing new.
import type { LocalDate } from "../../shared/kernel/dates";
import { parisDate } from "../../shared/kernel/dates";
import {
  type OrientationCriteria,
  orientationCriteriaSchema,
} from "../../shared/orientation/orientation.criteria";
import { orientationDueDate, orientationDueSoonDate } from "../../shared/orientation/orientation.deadlines";
import type { Db } from "../db/connect";
import type { SystemActor } from "../kernel/access";
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
 * The same for many persons in a few statements (one read of their open pathways, one insert per table):
 * the CAF/MSA import opens a whole batch's new entrants at once. Results are in the order of `inputs`.
 */
export async function openPathwaysForNewEntrants(
  tx: Db,
  deps: { clock: Clock; ids: Ids },
  inputs: readonly NewEntrantInput[],
): Promise<{ personId: string; parcoursId: string; orientationId: string; opened: boolean }[]> {
  if (inputs.length === 0) return [];
  const open = new Map(
    (await orientationRepository.openPathwaysOf(tx, [...new Set(inputs.map((i) => i.personId))])).map((p) => [
      p.personId,
      p,
    ]),
  );
  const now = deps.clock.now();
  const today = parisDate(now);
  const parcours: NewParcours[] = [];
  const orientations: NewOrientation[] = [];
  const transitions: NewTransition[] = [];
  const items: NewWorkItem[] = [];
  const out: { personId: string; parcoursId: string; orientationId: string; opened: boolean }[] = [];
  for (const input of inputs) {
    const existing = open.get(input.personId);
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
    open.set(input.personId, { personId: input.personId, parcoursId, departement, t0, orientationId });
    out.push({ personId: input.personId, parcoursId, orientationId, opened: true });
  }
  await orientationRepository.insertParcours(tx, parcours);
  await orientationRepository.insert(tx, orientations);
  await orientationRepository.addTransition(tx, transitions);
  await workItemsRepository.openMany(tx, items);
  return out;
}
