// Error boundary of the router: an unexpected error in a page shows a French message instead of a
// blank screen. Technical details go to the console only, never on screen (they may hold personal data).
import { isRouteErrorResponse, useRouteError } from "react-router-dom";
import { NotFoundPage } from "./not-found.page";
import { usePageTitle } from "./page-title";

export function ErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return <UnexpectedError />;
}

/** Without the layout: used when the frame itself failed. */
export function RootErrorPage() {
  const error = useRouteError();
  console.error(error);
  return (
    <main id="contenu" className="fr-container fr-py-6w">
      <UnexpectedError />
    </main>
  );
}

function UnexpectedError() {
  usePageTitle("Erreur inattendue");
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-8">
        <h1>Une erreur inattendue s'est produite</h1>
        <p className="fr-text--lead">Désolé, la page n'a pas pu s'afficher.</p>
        <p>
          Rechargez la page. Si le problème continue, réessayez dans quelques minutes ou contactez
          l'assistance de votre structure. Ce que vous aviez déjà enregistré n'est pas perdu.
        </p>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="button" className="fr-btn" onClick={() => window.location.reload()}>
              Recharger la page
            </button>
          </li>
          <li>
            <a className="fr-btn fr-btn--secondary" href="/">
              Retour à l'accueil
            </a>
          </li>
        </ul>
      </div>
    </div>
  );
}
