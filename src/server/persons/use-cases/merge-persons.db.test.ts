import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { insertPerson, insertProfessional, insertStructure } from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import { personsRepository } from "../persons.repository";
import { mergePersons, undoMerge } from "./merge-persons";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

describe("right paths", () => {
  test("merging keeps one active record, moves the follow-ups, audits both files; undo restores both", async () => {
    const { deps } = testDeps(h);
    const s = await insertStructure(h.db);
    const admin = await insertProfessional(h.db, { structure: s, roles: ["admin_structure"] });
    const kept = await insertPerson(h.db, { followedBy: s, birthName: "DUPONT", birthDate: "1990-01-02" });
    const dup = await insertPerson(h.db, {
      followedBy: admin,
      birthName: "DUPONT",
      birthDate: "1990-01-02",
      nir: null,
    });

    const r = await mergePersons(deps, admin.actor, {
      personId: kept.id,
      absorbedId: dup.id,
      reason: "Même personne inscrite deux fois",
    });
    assert.equal(r.movedFollowUps, 1);
    assert.equal((await personsRepository.get(h.db, dup.id))?.status, "merged");
    assert.equal((await personsRepository.followUpsOf(h.db, kept.id)).length, 2);
    assert.deepEqual(await personsRepository.aliasIds(h.db, kept.id), [kept.id, dup.id]);

    await undoMerge(deps, admin.actor, { mergeId: r.mergeId });
    assert.equal((await personsRepository.get(h.db, dup.id))?.status, "active");
    assert.equal((await personsRepository.followUpsOf(h.db, kept.id)).length, 1);
    assert.equal((await personsRepository.followUpsOf(h.db, dup.id)).length, 1);
    const actions = await h.db
      .selectFrom("audit_events")
      .select(["person_id", "action"])
      .where("action", "in", ["persons.merged", "persons.unmerged"])
      .orderBy("id")
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ["persons.merged", "persons.merged", "persons.unmerged", "persons.unmerged"],
    );
  });
});

describe("wrong paths", () => {
  test("a conseiller cannot merge; a record cannot absorb itself; a merged record cannot be merged again", async () => {
    const { deps } = testDeps(h);
    const s = await insertStructure(h.db);
    const conseiller = await insertProfessional(h.db, { structure: s });
    const admin = await insertProfessional(h.db, { structure: s, roles: ["admin_structure"] });
    const a = await insertPerson(h.db, { followedBy: s });
    const b = await insertPerson(h.db, { followedBy: s });
    await assert.rejects(
      mergePersons(deps, conseiller.actor, { personId: a.id, absorbedId: b.id, reason: "doublon évident" }),
      { code: "access.forbidden" },
    );
    await assert.rejects(
      mergePersons(deps, admin.actor, { personId: a.id, absorbedId: a.id, reason: "doublon évident" }),
      { code: "persons.self_merge" },
    );
    await mergePersons(deps, admin.actor, { personId: a.id, absorbedId: b.id, reason: "doublon évident" });
    await assert.rejects(
      mergePersons(deps, admin.actor, { personId: a.id, absorbedId: b.id, reason: "doublon évident" }),
      { code: "persons.already_merged" },
    );
  });
});
