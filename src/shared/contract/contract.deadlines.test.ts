import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { addCalendarMonths, closesAfterSuspension, reviewDueDates } from "./contract.deadlines";

test("review 6 months after the signature, due soon 30 days before", () => {
  assert.deepEqual(reviewDueDates("2026-12-06"), { dueDate: "2027-06-06", dueSoonDate: "2027-05-07" });
});

test("month ends and year changes", () => {
  assert.equal(addCalendarMonths("2026-08-31", 6), "2027-02-28");
  assert.equal(addCalendarMonths("2027-08-31", 6), "2028-02-29");
  assert.equal(addCalendarMonths("2026-01-31", 1), "2026-02-28");
  assert.equal(addCalendarMonths("2026-12-15", 1), "2027-01-15");
  assert.equal(addCalendarMonths("2026-03-31", -1), "2026-02-28");
});

describe("closure 12 months after a suspension", () => {
  test("closes on the anniversary of the suspension, not the day before; month ends are clamped", () => {
    assert.equal(closesAfterSuspension("2026-05-04", "2027-05-03"), false);
    assert.equal(closesAfterSuspension("2026-05-04", "2027-05-04"), true);
    assert.equal(closesAfterSuspension("2024-02-29", "2025-02-27"), false);
    assert.equal(closesAfterSuspension("2024-02-29", "2025-02-28"), true);
  });
});
