import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import {
  type InsertedPerson,
  type InsertedProfessional,
  type InsertedStructure,
  insertFollowUp,
  insertPerson,
  insertProfessional,
  insertStructure,
} from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import { createContract } from "../../contract/use-cases/create-contract";
import { signContract } from "../../contract/use-cases/sign-contract";
import type { DbHandle } from "../../db/connect";
import { loadConfig } from "../../kernel/config";
import { addGroupMember } from "./add-group-member";
import { addNote } from "./add-note";
import { endGroupMember } from "./end-group-member";
import { getDocumentContent } from "./get-document-content";
import { getGroup } from "./get-group";
import { getGroupCandidates } from "./get-group-candidates";
import { getMyFile } from "./get-my-file";
import { getMyTimeline, getTimeline } from "./get-timeline";
import { listDocuments } from "./list-documents";
import { listNotes } from "./list-notes";
import { uploadDocument } from "./upload-document";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

type World = {
  ft: InsertedStructure;
  ml: InsertedStructure;
  referente: InsertedProfessional;
  colleague: InsertedProfessional;
  adminFt: InsertedProfessional;
  mlConseiller: InsertedProfessional;
  stranger: InsertedProfessional;
  person: InsertedPerson;
};

/** A person followed by France Travail (named référente), a mission locale nearby, a stranger at the CD. */
async function world(): Promise<World> {
  const ft = await insertStructure(h.db, { kind: "france_travail", name: "France Travail Amiens" });
  const ml = await insertStructure(h.db, {
    kind: "mission_locale",
    name: "Mission locale du Grand Amiénois",
  });
  const cd = await insertStructure(h.db, { kind: "conseil_departemental" });
  const referente = await insertProfessional(h.db, {
    structure: ft,
    firstName: "Claire",
    lastName: "Martin",
  });
  const colleague = await insertProfessional(h.db, { structure: ft });
  const adminFt = await insertProfessional(h.db, { structure: ft, roles: ["admin_structure"] });
  const mlConseiller = await insertProfessional(h.db, {
    structure: ml,
    firstName: "Yanis",
    lastName: "Benali",
  });
  const stranger = await insertProfessional(h.db, { structure: cd });
  const person = await insertPerson(h.db, {});
  await insertFollowUp(h.db, { personId: person.id, structureId: ft.id, professionalId: referente.id });
  return { ft, ml, referente, colleague, adminFt, mlConseiller, stranger, person };
}

const auditRows = (personId: string) =>
  h.db
    .selectFrom("audit_events")
    .select(["action", "actor_id as actorId", "outcome"])
    .where("person_id", "=", personId)
    .where("section", "=", "dossier_partage")
    .orderBy("id")
    .execute();

const storedDocuments = async (personId: string) =>
  (
    await h.db
      .selectFrom("file_documents")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("person_id", "=", personId)
      .executeTakeFirstOrThrow()
  ).n;

