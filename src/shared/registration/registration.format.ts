// Small French display helpers shared by the server's messages and the web app.
import type { LocalDate } from "../kernel/dates";

/** "1985-05-14" → "14/05/1985" */
export function formatLocalDateFr(date: LocalDate): string {
  const [y, m, d] = date.split("-");
  return y && m && d ? `${d}/${m}/${y}` : date;
}

/** "MARTIN Léa" — usage name first when there is one. */
export function personDisplayName(p: {
  birthName: string;
  usageName: string | null;
  firstNames: string;
}): string {
  return `${(p.usageName ?? p.birthName).toUpperCase()} ${p.firstNames}`;
}
