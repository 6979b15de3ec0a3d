import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { matchPersonByIdentity } from "./identity-matching";

const lea = { id: "p1", birthName: "DURAND", firstNames: "Léa Marie" };
const paul = { id: "p2", birthName: "DURAND", firstNames: "Paul" };

describe("right paths", () => {
  test("the only file with the same birth name and given names is chosen, whatever the case and accents", () => {
    assert.equal(matchPersonByIdentity([lea, paul], { familyName: "Durand", givenName: "lea marie" }), "p1");
    assert.equal(matchPersonByIdentity([lea], { familyName: "DURAND", givenName: "Léa-Marie" }), "p1");
  });
});

describe("wrong paths", () => {
  test("two files with the same identity: no match rather than a guess", () => {
    assert.equal(
      matchPersonByIdentity([lea, { ...lea, id: "p3" }], { familyName: "Durand", givenName: "Léa Marie" }),
      undefined,
    );
  });

  test("a different or partial given name does not match", () => {
    assert.equal(matchPersonByIdentity([lea], { familyName: "Durand", givenName: "Léa" }), undefined);
    assert.equal(matchPersonByIdentity([lea], { familyName: "Dupont", givenName: "Léa Marie" }), undefined);
  });

  test("empty claims never match", () => {
    assert.equal(
      matchPersonByIdentity([{ id: "x", birthName: "", firstNames: "" }], { familyName: "", givenName: "" }),
      undefined,
    );
  });
});
