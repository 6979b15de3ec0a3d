import assert from "node:assert/strict";
import { test } from "node:test";
import { addCalendarMonths, reviewDueDates } from "./contract.deadlines";

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
