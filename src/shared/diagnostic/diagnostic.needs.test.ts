import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { needsFromDiagnostic } from "./diagnostic.needs";
import { diagnosticContentSchema } from "./diagnostic.schema";

const content = (themes: unknown) => diagnosticContentSchema.parse({ themes });

describe("needsFromDiagnostic", () => {
  test("lists the needs of every theme, in the référentiel's order, with impact, status and deadline", () => {
    const needs = needsFromDiagnostic(
      content({
        MOBILITE: { besoins: ["MOBILITE_PASSER_PERMIS"], impact: "FAIBLE", statut: "IDENTIFIE" },
        LOGEMENT: {
          situations: ["LOGEMENT_HEBERGE_TIERS"],
          besoins: ["LOGEMENT_AIDES", "LOGEMENT_ACCES_SOCIAL"],
          impact: "FORT",
          statut: "EN_COURS",
          echeance: "2026-09-30",
        },
      }),
    );
    assert.deepEqual(
      needs.map((n) => [n.theme, n.code, n.impact, n.statut, n.echeance]),
      [
        ["LOGEMENT", "LOGEMENT_ACCES_SOCIAL", "FORT", "EN_COURS", "2026-09-30"],
        ["LOGEMENT", "LOGEMENT_AIDES", "FORT", "EN_COURS", "2026-09-30"],
        ["MOBILITE", "MOBILITE_PASSER_PERMIS", "FAIBLE", "IDENTIFIE", null],
      ],
    );
    assert.equal(needs[0]?.libelle, "Accéder à un logement social");
  });

  test("a lifted barrier gives no objective; one without solution still does", () => {
    const needs = needsFromDiagnostic(
      content({
        LOGEMENT: { besoins: ["LOGEMENT_ACCES_SOCIAL"], impact: "FORT", statut: "LEVE" },
        NUMERIQUE: { besoins: ["NUMERIQUE_EQUIPEMENT"], impact: "FAIBLE", statut: "SANS_SOLUTION" },
      }),
    );
    assert.deepEqual(
      needs.map((n) => n.code),
      ["NUMERIQUE_EQUIPEMENT"],
    );
  });

  test("a theme with situations but no need gives nothing; an empty diagnostic gives nothing", () => {
    assert.deepEqual(needsFromDiagnostic(content({ SANTE: { situations: ["SANTE_SANS_SUIVI"] } })), []);
    assert.deepEqual(needsFromDiagnostic(content({})), []);
  });
});
