// HTTP plumbing of the tabular import routes: the whole path through HTTP, a file larger than the
// default body limit, and the 400/401/403/404/409 shapes.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type TestApp, testApp } from "../../../test-support/app";
import { injectBrowser, login } from "../../../test-support/browser";
import { insertProfessional, insertStructure } from "../../../test-support/builders";

let t: TestApp;
before(async () => {
  t = await testApp();
  const cd = await insertStructure(t.handle.db, { kind: "conseil_departemental" });
  await insertProfessional(t.handle.db, {
    structure: cd,
    email: "import.orientation@test.socle.fr",
    roles: ["charge_orientation"],
  });
  await insertProfessional(t.handle.db, {
    structure: cd,
    email: "import.conseil@test.socle.fr",
    roles: ["conseiller"],
  });
});
after(() => t.close());

async function as(email: string) {
  const b = injectBrowser(t.app, t.baseUrl);
  await login(b, "pro", email);
  const { csrfToken } = JSON.parse((await b.get("/api/session")).body) as { csrfToken: string };
  return { b, csrf: { "x-csrf-token": csrfToken } };
}
const csv = (rows: string[][]) =>
  Buffer.from(`\uFEFF${rows.map((r) => r.join(";")).join("\n")}\n`, "utf8").toString("base64");

describe("right paths", () => {
  test("upload, preview, mapping, apply, report and quarantine over HTTP", async () => {
    const { b, csrf } = await as("import.orientation@test.socle.fr");
    const up = await b.request("POST", "/api/tabular-imports", {
      json: {
        fileName: "http.csv",
        contentBase64: csv([
          ["Nom", "Prénoms", "Date de naissance"],
          ["HTTPIMPORT", "Léa", "14/05/1985"],
          ["HTTPIMPORT2", "", "xx"],
        ]),
      },
      headers: csrf,
    });
    assert.equal(up.status, 200, up.body);
    const view = JSON.parse(up.body);
    assert.deepEqual(view.mapping, { nomFamille: 0, prenoms: 1, dateNaissance: 2 });
    const preview = JSON.parse((await b.get(`/api/tabular-imports/${view.id}/preview`)).body);
    assert.deepEqual([preview.valid, preview.invalid], [1, 1]);
    const mapped = await b.request("PUT", `/api/tabular-imports/${view.id}/mapping`, {
      json: { version: view.version, mapping: view.mapping },
      headers: csrf,
    });
    assert.equal(mapped.status, 200);
    const applied = await b.request("POST", `/api/tabular-imports/${view.id}/application`, { headers: csrf });
    assert.equal(applied.status, 200, applied.body);
    assert.equal(JSON.parse(applied.body).counts.creees, 1);
    const rows = JSON.parse((await b.get(`/api/tabular-imports/${view.id}/rows?status=QUARANTAINE`)).body);
    assert.equal(rows.total, 1);
    const q = JSON.parse((await b.get(`/api/tabular-imports/${view.id}/quarantine`)).body);
    assert.match(q.content, /HTTPIMPORT2/);
    const list = JSON.parse((await b.get("/api/tabular-imports")).body);
    assert.ok(list.items.some((i: { id: string }) => i.id === view.id));
  });

  test("a file larger than Fastify's default 1 MB body limit is accepted", async () => {
    const { b, csrf } = await as("import.orientation@test.socle.fr");
    const rows = [["Nom", "Prénoms", "Date de naissance", "Adresse"]];
    for (let k = 0; k < 20_000; k++)
      rows.push([`GROS${k}`, "Test", "14/05/1985", `${k} rue de la Grande Liste Synthétique`]);
    const contentBase64 = csv(rows);
    assert.ok(contentBase64.length > 1_100_000);
    const res = await b.request("POST", "/api/tabular-imports", {
      json: { fileName: "gros.csv", contentBase64 },
      headers: csrf,
    });
    assert.equal(res.status, 200, res.body.slice(0, 300));
    assert.equal(JSON.parse(res.body).rowCount, 20_000);
  });
});

describe("wrong paths", () => {
  test("400 on a wrong file type, 401 without a session, 403 for a conseiller, 404 for an unknown import, 409 on a stale mapping", async () => {
    const { b, csrf } = await as("import.orientation@test.socle.fr");
    const bad = await b.request("POST", "/api/tabular-imports", {
      json: { fileName: "liste.pdf", contentBase64: "AAAA" },
      headers: csrf,
    });
    assert.equal(bad.status, 400);
    assert.ok(
      JSON.parse(bad.body).issues.some(
        (i: { message: string }) => i.message === "Seuls les fichiers .csv et .xlsx sont acceptés.",
      ),
    );
    assert.equal((await injectBrowser(t.app, t.baseUrl).get("/api/tabular-imports")).status, 401);
    const conseiller = await as("import.conseil@test.socle.fr");
    const denied = await conseiller.b.request("POST", "/api/tabular-imports", {
      json: { fileName: "x.csv", contentBase64: csv([["Nom"], ["X"]]) },
      headers: conseiller.csrf,
    });
    assert.equal(denied.status, 403);
    const unknown = await b.get("/api/tabular-imports/00000000-0000-4000-8000-00000000dead");
    assert.equal(unknown.status, 404);
    assert.equal(JSON.parse(unknown.body).code, "tabular_import.not_found");

    const up = JSON.parse(
      (
        await b.request("POST", "/api/tabular-imports", {
          json: {
            fileName: "conflit.csv",
            contentBase64: csv([
              ["Nom", "Prénom", "Né le"],
              ["CONFLITHTTP", "Léo", "14/05/1985"],
            ]),
          },
          headers: csrf,
        })
      ).body,
    );
    await b.request("PUT", `/api/tabular-imports/${up.id}/mapping`, {
      json: { version: up.version, mapping: up.mapping },
      headers: csrf,
    });
    const stale = await b.request("PUT", `/api/tabular-imports/${up.id}/mapping`, {
      json: { version: up.version, mapping: up.mapping },
      headers: csrf,
    });
    assert.equal(stale.status, 409);
    assert.equal(JSON.parse(stale.body).code, "tabular_import.version_conflict");
  });
});
