import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { insertPerson, insertProfessional, insertStructure } from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import { getPerson } from "./get-person";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

const auditRows = (personId: string) =>
  h.db
    .selectFrom("audit_events")
    .select(["action", "outcome", "actor_id as actorId", "structure_id as structureId", "purpose", "section"])
    .where("person_id", "=", personId)
    .orderBy("id")
    .execute();

describe("right paths", () => {
  test("a conseiller of the following structure reads the identity; the read is audited with structure and purpose", async () => {
    const { deps } = testDeps(h);
    const structure = await insertStructure(h.db);
    const conseiller = await insertProfessional(h.db, { structure });
    const person = await insertPerson(h.db, { followedBy: structure, birthName: "MARTIN" });

    const view = await getPerson(deps, conseiller.actor, { personId: person.id });

    assert.equal(view.birthName, "MARTIN");
    assert.match(view.nirMasked ?? "", /^2 85 05 •• ••• ••• \d{2}$/);
    assert.equal(view.canEdit, true);
    assert.deepEqual(await auditRows(person.id), [
      {
        action: "persons.read",
        outcome: "allowed",
        actorId: conseiller.id,
        structureId: structure.id,
        purpose: "identify",
        section: "identite",
      },
    ]);
  });

  test("the person reads their own file", async () => {
    const { deps } = testDeps(h);
    const person = await insertPerson(h.db);
    const view = await getPerson(deps, person.actor, { personId: person.id });
    assert.equal(view.id, person.id);
    assert.equal(view.canEdit, false);
  });
});

describe("wrong paths", () => {
  test("a professional of structure A gets 403 on a person followed only by structure B, and the attempt is audited", async () => {
    const { deps } = testDeps(h);
    const a = await insertStructure(h.db, { name: "Structure A" });
    const b = await insertStructure(h.db, { name: "Structure B" });
    const proA = await insertProfessional(h.db, { structure: a });
    const proB = await insertProfessional(h.db, { structure: b });
    const person = await insertPerson(h.db, { followedBy: b });

    await assert.rejects(
      getPerson(deps, proA.actor, { personId: person.id }),
      (e: { code: string; status: number }) => {
        assert.equal(e.code, "access.forbidden");
        assert.equal(e.status, 403);
        return true;
      },
    );
    await getPerson(deps, proB.actor, { personId: person.id });

    assert.deepEqual(
      (await auditRows(person.id)).map((r) => [r.actorId, r.outcome, r.action]),
      [
        [proA.id, "denied", "persons.read"],
        [proB.id, "allowed", "persons.read"],
      ],
    );
  });

  test("pilotage never reads a named person, even in the structure that follows them", async () => {
    const { deps } = testDeps(h);
    const s = await insertStructure(h.db);
    const pilot = await insertProfessional(h.db, { structure: s, roles: ["pilotage"] });
    const person = await insertPerson(h.db, { followedBy: s });
    await assert.rejects(getPerson(deps, pilot.actor, { personId: person.id }), { code: "access.forbidden" });
  });

  test("another person is refused", async () => {
    const { deps } = testDeps(h);
    const me = await insertPerson(h.db);
    const other = await insertPerson(h.db);
    await assert.rejects(getPerson(deps, me.actor, { personId: other.id }), { code: "access.forbidden" });
  });

  test("an unknown person is a 404 with a French message", async () => {
    const { deps } = testDeps(h);
    const pro = await insertProfessional(h.db);
    await assert.rejects(getPerson(deps, pro.actor, { personId: "00000000-0000-4000-8000-0000000f0f0f" }), {
      code: "persons.not_found",
      message: "Cette personne est introuvable.",
    });
  });
});
