// The server's catch-up of the steering facts (steering.refresher.ts): a backlog as large as half the tables is
// rebuilt in one pass, a small one refreshed person by person; either way nothing is left waiting and the
// facts hold the new rows.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import { testDb } from "../../test-support/db";
import type { DbHandle } from "../db/connect";
import { steeringFactsBacklog } from "./steering.facts";
import { insertPathway, steeringTerritory } from "./steering.fixtures";
import { catchUpSteeringFacts } from "./steering.refresher";

let h: DbHandle;
before(async () => {
  h = await testDb();
  await steeringTerritory(h.db);
});
after(() => h.close());

const factsOf = async (personIds: string[]) =>
  (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM steering_pathway_facts
      WHERE person_id = ANY (${`{${personIds.join(",")}}`}::uuid[])`.execute(h.db)
  ).rows[0]!.n;

test("the first catch-up rebuilds, a later small backlog is refreshed; nothing is left waiting", async () => {
  const first = [];
  for (let i = 0; i < 6; i++) first.push(await insertPathway(h.db, { t0: "2026-03-02" }));
  assert.equal(await steeringFactsBacklog(h.db), 6);
  const r1 = await catchUpSteeringFacts({ db: h.db });
  assert.deepEqual([r1.persons, r1.rebuilt], [6, true]);
  assert.equal(await steeringFactsBacklog(h.db), 0);
  assert.equal(await factsOf(first.map((p) => p.personId)), 6);

  const later = await insertPathway(h.db, { t0: "2026-04-01" });
  const r2 = await catchUpSteeringFacts({ db: h.db });
  assert.deepEqual([r2.persons, r2.rebuilt], [1, false]);
  assert.equal(await steeringFactsBacklog(h.db), 0);
  assert.equal(await factsOf([later.personId]), 1);

  const r3 = await catchUpSteeringFacts({ db: h.db });
  assert.deepEqual([r3.persons, r3.rebuilt], [0, false]);
});
