import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { insertProfessional, insertStructure } from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import { contractRepository } from "../../contract/contract.repository";
import { createContract } from "../../contract/use-cases/create-contract";
import { signContract } from "../../contract/use-cases/sign-contract";
import type { DbHandle } from "../../db/connect";
import { detectFollowUpSignals } from "../../follow-up/use-cases/detect-follow-up-signals";
import { getFollowUp } from "../../follow-up/use-cases/get-follow-up";
import { recordExit } from "../../follow-up/use-cases/record-exit";
import { personsPolicy } from "../../persons/persons.policy";
import { personsRepository } from "../../persons/persons.repository";
import { openPathwayForNewEntrant } from "../open-pathway-for-new-entrant";
import { orientationTerritory, pendingOrientation } from "../orientation.fixtures";
import { orientationRepository } from "../orientation.repository";
import { decideOrientation } from "./decide-orientation";
import { decideReorientationRequest } from "./decide-reorientation-request";
import { getOrientation } from "./get-orientation";
import { getReorientationRequest } from "./get-reorientation-request";
import { requestReorientation } from "./request-reorientation";

let h: DbHandle;
let t: Awaited<ReturnType<typeof orientationTerritory>>;
before(async () => {
  h = await testDb();
  t = await orientationTerritory(h.db);
});
after(() => h.close());

/** A person oriented to France Travail Nord, whose référent is a conseiller there. */
async function oriented(now: string) {
  const { deps, clock } = testDeps(h, now);
  const { person, orientationId } = await pendingOrientation(h.db, deps);
  await decideOrientation(deps, t.officer.actor, {
    orientationId,
    version: 1,
    decision: "ACCEPTEE",
    structureId: t.ft.id,
  });
  const referent = await insertProfessional(h.db, { structure: t.ft, roles: ["conseiller"] });
  return { deps, clock, person, orientationId, referent };
}

const openItems = (personId: string) =>
  h.db
    .selectFrom("work_items")
    .select(["type", "subject_id as subjectId", "due_date as dueDate"])
    .where("person_id", "=", personId)
    .where("status", "=", "A_FAIRE")
    .orderBy("type")
    .execute();

describe("right paths", () => {
  test("the référent asks, the chargé d'orientation refuses with a reason the référent then reads", async () => {
    const { deps, person, orientationId, referent } = await oriented("2026-03-10T09:00:00Z");
    const request = await requestReorientation(deps, referent.actor, {
      orientationId,
      motif: "Projet de création d'entreprise",
      parcoursSouhaite: "SOCIO_PRO",
      organismeSouhaite: "CD",
    });
    assert.equal(request.statut, "EN_ATTENTE");
    assert.deepEqual(
      (await openItems(person.id)).map((i) => [i.type, i.subjectId, i.dueDate]),
      [
        ["DEMANDE_REORIENTATION_A_EXAMINER", request.id, "2026-03-25"],
        ["PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE", orientationId, "2026-03-17"],
      ],
    );
    await assert.rejects(
      decideReorientationRequest(deps, t.officer.actor, {
        requestId: request.id,
        version: 1,
        decision: "REFUSEE",
      }),
      { code: "validation.invalid" },
    );
    const refused = await decideReorientationRequest(deps, t.officer.actor, {
      requestId: request.id,
      version: 1,
      decision: "REFUSEE",
      motifDecision: "Le premier rendez-vous n'a pas encore eu lieu.",
    });
    assert.equal(refused.statut, "REFUSEE");
    assert.equal(refused.newOrientationId, null);
    const read = await getReorientationRequest(deps, referent.actor, { requestId: request.id });
    assert.equal(read.motifDecision, "Le premier rendez-vous n'a pas encore eu lieu.");
    assert.equal(read.decidedBy, "Julien Moreau");
    assert.deepEqual(
      (await openItems(person.id)).map((i) => i.type),
      ["PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE"],
    );
    assert.equal((await orientationRepository.get(h.db, orientationId))?.etat, "OUVERT");
  });

  test("accepted: a new orientation (REORIENTATION) awaits its decision; once decided, the previous one is closed", async () => {
    const { deps, clock, person, orientationId, referent } = await oriented("2026-03-10T09:00:00Z");
    const request = await requestReorientation(deps, referent.actor, {
      orientationId,
      motif: "Difficultés de santé apparues",
      parcoursSouhaite: "SOCIO_PRO",
      organismeSouhaite: "CD",
      structureSouhaiteeId: t.mdsi.id,
    });
    clock.set("2026-03-12T10:00:00Z");
    const accepted = await decideReorientationRequest(deps, t.officer.actor, {
      requestId: request.id,
      version: 1,
      decision: "ACCEPTEE",
    });
    assert.equal(accepted.statut, "ACCEPTEE");
    assert.ok(accepted.newOrientationId);
    const fresh = await getOrientation(deps, t.officer.actor, { orientationId: accepted.newOrientationId });
    assert.equal(fresh.origine, "REORIENTATION");
    assert.equal(fresh.etat, "EN_ATTENTE");
    assert.equal(fresh.dueDate, "2026-03-26");
    assert.equal(fresh.reorientationRequest?.structureSouhaitee, "MDSI 80");
    // PS-24: support already started goes on until the new orientation is decided
    assert.equal((await orientationRepository.get(h.db, orientationId))?.etat, "OUVERT");

    const decided = await decideOrientation(deps, t.officer.actor, {
      orientationId: fresh.id,
      version: fresh.version,
      decision: "REFUSEE",
      motifRefus: "SITUATION_NON_PRISE_EN_COMPTE",
      parcoursRetenu: "SOCIO_PRO",
      organismeRetenu: "CD",
      structureId: t.mdsi.id,
    });
    assert.equal(decided.etat, "OUVERT");
    assert.equal((await orientationRepository.get(h.db, orientationId))?.etat, "CLOTURE");
    const transitions = await orientationRepository.transitions(h.db, orientationId);
    assert.deepEqual(
      [transitions.at(-1)?.from, transitions.at(-1)?.to, transitions.at(-1)?.event],
      ["OUVERT", "CLOTURE", "close"],
    );
    assert.deepEqual(
      (await openItems(person.id)).map((i) => [i.type, i.subjectId]),
      [["PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE", fresh.id]],
    );
    const open = await h.db
      .selectFrom("orientations")
      .select("id")
      .where("person_id", "=", person.id)
      .where("etat", "=", "OUVERT")
      .execute();
    assert.deepEqual(
      open.map((o) => o.id),
      [fresh.id],
    );
  });
});

