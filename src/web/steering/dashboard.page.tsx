// /pilotage and /pilotage/:niveau/:code: the steering dashboard of a territory (national, région,
// département, zone d'emploi). Breadcrumb from national down, the period form, one card per indicator,
// the child territories to drill down, and the same figures as CSV, XLSX or JSON. Aggregates only:
// these pages never show a named person; the server decides which territories the user may see.
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Link, Navigate, useNavigate, useParams, useSearchParams } from "react-router-dom";
import type { SessionView } from "../../shared/identity/identity.schema";
import { referenceDataRoutes } from "../../shared/reference-data/reference-data.routes";
import {
  type TerritoryLevel,
  type TerritoryView,
  territoryLevelLabels,
} from "../../shared/reference-data/reference-data.schema";
import { granularityLabels } from "../../shared/steering/steering.periods";
import { INDICATORS_EXPORT_URL, steeringRoutes } from "../../shared/steering/steering.routes";
import type { IndicatorsReport } from "../../shared/steering/steering.schema";
import { ListeMinimaleSection } from "../data-sharing/liste-minimale.section";
import { api } from "../kernel/api-client";
import { formatInstant, formatLocalDateLong } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import {
  ancestorInScope,
  canOpenDashboards,
  type DashboardPeriod,
  dashboardPath,
  homeDashboardPath,
  lastCompleteMonth,
  levelOfSlug,
  periodFromSearch,
  queryRange,
} from "./dashboard.paths";
import { IndicatorCard } from "./indicator-card";
import { periodLabel } from "./indicator-values";
import { PeriodSelector, periodEndLabel } from "./period-selector";
import "./steering.css";

/** Today in Paris, « AAAA-MM-JJ »: the default period is the last complete month. */
function todayInParis(): string {
  return new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris" }).format(new Date());
}

export function DashboardPage() {
  const { niveau, code } = useParams();
  return (
    <RequireSession allow={canOpenDashboards}>
      {(session) => <DashboardRoute session={session} slug={niveau} code={code} />}
    </RequireSession>
  );
}

function DashboardRoute(props: { session: SessionView; slug: string | undefined; code: string | undefined }) {
  const { session, slug, code } = props;
  if (slug === undefined) {
    // a département or région scope opens its own territory: national figures are not theirs
    if (session.kind === "professional" && session.scope?.level !== "national")
      return <Navigate to={homeDashboardPath(session)} replace />;
    return <Dashboard session={session} level="national" code={null} />;
  }
  const level = levelOfSlug(slug);
  if (!level || !code) return <UnknownLevel />;
  return <Dashboard session={session} level={level} code={code} />;
}

