import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { isValidSiret, withLuhnDigit } from "./siret";

test("a real SIRET is accepted (DINUM, 130 025 265 00013)", () => {
  assert.equal(isValidSiret("13002526500013"), true);
});

test("a completed number is valid and any single-digit change breaks it", () => {
  fc.assert(
    fc.property(
      fc.stringMatching(/^[1-9]\d{12}$/),
      fc.nat(13),
      fc.integer({ min: 1, max: 9 }),
      (base, pos, delta) => {
        const siret = withLuhnDigit(base);
        assert.equal(isValidSiret(siret), true);
        const changed =
          siret.slice(0, pos) + String((Number(siret[pos]) + delta) % 10) + siret.slice(pos + 1);
        if (changed.startsWith("356000000")) return;
        assert.equal(isValidSiret(changed), false);
      },
    ),
  );
});
