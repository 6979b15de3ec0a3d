// The SQL shared by the two implementations of the steering queries: the fact tables read by the dashboards
// (steering.repository.ts) and the fact views they are computed from (steering.views.repository.ts, the
// oracle of the differential tests). Periods as a table, territory filters, breakdown columns, aggregation by
// period, and the stock indicators summed from stock facts. Aggregates only, never a person.
import { type RawBuilder, sql } from "kysely";
import { type Breakdown, steeringParams } from "../../shared/steering/steering.catalogue";
import type { Period } from "../../shared/steering/steering.periods";
import type { TerritoryLevel } from "../../shared/steering/steering.schema";
import { type Aggregate, NOT_GIVEN, NOT_ORIENTED } from "../../shared/steering/steering.values";
import type { Db } from "../db/connect";

/** The territory asked for, narrowed to the actor's scope when it straddles it (a zone d'emploi). */
export type TerritoryFilter = {
  niveau: TerritoryLevel;
  code: string | null;
  within?: { departement?: string; region?: string };
};

/** One aggregate: `modalite` null for the total of the period (the shape shared/steering publishes from). */
export type AggregateRow = Aggregate;

export type TerritoryInfo = { nom: string; departements: string[]; regions: string[] };

/** A SQL array literal of strings, quoted element by element (the arrays travel as one parameter). */
export const arrayLiteral = (values: readonly string[]) =>
  `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;

export function periodsTable(periods: readonly Period[]): RawBuilder<unknown> {
  return sql`(SELECT * FROM unnest(${arrayLiteral(periods.map((p) => p.label))}::text[], ${arrayLiteral(periods.map((p) => p.start))}::date[], ${arrayLiteral(periods.map((p) => p.end))}::date[]) AS u(label, start_date, end_date))`;
}

/**
 * The whole span of the periods as a bound on a fact's date, added to the join on each period: redundant
 * (the join implies it), it lets the planner narrow the scan of the fact view before the periods are matched.
 */
export function spanOf(periods: readonly Period[], column: string): RawBuilder<unknown> {
  if (periods.length === 0) return sql`true`;
  const lo = periods.reduce((m, p) => (p.start < m ? p.start : m), periods[0]!.start);
  const hi = periods.reduce((m, p) => (p.end > m ? p.end : m), periods[0]!.end);
  return sql`${sql.ref(column)} BETWEEN ${lo}::date AND ${hi}::date`;
}

/** `alias` carries departement, region_code and zone_emploi_code. */
export function inTerritory(alias: string, f: TerritoryFilter): RawBuilder<unknown> {
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
export function cohortDimension(b: Breakdown | undefined): RawBuilder<unknown> | null {
  if (b === "parcours") return sql`COALESCE(f.first_parcours_type, ${NOT_ORIENTED})`;
  if (b === "organisme") return sql`COALESCE(f.first_organisme, ${NOT_ORIENTED})`;
  if (b === "structure") return sql`COALESCE(f.first_structure_id::text, ${NOT_ORIENTED})`;
  if (b === "motif_sortie") return sql`COALESCE(f.exit_reason, ${NOT_GIVEN})`;
  return null;
}

export type Measures = RawBuilder<unknown>;
export const COUNT: Measures = sql`count(*)::int AS num, NULL::int AS den, NULL::float8 AS median, NULL::float8 AS mean`;

/** Runs `select … from periods p <joins> group by` for the total and, when asked, for the breakdown. */
export async function aggregate(
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
export type StockFact = {
  label: string;
  parcours_type: string | null;
  organisme: string | null;
  structure_id: string | null;
  with_contract: boolean;
  with_referent: boolean;
  intensive: boolean;
  n: number;
};

/** The stock facts of the periods' last days in a territory (`hours`: the intensive threshold). */
export type StockQuery = (
  db: Db,
  periods: readonly Period[],
  t: TerritoryFilter,
  hours: number,
) => Promise<StockFact[]>;

/**
 * The stock facts of one dashboard, computed once: the five stock indicators of a report ask for the same
 * periods (the same array) and territory, so the first query is shared by the others. Held as long as the
 * periods array is (one report).
 */
const stockCache = new WeakMap<readonly Period[], Map<string, Promise<StockFact[]>>>();
function stockFactsOf(
  query: StockQuery,
  db: Db,
  periods: readonly Period[],
  t: TerritoryFilter,
  hours: number,
) {
  let byTerritory = stockCache.get(periods);
  if (!byTerritory) {
    byTerritory = new Map();
    stockCache.set(periods, byTerritory);
  }
  const key = JSON.stringify([t.niveau, t.code, t.within ?? null, hours]);
  let facts = byTerritory.get(key);
  if (!facts) {
    facts = query(db, periods, t, hours);
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

/** num = persons with T1 (the median's population), den = the cohort; median and mean over those with T1. */
export function delayMeasures(delay: RawBuilder<unknown>): Measures {
  return sql`count(${delay})::int AS num, count(*)::int AS den,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${delay})::float8 AS median,
    avg(${delay})::float8 AS mean`;
}

/** IND-V3-M1, SOC-CER and IND-V3-M5, summed from the stock facts `query` gives (one query per report). */
export function stockIndicators(query: StockQuery) {
  return {
    /** IND-V3-M1: pathways open on the last day of the period. */
    async registeredStock(db: Db, periods: readonly Period[], t: TerritoryFilter, breakdown?: Breakdown) {
      const facts = await stockFactsOf(query, db, periods, t, steeringParams.seuilHeuresHebdo);
      return sumStock(facts, breakdown, { inDenominator: () => true });
    },

    /** SOC-CER: among oriented open pathways on the last day, those with a signed contract in force. */
    async withSignedContract(db: Db, periods: readonly Period[], t: TerritoryFilter, breakdown?: Breakdown) {
      const facts = await stockFactsOf(query, db, periods, t, steeringParams.seuilHeuresHebdo);
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
      const facts = await stockFactsOf(query, db, periods, t, hours);
      return sumStock(facts, breakdown, {
        inDenominator: (f) => f.parcours_type !== null && f.with_referent,
        inNumerator: (f) => f.intensive,
      });
    },
  };
}

/** The tables the flow indicators read: the fact tables, or the fact views (the oracle). */
export type FlowSources = { pathways: string; signatures: string; appointments: string };

/**
 * The indicators that count or time one fact per row of one source, by the date that puts it in a period:
 * the same SQL on the fact tables and on the views they hold the rows of.
 */
export function flowIndicators(src: FlowSources) {
  const pathways = sql.table(src.pathways);
  const signatures = sql.table(src.signatures);
  const appointments = sql.table(src.appointments);
  return {
    /** IND-V2-01 / IND-V3-M1a: pathways opened for a new entrant, by T0. */
    newEntrants(db: Db, periods: readonly Period[], t: TerritoryFilter) {
      return aggregate(
        db,
        periods,
        sql`JOIN ${pathways} f ON f.t0_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "f.t0_date")} AND f.new_entrant AND ${inTerritory("f", t)}`,
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
        sql`JOIN ${pathways} f ON f.t0_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "f.t0_date")}
          ${o.newEntrantsOnly ? sql`AND f.new_entrant` : sql``} AND ${inTerritory("f", t)}`,
        sql`count(*) FILTER (WHERE f.oriented_date < f.t0_date + ${o.days}::int)::int AS num, count(*)::int AS den,
          NULL::float8 AS median, NULL::float8 AS mean`,
        cohortDimension(o.breakdown),
      );
    },

    /** IND-V3-M1b: pathways closed in the period. */
    exits(db: Db, periods: readonly Period[], t: TerritoryFilter, breakdown?: Breakdown) {
      return aggregate(
        db,
        periods,
        sql`JOIN ${pathways} f ON f.closed_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "f.closed_date")} AND ${inTerritory("f", t)}`,
        COUNT,
        cohortDimension(breakdown),
      );
    },

    /** IND-V3-M1c: contracts with a version signed in the period, once each. */
    contractsSigned(db: Db, periods: readonly Period[], t: TerritoryFilter) {
      return aggregate(
        db,
        periods,
        sql`JOIN ${signatures} s ON s.signed_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "s.signed_date")} AND ${inTerritory("s", t)}`,
        sql`count(DISTINCT s.contract_id)::int AS num, NULL::int AS den, NULL::float8 AS median, NULL::float8 AS mean`,
        null,
      );
    },

    /** OPS-01: appointments « absent » over appointments « honoré » or « absent », by appointment date. */
    noShows(db: Db, periods: readonly Period[], t: TerritoryFilter) {
      return aggregate(
        db,
        periods,
        sql`JOIN ${appointments} f ON f.appointment_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "f.appointment_date")}
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
        sql`JOIN ${appointments} f ON f.invited_date BETWEEN p.start_date AND p.end_date AND ${spanOf(periods, "f.invited_date")} AND ${inTerritory("f", t)}`,
        delayMeasures(sql`f.booked_date - f.invited_date`),
        null,
      );
    },
  };
}
