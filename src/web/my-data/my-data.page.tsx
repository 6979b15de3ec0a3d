// /mon-espace/mes-donnees: the right of access in the personal space (PS-19 to PS-21). It says what the
// files hold and what they leave out (and how to ask for it), then offers the two downloads. Phone first:
// one column, full-width buttons.
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Link } from "react-router-dom";
import { myDataRoutes } from "../../shared/my-data/my-data.routes";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";

export const MY_DATA_TITLE = "Mes données";

export function MyDataPage() {
  return <RequireSession allow={(s) => s.kind === "person"}>{() => <MyData />}</RequireSession>;
}

function MyData() {
  usePageTitle(MY_DATA_TITLE);
  return (
    <>
      <Breadcrumb homeLinkProps={{ to: "/" }} segments={[]} currentPageLabel={MY_DATA_TITLE} />
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-8">
          <h1>{MY_DATA_TITLE}</h1>
          <p className="fr-text--lead">
            Vous avez le droit de savoir ce que la plateforme sait de vous et d'en obtenir une copie : c'est
            le droit d'accès (article 15 du RGPD).
          </p>

          <h2>Ce que contient le fichier</h2>
          <ul>
            <li>votre identité et vos coordonnées ;</li>
            <li>votre droit au RSA, tel que la CAF ou la MSA nous l'a transmis ;</li>
            <li>vos inscriptions ;</li>
            <li>vos orientations : les critères, la proposition calculée et la décision prise ;</li>
            <li>votre référent·e et les structures qui vous accompagnent ;</li>
            <li>votre diagnostic et votre contrat d'engagement, avec toutes leurs versions ;</li>
            <li>vos rendez-vous, et les notes et documents partagés avec vous ;</li>
            <li>la liste de chaque consultation de votre dossier.</li>
          </ul>

          <h2>Ce qui n'y figure pas</h2>
          <ul>
            <li>
              Votre numéro de sécurité sociale n'est jamais écrit en entier : seuls ses deux derniers chiffres
              apparaissent.
            </li>
            <li>
              Les informations confidentielles de votre diagnostic (santé, addictions, violences familiales)
              ne sont jamais copiées dans un fichier, pour vous protéger si ce fichier est perdu ou partagé.
              Le fichier indique si elles existent.
            </li>
            <li>Les notes de travail réservées aux professionnels qui vous accompagnent.</li>
          </ul>
          <p>
            Vous pouvez demander à les consulter, ou en recevoir une copie, auprès de votre référent·e ou du
            conseil départemental : en ligne, par courrier ou au guichet. Votre demande reçoit une réponse
            dans le délai légal d'un mois.
          </p>

          <h2>Télécharger</h2>
          <p>
            Le document PDF se lit et s'imprime facilement. Le fichier JSON est fait pour être lu par un
            logiciel, par exemple pour transmettre vos données à un autre service ; il contient une
            explication en français.
          </p>
          <ul className="fr-btns-group">
            <li>
              <a
                className="fr-btn fr-btn--icon-left fr-icon-download-line"
                href={myDataRoutes.exportMyDataPdf.url}
                download
              >
                Télécharger mes données (PDF)
              </a>
            </li>
            <li>
              <a
                className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-download-line"
                href={myDataRoutes.exportMyDataJson.url}
                download
              >
                Télécharger mes données (JSON)
              </a>
            </li>
          </ul>
          <p className="fr-text--sm">
            Ces fichiers contiennent des informations personnelles : sur un ordinateur ou un téléphone
            partagé, supprimez-les après usage. Chaque téléchargement est noté dans la liste{" "}
            <Link to="/mon-espace/journal">« Qui a consulté mon dossier »</Link>.
          </p>

          <h2>Vos autres droits</h2>
          <p>
            Si une information est fausse, vous pouvez demander qu'elle soit corrigée. Vous pouvez aussi
            demander à limiter l'usage de certaines données ou vous y opposer quand la loi le permet.
            Parlez-en à votre référent·e, ou écrivez au conseil départemental.
          </p>
          <p>
            <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to="/mon-espace/journal">
              Qui a consulté mon dossier
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}
