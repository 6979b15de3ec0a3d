import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  type AppointmentStatus,
  allowedAppointmentEvents,
  appointmentEvents,
  appointmentStatuses,
  nextAppointmentStatus,
} from "./appointments.status";

// The expected lifecycle, written out independently of the table
const allowed: [AppointmentStatus, string, AppointmentStatus][] = [
  ["INVITE", "book", "PLANIFIE"],
  ["INVITE", "cancel", "ANNULE"],
  ["PLANIFIE", "cancel", "ANNULE"],
  ["PLANIFIE", "record_present", "HONORE"],
  ["PLANIFIE", "record_absent", "ABSENT"],
  ["PLANIFIE", "record_excused", "EXCUSE"],
];

describe("appointment lifecycle: every status × event", () => {
  for (const status of appointmentStatuses) {
    for (const event of appointmentEvents) {
      const expected = allowed.find(([f, e]) => f === status && e === event)?.[2];
      if (expected)
        test(`${status} --${event}--> ${expected}`, () =>
          assert.equal(nextAppointmentStatus(status, event), expected));
      else
        test(`${status} --${event}--> refused with appointments.transition_not_allowed (409)`, () =>
          assert.throws(
            () => nextAppointmentStatus(status, event),
            (e: { code: string; status: number; message: string }) => {
              assert.equal(e.code, "appointments.transition_not_allowed");
              assert.equal(e.status, 409);
              assert.match(e.message, /^Cette action n'est pas possible : le rendez-vous est à l'état « /);
              return true;
            },
          ));
    }
  }
});

describe("terminal statuses and offered actions", () => {
  test("honoured, absent, excused and cancelled appointments accept nothing", () => {
    for (const s of ["HONORE", "ABSENT", "EXCUSE", "ANNULE"] as const)
      assert.deepEqual(allowedAppointmentEvents(s), [], s);
  });
  test("the actions offered are exactly the allowed transitions", () => {
    for (const status of appointmentStatuses)
      assert.deepEqual(
        allowedAppointmentEvents(status).sort(),
        allowed
          .filter(([f]) => f === status)
          .map(([, e]) => e)
          .sort(),
        status,
      );
  });
  test("every status is reachable from an invitation or a convocation", () => {
    const reached = new Set<AppointmentStatus>(["INVITE", "PLANIFIE"]);
    for (const [, , to] of allowed) reached.add(to);
    assert.deepEqual([...reached].sort(), [...appointmentStatuses].sort());
  });
});
