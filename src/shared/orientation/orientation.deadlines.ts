// Orientation deadlines (parcours.md §2.3, §3.7): T0 counts as day 1, the orientation must be notified
// before T0 + 15 days, i.e. at most T0 + 14. Calendar days: weekends and holidays count.
import { addDays, type LocalDate } from "../kernel/dates";

export type OrientationDelays = { delaiJours: number; alerteJours: number };
export const defaultOrientationDelays: OrientationDelays = { delaiJours: 15, alerteJours: 10 };

/** Last day on which a notification is still within the delay. */
export function orientationDueDate(t0: LocalDate, d: OrientationDelays = defaultOrientationDelays): LocalDate {
  return addDays(t0, d.delaiJours - 1);
}
/** Near-due warning date. */
export function orientationDueSoonDate(t0: LocalDate, d: OrientationDelays = defaultOrientationDelays): LocalDate {
  return addDays(t0, Math.min(d.alerteJours, d.delaiJours - 1));
}
/** orienteDansDelai = dateOrientationNotifiee < T0 + delai */
export function orientedWithinDelay(t0: LocalDate, notified: LocalDate, d: OrientationDelays = defaultOrientationDelays): boolean {
  return notified < addDays(t0, d.delaiJours) && notified >= t0;
}
