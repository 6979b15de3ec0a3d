import assert from "node:assert/strict";
import { test } from "node:test";
import type { ProfessionalRole } from "../../shared/identity/identity.schema";
import type { Actor, ProfessionalActor } from "../kernel/access";
import type { PersonFileScope } from "../persons/persons.policy";
import { followUpPolicy } from "./follow-up.policy";

const FT = "00000000-0000-4000-8000-00000000000a";
const ML = "00000000-0000-4000-8000-00000000000b";
const PERSON = "00000000-0000-4000-8000-0000000000f1";
const pro = (roles: ProfessionalRole[], over: Partial<ProfessionalActor> = {}): ProfessionalActor => ({
  kind: "professional",
  id: "00000000-0000-4000-8000-000000000001",
  structureId: FT,
  structureKind: "france_travail",
  departement: "80",
  roles,
  scope: null,
  channel: "web",
  ...over,
});
const file: PersonFileScope = {
  personId: PERSON,
  departement: "80",
  followUps: [{ structureId: FT, professionalId: "00000000-0000-4000-8000-000000000009", role: "referent" }],
};
const person = (id: string): Actor => ({ kind: "person", id, channel: "web" });
const system: Actor = { kind: "system", id: "cli", channel: "cli" };

const rights = (a: Actor) => [
  followUpPolicy.view(a, file),
  followUpPolicy.record(a, file),
  followUpPolicy.answerJobFollowUp(a, PERSON),
  followUpPolicy.detect(a),
];

test("the following structure's conseiller reads the follow-up and records the exit, never answers for the person", () => {
  assert.deepEqual(rights(pro(["conseiller"])), [true, true, false, false]);
});

test("another structure's conseiller: nothing; the territorial manager reads but never records", () => {
  assert.deepEqual(rights(pro(["conseiller"], { structureId: ML, structureKind: "mission_locale" })), [
    false,
    false,
    false,
    false,
  ]);
  assert.deepEqual(
    rights(pro(["manager_territorial"], { structureId: ML, structureKind: "conseil_departemental" })),
    [true, false, false, false],
  );
});

test("the person answers their own job follow-up only; the professionals' page is not theirs", () => {
  assert.deepEqual(rights(person(PERSON)), [false, false, true, false]);
  assert.deepEqual(rights(person("00000000-0000-4000-8000-0000000000f2")), [false, false, false, false]);
});

test("only the system runs the detection", () => {
  assert.deepEqual(rights(system), [true, false, false, true]);
});
