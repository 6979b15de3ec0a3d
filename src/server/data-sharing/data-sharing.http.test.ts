// HTTP plumbing of the liste minimale: the download (file headers, 403 for a conseiller), the upload and its
// report, the list of imports, and the 400 of a malformed request.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { type TestApp, testApp } from "../../test-support/app";
import { injectBrowser, login } from "../../test-support/browser";
import { insertProfessional, insertStructure } from "../../test-support/builders";
import { insertPathway, steeringTerritory } from "../steering/steering.fixtures";

let t: TestApp;
before(async () => {
  t = await testApp();
  const db = t.handle.db;
  await steeringTerritory(db);
  await sql`INSERT INTO regions (code, name) VALUES ('75', 'Nouvelle-Aquitaine') ON CONFLICT DO NOTHING`.execute(
    db,
  );
  await sql`INSERT INTO departements (code, name, region_code) VALUES ('33', 'Gironde', '75') ON CONFLICT DO NOTHING`.execute(
    db,
  );
  const cd80 = await insertStructure(db, { kind: "conseil_departemental", departement: "80" });
  const cd33 = await insertStructure(db, { kind: "conseil_departemental", departement: "33" });
  await insertProfessional(db, {
    structure: cd80,
    roles: ["pilotage"],
    scope: { level: "departement", code: "80" },
    email: "pilotage.80@test.socle.fr",
  });
  await insertProfessional(db, {
    structure: cd33,
    roles: ["manager_territorial"],
    scope: { level: "departement", code: "33" },
    email: "manager.33@test.socle.fr",
  });
  await insertProfessional(db, { structure: cd80, roles: ["conseiller"], email: "conseil.80@test.socle.fr" });
  await insertPathway(db, { t0: "2025-03-10" });
  await insertPathway(db, { t0: "2025-03-11" });
});
after(() => t.close());

async function as(email: string) {
  const b = injectBrowser(t.app, t.baseUrl);
  await login(b, "pro", email);
  const { csrfToken } = JSON.parse((await b.get("/api/session")).body) as { csrfToken: string };
  return {
    get: (url: string) => b.get(url),
    post: (url: string, json: unknown) =>
      b.request("POST", url, { json, headers: { "x-csrf-token": csrfToken } }),
  };
}
const EXPORT_80 = "/api/liste-minimale/export?departement=80&mois=2025-03&format=csv";

describe("right paths", () => {
  test("GET /api/liste-minimale/export: the Somme's CSV for its pilot, not cached", async () => {
    const b = await as("pilotage.80@test.socle.fr");
    const res = await b.get(EXPORT_80);
    assert.equal(res.status, 200);
    assert.match(String(res.headers["content-type"]), /^text\/csv/);
    assert.equal(res.headers["content-disposition"], 'attachment; filename="liste-minimale_80_202503_1.csv"');
    assert.equal(res.headers["cache-control"], "private, no-store");
    const lines = res.body.trimEnd().split("\n");
    assert.match(lines[0]!, /^version_schema;code_territoire;mois_reference;id_parcours;id_personne;/);
    assert.equal(lines.length, 3);
  });

  test("POST /api/liste-minimale/imports: the Gironde's manager uploads a file, gets the report, lists imports", async () => {
    const pilot = await as("pilotage.80@test.socle.fr");
    const csv = (await pilot.get(EXPORT_80)).body.replace(/^1\.0\.0;80;/gm, "1.0.0;33;");
    // the columns of the export, in its order: a notification date that does not exist
    const bad = `${["1.0.0", "33", "2025-03", "BAD-1", "P", "", "", "", "", "2025-03-40", "2025-03-01", "oui"].join(";")}${";".repeat(14)}\n`;
    const b = await as("manager.33@test.socle.fr");
    const res = await b.post("/api/liste-minimale/imports", {
      departement: "33",
      fileName: "liste-minimale_33_202503_1.csv",
      contentBase64: Buffer.from(csv + bad, "utf8").toString("base64"),
    });
    assert.equal(res.status, 200, res.body);
    const report = JSON.parse(res.body);
    assert.deepEqual([report.lignes, report.creees, report.quarantaine, report.statut], [3, 2, 1, "TERMINE"]);
    assert.deepEqual(report.rejets, [
      {
        ligne: 4,
        idParcours: "BAD-1",
        motifs: [
          {
            colonne: "date_notification_departement",
            message: "Date attendue au format AAAA-MM-JJ (ex. 2026-11-03).",
          },
        ],
      },
    ]);
    const list = await b.get("/api/liste-minimale/imports?departement=33");
    assert.equal(list.status, 200);
    assert.equal(JSON.parse(list.body).imports.length, 1);
  });
});

describe("wrong paths", () => {
  test("403 for a conseiller's download, and for the Somme's pilot uploading for the Gironde", async () => {
    const c = await as("conseil.80@test.socle.fr");
    const res = await c.get(EXPORT_80);
    assert.equal(res.status, 403);
    assert.equal(JSON.parse(res.body).code, "access.forbidden");
    const p = await as("pilotage.80@test.socle.fr");
    const up = await p.post("/api/liste-minimale/imports", {
      departement: "33",
      fileName: "x.csv",
      contentBase64: Buffer.from("a;b\n1;2\n").toString("base64"),
    });
    assert.equal(up.status, 403);
  });

  test("400 with a French message: a month not in AAAA-MM, a file that is not CSV or XLSX", async () => {
    const p = await as("pilotage.80@test.socle.fr");
    const res = await p.get("/api/liste-minimale/export?departement=80&mois=mars&format=csv");
    assert.equal(res.status, 400);
    assert.match(res.body, /Mois attendu au format AAAA-MM/);
    const m = await as("manager.33@test.socle.fr");
    const up = await m.post("/api/liste-minimale/imports", {
      departement: "33",
      fileName: "liste.pdf",
      contentBase64: "AAAA",
    });
    assert.equal(up.status, 400);
    assert.match(up.body, /Fichier CSV ou XLSX attendu/);
  });
});
