import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { aCompleteCriteria } from "../../shared/orientation/orientation.builders";
import { insertPerson, insertProfessional, insertStructure } from "../../test-support/builders";
import { testDb } from "../../test-support/db";
import { testDeps } from "../../test-support/deps";
import type { DbHandle } from "../db/connect";
import { openPathwayForNewEntrant, openPathwaysForNewEntrants } from "./open-pathway-for-new-entrant";
import { storedRecommendation } from "./orientation.presenter";
import { orientationRepository } from "./orientation.repository";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

const itemsOf = (personId: string) =>
  h.db
    .selectFrom("work_items")
    .select([
      "type",
      "subject_id as subjectId",
      "departement",
      "structure_id as structureId",
      "status",
      "due_date as dueDate",
      "due_soon_date as dueSoonDate",
    ])
    .where("person_id", "=", personId)
    .execute();

describe("right paths", () => {
  test("a new entrant known by the flow only: parcours A_ORIENTER, orientation BROUILLON (IND), decision item due T0 + 14", async () => {
    const { deps } = testDeps(h, "2026-03-02T09:00:00Z");
    const p = await insertPerson(h.db);
    const out = await openPathwayForNewEntrant(h.db, deps, {
      personId: p.id,
      departement: "80",
      t0: "2026-03-01",
      origine: "INSCRIPTION_AUTO_CAF",
      criteria: { brsa: true, date_naissance: "1985-05-14" },
    });
    assert.equal(out.opened, true);
    const parcours = await orientationRepository.openParcoursOf(h.db, p.id);
    assert.deepEqual(parcours, {
      id: out.parcoursId,
      departement: "80",
      t0: "2026-03-01",
      statutSuivi: "A_ORIENTER",
    });
    const o = await orientationRepository.get(h.db, out.orientationId);
    assert.equal(o?.etat, "BROUILLON");
    assert.equal(o?.statut, null);
    assert.deepEqual(o?.criteria, { brsa: true, date_naissance: "1985-05-14" });
    assert.equal(storedRecommendation({ recommendation: o?.recommendation })?.organisme, "IND");
    assert.deepEqual(
      (await orientationRepository.transitions(h.db, out.orientationId)).map((t) => [
        t.from,
        t.to,
        t.event,
        t.actorKind,
        t.reason,
      ]),
      [[null, "BROUILLON", "open", "system", "INSCRIPTION_AUTO_CAF"]],
    );
    assert.deepEqual(await itemsOf(p.id), [
      {
        type: "DECISION_ORIENTATION_A_PRENDRE",
        subjectId: out.orientationId,
        departement: "80",
        structureId: null,
        status: "A_FAIRE",
        dueDate: "2026-03-15",
        dueSoonDate: "2026-03-11",
      },
    ]);
  });

  test("complete criteria: the recommendation is computed and the orientation awaits its decision (EN_ATTENTE, PRECONISE)", async () => {
    const { deps } = testDeps(h, "2026-03-02T09:00:00Z");
    const p = await insertPerson(h.db);
    const out = await openPathwayForNewEntrant(h.db, deps, {
      personId: p.id,
      departement: "80",
      t0: "2026-03-01",
      origine: "INSCRIPTION_VOLONTAIRE",
      criteria: aCompleteCriteria(),
    });
    const o = await orientationRepository.get(h.db, out.orientationId);
    assert.equal(o?.etat, "EN_ATTENTE");
    assert.equal(o?.statut, "PRECONISE");
    assert.equal(o?.rulesVersion, "FR-2026.1 / 80-2026.1");
    assert.deepEqual(storedRecommendation({ recommendation: o?.recommendation })?.regleIds, ["NAT-99"]);
    assert.deepEqual(
      (await orientationRepository.transitions(h.db, out.orientationId)).map((t) => [t.from, t.to, t.event]),
      [
        [null, "BROUILLON", "open"],
        ["BROUILLON", "EN_ATTENTE", "criteria_completed"],
      ],
    );
  });

  test("idempotent: a second call opens nothing and returns the same pathway and orientation", async () => {
    const { deps } = testDeps(h);
    const p = await insertPerson(h.db);
    const first = await openPathwayForNewEntrant(h.db, deps, {
      personId: p.id,
      departement: "80",
      t0: "2026-03-01",
      origine: "INSCRIPTION_AUTO_CAF",
    });
    const second = await openPathwayForNewEntrant(h.db, deps, {
      personId: p.id,
      departement: "80",
      t0: "2026-03-05",
      origine: "INSCRIPTION_AUTO_CAF",
      criteria: aCompleteCriteria(),
    });
    assert.deepEqual(second, { ...first, opened: false });
    assert.equal((await itemsOf(p.id)).length, 1);
    const count = await h.db
      .selectFrom("orientations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("person_id", "=", p.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1);
  });

  test("criteria from a flow are kept one by one: invalid or unknown entries are dropped, never the whole set", async () => {
    const { deps } = testDeps(h);
    const p = await insertPerson(h.db);
    const out = await openPathwayForNewEntrant(h.db, deps, {
      personId: p.id,
      departement: "80",
      t0: "2026-03-01",
      origine: "INSCRIPTION_AUTO_CAF",
      criteria: {
        brsa: true,
        date_naissance: "1985-02-30",
        adresse: { code_commune: "ABC" },
        inconnu: 1,
        contrainte_logement: "SANS_LOGEMENT",
      },
    });
    const o = await orientationRepository.get(h.db, out.orientationId);
    assert.deepEqual(o?.criteria, { brsa: true, contrainte_logement: "SANS_LOGEMENT" });
  });

  test("a pathway the caller says is over closes (CLOS with its reason, orientations in force and awaited CLOTURE) before the new one opens; one still to orient or in another département is kept", async () => {
    const { deps } = testDeps(h, "2026-03-02T09:00:00Z");
    const structure = await insertStructure(h.db);
    const officer = await insertProfessional(h.db, { structure, roles: ["charge_orientation"] });
    const at = new Date("2025-01-10T10:00:00Z");
    /** a pathway opened in 2025 in `departement`, its orientation decided (OUVERT, pathway ACTIF) */
    const followed = async (departement: string) => {
      const p = await insertPerson(h.db);
      const old = await openPathwayForNewEntrant(h.db, deps, {
        personId: p.id,
        departement,
        t0: "2025-01-02",
        origine: "INSCRIPTION_AUTO_CAF",
      });
      const { version } = (await orientationRepository.get(h.db, old.orientationId))!;
      await orientationRepository.update(
        h.db,
        old.orientationId,
        version,
        {
          etat: "OUVERT",
          decision: "ACCEPTEE",
          decided_by: officer.id,
          decided_at: at,
          parcours_retenu: "PRO",
          organisme_retenu: "FT",
        },
        at,
      );
      await orientationRepository.markParcoursOriented(h.db, old.parcoursId);
      return { personId: p.id, ...old };
    };
    const over = await followed("80");
    const toOrient = await insertPerson(h.db);
    const waiting = await openPathwayForNewEntrant(h.db, deps, {
      personId: toOrient.id,
      departement: "80",
      t0: "2026-02-02",
      origine: "INSCRIPTION_AUTO_CAF",
    });
    // followed, and a re-orientation awaiting its decision
    const reoriented = await followed("80");
    const awaitedId = deps.ids.uuid();
    await orientationRepository.insert(h.db, {
      id: awaitedId,
      personId: reoriented.personId,
      parcoursId: reoriented.parcoursId,
      etat: "BROUILLON",
      origine: "REORIENTATION",
      criteria: {},
      recommendation: null,
      now: at,
    });
    const elsewhere = await followed("60");

    const input = (personId: string) => ({
      personId,
      departement: "80",
      t0: "2026-03-01",
      origine: "INSCRIPTION_AUTO_CAF" as const,
      lapsedPathway: "SUSPENSION_LONGUE" as const,
    });
    const out = await openPathwaysForNewEntrants(h.db, deps, [
      input(over.personId),
      input(toOrient.id),
      input(reoriented.personId),
      input(elsewhere.personId),
      input(over.personId),
    ]);
    const opened = out[0]!;
    assert.notEqual(opened.parcoursId, over.parcoursId);
    assert.deepEqual(
      out.map((o) => [o.personId, o.opened, o.closed]),
      [
        [over.personId, true, { parcoursId: over.parcoursId, exitReason: "SUSPENSION_LONGUE" }],
        [toOrient.id, false, undefined],
        [reoriented.personId, true, { parcoursId: reoriented.parcoursId, exitReason: "SUSPENSION_LONGUE" }],
        [elsewhere.personId, false, undefined],
        // listed twice: one new pathway
        [over.personId, false, undefined],
      ],
    );
    assert.deepEqual(out[4], {
      personId: over.personId,
      parcoursId: opened.parcoursId,
      orientationId: opened.orientationId,
      opened: false,
    });

    const pathways = await h.db
      .selectFrom("parcours")
      .select(["id", "person_id", "statut_suivi", "t0_date", "exit_reason"])
      .where("person_id", "in", [over.personId, toOrient.id, reoriented.personId, elsewhere.personId])
      .orderBy("opened_at")
      .orderBy("id")
      .execute();
    const statusOf = (personId: string) =>
      pathways.filter((p) => p.person_id === personId).map((p) => [p.statut_suivi, p.t0_date, p.exit_reason]);
    assert.deepEqual(statusOf(over.personId), [
      ["CLOS", "2025-01-02", "SUSPENSION_LONGUE"],
      ["A_ORIENTER", "2026-03-01", null],
    ]);
    assert.deepEqual(statusOf(toOrient.id), [["A_ORIENTER", "2026-02-02", null]]);
    assert.deepEqual(statusOf(reoriented.personId), [
      ["CLOS", "2025-01-02", "SUSPENSION_LONGUE"],
      ["A_ORIENTER", "2026-03-01", null],
    ]);
    assert.deepEqual(statusOf(elsewhere.personId), [["ACTIF", "2025-01-02", null]]);
    assert.equal(waiting.opened, true);

    assert.equal((await orientationRepository.get(h.db, over.orientationId))?.etat, "CLOTURE");
    // the orientation in force and the awaited one close with the pathway (the awaited one undecided)
    assert.equal((await orientationRepository.get(h.db, reoriented.orientationId))?.etat, "CLOTURE");
    const awaited = await orientationRepository.transitions(h.db, awaitedId);
    assert.deepEqual(
      awaited.map((t) => [t.from, t.to, t.event, t.reason]),
      [["BROUILLON", "CLOTURE", "close", "sortie du parcours : SUSPENSION_LONGUE"]],
    );
    assert.equal((await orientationRepository.get(h.db, awaitedId))?.etat, "CLOTURE");
    const pending = await orientationRepository.get(h.db, opened.orientationId);
    assert.deepEqual(
      [pending?.etat, pending?.parcoursId, pending?.t0],
      ["BROUILLON", opened.parcoursId, "2026-03-01"],
    );
  });
});
