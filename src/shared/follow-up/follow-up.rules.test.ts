import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { addDays, daysBetween, parisDate } from "../kernel/dates";
import {
  addWorkingDays,
  cordeDeRappelDue,
  currentJobSlot,
  dropoutSignals,
  exitDateProblem,
  followUpSettings,
  jobAnswerNeedsReferent,
  jobFollowUpSchedule,
  nextPointEtape,
  parisInstant,
  scheduledItem,
} from "./follow-up.rules";

const dateArb = fc.integer({ min: 0, max: 3650 }).map((n) => addDays("2024-01-01", n));

describe("settings", () => {
  test("national defaults: point d'étape every 3 months, drop-out after 8 weeks, corde de rappel at 6 months", () => {
    assert.deepEqual(followUpSettings(null), {
      pointEtapeMonths: 3,
      dropoutWeeks: 8,
      cordeDeRappelMonths: 6,
    });
  });
  test("a département's row overrides only what it sets", () => {
    assert.deepEqual(followUpSettings({ pointEtapeMonths: 6, dropoutWeeks: null }), {
      pointEtapeMonths: 6,
      dropoutWeeks: 8,
      cordeDeRappelMonths: 6,
    });
  });
});

describe("points d'étape", () => {
  test("3 months after the start of the accompaniment when nothing else happened", () => {
    assert.equal(
      nextPointEtape({ accompanimentStart: "2026-01-15", lastContractSignature: null, lastPointEtape: null }),
      "2026-04-15",
    );
  });
  test("counted from the latest event: signature, then the last point d'étape", () => {
    assert.equal(
      nextPointEtape({
        accompanimentStart: "2026-01-15",
        lastContractSignature: "2026-02-03",
        lastPointEtape: null,
      }),
      "2026-05-03",
    );
    assert.equal(
      nextPointEtape({
        accompanimentStart: "2026-01-15",
        lastContractSignature: "2026-02-03",
        lastPointEtape: "2026-05-10",
      }),
      "2026-08-10",
    );
  });
  test("configurable frequency; end of month clamped (30 November + 3 months = 28 February)", () => {
    assert.equal(
      nextPointEtape(
        { accompanimentStart: "2026-01-15", lastContractSignature: null, lastPointEtape: null },
        6,
      ),
      "2026-07-15",
    );
    assert.equal(
      nextPointEtape({ accompanimentStart: "2025-11-30", lastContractSignature: null, lastPointEtape: null }),
      "2026-02-28",
    );
  });
  test("none before the accompaniment starts", () => {
    assert.equal(
      nextPointEtape({ accompanimentStart: null, lastContractSignature: null, lastPointEtape: null }),
      null,
    );
  });
  test("property: never before any anchor, and never earlier when an anchor moves later", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.option(dateArb),
        fc.option(dateArb),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 400 }),
        (start, signed, point, months, shift) => {
          const a = { accompanimentStart: start, lastContractSignature: signed, lastPointEtape: point };
          const due = nextPointEtape(a, months)!;
          for (const d of [start, signed, point]) if (d) assert.ok(due > d);
          const later = nextPointEtape({ ...a, lastPointEtape: addDays(point ?? start, shift) }, months)!;
          assert.ok(later >= due);
        },
      ),
    );
  });
});

describe("corde de rappel", () => {
  test("6 months after the orientation decision", () => {
    assert.equal(cordeDeRappelDue("2026-01-20", null), "2026-07-20");
  });
  test("none once held since the decision; due again for a later decision", () => {
    assert.equal(cordeDeRappelDue("2026-01-20", "2026-07-01"), null);
    assert.equal(cordeDeRappelDue("2026-09-01", "2026-07-01"), "2027-03-01");
  });
  test("none without a decided orientation", () => {
    assert.equal(cordeDeRappelDue(null, null), null);
  });
});

describe("scheduled items", () => {
  test("enter the worklist 30 days before the due date, flagged due soon 15 days before", () => {
    assert.deepEqual(scheduledItem("2026-04-15", "2026-03-15"), {
      open: false,
      dueDate: "2026-04-15",
      dueSoonDate: "2026-03-31",
    });
    assert.equal(scheduledItem("2026-04-15", "2026-03-16").open, true);
    assert.equal(scheduledItem("2026-04-15", "2026-06-01").open, true);
  });
});

