// Test fixtures of orientation (used by the db and http tests only): a small Somme with the département's
// services and one chargé d'orientation, France Travail and a mission locale covering Amiens, and a way
// to open a pending orientation for a new person.
import { aCompleteCriteria } from "../../shared/orientation/orientation.builders";
import type { OrientationCriteria } from "../../shared/orientation/orientation.criteria";
import type { InsertedStructure } from "../../test-support/builders";
import { insertPerson, insertProfessional, insertStructure } from "../../test-support/builders";
import type { Db } from "../db/connect";
import type { Clock } from "../kernel/clock";
import type { Ids } from "../kernel/ids";
import { openPathwayForNewEntrant } from "./open-pathway-for-new-entrant";

export const AMIENS = "80021";

async function cover(db: Db, s: InsertedStructure, communes: string[]) {
  await db
    .insertInto("structure_coverage")
    .values(communes.map((c) => ({ structure_id: s.id, commune_code: c })))
    .execute();
}

export async function orientationTerritory(db: Db, departement = "80") {
  const cd = await insertStructure(db, {
    kind: "conseil_departemental",
    departement,
    name: `Département ${departement} — Direction de l'insertion`,
  });
  const mdsi = await insertStructure(db, {
    kind: "conseil_departemental",
    departement,
    name: `MDSI ${departement}`,
  });
  const ft = await insertStructure(db, {
    kind: "france_travail",
    departement,
    name: `France Travail ${departement} Nord`,
  });
  const ftSud = await insertStructure(db, {
    kind: "france_travail",
    departement,
    name: `France Travail ${departement} Sud`,
  });
  const ml = await insertStructure(db, {
    kind: "mission_locale",
    departement,
    name: `Mission locale ${departement}`,
  });
  await cover(db, cd, [AMIENS, "80001", "80620"]);
  await cover(db, mdsi, [AMIENS]);
  await cover(db, ft, [AMIENS]);
  await cover(db, ftSud, ["80001"]);
  await cover(db, ml, [AMIENS, "80001"]);
  const officer = await insertProfessional(db, {
    structure: cd,
    roles: ["charge_orientation"],
    firstName: "Julien",
    lastName: "Moreau",
    email: `orientation.${departement}@test.socle.fr`,
  });
  const ftOfficer = await insertProfessional(db, {
    structure: ft,
    roles: ["charge_orientation"],
    email: `ft.orientation.${departement}@test.socle.fr`,
  });
  const conseillerFt = await insertProfessional(db, {
    structure: ft,
    roles: ["conseiller"],
    email: `conseil.ft.${departement}@test.socle.fr`,
  });
  return { cd, mdsi, ft, ftSud, ml, officer, ftOfficer, conseillerFt };
}

export async function pendingOrientation(
  db: Db,
  deps: { clock: Clock; ids: Ids },
  opts: {
    criteria?: OrientationCriteria;
    email?: string | null;
    t0?: string;
    departement?: string;
    followedBy?: InsertedStructure;
  } = {},
) {
  const person = await insertPerson(db, {
    email: opts.email === undefined ? "personne.test@exemple.fr" : opts.email,
    departement: opts.departement ?? "80",
    followedBy: opts.followedBy,
  });
  const out = await openPathwayForNewEntrant(db, deps, {
    personId: person.id,
    departement: opts.departement ?? "80",
    t0: opts.t0 ?? "2026-03-01",
    origine: "INSCRIPTION_AUTO_CAF",
    criteria: opts.criteria ?? aCompleteCriteria(),
  });
  return { person, orientationId: out.orientationId, parcoursId: out.parcoursId };
}
