// The steering figures in SQL: the fact views of db/views (ind_pathways, ind_orientations,
// ind_contract_signatures, ind_diagnostic_actions) and the appointments tables, aggregated by period,
// territory and breakdown. Aggregates only: every query returns counts, medians and means, never a person.
import { type RawBuilder, sql } from "kysely";
import type { Breakdown } from "../../shared/steering/steering.catalogue";
import type { Period } from "../../shared/steering/steering.periods";
import type { TerritoryLevel } from "../../shared/steering/steering.schema";
import type { Db } from "../db/connect";

/** The territory asked for, narrowed to the actor's scope when it straddles it (a zone d'emploi). */
export type TerritoryFilter = {
  niveau: TerritoryLevel;
  code: string | null;
  within?: { departement?: string; region?: string };
};

/** One aggregate: `modalite` null for the total of the period. */
export type AggregateRow = {
  label: string;
  modalite: string | null;
  num: number;
  den: number | null;
  median: number | null;
  mean: number | null;
};

export type TerritoryInfo = { nom: string; departements: string[]; regions: string[] };

const NOT_ORIENTED = "NON_ORIENTE";
const NOT_GIVEN = "NON_RENSEIGNE";

/** A SQL array literal of strings, quoted element by element (the arrays travel as one parameter). */
const arrayLiteral = (values: readonly string[]) =>
  `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;

function periodsTable(periods: readonly Period[]): RawBuilder<unknown> {
  return sql`(SELECT * FROM unnest(${arrayLiteral(periods.map((p) => p.label))}::text[], ${arrayLiteral(periods.map((p) => p.start))}::date[], ${arrayLiteral(periods.map((p) => p.end))}::date[]) AS u(label, start_date, end_date))`;
}

/** `alias` carries departement, region_code and zone_emploi_code. */
function inTerritory(alias: string, f: TerritoryFilter): RawBuilder<unknown> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (f.niveau === "departement") parts.push(sql`${col("departement")} = ${f.code}`);
  if (f.niveau === "region") parts.push(sql`${col("region_code")} = ${f.code}`);
  if (f.niveau === "zone_emploi") parts.push(sql`${col("zone_emploi_code")} = ${f.code}`);
  if (f.within?.departement) parts.push(sql`${col("departement")} = ${f.within.departement}`);
  if (f.within?.region) parts.push(sql`${col("region_code")} = ${f.within.region}`);
  return sql.join(parts, sql` AND `);
}

/** The breakdown column of a pathway cohort (the first orientation decided in the pathway). */
function cohortDimension(b: Breakdown | undefined): RawBuilder<unknown> | null {
  if (b === "parcours") return sql`COALESCE(f.first_parcours_type, ${NOT_ORIENTED})`;
  if (b === "organisme") return sql`COALESCE(f.first_organisme, ${NOT_ORIENTED})`;
  if (b === "structure") return sql`COALESCE(f.first_structure_id::text, ${NOT_ORIENTED})`;
  if (b === "motif_sortie") return sql`COALESCE(f.exit_reason, ${NOT_GIVEN})`;
  return null;
}

/** The breakdown column of a stock (the orientation in force on the last day, alias `o`). */
function stockDimension(b: Breakdown | undefined): RawBuilder<unknown> | null {
  if (b === "parcours") return sql`COALESCE(o.parcours_type, ${NOT_ORIENTED})`;
  if (b === "organisme") return sql`COALESCE(o.organisme, ${NOT_ORIENTED})`;
  if (b === "structure") return sql`COALESCE(o.structure_id::text, ${NOT_ORIENTED})`;
  return null;
}

type Measures = RawBuilder<unknown>;
const COUNT: Measures = sql`count(*)::int AS num, NULL::int AS den, NULL::float8 AS median, NULL::float8 AS mean`;

/** Runs `select … from periods p <joins> group by` for the total and, when asked, for the breakdown. */
async function aggregate(
  db: Db,
  periods: readonly Period[],
  body: RawBuilder<unknown>,
  measures: Measures,
  dimension: RawBuilder<unknown> | null,
): Promise<AggregateRow[]> {
  if (periods.length === 0) return [];
  const run = async (dim: RawBuilder<unknown> | null) => {
    const r = await sql<AggregateRow>`
      SELECT p.label, ${dim ?? sql`NULL::text`} AS modalite, ${measures}
      FROM ${periodsTable(periods)} p ${body}
      GROUP BY p.label${dim ? sql`, 2` : sql``}`.execute(db);
    return r.rows;
  };
  const total = await run(null);
  return dimension ? [...total, ...(await run(dimension))] : total;
}

/** The pathways open on the last day of the period, with the orientation in force that day (`o`). */
function openPathwaysAtEnd(f: TerritoryFilter): RawBuilder<unknown> {
  return sql`
    JOIN ind_pathways f ON f.opened_date <= p.end_date
      AND (f.closed_date IS NULL OR f.closed_date > p.end_date) AND ${inTerritory("f", f)}
    LEFT JOIN LATERAL (
      SELECT io.parcours_type, io.organisme, io.structure_id
      FROM ind_orientations io
      WHERE io.parcours_id = f.parcours_id AND io.decided_date <= p.end_date
        AND (io.closed_date IS NULL OR io.closed_date > p.end_date)
      ORDER BY io.decided_date DESC, io.orientation_id DESC
      LIMIT 1
    ) o ON true`;
}

/** Appointments with their Paris dates and the person's territory, transmitted ones included (db/views). */
const APPOINTMENTS = sql`ind_appointments`;

export const steeringRepository = {
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

  /** Whether the appointments tables exist in this database (they come with the appointments capability). */
  async appointmentsAvailable(db: Db): Promise<boolean> {
    const r = await sql<{ ok: boolean }>`
      SELECT to_regclass('appointments') IS NOT NULL AND to_regclass('appointment_slots') IS NOT NULL AS ok`.execute(
      db,
    );
    return r.rows[0]?.ok === true;
  },

  /** IND-V2-01 / IND-V3-M1a: pathways opened for a new entrant, by T0. */
  newEntrants(db: Db, periods: readonly Period[], t: TerritoryFilter) {
    return aggregate(
      db,
      periods,
      sql`JOIN ind_pathways f ON f.t0_date BETWEEN p.start_date AND p.end_date AND f.new_entrant AND ${inTerritory("f", t)}`,
      COUNT,
      null,
    );
  },

  /** IND-V2-02 (new entrants, 15 days) and SOC-ORI-30 (every pathway, 30 days): T1 < T0 + N days. */
  orientedWithin(
    db: Db,
    periods: readonly Period[],
    t: TerritoryFilter,
    o: { days: number; newEntrantsOnly: boolean; breakdown?: Breakdown },
  ) {
    return aggregate(
      db,
      periods,
      sql`JOIN ind_pathways f ON f.t0_date BETWEEN p.start_date AND p.end_date
        ${o.newEntrantsOnly ? sql`AND f.new_entrant` : sql``} AND ${inTerritory("f", t)}`,
      sql`count(*) FILTER (WHERE f.oriented_date < f.t0_date + ${o.days}::int)::int AS num, count(*)::int AS den,
        NULL::float8 AS median, NULL::float8 AS mean`,
      cohortDimension(o.breakdown),
    );
  },

  /** IND-V3-M1: pathways open on the last day of the period. */
  registeredStock(db: Db, periods: readonly Period[], t: TerritoryFilter, breakdown?: Breakdown) {
    return aggregate(db, periods, openPathwaysAtEnd(t), COUNT, stockDimension(breakdown));
  },

  /** IND-V3-M1b: pathways closed in the period. */
  exits(db: Db, periods: readonly Period[], t: TerritoryFilter, breakdown?: Breakdown) {
    return aggregate(
      db,
      periods,
      sql`JOIN ind_pathways f ON f.closed_date BETWEEN p.start_date AND p.end_date AND ${inTerritory("f", t)}`,
      COUNT,
      cohortDimension(breakdown),
    );
  },

  /** IND-V3-M1c: contracts with a version signed in the period, once each. */
  contractsSigned(db: Db, periods: readonly Period[], t: TerritoryFilter) {
    return aggregate(
      db,
      periods,
      sql`JOIN ind_contract_signatures s ON s.signed_date BETWEEN p.start_date AND p.end_date AND ${inTerritory("s", t)}`,
      sql`count(DISTINCT s.contract_id)::int AS num, NULL::int AS den, NULL::float8 AS median, NULL::float8 AS mean`,
      null,
    );
  },

  /** SOC-CER: among oriented open pathways on the last day, those with a signed contract in force. */
  withSignedContract(db: Db, periods: readonly Period[], t: TerritoryFilter, breakdown?: Breakdown) {
    return aggregate(
      db,
      periods,
      sql`${openPathwaysAtEnd(t)} WHERE o.parcours_type IS NOT NULL`,
      sql`count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM ind_contract_signatures s
          WHERE s.person_id = f.person_id AND s.signed_date <= p.end_date
            AND (s.contract_closed_date IS NULL OR s.contract_closed_date > p.end_date)))::int AS num,
        count(*)::int AS den, NULL::float8 AS median, NULL::float8 AS mean`,
      stockDimension(breakdown),
    );
  },

  /**
   * IND-V3-M5: among open pathways with an orientation in force and a référent on the last day, those whose
   * latest signed contract version in force plans at least `hours` hours a week.
   */
  intensive(db: Db, periods: readonly Period[], t: TerritoryFilter, hours: number, breakdown?: Breakdown) {
    return aggregate(
      db,
      periods,
      sql`${openPathwaysAtEnd(t)}
        WHERE o.parcours_type IS NOT NULL AND EXISTS (
          SELECT 1 FROM ind_referents fu
          WHERE fu.person_id = f.person_id AND fu.start_date <= p.end_date
            AND (fu.end_date IS NULL OR fu.end_date > p.end_date))`,
      sql`count(*) FILTER (WHERE (
          SELECT s.programme_hours FROM ind_contract_signatures s
          WHERE s.person_id = f.person_id AND s.signed_date <= p.end_date
            AND (s.contract_closed_date IS NULL OR s.contract_closed_date > p.end_date)
          ORDER BY s.signed_date DESC, s.numero DESC
          LIMIT 1) >= ${hours}::numeric)::int AS num,
        count(*)::int AS den, NULL::float8 AS median, NULL::float8 AS mean`,
      stockDimension(breakdown),
    );
  },

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
      sql`JOIN ind_diagnostic_actions f ON f.first_diagnostic_date BETWEEN p.start_date AND p.end_date
        AND ${inTerritory("f", t)} ${heldAppointment}`,
      delayMeasures(sql`LEAST(f.first_action_date, h.first_held) - f.first_diagnostic_date`),
      null,
    );
  },

  /** OPS-01: appointments « absent » over appointments « honoré » or « absent », by appointment date. */
  noShows(db: Db, periods: readonly Period[], t: TerritoryFilter) {
    return aggregate(
      db,
      periods,
      sql`JOIN ${APPOINTMENTS} f ON f.appointment_date BETWEEN p.start_date AND p.end_date
        AND f.status IN ('HONORE', 'ABSENT') AND ${inTerritory("f", t)}`,
      sql`count(*) FILTER (WHERE f.status = 'ABSENT')::int AS num, count(*)::int AS den,
        NULL::float8 AS median, NULL::float8 AS mean`,
      null,
    );
  },

  /** OPS-02: from an invitation (cohort by invitation date) to the booking. */
  invitationToBooking(db: Db, periods: readonly Period[], t: TerritoryFilter) {
    return aggregate(
      db,
      periods,
      sql`JOIN ${APPOINTMENTS} f ON f.invited_date BETWEEN p.start_date AND p.end_date AND ${inTerritory("f", t)}`,
      delayMeasures(sql`f.booked_date - f.invited_date`),
      null,
    );
  },

  /** IND-V3-M2-N: from T0 of the pathway to the first appointment held on or after it. */
  notificationToFirstInterview(db: Db, periods: readonly Period[], t: TerritoryFilter) {
    return aggregate(
      db,
      periods,
      sql`JOIN ind_pathways f ON f.t0_date BETWEEN p.start_date AND p.end_date AND ${inTerritory("f", t)}
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
      sql`JOIN ind_pathways f ON f.oriented_date BETWEEN p.start_date AND p.end_date AND ${inTerritory("f", t)}
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

/** num = persons with T1 (the median's population), den = the cohort; median and mean over those with T1. */
function delayMeasures(delay: RawBuilder<unknown>): Measures {
  return sql`count(${delay})::int AS num, count(*)::int AS den,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${delay})::float8 AS median,
    avg(${delay})::float8 AS mean`;
}
