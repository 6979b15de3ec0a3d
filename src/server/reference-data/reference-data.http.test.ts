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
  // a slice of the territories: the full COG is covered by use-cases/get-territory.db.test.ts
  await db
    .insertInto("regions")
    .values([
      { code: "32", name: "Hauts-de-France" },
      { code: "28", name: "Normandie" },
    ])
    .execute();
  await db
    .insertInto("departements")
    .values([
      { code: "80", name: "Somme", region_code: "32" },
      { code: "76", name: "Seine-Maritime", region_code: "28" },
    ])
    .execute();
  await db
    .insertInto("zones_emploi")
    .values([
      { code: "0058", name: "Vimeu", commune_count: 2 },
      { code: "3202", name: "Amiens", commune_count: 1 },
    ])
    .execute();
  const commune = { region_code: "32", epci_code: null, population: null, postal_codes: [] as string[] };
  await db
    .insertInto("communes")
    .values([
      { ...commune, code: "80021", name: "Amiens", departement_code: "80", zone_emploi_code: "3202" },
      {
        ...commune,
        code: "80368",
        name: "Friville-Escarbotin",
        departement_code: "80",
        zone_emploi_code: "0058",
      },
      {
        ...commune,
        code: "76255",
        name: "Eu",
        departement_code: "76",
        region_code: "28",
        zone_emploi_code: "0058",
      },
    ])
    .execute();
});
after(() => t.close());

let accounts = 0;
async function signedIn() {
  const structure = await insertStructure(t.deps.db);
  const email = `territoires-${++accounts}@demo.socle.fr`;
  await insertProfessional(t.deps.db, { email, structure, roles: ["pilotage"] });
  const browser = injectBrowser(t.app, t.baseUrl);
  await login(browser, "pro", email);
  return browser;
}

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

describe("territories (drill-down)", () => {
  test("a signed-in professional reads the Somme: breadcrumb and zones d'emploi as children", async () => {
    const browser = await signedIn();
    const res = await browser.get("/api/reference/territoires?niveau=departement&code=80");
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.body), {
      level: "departement",
      code: "80",
      name: "Somme",
      ancestors: [
        { level: "national", code: null, name: "France" },
        { level: "region", code: "32", name: "Hauts-de-France" },
      ],
      parent: { level: "region", code: "32", name: "Hauts-de-France" },
      children: [
        { level: "zone_emploi", code: "3202", name: "Amiens" },
        { level: "zone_emploi", code: "0058", name: "Vimeu" },
      ],
      departements: [],
    });
  });

  test("national is the default; a zone d'emploi lists the départements it straddles", async () => {
    const browser = await signedIn();
    const national = JSON.parse((await browser.get("/api/reference/territoires")).body);
    assert.deepEqual(
      national.children.map((c: { code: string }) => c.code),
      ["32", "28"],
    );
    const res = await browser.get("/api/reference/territoires?niveau=zone_emploi&code=0058&departement=80");
    assert.equal(res.status, 200);
    const zone = JSON.parse(res.body);
    assert.deepEqual(zone.parent, { level: "departement", code: "80", name: "Somme" });
    assert.deepEqual(zone.departements, [
      { code: "76", name: "Seine-Maritime", communeCount: 1 },
      { code: "80", name: "Somme", communeCount: 1 },
    ]);
  });

  test("an unknown territory is 404, a malformed code 400 with a French message", async () => {
    const browser = await signedIn();
    const missing = await browser.get("/api/reference/territoires?niveau=departement&code=60");
    assert.equal(missing.status, 404);
    assert.equal(JSON.parse(missing.body).code, "reference.territory_not_found");
    const malformed = await browser.get("/api/reference/territoires?niveau=zone_emploi&code=58");
    assert.equal(malformed.status, 400);
    assert.deepEqual(
      JSON.parse(malformed.body).issues.map((i: { message: string }) => i.message),
      ["Un code de zone d'emploi 2020 a 4 chiffres (ex. 3202)."],
    );
    const level = await browser.get("/api/reference/territoires?niveau=commune&code=80021");
    assert.equal(level.status, 400);
  });

  test("territories require a session", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/reference/territoires" });
    assert.equal(res.statusCode, 401);
  });
});

describe("wrong paths", () => {
  test("searching appellations requires a session", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/reference/rome/appellations?q=boulanger" });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().code, "auth.unauthenticated");
  });
});
