import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { addMonths, decideNewEntrant, defaultNewEntrantParams, type NewEntrantFacts } from "./new-entrant";
import { decideVeille, type VeilleFacts, veilleLapsed } from "./veille";

const p = defaultNewEntrantParams;
const DTREF = "2026-02-28";
const facts = (over: Partial<VeilleFacts>): VeilleFacts => ({
  dateReference: DTREF,
  soumisCeMois: true,
  parcours: "ACTIF",
  veilleDepuis: null,
  ...over,
});

describe("the state table (parcours.md §2.4)", () => {
  test("followed and not subject this month: on hold since the flow's DTREF", () => {
    assert.deepEqual(decideVeille(facts({ soumisCeMois: false }), p), {
      transition: "METTRE_EN_VEILLE",
      veilleDepuis: DTREF,
    });
  });
  test("on hold and subject again within 12 months: the follow-up resumes", () => {
    assert.deepEqual(decideVeille(facts({ parcours: "EN_VEILLE", veilleDepuis: "2025-11-30" }), p), {
      transition: "REPRENDRE",
    });
  });
  test("on hold since an unknown date and subject again: resumes (the safe reading)", () => {
    assert.deepEqual(decideVeille(facts({ parcours: "EN_VEILLE" }), p), { transition: "REPRENDRE" });
  });
  test("on hold more than 12 months and subject again: nothing here (a new entrant)", () => {
    assert.equal(decideVeille(facts({ parcours: "EN_VEILLE", veilleDepuis: "2025-01-31" }), p), null);
  });
  test("a veille is counted in months of flows, month ends included (a 6-month setting)", () => {
    const six = { suspensionMaxMois: 6 };
    // 30/09 + 6 months is 30/03 by days, yet March's flow (31/03) is the sixth since September's
    assert.equal(veilleLapsed("2025-09-30", "2026-03-31", six), false);
    assert.equal(veilleLapsed("2025-09-30", "2026-04-30", six), true);
    assert.equal(veilleLapsed("2025-08-31", "2026-02-28", six), false);
    assert.equal(veilleLapsed("2025-08-31", "2026-03-01", six), true);
  });
  const unchanged: [string, VeilleFacts][] = [
    ["followed and still subject", facts({})],
    [
      "on hold and still not subject",
      facts({ parcours: "EN_VEILLE", veilleDepuis: "2025-12-31", soumisCeMois: false }),
    ],
    ["the flag absent from the flow (followed)", facts({ soumisCeMois: null })],
    ["the flag absent from the flow (on hold)", facts({ parcours: "EN_VEILLE", soumisCeMois: null })],
    ["a pathway still to orient, not subject", facts({ parcours: "A_ORIENTER", soumisCeMois: false })],
    ["no pathway, not subject", facts({ parcours: null, soumisCeMois: false })],
    ["no pathway, subject", facts({ parcours: null })],
  ];
  for (const [name, f] of unchanged) test(`${name}: nothing`, () => assert.equal(decideVeille(f, p), null));
});

// any date from 2000 to 2039, month ends included (day 29–31 clamped to the month's last day)
const aDate = fc
  .record({
    y: fc.integer({ min: 2000, max: 2039 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, d }) => addMonths(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`, 0));

describe("the 12-month boundary (property-based)", () => {
  test("a flow of the 12th month after the veille's is not « more than 12 »: the follow-up resumes", () => {
    fc.assert(
      fc.property(aDate, fc.integer({ min: 1, max: 28 }), (since, day) => {
        const at = `${addMonths(since, 12).slice(0, 8)}${String(day).padStart(2, "0")}`;
        assert.equal(veilleLapsed(since, at, p), false);
        assert.deepEqual(
          decideVeille(facts({ parcours: "EN_VEILLE", veilleDepuis: since, dateReference: at }), p),
          {
            transition: "REPRENDRE",
          },
        );
      }),
    );
  });
  test("a flow of a later month: over, nothing resumes", () => {
    fc.assert(
      fc.property(
        aDate,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 28 }),
        (since, extra, day) => {
          const at = `${addMonths(`${since.slice(0, 8)}01`, 12 + extra).slice(0, 8)}${String(day).padStart(2, "0")}`;
          assert.equal(veilleLapsed(since, at, p), true);
          assert.equal(
            decideVeille(facts({ parcours: "EN_VEILLE", veilleDepuis: since, dateReference: at }), p),
            null,
          );
        },
      ),
    );
  });
  test("a return is either a resumed follow-up or a new entrant, never both, never neither", () => {
    fc.assert(
      fc.property(
        aDate,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 27 }),
        (since, months, days) => {
          const at = addMonths(since, months).slice(0, 8) + String(1 + days).padStart(2, "0");
          if (at < since) return;
          const resumes = decideVeille(
            facts({ parcours: "EN_VEILLE", veilleDepuis: since, dateReference: at }),
            p,
          );
          const entrant: NewEntrantFacts = {
            dateReference: at,
            etatDossier: "2",
            soumisCeMois: true,
            soumisMoisPrecedent: false,
            entrantSelonFlux: null,
            demandeRsaDate: null,
            suspensionPrecedente: null,
            suivi: { parcours: "EN_VEILLE", veilleDepuis: since, referentActif: true },
          };
          const decision = decideNewEntrant(entrant, p);
          assert.equal(resumes !== null, !decision.nouvelEntrant);
          if (decision.nouvelEntrant) assert.equal(decision.motif, "RETOUR_APRES_VEILLE_LONGUE");
        },
      ),
    );
  });
  test("the veille starts at the flow's reference date whatever the day", () => {
    fc.assert(
      fc.property(aDate, (dtref) => {
        assert.deepEqual(decideVeille(facts({ soumisCeMois: false, dateReference: dtref }), p), {
          transition: "METTRE_EN_VEILLE",
          veilleDepuis: dtref,
        });
      }),
    );
  });
});
