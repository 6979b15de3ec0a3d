import { Link } from "react-router-dom";
import { usePageTitle } from "./page-title";

export function NotFoundPage() {
  usePageTitle("Page introuvable");
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-8">
        <h1>Page introuvable</h1>
        <p className="fr-text--sm fr-mb-3w">Erreur 404</p>
        <p className="fr-text--lead">La page que vous cherchez n'existe pas, ou son adresse a changé.</p>
        <p>Vérifiez l'adresse saisie, ou repartez de la page d'accueil.</p>
        <Link className="fr-btn" to="/">
          Retour à l'accueil
        </Link>
      </div>
    </div>
  );
}
