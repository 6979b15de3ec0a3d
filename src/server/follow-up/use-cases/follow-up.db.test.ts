import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import { contractRepository } from "../../contract/contract.repository";
import type { DbHandle } from "../../db/connect";
import { importsRepository } from "../../imports/imports.repository";
import type { SystemActor } from "../../kernel/access";
import { orientationRepository } from "../../orientation/orientation.repository";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { pastAppointment, personInAccompaniment, signedContract } from "../follow-up.fixtures";
import { answerJobFollowUp } from "./answer-job-follow-up";
import { detectFollowUpSignals } from "./detect-follow-up-signals";
import { getFollowUp } from "./get-follow-up";
import { getMyJobFollowUp } from "./get-my-job-follow-up";
import { recordCheckpoint } from "./record-checkpoint";
import { recordExit } from "./record-exit";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

const system: SystemActor = { kind: "system", id: "cli", channel: "cli" };

const itemsOf = (personId: string) =>
  h.db
    .selectFrom("work_items")
    .select([
      "type",
      "status",
      "due_date as dueDate",
      "due_soon_date as dueSoonDate",
      "structure_id as structureId",
      "assignee_id as assigneeId",
    ])
    .where("person_id", "=", personId)
    .orderBy("type")
    .orderBy("created_at")
    .execute();

/** A CAF/MSA flow of reference date `dtref` fully imported for a département (what the nightly measures to). */
const flowImported = async (departement: string, dtref: string) => {
  const id = crypto.randomUUID();
  await importsRepository.insert(h.db, {
    id,
    kind: "cnaf",
    departement,
    file_name: `flux-${departement}-${dtref}.xml`,
    content_hash: `${departement}${dtref.replace(/-/g, "")}`.padEnd(64, "0"),
    size_bytes: 1,
    appli_emettrice: "CNAF",
    typeflux: "M",
    natflux: "1",
    flux_created_date: dtref,
    dtref,
    received_date: dtref,
    received_date_source: "DTCREAFLUX",
    status: "termine",
    error_code: null,
    error_message: null,
    announced_households: null,
    announced_anomalies: null,
    started_by: "cli",
    started_at: new Date(`${dtref}T12:00:00Z`),
    finished_at: new Date(`${dtref}T12:05:00Z`),
  });
  return id;
};

const auditActions = async (personId: string) =>
  (
    await h.db
      .selectFrom("audit_events")
      .select("action")
      .where("person_id", "=", personId)
      .where("section", "=", "suivi")
      .orderBy("id")
      .execute()
  ).map((r) => r.action);