describe("after a reorientation (PS-15)", () => {
  test("the former référent structure stops editing at once, reads for 30 days, then no longer opens the file", async () => {
    const { deps, clock, person, orientationId, referent } = await oriented("2026-04-01T09:00:00Z");
    const scope = async () => {
      const s = await personsRepository.fileScope(h.db, person.id);
      assert.ok(s);
      return s;
    };
    assert.equal(personsPolicy.edit(referent.actor, await scope()), true);
    // the référent and the person had signed a contract (in person, the person's acknowledgement recorded)
    const draft = await createContract(deps, referent.actor, {
      personId: person.id,
      content: {
        couchParcours: "Recherche d'emploi dans la logistique.",
        engagementsIndividuels: [],
        planAction: [],
        programme: {
          semaineIso: "2026-W14",
          activites: [{ code: "8.1", heuresPrevues: 15, source: "SAISIE" }],
        },
      },
    });
    const signed = await signContract(deps, referent.actor, {
      contractId: draft.id,
      version: draft.version,
      accuseReceptionPersonne: true,
    });
    assert.equal(signed.state, "SIGNE");
    const request = await requestReorientation(deps, referent.actor, {
      orientationId,
      motif: "Difficultés de santé apparues",
      parcoursSouhaite: "SOCIO_PRO",
      organismeSouhaite: "CD",
      structureSouhaiteeId: t.mdsi.id,
    });
    const accepted = await decideReorientationRequest(deps, t.officer.actor, {
      requestId: request.id,
      version: 1,
      decision: "ACCEPTEE",
    });
    assert.ok(accepted.newOrientationId);
    // until the new orientation is decided, support goes on as before (PS-24)
    assert.equal(personsPolicy.edit(referent.actor, await scope()), true);
    const fresh = await getOrientation(deps, t.officer.actor, { orientationId: accepted.newOrientationId });
    await decideOrientation(deps, t.officer.actor, {
      orientationId: fresh.id,
      version: fresh.version,
      decision: "REFUSEE",
      motifRefus: "SITUATION_NON_PRISE_EN_COMPTE",
      parcoursRetenu: "SOCIO_PRO",
      organismeRetenu: "CD",
      structureId: t.mdsi.id,
    });
    // a new orientation sends the contract back to « à signer »: version 2 (REORIENTATION) holds the content
    const contract = await contractRepository.get(h.db, draft.id);
    assert.equal(contract?.state, "A_SIGNER");
    const versions = await contractRepository.versions(h.db, draft.id);
    assert.deepEqual(
      versions.map((v) => [v.numero, v.motif, v.state]),
      [
        [2, "REORIENTATION", "A_SIGNER"],
        [1, "INITIAL", "SIGNE"],
      ],
    );
    assert.deepEqual(versions[0]?.content, versions[1]?.content);
    const mdsiAgent = await insertProfessional(h.db, { structure: t.mdsi, roles: ["conseiller"] });
    assert.equal(personsPolicy.edit(mdsiAgent.actor, await scope()), true, "the new structure edits");
    assert.equal(personsPolicy.edit(referent.actor, await scope()), false, "write access ends at once");
    assert.equal(
      personsPolicy.view(referent.actor, await scope()),
      true,
      "read access during the transition",
    );

    const system = { kind: "system", id: "test", channel: "cli" } as const;
    const formerRows = () =>
      h.db
        .selectFrom("follow_ups")
        .select(["role", "ended_at as endedAt"])
        .where("person_id", "=", person.id)
        .where("structure_id", "=", t.ft.id)
        .execute();
    assert.deepEqual(
      (await formerRows()).map((r) => [r.role, r.endedAt]),
      [["membre", null]],
    );
    clock.set("2026-04-30T09:00:00Z"); // 29 days later: still in the transition
    await detectFollowUpSignals(deps, system, {});
    assert.equal(personsPolicy.view(referent.actor, await scope()), true);
    clock.set("2026-05-02T09:00:00Z"); // 31 days later
    assert.ok((await detectFollowUpSignals(deps, system, {})).readAccessEnded >= 1);
    assert.equal(personsPolicy.view(referent.actor, await scope()), false, "read access has ended");
    assert.deepEqual(
      (await formerRows()).map((r) => r.endedAt?.toISOString()),
      ["2026-05-02T09:00:00.000Z"],
    );
    assert.equal(personsPolicy.view(mdsiAgent.actor, await scope()), true);
    const trail = await h.db
      .selectFrom("audit_events")
      .select("action")
      .where("person_id", "=", person.id)
      .where("action", "=", "follow_up.read_access_ended")
      .execute();
    assert.equal(trail.length, 1, "the end of access is in the person's audit trail");
  });
});

