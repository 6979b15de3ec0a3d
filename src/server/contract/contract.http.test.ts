// HTTP plumbing of the contract routes: create, read, the 409 of a stale edit, 403, 401 and 400 shapes.
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

let t: TestApp;
let person: InsertedPerson;
let withoutContract: InsertedPerson;
before(async () => {
  t = await testApp();
  const ft = await insertStructure(t.handle.db, { kind: "france_travail", departement: "80" });
  const ml = await insertStructure(t.handle.db, { kind: "mission_locale", departement: "80" });
  const referente = await insertProfessional(t.handle.db, {
    structure: ft,
    roles: ["conseiller"],
    email: "referente.contrat@test.socle.fr",
  });
  await insertProfessional(t.handle.db, {
    structure: ml,
    roles: ["conseiller"],
    email: "autre.contrat@test.socle.fr",
  });
  person = await insertPerson(t.handle.db, {});
  withoutContract = await insertPerson(t.handle.db, {
    firstNames: "Inès",
    birthName: "SANSCONTRAT",
    email: "sans.contrat@exemple.fr",
    followedBy: ft,
  });
  await insertFollowUp(t.handle.db, {
    personId: person.id,
    structureId: ft.id,
    professionalId: referente.id,
  });
});
after(() => t.close());

async function as(email: string) {
  const b = injectBrowser(t.app, t.baseUrl);
  await login(b, "pro", email);
  const { csrfToken } = JSON.parse((await b.get("/api/session")).body) as { csrfToken: string };
  return { b, csrf: { "x-csrf-token": csrfToken } };
}
const json = (r: { body: string }) => JSON.parse(r.body);
const content = (hours: number) => ({
  programme: { semaineIso: "2026-W11", activites: [{ code: "8.1", heuresPrevues: hours }] },
});

describe("contract routes", () => {
  test("the référente drafts, reads by person, edits; a stale edit is a 409 with the French message", async () => {
    const { b, csrf } = await as("referente.contrat@test.socle.fr");
    const created = await b.request("POST", "/api/contracts", {
      json: { personId: person.id, content: content(15) },
      headers: csrf,
    });
    assert.equal(created.status, 200, created.body);
    const c = json(created);
    assert.equal(c.state, "A_SIGNER");
    assert.equal(c.totals.targetMet, true);
    assert.match(c.socleCommun, /aucune sanction n'est prise sans que vous ayez pu vous expliquer/);

    const byPerson = await b.get(`/api/persons/${person.id}/contract`);
    assert.equal(json(byPerson).id, c.id);

    const edited = await b.request("PUT", `/api/contracts/${c.id}/draft`, {
      json: { version: c.version, content: content(12) },
      headers: csrf,
    });
    assert.equal(edited.status, 200);
    assert.deepEqual([json(edited).totals.planned, json(edited).totals.missing], [12, 3]);

    const stale = await b.request("PUT", `/api/contracts/${c.id}/draft`, {
      json: { version: c.version, content: content(20) },
      headers: csrf,
    });
    assert.equal(stale.status, 409);
    assert.equal(json(stale).code, "contract.version_conflict");
    assert.match(json(stale).message, /rechargez la page/);
  });

  test("the person's space asks for « my contract » before there is one: 200 with no contract, not a 404", async () => {
    const b = injectBrowser(t.app, t.baseUrl);
    await login(b, "person", "sans.contrat@exemple.fr");
    const mine = await b.get("/api/me/contract");
    assert.equal(mine.status, 200, mine.body);
    assert.deepEqual(json(mine), { contract: null });
    const audited = await t.handle.db
      .selectFrom("audit_events")
      .select("action")
      .where("person_id", "=", withoutContract.id)
      .where("section", "=", "contrat")
      .execute();
    assert.deepEqual(audited, []);
  });

  test("403 for a professional who does not follow the person, 401 without session, 400 on a bad programme", async () => {
    const other = await as("autre.contrat@test.socle.fr");
    const denied = await other.b.get(`/api/persons/${person.id}/contract`);
    assert.equal(denied.status, 403);
    assert.equal(json(denied).code, "access.forbidden");

    const anonymous = injectBrowser(t.app, t.baseUrl);
    assert.equal((await anonymous.get(`/api/persons/${person.id}/contract`)).status, 401);

    const { b, csrf } = await as("referente.contrat@test.socle.fr");
    const bad = await b.request("POST", "/api/contracts", {
      json: {
        personId: person.id,
        content: { programme: { semaineIso: "2026-W11", activites: [{ code: "99.9", heuresPrevues: 1 }] } },
      },
      headers: csrf,
    });
    assert.equal(bad.status, 400);
    assert.match(bad.body, /Activité inconnue du référentiel/);
  });
});
