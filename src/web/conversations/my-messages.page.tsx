// /mon-espace/messages: the person writes to their référent·es and reads their answers (phone first). They
// are told who reads their messages, the reply commitment, and that no e-mail carries the content.
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { useCallback } from "react";
import { conversationsRoutes } from "../../shared/conversations/conversations.routes";
import { REPLY_COMMITMENT_HOURS } from "../../shared/conversations/conversations.schema";
import { api } from "../kernel/api-client";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { Conversation } from "./conversation";

export const MY_MESSAGES_TITLE = "Mes messages";

export function MyMessagesPage() {
  return <RequireSession allow={(s) => s.kind === "person"}>{() => <MyMessages />}</RequireSession>;
}

function MyMessages() {
  usePageTitle(MY_MESSAGES_TITLE);
  const load = useCallback(() => api(conversationsRoutes.getMyConversation, {}), []);
  const send = useCallback((body: string) => api(conversationsRoutes.sendMyMessage, { body: { body } }), []);
  const markRead = useCallback(() => api(conversationsRoutes.markMyConversationRead, {}), []);
  return (
    <>
      <Breadcrumb homeLinkProps={{ to: "/" }} segments={[]} currentPageLabel={MY_MESSAGES_TITLE} />
      <h1>{MY_MESSAGES_TITLE}</h1>
      <Conversation
        side="PERSONNE"
        load={load}
        send={send}
        markRead={markRead}
        intro={(v) =>
          v &&
          (v.readers.length === 0 ? (
            <p>
              Vous n'avez pas encore de référent·e : votre message sera lu dès qu'un ou une professionnel·le
              vous accompagnera.
            </p>
          ) : (
            <>
              <p className="fr-mb-1w">Vos messages sont lus par :</p>
              <ul>
                {v.readers.map((r) => (
                  <li key={`${r.name}-${r.structureName}`}>
                    {r.name}
                    {r.name.includes(r.structureName) ? "" : `, ${r.structureName}`} ({r.role.toLowerCase()})
                  </li>
                ))}
              </ul>
              <p>
                Une réponse vous est apportée sous {REPLY_COMMITMENT_HOURS} heures. Quand on vous répond, vous
                êtes prévenu·e par courriel ou par SMS, sans que le message y soit recopié. Pour une urgence,
                appelez directement votre structure.
              </p>
            </>
          ))
        }
      />
    </>
  );
}
