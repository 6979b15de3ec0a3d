// /inscriptions/:registrationId — a registration, for the person who registers or the professional who helps.
import { useParams } from "react-router-dom";
import { registrationRoutes } from "../../shared/registration/registration.routes";
import { api } from "../kernel/api-client";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { RegistrationForm } from "./registration-form";

export function RegistrationPage() {
  return (
    <RequireSession>
      {(session) => <Registration forProfessional={session.kind === "professional"} />}
    </RequireSession>
  );
}

function Registration({ forProfessional }: { forProfessional: boolean }) {
  const { registrationId = "" } = useParams();
  const title = forProfessional ? "Inscrire une personne" : "Mon inscription";
  usePageTitle(title);
  const { state, reload } = useApiQuery(
    () => api(registrationRoutes.getRegistration, { params: { registrationId } }),
    [registrationId],
  );
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>{title}</h1>
        {state.status === "loading" && <Loading label="Chargement de l'inscription…" />}
        {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
        {state.status === "ok" && (
          <>
            {!forProfessional && state.data.status === "BROUILLON" && (
              <p className="fr-text--sm">
                Vos réponses sont enregistrées au fur et à mesure : vous pouvez vous arrêter et reprendre plus
                tard. Les champs sont obligatoires sauf mention « facultatif ».
              </p>
            )}
            {forProfessional && state.data.startedBy.structureName && (
              <p className="fr-text--sm">Inscription commencée par {state.data.startedBy.structureName}.</p>
            )}
            <RegistrationForm key={state.data.id} initial={state.data} forProfessional={forProfessional} />
          </>
        )}
      </div>
    </div>
  );
}
