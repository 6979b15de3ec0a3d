// HTTP plumbing of the imports routes: raw XML upload, report, 401/403/404/413 shapes.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, before, describe, test } from "node:test";
import { type TestApp, testApp } from "../../test-support/app";
import { injectBrowser, login } from "../../test-support/browser";
import { insertProfessional, insertStructure } from "../../test-support/builders";
import { fixturesDir } from "./cnaf/fixtures/generate-cnaf-flux";
import { uploadCnafFlux } from "./use-cases/upload-cnaf-flux";

let t: TestApp;
before(async () => {
  t = await testApp();
  const cd80 = await insertStructure(t.handle.db, {
    kind: "conseil_departemental",
    departement: "80",
    name: "Département de la Somme",
  });
  const ft80 = await insertStructure(t.handle.db, { kind: "france_travail", departement: "80" });
  await insertProfessional(t.handle.db, {
    structure: cd80,
    email: "manager@test.socle.fr",
    roles: ["manager_territorial"],
    scope: { level: "departement", code: "80" },
  });
  await insertProfessional(t.handle.db, {
    structure: cd80,
    email: "admin.cd@test.socle.fr",
    roles: ["admin_structure"],
  });
  await insertProfessional(t.handle.db, {
    structure: ft80,
    email: "conseiller@test.socle.fr",
    roles: ["conseiller"],
  });
});
after(() => t.close());

async function session(email: string) {
  const b = injectBrowser(t.app, t.baseUrl);
  await login(b, "pro", email);
  const { csrfToken } = JSON.parse((await b.get("/api/session")).body) as { csrfToken: string };
  const cookie = b
    .cookies()
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");
  const upload = (file: string, query = "") =>
    t.app.inject({
      method: "POST",
      url: `/api/imports/cnaf${query}`,
      headers: {
        host: new URL(t.baseUrl).host,
        cookie,
        "x-csrf-token": csrfToken,
        "content-type": "application/xml",
      },
      payload: readFileSync(join(fixturesDir, file)),
    });
  return { b, upload };
}

describe("right paths", () => {
  test("a territorial manager uploads a flow, then reads its report with the quarantined records", async () => {
    const { b, upload } = await session("manager@test.socle.fr");
    const res = await upload("flux-quarantaine.xml", "?nomFichier=RSABEM-fevrier.xml&recuLe=2026-03-06");
    assert.equal(res.statusCode, 200, res.body);
    const summary = JSON.parse(res.body);
    assert.deepEqual(
      [
        summary.status,
        summary.fileName,
        summary.receivedDate,
        summary.households,
        summary.created,
        summary.rejected,
      ],
      ["termine", "RSABEM-fevrier.xml", "2026-03-06", 8, 4, 6],
    );

    const report = await b.get(`/api/imports/${summary.importId}`);
    assert.equal(report.status, 200);
    const r = JSON.parse(report.body);
    assert.equal(r.statusLabel, "Terminé");
    assert.equal(r.quarantinedTotal, 6);
    assert.deepEqual(r.quarantined[1], {
      index: 3,
      personRank: 0,
      key: "foyer 3",
      line: r.quarantined[1].line,
      reasonCode: "autre_departement",
      reason:
        "Foyer d'un autre département : IDEPARTE « 002 » (département 02), alors que l'import concerne le département 80.",
    });
    assert.ok(!report.body.includes("InfosFoyerRSA"), "no raw XML in the report");

    const admin = await session("admin.cd@test.socle.fr");
    assert.equal((await admin.b.get(`/api/imports/${summary.importId}`)).status, 200);
    const audited = await t.handle.db
      .selectFrom("audit_events")
      .select(["action", "actor_id"])
      .where("action", "=", "imports.cnaf.upload")
      .execute();
    assert.equal(audited.length, 1);
  });
});

describe("wrong paths", () => {
  test("401 without a session; 403 for a conseiller and for another département, with the denial audited", async () => {
    const anonymous = await injectBrowser(t.app, t.baseUrl).get(
      "/api/imports/00000000-0000-4000-8000-000000000abc",
    );
    assert.equal(anonymous.status, 401);
    const conseiller = await session("conseiller@test.socle.fr");
    const denied = await conseiller.upload("flux-valide.xml");
    assert.equal(denied.statusCode, 403);
    assert.equal(JSON.parse(denied.body).code, "access.forbidden");
    const manager = await session("manager@test.socle.fr");
    assert.equal((await manager.upload("flux-valide.xml", "?departement=02")).statusCode, 403);
    const denials = await t.handle.db
      .selectFrom("audit_events")
      .select("outcome")
      .where("action", "=", "imports.cnaf.upload")
      .where("outcome", "=", "denied")
      .execute();
    assert.equal(denials.length, 2);
  });

  test("a wrongly encoded file gives its French message (422); an unknown import is a 404", async () => {
    const manager = await session("manager@test.socle.fr");
    const res = await manager.upload("flux-utf8.xml");
    assert.equal(res.statusCode, 422);
    assert.deepEqual(JSON.parse(res.body), {
      code: "imports.cnaf.encoding_unsupported",
      message:
        "Le fichier déclare l'encodage « UTF-8 » : un flux CAF/MSA VRSB 08.01 doit être encodé en windows-1252. Demandez un nouvel envoi du fichier.",
      details: { declared: "UTF-8" },
    });
    const missing = await manager.b.get("/api/imports/00000000-0000-4000-8000-000000000abc");
    assert.equal(missing.status, 404);
    assert.equal(JSON.parse(missing.body).code, "imports.not_found");
  });

  test("a body over the size limit is refused (413) without being stored", async () => {
    const system = { kind: "system" as const, id: "test", channel: "api" as const };
    await assert.rejects(
      uploadCnafFlux(t.deps, system, {
        departement: "80",
        body: Readable.from([Buffer.alloc(2000, 0x20)]),
        maxBytes: 1000,
      }),
      { code: "imports.too_large", status: 413 },
    );
  });
});
