// The steering figures in SQL, read from the fact tables maintained on write (migration 202612070100,
// steering-facts.repository.ts, ADR 0005): each indicator is a range scan of one table by territory and date,
// aggregated by period and breakdown. The tables hold the rows of the fact views of db/views
// (steering.views.repository.ts computes the same figures from the views: the differential tests' oracle).
// Aggregates only: every query returns counts, medians and means, never a person.
import { sql } from "kysely";
import type { Period } from "../../shared/steering/steering.periods";
import type { TerritoryLevel } from "../../shared/steering/steering.schema";
import type { Db } from "../db/connect";
import {
  aggregate,
  arrayLiteral,
  delayMeasures,
  flowIndicators,
  inTerritory,
  type StockFact,
  type StockQuery,
  spanOf,
  stockIndicators,
  type TerritoryFilter,
  type TerritoryInfo,
} from "./steering.sql";

export type { AggregateRow, TerritoryFilter, TerritoryInfo } from "./steering.sql";

type SegmentGroup = Omit<StockFact, "label"> & { kf: number; kt: number };

/**
 * The stock facts of the periods' last days from the stock segments. A segment [from, to) counts on a last
 * day E when from ≤ E < to. With the last days sorted E1 < … < En, `width_bucket(d - 1, E)` is the number of
 * them before d, so a segment counts on Ej exactly for kf < j ≤ kt (kf for `from`, kt for `to`, n while it
 * lasts). The territory's segments are grouped by state and (kf, kt) in SQL (a few hundred groups), then each
 * group is spread over its last days here.
 */
const stockFromSegments: StockQuery = async (db, periods, t, hours) => {
  if (periods.length === 0) return [];
  const ends = [...new Set(periods.map((p) => p.end))].sort();
  const endsArray = arrayLiteral(ends);
  const r = await sql<SegmentGroup>`
    SELECT s.parcours_type, s.organisme, s.structure_id::text AS structure_id, s.with_contract, s.with_referent,
      COALESCE(s.programme_hours >= ${hours}::numeric, false) AS intensive,
      width_bucket(s.from_date - 1, ${endsArray}::date[]) AS kf,
      CASE WHEN s.to_date IS NULL THEN ${ends.length}::int ELSE width_bucket(s.to_date - 1, ${endsArray}::date[]) END AS kt,
      count(*)::int AS n
    FROM steering_stock_segments s
    WHERE ${inTerritory("s", t)} AND s.from_date <= ${ends[ends.length - 1]}::date
      AND (s.to_date IS NULL OR s.to_date > ${ends[0]}::date)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`.execute(db);
  const labelsByEnd = new Map<string, string[]>();
  for (const p of periods) labelsByEnd.set(p.end, [...(labelsByEnd.get(p.end) ?? []), p.label]);
  const facts: StockFact[] = [];
  for (const { kf, kt, ...state } of r.rows)
    for (let j = kf + 1; j <= kt; j++)
      for (const label of labelsByEnd.get(ends[j - 1]!) ?? []) facts.push({ label, ...state });
  return facts;
};

