// SQL of the data-sharing file: the facts of a département's pathways read for the monthly export (through the
// indicator fact views, Socle's own rows only, as known at the end of the month), and the imports of a
// département that runs its own system: the import records, the quarantined rows and the external facts.

import type { Insertable } from "kysely";
import { sql } from "kysely";
import type { RowReason } from "../../shared/data-sharing/data-sharing.schema";
import type { Db } from "../db/connect";
import type { ExternalParcoursFactsTable } from "./data-sharing.tables";

export type ExportPathway = {
  parcoursId: string;
  personId: string;
  franceTravailId: string | null;
  cafOrganisme: string | null;
  cafNumorg: string | null;
  cafMatricule: string | null;
  householdRole: string | null;
  communeCode: string | null;
  t0Date: string;
  openedDate: string;
  closedDate: string | null;
  exitReason: string | null;
  orientedDate: string | null;
  newEntrant: boolean;
};

export type ExportFacts = {
  pathways: ExportPathway[];
  /** every pathway of these persons (facts of a person go to one of them, by date) */
  personPathways: { parcoursId: string; personId: string; openedDate: string }[];
  orientations: {
    parcoursId: string;
    decidedDate: string;
    closedDate: string | null;
    type: string;
    organisme: string;
  }[];
  referents: { personId: string; startDate: string; endDate: string | null }[];
  appointments: { personId: string; date: string; status: string; purpose: string }[];
  contracts: {
    contractId: string;
    personId: string;
    numero: number;
    signedDate: string;
    hours: number;
    programmeStart: string | null;
    closedDate: string | null;
    activities: { code: string; heuresPrevues: number }[];
  }[];
  diagnostics: { personId: string; firstDate: string; themes: Record<string, { impact?: string | null }> }[];
  rights: { personId: string; openedDate: string }[];
};

const ids = (values: readonly string[]) => `{${values.join(",")}}`;
/** A date known at the end of the month: null when it comes later. */
const known = (column: string, end: string) =>
  sql`CASE WHEN ${sql.ref(column)} <= ${end}::date THEN ${sql.ref(column)} END`;

