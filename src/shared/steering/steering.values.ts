// From aggregates (counts, medians) to the published values of an indicator: rate, status (definitive,
// provisional, not available) and the maturity rule of cohorts (pilotage.md §4). Pure.
import { automaticExitReasonLabels, exitReasonLabels } from "../follow-up/follow-up.schema";
import type { LocalDate } from "../kernel/dates";
import { organismeLabels, parcoursTypeLabels } from "../orientation/orientation.schema";
import { type Breakdown, type IndicatorDefinition, missingSourceLabels } from "./steering.catalogue";
import { isCohortMature, type Period } from "./steering.periods";
import type { IndicatorValue } from "./steering.schema";

export type Aggregate = {
  label: string;
  modalite: string | null;
  num: number;
  den: number | null;
  median: number | null;
  mean: number | null;
};

export const NOT_ORIENTED = "NON_ORIENTE";
export const NOT_GIVEN = "NON_RENSEIGNE";

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * A category's label: pathway types, organisms and exit reasons (the référent's and Socle's own) by their French
 * names, structures by the given names.
 */
export function modaliteLabel(b: Breakdown, code: string, names: ReadonlyMap<string, string>): string {
  if (code === NOT_ORIENTED) return "Non orienté";
  if (code === NOT_GIVEN) return "Non renseigné";
  if (b === "parcours") return parcoursTypeLabels[code as keyof typeof parcoursTypeLabels] ?? code;
  if (b === "organisme") return organismeLabels[code as keyof typeof organismeLabels] ?? code;
  if (b === "motif_sortie")
    return (
      exitReasonLabels[code as keyof typeof exitReasonLabels] ??
      automaticExitReasonLabels[code as keyof typeof automaticExitReasonLabels] ??
      code
    );
  return names.get(code) ?? code;
}

/** The values of one indicator for each period: the total, then its breakdown categories. */
export function indicatorValues(
  def: IndicatorDefinition,
  periods: readonly Period[],
  rows: readonly Aggregate[],
  today: LocalDate,
  breakdown: Breakdown | undefined,
  names: ReadonlyMap<string, string> = new Map(),
): IndicatorValue[] {
  const out: IndicatorValue[] = [];
  for (const p of periods) {
    const base = { periode: p.label, debut: p.start, fin: p.end };
    const mature = def.kind !== "cohorte" || isCohortMature(p, def.windowDays ?? 0, today);
    const complete = p.end < today;
    const inPeriod = rows.filter((r) => r.label === p.label);
    const total = inPeriod.find((r) => r.modalite === null) ?? {
      label: p.label,
      modalite: null,
      num: 0,
      den: def.unit === "effectif" ? null : 0,
      median: null,
      mean: null,
    };
    const categories = breakdown
      ? inPeriod
          .filter((r) => r.modalite !== null)
          .sort((a, b) => (a.modalite! < b.modalite! ? -1 : a.modalite! > b.modalite! ? 1 : 0))
      : [];
    for (const r of [total, ...categories]) {
      const common = {
        ...base,
        ventilation: r.modalite === null ? null : (breakdown ?? null),
        modalite: r.modalite,
        libelleModalite:
          r.modalite === null || !breakdown ? null : modaliteLabel(breakdown, r.modalite, names),
      };
      if (!mature) {
        // an immature cohort is never published: its members' windows have not all elapsed
        out.push({
          ...common,
          valeur: null,
          numerateur: null,
          denominateur: null,
          moyenne: null,
          statut: "provisoire",
        });
        continue;
      }
      // a distribution's categories are shares of the period's total
      const den = def.unit === "effectif" && r.modalite !== null && def.denominateur ? total.num : r.den;
      out.push({
        ...common,
        valeur: publishedValue(def, r),
        numerateur: r.num,
        denominateur: den,
        moyenne: def.unit === "delai_jours" && r.mean !== null ? round1(r.mean) : null,
        statut: complete ? "definitif" : "provisoire",
      });
    }
  }
  return out;
}

function publishedValue(def: IndicatorDefinition, r: Aggregate): number | null {
  if (def.unit === "effectif") return r.num;
  if (def.unit === "taux") return r.den ? round1((100 * r.num) / r.den) : null;
  return r.median === null ? null : round1(r.median);
}

/** « Données non disponibles »: one value per period, empty, with its status. */
export function unavailableValues(periods: readonly Period[]): IndicatorValue[] {
  return periods.map((p) => ({
    periode: p.label,
    debut: p.start,
    fin: p.end,
    ventilation: null,
    modalite: null,
    libelleModalite: null,
    valeur: null,
    numerateur: null,
    denominateur: null,
    moyenne: null,
    statut: "non_disponible" as const,
  }));
}

export function unavailableMessage(def: IndicatorDefinition, appointmentsAvailable: boolean): string | null {
  if (def.missing) return missingSourceLabels[def.missing];
  if (def.dependsOn === "rendez_vous" && !appointmentsAvailable) return missingSourceLabels.rendez_vous;
  return null;
}
