// /mon-espace/contrat: the person's contrat d'engagement (parcours.md §6.1, §6.4). They read the version to
// sign (and can download it) before signing or refusing it; a refusal may give a reason and can be
// reconsidered later. Older versions stay readable.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import { contractRoutes } from "../../shared/contract/contract.routes";
import { type ContractView, versionMotifLabels } from "../../shared/contract/contract.schema";
import { ApiError, api } from "../kernel/api-client";
import { formatLocalDateLong } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { MY_COMPARISON_PATH } from "./contract-comparison.page";
import { ContractContentView, contractDocumentUrl, versionStatusText } from "./contract-content";

export const MY_CONTRACT_TITLE = "Mon contrat d'engagement";

export function MyContractPage() {
  return <RequireSession allow={(s) => s.kind === "person"}>{() => <MyContract />}</RequireSession>;
}

function MyContract() {
  usePageTitle(MY_CONTRACT_TITLE);
  const { state, reload, setData } = useApiQuery(() => api(contractRoutes.getMyContract, {}), []);
  return (
    <>
      <Breadcrumb homeLinkProps={{ to: "/" }} segments={[]} currentPageLabel={MY_CONTRACT_TITLE} />
      <h1>{MY_CONTRACT_TITLE}</h1>
      {state.status === "loading" && <Loading label="Chargement de votre contrat…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" && !state.data.contract && (
        <p>
          Vous n'avez pas encore de contrat d'engagement. Vous le construirez avec votre référent·e lors d'un
          rendez-vous d'accompagnement, après le diagnostic de votre situation.
        </p>
      )}
      {state.status === "ok" && state.data.contract && (
        <Content
          view={state.data.contract}
          onChanged={(contract) => setData({ contract })}
          onReload={() => void reload()}
        />
      )}
    </>
  );
}

function Content({
  view,
  onChanged,
  onReload,
}: {
  view: ContractView;
  onChanged: (v: ContractView) => void;
  onReload: () => void;
}) {
  const toSign = view.current.state === "A_SIGNER" && view.actions.includes("sign");
  const older = view.versions.filter((v) => v.numero !== view.current.numero);
  return (
    <>
      {toSign && (
        <Alert
          severity="info"
          as="h2"
          className="fr-mb-4w"
          title="Une version de votre contrat attend votre signature"
          description="Lisez-la attentivement. Vous pouvez la télécharger, poser vos questions à votre référent·e, puis la signer ou la refuser en bas de cette page."
        />
      )}
      <h2 className="fr-h4">
        {view.current.state === "A_SIGNER"
          ? "La version à signer"
          : `Version ${view.current.numero} de votre contrat`}
      </h2>
      <ContractContentView socleCommun={view.socleCommun} version={view.current} />
      <p>
        <a
          className="fr-link fr-icon-download-line fr-link--icon-left"
          href={contractDocumentUrl(view.id, view.current.numero)}
          download
        >
          Télécharger mon contrat (PDF)
        </a>
      </p>
      {view.reviewDueDate && (
        <p>Votre contrat sera revu avec vous au plus tard le {formatLocalDateLong(view.reviewDueDate)}.</p>
      )}
      {(view.actions.includes("sign") || view.actions.includes("refuse")) && (
        <Decide view={view} onDone={onChanged} onReload={onReload} />
      )}
      {older.length > 0 && (
        <section className="fr-mt-6w" aria-labelledby="anciennes">
          <h2 id="anciennes">Versions précédentes</h2>
          <p>
            <Link
              className="fr-link fr-icon-arrow-left-right-line fr-link--icon-left"
              to={MY_COMPARISON_PATH}
            >
              Comparer les versions
            </Link>
          </p>
          <ul>
            {older.map((v) => (
              <li key={v.numero}>
                Version {v.numero} ({versionMotifLabels[v.motif]}) : {versionStatusText(v)}{" "}
                <a className="fr-link" href={contractDocumentUrl(view.id, v.numero)} download>
                  PDF de la version {v.numero}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function Decide({
  view,
  onDone,
  onReload,
}: {
  view: ContractView;
  onDone: (v: ContractView) => void;
  onReload: () => void;
}) {
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (call: () => Promise<ContractView>) => {
    setBusy(true);
    setFailure(null);
    try {
      onDone(await call());
    } catch (err) {
      setFailure(
        err instanceof ApiError ? err : new ApiError(0, "internal", "Une erreur inattendue s'est produite."),
      );
    } finally {
      setBusy(false);
    }
  };
  const sign = () =>
    run(() =>
      api(contractRoutes.signContract, { params: { contractId: view.id }, body: { version: view.version } }),
    );
  const refuse = (e: FormEvent) => {
    e.preventDefault();
    void run(() =>
      api(contractRoutes.refuseContract, {
        params: { contractId: view.id },
        body: { version: view.version, ...(reason.trim() ? { motif: reason.trim() } : {}) },
      }),
    );
  };

  return (
    <section className="fr-mt-6w" aria-labelledby="decider">
      <h2 id="decider">Signer ou refuser</h2>
      <p>
        En signant, vous acceptez les engagements de cette version. Si vous la refusez, votre référent·e en
        sera informé·e et en reparlera avec vous ; vous pourrez la signer plus tard. Aucune sanction n'est
        prise sans que vous ayez pu vous expliquer.
      </p>
      {failure && (
        <Alert
          severity={failure.status === 409 ? "warning" : "error"}
          small
          role="alert"
          className="fr-mb-2w"
          description={
            <>
              {failure.message}
              {failure.status === 409 && (
                <Button
                  type="button"
                  size="small"
                  priority="secondary"
                  className="fr-ml-2w"
                  onClick={onReload}
                >
                  Recharger mon contrat
                </Button>
              )}
            </>
          }
        />
      )}
      {!refusing ? (
        <ul className="fr-btns-group fr-btns-group--inline-md">
          {view.actions.includes("sign") && (
            <li>
              <Button type="button" disabled={busy} onClick={() => void sign()}>
                Signer le contrat
              </Button>
            </li>
          )}
          {view.actions.includes("refuse") && (
            <li>
              <Button type="button" priority="secondary" disabled={busy} onClick={() => setRefusing(true)}>
                Refuser le contrat
              </Button>
            </li>
          )}
        </ul>
      ) : (
        <form onSubmit={refuse} aria-label="Refuser le contrat">
          <Input
            label="Pourquoi refusez-vous ce contrat ? (facultatif)"
            textArea
            nativeTextAreaProps={{
              name: "motif",
              value: reason,
              maxLength: 1000,
              onChange: (e) => setReason(e.target.value),
            }}
          />
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Button type="submit" disabled={busy}>
                Confirmer le refus
              </Button>
            </li>
            <li>
              <Button type="button" priority="secondary" disabled={busy} onClick={() => setRefusing(false)}>
                Annuler
              </Button>
            </li>
          </ul>
        </form>
      )}
    </section>
  );
}
