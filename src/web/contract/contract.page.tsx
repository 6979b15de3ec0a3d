// /personnes/:personId/contrat: the professional's screen of a person's contrat d'engagement. The version in
// force or to sign, its PDF, the weekly programme (edited while the version waits for signature, with the
// running total against 15 h), a signature recorded in the person's presence (paper, with their
// acknowledgement), a new version after an essential change, and every version, each readable.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { contractRoutes } from "../../shared/contract/contract.routes";
import { type ContractView, versionMotifLabels, versionMotifs } from "../../shared/contract/contract.schema";
import { contractStateLabels } from "../../shared/contract/contract.status";
import { ApiError, api } from "../kernel/api-client";
import { formatInstantDate, formatLocalDateLong } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { NotFoundPage } from "../kernel/not-found.page";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { personComparisonPath } from "./contract-comparison.page";
import { ContractContentView, contractDocumentUrl, VersionBadge } from "./contract-content";
import { ProgrammeForm } from "./programme.form";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function ContractPage() {
  const personId = useParams().personId ?? "";
  if (!uuid.test(personId)) return <NotFoundPage />;
  return (
    <RequireSession allow={(s) => s.kind === "professional"}>
      {() => <ContractScreen personId={personId} />}
    </RequireSession>
  );
}

function ContractScreen({ personId }: { personId: string }) {
  const { state, reload, setData } = useApiQuery(
    () => api(contractRoutes.getPersonContract, { params: { personId } }),
    [personId],
  );
  const view = state.status === "ok" ? state.data : undefined;
  const title = view?.personName ? `Contrat d'engagement de ${view.personName}` : "Contrat d'engagement";
  usePageTitle(title);
  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: "/" }}
        segments={[
          { label: "Personnes", linkProps: { to: "/personnes" } },
          { label: view?.personName || "Dossier", linkProps: { to: `/personnes/${personId}` } },
        ]}
        currentPageLabel="Contrat d'engagement"
      />
      <h1>{title}</h1>
      {state.status === "loading" && <Loading label="Chargement du contrat…" />}
      {state.status === "error" &&
        (state.error.code === "contract.not_found" ? (
          <CreateContract personId={personId} onCreated={setData} />
        ) : (
          <LoadError error={state.error} onRetry={() => void reload()} />
        ))}
      {view && <Contract view={view} onChanged={setData} onReload={() => void reload()} />}
    </>
  );
}

function Failure({ error, onReload }: { error: ApiError; onReload?: () => void }) {
  return (
    <Alert
      severity={error.status === 409 ? "warning" : "error"}
      small
      role="alert"
      className="fr-mb-2w"
      description={
        <>
          {error.message}
          {error.status === 409 && onReload && (
            <Button type="button" size="small" priority="secondary" className="fr-ml-2w" onClick={onReload}>
              Recharger le contrat
            </Button>
          )}
        </>
      }
    />
  );
}

function CreateContract({ personId, onCreated }: { personId: string; onCreated: (v: ContractView) => void }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onCreated(await api(contractRoutes.createContract, { body: { personId, content: {} } }));
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
        Cette personne n'a pas encore de contrat d'engagement. Il se rédige au premier rendez-vous
        d'accompagnement, après le diagnostic, avec la personne.
      </p>
      {failure && <Failure error={failure} />}
      <Button onClick={() => void create()} disabled={busy} iconId="fr-icon-file-add-line">
        Rédiger le contrat
      </Button>
    </>
  );
}

