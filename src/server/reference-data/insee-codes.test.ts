import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { padCommuneCode, padZoneEmploiCode } from "./insee-codes";

describe("right paths", () => {
  test("a commune code that lost its leading zero gets it back", () => {
    assert.equal(padCommuneCode("1001"), "01001");
    assert.equal(padCommuneCode("80021"), "80021");
    assert.equal(padCommuneCode("97617"), "97617");
  });
  test("Corsican commune codes are kept as they are", () => {
    assert.equal(padCommuneCode("2A004"), "2A004");
    assert.equal(padCommuneCode("2b033"), "2B033");
  });
  test("a zone d'emploi code is padded to 4 digits", () => {
    assert.equal(padZoneEmploiCode("51"), "0051");
    assert.equal(padZoneEmploiCode("601"), "0601");
    assert.equal(padZoneEmploiCode("8405"), "8405");
  });
});

describe("wrong paths", () => {
  test("codes that cannot be repaired are rejected", () => {
    assert.throws(() => padCommuneCode(""), /Code commune INSEE invalide/);
    assert.throws(() => padCommuneCode("123456"), /Code commune INSEE invalide/);
    assert.throws(() => padCommuneCode("101"), /Code commune INSEE invalide/);
    assert.throws(() => padCommuneCode("2C001"), /Code commune INSEE invalide/);
    assert.throws(() => padCommuneCode("2A01"), /Code commune INSEE invalide/);
    assert.throws(() => padZoneEmploiCode("84051"), /Code de zone d'emploi invalide/);
    assert.throws(() => padZoneEmploiCode("A1"), /Code de zone d'emploi invalide/);
    assert.throws(() => padZoneEmploiCode(" "), /Code de zone d'emploi invalide/);
  });
});
