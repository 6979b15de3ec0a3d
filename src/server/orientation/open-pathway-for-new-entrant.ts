// Opens the pathway of a new entrant (parcours.md §2.4): a parcours `A_ORIENTER` with its T0, an
// orientation in `BROUILLON` (criteria known so far), and the work item « orientation à décider » for the
// département, due T0 + 14. Called inside the caller's transaction (CAF/MSA import, registration).
// Idempotent: a person whose pathway is already open gets nothing new.
import { type LocalDate } from "../../shared/kernel/dates";
import { orientationDueDate, orientationDueSoonDate } from "../../shared/orientation/orientation.deadlines";
import type { Db } from "../db/connect";
import type { Clock } from "../kernel/clock";
import type { Ids } from "../kernel/ids";
import { workItemsRepository } from "../work-items/work-items.repository";
import type { Origine } from "./orientation.tables";

export type NewEntrantInput = {
  personId: string;
  departement: string;
  t0: LocalDate;
  origine: Origine;
  /** criteria already known (e.g. brsa, date_naissance, adresse from the flow) */
  criteria?: Record<string, unknown>;
};

export async function openPathwayForNewEntrant(
  tx: Db,
  deps: { clock: Clock; ids: Ids },
  input: NewEntrantInput,
): Promise<{ parcoursId: string; orientationId: string; opened: boolean }> {
  const open = await tx
    .selectFrom("parcours as p")
    .leftJoin("orientations as o", (j) => j.onRef("o.parcours_id", "=", "p.id").on("o.etat", "in", ["BROUILLON", "EN_ATTENTE", "OUVERT"]))
    .select(["p.id as parcoursId", "o.id as orientationId"])
    .where("p.person_id", "=", input.personId)
    .where("p.statut_suivi", "<>", "CLOS")
    .executeTakeFirst();
  if (open?.orientationId) return { parcoursId: open.parcoursId, orientationId: open.orientationId, opened: false };

  const now = deps.clock.now();
  const parcoursId = open?.parcoursId ?? deps.ids.uuid();
  if (!open) {
    await tx
      .insertInto("parcours")
      .values({
        id: parcoursId,
        person_id: input.personId,
        departement: input.departement,
        t0_date: input.t0,
        statut_suivi: "A_ORIENTER",
        origine: input.origine,
        opened_at: now,
        veille_since: null,
        closed_at: null,
        exit_reason: null,
      })
      .execute();
  }
  const orientationId = deps.ids.uuid();
  await tx
    .insertInto("orientations")
    .values({
      id: orientationId,
      person_id: input.personId,
      parcours_id: parcoursId,
      etat: "BROUILLON",
      statut: null,
      origine: input.origine,
      criteria: JSON.stringify(input.criteria ?? {}) as unknown as Record<string, unknown>,
      recommendation: null,
      rules_version: null,
      decision: null,
      decided_by: null,
      decided_at: null,
      organisme_decision: null,
      motif_refus: null,
      commentaire_refus: null,
      parcours_retenu: null,
      organisme_retenu: null,
      structure_id: null,
      notified_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await tx
    .insertInto("orientation_transitions")
    .values({ orientation_id: orientationId, from_etat: null, to_etat: "BROUILLON", event: "open", actor_kind: "system", actor_id: null, at: now, reason: input.origine })
    .execute();
  await workItemsRepository.open(tx, {
    id: deps.ids.uuid(),
    type: "DECISION_ORIENTATION_A_PRENDRE",
    personId: input.personId,
    subjectId: orientationId,
    departement: input.departement,
    structureId: null,
    createdAt: now,
    dueDate: orientationDueDate(input.t0),
    dueSoonDate: orientationDueSoonDate(input.t0),
  });
  return { parcoursId, orientationId, opened: true };
}
