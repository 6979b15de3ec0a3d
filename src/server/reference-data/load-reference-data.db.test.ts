import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { insertPerson } from "../../test-support/builders";
import { testDb, testEngine } from "../../test-support/db";
import type { DbHandle } from "../db/connect";
import { fixedClock } from "../kernel/clock";
import { loadReferenceData, type ReferenceDataLoad } from "./load-reference-data";
import { referenceDataRepository } from "./reference-data.repository";

const tables = [
  "regions",
  "departements",
  "zones_emploi",
  "epcis",
  "communes",
  "rome_grands_domaines",
  "rome_domaines",
  "rome_fiches",
  "rome_appellations",
] as const;

async function counts(h: DbHandle): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await h.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    out[t] = r.n;
  }
  return out;
}

// Loading the full datasets takes seconds: once per file, then every test reads.
let h: DbHandle;
let first: ReferenceDataLoad[];
let afterFirst: Record<string, number>;
before(async () => {
  h = await testDb();
  first = await loadReferenceData(h.db, fixedClock("2026-03-02T09:00:00Z"));
  afterFirst = await counts(h);
});
after(() => h.close());

describe(`right paths (${testEngine()})`, () => {
  test("a fresh database gets every dataset, with its version and row count recorded", async () => {
    assert.deepEqual(
      first.map((r) => [r.dataset, r.version, r.skipped]),
      [
        ["zones-emploi-2020", "2020", false],
        ["cog", "2026 (@etalab/decoupage-administratif 6.0.0)", false],
        ["rome", "60", false],
      ],
    );
    const versions = await referenceDataRepository.versions(h.db);
    assert.deepEqual(
      versions.map((v) => [v.dataset, v.version, v.rowCount, v.loadedAt.toISOString()]),
      [
        [
          "cog",
          "2026 (@etalab/decoupage-administratif 6.0.0)",
          18 + 101 + 1255 + 34_875,
          "2026-03-02T09:00:00.000Z",
        ],
        ["rome", "60", 14 + 110 + 1584 + 13_120, "2026-03-02T09:00:00.000Z"],
        ["zones-emploi-2020", "2020", 306, "2026-03-02T09:00:00.000Z"],
      ],
    );
    assert.ok(versions.every((v) => /^[0-9a-f]{64}$/.test(v.checksum)));
  });

  test("exact counts of the territories", () => {
    // 18 régions and 101 départements: metropolitan France and the five DROM; the collectivités
    // d'outre-mer (975, 977, 978, 984, 986–989) are not départements and are left out.
    assert.equal(afterFirst.regions, 18);
    assert.equal(afterFirst.departements, 101);
    assert.equal(afterFirst.zones_emploi, 306);
    assert.equal(afterFirst.epcis, 1255);
    // 34,969 "commune-actuelle" entries in COG 2026, minus the 94 of the collectivités d'outre-mer:
    // 34,875 communes, exactly the communes of the INSEE zone d'emploi file. Communes déléguées or
    // associées and the municipal arrondissements of Paris, Lyon and Marseille are not communes.
    assert.equal(afterFirst.communes, 34_875);
    const cog = first.find((r) => r.dataset === "cog");
    assert.deepEqual(cog?.details, {
      regions: 18,
      departements: 101,
      epcis: 1255,
      communes: 34_875,
      communesWithoutEpci: 4,
      communesWithoutZone: 0,
      unknownInseeCommunes: 0,
    });
  });

  test("exact counts of the ROME 4.0", async () => {
    assert.equal(afterFirst.rome_grands_domaines, 14);
    assert.equal(afterFirst.rome_domaines, 110);
    assert.equal(afterFirst.rome_fiches, 1584);
    assert.equal(afterFirst.rome_appellations, 13_120);
    const parents = await h.db
      .selectFrom("rome_fiches")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .whereRef("code", "=", "parent_code")
      .executeTakeFirstOrThrow();
    assert.equal(parents.n, 532);
    const d1102 = await h.db
      .selectFrom("rome_fiches")
      .select(["label", "parent_code", "domaine_code"])
      .where("code", "=", "D1102")
      .executeTakeFirstOrThrow();
    assert.deepEqual(d1102, { label: "Boulanger / Boulangère", parent_code: "D1102", domaine_code: "D11" });
  });

  test("every commune of the Somme (80) and the Gironde (33) has a zone d'emploi", async () => {
    for (const [dep, expected] of [
      ["80", 771],
      ["33", 534],
    ] as const) {
      const communes = await referenceDataRepository.communesOfDepartement(h.db, dep);
      assert.equal(communes.length, expected);
      assert.deepEqual(
        communes.filter((c) => c.zoneEmploiCode === null).map((c) => c.code),
        [],
      );
    }
  });

  test("codes keep their leading zeros and Corsica keeps 2A/2B", async () => {
    const rows = await h.db
      .selectFrom("communes")
      .select(["code", "name", "departement_code", "zone_emploi_code", "postal_codes", "epci_code"])
      .where("code", "in", ["01001", "2A004", "80021"])
      .orderBy("code")
      .execute();
    assert.deepEqual(rows, [
      {
        code: "01001",
        name: "L'Abergement-Clémenciat",
        departement_code: "01",
        zone_emploi_code: "8405",
        postal_codes: ["01400"],
        epci_code: "200069193",
      },
      {
        code: "2A004",
        name: "Ajaccio",
        departement_code: "2A",
        zone_emploi_code: "9401",
        postal_codes: ["20000", "20090", "20167"],
        epci_code: "242010056",
      },
      {
        code: "80021",
        name: "Amiens",
        departement_code: "80",
        zone_emploi_code: "3202",
        postal_codes: ["80000", "80080", "80090"],
        epci_code: "248000531",
      },
    ]);
    const zone51 = await h.db
      .selectFrom("zones_emploi")
      .selectAll()
      .where("code", "=", "0051")
      .executeTakeFirstOrThrow();
    assert.deepEqual(zone51, { code: "0051", name: "Alençon", commune_count: 184 });
  });

  test("searchAppellations finds the bakers of fiche D1102", async () => {
    const hits = await referenceDataRepository.searchAppellations(h.db, "boulanger", 20);
    assert.ok(hits.length > 0);
    assert.ok(hits.some((a) => a.ficheCode === "D1102" && a.label === "Boulanger / Boulangère"));
    assert.equal(hits[0]?.label, "Boulanger / Boulangère");
  });

  test("a second call skips every dataset and changes no row", async () => {
    const second = await loadReferenceData(h.db, fixedClock("2026-03-03T09:00:00Z"));
    assert.deepEqual(
      second.map((r) => [r.dataset, r.skipped, r.rows]),
      first.map((r) => [r.dataset, true, r.rows]),
    );
    assert.deepEqual(await counts(h), afterFirst);
    const loadedAt = await h.db.selectFrom("reference_versions").select("loaded_at").execute();
    assert.ok(loadedAt.every((r) => r.loaded_at.toISOString() === "2026-03-02T09:00:00.000Z"));
  });

  test("a dataset whose checksum changed is upserted again, without duplicating rows", async () => {
    await sql`UPDATE reference_versions SET checksum = 'outdated' WHERE dataset = 'rome'`.execute(h.db);
    await sql`UPDATE rome_appellations SET label = 'altéré' WHERE code_ogr = '10200'`.execute(h.db);

    const third = await loadReferenceData(h.db, fixedClock("2026-03-04T09:00:00Z"));

    assert.deepEqual(
      third.map((r) => [r.dataset, r.skipped]),
      [
        ["zones-emploi-2020", true],
        ["cog", true],
        ["rome", false],
      ],
    );
    assert.deepEqual(await counts(h), afterFirst);
    const fixed = await h.db
      .selectFrom("rome_appellations")
      .select("label")
      .where("code_ogr", "=", "10200")
      .executeTakeFirstOrThrow();
    assert.equal(fixed.label, "Abatteur / Abatteuse de carrière");
    const rome = await h.db
      .selectFrom("reference_versions")
      .select(["checksum", "loaded_at"])
      .where("dataset", "=", "rome")
      .executeTakeFirstOrThrow();
    assert.notEqual(rome.checksum, "outdated");
    assert.equal(rome.loaded_at.toISOString(), "2026-03-04T09:00:00.000Z");
  });

  test("a new COG version marks, for the steering facts, the residents of the communes whose zone d'emploi changed, and only them", async () => {
    const zoneOf = async (code: string) =>
      (
        await h.db
          .selectFrom("communes")
          .select("zone_emploi_code")
          .where("code", "=", code)
          .executeTakeFirstOrThrow()
      ).zone_emploi_code;
    const [amiensZone, abbevilleZone] = [await zoneOf("80021"), await zoneOf("80001")];
    assert.ok(amiensZone && abbevilleZone && amiensZone !== abbevilleZone);
    const inAmiens = await insertPerson(h.db, { departement: "80" });
    const inAbbeville = await insertPerson(h.db, { departement: "80" });
    await sql`UPDATE persons SET commune_code = CASE id WHEN ${inAmiens.id} THEN '80021' ELSE '80001' END
      WHERE id IN (${inAmiens.id}, ${inAbbeville.id})`.execute(h.db);
    // the previous COG put Amiens in Abbeville's zone d'emploi; the facts were computed since
    await sql`UPDATE communes SET zone_emploi_code = ${abbevilleZone} WHERE code = '80021'`.execute(h.db);
    await sql`DELETE FROM steering_dirty_persons`.execute(h.db);
    await sql`UPDATE reference_versions SET checksum = 'previous COG' WHERE dataset = 'cog'`.execute(h.db);

    const reload = await loadReferenceData(h.db, fixedClock("2026-03-05T09:00:00Z"));

    assert.deepEqual(
      reload.map((r) => [r.dataset, r.skipped]),
      [
        ["zones-emploi-2020", true],
        ["cog", false],
        ["rome", true],
      ],
    );
    assert.equal(await zoneOf("80021"), amiensZone);
    // every commune was rewritten, but only Amiens changed: its resident alone waits for a refresh
    const marked = await sql<{ person_id: string }>`SELECT person_id FROM steering_dirty_persons`.execute(
      h.db,
    );
    assert.deepEqual(
      marked.rows.map((r) => r.person_id),
      [inAmiens.id],
    );
  });
});