describe("follow-up group", () => {
  test("the référente adds a mission locale conseiller as member: the person is told, the change is logged and audited", async () => {
    const w = await world();
    const { deps } = testDeps(h, "2026-03-10T09:00:00Z");
    const group = await addGroupMember(deps, w.referente.actor, {
      personId: w.person.id,
      structureId: w.ml.id,
      professionalId: w.mlConseiller.id,
      role: "membre",
    });
    assert.deepEqual(
      group.members.map((m) => [m.structureName, m.professionalName, m.role]),
      [
        ["France Travail Amiens", "Claire Martin", "referent"],
        ["Mission locale du Grand Amiénois", "Yanis Benali", "membre"],
      ],
    );
    const notices = await h.db
      .selectFrom("file_notices")
      .select(["kind", "message"])
      .where("person_id", "=", w.person.id)
      .execute();
    assert.deepEqual(notices, [
      {
        kind: "GROUPE_AJOUT",
        message:
          "Yanis Benali (Mission locale du Grand Amiénois) fait désormais partie de votre groupe de suivi.",
      },
    ]);
    const changes = await h.db
      .selectFrom("follow_up_changes")
      .select(["change", "role", "actor_id as actorId"])
      .where("person_id", "=", w.person.id)
      .execute();
    assert.deepEqual(changes, [{ change: "AJOUT", role: "membre", actorId: w.referente.id }]);
    assert.deepEqual(await auditRows(w.person.id), [
      { action: "shared_file.group.member_added", actorId: w.referente.id, outcome: "allowed" },
    ]);
  });

  test("the admin of the following structure adds a whole structure as co-référent; the notice names the structure", async () => {
    const w = await world();
    const { deps } = testDeps(h);
    const group = await addGroupMember(deps, w.adminFt.actor, {
      personId: w.person.id,
      structureId: w.ml.id,
      role: "co_referent",
    });
    assert.equal(group.members.at(-1)?.professionalName, null);
    const notice = await h.db
      .selectFrom("file_notices")
      .select("message")
      .where("person_id", "=", w.person.id)
      .executeTakeFirstOrThrow();
    assert.equal(
      notice.message,
      "Mission locale du Grand Amiénois fait désormais partie de votre groupe de suivi.",
    );
    // as a co-référent structure, its conseillers now write in the file
    const note = await addNote(deps, w.mlConseiller.actor, {
      personId: w.person.id,
      body: "Inscription à l'atelier CV du 12 mars.",
      visibility: "GROUPE",
    });
    assert.equal(note.structureName, "Mission locale du Grand Amiénois");
  });

  test("ending a membership: the member loses access, the person is told; the référent cannot be removed here", async () => {
    const w = await world();
    const { deps } = testDeps(h);
    const added = await addGroupMember(deps, w.referente.actor, {
      personId: w.person.id,
      structureId: w.ml.id,
      professionalId: w.mlConseiller.id,
      role: "membre",
    });
    const member = added.members.find((m) => m.professionalId === w.mlConseiller.id)!;
    const referentRow = added.members.find((m) => m.role === "referent")!;
    await assert.rejects(
      endGroupMember(deps, w.referente.actor, {
        personId: w.person.id,
        followUpId: referentRow.id,
        reason: "x",
      }),
      { code: "shared_file.referent_not_removable" },
    );
    const after = await endGroupMember(deps, w.referente.actor, {
      personId: w.person.id,
      followUpId: member.id,
      reason: "Fin de l'atelier",
    });
    assert.deepEqual(
      after.members.map((m) => m.role),
      ["referent"],
    );
    await assert.rejects(listNotes(deps, w.mlConseiller.actor, { personId: w.person.id }), {
      code: "access.forbidden",
    });
    const messages = (
      await h.db
        .selectFrom("file_notices")
        .select("message")
        .where("person_id", "=", w.person.id)
        .orderBy("created_at")
        .orderBy("kind")
        .execute()
    ).map((n) => n.message);
    assert.ok(
      messages.includes(
        "Yanis Benali (Mission locale du Grand Amiénois) ne fait plus partie de votre groupe de suivi.",
      ),
    );
  });

  test("adding twice the same member is refused; an invited member may not manage the group", async () => {
    const w = await world();
    const { deps } = testDeps(h);
    const input = {
      personId: w.person.id,
      structureId: w.ml.id,
      professionalId: w.mlConseiller.id,
      role: "membre" as const,
    };
    await addGroupMember(deps, w.referente.actor, input);
    await assert.rejects(addGroupMember(deps, w.referente.actor, input), {
      code: "shared_file.already_member",
    });
    await assert.rejects(addGroupMember(deps, w.mlConseiller.actor, { ...input, professionalId: null }), {
      code: "access.forbidden",
    });
    await assert.rejects(
      addGroupMember(deps, w.referente.actor, { ...input, professionalId: w.stranger.id }),
      { code: "shared_file.professional_not_in_structure" },
    );
    const candidates = await getGroupCandidates(deps, w.referente.actor, { personId: w.person.id });
    assert.ok(
      candidates.structures.some(
        (s) => s.id === w.ml.id && s.professionals.some((p) => p.id === w.mlConseiller.id),
      ),
    );
  });
});

