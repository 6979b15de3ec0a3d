import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  appointmentReminderAt,
  canRecordAttendanceNow,
  invitationExpiresOn,
  invitationReminderAt,
  mondayOf,
  parisInstant,
  parisTime,
  weekBounds,
  weeklySlotTimes,
} from "./appointments.rules";

describe("Paris wall-clock times", () => {
  test("winter is UTC+1, summer UTC+2", () => {
    assert.equal(parisInstant("2026-01-15", "09:30").toISOString(), "2026-01-15T08:30:00.000Z");
    assert.equal(parisInstant("2026-07-15", "09:30").toISOString(), "2026-07-15T07:30:00.000Z");
  });
  test("on the days the clocks change", () => {
    assert.equal(parisInstant("2026-03-29", "10:00").toISOString(), "2026-03-29T08:00:00.000Z");
    assert.equal(parisInstant("2026-10-25", "10:00").toISOString(), "2026-10-25T09:00:00.000Z");
  });
  test("round trip: the Paris time of the instant is the wall-clock time (property)", () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 730 }),
        fc.integer({ min: 6, max: 21 }),
        fc.constantFrom("00", "15", "30", "45"),
        (day, hour, minute) => {
          const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
          const time = `${String(hour).padStart(2, "0")}:${minute}`;
          assert.equal(parisTime(parisInstant(date, time)), time);
        },
      ),
    ));
});

describe("weeks and series", () => {
  test("the Monday of a week", () => {
    assert.equal(mondayOf("2026-12-06"), "2026-11-30"); // a Sunday
    assert.equal(mondayOf("2026-12-07"), "2026-12-07");
    assert.equal(mondayOf("2026-12-10"), "2026-12-07");
  });
  test("week bounds are Paris midnights", () => {
    const b = weekBounds("2026-12-07");
    assert.deepEqual(
      [b.from.toISOString(), b.to.toISOString()],
      ["2026-12-06T23:00:00.000Z", "2026-12-13T23:00:00.000Z"],
    );
  });
  test("a weekly series keeps the wall-clock time across the change to summer time", () => {
    const s = weeklySlotTimes("2026-03-23", "09:00", "09:45", 2);
    assert.deepEqual(
      s.map((x) => [x.startsAt.toISOString(), x.endsAt.toISOString()]),
      [
        ["2026-03-23T08:00:00.000Z", "2026-03-23T08:45:00.000Z"],
        ["2026-03-30T07:00:00.000Z", "2026-03-30T07:45:00.000Z"],
      ],
    );
  });
});

describe("reminders and expiry", () => {
  const start = new Date("2026-12-10T09:00:00Z");
  test("the appointment reminder is 48 h before, or none when that moment has passed", () => {
    assert.equal(
      appointmentReminderAt(start, new Date("2026-12-06T10:00:00Z"))?.toISOString(),
      "2026-12-08T09:00:00.000Z",
    );
    assert.equal(appointmentReminderAt(start, new Date("2026-12-08T09:00:00Z")), null);
  });
  test("an invitation is reminded 3 days later and expires 10 days later (Paris date)", () => {
    const at = new Date("2026-12-06T23:30:00Z"); // already the 7th in Paris
    assert.equal(invitationReminderAt(at).toISOString(), "2026-12-09T23:30:00.000Z");
    assert.equal(invitationExpiresOn(at), "2026-12-17");
  });
  test("present or absent from the appointment's day on; excused any time", () => {
    const before = new Date("2026-12-09T22:00:00Z"); // 23:00 the day before, Paris
    const sameDay = new Date("2026-12-09T23:30:00Z"); // 00:30 the same day, Paris
    assert.equal(canRecordAttendanceNow("ABSENT", start, before), false);
    assert.equal(canRecordAttendanceNow("HONORE", start, before), false);
    assert.equal(canRecordAttendanceNow("EXCUSE", start, before), true);
    assert.equal(canRecordAttendanceNow("ABSENT", start, sameDay), true);
  });
});
