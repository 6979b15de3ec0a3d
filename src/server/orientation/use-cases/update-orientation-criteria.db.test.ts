import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { aCompleteCriteria } from "../../../shared/orientation/orientation.builders";
import { insertProfessional, insertStructure } from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import { orientationTerritory, pendingOrientation } from "../orientation.fixtures";
import { orientationRepository } from "../orientation.repository";
import { decideOrientation } from "./decide-orientation";
import { getOrientation } from "./get-orientation";
import { updateOrientationCriteria } from "./update-orientation-criteria";

let h: DbHandle;
let t: Awaited<ReturnType<typeof orientationTerritory>>;
before(async () => {
  h = await testDb();
  t = await orientationTerritory(h.db);
});
after(() => h.close());

const NOW = "2026-03-10T09:30:00Z";
const { date_naissance: _d, ...withoutBirthDate } = aCompleteCriteria();

describe("right paths", () => {
  test("the chargé d'orientation completes the criteria: the proposal is computed, BROUILLON → EN_ATTENTE", async () => {
    const { deps } = testDeps(h, NOW);
    const { person, orientationId } = await pendingOrientation(h.db, deps, { criteria: withoutBirthDate });
    const before = await getOrientation(deps, t.officer.actor, { orientationId });
    assert.equal(before.etat, "BROUILLON");
    assert.deepEqual(before.missingCriteria, ["date_naissance"]);
    assert.equal(before.recommendation?.organisme, "IND");

    const view = await updateOrientationCriteria(deps, t.officer.actor, {
      orientationId,
      version: 1,
      criteria: { ...withoutBirthDate, date_naissance: "2003-01-20" },
    });

    assert.equal(view.etat, "EN_ATTENTE");
    assert.equal(view.statut, "PRECONISE");
    assert.equal(view.version, 2);
    assert.deepEqual(view.missingCriteria, []);
    assert.deepEqual(
      [view.recommendation?.organisme, view.recommendation?.parcours, view.recommendation?.regleIds],
      ["ML", "PRO", ["NAT-04"]],
    );
    assert.match(view.recommendation?.explication ?? "", /Règle NAT-04 .* âge : 23 ans \(moins de 26 ans\)/);
    const transitions = await orientationRepository.transitions(h.db, orientationId);
    assert.deepEqual(
      transitions.at(-1) && [
        transitions.at(-1)?.from,
        transitions.at(-1)?.to,
        transitions.at(-1)?.event,
        transitions.at(-1)?.actorId,
      ],
      ["BROUILLON", "EN_ATTENTE", "criteria_completed", t.officer.id],
    );
    const audit = await h.db
      .selectFrom("audit_events")
      .select(["action", "purpose", "details"])
      .where("person_id", "=", person.id)
      .where("action", "=", "orientation.criteria_updated")
      .executeTakeFirstOrThrow();
    assert.equal(audit.purpose, "assess");
    assert.deepEqual((audit.details as { changed: string[] }).changed, ["date_naissance"]);
    assert.doesNotMatch(
      JSON.stringify(audit.details),
      /2003/,
      "the audit names the criteria, never their values",
    );
  });

  test("removing a criterion sends the orientation back to BROUILLON with an IND proposal", async () => {
    const { deps } = testDeps(h, NOW);
    const { orientationId } = await pendingOrientation(h.db, deps);
    const { contrainte_sante: _s, ...partial } = aCompleteCriteria();
    const view = await updateOrientationCriteria(deps, t.officer.actor, {
      orientationId,
      version: 1,
      criteria: partial,
    });
    assert.equal(view.etat, "BROUILLON");
    assert.equal(view.statut, null);
    assert.equal(view.recommendation?.organisme, "IND");
    assert.deepEqual(view.recommendation?.criteresManquants, ["contrainte_sante"]);
    assert.equal(
      (await orientationRepository.transitions(h.db, orientationId)).at(-1)?.event,
      "criteria_incomplete",
    );
  });

  test("a change that keeps the criteria complete recomputes the proposal without a transition", async () => {
    const { deps } = testDeps(h, NOW);
    const { orientationId } = await pendingOrientation(h.db, deps);
    const view = await updateOrientationCriteria(deps, t.officer.actor, {
      orientationId,
      version: 1,
      criteria: aCompleteCriteria({ contrainte_logement: "SANS_LOGEMENT" }),
    });
    assert.equal(view.etat, "EN_ATTENTE");
    assert.deepEqual([view.recommendation?.organisme, view.recommendation?.parcours], ["CD", "SOCIAL"]);
    assert.equal((await orientationRepository.transitions(h.db, orientationId)).length, 2);
  });

  test("the référent's structure may complete the criteria too", async () => {
    const { deps } = testDeps(h, NOW);
    const { orientationId } = await pendingOrientation(h.db, deps, {
      criteria: withoutBirthDate,
      followedBy: t.ft,
    });
    const view = await updateOrientationCriteria(deps, t.conseillerFt.actor, {
      orientationId,
      version: 1,
      criteria: aCompleteCriteria(),
    });
    assert.equal(view.etat, "EN_ATTENTE");
    assert.equal(view.actions.canDecide, false, "but not decide");
  });
});