describe("notes and their visibility", () => {
  test("a member of another structure reads the file and GROUPE notes, not REFERENTS nor another structure's CONFIDENTIEL; writes nothing", async () => {
    const w = await world();
    const { deps } = testDeps(h);
    await addGroupMember(deps, w.referente.actor, {
      personId: w.person.id,
      structureId: w.ml.id,
      professionalId: w.mlConseiller.id,
      role: "membre",
    });
    for (const visibility of ["PERSONNE", "GROUPE", "REFERENTS", "CONFIDENTIEL"] as const)
      await addNote(deps, w.referente.actor, {
        personId: w.person.id,
        body: `Note ${visibility}`,
        visibility,
      });

    const seenByMember = await listNotes(deps, w.mlConseiller.actor, { personId: w.person.id });
    assert.deepEqual(seenByMember.notes.map((n) => n.body).sort(), ["Note GROUPE", "Note PERSONNE"]);
    assert.equal(seenByMember.canWrite, false);
    const timeline = await getTimeline(deps, w.mlConseiller.actor, { personId: w.person.id });
    assert.deepEqual(
      timeline.entries
        .filter((e) => e.kind === "NOTE")
        .map((e) => e.detail)
        .sort(),
      ["Note GROUPE", "Note PERSONNE"],
    );
    await assert.rejects(
      addNote(deps, w.mlConseiller.actor, { personId: w.person.id, body: "Ma note", visibility: "GROUPE" }),
      { code: "access.forbidden" },
    );

    const seenByReferente = await listNotes(deps, w.referente.actor, { personId: w.person.id });
    assert.equal(seenByReferente.notes.length, 4);
    // a colleague of the référente at FT: not a référent, but inside the author's structure
    const seenByColleague = await listNotes(deps, w.colleague.actor, { personId: w.person.id });
    assert.deepEqual(seenByColleague.notes.map((n) => n.body).sort(), [
      "Note CONFIDENTIEL",
      "Note GROUPE",
      "Note PERSONNE",
    ]);
  });

  test("a professional outside the group gets 403 and the denial is audited", async () => {
    const w = await world();
    const { deps } = testDeps(h);
    await assert.rejects(listNotes(deps, w.stranger.actor, { personId: w.person.id }), {
      code: "access.forbidden",
    });
    await assert.rejects(getTimeline(deps, w.stranger.actor, { personId: w.person.id }), {
      code: "access.forbidden",
    });
    assert.deepEqual(await auditRows(w.person.id), [
      { action: "shared_file.notes.read", actorId: w.stranger.id, outcome: "denied" },
      { action: "shared_file.timeline.read", actorId: w.stranger.id, outcome: "denied" },
    ]);
  });

  test("a note is never edited: a correction by its author keeps the visibility, once; the table refuses UPDATE", async () => {
    const w = await world();
    const { deps } = testDeps(h);
    const note = await addNote(deps, w.referente.actor, {
      personId: w.person.id,
      body: "Rendez-vous le 12 mars",
      visibility: "GROUPE",
    });
    await assert.rejects(
      addNote(deps, w.referente.actor, {
        personId: w.person.id,
        body: "13 mars",
        visibility: "PERSONNE",
        correctsNoteId: note.id,
      }),
      { code: "shared_file.correction_visibility" },
    );
    await addGroupMember(deps, w.referente.actor, {
      personId: w.person.id,
      structureId: w.ft.id,
      professionalId: w.colleague.id,
      role: "co_referent",
    });
    await assert.rejects(
      addNote(deps, w.colleague.actor, {
        personId: w.person.id,
        body: "13 mars",
        visibility: "GROUPE",
        correctsNoteId: note.id,
      }),
      { code: "shared_file.correction_not_author" },
    );
    const correction = await addNote(deps, w.referente.actor, {
      personId: w.person.id,
      body: "Correction : rendez-vous le 13 mars",
      visibility: "GROUPE",
      correctsNoteId: note.id,
    });
    assert.equal(correction.correctsNoteId, note.id);
    await assert.rejects(
      addNote(deps, w.referente.actor, {
        personId: w.person.id,
        body: "encore",
        visibility: "GROUPE",
        correctsNoteId: note.id,
      }),
      { code: "shared_file.note_already_corrected" },
    );
    const listed = await listNotes(deps, w.referente.actor, { personId: w.person.id });
    const original = listed.notes.find((n) => n.id === note.id)!;
    assert.deepEqual(
      [original.body, original.correctedByNoteId, original.canCorrect],
      ["Rendez-vous le 12 mars", correction.id, false],
    );
    await assert.rejects(
      sql`UPDATE file_notes SET body = 'changée' WHERE id = ${note.id}`.execute(h.db),
      /ne se modifie pas/,
    );
  });
});

