import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addDays, daysBetween, frenchLongDate } from "./dates";

describe("dates", () => {
  it("writes the first of the month as « 1er » and other days as numbers", () => {
    assert.equal(frenchLongDate("2026-11-01"), "1er novembre 2026");
    assert.equal(frenchLongDate("2026-02-14"), "14 février 2026");
    assert.equal(frenchLongDate("2026-08-31"), "31 août 2026");
  });
  it("leaves a string that is not a date as it is", () => {
    assert.equal(frenchLongDate("inconnue"), "inconnue");
  });
  it("adds days across a month and a leap day", () => {
    assert.equal(addDays("2028-02-28", 1), "2028-02-29");
    assert.equal(addDays("2026-12-31", 1), "2027-01-01");
    assert.equal(daysBetween("2026-01-01", "2026-03-01"), 59);
  });
});
