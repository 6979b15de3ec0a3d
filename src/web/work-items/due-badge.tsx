// The due date of a work item and its DSFR badge: « En retard » (error), « Échéance proche » (warning).
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { formatLocalDate } from "../kernel/format";

export function DueBadge({
  overdue,
  dueSoon,
  daysLeft,
}: {
  overdue: boolean;
  dueSoon: boolean;
  daysLeft: number;
}) {
  if (overdue) {
    return (
      <Badge severity="error" small as="span">
        {`En retard de ${-daysLeft} jour${-daysLeft > 1 ? "s" : ""}`}
      </Badge>
    );
  }
  if (dueSoon) {
    return (
      <Badge severity="warning" small as="span">
        {daysLeft === 0
          ? "Échéance aujourd'hui"
          : `Échéance proche : ${daysLeft} jour${daysLeft > 1 ? "s" : ""}`}
      </Badge>
    );
  }
  return null;
}

export function DueCell(props: { dueDate: string; overdue: boolean; dueSoon: boolean; daysLeft: number }) {
  return (
    <span>
      <span className="fr-mr-1w">{formatLocalDate(props.dueDate)}</span>
      <DueBadge {...props} />
    </span>
  );
}

/** "3 personnes à orienter, dont 1 en retard et 2 à échéance proche" */
export function queueSummary(
  total: number,
  overdue: number,
  dueSoon: number,
  noun: [string, string],
): string {
  if (total === 0) return `Aucune ${noun[0]}`;
  const parts = [
    overdue > 0 ? `${overdue} en retard` : null,
    dueSoon > 0 ? `${dueSoon} à échéance proche` : null,
  ].filter(Boolean);
  return `${total} ${total > 1 ? noun[1] : noun[0]}${parts.length > 0 ? `, dont ${parts.join(" et ")}` : ""}`;
}
