// The steering fact tables (migration 202612070100, ADR 0005): recomputed person by person from the fact
// views of db/views, which stay the one definition of each fact. `persons` null recomputes everyone (a
// rebuild); otherwise only the rows of those persons are replaced.
import { type RawBuilder, sql } from "kysely";
import type { Db } from "../db/connect";

const ACCOMPANIMENT_PURPOSES = sql`('PREMIER_RDV_ACCOMPAGNEMENT', 'SUIVI')`;

/** `column` belongs to one of the persons, or true for everyone. */
function ofPersons(column: string, persons: readonly string[] | null): RawBuilder<unknown> {
  if (persons === null) return sql`true`;
  return sql`${sql.ref(column)} = ANY (${`{${persons.join(",")}}`}::uuid[])`;
}

/**
 * A rebuild writes each table in (département, date) order: a département's rows then lie on few pages, and its
 * dashboard reads those pages rather than rows scattered over the whole country's (the stock query of
 * département 59 at 2M persons: 730 ms scattered, 80–100 ms in order).
 * Rows recomputed later are appended; the next rebuild restores the order.
 */
function rebuildOrder(persons: readonly string[] | null, columns: string): RawBuilder<unknown> {
  return persons === null ? sql`ORDER BY ${sql.raw(columns)}` : sql``;
}

const FACT_TABLES = [
  "steering_pathway_facts",
  "steering_stock_segments",
  "steering_signature_facts",
  "steering_diagnostic_facts",
  "steering_appointment_facts",
] as const;

