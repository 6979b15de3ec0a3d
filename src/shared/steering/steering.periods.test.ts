import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { indicatorCatalogue } from "./steering.catalogue";
import { isCohortMature, monthSpan, periodsBetween } from "./steering.periods";

test("months, quarters, years and rolling 12 months between two months", () => {
  assert.deepEqual(periodsBetween("2025-01", "2025-02", "mois"), [
    { label: "2025-01", start: "2025-01-01", end: "2025-01-31" },
    { label: "2025-02", start: "2025-02-01", end: "2025-02-28" },
  ]);
  assert.deepEqual(
    periodsBetween("2025-02", "2025-04", "trimestre").map((p) => [p.label, p.start, p.end]),
    [
      ["2025-T1", "2025-01-01", "2025-03-31"],
      ["2025-T2", "2025-04-01", "2025-06-30"],
    ],
  );
  assert.deepEqual(
    periodsBetween("2024-12", "2025-01", "annee").map((p) => p.label),
    ["2024", "2025"],
  );
  assert.deepEqual(periodsBetween("2025-12", "2025-12", "glissant_12_mois"), [
    { label: "2025-01/2025-12", start: "2025-01-01", end: "2025-12-31" },
  ]);
  assert.deepEqual(periodsBetween("2025-03", "2025-01", "mois"), []);
});

test("monthly periods tile the range: consecutive, no gap, one per month", () => {
  const month = fc
    .tuple(fc.integer({ min: 2000, max: 2040 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);
  fc.assert(
    fc.property(month, fc.integer({ min: 0, max: 40 }), (from, extra) => {
      const all = periodsBetween(from, periodsBetween(from, from, "mois")[0]!.label, "mois");
      assert.equal(all.length, 1);
      const [y, m] = from.split("-").map(Number) as [number, number];
      const i = y * 12 + m - 1 + extra;
      const to = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
      const ps = periodsBetween(from, to, "mois");
      assert.equal(ps.length, monthSpan(from, to));
      for (let k = 1; k < ps.length; k++) {
        const next = new Date(`${ps[k - 1]!.end}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        assert.equal(next.toISOString().slice(0, 10), ps[k]!.start);
      }
    }),
  );
});

test("a cohort is mature once its whole window has elapsed after the period's end", () => {
  const january = { label: "2025-01", start: "2025-01-01", end: "2025-01-31" };
  // T0 = 31/01 is within 15 days up to 14/02 included: the cohort is complete on 15/02
  assert.equal(isCohortMature(january, 15, "2025-02-14"), false);
  assert.equal(isCohortMature(january, 15, "2025-02-15"), true);
  assert.equal(isCohortMature(january, 15, "2025-02-15", 1), false);
});

test("the catalogue: unique ids, French names, cohort indicators carry their window", () => {
  const ids = indicatorCatalogue.map((i) => i.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const i of indicatorCatalogue) {
    assert.ok(i.nom.length > 0 && i.definition.length > 0, i.id);
    if (i.kind === "cohorte") assert.ok(i.windowDays && i.windowDays > 0, `${i.id} needs a window`);
    if (i.unit === "taux") assert.ok(i.denominateur, `${i.id} needs a denominator`);
    if (i.defaultBreakdown) assert.ok(i.breakdowns.includes(i.defaultBreakdown), i.id);
  }
  assert.ok(indicatorCatalogue.some((i) => i.missing === "dsn" && i.formatEntree));
});
