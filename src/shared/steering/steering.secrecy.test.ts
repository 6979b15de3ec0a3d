import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { type SecrecyCell, type SecrecyRelation, suppressSmallCells } from "./steering.secrecy";

const K = 11;

/** A rows × cols table with its row totals, column totals and grand total, as cells and relations. */
function tableWithMargins(values: number[][]): { cells: SecrecyCell[]; relations: SecrecyRelation[] } {
  const rows = values.length;
  const cols = values[0]!.length;
  const cells: SecrecyCell[] = [];
  const relations: SecrecyRelation[] = [];
  let grand = 0;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) cells.push({ id: `c${r}.${c}`, value: values[r]![c]! });
  for (let r = 0; r < rows; r++) {
    const total = values[r]!.reduce((s, v) => s + v, 0);
    grand += total;
    cells.push({ id: `r${r}`, value: total });
    relations.push({ total: `r${r}`, members: values[r]!.map((_, c) => `c${r}.${c}`) });
  }
  for (let c = 0; c < cols; c++) {
    cells.push({ id: `k${c}`, value: values.reduce((s, row) => s + row[c]!, 0) });
    relations.push({ total: `k${c}`, members: values.map((_, r) => `c${r}.${c}`) });
  }
  cells.push({ id: "g", value: grand });
  relations.push({ total: "g", members: values.map((_, r) => `r${r}`) });
  relations.push({ total: "g", members: values[0]!.map((_, c) => `k${c}`) });
  return { cells, relations };
}

/** Small counts are frequent in real tables: half the draws fall under the threshold. */
const countArb = fc.oneof(fc.integer({ min: 0, max: K - 1 }), fc.integer({ min: 0, max: 200 }));
const tableArb = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([r, c]) =>
    fc.array(fc.array(countArb, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
  );

function check(cells: SecrecyCell[], relations: SecrecyRelation[], k: number) {
  const { primary, secondary } = suppressSmallCells(cells, relations, k);
  const value = new Map(cells.map((c) => [c.id, c.value]));
  const structural = new Set(cells.filter((c) => c.structural).map((c) => c.id));
  const hidden = (id: string) => primary.has(id) || secondary.has(id) || structural.has(id);
  // every published cell is 0 or at least k
  for (const c of cells)
    if (!hidden(c.id)) assert.ok(c.value === 0 || c.value >= k, `published ${c.id}=${c.value}`);
  for (const r of relations) {
    // « published total − sum of published members » is 0 or at least k
    if (!hidden(r.total)) {
      const published = r.members.filter((m) => !hidden(m)).reduce((s, m) => s + value.get(m)!, 0);
      const difference = value.get(r.total)! - published;
      assert.ok(difference === 0 || difference >= k, `difference ${difference} in relation of ${r.total}`);
    }
    // no relation leaves a single (non-structural) hidden cell to recover by subtraction
    const hiddenCells = [r.total, ...r.members].filter(hidden);
    if (hiddenCells.length === 1)
      assert.ok(structural.has(hiddenCells[0]!), `single hidden ${hiddenCells[0]}`);
  }
  return { primary, secondary };
}

describe("primary and secondary suppression", () => {
  test("a row with a published total: the small cell and the next smallest are hidden", () => {
    // row: 4 + 30 + 50 = 84. 4 < 11 is primary; hiding it alone would give 84 − 80 = 4, so the next
    // smallest (30) goes too: 84 − 50 = 34 = 4 + 30, which no longer reveals the 4.
    const cells: SecrecyCell[] = [
      { id: "a", value: 4 },
      { id: "b", value: 30 },
      { id: "c", value: 50 },
      { id: "t", value: 84 },
    ];
    const { primary, secondary } = suppressSmallCells(cells, [{ total: "t", members: ["a", "b", "c"] }], K);
    assert.deepEqual([...primary], ["a"]);
    assert.deepEqual([...secondary], ["b"]);
  });

  test("two small cells whose sum is still small: a third cell is hidden", () => {
    // 3 + 4 + 20 + 40 = 67: hiding 3 and 4 gives 67 − 60 = 7 < 11, so 20 is hidden as well (7 + 20 = 27)
    const cells: SecrecyCell[] = [
      { id: "a", value: 3 },
      { id: "b", value: 4 },
      { id: "c", value: 20 },
      { id: "d", value: 40 },
      { id: "t", value: 67 },
    ];
    const r = suppressSmallCells(cells, [{ total: "t", members: ["a", "b", "c", "d"] }], K);
    assert.deepEqual([...r.primary].sort(), ["a", "b"]);
    assert.deepEqual([...r.secondary], ["c"]);
  });

  test("zeros and cells at the threshold are published", () => {
    const cells: SecrecyCell[] = [
      { id: "a", value: 0 },
      { id: "b", value: 11 },
      { id: "t", value: 11 },
    ];
    const r = suppressSmallCells(cells, [{ total: "t", members: ["a", "b"] }], K);
    assert.equal(r.primary.size + r.secondary.size, 0);
  });

  test("a rate whose complement is small hides its numerator (« nearly everyone »)", () => {
    // 45 of 50 oriented: 50 − 45 = 5 would disclose the 5 not oriented; the numerator is hidden
    const cells: SecrecyCell[] = [
      { id: "num", value: 45 },
      { id: "rest", value: 5, structural: true },
      { id: "den", value: 50 },
    ];
    const r = check(cells, [{ total: "den", members: ["num", "rest"] }], K);
    assert.deepEqual([...r.secondary], ["num"]);
  });

  test("the threshold is a parameter", () => {
    const cells: SecrecyCell[] = [
      { id: "a", value: 4 },
      { id: "t", value: 4 },
    ];
    assert.equal(suppressSmallCells(cells, [], 3).primary.size, 0);
    assert.equal(suppressSmallCells(cells, [], 5).primary.size, 2);
  });
});

describe("property: nothing below the threshold can be read or subtracted", () => {
  test("random tables with row, column and grand totals", () => {
    fc.assert(
      fc.property(tableArb, (values) => {
        const { cells, relations } = tableWithMargins(values);
        const { primary } = check(cells, relations, K);
        for (const c of cells) if (c.value > 0 && c.value < K) assert.ok(primary.has(c.id));
      }),
      { numRuns: 500 },
    );
  });

  test("random rates by category: numerators, complements and denominators", () => {
    const rowArb = fc.tuple(countArb, countArb).map(([a, b]) => ({ num: a, den: a + b }));
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 2, max: 20 }),
        (rows, k) => {
          const cells: SecrecyCell[] = [];
          const relations: SecrecyRelation[] = [];
          rows.forEach((r, i) => {
            cells.push({ id: `n${i}`, value: r.num }, { id: `d${i}`, value: r.den });
            cells.push({ id: `x${i}`, value: r.den - r.num, structural: true });
            relations.push({ total: `d${i}`, members: [`n${i}`, `x${i}`] });
          });
          const num = rows.reduce((s, r) => s + r.num, 0);
          const den = rows.reduce((s, r) => s + r.den, 0);
          cells.push(
            { id: "N", value: num },
            { id: "D", value: den },
            { id: "X", value: den - num, structural: true },
          );
          relations.push({ total: "D", members: ["N", "X"] });
          relations.push({ total: "N", members: rows.map((_, i) => `n${i}`) });
          relations.push({ total: "D", members: rows.map((_, i) => `d${i}`) });
          check(cells, relations, k);
        },
      ),
      { numRuns: 300 },
    );
  });
});
