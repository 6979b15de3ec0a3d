// Calendar dates are "YYYY-MM-DD" strings (LocalDate), computed in Europe/Paris, never as
// local-midnight Date objects.
import { z } from "zod";

export type LocalDate = string;
export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format AAAA-MM-JJ");

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function parisDate(instant: Date): LocalDate {
  return instant.toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
}

export function isValidLocalDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

const frenchMonths = [
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
/** « 1er mars 2026 », « 14 septembre 2026 »: the date as written in French letters and pages. */
export function frenchLongDate(date: LocalDate): string {
  const [y, m, d] = date.split("-").map(Number);
  const month = m ? frenchMonths[m - 1] : undefined;
  return y && month && d ? `${d === 1 ? "1er" : d} ${month} ${y}` : date;
}
