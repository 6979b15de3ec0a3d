// « Needs found feed the plan » (parcours.md §5.2, issue 4): the needs of the shared diagnostic become the
// first draft of the plan d'action — one axis per theme, one objective per need, its deadline when the
// diagnostic gave one. The person's agreement is never presumed (accordPersonne false); the référent and the
// person then complete, reword or remove them.
import { diagnosticReferentiel } from "../diagnostic/diagnostic.referentiel";
import type { DiagnosticNeed } from "../diagnostic/diagnostic.schema";
import type { ContractContent } from "./contract.schema";

type PlanAxis = ContractContent["planAction"][number];

const MAX_AXES = 10;
const MAX_OBJECTIVES = 10;

export function planFromNeeds(needs: readonly DiagnosticNeed[]): PlanAxis[] {
  const axes = new Map<string, PlanAxis>();
  for (const need of needs) {
    const theme = diagnosticReferentiel[need.theme]?.libelle ?? need.theme;
    let axis = axes.get(theme);
    if (!axis) {
      if (axes.size >= MAX_AXES) continue;
      axis = { theme, objectifs: [] };
      axes.set(theme, axis);
    }
    if (axis.objectifs.length >= MAX_OBJECTIVES) continue;
    axis.objectifs.push({
      libelle: need.libelle,
      ...(need.echeance && /^\d{4}-\d{2}-\d{2}$/.test(need.echeance) ? { echeance: need.echeance } : {}),
      accordPersonne: false,
      actions: [],
    });
  }
  return [...axes.values()];
}
