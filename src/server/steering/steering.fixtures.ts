// Test fixtures of steering (db and http tests only): a small territory (two régions, three départements,
// zones d'emploi, one of them straddling the Somme and the Oise) and insert helpers for the facts the
// indicators read: pathways, orientations, référents, contracts, diagnostics, appointments. Dates are given
// as instants (ISO, UTC) or Paris calendar dates; each helper writes only what the views read.
import { sql } from "kysely";
import { insertPerson } from "../../test-support/builders";
import type { Db } from "../db/connect";

let n = 0;
const id = (prefix: string) => {
  n += 1;
  return `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
};

export const AMIENS = "80021";
export const ABBEVILLE = "80001";
export const BEAUVAIS = "60057";
export const PARIS = "75056";

export async function steeringTerritory(db: Db) {
  await sql`INSERT INTO regions (code, name) VALUES ('32', 'Hauts-de-France'), ('11', 'Île-de-France')
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`INSERT INTO departements (code, name, region_code) VALUES ('80', 'Somme', '32'), ('60', 'Oise', '32'),
    ('75', 'Paris', '11') ON CONFLICT DO NOTHING`.execute(db);
  await sql`INSERT INTO zones_emploi (code, name, commune_count) VALUES ('3207', 'Amiens (test)', 1),
    ('3212', 'Abbeville-Beauvais (test, à cheval)', 2), ('1101', 'Paris (test)', 1) ON CONFLICT DO NOTHING`.execute(
    db,
  );
  await sql`INSERT INTO communes (code, name, departement_code, region_code, zone_emploi_code) VALUES
    (${AMIENS}, 'Amiens', '80', '32', '3207'), (${ABBEVILLE}, 'Abbeville', '80', '32', '3212'),
    (${BEAUVAIS}, 'Beauvais', '60', '32', '3212'), (${PARIS}, 'Paris', '75', '11', '1101')
    ON CONFLICT DO NOTHING`.execute(db);
}

export type Pathway = { personId: string; parcoursId: string };

/** A person living in `commune` with a pathway of `departement` whose T0 is `t0` (opened that day at 10:00). */
export async function insertPathway(
  db: Db,
  o: {
    t0: string;
    departement?: string;
    commune?: string;
    origine?: "INSCRIPTION_AUTO_CAF" | "INSCRIPTION_VOLONTAIRE" | "INSCRIPTION_CONSEILLER_CD";
    closedAt?: string;
    exitReason?: string;
  },
): Promise<Pathway> {
  const departement = o.departement ?? "80";
  const person = await insertPerson(db, { departement });
  await sql`UPDATE persons SET commune_code = ${o.commune ?? AMIENS} WHERE id = ${person.id}`.execute(db);
  const parcoursId = id("7a000000");
  await sql`INSERT INTO parcours (id, person_id, departement, t0_date, statut_suivi, origine, opened_at, closed_at, exit_reason)
    VALUES (${parcoursId}, ${person.id}, ${departement}, ${o.t0}, ${o.closedAt ? "CLOS" : "ACTIF"},
      ${o.origine ?? "INSCRIPTION_AUTO_CAF"}, ${`${o.t0}T09:00:00Z`}, ${o.closedAt ?? null}, ${o.exitReason ?? null})`.execute(
    db,
  );
  return { personId: person.id, parcoursId };
}

/** An orientation decided and notified at `at`; closed at `closedAt` (a re-orientation) when given. */
export async function orient(
  db: Db,
  p: Pathway,
  o: {
    at: string;
    parcours: "PRO" | "SOCIO_PRO" | "SOCIAL";
    organisme: "FT" | "ML" | "CAP_EMPLOI" | "CD";
    structureId: string;
    deciderId: string;
    closedAt?: string;
  },
) {
  const orientationId = id("0a000000");
  await sql`INSERT INTO orientations (id, person_id, parcours_id, etat, statut, origine, decision, decided_by, decided_at,
      organisme_decision, parcours_retenu, organisme_retenu, structure_id, notified_at, created_at, updated_at)
    VALUES (${orientationId}, ${p.personId}, ${p.parcoursId}, ${o.closedAt ? "CLOTURE" : "OUVERT"}, 'DECIDE',
      'INSCRIPTION_AUTO_CAF', 'ACCEPTEE', ${o.deciderId}, ${o.at}, 'CD', ${o.parcours}, ${o.organisme},
      ${o.structureId}, ${o.at}, ${o.at}, ${o.closedAt ?? o.at})`.execute(db);
  await sql`INSERT INTO orientation_transitions (orientation_id, from_etat, to_etat, event, actor_kind, at)
    VALUES (${orientationId}, 'EN_ATTENTE', 'OUVERT', 'decide', 'professional', ${o.at})`.execute(db);
  if (o.closedAt)
    await sql`INSERT INTO orientation_transitions (orientation_id, from_etat, to_etat, event, actor_kind, at)
      VALUES (${orientationId}, 'OUVERT', 'CLOTURE', 'close', 'professional', ${o.closedAt})`.execute(db);
  return orientationId;
}

