// Follow-up rules as pure functions (parcours.md §7.2–§7.4, §8.2): when the next point d'étape is due,
// when the corde de rappel is due, whether a person is dropping out (no contact for N weeks, repeated
// absences), when the « suivi dans l'emploi » messages go, and the due dates of the work items they open.
// Defaults are Socle's (parcours.md §11 q. 10); a département overrides them in follow_up_settings.
import { addCalendarMonths } from "../contract/contract.deadlines";
import { addDays, type LocalDate } from "../kernel/dates";
import type { JobSlot } from "./follow-up.schema";

export type FollowUpSettings = {
  /** ⚙ pointEtape.frequenceMois */
  pointEtapeMonths: number;
  /** ⚙ decrochage.sansContactSemaines */
  dropoutWeeks: number;
  /** ⚙ cordeRappel mois after the orientation decision */
  cordeDeRappelMonths: number;
};
export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = {
  pointEtapeMonths: 3,
  dropoutWeeks: 8,
  cordeDeRappelMonths: 6,
};

/** A département's row overrides only the values it sets. */
export function followUpSettings(
  row: Partial<Record<keyof FollowUpSettings, number | null>> | null | undefined,
): FollowUpSettings {
  return {
    pointEtapeMonths: row?.pointEtapeMonths ?? DEFAULT_FOLLOW_UP_SETTINGS.pointEtapeMonths,
    dropoutWeeks: row?.dropoutWeeks ?? DEFAULT_FOLLOW_UP_SETTINGS.dropoutWeeks,
    cordeDeRappelMonths: row?.cordeDeRappelMonths ?? DEFAULT_FOLLOW_UP_SETTINGS.cordeDeRappelMonths,
  };
}

/** A scheduled item (point d'étape, corde de rappel) enters the worklist this many days before it is due. */
export const SCHEDULED_ITEM_LEAD_DAYS = 30;
/** … and is flagged « due soon » this many days before. */
export const SCHEDULED_ITEM_DUE_SOON_DAYS = 15;
/** A drop-out item is due a week after detection (parcours.md §7.5: + 7 days). */
export const DROPOUT_DUE_DAYS = 7;
export const DROPOUT_DUE_SOON_DAYS = 5;
/** Repeated absences: this many unexcused absences in a row, or within the window. */
export const ABSENCES_THRESHOLD = 2;
export const ABSENCES_WINDOW_MONTHS = 3;
/** A difficulty in the job is handled within two working days (parcours.md §7.5). */
export const JOB_ALERT_WORKING_DAYS = 2;

const latest = (dates: readonly (LocalDate | null | undefined)[]): LocalDate | null =>
  dates.reduce<LocalDate | null>((max, d) => (d && (max === null || d > max) ? d : max), null);

/**
 * The next point d'étape: the last point d'étape held, the last contract signature or the start of the
 * accompaniment, whichever is latest, plus the frequency. Null before the accompaniment starts.
 */
export function nextPointEtape(
  anchors: {
    accompanimentStart: LocalDate | null;
    lastContractSignature: LocalDate | null;
    lastPointEtape: LocalDate | null;
  },
  months: number = DEFAULT_FOLLOW_UP_SETTINGS.pointEtapeMonths,
): LocalDate | null {
  const anchor = latest([anchors.accompanimentStart, anchors.lastContractSignature, anchors.lastPointEtape]);
  return anchor === null ? null : addCalendarMonths(anchor, months);
}

/**
 * The corde de rappel of an orientation decision (parcours.md §7.3): due `months` after the decision,
 * unless one was held since the decision. Null when none is due.
 */
export function cordeDeRappelDue(
  orientationDecidedOn: LocalDate | null,
  lastCordeDeRappel: LocalDate | null,
  months: number = DEFAULT_FOLLOW_UP_SETTINGS.cordeDeRappelMonths,
): LocalDate | null {
  if (orientationDecidedOn === null) return null;
  if (lastCordeDeRappel !== null && lastCordeDeRappel >= orientationDecidedOn) return null;
  return addCalendarMonths(orientationDecidedOn, months);
}

/** The dates of a scheduled item, and whether it belongs in the worklist today. */
export function scheduledItem(dueDate: LocalDate, today: LocalDate) {
  return {
    open: today >= addDays(dueDate, -SCHEDULED_ITEM_LEAD_DAYS),
    dueDate,
    dueSoonDate: addDays(dueDate, -SCHEDULED_ITEM_DUE_SOON_DAYS),
  };
}

