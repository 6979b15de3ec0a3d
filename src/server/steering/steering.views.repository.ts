// The steering queries on the fact views of db/views (ind_pathways, ind_orientations, ind_contract_signatures,
// ind_diagnostic_actions, ind_referents, ind_appointments), the definition the fact tables are computed from.
// The dashboards read the fact tables (steering.repository.ts); this implementation is the oracle the
// differential tests and the benchmark's check compare them with. Aggregates only, never a person.
import { sql } from "kysely";
import type { Period } from "../../shared/steering/steering.periods";
import type { Db } from "../db/connect";
import {
  aggregate,
  delayMeasures,
  flowIndicators,
  inTerritory,
  periodsTable,
  type StockFact,
  type StockQuery,
  spanOf,
  stockIndicators,
  type TerritoryFilter,
} from "./steering.sql";

/**
 * The stock facts of every period in one set-based query: the territory's pathways, orientations, contract
 * signatures and référent periods are each read once from the fact views, then matched to the period ends by
 * joins (rather than one lateral look-up per period and pathway and per indicator). IND-V3-M1, M3, M3-ORG,
 * SOC-CER and M5 are sums over these rows, so a dashboard runs this query once (`stockFactsOf`).
 */
const stockFromViews: StockQuery = async (
  db: Db,
  periods: readonly Period[],
  t: TerritoryFilter,
  hours: number,
): Promise<StockFact[]> => {
  if (periods.length === 0) return [];
  // a territory's facts are looked up by their pathways' and persons' ids (index scans); the nation's are
  // read whole (hash joins)
  const whole = t.niveau === "national" && !t.within;
  const r = await sql<StockFact>`
    WITH p AS MATERIALIZED ${periodsTable(periods)},
    f AS MATERIALIZED (
      SELECT f.parcours_id, f.person_id, f.opened_date, f.closed_date
      FROM ind_pathways f
      WHERE ${inTerritory("f", t)} AND f.opened_date <= (SELECT max(end_date) FROM p)
        AND (f.closed_date IS NULL OR f.closed_date > (SELECT min(end_date) FROM p))
    ),
    pf AS MATERIALIZED (
      SELECT p.label, p.end_date, f.parcours_id, f.person_id
      FROM p JOIN f ON f.opened_date <= p.end_date AND (f.closed_date IS NULL OR f.closed_date > p.end_date)
    ),
    io AS MATERIALIZED (
      SELECT io.parcours_id, io.orientation_id, io.decided_date, io.closed_date, io.parcours_type, io.organisme,
        io.structure_id
      FROM ind_orientations io
      WHERE ${whole ? sql`io.parcours_id IN (SELECT parcours_id FROM f)` : sql`io.parcours_id = ANY (ARRAY(SELECT parcours_id FROM f))`}
    ),
    o AS (
      SELECT DISTINCT ON (pf.label, pf.parcours_id) pf.label, pf.parcours_id, io.parcours_type, io.organisme,
        io.structure_id
      FROM pf JOIN io ON io.parcours_id = pf.parcours_id AND io.decided_date <= pf.end_date
        AND (io.closed_date IS NULL OR io.closed_date > pf.end_date)
      ORDER BY pf.label, pf.parcours_id, io.decided_date DESC, io.orientation_id DESC
    ),
    s AS MATERIALIZED (
      SELECT s.person_id, s.signed_date, s.contract_closed_date, s.numero, s.programme_hours
      FROM ind_contract_signatures s
      WHERE ${whole ? sql`s.person_id IN (SELECT person_id FROM f)` : sql`s.person_id = ANY (ARRAY(SELECT DISTINCT person_id FROM f))`}
    ),
    sc AS (
      SELECT DISTINCT ON (pf.label, pf.parcours_id) pf.label, pf.parcours_id, s.programme_hours
      FROM pf JOIN s ON s.person_id = pf.person_id AND s.signed_date <= pf.end_date
        AND (s.contract_closed_date IS NULL OR s.contract_closed_date > pf.end_date)
      ORDER BY pf.label, pf.parcours_id, s.signed_date DESC, s.numero DESC
    ),
    rf AS MATERIALIZED (
      SELECT fu.person_id, fu.start_date, fu.end_date
      FROM ind_referents fu
      WHERE ${whole ? sql`fu.person_id IN (SELECT person_id FROM f)` : sql`fu.person_id = ANY (ARRAY(SELECT DISTINCT person_id FROM f))`}
    ),
    sr AS (
      SELECT DISTINCT pf.label, pf.parcours_id
      FROM pf JOIN rf ON rf.person_id = pf.person_id AND rf.start_date <= pf.end_date
        AND (rf.end_date IS NULL OR rf.end_date > pf.end_date)
    )
    SELECT pf.label, o.parcours_type, o.organisme, o.structure_id::text AS structure_id,
      sc.parcours_id IS NOT NULL AS with_contract, sr.parcours_id IS NOT NULL AS with_referent,
      COALESCE(sc.programme_hours >= ${hours}::numeric, false) AS intensive, count(*)::int AS n
    FROM pf
    LEFT JOIN o ON o.label = pf.label AND o.parcours_id = pf.parcours_id
    LEFT JOIN sc ON sc.label = pf.label AND sc.parcours_id = pf.parcours_id
    LEFT JOIN sr ON sr.label = pf.label AND sr.parcours_id = pf.parcours_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7`.execute(db);
  return r.rows;
};

