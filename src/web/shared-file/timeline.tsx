// The fil du dossier: one chronological list, newest first, with « Afficher les événements plus anciens ».
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import type { TimelineEntry, TimelineKind, TimelinePage } from "../../shared/shared-file/shared-file.schema";
import { visibilityLabels } from "../../shared/shared-file/shared-file.visibility";
import type { ApiError } from "../kernel/api-client";
import { formatInstant } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { useApiQuery } from "../kernel/use-api-query";

const kindLabels: Record<TimelineKind, string> = {
  ORIENTATION_DECISION: "Orientation",
  DIAGNOSTIC_VERSION: "Diagnostic",
  CONTRACT_VERSION: "Contrat",
  CONTRACT_SIGNED: "Contrat",
  CONTRACT_REFUSED: "Contrat",
  NOTE: "Note",
  DOCUMENT: "Document",
  GROUP_CHANGE: "Groupe de suivi",
  NOTICE: "Information",
  APPOINTMENT: "Rendez-vous",
  MESSAGE: "Message",
};

export function Timeline({
  load,
  headingLevel,
}: {
  load: (cursor?: string) => Promise<TimelinePage>;
  headingLevel: "h2" | "h3";
}) {
  const { state, reload } = useApiQuery(() => load(), []);
  const [more, setMore] = useState<{ entries: TimelineEntry[]; next: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (state.status === "loading") return <Loading label="Chargement du fil du dossier…" />;
  if (state.status === "error") return <LoadError error={state.error} onRetry={() => void reload()} />;
  const entries = [...state.data.entries, ...(more?.entries ?? [])];
  const next = more ? more.next : state.data.nextCursor;
  const Heading = headingLevel;
  if (entries.length === 0) return <p>Rien n'est encore inscrit dans ce dossier.</p>;
  return (
    <>
      <ol className="socle-timeline fr-pl-0" style={{ listStyle: "none" }}>
        {entries.map((e) => (
          <li key={e.key} className="fr-mb-3w">
            <p className="fr-text--sm fr-mb-1v">
              <time dateTime={e.at}>{formatInstant(e.at)}</time>
              {" · "}
              {kindLabels[e.kind]}
              {e.visibility && (
                <span className="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon fr-ml-1w">
                  {visibilityLabels[e.visibility]}
                </span>
              )}
            </p>
            <Heading className="fr-text--md fr-text--bold fr-mb-1v">{e.title}</Heading>
            {e.detail && (
              <p className="fr-mb-1v" style={{ whiteSpace: "pre-wrap" }}>
                {e.detail}
              </p>
            )}
            {(e.actorName || e.structureName) && (
              <p className="fr-text--sm fr-mb-0">
                {[e.actorName, e.structureName].filter(Boolean).join(", ")}
              </p>
            )}
          </li>
        ))}
      </ol>
      {error && <LoadError error={error} />}
      {next && (
        <Button
          priority="secondary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              const page = await load(next);
              setMore({ entries: [...(more?.entries ?? []), ...page.entries], next: page.nextCursor });
            } catch (err) {
              setError(err as ApiError);
            } finally {
              setBusy(false);
            }
          }}
        >
          Afficher les événements plus anciens
        </Button>
      )}
    </>
  );
}