export type AttendanceFact = { date: LocalDate; status: string };

export type DropoutSignals = {
  noContactSince: LocalDate | null;
  absencesInARow: number;
  absencesInWindow: number;
  flagged: boolean;
};

/**
 * Drop-out signals (parcours.md §7.4) on `today`:
 * - no contact (an honoured appointment, a signed contract, a note or any write of a professional in the
 *   file) for `weeks` weeks, counted from the last contact or, failing one, the start of the accompaniment;
 * - or repeated absences: ABSENCES_THRESHOLD unexcused absences (`ABSENT`) in a row among the past
 *   appointments whose attendance is known (`ABSENT` or `HONORE`; excused or cancelled ones are neither),
 *   or within the last ABSENCES_WINDOW_MONTHS months.
 * A signal calls for « aller vers », never for a sanction by itself.
 */
export function dropoutSignals(
  facts: {
    today: LocalDate;
    accompanimentStart: LocalDate | null;
    lastContact: LocalDate | null;
    appointments: readonly AttendanceFact[];
  },
  weeks: number = DEFAULT_FOLLOW_UP_SETTINGS.dropoutWeeks,
): DropoutSignals {
  const since = latest([facts.lastContact, facts.accompanimentStart]);
  const noContactSince = since !== null && since <= addDays(facts.today, -7 * weeks) ? since : null;
  const known = facts.appointments
    .filter((a) => a.date <= facts.today && (a.status === "ABSENT" || a.status === "HONORE"))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let absencesInARow = 0;
  for (let i = known.length - 1; i >= 0 && known[i]!.status === "ABSENT"; i--) absencesInARow += 1;
  const windowStart = addCalendarMonths(facts.today, -ABSENCES_WINDOW_MONTHS);
  const absencesInWindow = known.filter((a) => a.status === "ABSENT" && a.date > windowStart).length;
  return {
    noContactSince,
    absencesInARow,
    absencesInWindow,
    flagged:
      noContactSince !== null ||
      absencesInARow >= ABSENCES_THRESHOLD ||
      absencesInWindow >= ABSENCES_THRESHOLD,
  };
}

/** Monday to Friday, public holidays not counted (Socle default). */
export function addWorkingDays(date: LocalDate, days: number): LocalDate {
  let d = date;
  let left = days;
  while (left > 0) {
    d = addDays(d, 1);
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return d;
}

/** The « suivi dans l'emploi » messages (parcours.md §8.2): 1 week, 1 month and 3 months after the job starts. */
export function jobFollowUpSchedule(jobStart: LocalDate): { slot: JobSlot; on: LocalDate }[] {
  return [
    { slot: "1s", on: addDays(jobStart, 7) },
    { slot: "1m", on: addCalendarMonths(jobStart, 1) },
    { slot: "3m", on: addCalendarMonths(jobStart, 3) },
  ];
}

/** The message the person is answering on `today`: the latest one already due, or null before the first. */
export function currentJobSlot(jobStart: LocalDate, today: LocalDate): JobSlot | null {
  const due = jobFollowUpSchedule(jobStart).filter((s) => s.on <= today);
  return due.length > 0 ? due[due.length - 1]!.slot : null;
}

/** The answers that call for the référent (parcours.md §8.2, Socle's wording: answers 2 and 3). */
export const jobAnswerNeedsReferent = (answer: string): boolean =>
  answer === "DIFFICULTE" || answer === "PLUS_EN_POSTE";

/** The instant `hour`:00 in Paris on `date` (messages go in the morning, whatever the season). */
export function parisInstant(date: LocalDate, hour = 9): Date {
  const guess = new Date(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);
  const parisHour = Number(
    guess.toLocaleString("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", hour12: false }),
  );
  const offsetHours = (((parisHour - hour) % 24) + 24) % 24;
  return new Date(guess.getTime() - offsetHours * 3_600_000);
}

/** An exit may not be dated in the future, nor before the pathway opened. */
export function exitDateProblem(exitDate: LocalDate, today: LocalDate, openedOn: LocalDate): string | null {
  if (exitDate > today) return "La date de sortie ne peut pas être dans le futur.";
  if (exitDate < openedOn) return "La date de sortie ne peut pas précéder l'ouverture du parcours.";
  return null;
}