function Contract({
  view,
  onChanged,
  onReload,
}: {
  view: ContractView;
  onChanged: (v: ContractView) => void;
  onReload: () => void;
}) {
  return (
    <>
      <dl className="socle-facts fr-mb-4w" aria-label="Résumé">
        <div>
          <dt>État du contrat</dt>
          <dd>
            <Badge small noIcon as="span" severity={view.state === "SIGNE" ? "success" : "new"}>
              {contractStateLabels[view.state]}
            </Badge>
          </dd>
        </div>
        {view.reviewDueDate && (
          <div>
            <dt>À réviser au plus tard le</dt>
            <dd>{formatLocalDateLong(view.reviewDueDate)}</dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="version-courante">
        <h2 id="version-courante">
          {view.current.state === "A_SIGNER" ? "Version à signer" : "Version en cours"}
        </h2>
        <ContractContentView socleCommun={view.socleCommun} version={view.current} />
        <p>
          <a
            className="fr-link fr-icon-download-line fr-link--icon-left"
            href={contractDocumentUrl(view.id, view.current.numero)}
            download
          >
            Télécharger cette version (PDF)
          </a>
        </p>
      </section>

      {view.actions.includes("edit") && (
        <section className="fr-mt-6w">
          <ProgrammeForm key={view.version} view={view} onSaved={onChanged} onReload={onReload} />
        </section>
      )}
      {view.actions.includes("sign") && <SignInPerson view={view} onSigned={onChanged} onReload={onReload} />}
      {view.actions.includes("new_version") && (
        <NewVersion view={view} onCreated={onChanged} onReload={onReload} />
      )}
      <Versions view={view} />
    </>
  );
}

function SignInPerson({
  view,
  onSigned,
  onReload,
}: {
  view: ContractView;
  onSigned: (v: ContractView) => void;
  onReload: () => void;
}) {
  const [acknowledged, setAcknowledged] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      onSigned(
        await api(contractRoutes.signContract, {
          params: { contractId: view.id },
          body: { version: view.version, accuseReceptionPersonne: acknowledged },
        }),
      );
    } catch (err) {
      setFailure(
        err instanceof ApiError ? err : new ApiError(0, "internal", "Une erreur inattendue s'est produite."),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="fr-mt-6w" aria-labelledby="signature">
      <h2 id="signature">Signature en présence de la personne</h2>
      <p>
        La personne peut signer elle-même dans son espace personnel. Si elle signe le contrat papier avec
        vous, enregistrez sa signature ici.
      </p>
      <form onSubmit={submit}>
        {failure && <Failure error={failure} onReload={onReload} />}
        <Checkbox
          options={[
            {
              label:
                "La personne a reçu un exemplaire lisible de cette version, l'a lue et l'a signée devant moi",
              nativeInputProps: {
                name: "accuseReceptionPersonne",
                checked: acknowledged,
                onChange: (e) => setAcknowledged(e.target.checked),
              },
            },
          ]}
        />
        <Button type="submit" disabled={busy || !acknowledged}>
          Enregistrer la signature
        </Button>
      </form>
    </section>
  );
}

function NewVersion({
  view,
  onCreated,
  onReload,
}: {
  view: ContractView;
  onCreated: (v: ContractView) => void;
  onReload: () => void;
}) {
  const motifs = versionMotifs.filter((m) => m !== "INITIAL");
  const [motif, setMotif] = useState<(typeof motifs)[number] | "">("");
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!motif) return;
    setBusy(true);
    setFailure(null);
    try {
      onCreated(
        await api(contractRoutes.newContractVersion, {
          params: { contractId: view.id },
          body: { version: view.version, motif, content: view.current.content },
        }),
      );
    } catch (err) {
      setFailure(
        err instanceof ApiError ? err : new ApiError(0, "internal", "Une erreur inattendue s'est produite."),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="fr-mt-6w" aria-labelledby="nouvelle-version">
      <h2 id="nouvelle-version">Nouvelle version</h2>
      <p>
        Une révision (au moins tous les six mois) ou un changement essentiel du parcours demande une nouvelle
        version, à faire signer. Elle reprend le contenu actuel, que vous pourrez ensuite modifier ; la
        version actuelle reste consultable.
      </p>
      <form onSubmit={submit}>
        {failure && <Failure error={failure} onReload={onReload} />}
        <Select
          label="Motif"
          nativeSelectProps={{
            name: "motif",
            value: motif,
            onChange: (e) => setMotif(e.target.value as (typeof motifs)[number] | ""),
          }}
        >
          <option value="" disabled>
            Choisir le motif
          </option>
          {motifs.map((m) => (
            <option key={m} value={m}>
              {versionMotifLabels[m]}
            </option>
          ))}
        </Select>
        <Button type="submit" priority="secondary" disabled={busy || !motif}>
          Créer la nouvelle version
        </Button>
      </form>
    </section>
  );
}

function Versions({ view }: { view: ContractView }) {
  return (
    <section className="fr-mt-6w" aria-labelledby="versions">
      <h2 id="versions">Toutes les versions</h2>
      {view.versions.length > 1 && (
        <p>
          <Link
            className="fr-link fr-icon-arrow-left-right-line fr-link--icon-left"
            to={personComparisonPath(view.personId)}
          >
            Comparer les versions
          </Link>
        </p>
      )}
      <Table
        headers={["Version", "Motif", "État", "Créée le", "Signée ou refusée le", "Document"]}
        data={view.versions.map((v) => [
          String(v.numero),
          versionMotifLabels[v.motif],
          <VersionBadge key="state" state={v.state} />,
          formatInstantDate(v.createdAt),
          v.signedAt ? formatInstantDate(v.signedAt) : v.refusedAt ? formatInstantDate(v.refusedAt) : "—",
          <a key="pdf" className="fr-link" href={contractDocumentUrl(view.id, v.numero)} download>
            PDF de la version {v.numero}
          </a>,
        ])}
      />
    </section>
  );
}
