// /personnes/:personId/messages: the référent·e or a co-référent·e reads the person's messages and answers.
// The server refuses every other professional (a member of the group reads the file, not the messages).
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { useCallback } from "react";
import { useParams } from "react-router-dom";
import { conversationsRoutes } from "../../shared/conversations/conversations.routes";
import { REPLY_COMMITMENT_HOURS } from "../../shared/conversations/conversations.schema";
import { personIdSchema } from "../../shared/persons/persons.schema";
import { api } from "../kernel/api-client";
import { NotFoundPage } from "../kernel/not-found.page";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { Conversation } from "./conversation";

export function PersonMessagesPage() {
  const parsed = personIdSchema.safeParse(useParams().personId);
  if (!parsed.success) return <NotFoundPage />;
  return (
    <RequireSession allow={(s) => s.kind === "professional"}>
      {() => <PersonMessages personId={parsed.data} />}
    </RequireSession>
  );
}

function PersonMessages({ personId }: { personId: string }) {
  const load = useCallback(
    () => api(conversationsRoutes.getConversation, { params: { personId } }),
    [personId],
  );
  const send = useCallback(
    (body: string) => api(conversationsRoutes.sendMessage, { params: { personId }, body: { body } }),
    [personId],
  );
  const markRead = useCallback(
    () => api(conversationsRoutes.markConversationRead, { params: { personId } }),
    [personId],
  );
  return (
    <Conversation
      side="PROFESSIONNEL"
      load={load}
      send={send}
      markRead={markRead}
      intro={(v) => <Intro personId={personId} personName={v?.personName} />}
    />
  );
}

function Intro({ personId, personName }: { personId: string; personName: string | undefined }) {
  const title = personName ? `Messages : ${personName}` : "Messages";
  usePageTitle(title);
  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: "/" }}
        segments={[
          { label: "Personnes suivies", linkProps: { to: "/personnes" } },
          { label: personName ?? "Dossier", linkProps: { to: `/personnes/${personId}` } },
        ]}
        currentPageLabel="Messages"
      />
      <h1>{title}</h1>
      <p>
        Seuls la personne, son ou sa référent·e et ses co-référent·es lisent ces messages. Chaque lecture est
        inscrite au journal des accès, que la personne consulte. Le réseau s'engage à répondre sous{" "}
        {REPLY_COMMITMENT_HOURS} heures ; la personne est prévenue de votre réponse par courriel ou SMS, sans
        son contenu.
      </p>
    </>
  );
}
