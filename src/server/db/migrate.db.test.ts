import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import { testDb, testEngine } from "../../test-support/db";
import type { DbHandle } from "./connect";
import { currentMigration, listMigrations, migrate } from "./migrate";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

test(`migrations are applied once and recorded (${testEngine()})`, async () => {
  const all = listMigrations();
  assert.ok(all.length > 0);
  assert.equal(await currentMigration(h), all.at(-1)?.name);
  const again = await migrate(h);
  assert.deepEqual(again.applied, []);
});

test("a changed applied migration stops the start", async () => {
  const first = listMigrations()[0]!;
  await sql`UPDATE schema_migrations SET checksum = 'x' WHERE name = ${first.name}`.execute(h.db);
  await assert.rejects(migrate(h), /modifiée après son application/);
  await sql`UPDATE schema_migrations SET checksum = ${first.checksum} WHERE name = ${first.name}`.execute(
    h.db,
  );
});
