// The only home of the imports capability's SQL: imported files and their progress, quarantine, RSA rights,
// monthly droits-et-devoirs history; plus the read of follow-up facts (parcours, référents) that the
// new-entrant rule needs. Bulk writes go through unnest() arrays: PostgreSQL parses one array per column
// much faster than a multi-row VALUES list.
import { sql } from "kysely";
import type { Db } from "../db/connect";
import { copyStatement } from "../db/copy";
import { type UnnestColumn, unnestRows } from "../db/unnest";
import type {
  DroitsDevoirsMonthsTable,
  FluxImportsTable,
  ImportQuarantineTable,
  RsaRightsTable,
} from "./imports.tables";

export type ImportCounts = {
  households: number;
  persons: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  newEntrants: number;
  divergences: number;
  possibleDuplicates: number;
  /** follow-ups put on hold, resumed, and pathways closed before a new one opens (CAF/MSA flows) */
  veillesStarted: number;
  veillesEnded: number;
  pathwaysClosed: number;
};
export const zeroCounts = (): ImportCounts => ({
  households: 0,
  persons: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  newEntrants: 0,
  divergences: 0,
  possibleDuplicates: 0,
  veillesStarted: 0,
  veillesEnded: 0,
  pathwaysClosed: 0,
});

export type NewFluxImport = Omit<
  FluxImportsTable,
  | "processed_households"
  | "households"
  | "persons"
  | "created"
  | "updated"
  | "unchanged"
  | "rejected"
  | "new_entrants"
  | "divergences"
  | "possible_duplicates"
  | "veilles_started"
  | "veilles_ended"
  | "pathways_closed"
  | "runs"
>;
export type RsaRightRow = Omit<RsaRightsTable, "created_at"> & { created_at: Date };
export type QuarantineRow = Omit<ImportQuarantineTable, "id">;

const importColumns = [
  "id",
  "kind",
  "departement",
  "file_name as fileName",
  "content_hash as contentHash",
  "typeflux",
  "dtref",
  "received_date as receivedDate",
  "status",
  "error_code as errorCode",
  "error_message as errorMessage",
  "processed_households as processedHouseholds",
  "households",
  "persons",
  "created",
  "updated",
  "unchanged",
  "rejected",
  "new_entrants as newEntrants",
  "divergences",
  "possible_duplicates as possibleDuplicates",
  "veilles_started as veillesStarted",
  "veilles_ended as veillesEnded",
  "pathways_closed as pathwaysClosed",
  "announced_households as announcedHouseholds",
  "started_at as startedAt",
  "finished_at as finishedAt",
  "runs",
] as const;

const rightColumns: UnnestColumn<RsaRightRow>[] = [
  ["id", "uuid"],
  ["person_id", "uuid"],
  ["organisme", "text"],
  ["numorg", "text"],
  ["matricule", "text"],
  ["departement", "text"],
  ["role", "text"],
  ["numero_demande", "text"],
  ["demande_date", "date"],
  ["etat_code", "text"],
  ["etat_date", "date"],
  ["suspension_kind", "text"],
  ["suspension_motif", "text"],
  ["suspension_since", "date"],
  ["cloture_motif", "text"],
  ["cloture_date", "date"],
  ["soumis_droits_devoirs", "bool"],
  ["sans_domicile_fixe", "bool"],
  ["unknown_codes", "text[]"],
  ["last_import_id", "uuid"],
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
];

const monthColumns: UnnestColumn<DroitsDevoirsMonthsTable>[] = [
  ["person_id", "uuid"],
  ["departement", "text"],
  ["month", "date"],
  ["soumis", "bool"],
  ["etat_code", "text"],
  ["suspension_since", "date"],
  ["import_id", "uuid"],
  ["recorded_at", "timestamptz"],
];

export type FluxImportRecord = NonNullable<Awaited<ReturnType<typeof importsRepository.get>>>;