describe("detection of follow-up signals", () => {
  test("no contact for 9 weeks: one DECROCHAGE item for the référente, and still one after a second run", async () => {
    const { person, referente } = await personInAccompaniment(h.db, { decidedAt: "2026-01-05T10:00:00Z" });
    const { deps } = testDeps(h, "2026-03-09T06:00:00Z"); // 9 weeks later
    await detectFollowUpSignals(deps, system, {});
    await detectFollowUpSignals(deps, system, {});
    const items = await itemsOf(person.id);
    assert.deepEqual(
      items.map((i) => [i.type, i.status, i.dueDate]),
      [
        ["DECROCHAGE_A_TRAITER", "A_FAIRE", "2026-03-16"],
        // the first point d'étape (5 April) is less than 30 days away: in the worklist too
        ["POINT_ETAPE_A_REALISER", "A_FAIRE", "2026-04-05"],
      ],
    );
    assert.deepEqual(
      items.map((i) => [i.structureId, i.assigneeId]),
      [
        [referente.structureId, referente.id],
        [referente.structureId, referente.id],
      ],
    );
    assert.deepEqual(await auditActions(person.id), ["follow_up.item_opened", "follow_up.item_opened"]);
  });

  test("7 weeks without contact is not a drop-out; the threshold of the département applies", async () => {
    const recent = await personInAccompaniment(h.db, { decidedAt: "2026-01-19T10:00:00Z" });
    const tolerant = await personInAccompaniment(h.db, {
      decidedAt: "2026-01-05T10:00:00Z",
      departement: "02",
    });
    await h.db
      .insertInto("follow_up_settings")
      .values({
        departement: "02",
        point_etape_months: 6,
        dropout_weeks: 12,
        corde_de_rappel_months: null,
        updated_at: new Date(),
      })
      .execute();
    const { deps } = testDeps(h, "2026-03-09T06:00:00Z");
    await detectFollowUpSignals(deps, system, {});
    // 7 weeks: no alert; the point d'étape (19 April) is more than 30 days away
    assert.deepEqual(await itemsOf(recent.person.id), []);
    const recentView = await getFollowUp(deps, recent.referente.actor, { personId: recent.person.id });
    assert.deepEqual([recentView.dropout?.flagged, recentView.nextPointEtape], [false, "2026-04-19"]);
    // 12 weeks without contact and points d'étape every 6 months in this département: nothing yet
    assert.deepEqual(await itemsOf(tolerant.person.id), []);
    const view = await getFollowUp(deps, tolerant.referente.actor, { personId: tolerant.person.id });
    assert.equal(view.nextPointEtape, "2026-07-05");
    assert.equal(view.settings.dropoutWeeks, 12);
  });

  test("a signed contract is a contact and moves the next point d'étape", async () => {
    const { person, referente } = await personInAccompaniment(h.db, { decidedAt: "2026-01-05T10:00:00Z" });
    await signedContract(h.db, person.id, "2026-02-20T10:00:00Z");
    const { deps } = testDeps(h, "2026-03-09T06:00:00Z");
    await detectFollowUpSignals(deps, system, {});
    assert.deepEqual(await itemsOf(person.id), []);
    const view = await getFollowUp(deps, referente.actor, { personId: person.id });
    assert.equal(view.lastContactOn, "2026-02-20");
    assert.equal(view.nextPointEtape, "2026-05-20");
    assert.equal(view.dropout?.flagged, false);
  });

  test("two unexcused absences in a row raise the drop-out alert even with a recent honoured appointment before them", async () => {
    const { person, referente } = await personInAccompaniment(h.db, { decidedAt: "2026-01-05T10:00:00Z" });
    const who = { personId: person.id, structureId: referente.structureId, professionalId: referente.id };
    await pastAppointment(h.db, who, "2026-02-02T09:00:00Z", "HONORE");
    await pastAppointment(h.db, who, "2026-02-16T09:00:00Z", "ABSENT");
    const { deps } = testDeps(h, "2026-03-02T06:00:00Z");
    await detectFollowUpSignals(deps, system, {});
    // one absence, a contact 4 weeks ago (the honoured appointment): nothing yet
    assert.deepEqual(await itemsOf(person.id), []);
    await pastAppointment(h.db, who, "2026-03-02T09:00:00Z", "EXCUSE");
    await pastAppointment(h.db, who, "2026-03-09T09:00:00Z", "ABSENT");
    const { deps: later } = testDeps(h, "2026-03-10T06:00:00Z");
    await detectFollowUpSignals(later, system, {});
    assert.deepEqual(
      (await itemsOf(person.id)).map((i) => [i.type, i.status]),
      [
        ["DECROCHAGE_A_TRAITER", "A_FAIRE"],
        ["POINT_ETAPE_A_REALISER", "A_FAIRE"],
      ],
    );
    const view = await getFollowUp(later, referente.actor, { personId: person.id });
    assert.deepEqual(
      [view.lastContactOn, view.dropout?.absencesInARow, view.dropout?.noContactSince],
      ["2026-02-02", 2, null],
    );
  });

  test("a point d'étape held closes its item and the drop-out alert, which the next run does not reopen", async () => {
    const { person, referente } = await personInAccompaniment(h.db, { decidedAt: "2026-01-05T10:00:00Z" });
    const { deps } = testDeps(h, "2026-03-09T06:00:00Z");
    await detectFollowUpSignals(deps, system, {});
    const view = await recordCheckpoint(deps, referente.actor, {
      personId: person.id,
      kind: "POINT_ETAPE",
      heldOn: "2026-03-09",
      comment: "Point sur la recherche d'emploi",
    });
    assert.equal(view.nextPointEtape, "2026-06-09");
    assert.deepEqual(view.openItems, []);
    await detectFollowUpSignals(deps, system, {});
    assert.deepEqual(
      (await itemsOf(person.id)).map((i) => [i.type, i.status]),
      [
        ["DECROCHAGE_A_TRAITER", "FAIT"],
        ["POINT_ETAPE_A_REALISER", "FAIT"],
      ],
    );
  });

  test("the corde de rappel enters the worklist a month before the 6 months after the decision", async () => {
    const { person, referente } = await personInAccompaniment(h.db, { decidedAt: "2026-01-20T10:00:00Z" });
    const { deps } = testDeps(h, "2026-06-25T06:00:00Z");
    await recordCheckpoint(deps, referente.actor, {
      personId: person.id,
      kind: "POINT_ETAPE",
      heldOn: "2026-06-20",
    });
    await detectFollowUpSignals(deps, system, {});
    assert.deepEqual(
      (await itemsOf(person.id)).map((i) => [i.type, i.dueDate, i.dueSoonDate]),
      [["CORDE_DE_RAPPEL", "2026-07-20", "2026-07-05"]],
    );
    await recordCheckpoint(deps, referente.actor, {
      personId: person.id,
      kind: "CORDE_DE_RAPPEL",
      heldOn: "2026-06-25",
      outcome: "MAINTIEN",
    });
    await detectFollowUpSignals(deps, system, {});
    assert.deepEqual(
      (await itemsOf(person.id)).map((i) => [i.type, i.status]),
      [["CORDE_DE_RAPPEL", "FAIT"]],
    );
  });
});

