// Differential test: on random cohorts, the SQL of IND-V2-02 and SOC-ORI-30 agrees with a short, obvious
// TypeScript oracle (Paris calendar dates, `T1 < T0 + N days`, new entrants only or every pathway). Each run
// writes its pathways in a département of its own, so runs share one database without seeing each other.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { addDays, parisDate } from "../../shared/kernel/dates";
import { periodsBetween } from "../../shared/steering/steering.periods";
import { insertProfessional, insertStructure } from "../../test-support/builders";
import { testDb } from "../../test-support/db";
import type { DbHandle } from "../db/connect";
import { insertPathway, orient } from "./steering.fixtures";
import { computeIndicators } from "./steering.indicators";

let h: DbHandle;
let structureId: string;
let deciderId: string;
before(async () => {
  h = await testDb();
  const s = await insertStructure(h.db);
  structureId = s.id;
  deciderId = (await insertProfessional(h.db, { structure: s })).id;
});
after(() => h.close());

type Member = { t0: string; newEntrant: boolean; notifiedAt: string | null };

const day = fc.integer({ min: 0, max: 89 }).map((d) => addDays("2025-01-01", d));
// instants around midnight in Paris (UTC+1 in winter, UTC+2 from 30/03) exercise the calendar date
const hour = fc.constantFrom("08:00", "21:30", "22:30", "23:30");
const memberArb = fc.record({
  t0: day,
  newEntrant: fc.boolean(),
  delay: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  time: hour,
});

function oracle(members: Member[], month: string, days: number, newEntrantsOnly: boolean) {
  const cohort = members.filter((m) => m.t0.startsWith(month) && (!newEntrantsOnly || m.newEntrant));
  const inTime = cohort.filter(
    (m) => m.notifiedAt !== null && parisDate(new Date(m.notifiedAt)) < addDays(m.t0, days),
  );
  return [inTime.length, cohort.length];
}

let run = 0;
test("IND-V2-02 and SOC-ORI-30 agree with the oracle on random cohorts", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(memberArb, { minLength: 1, maxLength: 8 }), async (drawn) => {
      run += 1;
      const departement = `R${run}`;
      const members: Member[] = [];
      for (const d of drawn) {
        const p = await insertPathway(h.db, {
          t0: d.t0,
          departement,
          origine: d.newEntrant ? "INSCRIPTION_AUTO_CAF" : "INSCRIPTION_VOLONTAIRE",
        });
        const notifiedAt = d.delay === null ? null : `${addDays(d.t0, d.delay)}T${d.time}:00Z`;
        if (notifiedAt)
          await orient(h.db, p, { at: notifiedAt, parcours: "PRO", organisme: "FT", structureId, deciderId });
        members.push({ t0: d.t0, newEntrant: d.newEntrant, notifiedAt });
      }
      const r = await computeIndicators(h.db, {
        territory: { niveau: "departement", code: departement, nom: departement },
        de: "2025-01",
        a: "2025-03",
        granularite: "mois",
        today: "2026-01-01",
        only: ["IND-V2-02", "SOC-ORI-30"],
      });
      const [v202, ori30] = r.indicateurs;
      for (const [k, p] of periodsBetween("2025-01", "2025-03", "mois").entries()) {
        const a = v202!.valeurs[k]!;
        const b = ori30!.valeurs[k]!;
        assert.deepEqual(
          [a.numerateur, a.denominateur],
          oracle(members, p.label, 15, true),
          `IND-V2-02 ${p.label}`,
        );
        assert.deepEqual(
          [b.numerateur, b.denominateur],
          oracle(members, p.label, 30, false),
          `SOC-ORI-30 ${p.label}`,
        );
      }
    }),
    { numRuns: 30 },
  );
});