describe("wrong paths", () => {
  test("a stale version is refused (409) and changes nothing", async () => {
    const { deps } = testDeps(h, NOW);
    const { orientationId } = await pendingOrientation(h.db, deps, { criteria: withoutBirthDate });
    await updateOrientationCriteria(deps, t.officer.actor, {
      orientationId,
      version: 1,
      criteria: aCompleteCriteria(),
    });
    await assert.rejects(
      updateOrientationCriteria(deps, t.officer.actor, {
        orientationId,
        version: 1,
        criteria: withoutBirthDate,
      }),
      {
        code: "orientation.version_conflict",
        status: 409,
      },
    );
    assert.equal((await orientationRepository.get(h.db, orientationId))?.etat, "EN_ATTENTE");
  });

  test("criteria of a decided orientation are frozen (409)", async () => {
    const { deps } = testDeps(h, NOW);
    const { orientationId } = await pendingOrientation(h.db, deps);
    await decideOrientation(deps, t.officer.actor, {
      orientationId,
      version: 1,
      decision: "ACCEPTEE",
      structureId: t.ft.id,
    });
    await assert.rejects(
      updateOrientationCriteria(deps, t.officer.actor, {
        orientationId,
        version: 2,
        criteria: aCompleteCriteria({ boe: true, boe_souhait_accompagnement: true }),
      }),
      {
        code: "orientation.not_pending",
        status: 409,
      },
    );
  });

  test("a conseiller of a structure that does not follow the person: 403, audited as denied", async () => {
    const { deps } = testDeps(h, NOW);
    const other = await insertProfessional(h.db, {
      structure: await insertStructure(h.db, { kind: "mission_locale" }),
    });
    const { person, orientationId } = await pendingOrientation(h.db, deps);
    await assert.rejects(getOrientation(deps, other.actor, { orientationId }), { code: "access.forbidden" });
    await assert.rejects(
      updateOrientationCriteria(deps, other.actor, {
        orientationId,
        version: 1,
        criteria: aCompleteCriteria(),
      }),
      { code: "access.forbidden" },
    );
    const denied = await h.db
      .selectFrom("audit_events")
      .select("action")
      .where("person_id", "=", person.id)
      .where("outcome", "=", "denied")
      .orderBy("id")
      .execute();
    assert.deepEqual(
      denied.map((d) => d.action),
      ["orientation.read", "orientation.update_criteria"],
    );
  });

  test("an invalid code gives a French field message", async () => {
    const { deps } = testDeps(h, NOW);
    const { orientationId } = await pendingOrientation(h.db, deps);
    await assert.rejects(
      updateOrientationCriteria(deps, t.officer.actor, {
        orientationId,
        version: 1,
        criteria: { ...aCompleteCriteria(), date_naissance: "2003-02-30" },
      }),
      (e: { code: string; issues: { path: string; message: string }[] }) => {
        assert.equal(e.code, "validation.invalid");
        assert.deepEqual(e.issues, [
          { path: "criteria.date_naissance", message: "Date attendue au format AAAA-MM-JJ" },
        ]);
        return true;
      },
    );
  });

  test("after the decision, another chargé d'orientation no longer opens the file (PS-11); the one who decided still does", async () => {
    const { deps } = testDeps(h, NOW);
    const other = await insertProfessional(h.db, { structure: t.cd, roles: ["charge_orientation"] });
    const { orientationId } = await pendingOrientation(h.db, deps);
    await getOrientation(deps, other.actor, { orientationId });
    await decideOrientation(deps, t.officer.actor, {
      orientationId,
      version: 1,
      decision: "ACCEPTEE",
      structureId: t.ft.id,
    });
    await assert.rejects(getOrientation(deps, other.actor, { orientationId }), { code: "access.forbidden" });
    assert.equal((await getOrientation(deps, t.officer.actor, { orientationId })).etat, "OUVERT");
  });
});
