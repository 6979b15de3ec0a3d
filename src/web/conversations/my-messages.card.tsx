// The « Mes messages » card of the person's home, with the number of answers not read yet.
import { Card } from "@codegouvfr/react-dsfr/Card";
import { conversationsRoutes, MY_MESSAGES_PATH } from "../../shared/conversations/conversations.routes";
import { api } from "../kernel/api-client";
import { useApiQuery } from "../kernel/use-api-query";
import { unreadLabel } from "./messages-link";

export function MyMessagesCard() {
  const { state } = useApiQuery(() => api(conversationsRoutes.countMyUnreadMessages, {}), []);
  const n = state.status === "ok" ? state.data.unread : 0;
  return (
    <Card
      title={n > 0 ? `Mes messages (${unreadLabel(n)})` : "Mes messages"}
      titleAs="h2"
      desc="Écrivez à votre conseiller ou votre conseillère et lisez ses réponses."
      linkProps={{ to: MY_MESSAGES_PATH }}
      enlargeLink
      border
    />
  );
}
