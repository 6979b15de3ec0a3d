import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ProfessionalRole } from "../../shared/identity/identity.schema";
import type { Actor, ProfessionalActor } from "../kernel/access";
import { type PersonFileScope, personsPolicy } from "./persons.policy";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const PERSON = "00000000-0000-4000-8000-0000000000f1";

const pro = (roles: ProfessionalRole[], over: Partial<ProfessionalActor> = {}): ProfessionalActor => ({
  kind: "professional",
  id: "00000000-0000-4000-8000-000000000001",
  structureId: A,
  structureKind: "france_travail",
  departement: "80",
  roles,
  scope: null,
  channel: "web",
  ...over,
});
const followedBy = (
  structureId: string,
  professionalId: string | null = null,
  role: "referent" | "co_referent" | "membre" = "referent",
): PersonFileScope => ({
  personId: PERSON,
  departement: "80",
  followUps: [{ structureId, professionalId, role }],
});

const pendingIn = (departement: string): PersonFileScope => ({
  personId: PERSON,
  departement,
  followUps: [],
  pendingOrientationDepartement: departement,
});

// [case, actor, file, can view, can edit]
const cases: [string, Actor, PersonFileScope, boolean, boolean][] = [
  ["conseiller of the structure that follows", pro(["conseiller"]), followedBy(A), true, true],
  ["conseiller of another structure", pro(["conseiller"]), followedBy(B), false, false],
  [
    "conseiller of a structure that is only a member, while nobody is référent yet (intake)",
    pro(["conseiller"]),
    followedBy(A, null, "membre"),
    true,
    true,
  ],
  [
    "conseiller of a structure that is only a member, once another structure is référent (PS-12)",
    pro(["conseiller"]),
    {
      personId: PERSON,
      departement: "80",
      followUps: [
        { structureId: A, professionalId: null, role: "membre" },
        { structureId: B, professionalId: "00000000-0000-4000-8000-000000000009", role: "referent" },
      ],
    },
    true,
    false,
  ],
  [
    "conseiller of a structure that is co-référent while another is référent",
    pro(["conseiller"]),
    {
      personId: PERSON,
      departement: "80",
      followUps: [
        { structureId: A, professionalId: null, role: "co_referent" },
        { structureId: B, professionalId: null, role: "referent" },
      ],
    },
    true,
    true,
  ],
  ["chargé d'orientation of another structure", pro(["charge_orientation"]), followedBy(B), false, false],
  [
    "named member of the follow-up group from another structure",
    pro(["conseiller"]),
    followedBy(B, "00000000-0000-4000-8000-000000000001", "membre"),
    true,
    false,
  ],
  [
    "named co-référent from another structure",
    pro(["conseiller"]),
    followedBy(B, "00000000-0000-4000-8000-000000000001", "co_referent"),
    true,
    true,
  ],
  [
    "manager territorial of the département",
    pro(["manager_territorial"], { scope: { level: "departement", code: "80" } }),
    followedBy(B),
    true,
    false,
  ],
  [
    "manager territorial of another département",
    pro(["manager_territorial"], { scope: { level: "departement", code: "33" } }),
    followedBy(B),
    false,
    false,
  ],
  ["pilotage, even in the structure that follows", pro(["pilotage"]), followedBy(A), false, false],
  [
    "relation entreprise, even in the structure that follows",
    pro(["charge_relation_entreprise"]),
    followedBy(A),
    false,
    false,
  ],
  ["the person themself", { kind: "person", id: PERSON, channel: "web" }, followedBy(B), true, false],
  [
    "another person",
    { kind: "person", id: "00000000-0000-4000-8000-0000000000f2", channel: "web" },
    followedBy(B),
    false,
    false,
  ],
  [
    "a person not followed by anyone, seen by a conseiller",
    pro(["conseiller"]),
    { personId: PERSON, departement: "80", followUps: [] },
    false,
    false,
  ],
  // PS-11: the chargé d'orientation of the competent département, while an orientation is pending
  [
    "chargé d'orientation of the département, orientation pending",
    pro(["charge_orientation"], { structureKind: "conseil_departemental" }),
    pendingIn("80"),
    true,
    false,
  ],
  [
    "chargé d'orientation of the département, no orientation pending",
    pro(["charge_orientation"], { structureKind: "conseil_departemental" }),
    { ...pendingIn("80"), pendingOrientationDepartement: null },
    false,
    false,
  ],
  [
    "chargé d'orientation of another département, orientation pending",
    pro(["charge_orientation"], { structureKind: "conseil_departemental", departement: "33" }),
    pendingIn("80"),
    false,
    false,
  ],
  [
    "conseiller of the département's services, orientation pending",
    pro(["conseiller"], { structureKind: "conseil_departemental" }),
    pendingIn("80"),
    false,
    false,
  ],
  [
    "chargé d'orientation outside the département's services, orientation pending",
    pro(["charge_orientation"]),
    pendingIn("80"),
    false,
    false,
  ],
];

describe("personsPolicy", () => {
  for (const [name, actor, file, view, edit] of cases) {
    test(`${name}: view=${view}, edit=${edit}`, () => {
      assert.equal(personsPolicy.view(actor, file), view);
      assert.equal(personsPolicy.edit(actor, file), edit);
    });
  }

  test("writing implies reading, for every case", () => {
    for (const [, actor, file] of cases)
      if (personsPolicy.edit(actor, file)) assert.ok(personsPolicy.view(actor, file));
  });

  test("named lists are refused to pilotage and relation entreprise", () => {
    assert.equal(personsPolicy.list(pro(["pilotage"])), false);
    assert.equal(personsPolicy.list(pro(["charge_relation_entreprise"])), false);
    assert.equal(personsPolicy.list(pro(["conseiller"])), true);
    assert.equal(personsPolicy.list({ kind: "person", id: PERSON, channel: "web" }), false);
  });

  test("merging requires an admin or chargé d'orientation able to edit both files", () => {
    assert.equal(personsPolicy.merge(pro(["admin_structure"]), followedBy(A), followedBy(A)), true);
    assert.equal(personsPolicy.merge(pro(["admin_structure"]), followedBy(A), followedBy(B)), false);
    assert.equal(personsPolicy.merge(pro(["conseiller"]), followedBy(A), followedBy(A)), false);
  });
});
