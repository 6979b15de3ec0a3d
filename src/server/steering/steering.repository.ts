// The steering figures in SQL: the fact views of db/views (ind_pathways, ind_orientations,
// ind_contract_signatures, ind_diagnostic_actions) and the appointments tables, aggregated by period,
// territory and breakdown. Aggregates only: every query returns counts, medians and means, never a person.
import { type RawBuilder, sql } from "kysely";
import { type Breakdown, steeringParams } from "../../shared/steering/steering.catalogue";
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

/**
 * The whole span of the periods as a bound on a fact's date, added to the join on each period: redundant
 * (the join implies it), it lets the planner narrow the scan of the fact view before the periods are matched.
 */
function spanOf(periods: readonly Period[], column: string): RawBuilder<unknown> {
  if (periods.length === 0) return sql`true`;
  const lo = periods.reduce((m, p) => (p.start < m ? p.start : m), periods[0]!.start);
  const hi = periods.reduce((m, p) => (p.end > m ? p.end : m), periods[0]!.end);
  return sql`${sql.ref(column)} BETWEEN ${lo}::date AND ${hi}::date`;
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

/**
 * One pathway open on the last day of a period, classified by what the stock indicators count: the
 * orientation in force that day (the latest decided among those in force), a signed contract in force, a
 * named référent, and the hours a week of the latest signed version in force; `n` such pathways.
 */
type StockFact = {
  label: string;
  parcours_type: string | null;
  organisme: string | null;
  structure_id: string | null;
  with_contract: boolean;
  with_referent: boolean;
  intensive: boolean;
  n: number;
};

/**
 * The stock facts of every period in one set-based query: the territory's pathways, orientations, contract
 * signatures and référent periods are each read once from the fact views, then matched to the period ends by
 * joins (rather than one lateral look-up per period and pathway and per indicator). IND-V3-M1, M3, M3-ORG,
 * SOC-CER and M5 are sums over these rows, so a dashboard runs this query once (`stockFactsOf`).
 */
async function stockFacts(
  db: Db,
  periods: readonly Period[],
  t: TerritoryFilter,
  hours: number,
): Promise<StockFact[]> {
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
}

/**
 * The stock facts of one dashboard, computed once: the five stock indicators of a report ask for the same
 * periods (the same array) and territory, so the first query is shared by the others. Held as long as the
 * periods array is (one report).
 */
const stockCache = new WeakMap<readonly Period[], Map<string, Promise<StockFact[]>>>();
function stockFactsOf(db: Db, periods: readonly Period[], t: TerritoryFilter, hours: number) {
  let byTerritory = stockCache.get(periods);
  if (!byTerritory) {
    byTerritory = new Map();
    stockCache.set(periods, byTerritory);
  }
  const key = JSON.stringify([t.niveau, t.code, t.within ?? null, hours]);
  let facts = byTerritory.get(key);
  if (!facts) {
    facts = stockFacts(db, periods, t, hours);
    // a failed query is not kept: the transaction is rolled back and a new report asks again
    facts.catch(() => byTerritory.delete(key));
    byTerritory.set(key, facts);
  }
  return facts;
}

/** The breakdown category of a stock fact (the orientation in force on the last day). */
function stockCategory(b: Breakdown | undefined, f: StockFact): string | null {
  if (b === "parcours") return f.parcours_type ?? NOT_ORIENTED;
  if (b === "organisme") return f.organisme ?? NOT_ORIENTED;
  if (b === "structure") return f.structure_id ?? NOT_ORIENTED;
  return null;
}

/**
 * Sums stock facts into aggregates as `aggregate` would group them: the period's total and, when asked, one
 * row per category; only the facts `inDenominator` keeps are counted, `inNumerator` ones in `num`; `den` is
 * null for a plain count. A period (or category) without any fact has no row.
 */
function sumStock(
  facts: readonly StockFact[],
  breakdown: Breakdown | undefined,
  o: { inDenominator: (f: StockFact) => boolean; inNumerator?: (f: StockFact) => boolean },
): AggregateRow[] {
  const rows = new Map<string, AggregateRow>();
  const add = (label: string, modalite: string | null, f: StockFact) => {
    const key = JSON.stringify([label, modalite]);
    let row = rows.get(key);
    if (!row) {
      row = { label, modalite, num: 0, den: o.inNumerator ? 0 : null, median: null, mean: null };
      rows.set(key, row);
    }
    if (o.inNumerator) {
      row.den = (row.den ?? 0) + f.n;
      if (o.inNumerator(f)) row.num += f.n;
    } else row.num += f.n;
  };
  for (const f of facts) {
    if (!o.inDenominator(f)) continue;
    add(f.label, null, f);
    const category = stockCategory(breakdown, f);
    if (breakdown && category !== null) add(f.label, category, f);
  }
  return [...rows.values()];
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
      sql`JOIN ind_pathways f ON f.t0_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "f.t0_date")} AND f.new_entrant AND ${inTerritory("f", t)}`,
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
      sql`JOIN ind_pathways f ON f.t0_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "f.t0_date")}
        ${o.newEntrantsOnly ? sql`AND f.new_entrant` : sql``} AND ${inTerritory("f", t)}`,
      sql`count(*) FILTER (WHERE f.oriented_date < f.t0_date + ${o.days}::int)::int AS num, count(*)::int AS den,
        NULL::float8 AS median, NULL::float8 AS mean`,
      cohortDimension(o.breakdown),
    );
  },

  /** IND-V3-M1: pathways open on the last day of the period. */
  async registeredStock(db: Db, periods: readonly Period[], t: TerritoryFilter, breakdown?: Breakdown) {
    const facts = await stockFactsOf(db, periods, t, steeringParams.seuilHeuresHebdo);
    return sumStock(facts, breakdown, { inDenominator: () => true });
  },

  /** IND-V3-M1b: pathways closed in the period. */
  exits(db: Db, periods: readonly Period[], t: TerritoryFilter, breakdown?: Breakdown) {
    return aggregate(
      db,
      periods,
      sql`JOIN ind_pathways f ON f.closed_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "f.closed_date")} AND ${inTerritory("f", t)}`,
      COUNT,
      cohortDimension(breakdown),
    );
  },

  /** IND-V3-M1c: contracts with a version signed in the period, once each. */
  contractsSigned(db: Db, periods: readonly Period[], t: TerritoryFilter) {
    return aggregate(
      db,
      periods,
      sql`JOIN ind_contract_signatures s ON s.signed_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "s.signed_date")} AND ${inTerritory("s", t)}`,
      sql`count(DISTINCT s.contract_id)::int AS num, NULL::int AS den, NULL::float8 AS median, NULL::float8 AS mean`,
      null,
    );
  },

  /** SOC-CER: among oriented open pathways on the last day, those with a signed contract in force. */
  async withSignedContract(db: Db, periods: readonly Period[], t: TerritoryFilter, breakdown?: Breakdown) {
    const facts = await stockFactsOf(db, periods, t, steeringParams.seuilHeuresHebdo);
    return sumStock(facts, breakdown, {
      inDenominator: (f) => f.parcours_type !== null,
      inNumerator: (f) => f.with_contract,
    });
  },

  /**
   * IND-V3-M5: among open pathways with an orientation in force and a référent on the last day, those whose
   * latest signed contract version in force plans at least `hours` hours a week.
   */
  async intensive(
    db: Db,
    periods: readonly Period[],
    t: TerritoryFilter,
    hours: number,
    breakdown?: Breakdown,
  ) {
    const facts = await stockFactsOf(db, periods, t, hours);
    return sumStock(facts, breakdown, {
      inDenominator: (f) => f.parcours_type !== null && f.with_referent,
      inNumerator: (f) => f.intensive,
    });
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
      sql`JOIN ind_diagnostic_actions f ON f.first_diagnostic_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "f.first_diagnostic_date")}
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
      sql`JOIN ${APPOINTMENTS} f ON f.appointment_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "f.appointment_date")}
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
      sql`JOIN ${APPOINTMENTS} f ON f.invited_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "f.invited_date")} AND ${inTerritory("f", t)}`,
      delayMeasures(sql`f.booked_date - f.invited_date`),
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

/** num = persons with T1 (the median's population), den = the cohort; median and mean over those with T1. */
function delayMeasures(delay: RawBuilder<unknown>): Measures {
  return sql`count(${delay})::int AS num, count(*)::int AS den,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${delay})::float8 AS median,
    avg(${delay})::float8 AS mean`;
}
