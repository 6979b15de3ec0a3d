// « Messages » in the person file's navigation, with the number of the person's messages not read yet.
// Shown only to the professionals who read the conversation (the référent·e and co-référent·es).
import { Link } from "react-router-dom";
import { conversationsRoutes, personMessagesPath } from "../../shared/conversations/conversations.routes";
import { api } from "../kernel/api-client";
import { useApiQuery } from "../kernel/use-api-query";

export const unreadLabel = (n: number) => `${n} non lu${n > 1 ? "s" : ""}`;

export function MessagesLink({ personId, className }: { personId: string; className?: string }) {
  const { state } = useApiQuery(
    () => api(conversationsRoutes.countUnreadMessages, { params: { personId } }),
    [personId],
  );
  if (state.status !== "ok" || !state.data.canRead) return null;
  const n = state.data.unread;
  return (
    <Link
      className={`fr-link fr-icon-chat-3-line fr-link--icon-left ${className ?? ""}`}
      to={personMessagesPath(personId)}
    >
      Messages{n > 0 && " "}
      {n > 0 && <span className="fr-badge fr-badge--sm fr-badge--new fr-ml-1w">{unreadLabel(n)}</span>}
    </Link>
  );
}
