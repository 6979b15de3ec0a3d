// French display formats. Instants are shown in Europe/Paris whatever the browser's time zone;
// calendar dates ("YYYY-MM-DD") are never turned into Date objects (no off-by-one-day).
import { frenchLongDate, type LocalDate } from "../../shared/kernel/dates";

const instantFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "2025-03-14T10:05:00Z" → "14 mars 2025 à 11:05"; "1er" for the first day of a month */
export function formatInstant(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : firstOfMonth(instantFormat.format(d));
}

const firstOfMonth = (formatted: string) => formatted.replace(/^1 /, "1er ");

/** "1990-03-04" → "04/03/1990" */
export function formatLocalDate(date: LocalDate): string {
  const [y, m, d] = date.split("-");
  return y && m && d ? `${d}/${m}/${y}` : date;
}

/** "1990-03-04" → "4 mars 1990" */
export const formatLocalDateLong = (date: LocalDate): string => frenchLongDate(date);

/** "MARTIN Camille" — usage name first when there is one, as on French administrative documents. */
export function personName(p: { birthName: string; usageName: string | null; firstNames: string }): string {
  return `${(p.usageName ?? p.birthName).toUpperCase()} ${p.firstNames}`;
}

export const NOT_PROVIDED = "Non renseigné";

const instantDateFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  day: "numeric",
  month: "long",
  year: "numeric",
});

/** "2025-03-14T23:30:00Z" → "15 mars 2025" (the Paris calendar day) */
export function formatInstantDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : firstOfMonth(instantDateFormat.format(d));
}
