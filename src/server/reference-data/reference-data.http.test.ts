import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type TestApp, testApp } from "../../test-support/app";
import { injectBrowser, login } from "../../test-support/browser";
import { insertProfessional, insertStructure } from "../../test-support/builders";

let t: TestApp;
before(async () => {
  t = await testApp();
  const db = t.deps.db;
  await db.insertInto("rome_grands_domaines").values({ code: "D", label: "Commerce" }).execute();
  await db
    .insertInto("rome_domaines")
    .values({ code: "D11", label: "Commerce alimentaire", grand_domaine_code: "D" })
    .execute();
  await db
    .insertInto("rome_fiches")
    .values({
      code: "D1102",
      label: "Boulanger / Boulangère",
      parent_code: "D1102",
      domaine_code: "D11",
      code_ogr: "100",
    })
    .execute();
  await db
    .insertInto("rome_appellations")
    .values({
      code_ogr: "11573",
      label: "Boulanger / Boulangère",
      short_label: "Boulanger / Boulangère",
      fiche_code: "D1102",
      search_text: "boulanger boulangere",
    })
    .execute();
  await db
    .insertInto("reference_versions")
    .values({
      dataset: "rome",
      version: "60",
      row_count: 4,
      checksum: "c",
      loaded_at: new Date("2026-03-02T09:00:00Z"),
    })
    .execute();
});
after(() => t.close());

describe("right paths", () => {
  test("GET /api/reference/versions is public and hides the checksum", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/reference/versions" });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      items: [{ dataset: "rome", version: "60", rowCount: 4, loadedAt: "2026-03-02T09:00:00.000Z" }],
    });
  });

  test("a signed-in professional searches the ROME appellations", async () => {
    const structure = await insertStructure(t.deps.db);
    await insertProfessional(t.deps.db, { email: "referentiels@demo.socle.fr", structure });
    const browser = injectBrowser(t.app, t.baseUrl);
    await login(browser, "pro", "referentiels@demo.socle.fr");

    const res = await browser.get("/api/reference/rome/appellations?q=Boulangère");

    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.body), {
      items: [
        {
          codeOgr: "11573",
          label: "Boulanger / Boulangère",
          fiche: { code: "D1102", label: "Boulanger / Boulangère" },
        },
      ],
    });
    const tooShort = await browser.get("/api/reference/rome/appellations?q=b");
    assert.equal(tooShort.status, 400);
    const body = JSON.parse(tooShort.body);
    assert.equal(body.code, "validation.invalid");
    assert.deepEqual(
      body.issues.map((i: { message: string }) => i.message),
      ["Saisissez au moins 2 caractères du métier recherché."],
    );
  });
});

describe("wrong paths", () => {
  test("searching appellations requires a session", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/reference/rome/appellations?q=boulanger" });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().code, "auth.unauthenticated");
  });
});
