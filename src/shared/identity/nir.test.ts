import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { checkNir, maskNir, nirKey } from "./nir";

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(""));
const month = fc.integer({ min: 1, max: 12 }).map((m) => String(m).padStart(2, "0"));
const dept = fc.oneof(
  fc.integer({ min: 1, max: 95 }).map((d) => String(d).padStart(2, "0")),
  fc.constantFrom("2A", "2B", "99"),
);
const nir13Arb = fc
  .tuple(fc.constantFrom("1", "2"), digits(2), month, dept, digits(6))
  .map(([s, yy, mm, dd, rest]) => `${s}${yy}${mm}${dd}${rest}`);

describe("right paths", () => {
  test("a NIR with its computed key is accepted", () => {
    fc.assert(
      fc.property(nir13Arb, (n13) => {
        const r = checkNir(n13 + nirKey(n13));
        assert.equal(r.ok, true);
      }),
    );
  });

  test("known examples, including Corsica", () => {
    // 1 84 12 76 451 089 → key 97 − (1841276451089 mod 97)
    assert.equal(checkNir("1 84 12 76 451 089 46").ok, true);
    // Corsica: 2A counts as 19, 2B as 18
    const ajaccio = "285052A004012";
    assert.equal(nirKey(ajaccio), String(97n - (BigInt("2850519004012") % 97n)).padStart(2, "0"));
    assert.equal(checkNir(ajaccio + nirKey(ajaccio)).ok, true);
    const bastia = "190052B033121";
    assert.equal(nirKey(bastia), String(97n - (BigInt("1900518033121") % 97n)).padStart(2, "0"));
  });

  test("the mask hides the birth place and order number", () => {
    assert.equal(maskNir("184127645108946"), "1 84 12 •• ••• ••• 46");
  });
});

describe("wrong paths", () => {
  test("any single-digit change of a valid NIR is rejected", () => {
    fc.assert(
      fc.property(nir13Arb, fc.nat(14), fc.integer({ min: 1, max: 9 }), (n13, pos, delta) => {
        const valid = n13 + nirKey(n13);
        const c = valid[pos]!;
        if (!/\d/.test(c)) return; // the letter of 2A/2B is covered below
        const changed = valid.slice(0, pos) + String((Number(c) + delta) % 10) + valid.slice(pos + 1);
        assert.equal(checkNir(changed).ok, false, `${changed} accepté à tort`);
      }),
      { numRuns: 2000 },
    );
  });

  test("swapping 2A and 2B is detected", () => {
    const n13 = "185052A123456";
    const valid = n13 + nirKey(n13);
    assert.equal(checkNir(valid.replace("2A", "2B")).ok, false);
  });

  test("malformed NIRs get a French message", () => {
    for (const bad of ["", "123", "584127645108946", "1841276451089", "18413764510894X"]) {
      const r = checkNir(bad);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.message, /NIR/);
    }
  });
});
