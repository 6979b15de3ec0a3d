import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import { testDb } from "../../test-support/db";
import type { DbHandle } from "../db/connect";
import { personsFieldRegister } from "./persons.fields";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

test("every column of persons is in the field register with purposes, sensitivity and retention (PS-01)", async () => {
  const cols = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns WHERE table_name = 'persons' ORDER BY ordinal_position`.execute(
    h.db,
  );
  assert.ok(cols.rows.length > 20);
  const missing = cols.rows.map((c) => c.column_name).filter((c) => !(c in personsFieldRegister));
  assert.deepEqual(missing, [], `colonnes sans finalité déclarée : ${missing.join(", ")}`);
  for (const [name, rule] of Object.entries(personsFieldRegister)) {
    if ("technical" in rule) continue;
    assert.ok(rule.purposes.length > 0 && rule.retention, `${name} : finalité ou conservation manquante`);
  }
});
