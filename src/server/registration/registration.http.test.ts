// HTTP plumbing of the registration routes: happy path online and at a counter, and the 400/401/403/409 shapes.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  anIdentite,
  aProjet,
  aSituation,
  someCompetences,
  someFreins,
} from "../../shared/registration/registration.builders";
import { type TestApp, testApp } from "../../test-support/app";
import { injectBrowser, login } from "../../test-support/browser";
import { aNir, insertPerson, insertProfessional, insertStructure } from "../../test-support/builders";

let t: TestApp;
before(async () => {
  t = await testApp();
  const s = await insertStructure(t.handle.db, { name: "Guichet Test" });
  await insertProfessional(t.handle.db, { structure: s, email: "guichet@test.socle.fr" });
  await insertProfessional(t.handle.db, {
    structure: s,
    email: "pilotage@test.socle.fr",
    roles: ["pilotage"],
  });
  await insertPerson(t.handle.db, {
    birthName: "HTTPINSCRIT",
    email: "inscrit.http@exemple.fr",
    nir: aNir(801),
  });
});
after(() => t.close());

async function as(kind: "pro" | "person", id: string) {
  const b = injectBrowser(t.app, t.baseUrl);
  await login(b, kind, id);
  const { csrfToken } = JSON.parse((await b.get("/api/session")).body) as { csrfToken: string };
  return { b, csrf: { "x-csrf-token": csrfToken } };
}
type View = {
  id: string;
  version: number;
  prefill: Record<string, unknown>;
  status: string;
  missing: unknown[];
};

describe("right paths", () => {
  test("a person registers online: start, save each step, submit", async () => {
    const { b, csrf } = await as("person", "inscrit.http@exemple.fr");
    const mine = JSON.parse((await b.get("/api/registrations/mine")).body);
    assert.deepEqual(mine, { registration: null, parcoursOuvert: false });
    const start = await b.request("POST", "/api/registrations", { json: {}, headers: csrf });
    assert.equal(start.status, 200);
    let v = JSON.parse(start.body) as View & { data: { identite: Record<string, unknown> } };
    const confirme = Object.keys(v.prefill);
    const steps = [
      ["identite", { ...anIdentite(), ...v.data.identite }],
      ["situation", aSituation()],
      ["competences", someCompetences()],
      ["projet", aProjet()],
      ["freins", someFreins()],
    ] as const;
    for (const [step, data] of steps) {
      const res = await b.request("PUT", `/api/registrations/${v.id}/draft`, {
        json: { step, version: v.version, data, confirme },
        headers: csrf,
      });
      assert.equal(res.status, 200, res.body);
      v = JSON.parse(res.body);
    }
    assert.deepEqual(v.missing, []);
    const sent = await b.request("POST", `/api/registrations/${v.id}/submission`, {
      json: { version: v.version },
      headers: csrf,
    });
    assert.equal(sent.status, 200, sent.body);
    const body = JSON.parse(sent.body);
    assert.equal(body.outcome, "DOSSIER_MIS_A_JOUR");
    assert.equal(body.parcoursOuvert, true);
    assert.equal(JSON.parse((await b.get("/api/registrations/mine")).body).registration.status, "SOUMISE");
  });

  test("a professional starts a counter registration, lists the drafts, looks up communes and duplicates", async () => {
    const { b, csrf } = await as("pro", "guichet@test.socle.fr");
    const start = await b.request("POST", "/api/registrations", {
      json: { canal: "GUICHET" },
      headers: csrf,
    });
    assert.equal(start.status, 200);
    const v = JSON.parse(start.body) as View;
    const list = JSON.parse((await b.get("/api/registrations")).body);
    assert.ok(list.items.some((i: { id: string }) => i.id === v.id));
    const communes = await b.get("/api/registrations/communes?codePostal=80000");
    assert.equal(communes.status, 200);
    assert.deepEqual(JSON.parse(communes.body), { items: [] }, "no reference data loaded in tests");
    const dups = await b.get(`/api/registrations/${v.id}/duplicates`);
    assert.deepEqual(JSON.parse(dups.body), { items: [] });
  });
});

