// HTTP plumbing of the dossier partagé: JSON routes, multipart upload (size and type refusals in French,
// CSRF), binary download with Content-Disposition; 400/401/403 shapes.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type TestApp, testApp } from "../../test-support/app";
import { type Browser, injectBrowser, login } from "../../test-support/browser";
import {
  type InsertedPerson,
  insertFollowUp,
  insertPerson,
  insertProfessional,
  insertStructure,
} from "../../test-support/builders";

const MAX = 4096;
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);

let t: TestApp;
let person: InsertedPerson;
before(async () => {
  t = await testApp({ env: { SHARED_FILE_MAX_DOCUMENT_BYTES: String(MAX) } });
  const ft = await insertStructure(t.handle.db, { kind: "france_travail", departement: "80" });
  const cd = await insertStructure(t.handle.db, { kind: "conseil_departemental", departement: "80" });
  const referente = await insertProfessional(t.handle.db, {
    structure: ft,
    email: "referente.dossier@test.socle.fr",
  });
  await insertProfessional(t.handle.db, { structure: cd, email: "etranger.dossier@test.socle.fr" });
  person = await insertPerson(t.handle.db, {
    firstNames: "Inès",
    birthName: "DOSSIERTEST",
    email: "ines.dossier@exemple.fr",
  });
  await insertFollowUp(t.handle.db, {
    personId: person.id,
    structureId: ft.id,
    professionalId: referente.id,
  });
});
after(() => t.close());

async function as(segment: "pro" | "person", email: string) {
  const b = injectBrowser(t.app, t.baseUrl);
  await login(b, segment, email);
  const { csrfToken } = JSON.parse((await b.get("/api/session")).body) as { csrfToken: string };
  return { b, csrf: { "x-csrf-token": csrfToken } };
}

const cookieOf = (b: Browser, url: string) =>
  b
    .cookies()
    .filter((k) => url.startsWith(k.path))
    .map((k) => `${k.name}=${k.value}`)
    .join("; ");

function multipart(fields: Record<string, string>, file: { name: string; type: string; content: Buffer }) {
  const boundary = "----socle-test-boundary";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  who: { b: Browser; csrf: Record<string, string> },
  file: { name: string; type: string; content: Buffer },
  csrf = true,
) {
  const url = `/api/persons/${person.id}/file/documents`;
  const body = multipart({ title: "Attestation", category: "ATTESTATION", visibility: "PERSONNE" }, file);
  return t.app.inject({
    method: "POST",
    url,
    headers: {
      host: new URL(t.baseUrl).host,
      cookie: cookieOf(who.b, url),
      "content-type": body.contentType,
      ...(csrf ? who.csrf : {}),
    },
    payload: body.payload,
  });
}

const storedCount = async () =>
  (
    await t.handle.db
      .selectFrom("file_documents")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("person_id", "=", person.id)
      .executeTakeFirstOrThrow()
  ).n;

