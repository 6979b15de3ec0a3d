import assert from "node:assert/strict";
import { test } from "node:test";
import type { ProfessionalRole, StructureKind } from "../../shared/identity/identity.schema";
import type { ProfessionalActor } from "../kernel/access";
import { importsPolicy } from "./imports.policy";

const pro = (
  roles: ProfessionalRole[],
  structureKind: StructureKind = "conseil_departemental",
  departement = "80",
  scope: ProfessionalActor["scope"] = null,
): ProfessionalActor => ({
  kind: "professional",
  id: "p",
  structureId: "s",
  structureKind,
  departement,
  roles,
  scope,
  channel: "web",
});

test("CAF/MSA flows of a département: its territorial manager and its CD's structure administrators only", () => {
  const table: [ProfessionalActor, string, boolean][] = [
    [pro(["manager_territorial"]), "80", true],
    [pro(["manager_territorial"], "france_travail", "75", { level: "departement", code: "80" }), "80", true],
    [pro(["manager_territorial"]), "02", false],
    [pro(["admin_structure"]), "80", true],
    [pro(["admin_structure"]), "02", false],
    [pro(["admin_structure"], "france_travail"), "80", false],
    [pro(["conseiller", "charge_orientation"]), "80", false],
    [pro(["pilotage"], "conseil_departemental", "80", { level: "departement", code: "80" }), "80", false],
  ];
  for (const [actor, dep, allowed] of table)
    assert.equal(
      importsPolicy.manageFlux(actor, dep),
      allowed,
      `${actor.roles} ${actor.structureKind} → ${dep}`,
    );
  assert.equal(importsPolicy.manageFlux({ kind: "person", id: "x", channel: "web" }, "80"), false);
  assert.equal(
    importsPolicy.manageFlux({ kind: "system", id: "import-cnaf", channel: "import" }, "80"),
    true,
  );
  assert.equal(
    importsPolicy.defaultDepartement(
      pro(["manager_territorial"], "france_travail", "75", { level: "departement", code: "80" }),
    ),
    "80",
  );
});
