// The person's own space, phone first: a greeting and the card "Qui a consulté mon dossier".
import { Card } from "@codegouvfr/react-dsfr/Card";
import type { SessionView } from "../../shared/identity/identity.schema";
import { usePageTitle } from "../kernel/page-title";
import { firstGivenName } from "../kernel/session";

type Person = Extract<SessionView, { kind: "person" }>;

export const PERSON_HOME_TITLE = "Mon espace";

export function PersonHome({ session }: { session: Person }) {
  usePageTitle(PERSON_HOME_TITLE);
  return (
    <>
      <h1>{PERSON_HOME_TITLE}</h1>
      <p className="fr-text--lead">
        Bonjour {firstGivenName(session.firstNames)} {session.lastName}
      </p>
      <p>
        Cet espace vous montre ce que les professionnels qui vous accompagnent vers l'emploi savent de vous,
        et qui a consulté votre dossier.
      </p>
      <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
        <div className="fr-col-12 fr-col-md-6">
          <Card
            title="M'inscrire"
            titleAs="h2"
            desc="Inscrivez-vous, ou reprenez votre inscription là où vous l'avez laissée : ce que nous savons déjà est pré-rempli, vous n'avez qu'à le confirmer."
            linkProps={{ to: "/inscription" }}
            enlargeLink
            border
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Card
            title="Qui a consulté mon dossier"
            titleAs="h2"
            desc="La liste de chaque consultation de votre dossier : la date, l'organisme, le rôle de la personne et la raison."
            linkProps={{ to: "/mon-espace/journal" }}
            enlargeLink
            border
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Card
            title="Mon orientation"
            titleAs="h2"
            desc="L'organisme qui vous accompagne vers l'emploi, votre parcours, votre courrier de décision et comment demander un réexamen."
            linkProps={{ to: "/mon-espace/orientation" }}
            enlargeLink
            border
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Card
            title="Mon contrat d'engagement"
            titleAs="h2"
            desc="Vos objectifs, vos activités de la semaine, le contrat à signer et toutes ses versions, à télécharger en PDF."
            linkProps={{ to: "/mon-espace/contrat" }}
            enlargeLink
            border
          />
        </div>
      </div>
    </>
  );
}
