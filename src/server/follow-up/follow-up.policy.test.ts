import assert from "node:assert/strict";
import { test } from "node:test";
import { fileFollowedByFt, ML, PERSON, personActor, pro } from "../../test-support/policy-fixtures";
import type { Actor } from "../kernel/access";
import { followUpPolicy } from "./follow-up.policy";

const file = fileFollowedByFt;
const person = personActor;
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
