// /personnes: the persons a professional's structure follows (or a territorial manager's
// département), with search by name, NIR or France Travail number, and pagination.
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { SearchBar } from "@codegouvfr/react-dsfr/SearchBar";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useEffect, useRef } from "react";
import { Link, useSearchParams } from "react-router-dom";
import type { SessionView } from "../../shared/identity/identity.schema";
import { FILE_ROLES } from "../../shared/persons/persons.access";
import { personsRoutes } from "../../shared/persons/persons.routes";
import type { PersonList } from "../../shared/persons/persons.schema";
import { api } from "../kernel/api-client";
import { formatLocalDate, NOT_PROVIDED, personName } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { RegistrationShortcuts } from "../registration/registration-shortcuts";
import { canListPersons } from "./persons.access";

export const SEARCH_LABEL = "Rechercher une personne (nom, NIR ou numéro France Travail)";

export function PersonsListPage() {
  return (
    <RequireSession allow={canListPersons}>{(session) => <PersonsList session={session} />}</RequireSession>
  );
}

export function personsListTitle(session: SessionView): string {
  return session.kind === "professional" && session.roles.some((r) => FILE_ROLES.includes(r))
    ? "Mes personnes suivies"
    : "Personnes suivies dans votre département";
}

function PersonsList({ session }: { session: SessionView }) {
  const title = personsListTitle(session);
  const [search, setSearch] = useSearchParams();
  const q = search.get("q")?.trim() ?? "";
  const page = Math.max(1, Math.floor(Number(search.get("page"))) || 1);
  usePageTitle(page > 1 ? `${title} (page ${page})` : title);

  const { state, reload } = useApiQuery(
    () => api(personsRoutes.searchPersons, { query: { q: q || undefined, page } }),
    [q, page],
  );
  // after a new search or a page change (not on arrival), focus moves to the results summary
  const firstResults = useRef(true);
  const focusSummary = state.status === "ok" && !firstResults.current;
  useEffect(() => {
    if (state.status === "ok") firstResults.current = false;
  }, [state.status]);

  const pageUrl = (n: number) => {
    const next = new URLSearchParams();
    if (q) next.set("q", q);
    if (n > 1) next.set("page", String(n));
    const qs = next.toString();
    return `/personnes${qs ? `?${qs}` : ""}`;
  };

  return (
    <>
      <h1>{title}</h1>
      <RegistrationShortcuts session={session} />
      <div className="fr-grid-row fr-mb-4w">
        <div className="fr-col-12 fr-col-md-8">
          <SearchBar
            label={SEARCH_LABEL}
            defaultValue={q}
            allowEmptySearch
            onButtonClick={(text) => {
              const value = text.trim();
              setSearch(value ? { q: value } : {});
            }}
          />
        </div>
      </div>
      {state.status === "loading" && <Loading label="Chargement de la liste des personnes…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" && (
        <Results list={state.data} q={q} pageUrl={pageUrl} focusSummary={focusSummary} />
      )}
    </>
  );
}

type ResultsProps = { list: PersonList; q: string; pageUrl: (n: number) => string; focusSummary: boolean };

function Results({ list, q, pageUrl, focusSummary }: ResultsProps) {
  const summaryRef = useRef<HTMLParagraphElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when these results first appear
  useEffect(() => {
    if (focusSummary) summaryRef.current?.focus();
  }, []);
  const pageCount = Math.max(1, Math.ceil(list.total / Math.max(1, list.pageSize)));
  const summary =
    list.total === 0
      ? "Aucune personne trouvée"
      : `${list.total} personne${list.total > 1 ? "s" : ""} trouvée${list.total > 1 ? "s" : ""}${pageCount > 1 ? ` — page ${list.page} sur ${pageCount}` : ""}`;

  return (
    <>
      <p ref={summaryRef} tabIndex={-1} role="status" className="fr-text--bold socle-focus-target">
        {summary}
      </p>
      {list.items.length === 0 ? (
        <EmptyState q={q} />
      ) : (
        <Table
          caption={q ? `Résultats de la recherche « ${q} »` : "Personnes suivies"}
          headers={[
            "Nom et prénoms",
            "Date de naissance",
            "NIR",
            "N° France Travail",
            "Commune",
            "Référent·e",
          ]}
          data={list.items.map((p) => [
            <span key="name">
              <Link to={`/personnes/${p.id}`}>{personName(p)}</Link>
              {p.usageName && p.usageName !== p.birthName && (
                <span className="fr-hint-text">Nom de naissance : {p.birthName.toUpperCase()}</span>
              )}
            </span>,
            formatLocalDate(p.birthDate),
            p.nirMasked ?? NOT_PROVIDED,
            p.franceTravailId ?? NOT_PROVIDED,
            p.communeName ?? NOT_PROVIDED,
            p.referentName ?? "Aucun·e",
          ])}
        />
      )}
      {pageCount > 1 && (
        <Pagination
          className="fr-mt-4w"
          count={pageCount}
          defaultPage={Math.min(list.page, pageCount)}
          getPageLinkProps={(n) => ({ to: pageUrl(n) })}
          showFirstLast
        />
      )}
    </>
  );
}

function EmptyState({ q }: { q: string }) {
  if (q) {
    return (
      <div className="fr-my-4w">
        <p>Aucune personne suivie ne correspond à « {q} ».</p>
        <p>
          Vérifiez l'orthographe du nom, ou cherchez avec le NIR (13 ou 15 caractères) ou le numéro France
          Travail. La recherche porte uniquement sur les personnes que vous pouvez consulter.
        </p>
      </div>
    );
  }
  return (
    <div className="fr-my-4w">
      <p>Aucune personne n'est suivie pour le moment.</p>
      <p>Les personnes apparaîtront ici dès qu'elles seront orientées vers votre structure.</p>
    </div>
  );
}