function UnknownLevel() {
  usePageTitle("Tableau de bord introuvable");
  return (
    <>
      <h1>Tableau de bord introuvable</h1>
      <p>Cette adresse ne correspond à aucun niveau de territoire (région, département ou zone d'emploi).</p>
    </>
  );
}

function Dashboard(props: { session: SessionView; level: TerritoryLevel; code: string | null }) {
  const { session, level, code } = props;
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const today = todayInParis();
  const period = periodFromSearch(search, today);
  const fromDepartement = search.get("departement") ?? undefined;
  const { de, a } = queryRange(period);

  const territory = useApiQuery(
    () =>
      api(referenceDataRoutes.getTerritory, {
        query: {
          niveau: level,
          ...(code ? { code } : {}),
          ...(level === "zone_emploi" && fromDepartement ? { departement: fromDepartement } : {}),
        },
      }),
    [level, code, fromDepartement],
  );
  const report = useApiQuery(
    () =>
      api(steeringRoutes.getIndicators, {
        query: { niveau: level, ...(code ? { code } : {}), de, a, granularite: period.granularite },
      }),
    [level, code, de, a, period.granularite],
  );

  const name = territory.state.status === "ok" ? territory.state.data.name : undefined;
  const shownCode = territory.state.status === "ok" ? territory.state.data.code : code;
  const title = name ? `Tableau de bord — ${territoryTitle(level, name, shownCode)}` : "Tableau de bord";
  usePageTitle(title);

  const goTo = (p: DashboardPeriod) =>
    navigate(dashboardPath({ level, code }, p, level === "zone_emploi" ? fromDepartement : undefined));

  return (
    <>
      {territory.state.status === "ok" && (
        <TerritoryBreadcrumb session={session} territory={territory.state.data} period={period} />
      )}
      <h1>{title}</h1>
      {territory.state.status === "error" && <LoadError error={territory.state.error} />}
      {territory.state.status === "ok" && territory.state.data.departements.length > 1 && (
        <p className="fr-text--sm">
          Cette zone d'emploi s'étend sur plusieurs départements :{" "}
          {territory.state.data.departements
            .map((d) => `${d.name} (${d.communeCount} commune${d.communeCount > 1 ? "s" : ""})`)
            .join(", ")}
          .
        </p>
      )}
      <p>
        Indicateurs agrégés du réseau pour l'emploi : aucune donnée nominative. Chaque chiffre suit la
        définition publiée, consultable sous l'indicateur.
      </p>

      <section aria-labelledby="periode" className="fr-mt-4w">
        <h2 id="periode" className="fr-h4">
          Période
        </h2>
        <PeriodSelector
          key={`${period.granularite}-${period.fin}`}
          value={period}
          latest={lastCompleteMonth(today)}
          onChange={goTo}
        />
      </section>

      <section aria-labelledby="indicateurs" className="fr-mt-4w">
        <h2 id="indicateurs" className="fr-h4">
          Indicateurs — {periodEndLabel(period.granularite, period.fin)}
        </h2>
        {report.state.status === "loading" && <Loading label="Calcul des indicateurs…" />}
        {report.state.status === "error" && (
          <LoadError error={report.state.error} onRetry={() => void report.reload()} />
        )}
        {report.state.status === "ok" && <Indicators report={report.state.data} />}
      </section>

      {territory.state.status === "ok" && territory.state.data.children.length > 0 && (
        <ChildTerritories territory={territory.state.data} period={period} />
      )}

      <Downloads level={level} code={code} period={period} de={de} a={a} />
      {level === "departement" && code && (
        <ListeMinimaleSection session={session} departement={code} month={a} />
      )}
    </>
  );
}

function territoryTitle(level: TerritoryLevel, name: string, code: string | null): string {
  if (level === "national") return "National";
  return `${name} (${territoryLevelLabels[level].toLowerCase()}${code ? ` ${code}` : ""})`;
}

function TerritoryBreadcrumb(props: {
  session: SessionView;
  territory: TerritoryView;
  period: DashboardPeriod;
}) {
  const { session, territory, period } = props;
  const label = (t: { level: TerritoryLevel; name: string }) =>
    t.level === "national" ? "National" : t.name;
  return (
    <Breadcrumb
      currentPageLabel={label(territory)}
      homeLinkProps={{ to: "/" }}
      segments={territory.ancestors
        .filter((t) => ancestorInScope(session, t))
        .map((t) => ({
          label: label(t),
          linkProps: { to: dashboardPath(t, period) },
        }))}
    />
  );
}

function Indicators({ report }: { report: IndicatorsReport }) {
  const lastPeriod = [...new Set(report.indicateurs.flatMap((i) => i.valeurs.map((v) => v.periode)))].at(-1);
  return (
    <>
      <p className="fr-text--sm">
        {granularityLabels[report.granularite]}, de {periodLabel(report.de)} à {periodLabel(report.a)}.
        Calculé le {calculationDate(report.calculeLe)}.
      </p>
      {report.donneesTransmises && (
        <p className="fr-badge fr-badge--info fr-badge--no-icon fr-mb-2w">
          Données transmises par le Département : {report.donneesTransmises.parcours} parcours suivis dans son
          propre système (liste minimale
          {report.donneesTransmises.dernierMois
            ? `, dernier mois reçu : ${report.donneesTransmises.dernierMois}`
            : ""}
          )
        </p>
      )}
      <div className="fr-grid-row fr-grid-row--gutters">
        {report.indicateurs.map((indicator) => (
          <div key={indicator.id} className="fr-col-12 fr-col-lg-6">
            <IndicatorCard
              indicator={indicator}
              period={indicator.valeurs.at(-1)?.periode ?? lastPeriod ?? report.a}
            />
          </div>
        ))}
      </div>
    </>
  );
}

/** The computation date: a calendar day (« AAAA-MM-JJ ») or an instant. */
function calculationDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatLocalDateLong(value) : formatInstant(value);
}

const childrenTitles: Record<TerritoryLevel, string> = {
  national: "Régions",
  region: "Départements de la région",
  departement: "Zones d'emploi du département",
  zone_emploi: "",
};

function ChildTerritories({ territory, period }: { territory: TerritoryView; period: DashboardPeriod }) {
  const from = territory.level === "departement" ? (territory.code ?? undefined) : undefined;
  return (
    <section aria-labelledby="territoires" className="fr-mt-6w">
      <h2 id="territoires" className="fr-h4">
        {childrenTitles[territory.level]}
      </h2>
      {territory.level === "departement" && (
        <p className="fr-text--sm">
          Les zones d'emploi (INSEE, 2020) ayant au moins une commune dans le département ; une zone qui
          s'étend sur plusieurs départements figure dans chacun d'eux.
        </p>
      )}
      <ul className="socle-steering-children">
        {territory.children.map((c) => (
          <li key={c.code}>
            <Link className="fr-link" to={dashboardPath(c, period, from)}>
              {c.name} ({c.code})
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Downloads(props: {
  level: TerritoryLevel;
  code: string | null;
  period: DashboardPeriod;
  de: string;
  a: string;
}) {
  const { level, code, period, de, a } = props;
  const href = (format: "csv" | "xlsx" | "json") =>
    `${INDICATORS_EXPORT_URL}?${new URLSearchParams({
      niveau: level,
      ...(code ? { code } : {}),
      de,
      a,
      granularite: period.granularite,
      format,
    }).toString()}`;
  const formats = [
    ["csv", "CSV", "séparateur point-virgule, UTF-8"],
    ["xlsx", "XLSX", "tableur"],
    ["json", "JSON", "données structurées"],
  ] as const;
  return (
    <section aria-labelledby="telecharger" className="fr-mt-6w">
      <h2 id="telecharger" className="fr-h4">
        Télécharger les données
      </h2>
      <p className="fr-text--sm">
        Les indicateurs de cette page, pour la même période, au format long (un chiffre par ligne).
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        {formats.map(([format, label, detail]) => (
          <li key={format}>
            <a className="fr-btn fr-btn--secondary fr-icon-download-line" href={href(format)} download>
              Télécharger en {label}
              <span className="fr-sr-only"> ({detail})</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
