import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { publishedReferentiels } from "../../shared/orientation/orientation.referentiel";
import { insertPerson } from "../../test-support/builders";
import { testDb } from "../../test-support/db";
import { testDeps } from "../../test-support/deps";
import type { DbHandle } from "../db/connect";
import { openPathwayForNewEntrant } from "./open-pathway-for-new-entrant";
import { orientationRepository } from "./orientation.repository";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

describe("published rule sets", () => {
  test("the database holds exactly the référentiels of orientation.referentiel.ts, published", async () => {
    const stored = await orientationRepository.publishedRuleSets(h.db);
    assert.deepEqual(
      stored.map(({ publishedAt: _p, ...s }) => s),
      publishedReferentiels,
    );
    assert.ok(stored.every((s) => s.publishedAt !== null));
  });

  test("a published rule set cannot be changed nor deleted: a change is a new version", async () => {
    await assert.rejects(
      sql`UPDATE orientation_rule_sets SET label = 'modifié' WHERE departement IS NULL`.execute(h.db),
      /un référentiel publié ne se modifie pas/,
    );
    await assert.rejects(
      sql`DELETE FROM orientation_rule_sets`.execute(h.db),
      /un référentiel publié ne se modifie pas/,
    );
  });

  test("the same version cannot be published twice for a layer", async () => {
    await assert.rejects(
      h.db
        .insertInto("orientation_rule_sets")
        .values({
          id: "0a1e0000-0000-4000-8000-0000000000ff",
          departement: null,
          version: "2026.1",
          label: "x",
          effective_from: "2026-01-01",
          rules: "[]",
          published_at: null,
          created_at: new Date(),
        })
        .execute(),
    );
  });

  test("delegation: the Somme delegates nothing; a missing row means AUCUNE; settings can change", async () => {
    const { deps } = testDeps(h);
    assert.equal(await orientationRepository.delegation(h.db, "80"), "AUCUNE");
    assert.equal(await orientationRepository.delegation(h.db, "33"), "AUCUNE");
    await orientationRepository.setDelegation(h.db, "33", "PAR_DEFAUT", deps.clock.now());
    assert.equal(await orientationRepository.delegation(h.db, "33"), "PAR_DEFAUT");
  });
});

describe("letters", () => {
  test("bytes round-trip identical on both engines", async () => {
    const { deps } = testDeps(h);
    const p = await insertPerson(h.db);
    const { orientationId } = await openPathwayForNewEntrant(h.db, deps, {
      personId: p.id,
      departement: "80",
      t0: "2026-03-01",
      origine: "INSCRIPTION_AUTO_CAF",
    });
    const content = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x80, 0x0a]);
    await orientationRepository.insertLetter(h.db, {
      id: deps.ids.uuid(),
      orientationId,
      personId: p.id,
      filename: "courrier.pdf",
      content,
      sha256: "x",
      now: deps.clock.now(),
    });
    const back = await orientationRepository.letterOf(h.db, orientationId);
    assert.ok(back);
    assert.ok(Buffer.isBuffer(back.content));
    assert.deepEqual([...back.content], [...content]);
    assert.equal(await orientationRepository.hasLetter(h.db, orientationId), true);
  });
});
