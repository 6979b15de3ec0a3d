// /inscription — the person's own registration: starts it, or resumes the draft, then opens the form.
import { useEffect, useState } from "react";
import { Link, Navigate } from "react-router-dom";
import { registrationRoutes } from "../../shared/registration/registration.routes";
import { ApiError, api } from "../kernel/api-client";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";

export function MyRegistrationPage() {
  return <RequireSession allow={(s) => s.kind === "person"}>{() => <Start />}</RequireSession>;
}

function Start() {
  usePageTitle("Mon inscription");
  const [state, setState] = useState<
    { kind: "loading" } | { kind: "ok"; id: string } | { kind: "error"; error: ApiError }
  >({ kind: "loading" });
  useEffect(() => {
    api(registrationRoutes.startRegistration, { body: {} })
      .then((v) => setState({ kind: "ok", id: v.id }))
      .catch((e) =>
        setState({
          kind: "error",
          error:
            e instanceof ApiError ? e : new ApiError(0, "internal", "Une erreur inattendue s'est produite."),
        }),
      );
  }, []);
  if (state.kind === "ok") return <Navigate to={`/inscriptions/${state.id}`} replace />;
  return (
    <>
      <h1>Mon inscription</h1>
      {state.kind === "loading" && <Loading label="Préparation de votre inscription…" />}
      {state.kind === "error" && (
        <>
          <LoadError
            error={state.error}
            title={
              state.error.code === "registration.already_registered" ? "Vous êtes déjà inscrit·e" : undefined
            }
          />
          <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/">
            Retour à mon espace
          </Link>
        </>
      )}
    </>
  );
}