export const dataSharingRepository = {
  async departementExists(db: Db, code: string): Promise<boolean> {
    const r = await db.selectFrom("departements").select("code").where("code", "=", code).executeTakeFirst();
    return r !== undefined;
  },

  /** Socle's pathways of the département open at some time in [start, end], with the facts known at `end`. */
  async exportFacts(db: Db, departement: string, start: string, end: string): Promise<ExportFacts> {
    const pathways = (
      await sql<ExportPathway>`
        SELECT f.parcours_id AS "parcoursId", f.person_id AS "personId", pe.france_travail_id AS "franceTravailId",
          pe.caf_organisme AS "cafOrganisme", pe.caf_numorg AS "cafNumorg", pe.caf_matricule AS "cafMatricule",
          pe.household_role AS "householdRole", f.commune_code AS "communeCode", f.t0_date AS "t0Date",
          f.opened_date AS "openedDate", ${known("f.closed_date", end)} AS "closedDate",
          CASE WHEN f.closed_date <= ${end}::date THEN f.exit_reason END AS "exitReason",
          ${known("f.oriented_date", end)} AS "orientedDate", f.new_entrant AS "newEntrant"
        FROM ind_pathways f
        JOIN persons pe ON pe.id = f.person_id
        WHERE f.source = 'SOCLE' AND f.departement = ${departement}
          AND f.opened_date <= ${end}::date AND (f.closed_date IS NULL OR f.closed_date >= ${start}::date)
        ORDER BY f.t0_date, f.parcours_id`.execute(db)
    ).rows;
    const personIds = ids([...new Set(pathways.map((p) => p.personId))]);
    const parcoursIds = ids(pathways.map((p) => p.parcoursId));
    const personPathways = (
      await sql<ExportFacts["personPathways"][number]>`
        SELECT id AS "parcoursId", person_id AS "personId", (opened_at AT TIME ZONE 'Europe/Paris')::date AS "openedDate"
        FROM parcours WHERE person_id = ANY(${personIds}::uuid[])`.execute(db)
    ).rows;
    const orientations = (
      await sql<ExportFacts["orientations"][number]>`
        SELECT o.parcours_id AS "parcoursId", o.decided_date AS "decidedDate", ${known("o.closed_date", end)} AS "closedDate",
          o.parcours_type AS type, o.organisme
        FROM ind_orientations o
        WHERE o.source = 'SOCLE' AND o.parcours_id = ANY(${parcoursIds}::uuid[]) AND o.decided_date <= ${end}::date
        ORDER BY o.decided_date, o.orientation_id`.execute(db)
    ).rows;
    const referents = (
      await sql<ExportFacts["referents"][number]>`
        SELECT r.person_id AS "personId", r.start_date AS "startDate", ${known("r.end_date", end)} AS "endDate"
        FROM ind_referents r
        WHERE r.source = 'SOCLE' AND r.person_id = ANY(${personIds}::uuid[]) AND r.start_date <= ${end}::date
        ORDER BY r.start_date`.execute(db)
    ).rows;
    const appointments = (
      await sql<ExportFacts["appointments"][number]>`
        SELECT a.person_id AS "personId", a.appointment_date AS date, a.status, a.purpose
        FROM ind_appointments a
        WHERE a.source = 'SOCLE' AND a.person_id = ANY(${personIds}::uuid[])
          AND a.status IN ('HONORE', 'ABSENT', 'EXCUSE') AND a.appointment_date <= ${end}::date
        ORDER BY a.appointment_date, a.id`.execute(db)
    ).rows;
    const contracts = (
      await sql<ExportFacts["contracts"][number]>`
        SELECT s.contract_id AS "contractId", s.person_id AS "personId", s.numero, s.signed_date AS "signedDate",
          s.programme_hours::float8 AS hours, s.programme_start_date AS "programmeStart",
          ${known("s.contract_closed_date", end)} AS "closedDate",
          COALESCE((
            SELECT jsonb_agg(jsonb_build_object('code', a ->> 'code', 'heuresPrevues', (a ->> 'heuresPrevues')::numeric))
            FROM jsonb_array_elements(
              CASE WHEN jsonb_typeof(v.content -> 'programme' -> 'activites') = 'array'
                THEN v.content -> 'programme' -> 'activites' ELSE '[]'::jsonb END) a
          ), '[]'::jsonb) AS activities
        FROM ind_contract_signatures s
        JOIN contract_versions v ON v.contract_id = s.contract_id AND v.numero = s.numero
        WHERE s.source = 'SOCLE' AND s.person_id = ANY(${personIds}::uuid[]) AND s.signed_date <= ${end}::date
        ORDER BY s.contract_id, s.numero`.execute(db)
    ).rows;
    const diagnostics = (
      await sql<ExportFacts["diagnostics"][number]>`
        SELECT dg.person_id AS "personId", f.first_diagnostic_date AS "firstDate",
          COALESCE((
            SELECT dv.content -> 'themes' FROM diagnostic_versions dv
            WHERE dv.diagnostic_id = dg.id AND (dv.created_at AT TIME ZONE 'Europe/Paris')::date <= ${end}::date
            ORDER BY dv.numero DESC LIMIT 1
          ), '{}'::jsonb) AS themes
        FROM diagnostics dg
        JOIN ind_diagnostic_actions f ON f.source = 'SOCLE' AND f.person_id = dg.person_id
        WHERE dg.person_id = ANY(${personIds}::uuid[]) AND f.first_diagnostic_date <= ${end}::date`.execute(
        db,
      )
    ).rows;
    const rights = (
      await sql<ExportFacts["rights"][number]>`
        SELECT person_id AS "personId", min(demande_date) AS "openedDate"
        FROM rsa_rights
        WHERE person_id = ANY(${personIds}::uuid[]) AND demande_date <= ${end}::date
        GROUP BY person_id`.execute(db)
    ).rows;
    return {
      pathways,
      personPathways,
      orientations,
      referents,
      appointments,
      contracts,
      diagnostics,
      rights,
    };
  },

  /**
   * The transmitted (external) pathways counted in a territory's indicators, and the latest month of reference
   * received: what lets a dashboard say « données transmises par le Département ».
   */
  async transmitted(
    db: Db,
    t: { niveau: string; code: string | null; within?: { departement?: string; region?: string } },
  ): Promise<{ parcours: number; dernierMois: string | null }> {
    const parts = [sql`f.source = 'DEPARTEMENT'`];
    if (t.niveau === "departement") parts.push(sql`f.departement = ${t.code}`);
    if (t.niveau === "region") parts.push(sql`f.region_code = ${t.code}`);
    if (t.niveau === "zone_emploi") parts.push(sql`f.zone_emploi_code = ${t.code}`);
    if (t.within?.departement) parts.push(sql`f.departement = ${t.within.departement}`);
    if (t.within?.region) parts.push(sql`f.region_code = ${t.within.region}`);
    const r = await sql<{ parcours: number; dernierMois: string | null }>`
      SELECT count(*)::int AS parcours, max(x.reference_month) AS "dernierMois"
      FROM ind_pathways f JOIN external_parcours_facts x ON x.id = f.parcours_id
      WHERE ${sql.join(parts, sql` AND `)}`.execute(db);
    return r.rows[0] ?? { parcours: 0, dernierMois: null };
  },

  // ---- imports ------------------------------------------------------------------------------------------

  findImport(db: Db, departement: string, contentHash: string) {
    return db
      .selectFrom("liste_minimale_imports")
      .selectAll()
      .where("departement", "=", departement)
      .where("content_hash", "=", contentHash)
      .forUpdate()
      .executeTakeFirst();
  },

  getImport(db: Db, id: string) {
    return db
      .selectFrom("liste_minimale_imports")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
  },

  async insertImport(
    db: Db,
    i: {
      id: string;
      departement: string;
      fileName: string;
      format: "CSV" | "XLSX";
      contentHash: string;
      rowCount: number;
      startedBy: string;
      at: Date;
    },
  ) {
    await db
      .insertInto("liste_minimale_imports")
      .values({
        id: i.id,
        departement: i.departement,
        file_name: i.fileName,
        format: i.format,
        content_hash: i.contentHash,
        row_count: i.rowCount,
        status: "EN_COURS",
        started_by: i.startedBy,
        started_at: i.at,
        finished_at: null,
      })
      .execute();
  },

  async markRerun(db: Db, id: string) {
    await db
      .updateTable("liste_minimale_imports")
      .set((eb) => ({ runs: eb("runs", "+", 1) }))
      .where("id", "=", id)
      .execute();
  },

  listImports(db: Db, departement: string) {
    return db
      .selectFrom("liste_minimale_imports")
      .selectAll()
      .where("departement", "=", departement)
      .orderBy("started_at", "desc")
      .limit(50)
      .execute();
  },

  quarantined(db: Db, importId: string) {
    return db
      .selectFrom("liste_minimale_quarantine")
      .select(["line", "source_id", "reasons"])
      .where("import_id", "=", importId)
      .orderBy("line")
      .execute();
  },

  /** The stored hashes of these rows of the département, by id_parcours. */
  async existingHashes(db: Db, departement: string, sourceIds: string[]): Promise<Map<string, string>> {
    if (sourceIds.length === 0) return new Map();
    const rows = await db
      .selectFrom("external_parcours_facts")
      .select(["source_id", "row_hash"])
      .where("departement", "=", departement)
      .where("source_id", "in", sourceIds)
      .execute();
    return new Map(rows.map((r) => [r.source_id, r.row_hash]));
  },

  async upsertFacts(db: Db, rows: Insertable<ExternalParcoursFactsTable>[]) {
    if (rows.length === 0) return;
    await db
      .insertInto("external_parcours_facts")
      .values(rows)
      .onConflict((oc) =>
        oc.columns(["departement", "source_id"]).doUpdateSet((eb) => ({
          person_key: eb.ref("excluded.person_key"),
          source_person_id: eb.ref("excluded.source_person_id"),
          france_travail_id: eb.ref("excluded.france_travail_id"),
          rsa_id: eb.ref("excluded.rsa_id"),
          commune_code: eb.ref("excluded.commune_code"),
          reference_month: eb.ref("excluded.reference_month"),
          rights_opened_date: eb.ref("excluded.rights_opened_date"),
          t0_date: eb.ref("excluded.t0_date"),
          opened_date: eb.ref("excluded.opened_date"),
          new_entrant: eb.ref("excluded.new_entrant"),
          orientation_appointment_date: eb.ref("excluded.orientation_appointment_date"),
          orientation_appointment_presence: eb.ref("excluded.orientation_appointment_presence"),
          barriers: eb.ref("excluded.barriers"),
          first_diagnostic_date: eb.ref("excluded.first_diagnostic_date"),
          oriented_date: eb.ref("excluded.oriented_date"),
          orientations: eb.ref("excluded.orientations"),
          referent_periods: eb.ref("excluded.referent_periods"),
          appointments: eb.ref("excluded.appointments"),
          services: eb.ref("excluded.services"),
          contracts: eb.ref("excluded.contracts"),
          closed_date: eb.ref("excluded.closed_date"),
          exit_reason: eb.ref("excluded.exit_reason"),
          row_hash: eb.ref("excluded.row_hash"),
          import_id: eb.ref("excluded.import_id"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
  },

  async quarantine(
    db: Db,
    importId: string,
    rows: { line: number; sourceId: string | null; reasons: RowReason[] }[],
  ) {
    if (rows.length === 0) return;
    await db
      .insertInto("liste_minimale_quarantine")
      .values(
        rows.map((r) => ({
          import_id: importId,
          line: r.line,
          source_id: r.sourceId,
          reasons: JSON.stringify(r.reasons) as unknown as RowReason[],
        })),
      )
      .onConflict((oc) => oc.columns(["import_id", "line"]).doNothing())
      .execute();
  },

  /** The batch's outcome and the resume mark, in the batch's transaction; finished when every row is done. */
  async progress(
    db: Db,
    id: string,
    p: {
      processed: number;
      created: number;
      updated: number;
      unchanged: number;
      quarantined: number;
      finishedAt: Date | null;
    },
  ) {
    await db
      .updateTable("liste_minimale_imports")
      .set((eb) => ({
        processed_rows: p.processed,
        created: eb("created", "+", p.created),
        updated: eb("updated", "+", p.updated),
        unchanged: eb("unchanged", "+", p.unchanged),
        quarantined: eb("quarantined", "+", p.quarantined),
        ...(p.finishedAt ? { status: "TERMINE" as const, finished_at: p.finishedAt } : {}),
      }))
      .where("id", "=", id)
      .execute();
  },
};