describe("exit and suivi dans l'emploi", () => {
  test("exit to employment: pathway closed, orientation closed, contract suspended, items lapse, 3 messages scheduled", async () => {
    const { person, referente, parcoursId, orientationId } = await personInAccompaniment(h.db, {
      decidedAt: "2026-01-05T10:00:00Z",
    });
    const contractId = await signedContract(h.db, person.id, "2026-01-20T10:00:00Z");
    const { deps } = testDeps(h, "2026-05-04T06:00:00Z");
    await detectFollowUpSignals(deps, system, {});
    const before = await getFollowUp(deps, referente.actor, { personId: person.id });
    assert.deepEqual(before.actions, ["exit", "checkpoint"]);
    const view = await recordExit(deps, referente.actor, {
      personId: person.id,
      version: before.parcours!.version,
      motif: "EMPLOI",
      detail: "CDI",
      exitDate: "2026-05-04",
      jobStartDate: "2026-05-04",
    });
    assert.equal(view.parcours?.statutSuivi, "CLOS");
    assert.deepEqual(view.actions, []);
    assert.equal(view.exit?.motif, "EMPLOI");
    assert.equal(view.exit?.jobStartDate, "2026-05-04");

    const parcours = await h.db
      .selectFrom("parcours")
      .select(["statut_suivi", "exit_reason"])
      .where("id", "=", parcoursId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(parcours, { statut_suivi: "CLOS", exit_reason: "EMPLOI" });
    const orientation = await h.db
      .selectFrom("orientations")
      .select("etat")
      .where("id", "=", orientationId)
      .executeTakeFirstOrThrow();
    assert.equal(orientation.etat, "CLOTURE");
    const contract = await contractRepository.get(h.db, contractId);
    assert.deepEqual([contract?.state, contract?.previous_state], ["SUSPENDU", "SIGNE"]);
    assert.deepEqual(
      (await contractRepository.transitions(h.db, contractId)).map((t) => `${t.from}→${t.to}:${t.event}`),
      ["SIGNE→SUSPENDU:suspend"],
    );
    assert.ok((await itemsOf(person.id)).every((i) => i.status === "ANNULE"));
    assert.ok((await itemsOf(person.id)).length > 0);

    const messages = await h.db
      .selectFrom("outbound_messages")
      .select([
        "message_key as key",
        "channel",
        "to_address as to",
        "send_after as sendAfter",
        "body_text as text",
      ])
      .where("person_id", "=", person.id)
      .orderBy("send_after")
      .execute();
    assert.deepEqual(
      messages.map((m) => [m.key, m.channel, m.to, m.sendAfter.toISOString()]),
      [
        [`suivi-emploi:${person.id}:1s`, "EMAIL", "lea.test@exemple.fr", "2026-05-11T07:00:00.000Z"],
        [`suivi-emploi:${person.id}:1m`, "EMAIL", "lea.test@exemple.fr", "2026-06-04T07:00:00.000Z"],
        [`suivi-emploi:${person.id}:3m`, "EMAIL", "lea.test@exemple.fr", "2026-08-04T07:00:00.000Z"],
      ],
    );
    assert.match(messages[0]!.text, /\/mon-espace\/suivi-emploi/);
    assert.deepEqual((await auditActions(person.id)).slice(-2), [
      "follow_up.read",
      "follow_up.exit_recorded",
    ]);
  });

  test("a contract suspended by an exit is closed by the nightly run 12 months later, not before", async () => {
    const { person, referente } = await personInAccompaniment(h.db, { decidedAt: "2026-01-05T10:00:00Z" });
    const contractId = await signedContract(h.db, person.id, "2026-01-20T10:00:00Z");
    const { deps, clock } = testDeps(h, "2026-05-04T06:00:00Z");
    const before = await getFollowUp(deps, referente.actor, { personId: person.id });
    await recordExit(deps, referente.actor, {
      personId: person.id,
      version: before.parcours!.version,
      motif: "DEMENAGEMENT",
      exitDate: "2026-05-04",
    });
    assert.equal((await contractRepository.get(h.db, contractId))?.state, "SUSPENDU");
    clock.set("2027-05-03T20:00:00Z"); // 3 May in Paris: not yet 12 months
    await detectFollowUpSignals(deps, system, {});
    assert.equal((await contractRepository.get(h.db, contractId))?.state, "SUSPENDU");
    clock.set("2027-05-04T06:00:00Z");
    assert.ok((await detectFollowUpSignals(deps, system, {})).contractsClosed >= 1);
    assert.equal((await contractRepository.get(h.db, contractId))?.state, "CLOTURE");
    assert.deepEqual(
      (await contractRepository.transitions(h.db, contractId)).map((t) => `${t.from}→${t.to}:${t.event}`),
      ["SIGNE→SUSPENDU:suspend", "SUSPENDU→CLOTURE:close"],
    );
    assert.equal((await detectFollowUpSignals(deps, system, {})).contractsClosed, 0, "closed once");
  });

  test("a follow-up on hold for more than 12 months by the flows imported is closed by the nightly run (VEILLE_LONGUE), not at exactly 12 months, nor by the calendar alone", async () => {
    const lapsing = await personInAccompaniment(h.db, { decidedAt: "2025-01-06T10:00:00Z" });
    const recent = await personInAccompaniment(h.db, { decidedAt: "2025-01-06T10:00:00Z" });
    // put on hold as the CAF/MSA import does (a month-end DTREF: 31/03/2025 + 12 months = 31/03/2026)
    await orientationRepository.startVeille(h.db, [
      { parcoursId: lapsing.parcoursId, since: "2025-03-31" },
      { parcoursId: recent.parcoursId, since: "2025-04-30" },
    ]);
    const { deps, clock } = testDeps(h, "2026-03-31T20:00:00Z"); // 31 March in Paris: exactly 12 months
    await workItemsRepository.open(h.db, {
      id: deps.ids.uuid(),
      type: "POINT_ETAPE_A_REALISER",
      personId: lapsing.person.id,
      subjectId: null,
      departement: "80",
      structureId: lapsing.ft.id,
      createdAt: new Date("2025-03-01T10:00:00Z"),
      dueDate: "2025-04-01",
      dueSoonDate: "2025-03-25",
    });
    const statusOf = async (parcoursId: string) =>
      h.db
        .selectFrom("parcours")
        .select(["statut_suivi", "veille_since", "exit_reason"])
        .where("id", "=", parcoursId)
        .executeTakeFirstOrThrow();
    // no flow imported yet: nothing is measured, nothing closes
    assert.equal((await detectFollowUpSignals(deps, system, {})).veillesClosed, 0);
    // March's flow (DTREF 31/03/2026): exactly 12 months on hold, not more
    await flowImported("80", "2026-03-31");
    assert.equal((await detectFollowUpSignals(deps, system, {})).veillesClosed, 0);
    assert.deepEqual(await statusOf(lapsing.parcoursId), {
      statut_suivi: "EN_VEILLE",
      veille_since: "2025-03-31",
      exit_reason: null,
    });
    // 1 April in Paris, a week later: the calendar says 12 months and a few days, but April's flow has not come
    // yet; the person may be subject again in it and resume with their référent
    clock.set("2026-04-07T23:30:00Z");
    assert.equal((await detectFollowUpSignals(deps, system, {})).veillesClosed, 0);
    assert.equal((await statusOf(lapsing.parcoursId)).statut_suivi, "EN_VEILLE");

    // April's flow (DTREF 30/04/2026) is imported and the person was not subject in it: more than 12 months
    await flowImported("80", "2026-04-30");
    clock.set("2026-05-06T23:30:00Z");
    assert.equal((await detectFollowUpSignals(deps, system, {})).veillesClosed, 1);
    assert.deepEqual(await statusOf(lapsing.parcoursId), {
      statut_suivi: "CLOS",
      veille_since: "2025-03-31",
      exit_reason: "VEILLE_LONGUE",
    });
    assert.equal((await statusOf(recent.parcoursId)).statut_suivi, "EN_VEILLE");
    // the orientation in force closes through the state table; the pathway's work items lapse
    assert.equal((await orientationRepository.get(h.db, lapsing.orientationId))?.etat, "CLOTURE");
    assert.deepEqual(
      (await orientationRepository.transitions(h.db, lapsing.orientationId)).map((t) => [
        t.from,
        t.to,
        t.event,
        t.actorId,
        t.reason,
      ]),
      [["OUVERT", "CLOTURE", "close", "cli", "sortie du parcours : VEILLE_LONGUE"]],
    );
    assert.deepEqual(
      (await itemsOf(lapsing.person.id)).map((i) => [i.type, i.status]),
      [["POINT_ETAPE_A_REALISER", "ANNULE"]],
    );
    const closedAudit = await h.db
      .selectFrom("audit_events")
      .select(["person_id", "details"])
      .where("action", "=", "orientation.pathway_closed")
      .execute();
    assert.deepEqual(
      closedAudit.map((a) => [a.person_id, (a.details as { exitReason?: string }).exitReason]),
      [[lapsing.person.id, "VEILLE_LONGUE"]],
    );
    // idempotent: the next run closes nothing
    assert.equal((await detectFollowUpSignals(deps, system, {})).veillesClosed, 0);
    assert.equal((await orientationRepository.transitions(h.db, lapsing.orientationId)).length, 1);
  });

  test("⚙ suivi.veilleMaxMois: a département set to 6 months closes a veille of more than 6 months; another keeps the national 12", async () => {
    const short = await personInAccompaniment(h.db, { decidedAt: "2025-01-06T10:00:00Z", departement: "62" });
    const national = await personInAccompaniment(h.db, {
      decidedAt: "2025-01-06T10:00:00Z",
      departement: "60",
    });
    await orientationRepository.startVeille(h.db, [
      { parcoursId: short.parcoursId, since: "2025-09-30" },
      { parcoursId: national.parcoursId, since: "2025-09-30" },
    ]);
    await h.db
      .insertInto("follow_up_settings")
      .values({ departement: "62", closure_months: 6, updated_at: new Date() })
      .execute();
    const { deps } = testDeps(h, "2026-05-06T06:00:00Z");
    await flowImported("62", "2026-03-31"); // exactly 6 months for the Pas-de-Calais
    await flowImported("60", "2026-04-30");
    const statusOf = async (parcoursId: string) =>
      (
        await h.db
          .selectFrom("parcours")
          .select("statut_suivi")
          .where("id", "=", parcoursId)
          .executeTakeFirstOrThrow()
      ).statut_suivi;
    await detectFollowUpSignals(deps, system, {});
    assert.equal(await statusOf(short.parcoursId), "EN_VEILLE", "6 months exactly: not more");
    await flowImported("62", "2026-04-30");
    await detectFollowUpSignals(deps, system, {});
    assert.equal(await statusOf(short.parcoursId), "CLOS");
    // the Oise keeps the national 12 months: 7 months on hold is not over
    assert.equal(await statusOf(national.parcoursId), "EN_VEILLE");
  });

  test("a right suspended for more than 12 months by the flows imported closes the pathway (SUSPENSION_LONGUE); 12 months or less, or another right payable, does not", async () => {
    const followedIn59 = () =>
      personInAccompaniment(h.db, { decidedAt: "2024-06-03T10:00:00Z", departement: "59" });
    const long = await followedIn59();
    const recent = await followedIn59();
    const payable = await followedIn59();
    const importId = await flowImported("59", "2026-02-28");
    const right = (personId: string, matricule: string, etat: string, since: string | null) => ({
      id: crypto.randomUUID(),
      person_id: personId,
      organisme: "CAF" as const,
      numorg: "591",
      matricule,
      departement: "59",
      role: "DEM",
      numero_demande: null,
      demande_date: null,
      etat_code: etat,
      etat_date: "2026-02-28",
      suspension_kind: since ? ("versement" as const) : null,
      suspension_motif: since ? "06" : null,
      suspension_since: since,
      cloture_motif: null,
      cloture_date: null,
      soumis_droits_devoirs: true,
      sans_domicile_fixe: false,
      unknown_codes: [],
      last_import_id: importId,
      created_at: new Date(),
      updated_at: new Date(),
    });
    await h.db
      .insertInto("rsa_rights")
      .values([
        right(long.person.id, "000000000000001", "4", "2025-02-15"), // 12 months and 13 days on 28/02/2026
        right(recent.person.id, "000000000000002", "4", "2025-03-15"),
        right(payable.person.id, "000000000000003", "4", "2024-12-01"),
        right(payable.person.id, "000000000000004", "2", null), // another file of the person, payable
      ])
      .execute();
    const { deps } = testDeps(h, "2026-03-06T06:00:00Z");
    assert.equal((await detectFollowUpSignals(deps, system, {})).suspensionsClosed, 1);
    const pathway = (parcoursId: string) =>
      h.db
        .selectFrom("parcours")
        .select(["statut_suivi", "exit_reason"])
        .where("id", "=", parcoursId)
        .executeTakeFirstOrThrow();
    assert.deepEqual(await pathway(long.parcoursId), {
      statut_suivi: "CLOS",
      exit_reason: "SUSPENSION_LONGUE",
    });
    assert.equal((await orientationRepository.get(h.db, long.orientationId))?.etat, "CLOTURE");
    assert.equal((await pathway(recent.parcoursId)).statut_suivi, "ACTIF");
    assert.equal((await pathway(payable.parcoursId)).statut_suivi, "ACTIF");
    assert.equal((await detectFollowUpSignals(deps, system, {})).suspensionsClosed, 0, "closed once");
  });

  test("answering « J'ai une difficulté » opens one alert for the référente's structure, due in 2 working days", async () => {
    const { person, referente } = await personInAccompaniment(h.db, { decidedAt: "2026-01-05T10:00:00Z" });
    const { deps, clock } = testDeps(h, "2026-05-04T06:00:00Z");
    const v = await getFollowUp(deps, referente.actor, { personId: person.id });
    await recordExit(deps, referente.actor, {
      personId: person.id,
      version: v.parcours!.version,
      motif: "EMPLOI",
      exitDate: "2026-04-27",
    });
    clock.set("2026-05-07T08:00:00Z"); // a Thursday, 10 days after the job started
    const mine = await getMyJobFollowUp(deps, person.actor, {});
    assert.deepEqual([mine.active, mine.jobStartDate, mine.currentSlot], [true, "2026-04-27", "1s"]);
    const answered = await answerJobFollowUp(deps, person.actor, {
      answer: "DIFFICULTE",
      comment: "Les horaires changent chaque semaine",
    });
    assert.deepEqual(
      answered.answers.map((a) => [a.answer, a.slot]),
      [["DIFFICULTE", "1s"]],
    );
    await answerJobFollowUp(deps, person.actor, { answer: "PLUS_EN_POSTE" });
    const alerts = (await itemsOf(person.id)).filter((i) => i.type === "RETOUR_EMPLOI_DIFFICULTE");
    assert.deepEqual(alerts, [
      {
        type: "RETOUR_EMPLOI_DIFFICULTE",
        status: "A_FAIRE",
        dueDate: "2026-05-11",
        dueSoonDate: "2026-05-07",
        structureId: referente.structureId,
        assigneeId: referente.id,
      },
    ]);
    assert.ok((await auditActions(person.id)).includes("follow_up.job_answered"));
  });

  test("« Tout va bien » is kept and opens nothing", async () => {
    const { person, referente } = await personInAccompaniment(h.db, { decidedAt: "2026-01-05T10:00:00Z" });
    const { deps } = testDeps(h, "2026-05-04T06:00:00Z");
    const v = await getFollowUp(deps, referente.actor, { personId: person.id });
    await recordExit(deps, referente.actor, {
      personId: person.id,
      version: v.parcours!.version,
      motif: "EMPLOI",
      exitDate: "2026-05-04",
    });
    const r = await answerJobFollowUp(deps, person.actor, { answer: "TOUT_VA_BIEN" });
    assert.equal(r.answers.length, 1);
    assert.deepEqual(
      (await itemsOf(person.id)).filter((i) => i.status === "A_FAIRE"),
      [],
    );
  });

  test("an exit for another reason schedules no message; a person without an employment exit cannot answer", async () => {
    const { person, referente } = await personInAccompaniment(h.db, { decidedAt: "2026-01-05T10:00:00Z" });
    const { deps } = testDeps(h, "2026-05-04T06:00:00Z");
    const v = await getFollowUp(deps, referente.actor, { personId: person.id });
    const out = await recordExit(deps, referente.actor, {
      personId: person.id,
      version: v.parcours!.version,
      motif: "DEMENAGEMENT",
      exitDate: "2026-04-30",
      comment: "Départ dans l'Oise",
    });
    assert.equal(out.exit?.motif, "DEMENAGEMENT");
    const count = await h.db
      .selectFrom("outbound_messages")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("person_id", "=", person.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
    assert.equal((await getMyJobFollowUp(deps, person.actor, {})).active, false);
    await assert.rejects(answerJobFollowUp(deps, person.actor, { answer: "DIFFICULTE" }), {
      code: "follow_up.no_job_follow_up",
    });
  });
});

describe("wrong paths", () => {
  test("a stale version, a second exit, a future date, and a stranger are refused", async () => {
    const { person, referente, stranger } = await personInAccompaniment(h.db, {
      decidedAt: "2026-01-05T10:00:00Z",
    });
    const { deps } = testDeps(h, "2026-05-04T06:00:00Z");
    const v = await getFollowUp(deps, referente.actor, { personId: person.id });
    const base = { personId: person.id, motif: "FORMATION_QUALIFIANTE" as const, exitDate: "2026-05-04" };
    await assert.rejects(recordExit(deps, referente.actor, { ...base, version: v.parcours!.version + 1 }), {
      code: "follow_up.version_conflict",
    });
    await assert.rejects(
      recordExit(deps, referente.actor, { ...base, version: v.parcours!.version, exitDate: "2026-05-05" }),
      { code: "follow_up.invalid_date" },
    );
    await assert.rejects(recordExit(deps, stranger.actor, { ...base, version: v.parcours!.version }), {
      code: "access.forbidden",
    });
    await assert.rejects(getFollowUp(deps, stranger.actor, { personId: person.id }), {
      code: "access.forbidden",
    });
    await assert.rejects(
      recordExit(deps, referente.actor, { ...base, version: v.parcours!.version, motif: "AUTRE" }),
      { code: "validation.invalid" },
    );
    await recordExit(deps, referente.actor, { ...base, version: v.parcours!.version });
    await assert.rejects(recordExit(deps, referente.actor, { ...base, version: v.parcours!.version + 1 }), {
      code: "follow_up.no_open_pathway",
    });
    const denied = await h.db
      .selectFrom("audit_events")
      .select("action")
      .where("person_id", "=", person.id)
      .where("outcome", "=", "denied")
      .execute();
    assert.deepEqual(denied.map((d) => d.action).sort(), ["follow_up.exit", "follow_up.read"]);
  });

  test("only the system runs the detection; an outcome is only for a corde de rappel", async () => {
    const { person, referente } = await personInAccompaniment(h.db, { decidedAt: "2026-01-05T10:00:00Z" });
    const { deps } = testDeps(h, "2026-03-09T06:00:00Z");
    await assert.rejects(detectFollowUpSignals(deps, referente.actor, {}), { code: "access.forbidden" });
    await assert.rejects(
      recordCheckpoint(deps, referente.actor, {
        personId: person.id,
        kind: "POINT_ETAPE",
        heldOn: "2026-03-09",
        outcome: "MAINTIEN",
      }),
      { code: "follow_up.outcome_only_for_corde" },
    );
  });
});
