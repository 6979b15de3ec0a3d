import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ProfessionalRole } from "../../shared/identity/identity.schema";
import type { Actor, ProfessionalActor } from "../kernel/access";
import { type SteeringTerritory, steeringPolicy } from "./steering.policy";

const pro = (
  roles: ProfessionalRole[],
  scope: ProfessionalActor["scope"] = null,
  departement = "80",
): ProfessionalActor => ({
  kind: "professional",
  id: "p",
  structureId: "s",
  structureKind: "conseil_departemental",
  departement,
  roles,
  scope,
  channel: "web",
});
const t = (
  niveau: SteeringTerritory["niveau"],
  code: string | null,
  departements: string[],
  regions: string[],
) => ({
  niveau,
  code,
  departements,
  regions,
});
const national = t("national", null, [], []);
const hdf = t("region", "32", ["02", "59", "60", "62", "80"], ["32"]);
const somme = t("departement", "80", ["80"], ["32"]);
const oise = t("departement", "60", ["60"], ["32"]);
const paris = t("departement", "75", ["75"], ["11"]);
const amiens = t("zone_emploi", "3207", ["80"], ["32"]);
const straddling = t("zone_emploi", "3212", ["60", "80"], ["32"]);

describe("who sees which territory", () => {
  const cases: [string, Actor, SteeringTerritory[], SteeringTerritory[]][] = [
    [
      "national pilotage",
      pro(["pilotage"], { level: "national", code: null }),
      [national, hdf, somme, paris, amiens],
      [],
    ],
    [
      "regional pilotage",
      pro(["pilotage"], { level: "region", code: "32" }),
      [hdf, somme, oise, amiens, straddling],
      [national, paris, t("region", "11", ["75"], ["11"])],
    ],
    [
      "departmental pilotage",
      pro(["pilotage"], { level: "departement", code: "80" }),
      [somme, amiens, straddling],
      [national, hdf, oise, paris],
    ],
    [
      "pilotage without a scope: its structure's département",
      pro(["pilotage"]),
      [somme, amiens],
      [oise, hdf],
    ],
    [
      "manager territorial of the Oise",
      pro(["manager_territorial"], { level: "departement", code: "60" }),
      [oise, straddling],
      [somme, amiens, hdf, national],
    ],
    ["conseiller", pro(["conseiller"], { level: "national", code: null }), [], [national, somme]],
    ["chargé d'orientation", pro(["charge_orientation"]), [], [somme]],
    ["a person", { kind: "person", id: "x", channel: "web" }, [], [somme]],
    ["the command line", { kind: "system", id: "cli", channel: "cli" }, [national, somme, paris], []],
    ["another system actor", { kind: "system", id: "import", channel: "import" }, [], [somme]],
  ];
  for (const [name, actor, allowed, denied] of cases) {
    test(name, () => {
      for (const x of allowed) assert.equal(steeringPolicy.view(actor, x), true, `${x.niveau} ${x.code}`);
      for (const x of denied) assert.equal(steeringPolicy.view(actor, x), false, `${x.niveau} ${x.code}`);
    });
  }
});

test("a straddling zone d'emploi is cut to the scope's part; national sees it whole", () => {
  assert.deepEqual(
    steeringPolicy.within(pro(["pilotage"], { level: "departement", code: "80" }), straddling),
    {
      departement: "80",
    },
  );
  assert.deepEqual(steeringPolicy.within(pro(["pilotage"], { level: "region", code: "32" }), straddling), {
    region: "32",
  });
  assert.equal(
    steeringPolicy.within(pro(["pilotage"], { level: "national", code: null }), straddling),
    undefined,
  );
  assert.equal(
    steeringPolicy.within(pro(["pilotage"], { level: "departement", code: "80" }), somme),
    undefined,
  );
});