describe("wrong paths", () => {
  test("401 without a session; 403 for a role without files; 404 for an unknown draft", async () => {
    const anonymous = injectBrowser(t.app, t.baseUrl);
    assert.equal((await anonymous.get("/api/registrations/mine")).status, 401);
    const { b, csrf } = await as("pro", "pilotage@test.socle.fr");
    const res = await b.request("POST", "/api/registrations", { json: { canal: "GUICHET" }, headers: csrf });
    assert.equal(res.status, 403);
    assert.equal(JSON.parse(res.body).code, "access.forbidden");
    const pro = await as("pro", "guichet@test.socle.fr");
    const missing = await pro.b.get("/api/registrations/00000000-0000-4000-8000-00000000dead");
    assert.equal(missing.status, 404);
    assert.equal(JSON.parse(missing.body).code, "registration.not_found");
  });

  test("400 with French issues next to the fields; 409 on a stale version; 400 listing what is missing at submission", async () => {
    const { b, csrf } = await as("pro", "guichet@test.socle.fr");
    const v = JSON.parse(
      (await b.request("POST", "/api/registrations", { json: { canal: "CONSEILLER" }, headers: csrf })).body,
    ) as View;
    const bad = await b.request("PUT", `/api/registrations/${v.id}/draft`, {
      json: {
        step: "identite",
        version: v.version,
        data: { dateNaissance: "1985-02-30", contact: { email: "x" } },
      },
      headers: csrf,
    });
    assert.equal(bad.status, 400);
    const issues = JSON.parse(bad.body).issues as { path: string; message: string }[];
    assert.ok(
      issues.some(
        (i) => i.path === "body.data.dateNaissance" && /Date de naissance invalide/.test(i.message),
      ),
      bad.body,
    );
    assert.ok(
      issues.some(
        (i) => i.path === "body.data.contact.email" && /Adresse électronique invalide/.test(i.message),
      ),
    );

    const ok = await b.request("PUT", `/api/registrations/${v.id}/draft`, {
      json: { step: "situation", version: v.version, data: aSituation() },
      headers: csrf,
    });
    assert.equal(ok.status, 200);
    const stale = await b.request("PUT", `/api/registrations/${v.id}/draft`, {
      json: { step: "situation", version: v.version, data: aSituation() },
      headers: csrf,
    });
    assert.equal(stale.status, 409);
    const conflict = JSON.parse(stale.body);
    assert.equal(conflict.code, "registration.version_conflict");
    assert.match(conflict.message, /modifiée entre-temps/);
    assert.equal(conflict.details.currentVersion, v.version + 1);

    const early = await b.request("POST", `/api/registrations/${v.id}/submission`, {
      json: { version: v.version + 1 },
      headers: csrf,
    });
    assert.equal(early.status, 400);
    const incomplete = JSON.parse(early.body);
    assert.equal(incomplete.code, "registration.incomplete");
    assert.ok(
      incomplete.issues.some(
        (i: { path: string; message: string }) =>
          i.path === "identite.nomFamille" &&
          i.message === "Ce champ est obligatoire pour envoyer l'inscription.",
      ),
    );
  });

  test("duplicate reviews: 403 for a conseiller, 404 for an unknown item", async () => {
    const { b, csrf } = await as("pro", "guichet@test.socle.fr");
    const list = await b.get("/api/duplicate-reviews");
    assert.equal(list.status, 403);
    const res = await b.request(
      "POST",
      "/api/duplicate-reviews/00000000-0000-4000-8000-00000000dead/resolution",
      {
        json: { decision: "PERSONNES_DISTINCTES", motif: "Deux personnes" },
        headers: csrf,
      },
    );
    assert.equal(res.status, 404);
    assert.equal(JSON.parse(res.body).code, "registration.duplicate_review_not_found");
  });
});
