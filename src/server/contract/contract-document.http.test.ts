// HTTP plumbing of the contract PDF: the person downloads their signed version; 401 and 403 shapes.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type TestApp, testApp } from "../../test-support/app";
import { injectBrowser, login } from "../../test-support/browser";
import {
  type InsertedPerson,
  insertFollowUp,
  insertPerson,
  insertProfessional,
  insertStructure,
} from "../../test-support/builders";
import { pdfText } from "../../test-support/pdf-text";

let t: TestApp;
let person: InsertedPerson;
before(async () => {
  t = await testApp();
  const ft = await insertStructure(t.handle.db, { kind: "france_travail", departement: "80" });
  const ml = await insertStructure(t.handle.db, { kind: "mission_locale", departement: "80" });
  const referente = await insertProfessional(t.handle.db, {
    structure: ft,
    roles: ["conseiller"],
    email: "referente.pdf@test.socle.fr",
  });
  await insertProfessional(t.handle.db, {
    structure: ml,
    roles: ["conseiller"],
    email: "autre.pdf@test.socle.fr",
  });
  person = await insertPerson(t.handle.db, {
    firstNames: "Noémie",
    birthName: "PDFTEST",
    email: "noemie.pdf@exemple.fr",
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

let contractId = "";

describe("contract PDF route", () => {
  test("the person signs in their space, then downloads the signed version as a French PDF", async () => {
    const pro = await as("pro", "referente.pdf@test.socle.fr");
    const created = await pro.b.request("POST", "/api/contracts", {
      json: {
        personId: person.id,
        content: { programme: { semaineIso: "2026-W11", activites: [{ code: "8.1", heuresPrevues: 15 }] } },
      },
      headers: pro.csrf,
    });
    assert.equal(created.status, 200, created.body);
    const c = JSON.parse(created.body) as { id: string; version: number };
    contractId = c.id;

    const me = await as("person", "noemie.pdf@exemple.fr");
    const signed = await me.b.request("POST", `/api/contracts/${c.id}/signature`, {
      json: { version: c.version },
      headers: me.csrf,
    });
    assert.equal(signed.status, 200, signed.body);

    // the browser helper keeps the body as a string: ask the app directly, with the person's cookies
    const url = `/api/contracts/${c.id}/versions/1/document`;
    const cookie = me.b
      .cookies()
      .filter((k) => url.startsWith(k.path))
      .map((k) => `${k.name}=${k.value}`)
      .join("; ");
    const res = await t.app.inject({
      method: "GET",
      url,
      headers: { host: new URL(t.baseUrl).host, cookie },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers["content-type"], "application/pdf");
    assert.equal(res.headers["content-disposition"], 'attachment; filename="contrat-engagement-v1.pdf"');
    assert.equal(res.headers["cache-control"], "private, no-store");
    const pdf = res.rawPayload;
    assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
    const text = pdfText(pdf);
    assert.match(text, /Noémie PDFTEST/);
    assert.match(text, /Signé le .* dans votre espace personnel \(signature électronique\)/);
  });

  test("401 without a session", async () => {
    assert.ok(contractId, "the first test created the contract");
    const res = await injectBrowser(t.app, t.baseUrl).get(`/api/contracts/${contractId}/versions/1/document`);
    assert.equal(res.status, 401);
    assert.equal(JSON.parse(res.body).code, "auth.unauthenticated");
  });

  test("403 for a professional who does not follow the person; 404 for a version that does not exist", async () => {
    assert.ok(contractId, "the first test created the contract");
    const other = await as("pro", "autre.pdf@test.socle.fr");
    const denied = await other.b.get(`/api/contracts/${contractId}/versions/1/document`);
    assert.equal(denied.status, 403);
    assert.equal(JSON.parse(denied.body).code, "access.forbidden");
    const pro = await as("pro", "referente.pdf@test.socle.fr");
    const missing = await pro.b.get(`/api/contracts/${contractId}/versions/9/document`);
    assert.equal(missing.status, 404);
    assert.equal(JSON.parse(missing.body).code, "contract.version_not_found");
  });
});