/** A named référent (a professional of `structureId`) following the person from `at` (to `endedAt`). */
export async function designateReferent(
  db: Db,
  personId: string,
  o: { structureId: string; professionalId: string; at: string; endedAt?: string },
) {
  await sql`INSERT INTO follow_ups (id, person_id, structure_id, professional_id, role, started_at, ended_at)
    VALUES (${id("f1000000")}, ${personId}, ${o.structureId}, ${o.professionalId}, 'referent', ${o.at},
      ${o.endedAt ?? null})`.execute(db);
}

/**
 * A contract whose versions are signed at the given instants, each with a weekly programme (`week`, hours
 * planned per activity); closed at `closedAt` when given.
 */
export async function signContract(
  db: Db,
  personId: string,
  versions: { signedAt: string; week?: string; hours?: number[] }[],
  closedAt?: string,
) {
  const contractId = id("c0000000");
  const first = versions[0]!.signedAt;
  await sql`INSERT INTO contracts (id, person_id, state, current_version, created_at, updated_at)
    VALUES (${contractId}, ${personId}, ${closedAt ? "CLOTURE" : "SIGNE"}, ${versions.length}, ${first}, ${first})`.execute(
    db,
  );
  for (const [i, v] of versions.entries()) {
    const content = {
      couchParcours: "",
      engagementsIndividuels: [],
      planAction: [],
      ...(v.week
        ? {
            programme: {
              semaineIso: v.week,
              cibleHeures: 15,
              activites: (v.hours ?? []).map((h, k) => ({
                code: String(k + 1),
                heuresPrevues: h,
                source: "SAISIE",
              })),
            },
          }
        : {}),
    };
    await sql`INSERT INTO contract_versions (contract_id, numero, motif, content, state, signed_at, signature_mode,
        recorded_by_kind, created_at, updated_at)
      VALUES (${contractId}, ${i + 1}, ${i === 0 ? "INITIAL" : "REVISION"}, ${JSON.stringify(content)}::jsonb,
        ${i === versions.length - 1 ? "SIGNE" : "REMPLACEE"}, ${v.signedAt}, 'PAPIER', 'professional',
        ${v.signedAt}, ${v.signedAt})`.execute(db);
  }
  if (closedAt)
    await sql`INSERT INTO contract_transitions (contract_id, from_state, to_state, event, actor_kind, at)
      VALUES (${contractId}, 'SIGNE', 'CLOTURE', 'close', 'professional', ${closedAt})`.execute(db);
  return contractId;
}

/** A diagnostic whose versions were recorded at the given instants. */
export async function diagnose(
  db: Db,
  personId: string,
  o: { at: string[]; authorId: string; structureId: string },
) {
  const diagnosticId = id("d1000000");
  await sql`INSERT INTO diagnostics (id, person_id, current_numero, created_at, updated_at)
    VALUES (${diagnosticId}, ${personId}, ${o.at.length}, ${o.at[0]}, ${o.at.at(-1)})`.execute(db);
  for (const [i, at] of o.at.entries())
    await sql`INSERT INTO diagnostic_versions (diagnostic_id, numero, content, author_id, structure_id, format, created_at)
      VALUES (${diagnosticId}, ${i + 1}, '{}'::jsonb, ${o.authorId}, ${o.structureId}, 'INDIVIDUEL', ${at})`.execute(
      db,
    );
}

/** An appointment in a one-place slot starting at `at`, with its invitation and booking instants. */
export async function insertAppointment(
  db: Db,
  personId: string,
  o: {
    at: string;
    status: "PLANIFIE" | "HONORE" | "ABSENT" | "EXCUSE";
    purpose: "PREMIER_RDV_ACCOMPAGNEMENT" | "SUIVI";
    structureId: string;
    professionalId: string;
    invitedAt?: string;
    bookedAt: string;
  },
) {
  const slotId = id("5b000000");
  await sql`INSERT INTO appointment_slots (id, structure_id, professional_id, starts_at, ends_at, capacity, booked_count,
      reception, modalite, created_at)
    VALUES (${slotId}, ${o.structureId}, ${o.professionalId}, ${o.at}, ${o.at}::timestamptz + interval '45 minutes', 1, 1,
      'INDIVIDUEL', 'SUR_PLACE', ${o.bookedAt})`.execute(db);
  await sql`INSERT INTO appointments (id, person_id, structure_id, slot_id, purpose, status, invited_at, booked_by_kind,
      booked_at, created_at, updated_at)
    VALUES (${id("a9000000")}, ${personId}, ${o.structureId}, ${slotId}, ${o.purpose}, ${o.status},
      ${o.invitedAt ?? null}, ${o.invitedAt ? "person" : "professional"}, ${o.bookedAt}, ${o.invitedAt ?? o.bookedAt},
      ${o.at})`.execute(db);
}
