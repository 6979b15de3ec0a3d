import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkSimpleValue, validateElement, vrsbSchema } from "./vrsb-schema";
import type { XmlNode } from "./xml-node";

const leaf = (name: string, text: string): XmlNode => ({ name, line: 1, children: [], text });
const node = (name: string, children: XmlNode[]): XmlNode => ({ name, line: 1, children, text: "\n" });

describe("simple types of VRSB 08.01", () => {
  test("dates, times, booleans, integers and decimals with their facets", () => {
    const cases: [Parameters<typeof checkSimpleValue>[0], string, boolean][] = [
      [{ base: "date" }, "2026-02-28", true],
      [{ base: "date" }, "2026-02-30", false],
      [{ base: "date" }, "28/02/2026", false],
      [{ base: "date" }, "2026-02-28+01:00", true],
      [{ base: "time" }, "01:18:36.0000", true],
      [{ base: "time" }, "25:00:00", false],
      [{ base: "boolean" }, "1", true],
      [{ base: "boolean" }, "oui", false],
      [{ base: "integer", totalDigits: 15 }, "000000800000001", true],
      [{ base: "integer", totalDigits: 3 }, "1234", false],
      [{ base: "integer" }, "12a", false],
      [{ base: "decimal", totalDigits: 9, fractionDigits: 2 }, "0001675.00", true],
      [{ base: "decimal", totalDigits: 9, fractionDigits: 2 }, "1.234", false],
      [{ base: "string", maxLength: 3 }, "CG ", true],
      [{ base: "string", maxLength: 3 }, "080 ", false],
      [{ base: "string", maxLength: 28 }, "ŒUVRARD-ÉPREUVE", true],
    ];
    for (const [t, v, ok] of cases)
      assert.equal(checkSimpleValue(t, v) === undefined, ok, `${t.base} « ${v} »`);
  });
});

describe("element structure", () => {
  const schema = vrsbSchema();
  test("a complete Organisme block is valid; order, absence and unknown elements are reported with their path", () => {
    const org = schema.element("Organisme");
    assert.deepEqual(
      validateElement(
        org,
        node("Organisme", [leaf("FONORG", "CAF"), leaf("NUMORG", "801"), leaf("MATRICULE", "123")]),
      ),
      [],
    );
    assert.deepEqual(
      validateElement(org, node("Organisme", [leaf("FONORG", "CAF"), leaf("MATRICULE", "123")])),
      [{ path: "Organisme/NUMORG", message: "élément obligatoire absent" }],
    );
    assert.deepEqual(
      validateElement(
        org,
        node("Organisme", [leaf("NUMORG", "801"), leaf("FONORG", "CAF"), leaf("MATRICULE", "123")]),
      ),
      [
        { path: "Organisme/FONORG", message: "élément obligatoire absent" },
        { path: "Organisme/FONORG", message: "élément en trop ou mal placé" },
      ],
    );
    assert.deepEqual(
      validateElement(
        org,
        node("Organisme", [
          leaf("FONORG", "CAF"),
          leaf("NUMORG", "801"),
          leaf("MATRICULE", "12x"),
          leaf("AUTRE", ""),
        ]),
      ),
      [
        { path: "Organisme/MATRICULE", message: "nombre entier attendu" },
        { path: "Organisme/AUTRE", message: "élément inconnu du schéma VRSB 08.01" },
      ],
    );
  });
  test("repeated elements are numbered (Personne, Prestations) and counted against minOccurs/maxOccurs", () => {
    const decl = schema.element("Personne");
    const issues = validateElement(
      decl,
      node("Personne", [node("Identification", []), node("DossierCAF", []), node("Prestations", [])]),
      "InfosFoyerRSA/Personne[2]",
    );
    assert.ok(
      issues.some(
        (i) =>
          i.path === "InfosFoyerRSA/Personne[2]/Prestations" &&
          i.message === "présent 1 fois, au moins 2 attendus",
      ),
    );
    assert.ok(issues.some((i) => i.path === "InfosFoyerRSA/Personne[2]/Identification/DTNAI"));
  });
});
