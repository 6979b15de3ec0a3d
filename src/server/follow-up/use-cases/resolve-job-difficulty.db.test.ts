// « Difficulté traitée »: the référent closes RETOUR_EMPLOI_DIFFICULTE with a note, as a point d'étape
// closes its item; the note stays with the « suivi dans l'emploi », the action is audited, and a stranger,
// a second closing or an empty note are refused.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import { personInAccompaniment } from "../follow-up.fixtures";
import { answerJobFollowUp } from "./answer-job-follow-up";
import { getFollowUp } from "./get-follow-up";
import { recordExit } from "./record-exit";
import { resolveJobDifficulty } from "./resolve-job-difficulty";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

/** A person back at work since 27 April who answered « J'ai une difficulté » on 7 May. */
async function difficultyReported() {
  const f = await personInAccompaniment(h.db, { decidedAt: "2026-01-05T10:00:00Z" });
  const { deps, clock } = testDeps(h, "2026-05-04T06:00:00Z");
  const v = await getFollowUp(deps, f.referente.actor, { personId: f.person.id });
  await recordExit(deps, f.referente.actor, {
    personId: f.person.id,
    version: v.parcours!.version,
    motif: "EMPLOI",
    exitDate: "2026-04-27",
  });
  clock.set("2026-05-07T08:00:00Z");
  await answerJobFollowUp(deps, f.person.actor, {
    answer: "DIFFICULTE",
    comment: "Les horaires changent chaque semaine",
  });
  return { ...f, deps, clock };
}

const items = (personId: string) =>
  h.db
    .selectFrom("work_items")
    .select(["type", "status", "closed_at as closedAt"])
    .where("person_id", "=", personId)
    .where("type", "=", "RETOUR_EMPLOI_DIFFICULTE")
    .execute();

describe("right paths", () => {
  test("the référente notes what was done: the item is closed, the note kept with the job follow-up, audited", async () => {
    const { person, referente, deps, clock } = await difficultyReported();
    const pro = await h.db
      .selectFrom("professionals")
      .select(["first_name as firstName", "last_name as lastName"])
      .where("id", "=", referente.id)
      .executeTakeFirstOrThrow();
    const referenteName = `${pro.firstName} ${pro.lastName}`;
    const before = await getFollowUp(deps, referente.actor, { personId: person.id });
    assert.deepEqual(before.actions, ["job_difficulty"]);
    assert.deepEqual(
      before.openItems.map((i) => i.type),
      ["RETOUR_EMPLOI_DIFFICULTE"],
    );

    clock.set("2026-05-08T13:30:00Z");
    const view = await resolveJobDifficulty(deps, referente.actor, {
      personId: person.id,
      note: "  Appel le 8 mai : planning fixe obtenu avec l'employeur.  ",
    });
    assert.deepEqual(view.actions, []);
    assert.deepEqual(view.openItems, []);
    assert.deepEqual(view.exit?.difficultiesHandled, [
      {
        note: "Appel le 8 mai : planning fixe obtenu avec l'employeur.",
        recordedAt: "2026-05-08T13:30:00.000Z",
        recordedBy: referenteName,
      },
    ]);
    assert.deepEqual(await items(person.id), [
      { type: "RETOUR_EMPLOI_DIFFICULTE", status: "FAIT", closedAt: new Date("2026-05-08T13:30:00Z") },
    ]);
    const audited = await h.db
      .selectFrom("audit_events")
      .select(["action", "actor_id as actorId", "outcome"])
      .where("person_id", "=", person.id)
      .where("action", "=", "follow_up.job_difficulty_resolved")
      .execute();
    assert.deepEqual(audited, [
      { action: "follow_up.job_difficulty_resolved", actorId: referente.id, outcome: "allowed" },
    ]);

    // a new difficulty later opens a new item, which can be handled again
    await answerJobFollowUp(deps, person.actor, { answer: "PLUS_EN_POSTE" });
    assert.deepEqual((await getFollowUp(deps, referente.actor, { personId: person.id })).actions, [
      "job_difficulty",
    ]);
  });
});

describe("wrong paths", () => {
  test("nothing to handle, an empty note, and a professional who does not follow the person", async () => {
    const { person, referente, stranger, deps } = await difficultyReported();
    await assert.rejects(resolveJobDifficulty(deps, referente.actor, { personId: person.id, note: "   " }), {
      code: "validation.invalid",
    });
    await assert.rejects(resolveJobDifficulty(deps, stranger.actor, { personId: person.id, note: "Vu" }), {
      code: "access.forbidden",
    });
    const denied = await h.db
      .selectFrom("audit_events")
      .select("outcome")
      .where("person_id", "=", person.id)
      .where("actor_id", "=", stranger.id)
      .execute();
    assert.deepEqual(denied, [{ outcome: "denied" }]);

    await resolveJobDifficulty(deps, referente.actor, { personId: person.id, note: "Appel passé." });
    await assert.rejects(
      resolveJobDifficulty(deps, referente.actor, { personId: person.id, note: "Encore" }),
      { code: "follow_up.no_job_difficulty" },
    );
    assert.equal((await items(person.id)).length, 1);
  });
});
