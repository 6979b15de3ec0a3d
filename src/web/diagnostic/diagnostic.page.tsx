// /personnes/:personId/diagnostic: the professional's screen of a person's diagnostic socio-professionnel.
// Not started: a button starts it (pre-filled from registration and orientation). Then the form, theme by
// theme, saved as a new version each time; the list of versions, each readable; a conflict (409) when
// someone else saved in between, with a reload.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { diagnosticRoutes } from "../../shared/diagnostic/diagnostic.routes";
import { type DiagnosticView, diagnosticFormatLabels } from "../../shared/diagnostic/diagnostic.schema";
import { ApiError, api } from "../kernel/api-client";
import { formatInstant } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { NotFoundPage } from "../kernel/not-found.page";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { DiagnosticForm, DiagnosticReadOnly } from "./diagnostic.form";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function DiagnosticPage() {
  const personId = useParams().personId ?? "";
  if (!uuid.test(personId)) return <NotFoundPage />;
  return (
    <RequireSession allow={(s) => s.kind === "professional"}>
      {() => <DiagnosticScreen personId={personId} />}
    </RequireSession>
  );
}

function DiagnosticScreen({ personId }: { personId: string }) {
  const [numero, setNumero] = useState<number | undefined>(undefined);
  const { state, reload, setData } = useApiQuery(
    () => api(diagnosticRoutes.getDiagnostic, { params: { personId }, query: { numero } }),
    [personId, numero],
  );
  const view = state.status === "ok" ? state.data : undefined;
  const name = view ? `${view.person.firstNames} ${view.person.lastName}` : undefined;
  const title = name ? `Diagnostic de ${name}` : "Diagnostic socio-professionnel";
  usePageTitle(title);
  const isCurrent = !view?.shown || view.shown.numero === view.currentNumero;
  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: "/" }}
        segments={[
          { label: "Personnes", linkProps: { to: "/personnes" } },
          { label: name ?? "Dossier", linkProps: { to: `/personnes/${personId}` } },
        ]}
        currentPageLabel="Diagnostic"
      />
      <h1>{title}</h1>
      {state.status === "loading" && <Loading label="Chargement du diagnostic…" />}
      {state.status === "error" &&
        (state.error.code === "diagnostic.not_started" ? (
          <StartDiagnostic personId={personId} onStarted={setData} />
        ) : (
          <LoadError error={state.error} onRetry={() => void reload()} />
        ))}
      {view && (
        <>
          {view.versions.length > 0 && (
            <Versions view={view} onShow={(n) => setNumero(n === view.currentNumero ? undefined : n)} />
          )}
          {isCurrent && view.actions.canWrite ? (
            <DiagnosticForm
              key={`${view.version}-${view.shown?.numero ?? 0}`}
              view={view}
              onSaved={(v) => {
                setNumero(undefined);
                setData(v);
              }}
              onReload={() => {
                setNumero(undefined);
                void reload();
              }}
            />
          ) : view.shown ? (
            <>
              {!isCurrent && (
                <Alert
                  severity="info"
                  small
                  className="fr-mb-2w"
                  description={`Vous consultez la version ${view.shown.numero}, qui n'est plus la version en cours.`}
                />
              )}
              <DiagnosticReadOnly view={view} />
            </>
          ) : (
            <p>Aucune version n'a encore été enregistrée.</p>
          )}
        </>
      )}
    </>
  );
}

function Versions({ view, onShow }: { view: DiagnosticView; onShow: (numero: number) => void }) {
  return (
    <section className="fr-mb-4w" aria-labelledby="versions-title">
      <h2 id="versions-title" className="fr-h4">
        Versions
      </h2>
      <Table
        headers={["Version", "Enregistrée le", "Par", "Structure", "Format", "Affichage"]}
        data={view.versions.map((v) => [
          v.numero === view.currentNumero ? `${v.numero} (en cours)` : String(v.numero),
          formatInstant(v.createdAt),
          v.author?.name ?? "—",
          v.structure?.name ?? "—",
          diagnosticFormatLabels[v.format],
          v.numero === view.shown?.numero ? (
            "Affichée"
          ) : (
            <Button
              key={v.numero}
              type="button"
              size="small"
              priority="tertiary"
              onClick={() => onShow(v.numero)}
            >
              Voir la version {v.numero}
            </Button>
          ),
        ])}
      />
    </section>
  );
}

function StartDiagnostic({
  personId,
  onStarted,
}: {
  personId: string;
  onStarted: (v: DiagnosticView) => void;
}) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onStarted(await api(diagnosticRoutes.startDiagnostic, { params: { personId } }));
    } catch (e) {
      setFailure(
        e instanceof ApiError ? e : new ApiError(0, "internal", "Une erreur inattendue s'est produite."),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p>
        Le diagnostic socio-professionnel de cette personne n'est pas encore commencé. Il reprend ce que
        l'inscription et l'orientation savent déjà : vous n'aurez pas à le redemander.
      </p>
      {failure && (
        <Alert severity="error" small role="alert" className="fr-mb-2w" description={failure.message} />
      )}
      <Button type="button" disabled={busy} onClick={() => void start()}>
        Commencer le diagnostic
      </Button>
    </>
  );
}
