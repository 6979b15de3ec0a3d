import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import { insertPerson, insertProfessional, insertStructure } from "../../test-support/builders";
import { testDb, testEngine } from "../../test-support/db";
import { testDeps } from "../../test-support/deps";
import type { DbHandle } from "../db/connect";
import { getPerson } from "../persons/use-cases/get-person";
import { verifyAuditChain } from "./verify-audit-chain";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

test("the chain verifies, rejects application updates, and detects a row altered directly in the database", async () => {
  const { deps } = testDeps(h);
  const s = await insertStructure(h.db);
  const pro = await insertProfessional(h.db, { structure: s });
  const person = await insertPerson(h.db, { followedBy: s });
  for (let i = 0; i < 5; i++) await getPerson(deps, pro.actor, { personId: person.id });
  assert.deepEqual(await verifyAuditChain(h.db), { ok: true, rows: 5 });

  // no application role can edit the trail
  await assert.rejects(sql`UPDATE audit_events SET action = 'x' WHERE id = 3`.execute(h.db), /ajout seul/);
  await assert.rejects(sql`DELETE FROM audit_events WHERE id = 3`.execute(h.db), /ajout seul/);

  // a superuser bypassing the triggers alters row 3: verification names it
  await h.exec(
    "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update; UPDATE audit_events SET actor_id = 'quelqu-un-d-autre' WHERE id = 3; ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;",
  );
  const r = await verifyAuditChain(h.db);
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.brokenAt, 3);
});

test("a deleted row breaks the link of the next one", async () => {
  await h.exec(
    "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update; UPDATE audit_events SET actor_id = (SELECT actor_id FROM audit_events WHERE id = 2) WHERE id = 3; DELETE FROM audit_events WHERE id = 4; ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;",
  );
  const r = await verifyAuditChain(h.db);
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.brokenAt, 5);
});

test("`socle audit verify` exits 2 on an altered trail", {
  skip: testEngine() !== "postgres" && "the CLI opens its own connection: checked on PostgreSQL",
}, async () => {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const dbName = (await sql<{ d: string }>`SELECT current_database() AS d`.execute(h.db)).rows[0]!.d;
  url.pathname = `/${dbName}`;
  const r = spawnSync(process.execPath, ["bin/socle.js", "audit", "verify"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url.toString() },
  });
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /Journal ALTÉRÉ à l'entrée n° 5/);
});
