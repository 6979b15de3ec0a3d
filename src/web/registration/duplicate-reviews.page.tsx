// /doublons — possible duplicates to examine (my structure, or my département's queue).
import { Table } from "@codegouvfr/react-dsfr/Table";
import { Link } from "react-router-dom";
import { registrationRoutes } from "../../shared/registration/registration.routes";
import { api } from "../kernel/api-client";
import { formatInstant, formatLocalDate } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { canReviewDuplicates } from "./registration.access";

export function DuplicateReviewsPage() {
  return <RequireSession allow={canReviewDuplicates}>{() => <DuplicateReviews />}</RequireSession>;
}

function DuplicateReviews() {
  usePageTitle("Doublons possibles à examiner");
  const { state, reload } = useApiQuery(() => api(registrationRoutes.listDuplicateReviews, {}), []);
  return (
    <>
      <h1>Doublons possibles à examiner</h1>
      <p>
        Deux dossiers portent le même nom, le même prénom et la même date de naissance, ou un même
        identifiant. Aucune fusion n'est automatique : comparez-les, puis fusionnez-les ou indiquez qu'il
        s'agit de deux personnes.
      </p>
      {state.status === "loading" && <Loading label="Chargement…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" &&
        (state.data.items.length === 0 ? (
          <p>Aucun doublon possible à examiner.</p>
        ) : (
          <Table
            caption="Doublons possibles"
            headers={["Personne", "Date de naissance", "Signalé le", "À examiner avant le"]}
            data={state.data.items.map((d) => [
              <Link key="l" to={`/doublons/${d.workItemId}`}>
                {d.displayName}
              </Link>,
              formatLocalDate(d.birthDate),
              formatInstant(d.createdAt),
              formatLocalDate(d.dueDate),
            ])}
          />
        ))}
    </>
  );
}
