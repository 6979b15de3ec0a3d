// Test fixtures of the follow-up (db and http tests only): a person in accompaniment, followed by a
// référente of France Travail, with a pathway ACTIF and an orientation decided on a given day.
import {
  insertFollowUp,
  insertPerson,
  insertProfessional,
  insertStructure,
} from "../../test-support/builders";
import type { Db } from "../db/connect";

let n = 0;
const uuid = (prefix: string) => {
  n += 1;
  return `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
};

export async function personInAccompaniment(
  db: Db,
  opts: { decidedAt: string; email?: string | null; phone?: string | null; departement?: string },
) {
  const ft = await insertStructure(db, { kind: "france_travail", departement: "80" });
  const other = await insertStructure(db, { kind: "mission_locale", departement: "80" });
  const referente = await insertProfessional(db, { structure: ft, roles: ["conseiller"] });
  const stranger = await insertProfessional(db, { structure: other, roles: ["conseiller"] });
  const person = await insertPerson(db, {
    email: opts.email === undefined ? "lea.test@exemple.fr" : opts.email,
  });
  if (opts.phone)
    await db.updateTable("persons").set({ phone: opts.phone }).where("id", "=", person.id).execute();
  await insertFollowUp(db, { personId: person.id, structureId: ft.id, professionalId: referente.id });
  const decidedAt = new Date(opts.decidedAt);
  const parcoursId = uuid("7a000000");
  await db
    .insertInto("parcours")
    .values({
      id: parcoursId,
      person_id: person.id,
      departement: opts.departement ?? "80",
      t0_date: "2025-12-01",
      statut_suivi: "ACTIF",
      origine: "INSCRIPTION_AUTO_CAF",
      opened_at: new Date("2025-12-01T09:00:00Z"),
      veille_since: null,
      closed_at: null,
      exit_reason: null,
    })
    .execute();
  const orientationId = uuid("7b000000");
  await db
    .insertInto("orientations")
    .values({
      id: orientationId,
      person_id: person.id,
      parcours_id: parcoursId,
      etat: "OUVERT",
      statut: "DECIDE",
      origine: "INSCRIPTION_AUTO_CAF",
      criteria: JSON.stringify({}) as never,
      recommendation: null,
      rules_version: null,
      decision: "ACCEPTEE",
      decided_by: referente.id,
      decided_at: decidedAt,
      organisme_decision: "CD",
      motif_refus: null,
      commentaire_refus: null,
      parcours_retenu: "PRO",
      organisme_retenu: "FT",
      structure_id: ft.id,
      notified_at: decidedAt,
      created_at: decidedAt,
      updated_at: decidedAt,
    })
    .execute();
  return { ft, referente, stranger, person, parcoursId, orientationId };
}

/** A contract signed on `signedAt` (state SIGNE), for the contract-related rules. */
export async function signedContract(db: Db, personId: string, signedAt: string) {
  const id = uuid("7c000000");
  const at = new Date(signedAt);
  await db
    .insertInto("contracts")
    .values({
      id,
      person_id: personId,
      state: "SIGNE",
      previous_state: null,
      current_version: 1,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto("contract_versions")
    .values({
      contract_id: id,
      numero: 1,
      motif: "INITIAL",
      content: JSON.stringify({}),
      state: "SIGNE",
      signed_at: at,
      refused_at: null,
      refusal_reason: null,
      signature_mode: "PAPIER",
      recorded_by_kind: "professional",
      recorded_by: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** A past appointment of the person with the référente, its attendance recorded (HONORE, ABSENT, EXCUSE). */
export async function pastAppointment(
  db: Db,
  f: { personId: string; structureId: string; professionalId: string },
  startsAt: string,
  status: "HONORE" | "ABSENT" | "EXCUSE",
) {
  const slotId = uuid("7d000000");
  const at = new Date(startsAt);
  await db
    .insertInto("appointment_slots")
    .values({
      id: slotId,
      structure_id: f.structureId,
      professional_id: f.professionalId,
      starts_at: at,
      ends_at: new Date(at.getTime() + 3_600_000),
      capacity: 1,
      reception: "INDIVIDUEL",
      title: null,
      modalite: "SUR_PLACE",
      address: null,
      series_id: null,
      created_by: f.professionalId,
      created_at: at,
    })
    .execute();
  await db
    .insertInto("appointments")
    .values({
      id: uuid("7e000000"),
      person_id: f.personId,
      structure_id: f.structureId,
      slot_id: slotId,
      purpose: "SUIVI",
      status,
      invited_by: null,
      invited_at: null,
      invitation_expires_on: null,
      booked_by_kind: "professional",
      booked_by: f.professionalId,
      booked_at: at,
      cancelled_by_kind: null,
      cancelled_by: null,
      cancelled_at: null,
      cancel_reason: null,
      attendance_recorded_by: f.professionalId,
      attendance_recorded_at: at,
      created_at: at,
      updated_at: at,
    })
    .execute();
}
