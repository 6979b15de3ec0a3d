import assert from "node:assert/strict";
import { test } from "node:test";
import { isoWeekDays } from "./iso-week";

test("ISO weeks: Monday to Sunday, across year boundaries", () => {
  assert.deepEqual(isoWeekDays("2026-W11"), { monday: "2026-03-09", sunday: "2026-03-15" });
  // 1 January 2026 is a Thursday: week 1 starts on Monday 29 December 2025
  assert.deepEqual(isoWeekDays("2026-W01"), { monday: "2025-12-29", sunday: "2026-01-04" });
  // 2020 has 53 weeks; 4 January 2021 is a Monday
  assert.deepEqual(isoWeekDays("2020-W53"), { monday: "2020-12-28", sunday: "2021-01-03" });
  assert.deepEqual(isoWeekDays("2021-W01"), { monday: "2021-01-04", sunday: "2021-01-10" });
  assert.equal(isoWeekDays("2026-11"), null);
});
