// HTTP plumbing of the steering figures: the JSON report, the file download, and the error shapes.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type TestApp, testApp } from "../../test-support/app";
import { injectBrowser, login } from "../../test-support/browser";
import { insertProfessional, insertStructure } from "../../test-support/builders";
import { insertPathway, steeringTerritory } from "./steering.fixtures";

let t: TestApp;
before(async () => {
  t = await testApp();
  const db = t.handle.db;
  await steeringTerritory(db);
  const cd = await insertStructure(db, { kind: "conseil_departemental" });
  await insertProfessional(db, {
    structure: cd,
    roles: ["pilotage"],
    scope: { level: "departement", code: "80" },
    email: "pilotage.80@test.socle.fr",
  });
  await insertProfessional(db, {
    structure: cd,
    roles: ["manager_territorial"],
    scope: { level: "departement", code: "80" },
    email: "manager.80@test.socle.fr",
  });
  await insertProfessional(db, { structure: cd, roles: ["conseiller"], email: "conseil.80@test.socle.fr" });
  for (let i = 0; i < 12; i++) await insertPathway(db, { t0: "2025-03-10" });
});
after(() => t.close());

async function as(email: string) {
  const b = injectBrowser(t.app, t.baseUrl);
  await login(b, "pro", email);
  return b;
}
const json = (r: { body: string }) => JSON.parse(r.body);
const URL_80 = "/api/indicateurs?niveau=departement&code=80&de=2025-01&a=2025-12";

describe("right paths", () => {
  test("GET /api/indicateurs: the catalogue with values by month", async () => {
    const b = await as("pilotage.80@test.socle.fr");
    const res = await b.get(URL_80);
    assert.equal(res.status, 200);
    const report = json(res);
    assert.equal(report.territoire.nom, "Somme");
    const entrants = report.indicateurs.find((i: { id: string }) => i.id === "IND-V2-01");
    assert.equal(entrants.valeurs.length, 12);
    assert.equal(entrants.valeurs[2].valeur, 12);
  });

  test("a manager territorial within their département, by quarter", async () => {
    const b = await as("manager.80@test.socle.fr");
    const res = await b.get(`${URL_80}&granularite=trimestre`);
    assert.equal(res.status, 200);
    const entrants = json(res).indicateurs.find((i: { id: string }) => i.id === "IND-V2-01");
    assert.deepEqual(
      entrants.valeurs.map((v: { periode: string; valeur: number }) => [v.periode, v.valeur]),
      [
        ["2025-T1", 12],
        ["2025-T2", 0],
        ["2025-T3", 0],
        ["2025-T4", 0],
      ],
    );
  });

  test("GET /api/indicateurs/export: CSV and XLSX downloads, open data", async () => {
    const b = await as("pilotage.80@test.socle.fr");
    const csv = await b.get(
      "/api/indicateurs/export?niveau=departement&code=80&de=2025-03&a=2025-03&format=csv&donneesOuvertes=true",
    );
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers["content-type"]), /^text\/csv/);
    assert.equal(
      csv.headers["content-disposition"],
      'attachment; filename="indicateurs_departement_80_2025-03_2025-03_donnees-ouvertes.csv"',
    );
    assert.match(csv.body, /^indicateur;version;nom;/);
    const xlsx = await b.get(
      "/api/indicateurs/export?niveau=departement&code=80&de=2025-03&a=2025-03&format=xlsx",
    );
    assert.equal(xlsx.status, 200);
    assert.equal(
      xlsx.headers["content-type"],
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    assert.ok(xlsx.body.startsWith("PK"), "a zip (OOXML) file");
  });
});

describe("wrong paths", () => {
  test("401 anonymous, 403 for a conseiller or another département, 400 on a bad month, 404 on an unknown territory", async () => {
    assert.equal((await injectBrowser(t.app, t.baseUrl).get(URL_80)).status, 401);
    assert.equal(
      (
        await injectBrowser(t.app, t.baseUrl).get(
          "/api/indicateurs/export?niveau=national&de=2025-01&a=2025-01",
        )
      ).status,
      401,
    );
    const c = await as("conseil.80@test.socle.fr");
    const denied = await c.get(URL_80);
    assert.equal(denied.status, 403);
    assert.deepEqual(json(denied), {
      code: "access.forbidden",
      message: "Vous n'avez pas accès à cette information.",
      details: { action: "steering.view" },
    });
    const p = await as("pilotage.80@test.socle.fr");
    assert.equal(
      (await p.get("/api/indicateurs?niveau=departement&code=60&de=2025-01&a=2025-12")).status,
      403,
    );
    assert.equal((await p.get("/api/indicateurs?niveau=national&de=2025-01&a=2025-12")).status, 403);
    const bad = await p.get("/api/indicateurs?niveau=departement&code=80&de=2025-13&a=2025-12");
    assert.equal(bad.status, 400);
    assert.equal(json(bad).code, "validation.invalid");
    const unknown = await p.get("/api/indicateurs?niveau=zone_emploi&code=9999&de=2025-01&a=2025-12");
    assert.equal(unknown.status, 404);
    assert.equal(json(unknown).code, "steering.territory_not_found");
  });
});