/** Appointments with their Paris dates and the person's territory, transmitted ones included (db/views). */
const APPOINTMENTS = sql`ind_appointments`;

export const steeringViewsRepository = {
  ...stockIndicators(stockFromViews),
  ...flowIndicators({
    pathways: "ind_pathways",
    signatures: "ind_contract_signatures",
    appointments: "ind_appointments",
  }),

  /**
   * IND-V3-M4: delay from the first diagnostic to the first accompaniment action (the first programme week
   * of a signed contract or, when the appointments exist, the first accompaniment appointment held, whichever
   * comes first), cohort by diagnostic.
   */
  diagnosticToAction(db: Db, periods: readonly Period[], t: TerritoryFilter, withAppointments: boolean) {
    const heldAppointment = withAppointments
      ? sql`LEFT JOIN LATERAL (
          SELECT min(a.appointment_date) AS first_held FROM ${APPOINTMENTS} a
          WHERE a.person_id = f.person_id AND a.status = 'HONORE'
            AND a.purpose IN ('PREMIER_RDV_ACCOMPAGNEMENT', 'SUIVI') AND a.appointment_date >= f.first_diagnostic_date
        ) h ON true`
      : sql`CROSS JOIN (SELECT NULL::date AS first_held) h`;
    return aggregate(
      db,
      periods,
      sql`JOIN ind_diagnostic_actions f ON f.first_diagnostic_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "f.first_diagnostic_date")}
        AND ${inTerritory("f", t)} ${heldAppointment}`,
      delayMeasures(sql`LEAST(f.first_action_date, h.first_held) - f.first_diagnostic_date`),
      null,
    );
  },

  /** IND-V3-M2-N: from T0 of the pathway to the first appointment held on or after it. */
  notificationToFirstInterview(db: Db, periods: readonly Period[], t: TerritoryFilter) {
    return aggregate(
      db,
      periods,
      sql`JOIN ind_pathways f ON f.t0_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "f.t0_date")} AND ${inTerritory("f", t)}
        LEFT JOIN LATERAL (
          SELECT min(a.appointment_date) AS first_held FROM ${APPOINTMENTS} a
          WHERE a.person_id = f.person_id AND a.status = 'HONORE' AND a.appointment_date >= f.t0_date
        ) h ON true`,
      delayMeasures(sql`h.first_held - f.t0_date`),
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
      sql`JOIN ind_pathways f ON f.oriented_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "f.oriented_date")} AND ${inTerritory("f", t)}
        LEFT JOIN LATERAL (
          SELECT min(a.appointment_date) AS first_held FROM ${APPOINTMENTS} a
          WHERE a.person_id = f.person_id AND a.status = 'HONORE'
            AND a.purpose IN ('PREMIER_RDV_ACCOMPAGNEMENT', 'SUIVI') AND a.appointment_date >= f.oriented_date
        ) h ON true`,
      sql`count(*) FILTER (WHERE h.first_held < f.oriented_date + ${days}::int)::int AS num, count(*)::int AS den,
        NULL::float8 AS median, NULL::float8 AS mean`,
      null,
    );
  },
};
