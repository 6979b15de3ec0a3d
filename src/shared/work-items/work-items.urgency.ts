// Overdue and due-soon flags of a work item, computed from the Paris date of today (never from a
// database now()): pure, shared by the server's lists and the web's badges.
import { daysBetween, type LocalDate } from "../kernel/dates";
import type { WorkItemStatus } from "./work-items.schema";

export type Urgency = { overdue: boolean; dueSoon: boolean; daysLeft: number };

/**
 * Overdue: still open after its due date (the due date itself is the last day in time). Due soon: open,
 * not overdue, and today is on or after the near-due date. Closed items are neither.
 */
export function workItemUrgency(
  item: { dueDate: LocalDate; dueSoonDate: LocalDate; status: WorkItemStatus },
  today: LocalDate,
): Urgency {
  const open = item.status === "A_FAIRE" || item.status === "EN_COURS";
  const overdue = open && today > item.dueDate;
  return {
    overdue,
    dueSoon: open && !overdue && today >= item.dueSoonDate,
    daysLeft: daysBetween(today, item.dueDate),
  };
}
