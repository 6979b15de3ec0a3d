// /activites: « Activités à traiter », the work queue of the professional's structure (first appointments
// to book…), sorted by due date, overdue ones flagged.
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { Link, useSearchParams } from "react-router-dom";
import { FILE_ROLES } from "../../shared/persons/persons.access";
import { workItemsRoutes } from "../../shared/work-items/work-items.routes";
import { workItemTypeLabels } from "../../shared/work-items/work-items.schema";
import { api } from "../kernel/api-client";
import { formatInstantDate, personName } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { DueCell, queueSummary } from "./due-badge";

export const WORK_ITEMS_TITLE = "Activités à traiter";

export function WorkItemsPage() {
  return (
    <RequireSession allow={(s) => s.kind === "professional" && s.roles.some((r) => FILE_ROLES.includes(r))}>
      {() => <WorkItems />}
    </RequireSession>
  );
}

function WorkItems() {
  usePageTitle(WORK_ITEMS_TITLE);
  const [search] = useSearchParams();
  const page = Math.max(1, Math.floor(Number(search.get("page"))) || 1);
  const { state, reload } = useApiQuery(
    () => api(workItemsRoutes.listWorkItems, { query: { scope: "structure", page } }),
    [page],
  );
  return (
    <>
      <h1>{WORK_ITEMS_TITLE}</h1>
      <p>Les activités de votre structure, de la plus urgente à la moins urgente.</p>
      {state.status === "loading" && <Loading label="Chargement des activités…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" && (
        <>
          <p role="status" className="fr-text--bold">
            {queueSummary(state.data.total, state.data.overdue, state.data.dueSoon, [
              "activité à traiter",
              "activités à traiter",
            ])}
          </p>
          {state.data.items.length > 0 && (
            <Table
              caption="Activités de ma structure, de la plus urgente à la moins urgente"
              headers={["Activité", "Personne", "Créée le", "Échéance"]}
              data={state.data.items.map((i) => [
                workItemTypeLabels[i.type],
                <Link key="p" to={`/personnes/${i.person.id}`}>
                  {personName(i.person)}
                </Link>,
                formatInstantDate(i.createdAt),
                <DueCell key="d" {...i} />,
              ])}
            />
          )}
          {state.data.total > state.data.pageSize && (
            <Pagination
              className="fr-mt-4w"
              count={Math.ceil(state.data.total / state.data.pageSize)}
              defaultPage={page}
              getPageLinkProps={(n) => ({ to: n > 1 ? `/activites?page=${n}` : "/activites" })}
            />
          )}
        </>
      )}
    </>
  );
}
