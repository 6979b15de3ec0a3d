// French calendar dates for messages: « 17 décembre 2026 ».
import type { LocalDate } from "../../shared/kernel/dates";

const months = [
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
export function formatFrenchDate(d: LocalDate): string {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  return `${day === 1 ? "1er" : day} ${months[m - 1]} ${y}`;
}
