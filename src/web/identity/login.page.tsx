// /connexion: two clear entry points, one for professionals (ProConnect) and one for the persons
// they accompany (FranceConnect). Both are full-page navigations to the server's login routes.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { FranceConnectButton } from "@codegouvfr/react-dsfr/FranceConnectButton";
import { ProConnectButton } from "@codegouvfr/react-dsfr/ProConnectButton";
import { Navigate, useSearchParams } from "react-router-dom";
import { Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { useSession } from "../kernel/session";
import { loginMessages, unknownLoginError } from "./login-messages";

export const LOGIN_URL_PRO = "/auth/login/pro";
export const LOGIN_URL_PERSON = "/auth/login/person";

export function LoginPage() {
  usePageTitle("Connexion");
  const { state } = useSession();
  const [search] = useSearchParams();
  const code = search.get("erreur");
  const message = code ? (loginMessages[code] ?? unknownLoginError) : undefined;
  const retour = localPath(search.get("retour"));
  const withReturn = (url: string) => (retour ? `${url}?${new URLSearchParams({ retour })}` : url);

  if (state.status === "loading") return <Loading label="Chargement…" />;
  if (state.status === "authenticated" && !message) return <Navigate to="/" replace />;

  return (
    <>
      <h1>Connexion à Socle</h1>
      <p className="fr-text--lead">Choisissez votre situation pour vous connecter.</p>
      {message && (
        <Alert
          className="fr-mb-4w"
          severity={message.severity}
          title={message.title}
          description={message.description}
          as="h2"
          role={message.severity === "error" ? "alert" : "status"}
        />
      )}
      <div className="fr-grid-row fr-grid-row--gutters">
        <section className="fr-col-12 fr-col-md-6" aria-labelledby="connexion-pro">
          <div className="fr-p-4w fr-background-alt--blue-france socle-block">
            <h2 id="connexion-pro">Je suis un professionnel</h2>
            <p>
              Vous travaillez à France Travail, dans une mission locale, un Cap emploi, un conseil
              départemental ou chez un partenaire du réseau pour l'emploi. Connectez-vous avec votre compte
              professionnel.
            </p>
            <ProConnectButton url={withReturn(LOGIN_URL_PRO)} />
          </div>
        </section>
        <section className="fr-col-12 fr-col-md-6" aria-labelledby="connexion-personne">
          <div className="fr-p-4w fr-background-alt--grey socle-block">
            <h2 id="connexion-personne">Je suis accompagné·e</h2>
            <p>
              Vous êtes accompagné·e vers l'emploi. Connectez-vous avec FranceConnect pour voir votre dossier
              et savoir qui l'a consulté.
            </p>
            <FranceConnectButton url={withReturn(LOGIN_URL_PERSON)} />
          </div>
        </section>
      </div>
    </>
  );
}

/** Only a path of this site ("/personnes?page=2"), never another origin ("//…", "https://…"). */
function localPath(value: string | null): string | undefined {
  if (!value || value.length > 512) return undefined;
  const local = value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\");
  return local ? value : undefined;
}
