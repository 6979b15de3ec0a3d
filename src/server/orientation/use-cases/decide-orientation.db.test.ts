import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { aCompleteCriteria } from "../../../shared/orientation/orientation.builders";
import { insertProfessional } from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import { messagingRepository } from "../../messaging/messaging.repository";
import { orientationTerritory, pendingOrientation } from "../orientation.fixtures";
import { storedRecommendation } from "../orientation.presenter";
import { orientationRepository } from "../orientation.repository";
import { decideOrientation } from "./decide-orientation";
import { getOrientation } from "./get-orientation";

let h: DbHandle;
let t: Awaited<ReturnType<typeof orientationTerritory>>;
before(async () => {
  h = await testDb();
  t = await orientationTerritory(h.db);
});
after(() => h.close());

const NOW = "2026-03-10T09:30:00Z";

const itemsOf = (personId: string) =>
  h.db
    .selectFrom("work_items")
    .select([
      "type",
      "status",
      "structure_id as structureId",
      "due_date as dueDate",
      "due_soon_date as dueSoonDate",
      "closed_at as closedAt",
    ])
    .where("person_id", "=", personId)
    .orderBy("created_at")
    .orderBy("type")
    .execute();

describe("right paths", () => {
  test("the chargé d'orientation accepts the recommendation: decided, notified, structure assigned, first appointment to book", async () => {
    const { deps } = testDeps(h, NOW);
    const { person, orientationId, parcoursId } = await pendingOrientation(h.db, deps, {
      email: "lea.orientee@exemple.fr",
    });

    const view = await decideOrientation(deps, t.officer.actor, {
      orientationId,
      version: 1,
      decision: "ACCEPTEE",
      structureId: t.ft.id,
    });

    assert.equal(view.etat, "OUVERT");
    assert.equal(view.statut, "DECIDE");
    assert.equal(view.version, 2);
    assert.deepEqual(
      { ...view.decision, decidedAt: undefined, structure: view.decision?.structure?.name },
      {
        decision: "ACCEPTEE",
        decidedAt: undefined,
        decidedBy: "Julien Moreau",
        decidedByStructure: "Département 80 — Direction de l'insertion",
        organismeDecision: "CD",
        motifRefus: null,
        commentaireRefus: null,
        parcours: "PRO",
        organisme: "FT",
        structure: "France Travail 80 Nord",
        notifiedAt: "2026-03-10T09:30:00.000Z",
        notificationChannel: "EMAIL",
        letterUrl: `/api/orientations/${orientationId}/letter`,
      },
    );
    // PS-22: rule version, inputs, recommendation, decision and decider are on the record
    const o = await orientationRepository.get(h.db, orientationId);
    assert.equal(o?.rulesVersion, "FR-2026.1 / 80-2026.1");
    assert.deepEqual(o?.criteria, aCompleteCriteria());
    assert.deepEqual(storedRecommendation({ recommendation: o?.recommendation })?.regleIds, ["NAT-99"]);
    assert.equal(o?.decidedBy, t.officer.id);
    assert.deepEqual(
      (await orientationRepository.transitions(h.db, orientationId)).map((x) => [
        x.from,
        x.to,
        x.event,
        x.actorId,
      ]),
      [
        [null, "BROUILLON", "open", "ouverture-parcours"],
        ["BROUILLON", "EN_ATTENTE", "criteria_completed", "ouverture-parcours"],
        ["EN_ATTENTE", "OUVERT", "decide", t.officer.id],
      ],
    );
    assert.equal((await orientationRepository.openParcoursOf(h.db, person.id))?.statutSuivi, "ACTIF");
    assert.ok(parcoursId);

    // the decision closes its item; the structure gets « 1er RDV » due decision + 7 days
    assert.deepEqual(
      (await itemsOf(person.id)).map((i) => [i.type, i.status, i.structureId, i.dueDate, i.dueSoonDate]),
      [
        ["DECISION_ORIENTATION_A_PRENDRE", "FAIT", null, "2026-03-15", "2026-03-11"],
        ["PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE", "A_FAIRE", t.ft.id, "2026-03-17", "2026-03-15"],
      ],
    );
    assert.deepEqual(view.firstAppointment, {
      structureName: "France Travail 80 Nord",
      dueDate: "2026-03-17",
      status: "A_FAIRE",
    });
    const follow = await h.db
      .selectFrom("follow_ups")
      .select(["structure_id", "role", "professional_id", "ended_at"])
      .where("person_id", "=", person.id)
      .execute();
    assert.deepEqual(follow, [
      { structure_id: t.ft.id, role: "referent", professional_id: null, ended_at: null },
    ]);

    // the letter (PDF) and the e-mail, queued in the same transaction
    const letter = await orientationRepository.letterOf(h.db, orientationId);
    assert.equal(letter?.content.subarray(0, 5).toString(), "%PDF-");
    assert.equal(letter?.filename, "courrier-orientation-2026-03-10.pdf");
    const mails = await messagingRepository.forRelated(h.db, "orientation", orientationId);
    assert.equal(mails.length, 1);
    assert.equal(mails[0]?.to, "lea.orientee@exemple.fr");
    assert.equal(mails[0]?.status, "A_ENVOYER");
    assert.match(
      mails[0]?.text ?? "",
      /Vous êtes orienté·e vers : France Travail 80 Nord \(France Travail\), parcours emploi\./,
    );

    const audit = await h.db
      .selectFrom("audit_events")
      .select(["action", "purpose", "section", "outcome", "details"])
      .where("person_id", "=", person.id)
      .where("action", "=", "orientation.decided")
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.purpose, "follow");
    assert.deepEqual((audit[0]?.details as Record<string, unknown> | undefined)?.regleIds, ["NAT-99"]);
    assert.deepEqual((audit[0]?.details as Record<string, unknown> | undefined)?.retenu, {
      organisme: "FT",
      parcours: "PRO",
      structureId: t.ft.id,
    });
  });

  test("the chargé d'orientation chooses another orientation, with a reason: recorded as an override (REFUSEE)", async () => {
    const { deps } = testDeps(h, NOW);
    const { person, orientationId } = await pendingOrientation(h.db, deps);
    const view = await decideOrientation(deps, t.officer.actor, {
      orientationId,
      version: 1,
      decision: "REFUSEE",
      motifRefus: "SOUHAIT_PERSONNE",
      commentaireRefus: "souhaite un accompagnement de proximité",
      parcoursRetenu: "SOCIO_PRO",
      organismeRetenu: "CD",
      structureId: t.mdsi.id,
    });
    assert.equal(view.decision?.decision, "REFUSEE");
    assert.equal(view.decision?.motifRefus, "SOUHAIT_PERSONNE");
    assert.equal(view.decision?.commentaireRefus, "souhaite un accompagnement de proximité");
    assert.deepEqual(
      [view.decision?.parcours, view.decision?.organisme, view.decision?.structure?.id],
      ["SOCIO_PRO", "CD", t.mdsi.id],
    );
    // the recommendation stays on the record next to the decision, for override rates per rule
    assert.equal(view.recommendation?.organisme, "FT");
    assert.equal(
      (await itemsOf(person.id)).find((i) => i.type === "PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE")?.structureId,
      t.mdsi.id,
    );
  });

  test("a person without e-mail: no e-mail, the letter is to be posted (COURRIER)", async () => {
    const { deps } = testDeps(h, NOW);
    const { orientationId } = await pendingOrientation(h.db, deps, { email: null });
    const view = await decideOrientation(deps, t.officer.actor, {
      orientationId,
      version: 1,
      decision: "ACCEPTEE",
      structureId: t.ft.id,
    });
    assert.equal(view.decision?.notificationChannel, "COURRIER");
    assert.deepEqual(await messagingRepository.forRelated(h.db, "orientation", orientationId), []);
    assert.ok(await orientationRepository.hasLetter(h.db, orientationId));
  });

  test("under a total delegation, France Travail decides and the record says so", async () => {
    const { deps } = testDeps(h, NOW);
    const d = "02";
    const t2 = await orientationTerritory(h.db, d);
    await orientationRepository.setDelegation(h.db, d, "TOTALE", deps.clock.now());
    const { orientationId } = await pendingOrientation(h.db, deps, {
      departement: d,
      criteria: aCompleteCriteria({
        adresse: { code_commune: "02691", libelle_commune: "Saint-Quentin", code_postal: "02100" },
      }),
    });
    const view = await decideOrientation(deps, t2.ftOfficer.actor, {
      orientationId,
      version: 1,
      decision: "ACCEPTEE",
      structureId: t2.ft.id,
    });
    assert.equal(view.decision?.organismeDecision, "FT");
  });

  test("the view offers the structures of the département, the closest of the proposed organisme suggested", async () => {
    const { deps } = testDeps(h, NOW);
    const { orientationId } = await pendingOrientation(h.db, deps);
    const view = await getOrientation(deps, t.officer.actor, { orientationId });
    const suggested = view.structureOptions.filter((s) => s.suggested);
    assert.deepEqual(
      suggested.map((s) => s.id),
      [t.ft.id],
    );
    assert.ok(view.structureOptions.some((s) => s.id === t.ml.id && s.organisme === "ML"));
  });
});

