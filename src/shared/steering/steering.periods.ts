// Reporting periods (pilotage.md §4): calendar months, quarters, years, or rolling 12 months ending each
// month, between two months « AAAA-MM » inclusive; and the maturity rule of cohorts. Pure.
import { addDays, type LocalDate } from "../kernel/dates";

export const granularities = ["mois", "trimestre", "annee", "glissant_12_mois"] as const;
export type Granularity = (typeof granularities)[number];
export const granularityLabels: Record<Granularity, string> = {
  mois: "Mois",
  trimestre: "Trimestre",
  annee: "Année",
  glissant_12_mois: "12 mois glissants",
};

export type Period = { label: string; start: LocalDate; end: LocalDate };

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

const monthIndex = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return y * 12 + (m - 1);
};
const monthOfIndex = (i: number) =>
  `${String(Math.floor(i / 12)).padStart(4, "0")}-${String((i % 12) + 1).padStart(2, "0")}`;
const firstDay = (i: number): LocalDate => `${monthOfIndex(i)}-01`;
const lastDay = (i: number): LocalDate => addDays(firstDay(i + 1), -1);

/** Number of months from `from` to `to` inclusive (0 or less when `to` is before `from`). */
export const monthSpan = (from: string, to: string) => monthIndex(to) - monthIndex(from) + 1;

/**
 * The periods covering [from, to] at a granularity. Quarters and years are the calendar ones that
 * intersect the range, taken whole (a figure for « 2025-T1 » always covers January to March).
 */
export function periodsBetween(from: string, to: string, granularity: Granularity): Period[] {
  const a = monthIndex(from);
  const b = monthIndex(to);
  const out: Period[] = [];
  if (b < a) return out;
  if (granularity === "mois") {
    for (let i = a; i <= b; i++) out.push({ label: monthOfIndex(i), start: firstDay(i), end: lastDay(i) });
  } else if (granularity === "glissant_12_mois") {
    for (let i = a; i <= b; i++)
      out.push({
        label: `${monthOfIndex(i - 11)}/${monthOfIndex(i)}`,
        start: firstDay(i - 11),
        end: lastDay(i),
      });
  } else {
    const size = granularity === "trimestre" ? 3 : 12;
    for (let i = a - (a % size); i <= b; i += size) {
      const year = Math.floor(i / 12);
      const label = size === 3 ? `${year}-T${(i % 12) / 3 + 1}` : String(year);
      out.push({ label, start: firstDay(i), end: lastDay(i + size - 1) });
    }
  }
  return out;
}

/**
 * A cohort whose T0 falls in a period is mature for a window of W days once every member's window has
 * fully elapsed: `end + W (+ data lag) ≤ computation date` (pilotage.md §4.1). Immature cohorts are
 * « provisoire » and never published as a value.
 */
export function isCohortMature(period: Period, windowDays: number, today: LocalDate, lagDays = 0): boolean {
  return addDays(period.end, windowDays + lagDays) <= today;
}
