import assert from "node:assert/strict";
import { test } from "node:test";
import type { DiagnosticNeed } from "../diagnostic/diagnostic.schema";
import { planFromNeeds } from "./contract.plan-from-needs";

const need = (
  theme: DiagnosticNeed["theme"],
  code: string,
  echeance: string | null = null,
): DiagnosticNeed => ({
  theme,
  code,
  libelle: `Besoin ${code}`,
  impact: "FORT",
  statut: "A_TRAITER" as DiagnosticNeed["statut"],
  echeance,
});

test("one axis per theme in the needs' order, one objective per need, the deadline kept, no agreement presumed", () => {
  const plan = planFromNeeds([
    need("MOBILITE", "A", "2026-09-30"),
    need("LOGEMENT", "B"),
    need("MOBILITE", "C"),
  ]);
  assert.deepEqual(
    plan.map((a) => [a.theme, a.objectifs.map((o) => [o.libelle, o.echeance ?? null, o.accordPersonne])]),
    [
      [
        "Mobilité",
        [
          ["Besoin A", "2026-09-30", false],
          ["Besoin C", null, false],
        ],
      ],
      ["Logement", [["Besoin B", null, false]]],
    ],
  );
  assert.deepEqual(planFromNeeds([]), []);
});