export const steeringRepository = {
  ...stockIndicators(stockFromSegments),
  ...flowIndicators({
    pathways: "steering_pathway_facts",
    signatures: "steering_signature_facts",
    appointments: "steering_appointment_facts",
  }),

  /** The territory's name and the départements and régions it spans, or undefined when unknown. */
  async territory(db: Db, niveau: TerritoryLevel, code: string | null): Promise<TerritoryInfo | undefined> {
    if (niveau === "national") return { nom: "France", departements: [], regions: [] };
    if (code === null) return undefined;
    if (niveau === "departement") {
      const d = await db
        .selectFrom("departements")
        .select(["name", "region_code"])
        .where("code", "=", code)
        .executeTakeFirst();
      return d && { nom: d.name, departements: [code], regions: [d.region_code] };
    }
    if (niveau === "region") {
      const r = await db.selectFrom("regions").select("name").where("code", "=", code).executeTakeFirst();
      if (!r) return undefined;
      const ds = await db.selectFrom("departements").select("code").where("region_code", "=", code).execute();
      return { nom: r.name, departements: ds.map((d) => d.code), regions: [code] };
    }
    const z = await db.selectFrom("zones_emploi").select("name").where("code", "=", code).executeTakeFirst();
    if (!z) return undefined;
    const spans = await db
      .selectFrom("communes")
      .select(["departement_code", "region_code"])
      .distinct()
      .where("zone_emploi_code", "=", code)
      .execute();
    return {
      nom: z.name,
      departements: [...new Set(spans.map((s) => s.departement_code))].sort(),
      regions: [...new Set(spans.map((s) => s.region_code))].sort(),
    };
  },

  /**
   * Settings of a dashboard's transaction: no JIT compilation (it cost 161 ms on the stock query of a
   * département at 2M persons, more than the range scan it sped up) and room for the sorts and bitmaps of a
   * large territory in memory.
   */
  async reportingSettings(db: Db): Promise<void> {
    await sql`SET LOCAL jit = off`.execute(db);
    await sql`SET LOCAL work_mem = '64MB'`.execute(db);
  },

  /** Whether the appointments tables exist in this database (they come with the appointments capability). */
  async appointmentsAvailable(db: Db): Promise<boolean> {
    const r = await sql<{ ok: boolean }>`
      SELECT to_regclass('appointments') IS NOT NULL AND to_regclass('appointment_slots') IS NOT NULL AS ok`.execute(
      db,
    );
    return r.rows[0]?.ok === true;
  },

  /**
   * IND-V3-M4: delay from the first diagnostic to the first accompaniment action (the first programme week
   * of a signed contract or, when the appointments exist, the first accompaniment appointment held, whichever
   * comes first), cohort by diagnostic.
   */
  diagnosticToAction(db: Db, periods: readonly Period[], t: TerritoryFilter, withAppointments: boolean) {
    const firstAction = withAppointments
      ? sql`LEAST(f.first_action_date, f.first_accompaniment_date)`
      : sql`f.first_action_date`;
    return aggregate(
      db,
      periods,
      sql`JOIN steering_diagnostic_facts f ON f.first_diagnostic_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "f.first_diagnostic_date")}
        AND ${inTerritory("f", t)}`,
      delayMeasures(sql`${firstAction} - f.first_diagnostic_date`),
      null,
    );
  },

  /** IND-V3-M2-N: from T0 of the pathway to the first appointment held on or after it. */
  notificationToFirstInterview(db: Db, periods: readonly Period[], t: TerritoryFilter) {
    return aggregate(
      db,
      periods,
      sql`JOIN steering_pathway_facts f ON f.t0_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "f.t0_date")} AND ${inTerritory("f", t)}`,
      delayMeasures(sql`f.first_held_date - f.t0_date`),
      null,
    );
  },

  /**
   * OPS-04: T0 = the accompaniment opened (orientation notified or référent named), T1 = the first
   * accompaniment appointment held on or after it; counted when T1 < T0 + `days`.
   */
  accompaniedWithin(db: Db, periods: readonly Period[], t: TerritoryFilter, days: number) {
    return aggregate(
      db,
      periods,
      sql`JOIN steering_pathway_facts f ON f.oriented_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "f.oriented_date")} AND ${inTerritory("f", t)}`,
      sql`count(*) FILTER (WHERE f.first_accompaniment_date < f.oriented_date + ${days}::int)::int AS num, count(*)::int AS den,
        NULL::float8 AS median, NULL::float8 AS mean`,
      null,
    );
  },
};

/** The queries of the indicators, as both implementations give them. */
export type IndicatorQueries = Omit<
  typeof steeringRepository,
  "territory" | "appointmentsAvailable" | "reportingSettings"
>;
