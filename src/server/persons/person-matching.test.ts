import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { decideMatch, type IncomingIdentity, type MatchCandidate, sameFirstName } from "./person-matching";

const incoming: IncomingIdentity = {
  nirIndex: "nir-A",
  franceTravailId: "1234567A",
  caf: { organisme: "CAF", numorg: "801", matricule: "42", role: "DEM" },
  birthName: "ESSAI",
  firstNames: "LÉA",
  birthDate: "1985-05-14",
};
const person = (over: Partial<MatchCandidate>): MatchCandidate => ({
  id: "p1",
  nirIndex: null,
  franceTravailId: null,
  cafOrganisme: null,
  cafNumorg: null,
  cafMatricule: null,
  householdRole: null,
  birthName: "Autre",
  usageName: null,
  firstNames: "Jeanne",
  birthDate: "1990-01-01",
  sex: null,
  birthPlace: null,
  addressLine: null,
  postalCode: null,
  communeCode: null,
  departement: "80",
  ...over,
});
const cafOf = {
  cafOrganisme: "CAF" as const,
  cafNumorg: "801",
  cafMatricule: "42",
  householdRole: "DEM" as const,
};

describe("matching order (parcours.md §1.5)", () => {
  test("(1) same NIR wins over every other identifier", () => {
    const byNir = person({ id: "nir", nirIndex: "nir-A", birthDate: "1985-05-14" });
    const byFt = person({ id: "ft", franceTravailId: "1234567A", birthDate: "1985-05-14" });
    assert.deepEqual(decideMatch(incoming, [byFt, byNir]), {
      kind: "same_person",
      personId: "nir",
      by: "nir",
    });
  });
  test("(2) same France Travail number, (3) same CAF/MSA file + role + birth date", () => {
    assert.deepEqual(
      decideMatch(incoming, [person({ id: "ft", franceTravailId: "1234567A", birthDate: "1985-05-14" })]),
      {
        kind: "same_person",
        personId: "ft",
        by: "france_travail",
      },
    );
    assert.deepEqual(decideMatch(incoming, [person({ id: "caf", ...cafOf, birthDate: "1985-05-14" })]), {
      kind: "same_person",
      personId: "caf",
      by: "caf",
    });
    // another role or another birth date in the same file is another person
    assert.deepEqual(
      decideMatch(incoming, [
        person({ ...cafOf, householdRole: "CJT", birthDate: "1985-05-14" }),
        person({ ...cafOf, birthDate: "1986-05-14" }),
      ]),
      {
        kind: "new_person",
      },
    );
  });
  test("(4) same birth name, first name and birth date without a shared strong identifier: possible duplicate, never merged", () => {
    const twin = person({ id: "dup", birthName: "Essai", firstNames: "Léa Marie", birthDate: "1985-05-14" });
    assert.deepEqual(decideMatch(incoming, [twin]), { kind: "possible_duplicate", candidateIds: ["dup"] });
    assert.deepEqual(decideMatch(incoming, [person({ ...twin, nirIndex: "nir-B" })]), {
      kind: "possible_duplicate",
      candidateIds: ["dup"],
    });
  });
  test("nothing in common, or e-mail-like coincidences only: a new person", () => {
    assert.deepEqual(decideMatch(incoming, []), { kind: "new_person" });
    assert.deepEqual(
      decideMatch(incoming, [person({ birthName: "ESSAI", firstNames: "LÉA", birthDate: "1985-05-15" })]),
      { kind: "new_person" },
    );
  });
});

describe("conflicts are never resolved automatically", () => {
  test("same NIR, another birth date", () => {
    const d = decideMatch(incoming, [person({ id: "x", nirIndex: "nir-A", birthDate: "1985-05-15" })]);
    assert.equal(d.kind, "conflict");
    assert.ok(d.kind === "conflict" && d.conflict === "birth_date" && d.by === "nir" && d.personId === "x");
    assert.match(
      d.kind === "conflict" ? d.message : "",
      /^Même NIR qu'un dossier existant, mais une date de naissance différente/,
    );
  });
  test("same France Travail number or CAF file, another NIR", () => {
    const ft = decideMatch(incoming, [
      person({ franceTravailId: "1234567A", nirIndex: "nir-B", birthDate: "1985-05-14" }),
    ]);
    assert.ok(ft.kind === "conflict" && ft.conflict === "nir" && ft.by === "france_travail");
    const caf = decideMatch(incoming, [person({ ...cafOf, nirIndex: "nir-B", birthDate: "1985-05-14" })]);
    assert.ok(caf.kind === "conflict" && caf.conflict === "nir" && caf.by === "caf");
  });
});

describe("properties", () => {
  const candidate = fc.record({
    nirIndex: fc.constantFrom(null, "nir-A", "nir-B"),
    franceTravailId: fc.constantFrom(null, "1234567A", "7654321B"),
    caf: fc.boolean(),
    birthName: fc.constantFrom("ESSAI", "Essai", "AUTRE"),
    firstNames: fc.constantFrom("LÉA", "Léa Marie", "ZOÉ"),
    birthDate: fc.constantFrom("1985-05-14", "1985-05-15"),
  });
  test("a same-person decision always rests on a shared strong identifier and an equal birth date", () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 5 }), (cs) => {
        const cands = cs.map((c, i) => person({ ...c, id: `p${i}`, ...(c.caf ? cafOf : {}) }));
        const d = decideMatch(incoming, cands);
        if (d.kind !== "same_person") return;
        const c = cands.find((x) => x.id === d.personId)!;
        assert.equal(c.birthDate, incoming.birthDate);
        assert.ok(
          c.nirIndex === incoming.nirIndex ||
            c.franceTravailId === incoming.franceTravailId ||
            c.cafMatricule === "42",
        );
        assert.ok(c.nirIndex === null || c.nirIndex === incoming.nirIndex);
      }),
    );
  });
  test("the decision does not depend on the order of the candidates when strong identifiers are unique", () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 4 }), (cs) => {
        const unique = cs.filter(
          (c, i) => cs.findIndex((x) => x.nirIndex && x.nirIndex === c.nirIndex) === i || !c.nirIndex,
        );
        const cands = unique.map((c, i) => person({ ...c, id: `p${i}`, franceTravailId: null }));
        const a = decideMatch(incoming, cands);
        const b = decideMatch(incoming, [...cands].reverse());
        assert.equal(a.kind, b.kind);
      }),
    );
  });
  test("first names: the same list, or one starting the other", () => {
    assert.ok(sameFirstName("Léa", "LEA MARIE"));
    assert.ok(sameFirstName("Jean-Pierre", "JEAN PIERRE"));
    assert.ok(!sameFirstName("Jean", "Jeanne"));
    assert.ok(!sameFirstName("", "Léa"));
  });
});
