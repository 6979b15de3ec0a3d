import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { myDataExportSchema } from "../../../shared/my-data/my-data.schema";
import {
  insertFollowUp,
  insertPerson,
  insertProfessional,
  insertStructure,
} from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import { pdfText } from "../../../test-support/pdf-text";
import { createContract } from "../../contract/use-cases/create-contract";
import { signContract } from "../../contract/use-cases/sign-contract";
import { markConversationRead } from "../../conversations/use-cases/mark-conversation-read";
import { sendConversationMessage } from "../../conversations/use-cases/send-conversation-message";
import type { DbHandle } from "../../db/connect";
import { insertSubmittedRegistration } from "../../diagnostic/diagnostic.fixtures";
import { saveDiagnosticVersion } from "../../diagnostic/use-cases/save-diagnostic-version";
import { startDiagnostic } from "../../diagnostic/use-cases/start-diagnostic";
import { orientationTerritory, pendingOrientation } from "../../orientation/orientation.fixtures";
import { decideOrientation } from "../../orientation/use-cases/decide-orientation";
import { getPerson } from "../../persons/use-cases/get-person";
import { exportMyData } from "./export-my-data";

let h: DbHandle;
let t: Awaited<ReturnType<typeof orientationTerritory>>;
before(async () => {
  h = await testDb();
  t = await orientationTerritory(h.db);
});
after(() => h.close());

const NOW = "2026-03-10T09:00:00Z";
const SECRET = "Suivi en addictologie au CSAPA d'Amiens";
const IMPORT_ID = "00000000-0000-4000-8000-00000000c0f1";