/** The person back as a new entrant in a CAF/MSA flow of September 2027 (what the import does for them). */
const backInTheCafFlow = (deps: Parameters<typeof openPathwayForNewEntrant>[1], personId: string) =>
  h.db.transaction().execute((tx) =>
    openPathwayForNewEntrant(tx, deps, {
      personId,
      departement: "80",
      t0: "2027-09-06",
      origine: "INSCRIPTION_AUTO_CAF",
    }),
  );

describe("an exit while the new orientation is awaited", () => {
  test("the awaited orientation closes undecided with the pathway, and the person can come back as a new entrant", async () => {
    const { deps, clock, person, orientationId, referent } = await oriented("2026-03-10T09:00:00Z");
    const request = await requestReorientation(deps, referent.actor, {
      orientationId,
      motif: "Projet de création d'entreprise",
      parcoursSouhaite: "SOCIO_PRO",
      organismeSouhaite: "CD",
    });
    const accepted = await decideReorientationRequest(deps, t.officer.actor, {
      requestId: request.id,
      version: 1,
      decision: "ACCEPTEE",
    });
    const awaitedId = accepted.newOrientationId!;
    // before the chargé d'orientation decides, the person finds a job and the référent records the exit
    clock.set("2026-03-20T09:00:00Z");
    const before = await getFollowUp(deps, referent.actor, { personId: person.id });
    await recordExit(deps, referent.actor, {
      personId: person.id,
      version: before.parcours!.version,
      motif: "EMPLOI",
      exitDate: "2026-03-20",
    });
    assert.equal((await orientationRepository.get(h.db, orientationId))?.etat, "CLOTURE");
    assert.equal((await orientationRepository.get(h.db, awaitedId))?.etat, "CLOTURE");
    const last = (await orientationRepository.transitions(h.db, awaitedId)).at(-1);
    assert.deepEqual([last?.from, last?.to, last?.event], ["EN_ATTENTE", "CLOTURE", "close"]);
    // never decided (its statut is then not « DECIDE »: statutOf)
    assert.equal((await orientationRepository.get(h.db, awaitedId))?.decision, null);
    assert.equal(await orientationRepository.pendingOf(h.db, person.id), undefined);
    assert.deepEqual(
      (await openItems(person.id)).map((i) => i.type),
      [],
      "the decision to take lapsed with the pathway",
    );

    // a year and a half later the CAF flow brings the person back: a new pathway opens (before, the orientation
    // left pending refused it: one pending orientation per person)
    clock.set("2027-09-06T09:00:00Z");
    const again = await backInTheCafFlow(deps, person.id);
    assert.equal(again.opened, true);
    assert.notEqual(again.parcoursId, before.parcours!.id);
    assert.equal((await orientationRepository.pendingOf(h.db, person.id))?.id, again.orientationId);
  });
});

