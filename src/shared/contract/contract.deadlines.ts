// The « clause de revoyure » (parcours.md §6.5): a signed contract is revisited at least every
// `contrat.revisionMois` = 6 months; the work item is « due soon » 30 days before.
import { addDays, type LocalDate } from "../kernel/dates";

export const REVIEW_MONTHS = 6;
export const REVIEW_DUE_SOON_DAYS = 30;

/** Same day `months` later, or the last day of that month when it is shorter (31 August + 6 → 28/29 Feb). */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

export function reviewDueDates(signedOn: LocalDate, months = REVIEW_MONTHS) {
  const dueDate = addCalendarMonths(signedOn, months);
  return { dueDate, dueSoonDate: addDays(dueDate, -REVIEW_DUE_SOON_DAYS) };
}

/** A suspended contract is closed 12 months after its suspension (parcours.md §6.6), unless resumed before. */
export const SUSPENSION_CLOSE_MONTHS = 12;

export function closesAfterSuspension(suspendedOn: LocalDate, today: LocalDate): boolean {
  return addCalendarMonths(suspendedOn, SUSPENSION_CLOSE_MONTHS) <= today;
}
