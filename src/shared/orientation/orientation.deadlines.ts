// Orientation deadlines (parcours.md §2.3, §3.7): T0 counts as day 1, the orientation must be notified
// before T0 + 15 days, i.e. at most T0 + 14. Calendar days: weekends and holidays count.
import { addDays, type LocalDate } from "../kernel/dates";

export type OrientationDelays = { delaiJours: number; alerteJours: number };
export const defaultOrientationDelays: OrientationDelays = { delaiJours: 15, alerteJours: 10 };

/** Last day on which a notification is still within the delay. */
export function orientationDueDate(
  t0: LocalDate,
  d: OrientationDelays = defaultOrientationDelays,
): LocalDate {
  return addDays(t0, d.delaiJours - 1);
}
/** Near-due warning date. */
export function orientationDueSoonDate(
  t0: LocalDate,
  d: OrientationDelays = defaultOrientationDelays,
): LocalDate {
  return addDays(t0, Math.min(d.alerteJours, d.delaiJours - 1));
}
/** orienteDansDelai = dateOrientationNotifiee < T0 + delai */
export function orientedWithinDelay(
  t0: LocalDate,
  notified: LocalDate,
  d: OrientationDelays = defaultOrientationDelays,
): boolean {
  return notified < addDays(t0, d.delaiJours) && notified >= t0;
}

/**
 * "1 month after T0": the fallback deadline, and the day from which France Travail may orient under a
 * `PAR_DEFAUT` delegation (parcours.md §3.6, §3.7). One calendar month, clamped to the month's end
 * (31 January → 28 or 29 February; parcours.md §11, question 3), as PostgreSQL's `date + interval '1 month'`.
 */
export function orientationFallbackDate(t0: LocalDate): LocalDate {
  const [y, m, d] = t0.split("-").map(Number) as [number, number, number];
  const year = m === 12 ? y + 1 : y;
  const month = m === 12 ? 1 : m + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

/** Work-item delays that are Socle defaults (⚙ worklist.<type>.delai, parcours.md §7.5). */
export const workItemDelays = {
  /** « 1er RDV d'accompagnement à prendre »: decision + 7 days, warned 2 days before */
  premierRdv: { delaiJours: 7, alerteJours: 5 },
  /** « Demande de réorientation à examiner »: + 15 days, warned at + 10 */
  demandeReorientation: { delaiJours: 15, alerteJours: 10 },
} as const;

/** Due and near-due dates of an item opened on `from`: `from` + n days. */
export function itemDueDates(
  from: LocalDate,
  d: { delaiJours: number; alerteJours: number },
): { dueDate: LocalDate; dueSoonDate: LocalDate } {
  return {
    dueDate: addDays(from, d.delaiJours),
    dueSoonDate: addDays(from, Math.min(d.alerteJours, d.delaiJours)),
  };
}
