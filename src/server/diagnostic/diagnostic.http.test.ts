// HTTP plumbing of the diagnostic routes: a happy path per endpoint and the 400/401/403/404/409 shapes.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type TestApp, testApp } from "../../test-support/app";
import { injectBrowser, login } from "../../test-support/browser";
import { insertPerson, insertProfessional, insertStructure } from "../../test-support/builders";

let t: TestApp;
let personId: string;
let unstartedId: string;
before(async () => {
  t = await testApp();
  const db = t.handle.db;
  const agency = await insertStructure(db, { kind: "france_travail" });
  const elsewhere = await insertStructure(db, { kind: "mission_locale" });
  const referent = await insertProfessional(db, { structure: agency, email: "referente.diag@test.socle.fr" });
  await insertProfessional(db, { structure: agency, email: "collegue.diag@test.socle.fr" });
  await insertProfessional(db, { structure: elsewhere, email: "ailleurs.diag@test.socle.fr" });
  personId = (await insertPerson(db, { followedBy: referent, email: "personne.diag@exemple.fr" })).id;
  unstartedId = (await insertPerson(db, { followedBy: referent })).id;
});
after(() => t.close());

async function as(kind: "pro" | "person", email: string) {
  const b = injectBrowser(t.app, t.baseUrl);
  await login(b, kind, email);
  const { csrfToken } = JSON.parse((await b.get("/api/session")).body) as { csrfToken: string };
  return { b, csrf: { "x-csrf-token": csrfToken } };
}
const json = (r: { body: string }) => JSON.parse(r.body);
const content = {
  themes: {
    NUMERIQUE: {
      situations: ["NUMERIQUE_SANS_CONNEXION"],
      besoins: ["NUMERIQUE_FORMATION"],
      impact: "FAIBLE",
    },
  },
};

describe("right paths", () => {
  test("the référent starts, saves two versions, reads an earlier one; the person reads theirs", async () => {
    const { b, csrf } = await as("pro", "referente.diag@test.socle.fr");
    const started = await b.request("POST", `/api/persons/${personId}/diagnostic`, { headers: csrf });
    assert.equal(started.status, 200);
    assert.equal(json(started).version, 1);
    assert.ok(json(started).prefill);

    const v1 = await b.request("POST", `/api/persons/${personId}/diagnostic/versions`, {
      json: { version: 1, content, confidentiel: { sante: "Traitement de longue durée" } },
      headers: csrf,
    });
    assert.equal(v1.status, 200);
    const v2 = await b.request("POST", `/api/persons/${personId}/diagnostic/versions`, {
      json: { version: json(v1).version, content: { themes: {} } },
      headers: csrf,
    });
    assert.equal(v2.status, 200);
    assert.equal(json(v2).currentNumero, 2);

    const first = await b.get(`/api/persons/${personId}/diagnostic?numero=1`);
    assert.equal(first.status, 200);
    assert.deepEqual(json(first).shown.content.themes.NUMERIQUE.besoins, ["NUMERIQUE_FORMATION"]);
    assert.equal(json(first).shown.confidentiel.sante, "Traitement de longue durée");
    assert.deepEqual(
      json(first).versions.map((v: { numero: number }) => v.numero),
      [2, 1],
    );

    const { b: person } = await as("person", "personne.diag@exemple.fr");
    const mine = await person.get("/api/me/diagnostic");
    assert.equal(mine.status, 200);
    assert.equal(json(mine).current.numero, 2);
  });

  test("a colleague reads the diagnostic without the restricted compartment", async () => {
    const { b } = await as("pro", "collegue.diag@test.socle.fr");
    const res = await b.get(`/api/persons/${personId}/diagnostic?numero=1`);
    assert.equal(res.status, 200);
    assert.equal(json(res).shown.confidentiel, null);
    assert.doesNotMatch(res.body, /longue durée/);
  });
  test("the routes are documented in the OpenAPI document", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.ok(doc.paths["/api/persons/{personId}/diagnostic"].get);
    assert.ok(doc.paths["/api/persons/{personId}/diagnostic/versions"].post.requestBody);
    assert.ok(doc.paths["/api/me/diagnostic"].get);
  });
});

describe("wrong paths", () => {
  test("401 without a session", async () => {
    const b = injectBrowser(t.app, t.baseUrl);
    const res = await b.get(`/api/persons/${personId}/diagnostic`);
    assert.equal(res.status, 401);
    assert.equal(json(res).code, "auth.unauthenticated");
  });

  test("403 for a professional who does not follow the person", async () => {
    const { b } = await as("pro", "ailleurs.diag@test.socle.fr");
    const res = await b.get(`/api/persons/${personId}/diagnostic`);
    assert.equal(res.status, 403);
    assert.equal(json(res).code, "access.forbidden");
  });

  test("404 before the diagnostic is started; 400 on an invalid body; 409 on a stale version", async () => {
    const { b, csrf } = await as("pro", "referente.diag@test.socle.fr");
    const missing = await b.get(`/api/persons/${unstartedId}/diagnostic`);
    assert.equal(missing.status, 404);
    assert.equal(json(missing).code, "diagnostic.not_started");

    const invalid = await b.request("POST", `/api/persons/${personId}/diagnostic/versions`, {
      json: { version: 1, content: { themes: { NUMERIQUE: { impact: "ENORME" } } } },
      headers: csrf,
    });
    assert.equal(invalid.status, 400);

    const stale = await b.request("POST", `/api/persons/${personId}/diagnostic/versions`, {
      json: { version: 1, content },
      headers: csrf,
    });
    assert.equal(stale.status, 409);
    assert.equal(json(stale).code, "diagnostic.version_conflict");
    assert.match(json(stale).message, /rechargez la page pour voir la dernière version/);
  });
});
