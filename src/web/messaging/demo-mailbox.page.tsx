// /demonstration/messages: the e-mails caught by the bundled SMTP catcher and the SMS of the demonstration
// transport, newest first (demo and test only: the API route does not exist in production). Each message
// opens on its own page with its text and the names of its attachments.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Link, useParams } from "react-router-dom";
import { messagingRoutes } from "../../shared/messaging/messaging.routes";
import { type MailboxItem, messageChannelLabels } from "../../shared/messaging/messaging.schema";
import { api } from "../kernel/api-client";
import { formatInstant } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { DEMO_MAILBOX_PATH, DEMO_MAILBOX_TITLE, demoMailboxMessagePath } from "./messaging.paths";

const isProfessional = (s: { kind: string }) => s.kind === "professional";

function DemoNotice() {
  return (
    <Alert
      severity="info"
      small
      className="fr-mb-4w"
      description="Cette page n'existe qu'en démonstration et en test : les messages ne partent pas vers leurs destinataires, ils sont recueillis ici. En production, les courriels sont remis au serveur d'envoi et aucune copie n'est gardée."
    />
  );
}

const attachmentText = (a: MailboxItem["attachments"][number]) =>
  `${a.filename} (${a.contentType}, ${a.size.toLocaleString("fr-FR")} octets)`;

export function DemoMailboxPage() {
  return <RequireSession allow={isProfessional}>{() => <DemoMailbox />}</RequireSession>;
}

function DemoMailbox() {
  usePageTitle(DEMO_MAILBOX_TITLE);
  const { state, reload } = useApiQuery(() => api(messagingRoutes.listDemoMailbox, {}), []);
  return (
    <>
      <Breadcrumb homeLinkProps={{ to: "/" }} segments={[]} currentPageLabel={DEMO_MAILBOX_TITLE} />
      <h1>{DEMO_MAILBOX_TITLE}</h1>
      <DemoNotice />
      <Button
        priority="secondary"
        iconId="fr-icon-refresh-line"
        onClick={() => void reload()}
        className="fr-mb-3w"
      >
        Actualiser
      </Button>
      {state.status === "loading" && <Loading label="Chargement des messages…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" &&
        (state.data.messages.length === 0 ? (
          <p>Aucun message n'a encore été envoyé.</p>
        ) : (
          <div className="fr-table fr-table--no-caption">
            <table>
              <caption>Messages envoyés, les plus récents d'abord</caption>
              <thead>
                <tr>
                  <th scope="col">Reçu le</th>
                  <th scope="col">Canal</th>
                  <th scope="col">Destinataire</th>
                  <th scope="col">Objet</th>
                  <th scope="col">Pièces jointes</th>
                </tr>
              </thead>
              <tbody>
                {state.data.messages.map((m) => (
                  <tr key={m.id}>
                    <td>{formatInstant(m.receivedAt)}</td>
                    <td>{messageChannelLabels[m.channel]}</td>
                    <td>{m.to}</td>
                    <td>
                      <Link to={demoMailboxMessagePath(m.id)}>
                        {m.subject || (m.channel === "SMS" ? "SMS (sans objet)" : "(sans objet)")}
                      </Link>
                    </td>
                    <td>
                      {m.attachments.length === 0 ? "—" : m.attachments.map((a) => a.filename).join(", ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {state.status === "ok" && state.data.messages.length === state.data.limit && (
        <p className="fr-text--sm">Seuls les {state.data.limit} messages les plus récents sont affichés.</p>
      )}
    </>
  );
}

export function DemoMailboxMessagePage() {
  return <RequireSession allow={isProfessional}>{() => <DemoMailboxMessage />}</RequireSession>;
}

function DemoMailboxMessage() {
  const { messageId = "" } = useParams();
  const { state, reload } = useApiQuery(
    () => api(messagingRoutes.getDemoMailboxMessage, { params: { messageId: Number(messageId) } }),
    [messageId],
  );
  const title =
    state.status === "ok"
      ? `${messageChannelLabels[state.data.channel]} à ${state.data.to}`
      : "Message envoyé (démonstration)";
  usePageTitle(title);
  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: "/" }}
        segments={[{ label: DEMO_MAILBOX_TITLE, linkProps: { to: DEMO_MAILBOX_PATH } }]}
        currentPageLabel="Message"
      />
      <h1>{title}</h1>
      <DemoNotice />
      {state.status === "loading" && <Loading label="Chargement du message…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" && (
        <>
          <dl>
            <dt className="fr-text--bold">Reçu le</dt>
            <dd>{formatInstant(state.data.receivedAt)}</dd>
            <dt className="fr-text--bold">Destinataire</dt>
            <dd>{state.data.to}</dd>
            {state.data.channel === "EMAIL" && (
              <>
                <dt className="fr-text--bold">Objet</dt>
                <dd>{state.data.subject || "(sans objet)"}</dd>
              </>
            )}
          </dl>
          <h2 className="fr-h4 fr-mt-4w">Texte</h2>
          <pre
            className="fr-p-2w"
            style={{ whiteSpace: "pre-wrap", background: "var(--background-alt-grey)" }}
          >
            {state.data.text}
          </pre>
          <h2 className="fr-h4 fr-mt-4w">Pièces jointes</h2>
          {state.data.attachments.length === 0 ? (
            <p>Aucune pièce jointe.</p>
          ) : (
            <ul>
              {state.data.attachments.map((a) => (
                <li key={a.filename}>{attachmentText(a)}</li>
              ))}
            </ul>
          )}
          <p className="fr-mt-4w">
            <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to={DEMO_MAILBOX_PATH}>
              Retour aux messages envoyés
            </Link>
          </p>
        </>
      )}
    </>
  );
}
