// The person's own space, phone first: a greeting and the card "Qui a consulté mon dossier".
import { Card } from "@codegouvfr/react-dsfr/Card";
import type { SessionView } from "../../shared/identity/identity.schema";
import { MyMessagesCard } from "../conversations/my-messages.card";
import { usePageTitle } from "../kernel/page-title";
import { firstGivenName } from "../kernel/session";
import { WeeklyActivities } from "../my-data/weekly-activities";

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
        <div className="fr-col-12 fr-col-md-6">
          <Card
            title="Mes rendez-vous"
            titleAs="h2"
            desc="Choisissez la date d'un rendez-vous auquel vous êtes invité·e, retrouvez vos prochains rendez-vous, ajoutez-les à votre agenda ou annulez-les."
            linkProps={{ to: "/mon-espace/rendez-vous" }}
            enlargeLink
            border
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <MyMessagesCard />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Card
            title="Mon dossier"
            titleAs="h2"
            desc="Ce qui se passe dans votre dossier, les notes et documents partagés avec vous, et qui fait partie de votre groupe de suivi."
            linkProps={{ to: "/mon-espace/dossier" }}
            enlargeLink
            border
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Card
            title="Mon suivi dans l'emploi"
            titleAs="h2"
            desc="Vous avez repris un emploi ? Dites-nous en un clic comment cela se passe, et demandez à être recontacté·e en cas de difficulté."
            linkProps={{ to: "/mon-espace/suivi-emploi" }}
            enlargeLink
            border
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Card
            title="Mes données"
            titleAs="h2"
            desc="Téléchargez tout ce que la plateforme sait de vous, en PDF ou en fichier JSON : c'est votre droit d'accès."
            linkProps={{ to: "/mon-espace/mes-donnees" }}
            enlargeLink
            border
          />
        </div>
      </div>
      <section className="fr-mt-4w" aria-labelledby="activites-semaine">
        <h2 id="activites-semaine">Mes activités de la semaine</h2>
        <WeeklyActivities />
      </section>
    </>
  );
}
