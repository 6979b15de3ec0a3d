import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ProfessionalRole } from "../../shared/identity/identity.schema";
import type { PersonActor, ProfessionalActor } from "../kernel/access";
import { duplicateReviewPolicy, registrationPolicy } from "./registration.policy";

const pro = (roles: ProfessionalRole[], structureId = "s1", departement = "80"): ProfessionalActor => ({
  kind: "professional",
  id: `p-${roles.join("-")}`,
  structureId,
  structureKind: "conseil_departemental",
  departement,
  roles,
  scope: null,
  channel: "web",
});
const person: PersonActor = { kind: "person", id: "person-1", channel: "web" };
const followedBy = (structureId: string) => ({
  personId: "person-1",
  departement: "80",
  followUps: [{ structureId, professionalId: null, role: "referent" as const }],
});

describe("registration policy", () => {
  const cases: [string, boolean, boolean][] = [
    // [who, view, edit] on a draft started by structure s1 for person-1 followed by s2
    ["conseiller of s1", true, true],
    ["conseiller of s2", true, true],
    ["conseiller of s3", false, false],
    ["pilotage of s1", false, false],
  ];
  const actors: Record<string, ProfessionalActor> = {
    "conseiller of s1": pro(["conseiller"], "s1"),
    "conseiller of s2": pro(["conseiller"], "s2"),
    "conseiller of s3": pro(["conseiller"], "s3"),
    "pilotage of s1": pro(["pilotage"], "s1"),
  };
  for (const [who, view, edit] of cases) {
    test(`${who}: view ${view}, edit ${edit}`, () => {
      const scope = { personId: "person-1", startedByStructureId: "s1", personScope: followedBy("s2") };
      const a = actors[who];
      assert.ok(a);
      assert.equal(registrationPolicy.view(a, scope), view);
      assert.equal(registrationPolicy.edit(a, scope), edit);
    });
  }
  test("a person: only their own registration", () => {
    assert.equal(registrationPolicy.edit(person, { personId: "person-1", startedByStructureId: null }), true);
    assert.equal(
      registrationPolicy.view(person, { personId: "person-2", startedByStructureId: null }),
      false,
    );
    assert.equal(registrationPolicy.start(person, followedBy("s1")), true);
  });
  test("a professional starts one for a known person only if they may read that file", () => {
    assert.equal(registrationPolicy.start(pro(["conseiller"], "s2"), followedBy("s2")), true);
    assert.equal(registrationPolicy.start(pro(["conseiller"], "s3"), followedBy("s2")), false);
    assert.equal(registrationPolicy.start(pro(["conseiller"], "s3")), true);
  });
});

describe("duplicate review policy", () => {
  test("the structure's item: its chargé·e d'orientation or administrator; the département's queue: its chargé·es d'orientation", () => {
    const mine = { departement: "80", structureId: "s1" };
    const queue = { departement: "80", structureId: null };
    assert.equal(duplicateReviewPolicy.resolve(pro(["admin_structure"], "s1"), mine), true);
    assert.equal(duplicateReviewPolicy.resolve(pro(["conseiller"], "s1"), mine), false);
    assert.equal(duplicateReviewPolicy.resolve(pro(["charge_orientation"], "s2"), queue), true);
    assert.equal(duplicateReviewPolicy.resolve(pro(["charge_orientation"], "s2", "02"), queue), false);
    assert.equal(duplicateReviewPolicy.resolve(pro(["admin_structure"], "s2"), queue), false);
    assert.equal(
      duplicateReviewPolicy.view(
        { ...pro(["manager_territorial"], "s9"), scope: { level: "departement", code: "80" } },
        mine,
      ),
      true,
    );
    assert.equal(
      duplicateReviewPolicy.resolve(
        { ...pro(["manager_territorial"], "s9"), scope: { level: "departement", code: "80" } },
        mine,
      ),
      false,
    );
  });
});
