// Computes the catalogue for one territory and range: each indicator id is mapped to its repository query,
// then to published values (maturity, rates, statuses) by the pure rules of shared/steering. Called inside a
// use case's transaction.
import type { LocalDate } from "../../shared/kernel/dates";
import {
  type Breakdown,
  type IndicatorDefinition,
  indicatorCatalogue,
  steeringParams,
  unitLabels,
} from "../../shared/steering/steering.catalogue";
import { type Granularity, type Period, periodsBetween } from "../../shared/steering/steering.periods";
import type { IndicatorResult, IndicatorsReport } from "../../shared/steering/steering.schema";
import {
  type Aggregate,
  indicatorValues,
  unavailableMessage,
  unavailableValues,
} from "../../shared/steering/steering.values";
import { dataSharingRepository } from "../data-sharing/data-sharing.repository";
import type { Db } from "../db/connect";
import { refreshSteeringFacts } from "./steering.facts";
import {
  type IndicatorQueries,
  steeringRepository as repo,
  type TerritoryFilter,
} from "./steering.repository";

type Query = (
  q: IndicatorQueries,
  db: Db,
  periods: readonly Period[],
  t: TerritoryFilter,
  b: Breakdown | undefined,
  appointments: boolean,
) => Promise<Aggregate[]>;

/** The SQL of each computable indicator of the catalogue. */
const queries: Record<string, Query> = {
  "IND-V2-01": (q, db, p, t) => q.newEntrants(db, p, t),
  "IND-V2-02": (q, db, p, t, b) =>
    q.orientedWithin(db, p, t, {
      days: steeringParams.delaiOrientationJours,
      newEntrantsOnly: true,
      breakdown: b,
    }),
  "IND-V3-M1": (q, db, p, t, b) => q.registeredStock(db, p, t, b),
  "IND-V3-M1a": (q, db, p, t) => q.newEntrants(db, p, t),
  "IND-V3-M1b": (q, db, p, t, b) => q.exits(db, p, t, b),
  "IND-V3-M1c": (q, db, p, t) => q.contractsSigned(db, p, t),
  "IND-V3-M3": (q, db, p, t, b) => q.registeredStock(db, p, t, b),
  "IND-V3-M3-ORG": (q, db, p, t, b) => q.registeredStock(db, p, t, b),
  "SOC-ORI-30": (q, db, p, t, b) =>
    q.orientedWithin(db, p, t, { days: 30, newEntrantsOnly: false, breakdown: b }),
  "SOC-CER": (q, db, p, t, b) => q.withSignedContract(db, p, t, b),
  "IND-V3-M5": (q, db, p, t, b) => q.intensive(db, p, t, steeringParams.seuilHeuresHebdo, b),
  "IND-V3-M4": (q, db, p, t, _b, appointments) => q.diagnosticToAction(db, p, t, appointments),
  "OPS-01": (q, db, p, t) => q.noShows(db, p, t),
  "OPS-02": (q, db, p, t) => q.invitationToBooking(db, p, t),
  "IND-V3-M2-N": (q, db, p, t) => q.notificationToFirstInterview(db, p, t),
  "OPS-04": (q, db, p, t) => q.accompaniedWithin(db, p, t, 30),
};

export type ReportRequest = {
  territory: TerritoryFilter & { nom: string };
  de: string;
  a: string;
  granularite: Granularity;
  ventilation?: Breakdown;
  today: LocalDate;
  /** restricts the report to some indicators (tests, exports of one indicator) */
  only?: readonly string[];
  /** the queries (default: the fact tables; the differential tests pass the views' oracle) */
  queries?: IndicatorQueries;
  /** false: read the fact tables as they are, without refreshing the persons marked (tests of staleness) */
  refreshFacts?: boolean;
};

export async function computeIndicators(db: Db, r: ReportRequest): Promise<IndicatorsReport> {
  // the facts of the persons written since the last refresh first: the figures are those of the live tables
  if (r.refreshFacts !== false) await refreshSteeringFacts(db);
  if (db.isTransaction) await repo.reportingSettings(db);
  const periods = periodsBetween(r.de, r.a, r.granularite);
  const appointments = await repo.appointmentsAvailable(db);
  const { nom, ...filter } = r.territory;
  const transmitted = await dataSharingRepository.transmitted(db, filter);
  const results: IndicatorResult[] = [];
  for (const def of indicatorCatalogue) {
    if (r.only && !r.only.includes(def.id)) continue;
    results.push(await computeOne(db, def, periods, filter, r, appointments));
  }
  return {
    territoire: { niveau: r.territory.niveau, code: r.territory.code, nom },
    de: r.de,
    a: r.a,
    granularite: r.granularite,
    calculeLe: r.today,
    donneesTransmises: transmitted.parcours > 0 ? transmitted : null,
    indicateurs: results,
  };
}

async function computeOne(
  db: Db,
  def: IndicatorDefinition,
  periods: readonly Period[],
  filter: TerritoryFilter,
  r: ReportRequest,
  appointments: boolean,
): Promise<IndicatorResult> {
  const card = {
    id: def.id,
    version: def.version,
    nom: def.nom,
    definition: def.definition,
    numerateur: def.numerateur,
    denominateur: def.denominateur,
    fenetre: def.fenetre,
    cohorte: def.cohorte,
    unite: unitLabels[def.unit],
  };
  const query = queries[def.id];
  const message = unavailableMessage(def, appointments);
  if (message !== null || !query)
    return {
      ...card,
      disponible: false,
      message: message ?? "Données non disponibles.",
      valeurs: unavailableValues(periods),
    };
  const breakdown =
    r.ventilation && def.breakdowns.includes(r.ventilation) ? r.ventilation : def.defaultBreakdown;
  const rows = await query(r.queries ?? repo, db, periods, filter, breakdown, appointments);
  const names = breakdown === "structure" ? await structureNames(db, rows) : new Map<string, string>();
  return {
    ...card,
    disponible: true,
    message: null,
    valeurs: indicatorValues(def, periods, rows, r.today, breakdown, names),
  };
}

/** Structures are organisations, not persons: their names label the « structure » breakdown. */
async function structureNames(db: Db, rows: readonly Aggregate[]): Promise<Map<string, string>> {
  const ids = [
    ...new Set(rows.map((x) => x.modalite).filter((m): m is string => !!m && /^[0-9a-f-]{36}$/.test(m))),
  ];
  if (ids.length === 0) return new Map();
  const found = await db.selectFrom("structures").select(["id", "name"]).where("id", "in", ids).execute();
  return new Map(found.map((s) => [s.id, s.name]));
}
