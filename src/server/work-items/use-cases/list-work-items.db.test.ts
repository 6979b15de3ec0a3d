import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { aCompleteCriteria } from "../../../shared/orientation/orientation.builders";
import { insertProfessional, insertStructure } from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import { orientationTerritory, pendingOrientation } from "../../orientation/orientation.fixtures";
import { orientationRepository } from "../../orientation/orientation.repository";
import { decideOrientation } from "../../orientation/use-cases/decide-orientation";
import { listWorkItems } from "./list-work-items";

let h: DbHandle;
let t: Awaited<ReturnType<typeof orientationTerritory>>;
let ids: { overdue: string; soon: string; later: string; other: string };
before(async () => {
  h = await testDb();
  t = await orientationTerritory(h.db);
  const { deps } = testDeps(h, "2026-03-01T08:00:00Z");
  // due T0 + 14: 2026-03-15 (overdue on the 21st), 2026-03-22 (due soon: near-due on the 18th), 2026-04-03
  const later = await pendingOrientation(h.db, deps, { t0: "2026-03-20", criteria: { brsa: true } });
  const overdue = await pendingOrientation(h.db, deps, { t0: "2026-03-01" });
  const soon = await pendingOrientation(h.db, deps, { t0: "2026-03-08" });
  const other = await pendingOrientation(h.db, deps, { t0: "2026-02-01", departement: "33" });
  ids = { overdue: overdue.person.id, soon: soon.person.id, later: later.person.id, other: other.person.id };
});
after(() => h.close());

describe("the chargé d'orientation's queue", () => {
  test("the département's persons to orient, by due date, flagged from today in Paris (23:30 UTC is already the next day)", async () => {
    const { deps } = testDeps(h, "2026-03-20T23:30:00Z"); // 21 March in Paris
    const list = await listWorkItems(deps, t.officer.actor, {
      scope: "departement",
      types: ["DECISION_ORIENTATION_A_PRENDRE"],
    });
    assert.equal(list.today, "2026-03-21");
    assert.deepEqual(
      list.items.map((i) => [i.person.id, i.dueDate, i.overdue, i.dueSoon, i.daysLeft]),
      [
        [ids.overdue, "2026-03-15", true, false, -6],
        [ids.soon, "2026-03-22", false, true, 1],
        [ids.later, "2026-04-03", false, false, 13],
      ],
    );
    assert.deepEqual([list.total, list.overdue, list.dueSoon], [3, 1, 1]);
    assert.equal(list.items[0]?.orientation?.etat, "EN_ATTENTE");
    assert.equal(list.items[0]?.orientation?.recommendedOrganisme, "FT");
    assert.equal(list.items[2]?.orientation?.recommendedOrganisme, "IND");
    assert.ok(!list.items.some((i) => i.person.id === ids.other), "never another département's");
    // each listed person counts as a read of their file (PS-18)
    const audit = await h.db
      .selectFrom("audit_events")
      .select("person_id")
      .where("action", "=", "work_items.list")
      .where("actor_id", "=", t.officer.id)
      .execute();
    assert.deepEqual(audit.map((a) => a.person_id).sort(), [ids.overdue, ids.soon, ids.later].sort());
  });

  test("a decided orientation leaves the queue; its first appointment goes to the structure's queue", async () => {
    const { deps } = testDeps(h, "2026-03-21T10:00:00Z");
    const p = await pendingOrientation(h.db, deps, { t0: "2026-03-10", criteria: aCompleteCriteria() });
    await decideOrientation(deps, t.officer.actor, {
      orientationId: p.orientationId,
      version: 1,
      decision: "ACCEPTEE",
      structureId: t.ft.id,
    });
    const queue = await listWorkItems(deps, t.officer.actor, { scope: "departement" });
    assert.ok(!queue.items.some((i) => i.person.id === p.person.id));
    const structure = await listWorkItems(deps, t.conseillerFt.actor, { scope: "structure" });
    assert.deepEqual(
      structure.items.map((i) => [i.type, i.person.id, i.structureName, i.dueDate, i.orientation?.id]),
      [
        [
          "PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE",
          p.person.id,
          "France Travail 80 Nord",
          "2026-03-28",
          p.orientationId,
        ],
      ],
    );
  });

  test("France Travail under a PAR_DEFAUT delegation sees the decisions still open at T0 + 1 month, not the others", async () => {
    const { deps } = testDeps(h, "2026-03-21T10:00:00Z");
    const d = "60";
    const t60 = await orientationTerritory(h.db, d);
    const old = await pendingOrientation(h.db, deps, { departement: d, t0: "2026-02-21" });
    const recent = await pendingOrientation(h.db, deps, { departement: d, t0: "2026-02-22" });
    await assert.rejects(listWorkItems(deps, t60.ftOfficer.actor, { scope: "departement" }), {
      code: "access.forbidden",
    });
    await orientationRepository.setDelegation(h.db, d, "PAR_DEFAUT", deps.clock.now());
    const list = await listWorkItems(deps, t60.ftOfficer.actor, { scope: "departement" });
    assert.deepEqual(
      list.items.map((i) => i.person.id),
      [old.person.id],
    );
    assert.ok(recent);
    await orientationRepository.setDelegation(h.db, d, "TOTALE", deps.clock.now());
    assert.equal((await listWorkItems(deps, t60.ftOfficer.actor, { scope: "departement" })).total, 2);
  });
});

describe("wrong paths", () => {
  test("a conseiller cannot list the département's orientation queue; pilotage has no structure queue", async () => {
    const { deps } = testDeps(h, "2026-03-21T10:00:00Z");
    await assert.rejects(listWorkItems(deps, t.conseillerFt.actor, { scope: "departement" }), {
      code: "access.forbidden",
      status: 403,
    });
    const pilot = await insertProfessional(h.db, {
      structure: await insertStructure(h.db),
      roles: ["pilotage"],
    });
    await assert.rejects(listWorkItems(deps, pilot.actor, { scope: "structure" }), {
      code: "access.forbidden",
    });
    assert.equal((await listWorkItems(deps, pilot.actor, { scope: "moi" })).total, 0);
  });

  test("an unknown type is a French validation error", async () => {
    const { deps } = testDeps(h, "2026-03-21T10:00:00Z");
    await assert.rejects(
      listWorkItems(deps, t.officer.actor, {
        scope: "departement",
        types: ["PAS_UN_TYPE" as "DECISION_ORIENTATION_A_PRENDRE"],
      }),
      {
        code: "validation.invalid",
      },
    );
  });
});
