// Addresses of the steering dashboards and the period they show, read from and written to the URL so a
// dashboard can be bookmarked and the period follows the drill-down. Pure functions.
import type { SessionView } from "../../shared/identity/identity.schema";
import type { TerritoryLevel } from "../../shared/reference-data/reference-data.schema";
import { type Granularity, granularities, MONTH_PATTERN } from "../../shared/steering/steering.periods";

/** URL segment of each level below national: /pilotage/region/32, /pilotage/zone-emploi/3202 */
export const levelSlugs = {
  region: "region",
  departement: "departement",
  zone_emploi: "zone-emploi",
} as const satisfies Record<Exclude<TerritoryLevel, "national">, string>;

export function levelOfSlug(slug: string | undefined): Exclude<TerritoryLevel, "national"> | undefined {
  return (Object.keys(levelSlugs) as (keyof typeof levelSlugs)[]).find((l) => levelSlugs[l] === slug);
}

/** The period shown: its granularity and the month it ends with (« AAAA-MM »). */
export type DashboardPeriod = { granularite: Granularity; fin: string };

/** How many periods the trend shows, ending with the selected one (60 months at most for the API). */
export const trendLength: Record<Granularity, number> = {
  mois: 12,
  trimestre: 8,
  annee: 5,
  glissant_12_mois: 12,
};

const monthIndex = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return y * 12 + (m - 1);
};
const monthOf = (i: number) =>
  `${String(Math.floor(i / 12)).padStart(4, "0")}-${String((i % 12) + 1).padStart(2, "0")}`;

/** The last complete month before `today` (« AAAA-MM-JJ »): figures of the current month are partial. */
export function lastCompleteMonth(today: string): string {
  return monthOf(monthIndex(today.slice(0, 7)) - 1);
}

/** Snaps a month to the last month of its period: the quarter's or the year's last month. */
export function periodEnd(granularite: Granularity, month: string): string {
  const i = monthIndex(month);
  if (granularite === "trimestre") return monthOf(i - (i % 3) + 2);
  if (granularite === "annee") return monthOf(i - (i % 12) + 11);
  return month;
}

/** The `de`/`a` months of the indicators query: the selected period and the ones before it. */
export function queryRange(period: DashboardPeriod): { de: string; a: string } {
  const a = periodEnd(period.granularite, period.fin);
  const end = monthIndex(a);
  const n = trendLength[period.granularite];
  const span = period.granularite === "trimestre" ? 3 * n : period.granularite === "annee" ? 12 * n : n;
  return { de: monthOf(end - span + 1), a };
}

/** Periods a user may pick, most recent first: 24 months, 8 quarters, 5 years, 24 rolling windows. */
export function selectablePeriodEnds(granularite: Granularity, latest: string): string[] {
  const last = monthIndex(latest);
  if (granularite === "trimestre") {
    const lastFullQuarterEnd =
      monthIndex(periodEnd("trimestre", latest)) === last ? last : last - (last % 3) - 1;
    return Array.from({ length: 8 }, (_, k) => monthOf(lastFullQuarterEnd - 3 * k));
  }
  if (granularite === "annee") {
    const lastFullYearEnd = last % 12 === 11 ? last : last - (last % 12) - 1;
    return Array.from({ length: 5 }, (_, k) => monthOf(lastFullYearEnd - 12 * k));
  }
  return Array.from({ length: 24 }, (_, k) => monthOf(last - k));
}

/** The period in the URL (`?periode=trimestre&fin=2025-06`), or the default: the last complete month. */
export function periodFromSearch(search: URLSearchParams, today: string): DashboardPeriod {
  const g = search.get("periode");
  const granularite = (granularities as readonly string[]).includes(g ?? "") ? (g as Granularity) : "mois";
  const latest = lastCompleteMonth(today);
  const fin = search.get("fin");
  const options = selectablePeriodEnds(granularite, latest);
  return {
    granularite,
    fin: fin && MONTH_PATTERN.test(fin) && options.includes(fin) ? fin : (options[0] ?? latest),
  };
}

export function periodSearch(period: DashboardPeriod, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ periode: period.granularite, fin: period.fin, ...extra }).toString();
}

/** The dashboard of a territory, keeping the period; a zone d'emploi keeps the département it was reached from. */
export function dashboardPath(
  territory: { level: TerritoryLevel; code: string | null },
  period?: DashboardPeriod,
  fromDepartement?: string,
): string {
  const base =
    territory.level === "national" || !territory.code
      ? "/pilotage"
      : `/pilotage/${levelSlugs[territory.level]}/${encodeURIComponent(territory.code)}`;
  if (!period) return base;
  const extra: Record<string, string> =
    territory.level === "zone_emploi" && fromDepartement ? { departement: fromDepartement } : {};
  return `${base}?${periodSearch(period, extra)}`;
}

/** Roles that open the steering dashboards (the server still decides which territories they may see). */
export const DASHBOARD_ROLES = ["pilotage", "manager_territorial"] as const;

export function canOpenDashboards(session: SessionView): boolean {
  return (
    session.kind === "professional" &&
    session.roles.some((r) => (DASHBOARD_ROLES as readonly string[]).includes(r))
  );
}

/**
 * The dashboard a professional lands on: their scope's territory (national, région, département), else
 * their structure's département.
 */
export function homeDashboardPath(session: Extract<SessionView, { kind: "professional" }>): string {
  const scope = session.scope;
  if (scope?.level === "national") return "/pilotage";
  if (scope?.code) return dashboardPath({ level: scope.level, code: scope.code });
  return dashboardPath({ level: "departement", code: session.structure.departement });
}

const levelRank: Record<TerritoryLevel, number> = { national: 0, region: 1, departement: 2, zone_emploi: 3 };

/**
 * Whether a breadcrumb ancestor is within the user's scope: a département's steering staff do not
 * see their région's or the national figures, so those levels are not offered as links.
 */
export function ancestorInScope(
  session: SessionView,
  ancestor: { level: TerritoryLevel; code: string | null },
): boolean {
  if (session.kind !== "professional") return false;
  const scope = session.scope ?? { level: "departement" as const, code: session.structure.departement };
  if (scope.level === "national") return true;
  if (levelRank[ancestor.level] > levelRank[scope.level]) return true;
  return ancestor.level === scope.level && ancestor.code === scope.code;
}
