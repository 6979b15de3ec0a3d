import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { addDays } from "../kernel/dates";
import { workItemUrgency } from "./work-items.urgency";

const item = { dueDate: "2026-11-19", dueSoonDate: "2026-11-15", status: "A_FAIRE" as const };

describe("work item urgency, from today in Paris", () => {
  test("before the near-due date: neither flag, days left counted", () => {
    assert.deepEqual(workItemUrgency(item, "2026-11-10"), { overdue: false, dueSoon: false, daysLeft: 9 });
  });
  test("from the near-due date to the due date included: due soon", () => {
    assert.deepEqual(workItemUrgency(item, "2026-11-15"), { overdue: false, dueSoon: true, daysLeft: 4 });
    assert.deepEqual(workItemUrgency(item, "2026-11-19"), { overdue: false, dueSoon: true, daysLeft: 0 });
  });
  test("the day after the due date: overdue, not due soon", () => {
    assert.deepEqual(workItemUrgency(item, "2026-11-20"), { overdue: true, dueSoon: false, daysLeft: -1 });
  });
  test("a closed item is never flagged", () => {
    assert.deepEqual(workItemUrgency({ ...item, status: "FAIT" }, "2026-12-01"), {
      overdue: false,
      dueSoon: false,
      daysLeft: -12,
    });
    assert.equal(workItemUrgency({ ...item, status: "ANNULE" }, "2026-11-16").dueSoon, false);
  });
  test("for any open item and day: overdue and due soon never both; overdue exactly when today is after the due date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: -40, max: 40 }),
        (soonBefore, _x, offset) => {
          const due = "2026-06-15";
          const u = workItemUrgency(
            { dueDate: due, dueSoonDate: addDays(due, -soonBefore), status: "EN_COURS" },
            addDays(due, offset),
          );
          assert.ok(!(u.overdue && u.dueSoon));
          assert.equal(u.overdue, offset > 0);
          assert.equal(u.daysLeft + offset, 0);
        },
      ),
    );
  });
});
