// How an indicator's figures read in French: its value with its unit, or why there is none (« données
// non disponibles », secret statistique, cohorte provisoire), and its series for the chart and the table.
import type { IndicatorResult, IndicatorValue } from "../../shared/steering/steering.schema";

export const NOT_AVAILABLE = "Données non disponibles";

const numberFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

type UnitKind = "taux" | "delai" | "effectif";

/** The unit as the API names it: the catalogue's code (« taux ») or its label (« % »). */
export function unitKind(unite: string): UnitKind {
  if (unite === "taux" || unite === "%") return "taux";
  if (unite.startsWith("delai") || unite.startsWith("jours")) return "delai";
  return "effectif";
}

/** A figure with its unit: « 1 234 », « 45,3 % », « 12 jours ». */
export function formatFigure(value: number, unite: string): string {
  const kind = unitKind(unite);
  if (kind === "taux") return `${numberFormat.format(value)} %`;
  if (kind === "delai") return `${numberFormat.format(value)} ${Math.abs(value) < 2 ? "jour" : "jours"}`;
  return numberFormat.format(value);
}

/** What a cell shows: the figure, or in words why there is none. */
export function valueText(value: IndicatorValue | undefined, unite: string): string {
  if (!value || value.statut === "non_disponible") return NOT_AVAILABLE;
  if (value.statut === "secret") return "Secret statistique";
  if (value.valeur === null) return value.statut === "provisoire" ? "Provisoire" : NOT_AVAILABLE;
  const figure = formatFigure(value.valeur, unite);
  return value.statut === "provisoire" ? `${figure} (provisoire)` : figure;
}

export const statusLabels: Record<IndicatorValue["statut"], string> = {
  definitif: "Définitif",
  provisoire: "Provisoire (cohorte pas encore mûre)",
  secret: "Secret statistique",
  non_disponible: NOT_AVAILABLE,
};

/** The total or one category of the indicator's breakdown, over the periods. */
export type Series = { key: string; label: string; values: IndicatorValue[] };

/** The total first (« Ensemble »), then one series per category of the breakdown the API returned. */
export function seriesOf(indicator: IndicatorResult): Series[] {
  const total: Series = { key: "total", label: "Ensemble", values: [] };
  const byCategory = new Map<string, Series>();
  for (const v of indicator.valeurs) {
    if (v.ventilation === null) {
      total.values.push(v);
      continue;
    }
    const key = `${v.ventilation}:${v.modalite}`;
    const s = byCategory.get(key) ?? { key, label: v.libelleModalite ?? v.modalite ?? "—", values: [] };
    s.values.push(v);
    byCategory.set(key, s);
  }
  return [total, ...byCategory.values()];
}

/** Period labels in API order, each once. */
export function periodsOf(indicator: IndicatorResult): string[] {
  return [...new Set(indicator.valeurs.map((v) => v.periode))];
}

/** « 2025-03 » → « mars 2025 », « 2025-T1 » → « 1er trimestre 2025 », « 2024-04/2025-03 » → « avr. 2024 – mars 2025 ». */
export function periodLabel(periode: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(periode);
  if (month) return `${monthNames[Number(month[2]) - 1]} ${month[1]}`;
  const quarter = /^(\d{4})-T([1-4])$/.exec(periode);
  if (quarter) return `${quarter[2] === "1" ? "1er" : `${quarter[2]}e`} trimestre ${quarter[1]}`;
  const rolling = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/.exec(periode);
  if (rolling)
    return `${shortMonthNames[Number(rolling[2]) - 1]} ${rolling[1]} – ${shortMonthNames[Number(rolling[4]) - 1]} ${rolling[3]}`;
  return periode;
}

/** A short label for the chart's axis: « 03/2025 », « T1 2025 », « 2025 », « → 03/2025 ». */
export function axisLabel(periode: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(periode);
  if (month) return `${month[2]}/${month[1]}`;
  const quarter = /^(\d{4})-T([1-4])$/.exec(periode);
  if (quarter) return `T${quarter[2]} ${quarter[1]}`;
  const rolling = /\/(\d{4})-(\d{2})$/.exec(periode);
  if (rolling) return `${rolling[2]}/${rolling[1]}`;
  return periode;
}

const monthNames = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];
const shortMonthNames = [
  "janv.",
  "févr.",
  "mars",
  "avr.",
  "mai",
  "juin",
  "juil.",
  "août",
  "sept.",
  "oct.",
  "nov.",
  "déc.",
];
