// Open-data mode of a steering report (pilotage.md §6): every count, rate and delay is turned into cells
// and additive relations, then `suppressSmallCells` decides what is hidden; hidden values become
// « secret ». Relations per indicator and period: a breakdown's categories add up to the total (counts,
// numerators, denominators), and a rate's denominator is its numerator plus the structural complement
// (`denominateur − numerateur`, never published). Pure.
import type { IndicatorResult, IndicatorsReport, IndicatorValue } from "./steering.schema";
import { type SecrecyCell, type SecrecyRelation, suppressSmallCells } from "./steering.secrecy";

const publishedValue = (v: IndicatorValue) =>
  v.statut === "definitif" || (v.statut === "provisoire" && v.numerateur !== null);

export function applyOpenDataSecrecy(report: IndicatorsReport, threshold: number): IndicatorsReport {
  const cells: SecrecyCell[] = [];
  const relations: SecrecyRelation[] = [];
  /** the cells that carry each published value: hiding any of them hides the whole value */
  const carriers = new Map<IndicatorValue, string[]>();
  report.indicateurs.forEach((ind, i) => {
    const byPeriod = new Map<string, IndicatorValue[]>();
    for (const v of ind.valeurs)
      if (publishedValue(v)) byPeriod.set(v.periode, [...(byPeriod.get(v.periode) ?? []), v]);
    for (const [periode, values] of byPeriod) {
      const key = (v: IndicatorValue, part: string) => `${i}|${periode}|${v.modalite ?? "*"}|${part}`;
      for (const v of values) addCells(ind, v, key, cells, relations, carriers);
      const total = values.find((v) => v.modalite === null);
      const categories = values.filter((v) => v.modalite !== null);
      if (!total || categories.length === 0) continue;
      // a distribution's category shows the total as its denominator: hidden with it
      if (!hasOwnDenominator(ind))
        for (const c of categories) if (c.denominateur !== null) carriers.get(c)?.push(key(total, "n"));
      relations.push({ total: key(total, "n"), members: categories.map((c) => key(c, "n")) });
      if (
        total.denominateur !== null &&
        categories.every((c) => c.denominateur !== null) &&
        hasOwnDenominator(ind)
      )
        relations.push({ total: key(total, "d"), members: categories.map((c) => key(c, "d")) });
    }
  });
  const { primary, secondary } = suppressSmallCells(cells, relations, threshold);
  const hidden = (id: string) => primary.has(id) || secondary.has(id);
  return {
    ...report,
    indicateurs: report.indicateurs.map((ind) => ({
      ...ind,
      valeurs: ind.valeurs.map((v) => {
        const ids = carriers.get(v);
        if (!ids?.some(hidden)) return v;
        return {
          ...v,
          valeur: null,
          numerateur: null,
          denominateur: null,
          moyenne: null,
          statut: "secret" as const,
        };
      }),
    })),
  };
}

/** Rates and delays carry their own denominator; a distribution's categories share the total's. */
const hasOwnDenominator = (ind: IndicatorResult) => ind.unite !== "personnes";

function addCells(
  ind: IndicatorResult,
  v: IndicatorValue,
  key: (v: IndicatorValue, part: string) => string,
  cells: SecrecyCell[],
  relations: SecrecyRelation[],
  carriers: Map<IndicatorValue, string[]>,
) {
  const num = v.numerateur ?? 0;
  cells.push({ id: key(v, "n"), value: num });
  if (!hasOwnDenominator(ind) || v.denominateur === null) {
    // a count; a distribution's share also shows the total, which has its own cell
    carriers.set(v, [key(v, "n")]);
    return;
  }
  const den = v.denominateur;
  cells.push({ id: key(v, "d"), value: den });
  cells.push({ id: key(v, "x"), value: den - num, structural: true });
  relations.push({ total: key(v, "d"), members: [key(v, "n"), key(v, "x")] });
  carriers.set(v, [key(v, "n"), key(v, "d")]);
}
