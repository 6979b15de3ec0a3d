import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { insertPerson, insertProfessional } from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import { orientationTerritory, pendingOrientation } from "../orientation.fixtures";
import { decideOrientation } from "./decide-orientation";
import { getMyOrientation } from "./get-my-orientation";
import { getOrientationLetter } from "./get-orientation-letter";

let h: DbHandle;
let t: Awaited<ReturnType<typeof orientationTerritory>>;
before(async () => {
  h = await testDb();
  t = await orientationTerritory(h.db);
});
after(() => h.close());

describe("the person's orientation in their space", () => {
  test("pending, then decided: organisme, parcours, structure, dates, main criteria and the letter", async () => {
    const { deps } = testDeps(h, "2026-03-10T09:00:00Z");
    const { person, orientationId } = await pendingOrientation(h.db, deps);
    assert.deepEqual(await getMyOrientation(deps, person.actor, {}), {
      current: null,
      pending: { since: "2026-03-10T09:00:00.000Z", dueDate: "2026-03-15" },
    });

    await decideOrientation(deps, t.officer.actor, {
      orientationId,
      version: 1,
      decision: "ACCEPTEE",
      structureId: t.ft.id,
    });
    const mine = await getMyOrientation(deps, person.actor, {});
    assert.equal(mine.pending, null);
    assert.deepEqual(
      { ...mine.current, structure: mine.current?.structure?.name },
      {
        id: orientationId,
        parcours: "PRO",
        organisme: "FT",
        structure: "France Travail 80 Nord",
        decidedAt: "2026-03-10T09:00:00.000Z",
        notifiedAt: "2026-03-10T09:00:00.000Z",
        override: false,
        criteresDeterminants: [
          "En capacité de travailler : oui",
          "Situation professionnelle : sans emploi depuis moins d'un an",
          "Projet professionnel : trouver un emploi",
        ],
        versionReferentiel: "FR-2026.1 / 80-2026.1",
        letterUrl: `/api/orientations/${orientationId}/letter`,
      },
    );
    const letter = await getOrientationLetter(deps, person.actor, { orientationId });
    assert.equal(letter.content.subarray(0, 5).toString(), "%PDF-");
    const audit = await h.db
      .selectFrom("audit_events")
      .select(["action", "actor_kind as actorKind"])
      .where("person_id", "=", person.id)
      .where("action", "in", ["orientation.read_own", "orientation.letter_read"])
      .execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), [
      "orientation.letter_read",
      "orientation.read_own",
      "orientation.read_own",
    ]);
  });

  test("the letter is refused to another person and to professionals who do not follow; a professional has no « my orientation »", async () => {
    const { deps } = testDeps(h, "2026-03-10T09:00:00Z");
    const { orientationId } = await pendingOrientation(h.db, deps);
    await decideOrientation(deps, t.officer.actor, {
      orientationId,
      version: 1,
      decision: "ACCEPTEE",
      structureId: t.ft.id,
    });
    const someoneElse = await insertPerson(h.db);
    await assert.rejects(getOrientationLetter(deps, someoneElse.actor, { orientationId }), {
      code: "access.forbidden",
    });
    const otherOfficer = await insertProfessional(h.db, { structure: t.cd, roles: ["charge_orientation"] });
    await assert.rejects(getOrientationLetter(deps, otherOfficer.actor, { orientationId }), {
      code: "access.forbidden",
    });
    assert.ok(await getOrientationLetter(deps, t.officer.actor, { orientationId }), "the one who decided");
    // the structure now follows the person: its staff may read the letter
    assert.ok(await getOrientationLetter(deps, t.conseillerFt.actor, { orientationId }));
    await assert.rejects(getMyOrientation(deps, t.officer.actor, {}), { code: "access.forbidden" });
  });

  test("no letter before the decision: 404 with a French message", async () => {
    const { deps } = testDeps(h, "2026-03-10T09:00:00Z");
    const { person, orientationId } = await pendingOrientation(h.db, deps);
    await assert.rejects(getOrientationLetter(deps, person.actor, { orientationId }), {
      code: "orientation.letter_not_found",
      status: 404,
    });
  });
});
