import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { anIdentite } from "../../../shared/registration/registration.builders";
import { insertPerson, insertProfessional, insertStructure } from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import type { SystemActor } from "../../kernel/access";
import { detectAbandonedRegistrations } from "./detect-abandoned-registrations";
import { fillRegistration } from "./registration.fixture";
import { saveRegistrationStep } from "./save-registration-step";
import { startRegistration } from "./start-registration";
import { submitRegistration } from "./submit-registration";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

const scheduler: SystemActor = { kind: "system", id: "planificateur", channel: "system" };
const items = (registrationId: string) =>
  h.db
    .selectFrom("work_items")
    .select([
      "type",
      "status",
      "structure_id as structureId",
      "due_date as dueDate",
      "due_soon_date as dueSoonDate",
      "departement",
    ])
    .where("subject_id", "=", registrationId)
    .where("type", "=", "INSCRIPTION_ABANDONNEE")
    .execute();

async function cover(structureId: string, communes: string[]) {
  await h.db
    .insertInto("structure_coverage")
    .values(communes.map((c) => ({ structure_id: structureId, commune_code: c })))
    .execute();
}

describe("right paths", () => {
  test("a draft left for 7 days raises « aller vers » once, for the Département's service of the person's commune; submitting closes it", async () => {
    const { deps, clock } = testDeps(h, "2026-03-02T09:00:00Z");
    const direction = await insertStructure(h.db, {
      kind: "conseil_departemental",
      name: "Direction de l'insertion",
    });
    const mdsi = await insertStructure(h.db, {
      kind: "conseil_departemental",
      name: "Maison des solidarités d'Amiens",
    });
    const ft = await insertStructure(h.db, { kind: "france_travail" });
    await cover(direction.id, ["80021", "80001", "80620"]);
    await cover(mdsi.id, ["80021"]);
    await cover(ft.id, ["80021"]);

    const person = await insertPerson(h.db, { nir: null });
    let draft = await startRegistration(deps, person.actor, {});
    draft = await saveRegistrationStep(deps, person.actor, {
      registrationId: draft.id,
      version: draft.version,
      step: "identite",
      data: anIdentite(),
      confirme: Object.keys(draft.prefill),
    });

    // saved on 2 March (Paris): not abandoned on 8 March, abandoned from 9 March
    clock.set("2026-03-08T22:59:00Z"); // 23:59 in Paris, still 8 March
    const early = await detectAbandonedRegistrations(deps, scheduler, {});
    assert.equal(early.reported, 0);
    assert.deepEqual(await items(draft.id), []);

    clock.set("2026-03-09T06:00:00Z");
    const due = await detectAbandonedRegistrations(deps, scheduler, {});
    assert.equal(due.reported, 1);
    assert.deepEqual(await items(draft.id), [
      {
        type: "INSCRIPTION_ABANDONNEE",
        status: "A_FAIRE",
        structureId: mdsi.id,
        dueDate: "2026-03-16",
        dueSoonDate: "2026-03-12",
        departement: "80",
      },
    ]);
    const audit = await h.db
      .selectFrom("audit_events")
      .select(["action", "actor_kind"])
      .where("person_id", "=", person.id)
      .where("action", "=", "registration.abandonment_reported")
      .execute();
    assert.deepEqual(audit, [{ action: "registration.abandonment_reported", actor_kind: "system" }]);

    // once per draft
    clock.set("2026-03-12T06:00:00Z");
    assert.equal((await detectAbandonedRegistrations(deps, scheduler, {})).reported, 0);
    assert.equal((await items(draft.id)).length, 1);

    // the person comes back and sends it: the outreach item is done
    const filled = await fillRegistration(deps, person.actor, draft);
    await submitRegistration(deps, person.actor, { registrationId: draft.id, version: filled.version });
    assert.deepEqual(
      (await items(draft.id)).map((i) => i.status),
      ["FAIT"],
    );
  });

  test("a counter's draft goes back to that counter; the delay is configurable; a draft without a file is only counted", async () => {
    const { deps, clock } = testDeps(h, "2026-04-01T08:00:00Z");
    const counter = await insertStructure(h.db, { kind: "mission_locale" });
    const pro = await insertProfessional(h.db, { structure: counter });
    const known = await insertPerson(h.db, { followedBy: counter, nir: null });
    const forKnown = await startRegistration(deps, pro.actor, { personId: known.id, canal: "GUICHET" });
    const forNew = await startRegistration(deps, pro.actor, { canal: "GUICHET" });

    clock.set("2026-04-04T08:00:00Z");
    assert.equal((await detectAbandonedRegistrations(deps, scheduler, {})).reported, 0, "7 days by default");
    const r = await detectAbandonedRegistrations(deps, scheduler, { abandonDays: 3 });
    assert.equal(r.reported, 1);
    assert.equal(r.withoutFile, 1);
    assert.deepEqual(
      (await items(forKnown.id)).map((i) => i.structureId),
      [counter.id],
    );
    assert.deepEqual(await items(forNew.id), []);
  });
});

describe("wrong paths", () => {
  test("only the scheduler (system) runs the detection", async () => {
    const { deps } = testDeps(h);
    const pro = await insertProfessional(h.db, { roles: ["manager_territorial"] });
    await assert.rejects(detectAbandonedRegistrations(deps, pro.actor, {}), { code: "access.forbidden" });
  });
});
