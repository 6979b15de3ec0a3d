// /personnes/:personId/contrat/versions (professional) and /mon-espace/contrat/versions (the person):
// « Comparer les versions » of the contrat d'engagement. The contract is read with the same audited routes
// as the contract pages; the comparison itself happens in the browser, from the shared pure function.
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { useParams } from "react-router-dom";
import { contractRoutes } from "../../shared/contract/contract.routes";
import type { ContractView } from "../../shared/contract/contract.schema";
import { personIdSchema } from "../../shared/persons/persons.schema";
import { api } from "../kernel/api-client";
import { LoadError, Loading } from "../kernel/loading";
import { NotFoundPage } from "../kernel/not-found.page";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { VersionComparison } from "./contract-comparison";

export const COMPARE_TITLE = "Comparer les versions du contrat";
export const personComparisonPath = (personId: string) => `/personnes/${personId}/contrat/versions`;
export const MY_COMPARISON_PATH = "/mon-espace/contrat/versions";

export function ContractComparisonPage() {
  const parsed = personIdSchema.safeParse(useParams().personId);
  if (!parsed.success) return <NotFoundPage />;
  return (
    <RequireSession allow={(s) => s.kind === "professional"}>
      {() => <ProfessionalComparison personId={parsed.data} />}
    </RequireSession>
  );
}

function ProfessionalComparison({ personId }: { personId: string }) {
  const { state, reload } = useApiQuery(
    () => api(contractRoutes.getPersonContract, { params: { personId } }),
    [personId],
  );
  const name = state.status === "ok" ? state.data.personName : undefined;
  usePageTitle(name ? `${COMPARE_TITLE} de ${name}` : COMPARE_TITLE);
  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: "/" }}
        segments={[
          { label: "Personnes", linkProps: { to: "/personnes" } },
          { label: name || "Dossier", linkProps: { to: `/personnes/${personId}` } },
          { label: "Contrat d'engagement", linkProps: { to: `/personnes/${personId}/contrat` } },
        ]}
        currentPageLabel="Comparer les versions"
      />
      <h1>{COMPARE_TITLE}</h1>
      {state.status === "loading" && <Loading label="Chargement du contrat…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" && <VersionComparison view={state.data} />}
    </>
  );
}

export function MyContractComparisonPage() {
  return <RequireSession allow={(s) => s.kind === "person"}>{() => <MyComparison />}</RequireSession>;
}

function MyComparison() {
  usePageTitle(COMPARE_TITLE);
  const { state, reload } = useApiQuery(
    async () => ownContract(await api(contractRoutes.getMyContract, {})),
    [],
  );
  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: "/" }}
        segments={[{ label: "Mon contrat d'engagement", linkProps: { to: "/mon-espace/contrat" } }]}
        currentPageLabel="Comparer les versions"
      />
      <h1>{COMPARE_TITLE}</h1>
      {state.status === "loading" && <Loading label="Chargement de votre contrat…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" &&
        (state.data ? (
          <VersionComparison view={state.data} />
        ) : (
          <p>Vous n'avez pas encore de contrat d'engagement : il n'y a pas de versions à comparer.</p>
        ))}
    </>
  );
}

/** The person's contract, whether the route answers the contract or `{ contract }` (null when none yet). */
function ownContract(r: ContractView | { contract: ContractView | null }): ContractView | null {
  return "contract" in r ? r.contract : r;
}
