import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FT, fileFollowedByFt, ML, PERSON, personActor, pro } from "../../test-support/policy-fixtures";
import type { Actor } from "../kernel/access";
import type { PersonFileScope } from "../persons/persons.policy";
import { appointmentsPolicy } from "./appointments.policy";

const file = fileFollowedByFt;
const person = personActor;
const all = (a: Actor) => [
  appointmentsPolicy.manageAgenda(a, FT),
  appointmentsPolicy.view(a, file),
  appointmentsPolicy.schedule(a, file),
  appointmentsPolicy.book(a, file),
  appointmentsPolicy.cancel(a, file, FT),
  appointmentsPolicy.recordAttendance(a, FT),
];

describe("appointments policy", () => {
  test("a conseiller of the following structure does everything", () =>
    assert.deepEqual(all(pro(["conseiller"])), [true, true, true, true, true, true]));

  test("a conseiller of another structure: nothing on this person nor this agenda", () =>
    assert.deepEqual(all(pro(["conseiller"], { structureId: ML, structureKind: "mission_locale" })), [
      false,
      false,
      false,
      false,
      false,
      false,
    ]));

  test("the territorial manager reads the person's appointments, never schedules nor records attendance", () =>
    assert.deepEqual(
      all(pro(["manager_territorial"], { structureId: ML, structureKind: "conseil_departemental" })),
      [false, true, false, false, false, false],
    ));

  test("a professional without a file role in the structure does not manage its agenda", () =>
    assert.deepEqual(
      [
        appointmentsPolicy.manageAgenda(pro(["pilotage"]), FT),
        appointmentsPolicy.recordAttendance(pro(["pilotage"]), FT),
      ],
      [false, false],
    ));

  test("a conseiller of the structure holding the appointment records attendance and cancels even without following the person", () => {
    const other: PersonFileScope = { ...file, followUps: [] };
    const a = pro(["conseiller"]);
    assert.deepEqual(
      [
        appointmentsPolicy.recordAttendance(a, FT),
        appointmentsPolicy.cancel(a, other, FT),
        appointmentsPolicy.schedule(a, other),
      ],
      [true, true, false],
    );
  });

  test("the person reads, books and cancels their own appointments only", () => {
    assert.deepEqual(all(person(PERSON)), [false, true, false, true, true, false]);
    assert.deepEqual(all(person("00000000-0000-4000-8000-0000000000f2")), [
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
