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
    assert.equal(decideVeille(facts({ parcours: "EN_VEILLE", veilleDepuis: "2025-02-27" }), p), null);
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
  test("exactly 12 months of veille is not « more than 12 »: the follow-up resumes", () => {
    fc.assert(
      fc.property(aDate, (since) => {
        const at = addMonths(since, 12);
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
  test("12 months and a day or more: over, nothing resumes", () => {
    fc.assert(
      fc.property(aDate, fc.integer({ min: 1, max: 800 }), (since, extra) => {
        const at = new Date(Date.parse(`${addMonths(since, 12)}T00:00:00Z`) + extra * 86_400_000)
          .toISOString()
          .slice(0, 10);
        assert.equal(veilleLapsed(since, at, p), true);
        assert.equal(
          decideVeille(facts({ parcours: "EN_VEILLE", veilleDepuis: since, dateReference: at }), p),
          null,
        );
      }),
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
