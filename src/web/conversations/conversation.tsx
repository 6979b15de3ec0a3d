// The conversation itself, for both sides: the messages (oldest first, as one reads a correspondence), the
// read receipt of each message of one's own side (in words, not only a colour), and the form to write.
// Opening the page marks the other side's messages read (an explicit call, never a side effect of GET).
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import {
  type ConversationMessage,
  type ConversationView,
  MESSAGE_MAX_LENGTH,
} from "../../shared/conversations/conversations.schema";
import { ApiError } from "../kernel/api-client";
import { formatInstant } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { useApiQuery } from "../kernel/use-api-query";

type Side = "PERSONNE" | "PROFESSIONNEL";

export function Conversation({
  load,
  send,
  markRead,
  side,
  intro,
}: {
  load: () => Promise<ConversationView>;
  send: (body: string) => Promise<ConversationMessage>;
  markRead: () => Promise<{ marked: number }>;
  side: Side;
  /** rendered first, also while loading (`view` undefined) or when loading failed */
  intro: (view: ConversationView | undefined) => ReactNode;
}) {
  const { state, reload, setData } = useApiQuery(load, []);
  const view = state.status === "ok" ? state.data : undefined;
  const unread = view?.unread ?? 0;

  useEffect(() => {
    if (unread > 0) void markRead().catch(() => undefined);
  }, [unread, markRead]);

  if (state.status !== "ok")
    return (
      <>
        {intro(undefined)}
        {state.status === "loading" && <Loading label="Chargement des messages…" />}
        {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      </>
    );
  const v = state.data;
  return (
    <>
      {intro(v)}
      <section aria-labelledby="fil-messages" className="fr-mt-4w">
        <h2 id="fil-messages">Messages</h2>
        {v.messages.length === 0 ? (
          <p>Aucun message pour le moment.</p>
        ) : (
          <ol className="fr-pl-0 socle-messages" style={{ listStyle: "none" }}>
            {v.messages.map((m) => (
              <MessageItem key={m.id} message={m} side={side} />
            ))}
          </ol>
        )}
      </section>
      {v.canWrite && (
        <MessageForm
          side={side}
          send={send}
          onSent={(m) => setData({ ...v, messages: [...v.messages, m], unread: 0 })}
        />
      )}
    </>
  );
}

function MessageItem({ message: m, side }: { message: ConversationMessage; side: Side }) {
  const ownSide = m.authorKind === side;
  const isNew = !ownSide && m.readAt === null;
  return (
    <li
      className={`fr-mb-3w fr-p-2w ${ownSide ? "fr-background-alt--blue-france" : "fr-background-alt--grey"}`}
      style={{ marginLeft: ownSide ? "min(10%, 3rem)" : 0, marginRight: ownSide ? 0 : "min(10%, 3rem)" }}
    >
      <p className="fr-text--sm fr-mb-1v">
        <strong>{m.mine ? "Vous" : m.authorName}</strong>
        {m.structureName && !m.mine && `, ${m.structureName}`}
        {" · "}
        <time dateTime={m.createdAt}>{formatInstant(m.createdAt)}</time>
        {isNew && <span className="fr-badge fr-badge--sm fr-badge--new fr-ml-1w">Nouveau</span>}
      </p>
      <p className="fr-mb-1v" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {m.body}
      </p>
      {ownSide && (
        <p className="fr-text--xs fr-mb-0">
          {m.readAt
            ? `Lu le ${formatInstant(m.readAt)}${m.readByName && side === "PROFESSIONNEL" ? ` par ${m.readByName}` : ""}`
            : "Pas encore lu"}
        </p>
      )}
    </li>
  );
}

function MessageForm({
  side,
  send,
  onSent,
}: {
  side: Side;
  send: (body: string) => Promise<ConversationMessage>;
  onSent: (m: ConversationMessage) => void;
}) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const fields = error?.fieldErrors() ?? {};
  const left = MESSAGE_MAX_LENGTH - body.length;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSent(false);
    setBusy(true);
    try {
      const m = await send(body);
      setBody("");
      setSent(true);
      onSent(m);
    } catch (err) {
      setError(
        err instanceof ApiError
          ? err
          : new ApiError(
              0,
              "internal",
              "Une erreur inattendue s'est produite. Réessayez dans quelques instants.",
            ),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="fr-mt-4w" aria-labelledby="ecrire">
      <h2 id="ecrire">{side === "PERSONNE" ? "Écrire à mon conseiller ou ma conseillère" : "Répondre"}</h2>
      <Input
        label="Votre message"
        hintText={`${MESSAGE_MAX_LENGTH.toLocaleString("fr-FR")} caractères au plus. Il ne pourra plus être modifié une fois envoyé.`}
        textArea
        nativeTextAreaProps={{
          value: body,
          onChange: (e) => setBody(e.target.value),
          rows: 5,
          maxLength: MESSAGE_MAX_LENGTH,
          name: "message",
        }}
        state={fields.body ? "error" : "default"}
        stateRelatedMessage={fields.body}
      />
      <p className="fr-text--xs fr-mt-n2w" aria-live="polite">
        {left < 200 ? `Encore ${left} caractère${left > 1 ? "s" : ""} possible${left > 1 ? "s" : ""}.` : ""}
      </p>
      {error && Object.keys(fields).length === 0 && (
        <Alert severity="error" small description={error.message} className="fr-mb-2w" role="alert" />
      )}
      {sent && (
        <Alert
          severity="success"
          small
          description="Votre message est envoyé."
          className="fr-mb-2w"
          role="status"
        />
      )}
      <Button type="submit" disabled={busy} iconId="fr-icon-send-plane-fill">
        Envoyer le message
      </Button>
    </form>
  );
}
