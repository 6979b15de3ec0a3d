import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import type { ProfessionalRole } from "../../../shared/identity/identity.schema";
import {
  aNir,
  type InsertedStructure,
  insertFollowUp,
  insertPerson,
  insertProfessional,
  insertStructure,
} from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import type { ProfessionalActor } from "../../kernel/access";
import { personsPolicy } from "../persons.policy";
import { personsRepository } from "../persons.repository";
import { searchPersons } from "./search-persons";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

describe("right paths", () => {
  test("search by name (accents and case ignored), NIR and France Travail number; each hit is audited", async () => {
    const { deps } = testDeps(h);
    const s = await insertStructure(h.db);
    const pro = await insertProfessional(h.db, { structure: s });
    const nir = aNir(777);
    const hugo = await insertPerson(h.db, {
      birthName: "LEFÈVRE",
      firstNames: "Hugo",
      followedBy: s,
      nir,
      franceTravailId: "1234567A",
    });
    await insertPerson(h.db, { birthName: "MARTIN", firstNames: "Zoé", followedBy: s });

    const byName = await searchPersons(deps, pro.actor, { q: "lefevre" });
    assert.deepEqual(
      byName.items.map((i) => i.id),
      [hugo.id],
    );
    const byFirstName = await searchPersons(deps, pro.actor, { q: "HUGO" });
    assert.deepEqual(
      byFirstName.items.map((i) => i.id),
      [hugo.id],
    );
    const byNir = await searchPersons(deps, pro.actor, {
      q: `${nir.slice(0, 1)} ${nir.slice(1, 3)} ${nir.slice(3)}`,
    });
    assert.deepEqual(
      byNir.items.map((i) => i.id),
      [hugo.id],
    );
    const byFt = await searchPersons(deps, pro.actor, { q: "1234567a" });
    assert.deepEqual(
      byFt.items.map((i) => i.id),
      [hugo.id],
    );

    const hits = await h.db
      .selectFrom("audit_events")
      .select(["action", "section"])
      .where("person_id", "=", hugo.id)
      .execute();
    assert.equal(hits.length, 4);
    assert.ok(hits.every((r) => r.action === "persons.search_hit" && r.section === "recherche"));
  });
});

describe("wrong paths", () => {
  test("pilotage cannot list named persons (403, audited)", async () => {
    const { deps } = testDeps(h);
    const pilot = await insertProfessional(h.db, { roles: ["pilotage"] });
    await assert.rejects(searchPersons(deps, pilot.actor, {}), { code: "access.forbidden" });
    const denied = await h.db
      .selectFrom("audit_events")
      .select("outcome")
      .where("actor_id", "=", pilot.id)
      .execute();
    assert.deepEqual(denied, [{ outcome: "denied" }]);
  });
});

test("the SQL scope of lists agrees with personsPolicy.view (property)", async () => {
  // a small world: 3 structures in two départements, persons followed by 0..2 structures or named pros
  const structures: InsertedStructure[] = [
    await insertStructure(h.db, { departement: "80" }),
    await insertStructure(h.db, { departement: "80" }),
    await insertStructure(h.db, { departement: "33" }),
  ];
  const pros = [
    await insertProfessional(h.db, { structure: structures[0] }),
    await insertProfessional(h.db, { structure: structures[1] }),
  ];
  const personIds: string[] = [];
  const layout = fc.sample(
    fc.record({
      dep: fc.constantFrom("80", "33"),
      follows: fc.subarray([0, 1, 2]),
      named: fc.option(fc.constantFrom(0, 1), { nil: null }),
    }),
    { numRuns: 25, seed: 42 },
  );
  for (const l of layout) {
    const p = await insertPerson(h.db, { departement: l.dep });
    personIds.push(p.id);
    for (const i of l.follows) await insertFollowUp(h.db, { personId: p.id, structureId: structures[i]!.id });
    if (l.named !== null)
      await insertFollowUp(h.db, {
        personId: p.id,
        structureId: pros[l.named]!.structureId,
        professionalId: pros[l.named]!.id,
        role: "membre",
      });
  }
  const roleSets: ProfessionalRole[][] = [
    ["conseiller"],
    ["charge_orientation"],
    ["manager_territorial"],
    ["charge_relation_entreprise"],
    ["pilotage"],
    ["manager_territorial", "conseiller"],
  ];
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...roleSets),
      fc.constantFrom(0, 1, 2),
      fc.boolean(),
      async (roles, si, useNamedPro) => {
        const s = structures[si]!;
        const actor: ProfessionalActor = {
          kind: "professional",
          id: useNamedPro && si < 2 ? pros[si]!.id : "00000000-0000-4000-8000-00000000dead",
          structureId: s.id,
          structureKind: s.kind,
          departement: s.departement,
          roles,
          scope: roles.includes("manager_territorial") ? { level: "departement", code: s.departement } : null,
          channel: "web",
        };
        const listed = new Set<string>();
        for (let page = 1; ; page++) {
          const r = await personsRepository.search(h.db, actor, { kind: "all" }, page, 100);
          for (const i of r.items) listed.add(i.id);
          if (r.items.length < 100) break;
        }
        for (const id of personIds) {
          const scope = await personsRepository.fileScope(h.db, id);
          assert.equal(
            listed.has(id),
            personsPolicy.view(actor, scope!),
            `person ${id} roles ${roles} structure ${si}`,
          );
        }
      },
    ),
    { numRuns: 30 },
  );
});

test("the chargé d'orientation of the département lists and opens a person whose orientation is pending (PS-11), and no other", async () => {
  const { openPathwayForNewEntrant } = await import("../../orientation/open-pathway-for-new-entrant");
  const { deps } = testDeps(h);
  const cd = await insertStructure(h.db, { kind: "conseil_departemental", departement: "80" });
  const officer = await insertProfessional(h.db, { structure: cd, roles: ["charge_orientation"] });
  const pending = await insertPerson(h.db, { departement: "80", birthName: "ATTENTE" });
  const elsewhere = await insertPerson(h.db, { departement: "33", birthName: "AILLEURS" });
  const notPending = await insertPerson(h.db, { departement: "80", birthName: "SANSORIENTATION" });
  await h.db.transaction().execute((tx) =>
    openPathwayForNewEntrant(tx, deps, {
      personId: pending.id,
      departement: "80",
      t0: "2026-03-01",
      origine: "INSCRIPTION_AUTO_CAF",
    }),
  );
  await h.db.transaction().execute((tx) =>
    openPathwayForNewEntrant(tx, deps, {
      personId: elsewhere.id,
      departement: "33",
      t0: "2026-03-01",
      origine: "INSCRIPTION_AUTO_CAF",
    }),
  );

  const listed = new Set<string>();
  for (let page = 1; ; page++) {
    const r = await personsRepository.search(h.db, officer.actor, { kind: "all" }, page, 100);
    for (const i of r.items) listed.add(i.id);
    if (r.items.length < 100) break;
  }
  for (const p of [pending, elsewhere, notPending]) {
    const scope = await personsRepository.fileScope(h.db, p.id);
    assert.equal(personsPolicy.view(officer.actor, scope!), p === pending, p.birthName);
    assert.equal(listed.has(p.id), p === pending, p.birthName);
  }
});
