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
import { workItemsRepository } from "../work-items/work-items.repository";
import { pendingEtatFor, recommendFor } from "./orientation.recommendation";
import { orientationRepository } from "./orientation.repository";
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
  const open = await tx
    .selectFrom("parcours as p")
    .leftJoin("orientations as o", (j) =>
      j.onRef("o.parcours_id", "=", "p.id").on("o.etat", "in", ["BROUILLON", "EN_ATTENTE", "OUVERT"]),
    )
    .select(["p.id as parcoursId", "p.departement", "p.t0_date as t0", "o.id as orientationId"])
    .where("p.person_id", "=", input.personId)
    .where("p.statut_suivi", "<>", "CLOS")
    .executeTakeFirst();
  if (open?.orientationId)
    return { parcoursId: open.parcoursId, orientationId: open.orientationId, opened: false };

  const now = deps.clock.now();
  const parcoursId = open?.parcoursId ?? deps.ids.uuid();
  const departement = open?.departement ?? input.departement;
  const t0 = open?.t0 ?? input.t0;
  if (!open) {
    await orientationRepository.insertParcours(tx, {
      id: parcoursId,
      personId: input.personId,
      departement,
      t0,
      origine: input.origine,
      now,
    });
  }

  const criteria = validCriteria(input.criteria ?? {});
  const recommendation = await recommendFor(tx, departement, criteria, parisDate(now));
  const etat = pendingEtatFor(recommendation);
  const orientationId = deps.ids.uuid();
  await orientationRepository.insert(tx, {
    id: orientationId,
    personId: input.personId,
    parcoursId,
    etat,
    origine: input.origine,
    criteria,
    recommendation,
    now,
  });
  await orientationRepository.addTransition(tx, {
    orientationId,
    from: null,
    to: "BROUILLON",
    event: "open",
    actor: system,
    at: now,
    reason: input.origine,
  });
  if (etat === "EN_ATTENTE") {
    await orientationRepository.addTransition(tx, {
      orientationId,
      from: "BROUILLON",
      to: "EN_ATTENTE",
      event: "criteria_completed",
      actor: system,
      at: now,
    });
  }
  await workItemsRepository.open(tx, {
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
  return { parcoursId, orientationId, opened: true };
}