describe("documents", () => {
  test("a PDF and a PNG are stored with the sniffed type and downloaded; the list shows title, category, author", async () => {
    const w = await world();
    const { deps } = testDeps(h);
    const doc = await uploadDocument(deps, w.referente.actor, {
      personId: w.person.id,
      title: "Attestation de formation",
      category: "ATTESTATION",
      visibility: "PERSONNE",
      filename: "attestation.pdf",
      content: PDF,
    });
    assert.deepEqual(
      [doc.mediaType, doc.sizeBytes, doc.authorName],
      ["application/pdf", PDF.length, "Claire Martin"],
    );
    // a PNG named .jpg is stored as what it is
    const png = await uploadDocument(deps, w.referente.actor, {
      personId: w.person.id,
      title: "Photo du justificatif",
      category: "JUSTIFICATIF",
      visibility: "REFERENTS",
      filename: "photo.jpg",
      content: PNG,
    });
    assert.equal(png.mediaType, "image/png");
    const list = await listDocuments(deps, w.referente.actor, { personId: w.person.id });
    assert.deepEqual(list.documents.map((d) => d.title).sort(), [
      "Attestation de formation",
      "Photo du justificatif",
    ]);
    assert.equal(list.maxBytes, 5 * 1024 * 1024);
    const content = await getDocumentContent(deps, w.referente.actor, {
      personId: w.person.id,
      documentId: doc.id,
    });
    assert.deepEqual(
      [content.filename, content.mediaType, Buffer.compare(content.content, PDF)],
      ["attestation.pdf", "application/pdf", 0],
    );
    // the person downloads the one shared with them, not the other
    await getDocumentContent(deps, w.person.actor, { documentId: doc.id });
    await assert.rejects(getDocumentContent(deps, w.person.actor, { documentId: png.id }), {
      code: "access.forbidden",
    });
    const actions = (await auditRows(w.person.id)).map((r) => `${r.action}:${r.outcome}`);
    assert.deepEqual(actions, [
      "shared_file.document.added:allowed",
      "shared_file.document.added:allowed",
      "shared_file.documents.read:allowed",
      "shared_file.document.downloaded:allowed",
      "shared_file.document.downloaded:allowed",
      "shared_file.document.downloaded:denied",
    ]);
  });

  test("a too-large document and a fake PDF are refused with French messages, and nothing is stored", async () => {
    const w = await world();
    const { deps } = testDeps(h);
    const small = { ...deps, config: { ...deps.config, SHARED_FILE_MAX_DOCUMENT_BYTES: 1024 } };
    const fields = {
      personId: w.person.id,
      title: "Avis d'imposition",
      category: "JUSTIFICATIF" as const,
      visibility: "GROUPE" as const,
    };
    const big = Buffer.concat([PDF, Buffer.alloc(2000, 0x20)]);
    await assert.rejects(
      uploadDocument(small, w.referente.actor, { ...fields, filename: "avis.pdf", content: big }),
      {
        code: "shared_file.document_too_large",
        message: /^Le fichier dépasse la taille maximale de 1 Ko\./,
      },
    );
    const fake = Buffer.from("Ceci est un texte renommé en .pdf, pas un PDF.\n");
    await assert.rejects(
      uploadDocument(deps, w.referente.actor, { ...fields, filename: "avis.pdf", content: fake }),
      {
        code: "shared_file.document_type_refused",
        message:
          "Le fichier « avis.pdf » n'est pas un vrai PDF : son contenu ne correspond pas à son extension. Enregistrez-le à nouveau au format PDF, puis réessayez. Formats acceptés : PDF, JPEG, PNG.",
      },
    );
    await assert.rejects(
      uploadDocument(deps, w.referente.actor, { ...fields, filename: "notes.txt", content: fake }),
      {
        code: "shared_file.document_type_refused",
      },
    );
    assert.equal(await storedDocuments(w.person.id), 0);
  });

  test("the default limit is 5 MB, configurable", () => {
    assert.equal(loadConfig({ SOCLE_ENV: "test" }).SHARED_FILE_MAX_DOCUMENT_BYTES, 5 * 1024 * 1024);
    assert.equal(
      loadConfig({ SOCLE_ENV: "test", SHARED_FILE_MAX_DOCUMENT_BYTES: "1048576" })
        .SHARED_FILE_MAX_DOCUMENT_BYTES,
      1048576,
    );
  });
});

