// The only home of the tabular imports' SQL.
import { sql } from "kysely";
import type {
  TabularCounts,
  TabularMapping,
  TabularReason,
} from "../../../shared/imports/tabular/tabular-import.schema";
import type { Db } from "../../db/connect";
import type { TabularImportsTable, TabularRowStatus } from "./tabular-imports.tables";

const json = <T>(v: unknown) => JSON.stringify(v) as unknown as T;

export type TabularImportRecord = NonNullable<Awaited<ReturnType<typeof tabularImportsRepository.get>>>;

export const tabularImportsRepository = {
  get(db: Db, id: string) {
    return db
      .selectFrom("tabular_imports as t")
      .innerJoin("professionals as p", "p.id", "t.uploaded_by")
      .select([
        "t.id",
        "t.file_name as fileName",
        "t.format",
        "t.content_hash as contentHash",
        "t.content_cipher as contentCipher",
        "t.headers",
        "t.row_count as rowCount",
        "t.mapping",
        "t.departement",
        "t.structure_id as structureId",
        "t.uploaded_by as uploadedBy",
        "t.status",
        "t.created_at as createdAt",
        "t.started_at as startedAt",
        "t.finished_at as finishedAt",
        "t.version",
        sql<string>`p.first_name || ' ' || p.last_name`.as("uploadedByName"),
      ])
      .where("t.id", "=", id)
      .executeTakeFirst();
  },

  async lockForUpdate(db: Db, id: string) {
    await db.selectFrom("tabular_imports").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
  },

  async findByContent(db: Db, departement: string, contentHash: string) {
    return db
      .selectFrom("tabular_imports")
      .select("id")
      .where("departement", "=", departement)
      .where("content_hash", "=", contentHash)
      .executeTakeFirst();
  },

  async insert(
    db: Db,
    row: Omit<TabularImportsTable, "version" | "mapping" | "headers"> & {
      mapping: TabularMapping;
      headers: string[];
    },
  ) {
    await db
      .insertInto("tabular_imports")
      .values({ ...row, mapping: json(row.mapping), headers: json(row.headers) })
      .execute();
  },

  async updateMapping(
    db: Db,
    id: string,
    version: number,
    mapping: TabularMapping,
    at: Date,
  ): Promise<number | undefined> {
    const r = await db
      .updateTable("tabular_imports")
      .set({ mapping: json(mapping), updated_at: at, version: sql`version + 1` })
      .where("id", "=", id)
      .where("version", "=", version)
      .where("status", "=", "TELEVERSE")
      .returning("version")
      .executeTakeFirst();
    return r?.version;
  },

  list(db: Db, scope: { structureId: string; departement: string | null }) {
    return db
      .selectFrom("tabular_imports as t")
      .innerJoin("professionals as p", "p.id", "t.uploaded_by")
      .select([
        "t.id",
        "t.file_name as fileName",
        "t.status",
        "t.row_count as rowCount",
        "t.created_at as createdAt",
        sql<string>`p.first_name || ' ' || p.last_name`.as("uploadedBy"),
      ])
      .where((eb) =>
        scope.departement
          ? eb.or([eb("t.structure_id", "=", scope.structureId), eb("t.departement", "=", scope.departement)])
          : eb("t.structure_id", "=", scope.structureId),
      )
      .orderBy("t.created_at", "desc")
      .limit(100)
      .execute();
  },

  /** Rows are staged in chunks (one statement per 500 rows). */
  async insertRows(
    db: Db,
    importId: string,
    rows: {
      line: number;
      rawCipher: string;
      rawHash: string;
      naturalKey: string | null;
      status: "EN_ATTENTE" | "QUARANTAINE";
      reasons: TabularReason[];
    }[],
  ) {
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto("tabular_import_rows")
        .values(
          rows.slice(i, i + 500).map((r) => ({
            import_id: importId,
            line_number: r.line,
            raw_cipher: r.rawCipher,
            raw_hash: r.rawHash,
            natural_key: r.naturalKey,
            status: r.status,
            reasons: json(r.reasons),
            person_id: null,
            processed_at: null,
          })),
        )
        .execute();
    }
  },

  async markStarted(db: Db, id: string, at: Date) {
    await db
      .updateTable("tabular_imports")
      .set({
        status: "EN_COURS",
        content_cipher: null,
        started_at: at,
        updated_at: at,
        version: sql`version + 1`,
      })
      .where("id", "=", id)
      .execute();
  },

  async markFinished(db: Db, id: string, at: Date) {
    await db
      .updateTable("tabular_imports")
      .set({ status: "TERMINE", finished_at: at, updated_at: at, version: sql`version + 1` })
      .where("id", "=", id)
      .execute();
  },

  pendingRows(db: Db, importId: string, limit: number) {
    return db
      .selectFrom("tabular_import_rows")
      .select([
        "line_number as line",
        "raw_cipher as rawCipher",
        "raw_hash as rawHash",
        "natural_key as naturalKey",
      ])
      .where("import_id", "=", importId)
      .where("status", "=", "EN_ATTENTE")
      .orderBy("line_number")
      .limit(limit)
      .forUpdate()
      .execute();
  },

  async setRowOutcome(
    db: Db,
    importId: string,
    line: number,
    o: {
      status: Exclude<TabularRowStatus, "EN_ATTENTE">;
      reasons?: TabularReason[];
      personId: string | null;
      at: Date;
    },
  ) {
    await db
      .updateTable("tabular_import_rows")
      .set({ status: o.status, reasons: json(o.reasons ?? []), person_id: o.personId, processed_at: o.at })
      .where("import_id", "=", importId)
      .where("line_number", "=", line)
      .execute();
  },

  /** A row already applied with the same identity and the same values (any import): its file, if still there. */
  async alreadyApplied(db: Db, naturalKey: string, rawHash: string) {
    return db
      .selectFrom("tabular_import_rows as r")
      .innerJoin("persons as p", "p.id", "r.person_id")
      .select([sql<string>`coalesce(p.merged_into, p.id)`.as("personId")])
      .where("r.natural_key", "=", naturalKey)
      .where("r.raw_hash", "=", rawHash)
      .where("r.person_id", "is not", null)
      .orderBy("r.processed_at")
      .limit(1)
      .executeTakeFirst();
  },

  /** An earlier line of the same file about the same person, already processed. */
  async earlierLineOf(db: Db, importId: string, naturalKey: string, line: number) {
    return db
      .selectFrom("tabular_import_rows")
      .select(["line_number as line", "raw_hash as rawHash", "person_id as personId"])
      .where("import_id", "=", importId)
      .where("natural_key", "=", naturalKey)
      .where("line_number", "<", line)
      .where("status", "not in", ["EN_ATTENTE", "QUARANTAINE"])
      .orderBy("line_number")
      .limit(1)
      .executeTakeFirst();
  },

  async counts(db: Db, importId: string): Promise<TabularCounts> {
    const rows = await db
      .selectFrom("tabular_import_rows")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("import_id", "=", importId)
      .groupBy("status")
      .execute();
    const n = (s: TabularRowStatus) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    return {
      total: rows.reduce((a, r) => a + Number(r.n), 0),
      enAttente: n("EN_ATTENTE"),
      quarantaine: n("QUARANTAINE"),
      creees: n("CREEE"),
      misesAJour: n("MISE_A_JOUR"),
      inchangees: n("INCHANGEE"),
      doublons: n("DOUBLON_A_EXAMINER"),
    };
  },

  async rows(db: Db, importId: string, status: TabularRowStatus | undefined, page: number, pageSize: number) {
    let q = db.selectFrom("tabular_import_rows").where("import_id", "=", importId);
    if (status) q = q.where("status", "=", status);
    const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const items = await q
      .select([
        "line_number as line",
        "status",
        "reasons",
        "person_id as personId",
        "raw_cipher as rawCipher",
      ])
      .orderBy("line_number")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { total: Number(total.n), items };
  },

  quarantined(db: Db, importId: string) {
    return db
      .selectFrom("tabular_import_rows")
      .select(["line_number as line", "reasons", "raw_cipher as rawCipher"])
      .where("import_id", "=", importId)
      .where("status", "=", "QUARANTAINE")
      .orderBy("line_number")
      .execute();
  },

  // ── writes to the persons capability's tables (see the note in apply-tabular-import.ts) ───────
  async fillPersonFields(db: Db, personId: string, patch: Record<string, string | null>, at: Date) {
    await db
      .updateTable("persons")
      .set({ ...patch, updated_at: at, version: sql`version + 1` })
      .where("id", "=", personId)
      .execute();
  },
};
