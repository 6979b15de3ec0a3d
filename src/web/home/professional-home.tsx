// Professional home: the h1 names the role ("Espace conseiller·ère référent·e"), then what the role
// does and its shortcuts. Roles that never see named persons (pilotage, employer relations) get no
// link to persons' files.
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Card } from "@codegouvfr/react-dsfr/Card";
import { Notice } from "@codegouvfr/react-dsfr/Notice";
import {
  type ProfessionalRole,
  roleLabels,
  type SessionView,
  structureKindLabels,
} from "../../shared/identity/identity.schema";
import { FILE_ROLES } from "../../shared/persons/persons.access";
import { usePageTitle } from "../kernel/page-title";
import { DemoMailboxLink } from "../messaging/demo-mailbox-link";
import { homeDashboardPath } from "../steering/dashboard.paths";
import { lowerFirst, primaryRole, roleDescriptions } from "./home.roles";

type Professional = Extract<SessionView, { kind: "professional" }>;

export function professionalHomeTitle(role: ProfessionalRole | undefined): string {
  return role ? `Espace ${lowerFirst(roleLabels[role])}` : "Espace professionnel";
}

export function ProfessionalHome({ session }: { session: Professional }) {
  const role = primaryRole(session.roles);
  const title = professionalHomeTitle(role);
  usePageTitle(title);
  const otherRoles = session.roles.filter((r) => r !== role);
  const departement = managedDepartement(session);

  return (
    <>
      <h1>{title}</h1>
      <p className="fr-text--lead fr-mb-1w">
        Bonjour {session.firstName} {session.lastName}
      </p>
      <p className="fr-text--sm fr-mb-4w">
        {session.structure.name} ({structureKindLabels[session.structure.kind]}, département{" "}
        {session.structure.departement})
      </p>

      {role && <p>{roleDescriptions[role]}</p>}
      {!role && (
        <Notice
          title="Aucun rôle ne vous a encore été attribué. Demandez à l'administrateur·rice de votre structure de vous en donner un."
          isClosable={false}
        />
      )}

      <RoleSection
        role={role}
        departement={departement}
        hasFileRole={session.roles.some((r) => FILE_ROLES.includes(r))}
        dashboard={homeDashboardPath(session)}
      />
      {/* demo and test only: the messages the platform sent, caught instead of delivered */}
      <DemoMailboxLink />

      {otherRoles.length > 0 && (
        <section className="fr-mt-6w" aria-labelledby="autres-roles">
          <h2 id="autres-roles" className="fr-h4">
            Vos autres rôles
          </h2>
          <ul>
            {otherRoles.map((r) => (
              <li key={r}>
                <strong>{roleLabels[r]}</strong> : {roleDescriptions[r]}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function RoleSection(props: {
  role: ProfessionalRole | undefined;
  departement: string | null;
  hasFileRole: boolean;
  /** the steering dashboard of the user's territory */
  dashboard: string;
}) {
  const { role, departement, hasFileRole, dashboard } = props;
  if (role === "conseiller" || role === "charge_orientation" || role === "admin_structure") {
    return (
      <section aria-labelledby="raccourcis">
        <h2 id="raccourcis" className="fr-h4 fr-mt-4w">
          Raccourcis
        </h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Card
              title="Mes personnes suivies"
              titleAs="h3"
              desc="Retrouvez les personnes accompagnées par votre structure : recherche par nom, NIR ou numéro France Travail, puis accès à leur dossier."
              linkProps={{ to: "/personnes" }}
              enlargeLink
              border
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            {role === "charge_orientation" ? (
              <Card
                title="Personnes à orienter"
                titleAs="h3"
                desc="Les orientations de votre département à décider, de la plus urgente à la moins urgente, avec la proposition calculée."
                linkProps={{ to: "/orientation" }}
                enlargeLink
                border
              />
            ) : (
              <Card
                title="Activités à traiter"
                titleAs="h3"
                desc="Les activités de votre structure, comme les premiers rendez-vous d'accompagnement à prendre, par échéance."
                linkProps={{ to: "/activites" }}
                enlargeLink
                border
              />
            )}
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Card
              title="Agenda de la structure"
              titleAs="h3"
              desc="Les créneaux de la semaine, qui est inscrit·e, l'ouverture de nouveaux créneaux et la présence aux rendez-vous."
              linkProps={{ to: "/agenda" }}
              enlargeLink
              border
            />
          </div>
        </div>
      </section>
    );
  }
  if (role === "manager_territorial") {
    return (
      <section aria-labelledby="raccourcis">
        <h2 id="raccourcis" className="fr-h4 fr-mt-4w">
          Raccourcis
        </h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Card
              title={
                departement
                  ? `Personnes suivies dans le département ${departement}`
                  : "Personnes suivies dans votre département"
              }
              titleAs="h3"
              desc="Toutes les personnes accompagnées dans votre département, quelle que soit la structure qui les suit."
              linkProps={{ to: "/personnes" }}
              enlargeLink
              border
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Card
              title="Importer un flux CAF/MSA"
              titleAs="h3"
              desc="Le flux bénéficiaires RSA : création des personnes, nouveaux entrants à orienter, quarantaine des enregistrements inutilisables."
              linkProps={{ to: "/imports/cnaf" }}
              enlargeLink
              border
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <DashboardCard to={dashboard} />
          </div>
        </div>
      </section>
    );
  }
  if (role === "pilotage") {
    return (
      <section aria-labelledby="raccourcis">
        <h2 id="raccourcis" className="fr-h4 fr-mt-4w">
          Raccourcis
        </h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <DashboardCard to={dashboard} />
          </div>
        </div>
        <p className="fr-mt-2w">
          Ce rôle ne donne accès qu'à des chiffres agrégés : vous ne verrez jamais le dossier d'une personne
          nommée.
        </p>
      </section>
    );
  }
  if (role === "charge_relation_entreprise") {
    return (
      <CallOut title="L'espace employeurs est à venir" titleAs="h2" className="fr-mt-4w">
        La gestion des entreprises, des offres d'emploi et des mises en relation n'est pas encore disponible
        dans Socle. Elle arrivera dans une prochaine version.
        {!hasFileRole && " Ce rôle ne donne pas accès aux dossiers des personnes."}
      </CallOut>
    );
  }
  return null;
}

function DashboardCard({ to }: { to: string }) {
  return (
    <Card
      title="Tableau de bord"
      titleAs="h3"
      desc="Les indicateurs de pilotage de votre territoire (nouveaux entrants, délais d'orientation, contrats signés…), par mois, trimestre ou année, avec leur définition et leur export."
      linkProps={{ to }}
      enlargeLink
      border
    />
  );
}

/** Mirrors the server rule: a territorial manager's département is their scope's, else their structure's. */
function managedDepartement(session: Professional): string | null {
  if (!session.roles.includes("manager_territorial")) return null;
  if (session.scope?.level === "departement" && session.scope.code) return session.scope.code;
  return session.structure.departement;
}
