import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { addDays, daysBetween } from "../kernel/dates";
import {
  itemDueDates,
  orientationDueDate,
  orientationDueSoonDate,
  orientationFallbackDate,
  orientedWithinDelay,
} from "./orientation.deadlines";

const dateArb = fc.integer({ min: 0, max: 365 * 30 }).map((d) => addDays("2010-01-01", d));

describe("orientation delay (15 days from T0, T0 counting as day 1, calendar days)", () => {
  test("worked example: T0 on Friday 6 November 2026 → last day Friday 20 November, two weekends included", () => {
    assert.equal(orientationDueDate("2026-11-06"), "2026-11-20");
    assert.equal(orientedWithinDelay("2026-11-06", "2026-11-20"), true);
    assert.equal(orientedWithinDelay("2026-11-06", "2026-11-21"), false);
  });

  test("for every T0: notified on T0 + 14 is in time, on T0 + 15 is late, before T0 is not a valid notification", () => {
    fc.assert(
      fc.property(dateArb, (t0) => {
        assert.equal(daysBetween(t0, orientationDueDate(t0)), 14);
        assert.equal(orientedWithinDelay(t0, addDays(t0, 14)), true);
        assert.equal(orientedWithinDelay(t0, addDays(t0, 15)), false);
        assert.equal(orientedWithinDelay(t0, addDays(t0, -1)), false);
      }),
    );
  });

  test("never before T0, near-due warning between T0 and the due date, never moving backwards with T0", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 60 }), (t0, shift) => {
        const due = orientationDueDate(t0);
        const soon = orientationDueSoonDate(t0);
        assert.ok(t0 <= soon && soon <= due);
        assert.ok(orientationDueDate(addDays(t0, shift)) >= due);
      }),
    );
  });

  test("across daylight saving time changes, still 14 calendar days", () => {
    assert.equal(orientationDueDate("2026-03-20"), "2026-04-03");
    assert.equal(orientationDueDate("2026-10-20"), "2026-11-03");
  });

  test("configurable: a 30-day delay with a warning at 20 days", () => {
    const d = { delaiJours: 30, alerteJours: 20 };
    assert.equal(orientationDueDate("2026-01-01", d), "2026-01-30");
    assert.equal(orientationDueSoonDate("2026-01-01", d), "2026-01-21");
    assert.equal(orientedWithinDelay("2026-01-01", "2026-01-30", d), true);
    assert.equal(orientedWithinDelay("2026-01-01", "2026-01-31", d), false);
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 90 }), (t0, delai) => {
        const cfg = { delaiJours: delai, alerteJours: 10 };
        assert.equal(daysBetween(t0, orientationDueDate(t0, cfg)), delai - 1);
        assert.ok(orientationDueSoonDate(t0, cfg) <= orientationDueDate(t0, cfg));
      }),
    );
  });
});

describe("fallback at one month (clamped to the month's end)", () => {
  test("examples", () => {
    assert.equal(orientationFallbackDate("2026-01-15"), "2026-02-15");
    assert.equal(orientationFallbackDate("2026-01-31"), "2026-02-28");
    assert.equal(orientationFallbackDate("2028-01-31"), "2028-02-29");
    assert.equal(orientationFallbackDate("2026-12-31"), "2027-01-31");
    assert.equal(orientationFallbackDate("2026-03-31"), "2026-04-30");
  });

  test("always after the 15-day due date, within 28 to 31 days of T0", () => {
    fc.assert(
      fc.property(dateArb, (t0) => {
        const f = orientationFallbackDate(t0);
        assert.ok(f > orientationDueDate(t0));
        const n = daysBetween(t0, f);
        assert.ok(n >= 28 && n <= 31, `${t0} → ${f}`);
      }),
    );
  });
});

test("work-item due dates: from + n days, the near-due date never after the due date", () => {
  assert.deepEqual(itemDueDates("2026-11-23", { delaiJours: 7, alerteJours: 5 }), {
    dueDate: "2026-11-30",
    dueSoonDate: "2026-11-28",
  });
  assert.deepEqual(itemDueDates("2026-11-23", { delaiJours: 3, alerteJours: 5 }), {
    dueDate: "2026-11-26",
    dueSoonDate: "2026-11-26",
  });
});