describe("drop-out (décrochage)", () => {
  const base = { today: "2026-06-01", accompanimentStart: "2026-01-05", appointments: [] };
  test("no contact for 9 weeks with an 8-week threshold: flagged, since the last contact", () => {
    const s = dropoutSignals({ ...base, lastContact: addDays("2026-06-01", -63) });
    assert.equal(s.flagged, true);
    assert.equal(s.noContactSince, "2026-03-30");
  });
  test("a contact 7 weeks ago: not flagged; exactly 8 weeks: flagged", () => {
    assert.equal(dropoutSignals({ ...base, lastContact: addDays("2026-06-01", -49) }).flagged, false);
    assert.equal(dropoutSignals({ ...base, lastContact: addDays("2026-06-01", -56) }).flagged, true);
  });
  test("never any contact: counted from the start of the accompaniment", () => {
    assert.equal(
      dropoutSignals({ ...base, accompanimentStart: "2026-05-01", lastContact: null }).flagged,
      false,
    );
    assert.equal(dropoutSignals({ ...base, lastContact: null }).noContactSince, "2026-01-05");
  });
  test("the threshold is configurable", () => {
    const facts = { ...base, lastContact: addDays("2026-06-01", -30) };
    assert.equal(dropoutSignals(facts, 4).flagged, true);
    assert.equal(dropoutSignals(facts, 5).flagged, false);
  });
  test("two unexcused absences in a row are flagged even with a recent contact", () => {
    const s = dropoutSignals({
      ...base,
      today: "2026-12-01",
      lastContact: "2026-11-25",
      appointments: [
        { date: "2026-03-02", status: "HONORE" },
        { date: "2026-04-10", status: "ABSENT" },
        { date: "2026-05-12", status: "EXCUSE" },
        { date: "2026-06-15", status: "ABSENT" },
      ],
    });
    assert.equal(s.absencesInARow, 2);
    assert.equal(s.absencesInWindow, 0);
    assert.equal(s.flagged, true);
  });
  test("an honoured appointment breaks the streak; two absences within 3 months are still flagged", () => {
    const s = dropoutSignals({
      ...base,
      lastContact: "2026-05-28",
      appointments: [
        { date: "2026-03-10", status: "ABSENT" },
        { date: "2026-04-10", status: "HONORE" },
        { date: "2026-05-10", status: "ABSENT" },
        { date: "2026-05-28", status: "HONORE" },
      ],
    });
    assert.equal(s.absencesInARow, 0);
    assert.equal(s.absencesInWindow, 2);
    assert.equal(s.flagged, true);
  });
  test("one absence only, or future appointments: not flagged", () => {
    const s = dropoutSignals({
      ...base,
      lastContact: "2026-05-28",
      appointments: [
        { date: "2026-05-10", status: "ABSENT" },
        { date: "2026-06-10", status: "ABSENT" },
      ],
    });
    assert.deepEqual([s.absencesInARow, s.absencesInWindow, s.flagged], [1, 1, false]);
  });
  test("property: a later contact never raises a no-contact signal that an earlier one did not", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 200 }),
        (today, ago, move) => {
          const early = dropoutSignals({
            today,
            accompanimentStart: null,
            lastContact: addDays(today, -ago),
            appointments: [],
          });
          const late = dropoutSignals({
            today,
            accompanimentStart: null,
            lastContact: addDays(today, -ago + Math.min(move, ago)),
            appointments: [],
          });
          if (late.flagged) assert.ok(early.flagged);
          assert.equal(early.flagged, ago >= 56);
        },
      ),
    );
  });
});

describe("suivi dans l'emploi", () => {
  test("messages 1 week, 1 month and 3 months after the job starts", () => {
    assert.deepEqual(jobFollowUpSchedule("2026-01-31"), [
      { slot: "1s", on: "2026-02-07" },
      { slot: "1m", on: "2026-02-28" },
      { slot: "3m", on: "2026-04-30" },
    ]);
  });
  test("the slot being answered is the latest message already due", () => {
    assert.equal(currentJobSlot("2026-03-02", "2026-03-05"), null);
    assert.equal(currentJobSlot("2026-03-02", "2026-03-09"), "1s");
    assert.equal(currentJobSlot("2026-03-02", "2026-04-02"), "1m");
    assert.equal(currentJobSlot("2026-03-02", "2026-09-01"), "3m");
  });
  test("a difficulty or a lost job calls for the référent; all is well does not", () => {
    assert.deepEqual(["TOUT_VA_BIEN", "DIFFICULTE", "PLUS_EN_POSTE"].map(jobAnswerNeedsReferent), [
      false,
      true,
      true,
    ]);
  });
  test("messages leave at 9:00 Paris time, winter and summer", () => {
    assert.equal(parisInstant("2026-01-15").toISOString(), "2026-01-15T08:00:00.000Z");
    assert.equal(parisInstant("2026-07-15").toISOString(), "2026-07-15T07:00:00.000Z");
    assert.equal(parisInstant("2026-03-29").toISOString(), "2026-03-29T07:00:00.000Z");
  });
  test("property: the instant is on the same Paris date, and the schedule is strictly increasing", () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        assert.equal(parisDate(parisInstant(d)), d);
        const s = jobFollowUpSchedule(d).map((x) => x.on);
        assert.ok(d < s[0]! && s[0]! < s[1]! && s[1]! < s[2]!);
      }),
    );
  });
});

describe("working days and exit dates", () => {
  test("two working days after a Thursday is the Monday", () => {
    assert.equal(addWorkingDays("2026-12-03", 2), "2026-12-07");
    assert.equal(addWorkingDays("2026-12-07", 2), "2026-12-09");
  });
  test("property: n working days span at least n and at most n + 2·ceil(n/5) + 2 calendar days", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 30 }), (d, n) => {
        const span = daysBetween(d, addWorkingDays(d, n));
        assert.ok(span >= n && span <= n + 2 * Math.ceil(n / 5) + 2);
      }),
    );
  });
  test("an exit is neither in the future nor before the pathway opened", () => {
    assert.equal(exitDateProblem("2026-06-01", "2026-06-01", "2026-01-01"), null);
    assert.match(exitDateProblem("2026-06-02", "2026-06-01", "2026-01-01")!, /futur/);
    assert.match(exitDateProblem("2025-12-31", "2026-06-01", "2026-01-01")!, /précéder/);
  });
});