describe("migration 202612071400: orientations left awaited on a closed pathway", () => {
  test("close undecided, with their transition, and no longer refuse the person's next pathway", async () => {
    const { deps } = testDeps(h, "2026-03-10T09:00:00Z");
    const { person, orientationId } = await pendingOrientation(h.db, deps);
    // the state an exit left before record-exit closed the awaited orientation
    await h.db
      .updateTable("parcours")
      .set({ statut_suivi: "CLOS", exit_reason: "EMPLOI", closed_at: new Date("2026-03-12T10:00:00Z") })
      .where("person_id", "=", person.id)
      .execute();
    const etat = (await orientationRepository.get(h.db, orientationId))!.etat;
    await h.exec(
      readFileSync(
        new URL(
          "../../db/migrations/202612071400-close-awaited-orientations-of-closed-pathways.sql",
          import.meta.url,
        ),
        "utf8",
      ),
    );
    assert.equal((await orientationRepository.get(h.db, orientationId))?.etat, "CLOTURE");
    const last = (await orientationRepository.transitions(h.db, orientationId)).at(-1);
    assert.deepEqual(
      [last?.from, last?.to, last?.event, last?.reason],
      [etat, "CLOTURE", "close", "sortie du parcours : EMPLOI"],
    );
    const again = await backInTheCafFlow(deps, person.id);
    assert.equal(again.opened, true);
  });
});

describe("wrong paths", () => {
  test("one pending request per person; requests only on a decided orientation", async () => {
    const { deps, orientationId, referent } = await oriented("2026-03-10T09:00:00Z");
    await requestReorientation(deps, referent.actor, {
      orientationId,
      motif: "a",
      parcoursSouhaite: "SOCIAL",
      organismeSouhaite: "CD",
    });
    await assert.rejects(
      requestReorientation(deps, referent.actor, {
        orientationId,
        motif: "b",
        parcoursSouhaite: "SOCIAL",
        organismeSouhaite: "CD",
      }),
      {
        code: "orientation.reorientation_already_pending",
        status: 409,
      },
    );
    const pending = await pendingOrientation(h.db, deps, { followedBy: t.ft });
    await assert.rejects(
      requestReorientation(deps, referent.actor, {
        orientationId: pending.orientationId,
        motif: "c",
        parcoursSouhaite: "SOCIAL",
        organismeSouhaite: "CD",
      }),
      {
        code: "orientation.not_decided",
      },
    );
  });

  test("only the structures that follow ask; only the chargés d'orientation examine; a decided request stays decided", async () => {
    const { deps, orientationId, referent } = await oriented("2026-03-10T09:00:00Z");
    const stranger = await insertProfessional(h.db, {
      structure: await insertStructure(h.db, { kind: "mission_locale" }),
    });
    await assert.rejects(
      requestReorientation(deps, stranger.actor, {
        orientationId,
        motif: "x",
        parcoursSouhaite: "PRO",
        organismeSouhaite: "ML",
      }),
      { code: "access.forbidden" },
    );
    const request = await requestReorientation(deps, referent.actor, {
      orientationId,
      motif: "x",
      parcoursSouhaite: "PRO",
      organismeSouhaite: "ML",
    });
    await assert.rejects(
      decideReorientationRequest(deps, referent.actor, {
        requestId: request.id,
        version: 1,
        decision: "ACCEPTEE",
      }),
      { code: "access.forbidden" },
    );
    await decideReorientationRequest(deps, t.officer.actor, {
      requestId: request.id,
      version: 1,
      decision: "REFUSEE",
      motifDecision: "non",
    });
    await assert.rejects(
      decideReorientationRequest(deps, t.officer.actor, {
        requestId: request.id,
        version: 2,
        decision: "ACCEPTEE",
      }),
      {
        code: "orientation.reorientation_already_decided",
      },
    );
  });
});
