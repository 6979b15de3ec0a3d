import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { parse } from "csv-parse/sync";
import { testDb, testEngine } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import type { Actor } from "../../kernel/access";
import type { Deps } from "../../kernel/deps";
import { cogDataset, zonesEmploiDataset } from "../load-territories";
import { dataDir } from "../reference-dataset";
import { getTerritory } from "./get-territory";

// The real COG and zones d'emploi 2020 (not ROME): loading takes a few seconds, once per file.
let h: DbHandle;
let deps: Deps;
const actor: Actor = {
  kind: "professional",
  id: "00000000-0000-4000-8000-000000000001",
  structureId: "00000000-0000-4000-8000-000000000002",
  structureKind: "france_travail",
  departement: "75",
  roles: ["pilotage"],
  scope: { level: "national", code: null },
  channel: "web",
};

/** Expected values read straight from INSEE's commune → zone file, independently of the loader. */
type InseeRow = { codgeo: string; ze2020: string; libze2020: string; dep: string };
const inseeRows = parse<InseeRow>(readFileSync(join(dataDir, "insee", "zone_emploi_2020_commune.csv")), {
  columns: true,
  bom: true,
});
const zoneCode = (raw: string) => raw.padStart(4, "0");
const depCode = (raw: string) => (/^[0-9]$/.test(raw) ? `0${raw}` : raw);
function inseeZonesOf(departement: string): Map<string, string> {
  return new Map(
    inseeRows.filter((r) => depCode(r.dep) === departement).map((r) => [zoneCode(r.ze2020), r.libze2020]),
  );
}
function inseeCommunesPerDepartement(zone: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of inseeRows.filter((r) => zoneCode(r.ze2020) === zone))
    out.set(depCode(r.dep), (out.get(depCode(r.dep)) ?? 0) + 1);
  return out;
}

before(async () => {
  h = await testDb();
  deps = testDeps(h).deps;
  const zones = zonesEmploiDataset();
  await h.db.transaction().execute(async (tx) => {
    await zones.load(tx);
    await cogDataset(zones.checksum).load(tx);
  });
});
after(() => h.close());

describe(`right paths (${testEngine()})`, () => {
  test("national: France with the 18 régions as children, by name", async () => {
    const v = await getTerritory(deps, actor, {});
    assert.deepEqual(
      [v.level, v.code, v.name, v.parent, v.ancestors],
      ["national", null, "France", null, []],
    );
    assert.equal(v.children.length, 18);
    assert.ok(v.children.every((c) => c.level === "region" && /^[0-9]{2}$/.test(c.code ?? "")));
    assert.deepEqual(
      v.children.map((c) => c.name),
      [...v.children.map((c) => c.name)].sort((a, b) => a.localeCompare(b, "fr")),
    );
    assert.ok(v.children.some((c) => c.code === "32" && c.name === "Hauts-de-France"));
  });

  test("the régions' children are the 101 départements, each once", async () => {
    const national = await getTerritory(deps, actor, { niveau: "national" });
    const all: string[] = [];
    for (const r of national.children) {
      const region = await getTerritory(deps, actor, { niveau: "region", code: r.code ?? "" });
      assert.ok(region.children.every((c) => c.level === "departement"));
      all.push(...region.children.map((c) => c.code ?? ""));
    }
    assert.equal(all.length, 101);
    assert.equal(new Set(all).size, 101);
  });

  test("région Hauts-de-France: parent national, its five départements by code", async () => {
    const v = await getTerritory(deps, actor, { niveau: "region", code: "32" });
    assert.equal(v.name, "Hauts-de-France");
    assert.deepEqual(v.parent, { level: "national", code: null, name: "France" });
    assert.deepEqual(
      v.children.map((c) => [c.code, c.name]),
      [
        ["02", "Aisne"],
        ["59", "Nord"],
        ["60", "Oise"],
        ["62", "Pas-de-Calais"],
        ["80", "Somme"],
      ],
    );
  });

  test("the Somme: breadcrumb national › Hauts-de-France, children = zones with a commune in it", async () => {
    const v = await getTerritory(deps, actor, { niveau: "departement", code: "80" });
    assert.equal(v.name, "Somme");
    assert.deepEqual(
      v.ancestors.map((a) => [a.level, a.code]),
      [
        ["national", null],
        ["region", "32"],
      ],
    );
    const expected = inseeZonesOf("80");
    assert.ok(expected.size > 0);
    assert.equal(v.children.length, expected.size);
    assert.deepEqual(new Set(v.children.map((c) => c.code)), new Set(expected.keys()));
    assert.ok(v.children.every((c) => c.level === "zone_emploi" && c.name === expected.get(c.code ?? "")));
  });

  test("a zone straddling départements: parent = the one holding most communes, or the one it is reached from", async () => {
    // a zone of the Somme that also has communes elsewhere, found in the INSEE file
    const straddling = [...inseeZonesOf("80").keys()].find((z) => inseeCommunesPerDepartement(z).size > 1);
    assert.ok(straddling, "the Somme has at least one zone d'emploi straddling a border");
    const perDep = inseeCommunesPerDepartement(straddling);
    const [main] = [...perDep.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    assert.ok(main);

    const byDefault = await getTerritory(deps, actor, { niveau: "zone_emploi", code: straddling });
    assert.equal(byDefault.parent?.code, main[0]);
    assert.deepEqual(byDefault.children, []);
    assert.deepEqual(
      byDefault.departements.map((d) => [d.code, d.communeCount]),
      [...perDep.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    );

    const fromSomme = await getTerritory(deps, actor, {
      niveau: "zone_emploi",
      code: straddling,
      departement: "80",
    });
    assert.deepEqual(
      fromSomme.ancestors.map((a) => [a.level, a.code, a.name]),
      [
        ["national", null, "France"],
        ["region", "32", "Hauts-de-France"],
        ["departement", "80", "Somme"],
      ],
    );
  });

  test("Corsica's départements are reached by their codes 2A and 2B", async () => {
    const v = await getTerritory(deps, actor, { niveau: "departement", code: "2a" });
    assert.deepEqual([v.code, v.name, v.parent?.name], ["2A", "Corse-du-Sud", "Corse"]);
  });
});

describe(`wrong paths (${testEngine()})`, () => {
  test("unknown territories are 404 reference.territory_not_found", async () => {
    for (const q of [
      { niveau: "region", code: "99" },
      { niveau: "departement", code: "96" },
      { niveau: "zone_emploi", code: "9999" },
    ] as const) {
      await assert.rejects(getTerritory(deps, actor, q), { code: "reference.territory_not_found" });
    }
  });

  test("a zone reached from a département it does not touch is 404", async () => {
    await assert.rejects(
      getTerritory(deps, actor, { niveau: "zone_emploi", code: "3202", departement: "13" }),
      {
        code: "reference.zone_not_in_departement",
      },
    );
  });

  test("a missing or malformed code is a validation error", async () => {
    for (const q of [
      { niveau: "departement" },
      { niveau: "region", code: "3" },
      { niveau: "zone_emploi", code: "32" },
      { niveau: "national", code: "FR" },
      { niveau: "departement", code: "80", departement: "80" },
    ] as const) {
      await assert.rejects(getTerritory(deps, actor, q), { code: "validation.invalid" });
    }
  });
});
