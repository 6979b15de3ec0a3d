import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ProfessionalRole, StructureKind } from "../../shared/identity/identity.schema";
import type { ProfessionalActor } from "../kernel/access";
import { workItemQueueFor } from "./work-items.policy";

const pro = (roles: ProfessionalRole[], structureKind: StructureKind): ProfessionalActor => ({
  kind: "professional",
  id: "00000000-0000-4000-8000-000000000001",
  structureId: "00000000-0000-4000-8000-00000000000a",
  structureKind,
  departement: "80",
  roles,
  scope: null,
  channel: "web",
});

describe("workItemQueueFor", () => {
  test("the département's orientation queue: its chargés d'orientation", () => {
    const q = workItemQueueFor(pro(["charge_orientation"], "conseil_departemental"), "departement", "AUCUNE");
    assert.equal(q?.kind, "departement");
    assert.ok(
      q?.kind === "departement" &&
        q.departement === "80" &&
        q.types.includes("DECISION_ORIENTATION_A_PRENDRE"),
    );
    assert.equal(
      workItemQueueFor(pro(["conseiller"], "conseil_departemental"), "departement", "AUCUNE"),
      undefined,
    );
    assert.equal(
      workItemQueueFor(pro(["manager_territorial"], "conseil_departemental"), "departement", "AUCUNE"),
      undefined,
    );
  });

  test("France Travail: only when the département delegates, from T0 + 1 month under PAR_DEFAUT", () => {
    const ft = pro(["charge_orientation"], "france_travail");
    assert.equal(workItemQueueFor(ft, "departement", "AUCUNE"), undefined);
    assert.deepEqual(workItemQueueFor(ft, "departement", "TOTALE")?.kind, "departement");
    const byDefault = workItemQueueFor(ft, "departement", "PAR_DEFAUT");
    assert.ok(byDefault?.kind === "departement" && byDefault.fromFallbackDate === true);
    assert.deepEqual(byDefault.types, ["DECISION_ORIENTATION_A_PRENDRE"]);
  });

  test("a structure's queue: its staff with a file role; never pilotage or employer relations", () => {
    assert.deepEqual(workItemQueueFor(pro(["conseiller"], "france_travail"), "structure", "AUCUNE"), {
      kind: "structure",
      structureId: "00000000-0000-4000-8000-00000000000a",
    });
    assert.equal(workItemQueueFor(pro(["pilotage"], "france_travail"), "structure", "AUCUNE"), undefined);
    assert.equal(
      workItemQueueFor(pro(["charge_relation_entreprise"], "france_travail"), "structure", "AUCUNE"),
      undefined,
    );
  });

  test("my items: any professional; persons and systems have no queue", () => {
    assert.equal(workItemQueueFor(pro(["pilotage"], "france_travail"), "moi", "AUCUNE")?.kind, "assignee");
    assert.equal(workItemQueueFor({ kind: "person", id: "x", channel: "web" }, "moi", "AUCUNE"), undefined);
  });
});
