import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { testDb, testEngine } from "../../test-support/db";
import type { DbHandle } from "../db/connect";
import { referenceDataRepository as repo } from "./reference-data.repository";

// A small hand-made slice: the full load is covered by load-reference-data.db.test.ts.
let h: DbHandle;
before(async () => {
  h = await testDb();
  await h.db
    .insertInto("regions")
    .values([{ code: "32", name: "Hauts-de-France" }])
    .execute();
  await h.db
    .insertInto("departements")
    .values([
      { code: "80", name: "Somme", region_code: "32" },
      { code: "60", name: "Oise", region_code: "32" },
    ])
    .execute();
  await h.db
    .insertInto("zones_emploi")
    .values([
      { code: "0058", name: "Vimeu", commune_count: 2 },
      { code: "3202", name: "Amiens", commune_count: 2 },
    ])
    .execute();
  const commune = { region_code: "32", epci_code: null, population: 100, postal_codes: [] as string[] };
  await h.db
    .insertInto("communes")
    .values([
      {
        ...commune,
        code: "80021",
        name: "Amiens",
        departement_code: "80",
        zone_emploi_code: "3202",
        population: 133_625,
        postal_codes: ["80000", "80080", "80090"],
      },
      {
        ...commune,
        code: "80368",
        name: "Friville-Escarbotin",
        departement_code: "80",
        zone_emploi_code: "0058",
      },
      { ...commune, code: "80001", name: "Abbeville", departement_code: "80", zone_emploi_code: "0058" },
      {
        ...commune,
        code: "80999",
        name: "Commune sans zone",
        departement_code: "80",
        zone_emploi_code: null,
        population: null,
      },
      {
        ...commune,
        code: "60001",
        name: "Commune de l'Oise",
        departement_code: "60",
        zone_emploi_code: "3202",
      },
    ])
    .execute();
  await h.db
    .insertInto("rome_grands_domaines")
    .values([{ code: "D", label: "Commerce, Vente et Grande distribution" }])
    .execute();
  await h.db
    .insertInto("rome_domaines")
    .values([{ code: "D11", label: "Commerce alimentaire", grand_domaine_code: "D" }])
    .execute();
  await h.db
    .insertInto("rome_fiches")
    .values([
      {
        code: "D1102",
        label: "Boulanger / Boulangère",
        parent_code: "D1102",
        domaine_code: "D11",
        code_ogr: "100",
      },
      {
        code: "D1104",
        label: "Pâtissier / Pâtissière",
        parent_code: "D1104",
        domaine_code: "D11",
        code_ogr: "101",
      },
    ])
    .execute();
  const appellation = (code_ogr: string, label: string, fiche_code: string, search_text: string) => ({
    code_ogr,
    label,
    short_label: label,
    fiche_code,
    search_text,
  });
  await h.db
    .insertInto("rome_appellations")
    .values([
      appellation("1", "Aide-boulanger / Aide-boulangère", "D1102", "aide boulanger aide boulangere"),
      appellation("2", "Boulanger / Boulangère", "D1102", "boulanger boulangere"),
      appellation(
        "3",
        "Boulanger-pâtissier / Boulangère-pâtissière",
        "D1102",
        "boulanger patissier boulangere patissiere",
      ),
      appellation("4", "Pâtissier / Pâtissière", "D1104", "patissier patissiere"),
      appellation("5", "Chef pâtissier / Cheffe pâtissière", "D1104", "chef patissier cheffe patissiere"),
    ])
    .execute();
  await h.db
    .insertInto("reference_versions")
    .values([
      {
        dataset: "rome",
        version: "60",
        row_count: 9,
        checksum: "b",
        loaded_at: new Date("2026-03-02T09:00:00Z"),
      },
      {
        dataset: "cog",
        version: "2026",
        row_count: 8,
        checksum: "a",
        loaded_at: new Date("2026-03-02T09:00:01Z"),
      },
    ])
    .execute();
});
after(() => h.close());

describe(`right paths (${testEngine()})`, () => {
  test("appellations match word prefixes, ignoring case and accents; labels starting with the word first", async () => {
    const hits = await repo.searchAppellations(h.db, "BOULANG", 10);
    assert.deepEqual(
      hits.map((a) => a.codeOgr),
      ["2", "3", "1"],
    );
    assert.deepEqual(hits[0], {
      codeOgr: "2",
      label: "Boulanger / Boulangère",
      ficheCode: "D1102",
      ficheLabel: "Boulanger / Boulangère",
    });
    assert.deepEqual(
      (await repo.searchAppellations(h.db, "pâtiss", 10)).map((a) => a.codeOgr),
      ["4", "5", "3"],
    );
  });

  test("every word must match, in any order", async () => {
    assert.deepEqual(
      (await repo.searchAppellations(h.db, "patissier boulanger", 10)).map((a) => a.codeOgr),
      ["3"],
    );
  });

  test("the limit is applied", async () => {
    assert.equal((await repo.searchAppellations(h.db, "boulanger", 2)).length, 2);
  });

  test("a département with its région", async () => {
    assert.deepEqual(await repo.departement(h.db, "80"), {
      code: "80",
      name: "Somme",
      regionCode: "32",
      regionName: "Hauts-de-France",
    });
  });

  test("zones d'emploi of a département, with their number of communes in it", async () => {
    assert.deepEqual(await repo.zonesEmploiOfDepartement(h.db, "80"), [
      { code: "0058", name: "Vimeu", communeCount: 2 },
      { code: "3202", name: "Amiens", communeCount: 1 },
    ]);
  });

  test("communes of a département, by code", async () => {
    const communes = await repo.communesOfDepartement(h.db, "80");
    assert.deepEqual(
      communes.map((c) => c.code),
      ["80001", "80021", "80368", "80999"],
    );
    assert.deepEqual(communes[1], {
      code: "80021",
      name: "Amiens",
      zoneEmploiCode: "3202",
      postalCodes: ["80000", "80080", "80090"],
      population: 133_625,
    });
    assert.deepEqual(communes[3], {
      code: "80999",
      name: "Commune sans zone",
      zoneEmploiCode: null,
      postalCodes: [],
      population: null,
    });
  });

  test("versions, by dataset", async () => {
    assert.deepEqual(await repo.versions(h.db), [
      {
        dataset: "cog",
        version: "2026",
        rowCount: 8,
        checksum: "a",
        loadedAt: new Date("2026-03-02T09:00:01Z"),
      },
      {
        dataset: "rome",
        version: "60",
        rowCount: 9,
        checksum: "b",
        loadedAt: new Date("2026-03-02T09:00:00Z"),
      },
    ]);
  });
});

describe(`wrong paths (${testEngine()})`, () => {
  test("a query without letters or digits finds nothing; an unknown word finds nothing", async () => {
    assert.deepEqual(await repo.searchAppellations(h.db, " -/ ", 10), []);
    assert.deepEqual(await repo.searchAppellations(h.db, "oulanger", 10), []);
  });

  test("an unknown département is undefined and has no communes nor zones", async () => {
    assert.equal(await repo.departement(h.db, "99"), undefined);
    assert.deepEqual(await repo.communesOfDepartement(h.db, "99"), []);
    assert.deepEqual(await repo.zonesEmploiOfDepartement(h.db, "99"), []);
  });
});
