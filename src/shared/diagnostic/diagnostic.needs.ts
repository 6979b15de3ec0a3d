// The needs a diagnostic hands to the contrat d'engagement (parcours.md §5.2: « besoins[] (which become
// contract objectives) »). Pure: the contract capability calls it on the current version's content.
// Only the shared content is read: the restricted compartment never feeds objectives or extracts.
import { diagnosticReferentiel, diagnosticThemeCodes, referentielLabel } from "./diagnostic.referentiel";
import type { DiagnosticContent, DiagnosticNeed } from "./diagnostic.schema";

/**
 * Every need checked under a theme whose barrier is not lifted (`LEVE`), in the référentiel's order of
 * themes and needs. `SANS_SOLUTION` needs are kept: they still call for an objective, and the committees'
 * anonymised reports count them.
 */
export function needsFromDiagnostic(content: Pick<DiagnosticContent, "themes">): DiagnosticNeed[] {
  const needs: DiagnosticNeed[] = [];
  for (const theme of diagnosticThemeCodes) {
    const entry = content.themes[theme];
    if (!entry || entry.statut === "LEVE") continue;
    const order = diagnosticReferentiel[theme].besoins.map((b) => b.code);
    const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length);
    for (const code of [...entry.besoins].sort((a, b) => rank(a) - rank(b))) {
      needs.push({
        theme,
        code,
        libelle: referentielLabel(code),
        impact: entry.impact,
        statut: entry.statut,
        echeance: entry.echeance ?? null,
      });
    }
  }
  return needs;
}