export const importsRepository = {
  get(db: Db, id: string) {
    return db.selectFrom("flux_imports").select(importColumns).where("id", "=", id).executeTakeFirst();
  },

  findByHash(db: Db, kind: "cnaf", departement: string, contentHash: string) {
    return db
      .selectFrom("flux_imports")
      .select(importColumns)
      .where("kind", "=", kind)
      .where("departement", "=", departement)
      .where("content_hash", "=", contentHash)
      .executeTakeFirst();
  },

  async insert(db: Db, row: NewFluxImport): Promise<void> {
    await db.insertInto("flux_imports").values(row).execute();
  },

  /** A rerun takes a stopped (or killed) import back: status en_cours, one more run. */
  async restart(db: Db, id: string): Promise<void> {
    await db
      .updateTable("flux_imports")
      .set({ status: "en_cours", error_code: null, error_message: null, runs: sql`runs + 1` })
      .where("id", "=", id)
      .where("status", "<>", "termine")
      .execute();
  },

  /**
   * Moves the progress mark from `from` to `to` households and adds the batch's counts, only if the mark
   * is still at `from`: inside the batch's transaction, this both locks the import row and proves no other
   * process applied these households.
   */
  async advance(db: Db, id: string, from: number, to: number, c: ImportCounts): Promise<boolean> {
    const r = await db
      .updateTable("flux_imports")
      .set({
        processed_households: to,
        households: sql`households + ${c.households}`,
        persons: sql`persons + ${c.persons}`,
        created: sql`created + ${c.created}`,
        updated: sql`updated + ${c.updated}`,
        unchanged: sql`unchanged + ${c.unchanged}`,
        rejected: sql`rejected + ${c.rejected}`,
        new_entrants: sql`new_entrants + ${c.newEntrants}`,
        divergences: sql`divergences + ${c.divergences}`,
        possible_duplicates: sql`possible_duplicates + ${c.possibleDuplicates}`,
        veilles_started: sql`veilles_started + ${c.veillesStarted}`,
        veilles_ended: sql`veilles_ended + ${c.veillesEnded}`,
        pathways_closed: sql`pathways_closed + ${c.pathwaysClosed}`,
      })
      .where("id", "=", id)
      .where("processed_households", "=", from)
      .where("status", "=", "en_cours")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async finish(
    db: Db,
    id: string,
    at: Date,
    announced: { households: number | null; anomalies: number | null },
  ): Promise<void> {
    await db
      .updateTable("flux_imports")
      .set({
        status: "termine",
        finished_at: at,
        announced_households: announced.households,
        announced_anomalies: announced.anomalies,
      })
      .where("id", "=", id)
      .execute();
  },

  async fail(db: Db, id: string, code: string, message: string): Promise<void> {
    await db
      .updateTable("flux_imports")
      .set({ status: "echec", error_code: code, error_message: message })
      .where("id", "=", id)
      .where("status", "=", "en_cours")
      .execute();
  },

  /** Whether Socle holds a complete flow of that month for the département (else « last month » is unknown). */
  async monthKnown(db: Db, departement: string, month: string): Promise<boolean> {
    const r = await db
      .selectFrom("flux_imports")
      .select("id")
      .where("kind", "=", "cnaf")
      .where("departement", "=", departement)
      .where("status", "=", "termine")
      .where(sql<boolean>`date_trunc('month', dtref)::date = ${month}::date`)
      .executeTakeFirst();
    return r !== undefined;
  },

  /**
   * The pathways in follow-up (ACTIF or EN_VEILLE) of persons whose RSA right in the pathway's département is
   * suspended (ETATDOSRSA 3 or 4) since `onOrBefore` or earlier, with no payable right there: since when (the
   * latest start among their suspended rights, the shortest reading).
   */
  longSuspendedPathways(db: Db, onOrBefore: string) {
    return db
      .selectFrom("parcours as pa")
      .innerJoin("rsa_rights as r", (j) =>
        j.onRef("r.person_id", "=", "pa.person_id").onRef("r.departement", "=", "pa.departement"),
      )
      .select((e) => [
        "pa.id as parcoursId",
        "pa.person_id as personId",
        "pa.departement",
        e.fn.max("r.suspension_since").as("since"),
      ])
      .where("pa.statut_suivi", "in", ["ACTIF", "EN_VEILLE"])
      .where("r.etat_code", "in", ["3", "4"])
      .where("r.suspension_since", "<=", onOrBefore)
      .where((e) =>
        e.not(
          e.exists(
            e
              .selectFrom("rsa_rights as payable")
              .select("payable.id")
              .whereRef("payable.person_id", "=", "pa.person_id")
              .whereRef("payable.departement", "=", "pa.departement")
              .where("payable.etat_code", "=", "2"),
          ),
        ),
      )
      .groupBy(["pa.id", "pa.person_id", "pa.departement"])
      .orderBy("pa.id")
      .execute();
  },

  /** The reference date (DTREF) of the latest CAF/MSA flow fully imported for each of the départements. */
  async latestFlowDates(db: Db, departements: readonly string[]): Promise<Map<string, string>> {
    if (departements.length === 0) return new Map();
    const rows = await db
      .selectFrom("flux_imports")
      .select(["departement", (e) => e.fn.max("dtref").as("dtref")])
      .where("kind", "=", "cnaf")
      .where("status", "=", "termine")
      .where("departement", "in", departements)
      .groupBy("departement")
      .execute();
    return new Map(rows.map((r) => [r.departement, String(r.dtref)]));
  },

  /** The statement inserting quarantined records (built now, executed by the caller, possibly later). */
  insertQuarantineStatement(rows: readonly QuarantineRow[]) {
    if (rows.length === 0) return undefined;
    const cols: [keyof QuarantineRow & string, string][] = [
      ["import_id", "uuid"],
      ["record_index", "int4"],
      ["person_rank", "int4"],
      ["record_key", "text"],
      ["line", "int4"],
      ["reason_code", "text"],
      ["reason", "text"],
      ["raw_xml", "text"],
      ["created_at", "timestamptz"],
    ];
    return sql`INSERT INTO import_quarantine (${sql.join(cols.map(([c]) => sql.ref(c)))}) ${unnestRows(cols, rows)}
      ON CONFLICT (import_id, record_index, person_rank) DO NOTHING`;
  },

  quarantined(db: Db, importId: string, limit: number) {
    return db
      .selectFrom("import_quarantine")
      .select([
        "record_index as index",
        "person_rank as personRank",
        "record_key as key",
        "line",
        "reason_code as reasonCode",
        "reason",
      ])
      .where("import_id", "=", importId)
      .orderBy("record_index")
      .orderBy("person_rank")
      .limit(limit)
      .execute();
  },

  async quarantinedCount(db: Db, importId: string): Promise<number> {
    const r = await db
      .selectFrom("import_quarantine")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("import_id", "=", importId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  rightsOf(db: Db, personIds: readonly string[]) {
    if (personIds.length === 0) return Promise.resolve([]);
    return db.selectFrom("rsa_rights").selectAll().where("person_id", "in", personIds).execute();
  },

  /** The statement writing RSA rights (built now, executed by the caller, possibly later). */
  upsertRightsStatement(rows: readonly RsaRightRow[]) {
    if (rows.length === 0) return undefined;
    const cols = rightColumns;
    const updated = cols.filter(
      ([c]) => !["id", "person_id", "organisme", "numorg", "matricule", "created_at"].includes(c),
    );
    return sql`INSERT INTO rsa_rights (${sql.join(cols.map(([c]) => sql.ref(c)))}) ${unnestRows(cols, rows)}
      ON CONFLICT (person_id, organisme, numorg, matricule) DO UPDATE SET
      ${sql.join(updated.map(([c]) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`))}`;
  },

  /**
   * The rights of persons created in the same transaction (none can exist yet): COPY when the database runs
   * it, else the upsert.
   */
  insertNewPersonsRightsStatement(rows: readonly RsaRightRow[], opts: { copy?: boolean } = {}) {
    if (rows.length === 0) return undefined;
    return opts.copy
      ? copyStatement("rsa_rights", rightColumns, rows)
      : importsRepository.upsertRightsStatement(rows);
  },

  /** For each person: the latest month recorded before `month` in the département, and `month` itself if recorded. */
  monthsAround(db: Db, personIds: readonly string[], departement: string, month: string) {
    if (personIds.length === 0) return Promise.resolve([]);
    return sql<{
      person_id: string;
      month: string;
      soumis: boolean;
      etat_code: string;
      suspension_since: string | null;
    }>`
      SELECT DISTINCT ON (d.person_id, d.month >= k.m) d.person_id, d.month, d.soumis, d.etat_code, d.suspension_since
      FROM droits_devoirs_months d, (SELECT ${month}::date AS m) k
      WHERE d.person_id = ANY(${personIds}::uuid[]) AND d.departement = ${departement} AND d.month <= k.m
      ORDER BY d.person_id, d.month >= k.m, d.month DESC`
      .execute(db)
      .then((r) => r.rows);
  },

  /** Every month of droits et devoirs recorded for one person, oldest first (« Mes données »). */
  monthsOf(db: Db, personId: string) {
    return db
      .selectFrom("droits_devoirs_months")
      .select([
        "month",
        "departement",
        "soumis",
        "etat_code as etatCode",
        "suspension_since as suspensionSince",
      ])
      .where("person_id", "=", personId)
      .orderBy("month")
      .orderBy("departement")
      .execute();
  },

  /** The statement writing months of droits et devoirs (built now, executed by the caller, possibly later). */
  upsertMonthsStatement(rows: readonly DroitsDevoirsMonthsTable[]) {
    if (rows.length === 0) return undefined;
    const cols = monthColumns;
    return sql`INSERT INTO droits_devoirs_months (${sql.join(cols.map(([c]) => sql.ref(c)))}) ${unnestRows(cols, rows)}
      ON CONFLICT (person_id, month, departement) DO UPDATE SET soumis = excluded.soumis, etat_code = excluded.etat_code,
      suspension_since = excluded.suspension_since, import_id = excluded.import_id, recorded_at = excluded.recorded_at`;
  },

  /** The months of persons created in the same transaction: COPY when the database runs it, else the upsert. */
  insertNewPersonsMonthsStatement(rows: readonly DroitsDevoirsMonthsTable[], opts: { copy?: boolean } = {}) {
    if (rows.length === 0) return undefined;
    return opts.copy
      ? copyStatement("droits_devoirs_months", monthColumns, rows)
      : importsRepository.upsertMonthsStatement(rows);
  },

  /** Follow-up facts for the new-entrant rule: the open parcours in the département and any active référent. */
  followUpFacts(db: Db, personIds: readonly string[], departement: string) {
    if (personIds.length === 0) return Promise.resolve([]);
    return sql<{
      person_id: string;
      parcours_id: string | null;
      statut_suivi: string | null;
      veille_since: string | null;
      referent: boolean;
    }>`
      SELECT k.id AS person_id, p.id AS parcours_id, p.statut_suivi, p.veille_since,
        EXISTS (SELECT 1 FROM follow_ups f WHERE f.person_id = k.id AND f.ended_at IS NULL AND f.role = 'referent') AS referent
      FROM unnest(${personIds}::uuid[]) AS k(id)
      LEFT JOIN LATERAL (SELECT id, statut_suivi, veille_since FROM parcours WHERE person_id = k.id AND statut_suivi <> 'CLOS' AND departement = ${departement} LIMIT 1) p ON true`
      .execute(db)
      .then((r) => r.rows);
  },
};
