import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { formatHours, programmeTotals, weeklyProgrammeSchema } from "./contract.programme";
import { activityCodes } from "./contract.referentiel";

const week = (activites: { code: string; heuresPrevues: number; heuresRealisees?: number }[], extra = {}) =>
  weeklyProgrammeSchema.parse({ semaineIso: "2026-W50", activites, ...extra });

describe("weekly programme", () => {
  test("15 hours planned across activities and a structuring action meet the default target", () => {
    const t = programmeTotals(
      week([
        { code: "7.1", heuresPrevues: 3 },
        { code: "3.3", heuresPrevues: 2.5, heuresRealisees: 2 },
        { code: "13.3", heuresPrevues: 9.5 },
      ]),
    );
    assert.deepEqual(t, {
      planned: 15,
      done: 2,
      target: 15,
      targetMet: true,
      missing: 0,
      structuring: 9.5,
      accompaniment: 5.5,
    });
  });

  test("12 hours planned: 3 hours missing, the target is not met", () => {
    const t = programmeTotals(week([{ code: "8.1", heuresPrevues: 12 }]));
    assert.equal(t.targetMet, false);
    assert.equal(t.missing, 3);
  });

  test("a lowered target needs a reason and who decided; then it counts", () => {
    assert.throws(
      () => week([{ code: "8.1", heuresPrevues: 8 }], { cibleHeures: 8 }),
      /Une cible inférieure à 15 heures demande un motif/,
    );
    const t = programmeTotals(
      week([{ code: "8.1", heuresPrevues: 8 }], {
        cibleHeures: 8,
        cibleReduite: { motif: "SANTE", decidePar: "Claire Martin, référente" },
      }),
    );
    assert.deepEqual([t.target, t.targetMet, t.missing], [8, true, 0]);
  });

  test("unknown activity, the same activity twice, hours not by quarter: French messages", () => {
    assert.throws(() => week([{ code: "99.9", heuresPrevues: 1 }]), /Activité inconnue du référentiel/);
    assert.throws(
      () =>
        week([
          { code: "7.1", heuresPrevues: 1 },
          { code: "7.1", heuresPrevues: 2 },
        ]),
      /figure déjà dans la semaine/,
    );
    assert.throws(() => week([{ code: "7.1", heuresPrevues: 1.1 }]), /Par quarts d'heure/);
    assert.throws(
      () => weeklyProgrammeSchema.parse({ semaineIso: "2026-50", activites: [] }),
      /Semaine attendue au format AAAA-Wnn/,
    );
  });

  test("property: planned = accompaniment + structuring; missing = max(0, target − planned)", () => {
    const codes = fc.uniqueArray(fc.constantFrom(...activityCodes), { maxLength: 10 });
    fc.assert(
      fc.property(
        codes,
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 10, maxLength: 10 }),
        (cs, q) => {
          const t = programmeTotals(week(cs.map((code, i) => ({ code, heuresPrevues: q[i]! / 4 }))));
          assert.equal(t.accompaniment + t.structuring, t.planned);
          assert.equal(t.missing, Math.max(0, 15 - t.planned));
          assert.equal(t.targetMet, t.planned >= 15);
        },
      ),
    );
  });

  test("hours read the French way", () => {
    assert.deepEqual([15, 12.5, 0.25, 2.75].map(formatHours), ["15 h", "12 h 30", "0 h 15", "2 h 45"]);
  });
});
