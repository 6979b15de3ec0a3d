// Guards a page: waits for the session, sends anonymous visitors to /connexion, and tells a
// logged-in user plainly when the page is not meant for their account. The server still decides.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ReactNode } from "react";
import { Link, Navigate, useLocation } from "react-router-dom";
import type { SessionView } from "../../shared/identity/identity.schema";
import { Loading } from "./loading";
import { usePageTitle } from "./page-title";
import { useSession } from "./session";

type Props = {
  /** Which sessions may see the page; default: any logged-in user. */
  allow?: (session: SessionView) => boolean;
  children: (session: SessionView) => ReactNode;
};

export function RequireSession({ allow, children }: Props) {
  const { state, reload } = useSession();
  const location = useLocation();

  if (state.status === "loading") return <Loading label="Vérification de votre session…" />;
  if (state.status === "anonymous") {
    // after login, the server sends the user back to this page (`retour`, checked server-side)
    const search = new URLSearchParams();
    if (state.expired) search.set("erreur", "session_expiree");
    const here = location.pathname + location.search;
    if (here !== "/") search.set("retour", here);
    const qs = search.toString();
    return <Navigate to={`/connexion${qs ? `?${qs}` : ""}`} replace />;
  }
  if (state.status === "error") {
    return (
      <>
        <h1>Connexion au service impossible</h1>
        <Alert
          severity="error"
          title="Votre session n'a pas pu être vérifiée"
          description={state.error.message}
        />
        <Button className="fr-mt-3w" onClick={() => void reload()}>
          Réessayer
        </Button>
      </>
    );
  }
  if (allow && !allow(state.session)) return <NotForYou />;
  return <>{children(state.session)}</>;
}

function NotForYou() {
  usePageTitle("Page non accessible");
  return (
    <>
      <h1>Cette page n'est pas accessible avec votre compte</h1>
      <p>
        Votre rôle ne donne pas accès à cette page. Si vous pensez que c'est une erreur, contactez
        l'administrateur·rice de votre structure.
      </p>
      <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/">
        Retour à l'accueil
      </Link>
    </>
  );
}
