import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { insertFollowUp, insertProfessional } from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import { diagnosedPerson, diagnosticTeam, followedPerson, RESTRICTED_NOTE } from "../diagnostic.fixtures";
import { getDiagnostic } from "./get-diagnostic";
import { getMyDiagnostic } from "./get-my-diagnostic";
import { startDiagnostic } from "./start-diagnostic";

let h: DbHandle;
let team: Awaited<ReturnType<typeof diagnosticTeam>>;
before(async () => {
  h = await testDb();
  team = await diagnosticTeam(h.db);
});
after(() => h.close());

const NOW = "2026-04-02T08:30:00Z";
const SECRET = RESTRICTED_NOTE;

const diagnosed = () => diagnosedPerson(h, team, NOW);

const readsOf = (personId: string) =>
  h.db
    .selectFrom("audit_events")
    .select(["action", "outcome", "actor_id as actorId", "details"])
    .where("person_id", "=", personId)
    .where("action", "in", ["diagnostic.read", "diagnostic.read_own"])
    .orderBy("id")
    .execute();

describe("right paths", () => {
  test("the référent reads the current version with its restricted compartment; the read is audited", async () => {
    const { deps, person } = await diagnosed();
    const view = await getDiagnostic(deps, team.referent.actor, { personId: person.id });
    assert.equal(view.shown?.confidentiel?.violencesFamiliales, SECRET);
    assert.deepEqual(view.actions, { canWrite: true, canSeeConfidentiel: true });
    const reads = await readsOf(person.id);
    assert.equal(reads.length, 1);
    assert.deepEqual(reads[0]?.details, { diagnosticId: view.id, numero: 1, confidentiel: true });
  });

  test("a co-référent sees the restricted compartment too (parcours.md §5.4)", async () => {
    const { deps, person } = await diagnosed();
    const co = await insertProfessional(h.db, {
      structure: team.elsewhere,
      firstName: "Sacha",
      lastName: "Coréférent",
    });
    await insertFollowUp(h.db, {
      personId: person.id,
      structureId: team.elsewhere.id,
      professionalId: co.id,
      role: "co_referent",
    });
    const view = await getDiagnostic(deps, co.actor, { personId: person.id });
    assert.equal(view.shown?.confidentiel?.violencesFamiliales, SECRET);
  });

  test("a colleague of the référent's structure reads the shared part, never the restricted compartment", async () => {
    const { deps, person } = await diagnosed();
    const view = await getDiagnostic(deps, team.colleague.actor, { personId: person.id });
    assert.equal(
      view.shown?.content.themes.CONTRAINTES_FAMILIALES?.impact,
      "FORT",
      "barrier and impact are shared",
    );
    assert.equal(view.shown?.confidentiel, null);
    assert.deepEqual(view.actions, { canWrite: true, canSeeConfidentiel: false });
    assert.doesNotMatch(JSON.stringify(view), /Violences conjugales/);
    const reads = await readsOf(person.id);
    assert.deepEqual(reads.at(-1)?.details, { diagnosticId: view.id, numero: 1, confidentiel: false });
  });

  test("the person reads their own diagnostic, restricted compartment included (audited)", async () => {
    const { deps, person } = await diagnosed();
    const mine = await getMyDiagnostic(deps, person.actor, {});
    assert.equal(mine.current?.numero, 1);
    assert.equal(mine.current?.author?.name, "Camille Référente");
    assert.equal(mine.current?.confidentiel?.violencesFamiliales, SECRET);
    assert.deepEqual(
      (await readsOf(person.id)).map((r) => [r.action, r.actorId]),
      [["diagnostic.read_own", person.id]],
    );
  });

  test("a person without a saved diagnostic sees nothing yet", async () => {
    const { deps } = testDeps(h, NOW);
    const person = await followedPerson(h.db, team.referent);
    await startDiagnostic(deps, team.referent.actor, { personId: person.id });
    assert.deepEqual(await getMyDiagnostic(deps, person.actor, {}), { current: null });
  });
});

describe("wrong paths", () => {
  test("a professional who does not follow the person is refused (403) and the attempt is audited", async () => {
    const { deps, person } = await diagnosed();
    await assert.rejects(getDiagnostic(deps, team.outsider.actor, { personId: person.id }), {
      code: "access.forbidden",
      status: 403,
    });
    const denied = await h.db
      .selectFrom("audit_events")
      .select(["action", "actor_id as actorId", "section"])
      .where("person_id", "=", person.id)
      .where("outcome", "=", "denied")
      .execute();
    assert.deepEqual(denied, [
      { action: "diagnostic.read", actorId: team.outsider.id, section: "diagnostic" },
    ]);
  });

  test("another person cannot read it; a professional cannot use the person's own route", async () => {
    const { deps, person } = await diagnosed();
    const other = await followedPerson(h.db, team.referent);
    await assert.rejects(getDiagnostic(deps, other.actor, { personId: person.id }), {
      code: "access.forbidden",
    });
    await assert.rejects(getMyDiagnostic(deps, team.referent.actor, {}), { code: "access.forbidden" });
  });

  test("a version that does not exist is a 404; a diagnostic not started is a 404", async () => {
    const { deps, person } = await diagnosed();
    await assert.rejects(getDiagnostic(deps, team.referent.actor, { personId: person.id, numero: 7 }), {
      code: "diagnostic.version_not_found",
      status: 404,
    });
    const other = await followedPerson(h.db, team.referent);
    await assert.rejects(getDiagnostic(deps, team.referent.actor, { personId: other.id }), {
      code: "diagnostic.not_started",
      status: 404,
    });
  });
});
