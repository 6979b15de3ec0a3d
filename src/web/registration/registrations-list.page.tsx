// /inscriptions — the registrations my structure started and did not send yet, to finish.
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { Link } from "react-router-dom";
import { FILE_ROLES } from "../../shared/persons/persons.access";
import { channelLabels, stepLabels } from "../../shared/registration/registration.labels";
import { registrationRoutes } from "../../shared/registration/registration.routes";
import { api } from "../kernel/api-client";
import { formatInstant } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";

export function RegistrationsListPage() {
  return (
    <RequireSession allow={(s) => s.kind === "professional" && s.roles.some((r) => FILE_ROLES.includes(r))}>
      {() => <RegistrationsList />}
    </RequireSession>
  );
}

function RegistrationsList() {
  usePageTitle("Inscriptions en cours");
  const { state, reload } = useApiQuery(() => api(registrationRoutes.listRegistrations, {}), []);
  return (
    <>
      <h1>Inscriptions en cours</h1>
      <p>Les inscriptions commencées par votre structure et pas encore envoyées.</p>
      <Button
        linkProps={{ to: "/inscriptions/nouvelle" }}
        iconId="fr-icon-user-add-line"
        className="fr-mb-3w"
      >
        Inscrire une personne
      </Button>
      {state.status === "loading" && <Loading label="Chargement des inscriptions…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" &&
        (state.data.items.length === 0 ? (
          <p>Aucune inscription en cours.</p>
        ) : (
          <Table
            caption="Inscriptions à terminer"
            headers={["Personne", "Canal", "Étape atteinte", "Dernière modification"]}
            data={state.data.items.map((r) => [
              <Link key="l" to={`/inscriptions/${r.id}`}>
                {r.displayName ?? "Identité pas encore saisie"}
              </Link>,
              channelLabels[r.canal],
              stepLabels[r.lastStep],
              formatInstant(r.updatedAt),
            ])}
          />
        ))}
    </>
  );
}
