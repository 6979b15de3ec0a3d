import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { insertPerson, insertStructure } from "../../test-support/builders";
import { testDb } from "../../test-support/db";
import { testDeps } from "../../test-support/deps";
import type { DbHandle } from "../db/connect";
import { DEMO_PERSON_TO_ORIENT, seedDemoOrientations } from "./demo-orientations";

let a: DbHandle;
let b: DbHandle;
before(async () => {
  [a, b] = await Promise.all([testDb(), testDb()]);
});
after(async () => {
  await Promise.all([a.close(), b.close()]);
});

const personId = (n: number) => `0d000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

async function territory(h: DbHandle) {
  await sql`INSERT INTO regions (code, name) VALUES ('32', 'Hauts-de-France')`.execute(h.db);
  await sql`INSERT INTO departements (code, name, region_code) VALUES ('80', 'Somme', '32')`.execute(h.db);
  await sql`INSERT INTO communes (code, name, departement_code, region_code, postal_codes) VALUES ('80021', 'Amiens', '80', '32', '{80000}')`.execute(
    h.db,
  );
  const ft = await insertStructure(h.db, {
    id: "5d000000-0000-4000-8000-000000000001",
    siret: "99000000000018",
  });
  for (let n = 1; n <= 40; n++) {
    await insertPerson(h.db, {
      id: personId(n),
      email: n === 1 ? DEMO_PERSON_TO_ORIENT.email : null,
      nir: null,
      followedBy: n % 4 === 0 ? ft : undefined,
    });
  }
  await sql`UPDATE persons SET commune_code = '80021', postal_code = '80000', address_line = '1 rue Pasteur'`.execute(
    h.db,
  );
}

const snapshot = (h: DbHandle) =>
  h.db
    .selectFrom("orientations as o")
    .innerJoin("parcours as p", "p.id", "o.parcours_id")
    .innerJoin("work_items as w", "w.subject_id", "o.id")
    .select([
      "o.id",
      "o.person_id as personId",
      "o.etat",
      "o.criteria",
      "p.t0_date as t0",
      "w.due_date as dueDate",
    ])
    .orderBy("o.person_id")
    .execute();

describe("demo orientations", () => {
  test("every person nobody follows gets a pending orientation; same data on two databases; a rerun opens nothing", async () => {
    for (const h of [a, b]) await territory(h);
    const { deps } = testDeps(a, "2026-11-23T09:00:00Z");
    assert.deepEqual(await seedDemoOrientations(a.db, deps.clock, "80"), { opened: 30 });
    assert.deepEqual(await seedDemoOrientations(b.db, deps.clock, "80"), { opened: 30 });
    assert.deepEqual(await snapshot(a), await snapshot(b));
    assert.deepEqual(await seedDemoOrientations(a.db, deps.clock, "80"), { opened: 0 });

    const rows = await snapshot(a);
    assert.equal(rows.length, 30);
    assert.ok(
      rows.every((r) => Number.parseInt(r.personId.slice(-12), 16) % 4 !== 0),
      "followed persons get none",
    );
    const overdue = rows.filter((r) => r.dueDate < "2026-11-23").length;
    assert.ok(overdue >= 3 && overdue <= 20, `${overdue} overdue of 30`);
    assert.ok(rows.some((r) => r.etat === "EN_ATTENTE") && rows.some((r) => r.etat === "BROUILLON"));

    const sarah = rows.find((r) => r.personId === personId(1));
    assert.equal(sarah?.etat, "EN_ATTENTE");
    assert.equal(sarah?.t0, "2026-11-06");
    assert.equal(sarah?.dueDate, "2026-11-20");
  });
});
