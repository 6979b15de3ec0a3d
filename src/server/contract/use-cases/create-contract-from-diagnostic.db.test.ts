// « Needs found feed the plan »: a contract drafted after the diagnostic starts with the diagnostic's needs as
// its plan d'action (one axis per theme, one objective per need), never with the restricted compartment.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import { diagnosticReferentiel, referentielLabel } from "../../../shared/diagnostic/diagnostic.referentiel";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import {
  diagnosedPerson,
  diagnosticTeam,
  followedPerson,
  RESTRICTED_NOTE,
} from "../../diagnostic/diagnostic.fixtures";
import { contractRepository } from "../contract.repository";
import { createContract } from "./create-contract";

let h: DbHandle;
let team: Awaited<ReturnType<typeof diagnosticTeam>>;
before(async () => {
  h = await testDb();
  team = await diagnosticTeam(h.db);
});
after(() => h.close());

test("the diagnostic's needs draft the plan d'action; the restricted compartment never goes into it", async () => {
  const { deps, person } = await diagnosedPerson(h, team, "2026-04-02T08:30:00Z");
  const view = await createContract(deps, team.referent.actor, { personId: person.id, content: {} });
  const [version] = await contractRepository.versions(h.db, view.id);
  const content = version?.content as { planAction: unknown };
  assert.deepEqual(content.planAction, [
    {
      theme: diagnosticReferentiel.CONTRAINTES_FAMILIALES.libelle,
      objectifs: [
        { libelle: referentielLabel("FAMILLE_MISE_EN_SECURITE"), accordPersonne: false, actions: [] },
      ],
    },
  ]);
  assert.ok(!JSON.stringify(version?.content).includes(RESTRICTED_NOTE));
});

test("without a diagnostic the plan d'action starts empty", async () => {
  const { deps } = testDeps(h, "2026-04-02T08:30:00Z");
  const person = await followedPerson(h.db, team.referent);
  const view = await createContract(deps, team.referent.actor, { personId: person.id, content: {} });
  const [version] = await contractRepository.versions(h.db, view.id);
  assert.ok(version);
  assert.deepEqual((version.content as { planAction: unknown }).planAction, []);
});

test("a diagnostic version without themes (an empty or older content) drafts nothing and breaks nothing", async () => {
  const { deps } = testDeps(h, "2026-04-02T08:30:00Z");
  const person = await followedPerson(h.db, team.referent);
  // what the demo history and older versions hold: a content without « themes » (versions are append-only)
  const id = randomUUID();
  await sql`INSERT INTO diagnostics (id, person_id, current_numero, started_by, created_at, updated_at)
    VALUES (${id}, ${person.id}, 1, ${team.referent.id}, now(), now())`.execute(h.db);
  await sql`INSERT INTO diagnostic_versions (diagnostic_id, numero, content, author_id, structure_id, format, created_at)
    VALUES (${id}, 1, '{}', ${team.referent.id}, ${team.referent.structureId}, 'INDIVIDUEL', now())`.execute(
    h.db,
  );
  const view = await createContract(deps, team.referent.actor, { personId: person.id, content: {} });
  const [version] = await contractRepository.versions(h.db, view.id);
  assert.ok(version);
  assert.deepEqual((version.content as { planAction: unknown }).planAction, []);
});