describe("shared file routes", () => {
  test("the référente writes a note, uploads a PDF; the person reads them in their space and downloads the PDF", async () => {
    const pro = await as("pro", "referente.dossier@test.socle.fr");
    const note = await pro.b.request("POST", `/api/persons/${person.id}/file/notes`, {
      json: { body: "Entretien du jour : projet d'aide à domicile confirmé.", visibility: "PERSONNE" },
      headers: pro.csrf,
    });
    assert.equal(note.status, 200, note.body);
    const up = await upload(pro, { name: "attestation.pdf", type: "application/pdf", content: PDF });
    assert.equal(up.statusCode, 200, up.body);
    const doc = JSON.parse(up.body) as { id: string; mediaType: string };
    assert.equal(doc.mediaType, "application/pdf");

    const timeline = await pro.b.get(`/api/persons/${person.id}/file/timeline?limit=10`);
    assert.equal(timeline.status, 200);
    assert.deepEqual(
      (JSON.parse(timeline.body) as { entries: { kind: string }[] }).entries.map((e) => e.kind).sort(),
      ["DOCUMENT", "NOTE"],
    );
    const group = await pro.b.get(`/api/persons/${person.id}/file/group`);
    assert.equal((JSON.parse(group.body) as { canManage: boolean }).canManage, true);

    const me = await as("person", "ines.dossier@exemple.fr");
    const mine = JSON.parse((await me.b.get("/api/me/file")).body) as {
      notes: unknown[];
      documents: unknown[];
    };
    assert.deepEqual([mine.notes.length, mine.documents.length], [1, 1]);
    const url = `/api/me/file/documents/${doc.id}/content`;
    const res = await t.app.inject({
      method: "GET",
      url,
      headers: { host: new URL(t.baseUrl).host, cookie: cookieOf(me.b, url) },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["content-type"], "application/pdf");
    assert.equal(
      res.headers["content-disposition"],
      `attachment; filename="attestation.pdf"; filename*=UTF-8''attestation.pdf`,
    );
    assert.equal(Buffer.compare(res.rawPayload, PDF), 0);
    const myTimeline = await me.b.get("/api/me/file/timeline");
    assert.equal(myTimeline.status, 200);
  });

  test("a fake PDF answers 415 and a too-large file 413, in French; nothing is stored", async () => {
    const pro = await as("pro", "referente.dossier@test.socle.fr");
    const before = await storedCount();
    const fake = await upload(pro, {
      name: "bulletin.pdf",
      type: "application/pdf",
      content: Buffer.from("<html>pas un PDF</html>"),
    });
    assert.equal(fake.statusCode, 415);
    const fakeBody = JSON.parse(fake.body) as { code: string; message: string };
    assert.equal(fakeBody.code, "shared_file.document_type_refused");
    assert.match(fakeBody.message, /n'est pas un vrai PDF/);
    const big = await upload(pro, {
      name: "gros.pdf",
      type: "application/pdf",
      content: Buffer.concat([PDF, Buffer.alloc(MAX, 0x20)]),
    });
    assert.equal(big.statusCode, 413);
    assert.deepEqual(JSON.parse(big.body), {
      code: "shared_file.document_too_large",
      message:
        "Le fichier dépasse la taille maximale de 4 Ko. Réduisez sa taille (par exemple en le numérisant en noir et blanc) puis réessayez.",
      details: { maxBytes: MAX },
    });
    assert.equal(await storedCount(), before);
  });

  test("401 without a session, 403 for a professional outside the group, CSRF and validation shapes", async () => {
    const anonymous = injectBrowser(t.app, t.baseUrl);
    const unauth = await anonymous.get(`/api/persons/${person.id}/file/timeline`);
    assert.equal(unauth.status, 401);
    assert.equal((JSON.parse(unauth.body) as { code: string }).code, "auth.unauthenticated");

    const stranger = await as("pro", "etranger.dossier@test.socle.fr");
    const denied = await stranger.b.get(`/api/persons/${person.id}/file/notes`);
    assert.equal(denied.status, 403);
    assert.equal((JSON.parse(denied.body) as { code: string }).code, "access.forbidden");

    const pro = await as("pro", "referente.dossier@test.socle.fr");
    const noCsrf = await upload(pro, { name: "a.pdf", type: "application/pdf", content: PDF }, false);
    assert.equal(noCsrf.statusCode, 403);
    assert.equal((JSON.parse(noCsrf.body) as { code: string }).code, "auth.csrf_invalid");

    const empty = await pro.b.request("POST", `/api/persons/${person.id}/file/notes`, {
      json: { body: "  ", visibility: "GROUPE" },
      headers: pro.csrf,
    });
    assert.equal(empty.status, 400);
    const issues = (JSON.parse(empty.body) as { issues: { path: string; message: string }[] }).issues;
    assert.ok(
      issues.some((i) => i.path.endsWith("body") && i.message === "Écrivez la note"),
      empty.body,
    );

    const notMultipart = await pro.b.request("POST", `/api/persons/${person.id}/file/documents`, {
      json: { title: "x" },
      headers: pro.csrf,
    });
    assert.equal(notMultipart.status, 400);
    assert.equal((JSON.parse(notMultipart.body) as { code: string }).code, "shared_file.not_multipart");
  });
});
