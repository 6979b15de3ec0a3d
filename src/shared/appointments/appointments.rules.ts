// Pure rules of appointments (parcours.md §4.2): Paris wall-clock times of slots turned into instants
// (daylight-saving safe), weekly repetition, the reminder instants and the invitation's expiry.
import { addDays, type LocalDate, parisDate } from "../kernel/dates";

/** ⚙ rdv.invitationExpirationJours */
export const INVITATION_EXPIRY_DAYS = 10;
/** an unanswered invitation is reminded at J+3 */
export const INVITATION_REMINDER_DAYS = 3;
/** every booked appointment is reminded 48 hours before */
export const APPOINTMENT_REMINDER_HOURS = 48;
/** slots offered to a person: from now to 4 weeks ahead */
export const BOOKING_HORIZON_DAYS = 28;
/** « absence » follow-up item (RDV_ABSENCE): due + 5 days, near-due + 3 */
export const absenceItemDelays = { delaiJours: 5, alerteJours: 3 } as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const parisParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** "HH:MM" of an instant in Europe/Paris. */
export function parisTime(instant: Date): string {
  const p = Object.fromEntries(parisParts.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute}`;
}

/** Offset of Europe/Paris from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function parisOffset(instant: Date): number {
  const p = Object.fromEntries(parisParts.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
  );
  return asUtc - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/** The instant of a Paris wall-clock date and time ("2026-03-30", "09:30"). */
export function parisInstant(date: LocalDate, time: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  let t = wall - parisOffset(new Date(wall));
  // a second pass settles the offset on the day the clocks change
  t = wall - parisOffset(new Date(t));
  return new Date(t);
}

export const timeSchemaPattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The Monday of the week of a date (ISO weeks). */
export function mondayOf(date: LocalDate): LocalDate {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((day + 6) % 7));
}

/** Start (inclusive) and end (exclusive) instants of the Paris week that starts on `monday`. */
export function weekBounds(monday: LocalDate): { from: Date; to: Date } {
  return { from: parisInstant(monday, "00:00"), to: parisInstant(addDays(monday, 7), "00:00") };
}

/**
 * The slots of a weekly series: the same Paris wall-clock times on `weeks` consecutive weeks (the
 * instants shift by one hour across a daylight-saving change, the wall-clock time does not).
 */
export function weeklySlotTimes(
  date: LocalDate,
  startTime: string,
  endTime: string,
  weeks: number,
): { startsAt: Date; endsAt: Date }[] {
  return Array.from({ length: weeks }, (_, i) => {
    const d = addDays(date, 7 * i);
    return { startsAt: parisInstant(d, startTime), endsAt: parisInstant(d, endTime) };
  });
}

/** When the reminder of a booked appointment is sent: 48 h before; null when that moment has passed. */
export function appointmentReminderAt(startsAt: Date, now: Date): Date | null {
  const at = new Date(startsAt.getTime() - APPOINTMENT_REMINDER_HOURS * HOUR);
  return at.getTime() > now.getTime() ? at : null;
}

/** When an unanswered invitation is reminded (J+3). */
export function invitationReminderAt(invitedAt: Date): Date {
  return new Date(invitedAt.getTime() + INVITATION_REMINDER_DAYS * DAY);
}

/** The last day an invitation can be answered (Paris date, J+10). */
export function invitationExpiresOn(invitedAt: Date): LocalDate {
  return addDays(parisDate(invitedAt), INVITATION_EXPIRY_DAYS);
}

/**
 * Attendance is recorded from the day of the appointment on (Paris date): « présent » or « absent »
 * before that day would record what has not happened. An excuse may come before.
 */
export function canRecordAttendanceNow(status: "HONORE" | "ABSENT" | "EXCUSE", startsAt: Date, now: Date) {
  return status === "EXCUSE" || parisDate(now) >= parisDate(startsAt);
}