describe("timeline", () => {
  test("merges orientation, diagnostic, contract, appointment, notes, documents and group changes, newest first", async () => {
    const w = await world();
    const p = w.person.id;
    await sql`INSERT INTO parcours (id, person_id, departement, t0_date, statut_suivi, origine, opened_at)
      VALUES ('11111111-0000-4000-8000-000000000001', ${p}, '80', '2026-01-05', 'ACTIF', 'INSCRIPTION_AUTO_CAF', '2026-01-05T08:00:00Z')`.execute(
      h.db,
    );
    await sql`INSERT INTO orientations (id, person_id, parcours_id, etat, statut, origine, decision, decided_by, decided_at,
        organisme_decision, parcours_retenu, organisme_retenu, structure_id, created_at, updated_at)
      VALUES ('11111111-0000-4000-8000-000000000002', ${p}, '11111111-0000-4000-8000-000000000001', 'OUVERT', 'DECIDE',
        'INSCRIPTION_AUTO_CAF', 'ACCEPTEE', ${w.referente.id}, '2026-01-10T10:00:00Z', 'CD', 'PRO', 'FT', ${w.ft.id},
        '2026-01-06T08:00:00Z', '2026-01-10T10:00:00Z')`.execute(h.db);
    await sql`INSERT INTO diagnostics (id, person_id, current_numero, started_by, created_at, updated_at)
      VALUES ('11111111-0000-4000-8000-000000000003', ${p}, 1, ${w.referente.id}, '2026-01-20T09:00:00Z', '2026-01-20T09:00:00Z')`.execute(
      h.db,
    );
    await sql`INSERT INTO diagnostic_versions (diagnostic_id, numero, content, author_id, structure_id, format, created_at)
      VALUES ('11111111-0000-4000-8000-000000000003', 1, '{}', ${w.referente.id}, ${w.ft.id}, 'INDIVIDUEL', '2026-01-20T09:00:00Z')`.execute(
      h.db,
    );
    await sql`INSERT INTO appointment_slots (id, structure_id, professional_id, starts_at, ends_at, reception, modalite, created_at)
      VALUES ('11111111-0000-4000-8000-000000000004', ${w.ft.id}, ${w.referente.id}, '2026-01-15T09:00:00Z', '2026-01-15T09:30:00Z', 'INDIVIDUEL', 'SUR_PLACE', '2026-01-11T09:00:00Z')`.execute(
      h.db,
    );
    await sql`INSERT INTO appointments (id, person_id, structure_id, slot_id, purpose, status, created_at, updated_at)
      VALUES ('11111111-0000-4000-8000-000000000005', ${p}, ${w.ft.id}, '11111111-0000-4000-8000-000000000004', 'PREMIER_RDV_ACCOMPAGNEMENT', 'HONORE', '2026-01-11T09:00:00Z', '2026-01-15T10:00:00Z')`.execute(
      h.db,
    );

    const contractDeps = testDeps(h, "2026-02-01T09:00:00Z").deps;
    const contract = await createContract(contractDeps, w.referente.actor, {
      personId: p,
      content: { programme: { semaineIso: "2026-W06", activites: [{ code: "8.1", heuresPrevues: 15 }] } },
    });
    await signContract(testDeps(h, "2026-02-03T09:00:00Z").deps, w.person.actor, {
      contractId: contract.id,
      version: contract.version,
    });
    const { deps } = testDeps(h, "2026-03-01T09:00:00Z");
    await addNote(deps, w.referente.actor, {
      personId: p,
      body: "Point sur la recherche d'emploi",
      visibility: "PERSONNE",
    });
    await addNote(deps, w.referente.actor, {
      personId: p,
      body: "Difficultés de logement évoquées",
      visibility: "REFERENTS",
    });
    await uploadDocument(deps, w.referente.actor, {
      personId: p,
      title: "CV",
      category: "CV",
      visibility: "GROUPE",
      filename: "cv.pdf",
      content: PDF,
    });
    await addGroupMember(testDeps(h, "2026-03-02T09:00:00Z").deps, w.referente.actor, {
      personId: p,
      structureId: w.ml.id,
      professionalId: w.mlConseiller.id,
      role: "membre",
    });

    const pro = await getTimeline(deps, w.referente.actor, { personId: p });
    assert.deepEqual(
      pro.entries.map((e) => [e.at.slice(0, 10), e.kind]),
      [
        ["2026-03-02", "GROUP_CHANGE"],
        // three entries at the same instant: ordered by their key, descending
        ...pro.entries.filter((e) => e.at.startsWith("2026-03-01")).map((e) => [e.at.slice(0, 10), e.kind]),
        ["2026-02-03", "CONTRACT_SIGNED"],
        ["2026-02-01", "CONTRACT_VERSION"],
        ["2026-01-20", "DIAGNOSTIC_VERSION"],
        ["2026-01-15", "APPOINTMENT"],
        ["2026-01-10", "ORIENTATION_DECISION"],
      ],
    );
    assert.deepEqual(
      pro.entries
        .filter((e) => e.at.startsWith("2026-03-01"))
        .map((e) => e.kind)
        .sort(),
      ["DOCUMENT", "NOTE", "NOTE"],
    );
    const orientation = pro.entries.at(-1)!;
    assert.deepEqual(
      [orientation.title, orientation.detail],
      ["Orientation décidée", "Parcours emploi, France Travail"],
    );
    assert.equal(pro.entries.find((e) => e.kind === "APPOINTMENT")?.title, "Rendez-vous honoré");
    assert.equal(pro.nextCursor, null);

    // the person: what is shared with them, their notice, no group log, no REFERENTS note, no GROUPE document
    const mine = await getMyTimeline(deps, w.person.actor, {});
    assert.deepEqual(
      mine.entries.map((e) => e.kind),
      [
        "NOTICE",
        "NOTE",
        "CONTRACT_SIGNED",
        "CONTRACT_VERSION",
        "DIAGNOSTIC_VERSION",
        "APPOINTMENT",
        "ORIENTATION_DECISION",
      ],
    );
    assert.equal(
      mine.entries[0]?.title,
      "Yanis Benali (Mission locale du Grand Amiénois) fait désormais partie de votre groupe de suivi.",
    );
    assert.equal(mine.entries[1]?.detail, "Point sur la recherche d'emploi");
  });

  test("pages follow a total order: no entry twice, none skipped, even at the same instant", async () => {
    const w = await world();
    const { deps } = testDeps(h, "2026-04-01T09:00:00Z");
    for (let i = 0; i < 7; i++)
      await addNote(deps, w.referente.actor, {
        personId: w.person.id,
        body: `Note ${i}`,
        visibility: "GROUPE",
      });
    const all = await getTimeline(deps, w.referente.actor, { personId: w.person.id, limit: 100 });
    assert.equal(all.entries.length, 7);
    const paged: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await getTimeline(deps, w.referente.actor, { personId: w.person.id, limit: 3, cursor });
      paged.push(...page.entries.map((e) => e.key));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual(
      paged,
      all.entries.map((e) => e.key),
    );
    await assert.rejects(
      getTimeline(deps, w.referente.actor, { personId: w.person.id, cursor: "pas-un-curseur" }),
      {
        code: "shared_file.invalid_cursor",
      },
    );
  });
});