export const steeringFactsRepository = {
  /**
   * Takes up to `limit` persons marked dirty that no other refresh holds, locked until the end of the
   * transaction (a write to one of them waits for it, then marks the person again).
   */
  async takeDirty(db: Db, limit: number): Promise<{ person_id: string; marked: string }[]> {
    const r = await sql<{ person_id: string; marked: string }>`
      SELECT person_id, marked::text AS marked FROM steering_dirty_persons
      ORDER BY person_id LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(db);
    return r.rows;
  },

  async dirtyCount(db: Db): Promise<number> {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM steering_dirty_persons`.execute(db);
    return r.rows[0]?.n ?? 0;
  },

  /** Forgets the marks read (a mark renewed since, by a write the refresh did not see, stays). */
  async clearDirty(db: Db, taken: readonly { person_id: string; marked: string }[]): Promise<void> {
    if (taken.length === 0) return;
    await sql`
      DELETE FROM steering_dirty_persons d
      USING unnest(${`{${taken.map((t) => t.person_id).join(",")}}`}::uuid[], ${`{${taken.map((t) => t.marked).join(",")}}`}::bigint[]) AS t(person_id, marked)
      WHERE d.person_id = t.person_id AND d.marked = t.marked`.execute(db);
  },

  /** Every mark visible now (a rebuild, in a repeatable-read transaction, has computed them all). */
  async clearAllDirty(db: Db): Promise<void> {
    await sql`DELETE FROM steering_dirty_persons`.execute(db);
  },

  /**
   * Fresh statistics on the tables a rebuild reads, then on the facts it wrote: PGlite has no autovacuum,
   * and without them the planner of a freshly seeded base looks up each diagnostic's contracts by a full scan
   * (a demo's rebuild: 21 s without, 1.4 s with).
   */
  async analyzeSources(db: Db): Promise<void> {
    await sql`ANALYZE persons, parcours, orientations, orientation_transitions, follow_ups, contracts,
      contract_versions, contract_transitions, diagnostics, diagnostic_versions, appointments, appointment_slots,
      external_parcours_facts`.execute(db);
  },

  async analyzeFacts(db: Db): Promise<void> {
    await sql`ANALYZE ${sql.raw(FACT_TABLES.join(", "))}`.execute(db);
  },

  /** Replaces the facts of `persons` (null: of everyone) by what the views say now. */
  async recompute(db: Db, persons: readonly string[] | null): Promise<void> {
    if (persons !== null && persons.length === 0) return;
    if (persons === null) await sql`TRUNCATE ${sql.raw(FACT_TABLES.join(", "))}`.execute(db);
    else
      for (const t of FACT_TABLES)
        await sql`DELETE FROM ${sql.table(t)} WHERE ${ofPersons("person_id", persons)}`.execute(db);

    // appointments first: the other facts look up their first appointment held in this table
    await sql`
      INSERT INTO steering_appointment_facts (id, person_id, status, purpose, appointment_date, invited_date,
        booked_date, departement, region_code, zone_emploi_code)
      SELECT a.id, a.person_id, a.status, a.purpose, a.appointment_date, a.invited_date, a.booked_date,
        a.departement, a.region_code, a.zone_emploi_code
      FROM ind_appointments a WHERE ${ofPersons("a.person_id", persons)}
      ${rebuildOrder(persons, "a.departement, a.appointment_date")}`.execute(db);

    await sql`
      INSERT INTO steering_pathway_facts (parcours_id, person_id, departement, region_code, zone_emploi_code,
        new_entrant, t0_date, opened_date, closed_date, exit_reason, oriented_date, first_parcours_type,
        first_organisme, first_structure_id, first_held_date, first_accompaniment_date, source)
      SELECT f.parcours_id, f.person_id, f.departement, f.region_code, f.zone_emploi_code, f.new_entrant,
        f.t0_date, f.opened_date, f.closed_date, f.exit_reason, f.oriented_date, f.first_parcours_type,
        f.first_organisme, f.first_structure_id,
        (SELECT min(a.appointment_date) FROM steering_appointment_facts a
         WHERE a.person_id = f.person_id AND a.status = 'HONORE' AND a.appointment_date >= f.t0_date),
        (SELECT min(a.appointment_date) FROM steering_appointment_facts a
         WHERE a.person_id = f.person_id AND a.status = 'HONORE' AND a.purpose IN ${ACCOMPANIMENT_PURPOSES}
           AND a.appointment_date >= f.oriented_date),
        f.source
      FROM ind_pathways f WHERE ${ofPersons("f.person_id", persons)}
      ${rebuildOrder(persons, "f.departement, f.t0_date")}`.execute(db);

    await sql`
      INSERT INTO steering_diagnostic_facts (person_id, departement, region_code, zone_emploi_code,
        first_diagnostic_date, first_action_date, first_accompaniment_date)
      SELECT f.person_id, f.departement, f.region_code, f.zone_emploi_code, f.first_diagnostic_date,
        f.first_action_date,
        (SELECT min(a.appointment_date) FROM steering_appointment_facts a
         WHERE a.person_id = f.person_id AND a.status = 'HONORE' AND a.purpose IN ${ACCOMPANIMENT_PURPOSES}
           AND a.appointment_date >= f.first_diagnostic_date)
      FROM ind_diagnostic_actions f WHERE ${ofPersons("f.person_id", persons)}
      ${rebuildOrder(persons, "f.departement, f.first_diagnostic_date")}`.execute(db);

    await sql`
      INSERT INTO steering_signature_facts (contract_id, person_id, numero, signed_date, departement,
        region_code, zone_emploi_code)
      SELECT s.contract_id, s.person_id, s.numero, s.signed_date, s.departement, s.region_code, s.zone_emploi_code
      FROM ind_contract_signatures s WHERE ${ofPersons("s.person_id", persons)}
      ${rebuildOrder(persons, "s.departement, s.signed_date")}`.execute(db);

    // The stock: each pathway's open days [opened, closed) cut at every date where one of the facts the stock
    // indicators read starts or ends (an orientation decided or closed, a contract signed or closed, a
    // référent named or gone). On each segment the state is the one its first day has, found as the
    // dashboards did on a period's last day: the latest decided orientation in force, the latest signed
    // version in force, a référent in force.
    await sql`
      WITH pw AS MATERIALIZED (
        SELECT f.parcours_id, f.person_id, f.departement, f.region_code, f.zone_emploi_code, f.opened_date, f.closed_date
        FROM ind_pathways f WHERE ${ofPersons("f.person_id", persons)} AND f.opened_date IS NOT NULL
      ),
      io AS MATERIALIZED (
        SELECT io.parcours_id, io.orientation_id, io.decided_date, io.closed_date, io.parcours_type, io.organisme,
          io.structure_id
        FROM ind_orientations io WHERE ${ofPersons("io.person_id", persons)}
      ),
      s AS MATERIALIZED (
        SELECT s.person_id, s.signed_date, s.contract_closed_date, s.numero, s.programme_hours
        FROM ind_contract_signatures s WHERE ${ofPersons("s.person_id", persons)}
      ),
      rf AS MATERIALIZED (
        SELECT rf.person_id, rf.start_date, rf.end_date
        FROM ind_referents rf WHERE ${ofPersons("rf.person_id", persons)}
      ),
      cuts AS (
        SELECT pw.parcours_id, pw.opened_date AS d FROM pw
        UNION ALL SELECT pw.parcours_id, x.d FROM pw JOIN io ON io.parcours_id = pw.parcours_id
          CROSS JOIN LATERAL (VALUES (io.decided_date), (io.closed_date)) AS x(d)
        UNION ALL SELECT pw.parcours_id, x.d FROM pw JOIN s ON s.person_id = pw.person_id
          CROSS JOIN LATERAL (VALUES (s.signed_date), (s.contract_closed_date)) AS x(d)
        UNION ALL SELECT pw.parcours_id, x.d FROM pw JOIN rf ON rf.person_id = pw.person_id
          CROSS JOIN LATERAL (VALUES (rf.start_date), (rf.end_date)) AS x(d)
      ),
      seg AS MATERIALIZED (
        SELECT pw.parcours_id, pw.person_id, pw.departement, pw.region_code, pw.zone_emploi_code, c.d AS from_date,
          COALESCE(lead(c.d) OVER (PARTITION BY pw.parcours_id ORDER BY c.d), pw.closed_date) AS to_date
        FROM (SELECT DISTINCT parcours_id, d FROM cuts WHERE d IS NOT NULL) c
        JOIN pw ON pw.parcours_id = c.parcours_id
        WHERE c.d >= pw.opened_date AND (pw.closed_date IS NULL OR c.d < pw.closed_date)
      ),
      o AS (
        SELECT DISTINCT ON (seg.parcours_id, seg.from_date) seg.parcours_id, seg.from_date, io.parcours_type,
          io.organisme, io.structure_id
        FROM seg JOIN io ON io.parcours_id = seg.parcours_id AND io.decided_date <= seg.from_date
          AND (io.closed_date IS NULL OR io.closed_date > seg.from_date)
        ORDER BY seg.parcours_id, seg.from_date, io.decided_date DESC, io.orientation_id DESC
      ),
      sc AS (
        SELECT DISTINCT ON (seg.parcours_id, seg.from_date) seg.parcours_id, seg.from_date, s.programme_hours
        FROM seg JOIN s ON s.person_id = seg.person_id AND s.signed_date <= seg.from_date
          AND (s.contract_closed_date IS NULL OR s.contract_closed_date > seg.from_date)
        ORDER BY seg.parcours_id, seg.from_date, s.signed_date DESC, s.numero DESC
      ),
      sr AS (
        SELECT DISTINCT seg.parcours_id, seg.from_date
        FROM seg JOIN rf ON rf.person_id = seg.person_id AND rf.start_date <= seg.from_date
          AND (rf.end_date IS NULL OR rf.end_date > seg.from_date)
      )
      INSERT INTO steering_stock_segments (parcours_id, person_id, departement, region_code, zone_emploi_code,
        from_date, to_date, parcours_type, organisme, structure_id, with_contract, with_referent, programme_hours)
      SELECT seg.parcours_id, seg.person_id, seg.departement, seg.region_code, seg.zone_emploi_code, seg.from_date,
        seg.to_date, o.parcours_type, o.organisme, o.structure_id, sc.parcours_id IS NOT NULL,
        sr.parcours_id IS NOT NULL, sc.programme_hours
      FROM seg
      LEFT JOIN o ON o.parcours_id = seg.parcours_id AND o.from_date = seg.from_date
      LEFT JOIN sc ON sc.parcours_id = seg.parcours_id AND sc.from_date = seg.from_date
      LEFT JOIN sr ON sr.parcours_id = seg.parcours_id AND sr.from_date = seg.from_date
      ${rebuildOrder(persons, "seg.departement, seg.from_date")}`.execute(db);
  },

  /** The rows of each fact table (the benchmark's report; the refresher's measure of a large backlog). */
  async sizes(db: Db, tables: readonly string[] = FACT_TABLES): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of tables) {
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(db);
      out[t] = r.rows[0]?.n ?? 0;
    }
    return out;
  },
};
