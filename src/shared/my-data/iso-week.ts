// « 2026-W11 » → the Monday and Sunday of that ISO 8601 week, as calendar dates (no time zone involved:
// week 1 is the week holding 4 January).
import type { LocalDate } from "../kernel/dates";

export function isoWeekDays(week: string): { monday: LocalDate; sunday: LocalDate } | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2]);
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = jan4 - jan4Weekday * 86_400_000 + (n - 1) * 7 * 86_400_000;
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { monday: day(monday), sunday: day(monday + 6 * 86_400_000) };
}
