// HTTP plumbing of the persons routes: authentication, error shapes (400/401/403/404/409), happy paths.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type TestApp, testApp } from "../../test-support/app";
import { injectBrowser, login } from "../../test-support/browser";
import { insertPerson, insertProfessional, insertStructure } from "../../test-support/builders";

let t: TestApp;
let personId: string;
let otherPersonId: string;
before(async () => {
  t = await testApp();
  const mine = await insertStructure(t.handle.db, { name: "France Travail Test" });
  const other = await insertStructure(t.handle.db, { name: "Mission locale Test" });
  await insertProfessional(t.handle.db, { structure: mine, email: "conseil@test.socle.fr" });
  personId = (
    await insertPerson(t.handle.db, { followedBy: mine, birthName: "HTTPTEST", email: "lea.http@exemple.fr" })
  ).id;
  otherPersonId = (await insertPerson(t.handle.db, { followedBy: other })).id;
});
after(() => t.close());

async function conseiller() {
  const b = injectBrowser(t.app, t.baseUrl);
  await login(b, "pro", "conseil@test.socle.fr");
  const { csrfToken } = JSON.parse((await b.get("/api/session")).body) as { csrfToken: string };
  return { b, csrf: { "x-csrf-token": csrfToken } };
}

describe("right paths", () => {
  test("list, read and update contact", async () => {
    const { b, csrf } = await conseiller();
    const list = JSON.parse((await b.get("/api/persons?q=httptest")).body);
    assert.equal(list.total, 1);
    assert.equal(list.items[0].id, personId);
    const view = JSON.parse((await b.get(`/api/persons/${personId}`)).body);
    assert.equal(view.birthName, "HTTPTEST");
    const put = await b.request("PUT", `/api/persons/${personId}/contact`, {
      json: { version: view.version, email: "lea.http@exemple.fr", phone: "06 11 22 33 44" },
      headers: csrf,
    });
    assert.equal(put.status, 200);
    assert.equal(JSON.parse(put.body).contact.phone, "06 11 22 33 44");
  });

  test("the person reads their own access log", async () => {
    const b = injectBrowser(t.app, t.baseUrl);
    await login(b, "person", "lea.http@exemple.fr");
    const res = await b.get("/api/me/audit");
    assert.equal(res.status, 200);
    const items = JSON.parse(res.body).items as { structureName: string | null; outcome: string }[];
    assert.ok(items.some((i) => i.structureName === "France Travail Test" && i.outcome === "allowed"));
  });
});

describe("wrong paths", () => {
  test("401 without a session, with the French message", async () => {
    const res = await injectBrowser(t.app, t.baseUrl).get(`/api/persons/${personId}`);
    assert.equal(res.status, 401);
    assert.deepEqual(JSON.parse(res.body), {
      code: "auth.unauthenticated",
      message: "Vous devez vous connecter pour accéder à cette page.",
    });
  });

  test("403 on a person followed only by another structure", async () => {
    const { b } = await conseiller();
    const res = await b.get(`/api/persons/${otherPersonId}`);
    assert.equal(res.status, 403);
    assert.equal(JSON.parse(res.body).code, "access.forbidden");
  });

  test("400 with French issues on a malformed id or body", async () => {
    const { b, csrf } = await conseiller();
    const res = await b.get("/api/persons/pas-un-uuid");
    assert.equal(res.status, 400);
    assert.equal(JSON.parse(res.body).code, "validation.invalid");
    const put = await b.request("PUT", `/api/persons/${personId}/contact`, {
      json: { version: 1, email: "x", phone: null },
      headers: csrf,
    });
    assert.equal(put.status, 400);
    assert.match(JSON.stringify(JSON.parse(put.body).issues), /Adresse électronique invalide/);
  });

  test("404 for an unknown person and for an unknown API path", async () => {
    const { b } = await conseiller();
    assert.equal(
      JSON.parse((await b.get("/api/persons/00000000-0000-4000-8000-00000000abcd")).body).code,
      "persons.not_found",
    );
    const res = await b.get("/api/nexiste-pas");
    assert.equal(res.status, 404);
    assert.equal(JSON.parse(res.body).code, "http.not_found");
  });

  test("409 on a stale version", async () => {
    const { b, csrf } = await conseiller();
    const res = await b.request("PUT", `/api/persons/${personId}/contact`, {
      json: { version: 1, email: null, phone: null },
      headers: csrf,
    });
    assert.equal(res.status, 409);
    assert.equal(JSON.parse(res.body).code, "persons.version_conflict");
  });
});