describe("wrong paths", () => {
  test("a référent cannot decide (PS-22): 403, and the denied attempt is in the audit trail", async () => {
    const { deps } = testDeps(h, NOW);
    const { person, orientationId } = await pendingOrientation(h.db, deps, { followedBy: t.ft });
    await assert.rejects(
      decideOrientation(deps, t.conseillerFt.actor, {
        orientationId,
        version: 1,
        decision: "ACCEPTEE",
        structureId: t.ft.id,
      }),
      {
        code: "access.forbidden",
        status: 403,
      },
    );
    const denied = await h.db
      .selectFrom("audit_events")
      .select(["action", "outcome"])
      .where("person_id", "=", person.id)
      .where("outcome", "=", "denied")
      .execute();
    assert.deepEqual(denied, [{ action: "orientation.decide", outcome: "denied" }]);
    assert.equal((await orientationRepository.get(h.db, orientationId))?.etat, "EN_ATTENTE");
  });

  test("two chargés decide the same orientation: the second, stale decision gets 409 and changes nothing", async () => {
    const { deps } = testDeps(h, NOW);
    const other = await insertProfessional(h.db, { structure: t.cd, roles: ["charge_orientation"] });
    const { orientationId } = await pendingOrientation(h.db, deps);
    await decideOrientation(deps, t.officer.actor, {
      orientationId,
      version: 1,
      decision: "ACCEPTEE",
      structureId: t.ft.id,
    });
    await assert.rejects(
      decideOrientation(deps, other.actor, {
        orientationId,
        version: 1,
        decision: "REFUSEE",
        motifRefus: "AUTRE",
        commentaireRefus: "x",
        parcoursRetenu: "SOCIAL",
        organismeRetenu: "CD",
        structureId: t.mdsi.id,
      }),
      (e: { code: string; status: number; message: string }) => {
        assert.equal(e.code, "orientation.version_conflict");
        assert.equal(e.status, 409);
        assert.match(e.message, /modifiée par quelqu'un d'autre/);
        return true;
      },
    );
    await assert.rejects(
      decideOrientation(deps, other.actor, {
        orientationId,
        version: 2,
        decision: "ACCEPTEE",
        structureId: t.ft.id,
      }),
      {
        code: "orientation.transition_not_allowed",
      },
    );
    assert.equal((await orientationRepository.get(h.db, orientationId))?.decidedBy, t.officer.id);
  });

  test("incomplete criteria (IND) cannot be decided: 409 with a French message", async () => {
    const { deps } = testDeps(h, NOW);
    const { orientationId } = await pendingOrientation(h.db, deps, { criteria: { brsa: true } });
    await assert.rejects(
      decideOrientation(deps, t.officer.actor, {
        orientationId,
        version: 1,
        decision: "ACCEPTEE",
        structureId: t.ft.id,
      }),
      (e: { code: string; message: string }) => {
        assert.equal(e.code, "orientation.criteria_incomplete");
        assert.match(e.message, /indéterminée \(IND\)/);
        return true;
      },
    );
  });

  test("an IND recommendation cannot be accepted as is", async () => {
    const { deps } = testDeps(h, NOW);
    const { orientationId } = await pendingOrientation(h.db, deps);
    // a recommendation stored as IND while awaiting a decision (e.g. computed before a référentiel existed)
    await sql`UPDATE orientations SET recommendation = jsonb_set(jsonb_set(recommendation, '{organisme}', '"IND"'), '{parcours}', 'null') WHERE id = ${orientationId}`.execute(
      h.db,
    );
    await assert.rejects(
      decideOrientation(deps, t.officer.actor, {
        orientationId,
        version: 1,
        decision: "ACCEPTEE",
        structureId: t.ft.id,
      }),
      {
        code: "orientation.undetermined_cannot_be_accepted",
      },
    );
    const view = await decideOrientation(deps, t.officer.actor, {
      orientationId,
      version: 1,
      decision: "REFUSEE",
      motifRefus: "APPRECIATION_DIFFERENTE",
      parcoursRetenu: "PRO",
      organismeRetenu: "FT",
      structureId: t.ft.id,
    });
    assert.equal(view.etat, "OUVERT");
  });

  test("choosing the proposal itself as « another orientation » is refused; so is a structure of another organisme", async () => {
    const { deps } = testDeps(h, NOW);
    const { orientationId } = await pendingOrientation(h.db, deps);
    await assert.rejects(
      decideOrientation(deps, t.officer.actor, {
        orientationId,
        version: 1,
        decision: "REFUSEE",
        motifRefus: "PROXIMITE",
        parcoursRetenu: "PRO",
        organismeRetenu: "FT",
        structureId: t.ftSud.id,
      }),
      { code: "orientation.same_as_recommendation", status: 400 },
    );
    await assert.rejects(
      decideOrientation(deps, t.officer.actor, {
        orientationId,
        version: 1,
        decision: "ACCEPTEE",
        structureId: t.ml.id,
      }),
      {
        code: "orientation.structure_mismatch",
        status: 400,
      },
    );
  });

  test("the reason « autre » must be explained", async () => {
    const { deps } = testDeps(h, NOW);
    const { orientationId } = await pendingOrientation(h.db, deps);
    await assert.rejects(
      decideOrientation(deps, t.officer.actor, {
        orientationId,
        version: 1,
        decision: "REFUSEE",
        motifRefus: "AUTRE",
        parcoursRetenu: "SOCIAL",
        organismeRetenu: "CD",
        structureId: t.mdsi.id,
      }),
      (e: { code: string; issues: { path: string; message: string }[] }) => {
        assert.equal(e.code, "validation.invalid");
        assert.deepEqual(e.issues, [{ path: "commentaireRefus", message: "Précisez le motif." }]);
        return true;
      },
    );
  });
});
