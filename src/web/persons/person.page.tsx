// /personnes/:personId: a person's identity (état civil, identifiants, coordonnées, adresse, suivi),
// the contact edit form, and a link to the file's access log.
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Link, useParams } from "react-router-dom";
import { structureKindLabels, structureKindSchema } from "../../shared/identity/identity.schema";
import { personsRoutes } from "../../shared/persons/persons.routes";
import { householdRoleLabels, type PersonView, personIdSchema } from "../../shared/persons/persons.schema";
import { MessagesLink } from "../conversations/messages-link";
import { api } from "../kernel/api-client";
import { formatInstantDate, formatLocalDateLong, NOT_PROVIDED, personName } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { NotFoundPage } from "../kernel/not-found.page";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { FactsBlock } from "./person-facts";
import { UpdateContactForm } from "./update-contact.form";

export function PersonPage() {
  const parsed = personIdSchema.safeParse(useParams().personId);
  if (!parsed.success) return <NotFoundPage />;
  return (
    <RequireSession allow={(s) => s.kind === "professional"}>
      {() => <PersonFile personId={parsed.data} />}
    </RequireSession>
  );
}

function PersonFile({ personId }: { personId: string }) {
  const { state, reload, setData } = useApiQuery(
    () => api(personsRoutes.getPerson, { params: { personId } }),
    [personId],
  );
  const person = state.status === "ok" ? state.data : undefined;
  const name = person ? personName(person) : undefined;
  usePageTitle(name ? `Dossier : ${name}` : "Dossier d'une personne");

  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: "/" }}
        segments={[{ label: "Personnes suivies", linkProps: { to: "/personnes" } }]}
        currentPageLabel={name ?? "Dossier"}
      />
      <h1>{name ?? "Dossier d'une personne"}</h1>
      {state.status === "loading" && <Loading label="Chargement du dossier…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {person && (
        <>
          <p className="fr-mb-4w">
            <Link
              className="fr-link fr-icon-time-line fr-link--icon-left"
              to={`/personnes/${person.id}/journal`}
            >
              Journal des accès à ce dossier
            </Link>
            <Link
              className="fr-link fr-icon-file-text-line fr-link--icon-left fr-ml-3w"
              to={`/personnes/${person.id}/contrat`}
            >
              Contrat d'engagement
            </Link>
            <Link
              className="fr-link fr-icon-calendar-line fr-link--icon-left fr-ml-3w"
              to={`/personnes/${person.id}/rendez-vous`}
            >
              Rendez-vous
            </Link>
            <Link
              className="fr-link fr-icon-survey-line fr-link--icon-left fr-ml-3w"
              to={`/personnes/${person.id}/diagnostic`}
            >
              Diagnostic
            </Link>
            <Link
              className="fr-link fr-icon-road-map-line fr-link--icon-left fr-ml-3w"
              to={`/personnes/${person.id}/suivi`}
            >
              Suivi et sortie
            </Link>
            <Link
              className="fr-link fr-icon-folder-2-line fr-link--icon-left fr-ml-3w"
              to={`/personnes/${person.id}/dossier`}
            >
              Dossier partagé
            </Link>
            <MessagesLink personId={person.id} className="fr-ml-3w" />
          </p>
          <IdentityBlocks person={person} onChange={setData} />
        </>
      )}
    </>
  );
}

const sexLabels = { F: "Femme", M: "Homme" } as const;
const followUpRoleLabels = {
  referent: "Référent·e",
  co_referent: "Co-référent·e",
  membre: "Membre du groupe de suivi",
} as const;

function IdentityBlocks({ person, onChange }: { person: PersonView; onChange: (p: PersonView) => void }) {
  const text = (v: string | null) => v ?? NOT_PROVIDED;
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-lg-6">
        <FactsBlock
          id="etat-civil"
          title="État civil"
          facts={[
            { label: "Nom de naissance", value: person.birthName.toUpperCase() },
            { label: "Nom d'usage", value: person.usageName ? person.usageName.toUpperCase() : "Aucun" },
            { label: "Prénoms", value: person.firstNames },
            { label: "Sexe", value: person.sex ? sexLabels[person.sex] : NOT_PROVIDED },
            { label: "Date de naissance", value: formatLocalDateLong(person.birthDate) },
            { label: "Lieu de naissance", value: text(person.birthPlace) },
            { label: "Nationalité", value: text(person.nationality) },
          ]}
        />
      </div>
      <div className="fr-col-12 fr-col-lg-6">
        <FactsBlock
          id="identifiants"
          title="Identifiants"
          facts={[
            { label: "NIR (numéro de sécurité sociale)", value: text(person.nirMasked) },
            { label: "Numéro France Travail", value: text(person.franceTravailId) },
            ...(person.caf
              ? [
                  { label: `Matricule ${person.caf.organisme}`, value: person.caf.matricule },
                  { label: `Organisme ${person.caf.organisme}`, value: person.caf.numorg },
                  { label: "Place dans le foyer", value: householdRoleLabels[person.caf.householdRole] },
                ]
              : [{ label: "Matricule CAF ou MSA", value: NOT_PROVIDED }]),
          ]}
        />
      </div>
      <div className="fr-col-12 fr-col-lg-6">
        <FactsBlock id="coordonnees" title="Coordonnées" facts={[]}>
          <UpdateContactForm person={person} onSaved={onChange} />
        </FactsBlock>
      </div>
      <div className="fr-col-12 fr-col-lg-6">
        <FactsBlock
          id="adresse"
          title="Adresse"
          facts={[
            { label: "Adresse", value: text(person.address.line) },
            {
              label: "Commune",
              value:
                person.address.postalCode || person.address.communeName
                  ? [person.address.postalCode, person.address.communeName].filter(Boolean).join(" ")
                  : NOT_PROVIDED,
            },
            { label: "Département", value: person.departement },
          ]}
        />
      </div>
      <div className="fr-col-12">
        <FactsBlock id="suivi" title="Suivi" facts={[]}>
          {person.followUps.length === 0 ? (
            <p className="fr-mb-0">Aucune structure ne suit cette personne pour le moment.</p>
          ) : (
            <ul className="socle-stack">
              {person.followUps.map((f) => (
                <li key={`${f.structureId}-${f.role}-${f.professionalName ?? ""}`}>
                  <p className="fr-text--bold fr-mb-0">{f.structureName}</p>
                  <p className="fr-text--sm fr-mb-0">
                    {structureKindLabel(f.structureKind)} — {followUpRoleLabels[f.role]}
                    {f.professionalName ? ` : ${f.professionalName}` : ""} — depuis le{" "}
                    {formatStart(f.startedAt)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </FactsBlock>
      </div>
    </div>
  );
}

/** startedAt is a calendar date or an instant, depending on the source. */
function formatStart(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatLocalDateLong(value) : formatInstantDate(value);
}

function structureKindLabel(kind: string): string {
  const parsed = structureKindSchema.safeParse(kind);
  return parsed.success ? structureKindLabels[parsed.data] : kind;
}