describe("the person's space", () => {
  test("the person sees only PERSONNE notes and documents, their group and their notices", async () => {
    const w = await world();
    const { deps } = testDeps(h);
    await addGroupMember(deps, w.referente.actor, {
      personId: w.person.id,
      structureId: w.ml.id,
      professionalId: w.mlConseiller.id,
      role: "membre",
    });
    for (const visibility of ["PERSONNE", "GROUPE", "REFERENTS", "CONFIDENTIEL"] as const) {
      await addNote(deps, w.referente.actor, {
        personId: w.person.id,
        body: `Note ${visibility}`,
        visibility,
      });
      await uploadDocument(deps, w.referente.actor, {
        personId: w.person.id,
        title: `Document ${visibility}`,
        category: "AUTRE",
        visibility,
        filename: "d.pdf",
        content: PDF,
      });
    }
    const mine = await getMyFile(deps, w.person.actor, {});
    assert.deepEqual(
      mine.notes.map((n) => n.body),
      ["Note PERSONNE"],
    );
    assert.deepEqual(
      mine.documents.map((d) => d.title),
      ["Document PERSONNE"],
    );
    assert.deepEqual(
      mine.group.map((m) => m.role),
      ["referent", "membre"],
    );
    const timeline = await getMyTimeline(deps, w.person.actor, {});
    assert.deepEqual(timeline.entries.map((e) => e.kind).sort(), ["DOCUMENT", "NOTE", "NOTICE"]);
    // another person's group list is not theirs to read
    const other = await insertPerson(h.db, {});
    await assert.rejects(getGroup(deps, other.actor, { personId: w.person.id }), {
      code: "access.forbidden",
    });
  });
});