async function rsaRight(personId: string) {
  const at = new Date(NOW);
  if (!(await h.db.selectFrom("flux_imports").select("id").where("id", "=", IMPORT_ID).executeTakeFirst()))
    await h.db
      .insertInto("flux_imports")
      .values({
        id: IMPORT_ID,
        kind: "cnaf",
        departement: "80",
        file_name: "RSABEM_80.xml",
        content_hash: "a".repeat(64),
        size_bytes: 1,
        appli_emettrice: "CRISTAL",
        typeflux: "M",
        natflux: "BENEF",
        flux_created_date: "2026-03-01",
        dtref: "2026-03-01",
        received_date: "2026-03-01",
        received_date_source: "DTCREAFLUX",
        status: "termine",
        error_code: null,
        error_message: null,
        announced_households: null,
        announced_anomalies: null,
        started_by: "test",
        started_at: at,
        finished_at: at,
      })
      .execute();
  await h.db
    .insertInto("rsa_rights")
    .values({
      id: personId.replace(/^.{8}/, "0cafcafe"),
      person_id: personId,
      organisme: "CAF",
      numorg: "801",
      matricule: "1234567",
      departement: "80",
      role: "DEM",
      numero_demande: null,
      demande_date: "2026-01-15",
      etat_code: "2",
      etat_date: "2026-02-01",
      suspension_kind: null,
      suspension_motif: null,
      suspension_since: null,
      cloture_motif: null,
      cloture_date: null,
      soumis_droits_devoirs: true,
      sans_domicile_fixe: false,
      unknown_codes: [],
      last_import_id: IMPORT_ID,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await h.db
    .insertInto("droits_devoirs_months")
    .values({
      person_id: personId,
      departement: "80",
      month: "2026-02-01",
      soumis: true,
      etat_code: "2",
      suspension_since: null,
      import_id: IMPORT_ID,
      recorded_at: at,
    })
    .execute();
}

/** An honoured appointment, a note shared with the person and one kept to the follow-up group. */
async function appointmentAndNotes(personId: string, marker: string) {
  const at = new Date(NOW);
  const slotId = personId.replace(/^.{8}/, "05105105");
  await h.db
    .insertInto("appointment_slots")
    .values({
      id: slotId,
      structure_id: t.ft.id,
      professional_id: t.conseillerFt.id,
      starts_at: new Date("2026-03-12T13:30:00Z"),
      ends_at: new Date("2026-03-12T14:15:00Z"),
      capacity: 1,
      booked_count: 1,
      reception: "INDIVIDUEL",
      title: null,
      modalite: "SUR_PLACE",
      address: `12 rue ${marker}, Amiens`,
      series_id: null,
      created_by: t.conseillerFt.id,
      created_at: at,
    })
    .execute();
  await h.db
    .insertInto("appointments")
    .values({
      id: personId.replace(/^.{8}/, "0a990a99"),
      person_id: personId,
      structure_id: t.ft.id,
      slot_id: slotId,
      purpose: "PREMIER_RDV_ACCOMPAGNEMENT",
      status: "HONORE",
      invited_by: null,
      invited_at: null,
      invitation_expires_on: null,
      booked_by_kind: "professional",
      booked_by: t.conseillerFt.id,
      booked_at: at,
      cancelled_by_kind: null,
      cancelled_by: null,
      cancelled_at: null,
      cancel_reason: null,
      attendance_recorded_by: t.conseillerFt.id,
      attendance_recorded_at: new Date("2026-03-12T14:20:00Z"),
      created_at: at,
      updated_at: at,
    })
    .execute();
  for (const [prefix, visibility] of [
    ["0e0e0e01", "PERSONNE"],
    ["0e0e0e02", "GROUPE"],
  ] as const)
    await h.db
      .insertInto("file_notes")
      .values({
        id: personId.replace(/^.{8}/, prefix),
        person_id: personId,
        visibility,
        body: `Note ${visibility} ${marker}`,
        corrects_note_id: null,
        author_id: t.conseillerFt.id,
        structure_id: t.ft.id,
        created_at: at,
      })
      .execute();
}

/** A person with every part of a file: RSA right, registration, decided orientation, diagnostic (with a
 * restricted compartment), signed contract, and professionals' reads in the audit trail. */
async function fullFile(marker: string) {
  const { deps } = testDeps(h, NOW);
  // no e-mail: the decision goes by post (the e-mail outbox is not this test's subject)
  const { person, orientationId } = await pendingOrientation(h.db, deps, { email: null });
  await h.db
    .updateTable("persons")
    .set({ first_names: `Prénom${marker}`, birth_name: `NOM${marker}` })
    .where("id", "=", person.id)
    .execute();
  await rsaRight(person.id);
  await insertSubmittedRegistration(h.db, {
    id: person.id.replace(/^.{8}/, "0e9e9e9e"),
    personId: person.id,
    // a NIR must never come out of the stored registration data, even if one were there
    data: {
      identite: { nomFamille: `NOM${marker}`, nir: person.nir ?? undefined },
      projet: { projetExiste: "EMPLOI" },
    },
    at: new Date(NOW),
  });
  await decideOrientation(deps, t.officer.actor, {
    orientationId,
    version: 1,
    decision: "ACCEPTEE",
    structureId: t.ft.id,
  });
  await insertFollowUp(h.db, {
    personId: person.id,
    structureId: t.ft.id,
    professionalId: t.conseillerFt.id,
  });
  await getPerson(deps, t.conseillerFt.actor, { personId: person.id });
  await startDiagnostic(deps, t.conseillerFt.actor, { personId: person.id });
  await saveDiagnosticVersion(deps, t.conseillerFt.actor, {
    personId: person.id,
    version: 1,
    content: {
      themes: { LOGEMENT: { situations: ["LOGEMENT_HEBERGE_TIERS"], impact: "FORT" } },
      avisPersonne: `Avis ${marker}`,
    },
    confidentiel: { addictions: SECRET },
  });
  const draft = await createContract(deps, t.conseillerFt.actor, {
    personId: person.id,
    content: {
      engagementsIndividuels: [`Engagement ${marker}`],
      programme: {
        semaineIso: "2026-W11",
        activites: [
          { code: "7.1", heuresPrevues: 5 },
          { code: "3.3", heuresPrevues: 10 },
        ],
      },
    },
  });
  await signContract(deps, person.actor, { contractId: draft.id, version: draft.version });
  await appointmentAndNotes(person.id, marker);
  return { person, orientationId, contractId: draft.id, deps };
}

describe("export my data", () => {
  test("the JSON holds each part of the person's file, and nothing of another person's", async () => {
    const lea = await fullFile("LEA");
    const other = await fullFile("AUTRE");
    const file = await exportMyData(lea.deps, lea.person.actor, { format: "json" });
    assert.equal(file.filename, "mes-donnees-2026-03-10.json");
    const d = myDataExportSchema.parse(file.data);

    assert.equal(d.identite.prenoms, "PrénomLEA");
    assert.ok(lea.person.nir);
    assert.equal(d.identite.nirMasque, `• •• •• •• ••• ••• ${lea.person.nir.slice(13)}`);
    assert.deepEqual(
      d.droitsRsa.droits.map((r) => [r.matricule, r.etat.libelle]),
      [["1234567", "Droit ouvert et versable"]],
    );
    assert.deepEqual(
      d.droitsRsa.mois.map((m) => m.mois),
      ["2026-02-01"],
    );
    assert.equal(d.inscriptions.length, 1);
    assert.equal(d.inscriptions[0]?.donnees.identite?.nomFamille, "NOMLEA");
    assert.equal(d.inscriptions[0]?.donnees.identite?.nir, undefined);

    assert.equal(d.orientations.length, 1);
    const o = d.orientations[0]!;
    assert.equal(o.id, lea.orientationId);
    assert.equal(o.decision?.decision, "ACCEPTEE");
    assert.equal(o.decision?.decideePar, "Julien Moreau");
    assert.equal(o.decision?.structure, "France Travail 80 Nord");
    assert.equal(o.preconisation?.organisme, "FT");
    assert.ok(o.criteres.some((c) => c.critere === "capacite_a_travailler" && c.valeur === "oui"));
    assert.deepEqual(
      o.historique.map((x) => x.vers),
      ["BROUILLON", "EN_ATTENTE", "OUVERT"],
    );

    assert.ok(d.groupeDeSuivi.some((f) => f.structure === "France Travail 80 Nord" && f.role === "referent"));
    assert.equal(d.diagnostic.versions.length, 1);
    assert.equal(d.diagnostic.versions[0]?.contenu.avisPersonne, "Avis LEA");
    assert.equal(d.diagnostic.versions[0]?.comporteDesInformationsConfidentielles, true);
    assert.equal(d.contrats.length, 1);
    assert.equal(d.contrats[0]?.id, lea.contractId);
    assert.equal(d.contrats[0]?.versions[0]?.state, "SIGNE");
    assert.deepEqual(d.contrats[0]?.versions[0]?.content.engagementsIndividuels, ["Engagement LEA"]);
    assert.ok(d.etapesDuDossier.some((w) => w.type === "CONTRAT_A_REVISER"));
    assert.deepEqual(
      d.rendezVous.map((r) => [r.objet, r.statut, r.debut, r.lieu]),
      [["Premier rendez-vous d'accompagnement", "HONORE", "2026-03-12T13:30:00.000Z", "12 rue LEA, Amiens"]],
    );
    assert.deepEqual(
      d.notesEtDocuments.notes.map((n) => n.texte),
      ["Note PERSONNE LEA"],
      "only the notes shared with the person, as in their space",
    );

    const actions = d.journalDesAcces.entrees.map((a) => a.action);
    for (const a of ["persons.read", "orientation.decided", "diagnostic.version_saved", "contract.signed"])
      assert.ok(actions.includes(a), `${a} in ${actions.join(",")}`);
    assert.equal(actions[0], "my_data.export", "the download itself is the latest access");
    const read = d.journalDesAcces.entrees.find((a) => a.action === "persons.read")!;
    assert.equal(read.structure, "France Travail 80 Nord");
    assert.equal(read.libelleFinalite, "Identifier la personne");

    const text = JSON.stringify(d);
    assert.doesNotMatch(text, new RegExp(SECRET), "the restricted compartment is never exported");
    assert.ok(!text.includes(lea.person.nir), "the NIR never in full");
    for (const leak of [
      other.person.id,
      "PrénomAUTRE",
      "NOMAUTRE",
      "Avis AUTRE",
      "Engagement AUTRE",
      "rue AUTRE",
      "Note PERSONNE AUTRE",
      other.contractId,
    ])
      assert.ok(!text.includes(leak), `nothing of another person: ${leak}`);
  });

  test("the download is audited with its format", async () => {
    const { deps } = testDeps(h, NOW);
    const person = await insertPerson(h.db, { nir: null });
    await exportMyData(deps, person.actor, { format: "json" });
    await exportMyData(deps, person.actor, { format: "pdf" });
    const rows = await h.db
      .selectFrom("audit_events")
      .select(["action", "section", "actor_kind as actorKind", "details"])
      .where("person_id", "=", person.id)
      .orderBy("id")
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.action, r.section, r.actorKind, (r.details as { format: string }).format]),
      [
        ["my_data.export", "donnees", "person", "json"],
        ["my_data.export", "donnees", "person", "pdf"],
      ],
    );
  });

  test("a person with an almost empty file gets every section, empty, and no NIR", async () => {
    const { deps } = testDeps(h, NOW);
    const person = await insertPerson(h.db, { nir: null, firstNames: "Sami" });
    const { data } = await exportMyData(deps, person.actor, { format: "json" });
    assert.equal(data.identite.nirMasque, null);
    assert.deepEqual(
      [data.orientations, data.contrats, data.diagnostic.versions, data.inscriptions, data.droitsRsa.droits],
      [[], [], [], [], []],
    );
  });

  test("the PDF is a French document with the person's name, each section, and no confidential detail", async () => {
    const lea = await fullFile("PDF");
    const file = await exportMyData(lea.deps, lea.person.actor, { format: "pdf" });
    assert.ok(file.format === "pdf");
    assert.equal(file.filename, "mes-donnees-2026-03-10.pdf");
    assert.equal(file.content.subarray(0, 5).toString(), "%PDF-");
    const text = pdfText(file.content);
    assert.match(text, /PrénomPDF NOMPDF/);
    assert.match(text, /Mes données/);
    for (const heading of [
      "1. Votre identité et vos coordonnées",
      "4. Vos orientations",
      "6. Votre diagnostic",
      "7. Vos contrats d'engagement",
      "9. Vos rendez-vous",
      "11. Vos messages avec vos référent·es",
      "12. Qui a consulté votre dossier",
    ])
      assert.ok(text.includes(heading), heading);
    assert.match(text, /10 mars 2026/);
    assert.ok(!text.includes(SECRET));
  });

  test("the messages with the référent·es are in the JSON and the PDF, with their read receipts, and nobody else's", async () => {
    const { deps } = testDeps(h, NOW);
    const ft = await insertStructure(h.db, { kind: "france_travail", name: "France Travail Messages" });
    const referente = await insertProfessional(h.db, {
      structure: ft,
      firstName: "Claire",
      lastName: "Martin",
    });
    const person = await insertPerson(h.db, {
      firstNames: "Nora",
      birthName: "Messagerie",
      followedBy: referente,
    });
    const other = await insertPerson(h.db, { firstNames: "Autre", followedBy: referente });
    await sendConversationMessage(deps, person.actor, { personId: null, body: "Question de Nora" });
    await markConversationRead(deps, referente.actor, { personId: person.id });
    await sendConversationMessage(deps, referente.actor, { personId: person.id, body: "Réponse à Nora" });
    await sendConversationMessage(deps, other.actor, {
      personId: null,
      body: "Message de quelqu'un d'autre",
    });

    const { data } = await exportMyData(deps, person.actor, { format: "json" });
    assert.deepEqual(
      data.messages.map((m) => [m.de, m.auteur, m.structure, m.texte, m.luLe !== null]),
      [
        ["PERSONNE", "Nora Messagerie", null, "Question de Nora", true],
        ["PROFESSIONNEL", "Claire Martin", "France Travail Messages", "Réponse à Nora", false],
      ],
    );
    assert.ok(!JSON.stringify(data).includes("quelqu'un d'autre"));
    const pdf = await exportMyData(deps, person.actor, { format: "pdf" });
    assert.ok(pdf.format === "pdf");
    const text = pdfText(pdf.content);
    assert.match(text, /Question de Nora/);
    assert.match(text, /Réponse à Nora/);
  });

  test("a professional cannot export a person's data here; the refusal is audited", async () => {
    const { deps } = testDeps(h, NOW);
    await assert.rejects(exportMyData(deps, t.conseillerFt.actor, { format: "json" }), {
      code: "access.forbidden",
    });
    const denied = await h.db
      .selectFrom("audit_events")
      .select(["outcome", "section"])
      .where("actor_id", "=", t.conseillerFt.id)
      .where("action", "=", "my_data.export")
      .execute();
    assert.deepEqual(denied, [{ outcome: "denied", section: "donnees" }]);
  });
});
