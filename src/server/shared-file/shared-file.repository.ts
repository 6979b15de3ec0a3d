// The only home of the dossier partagé's SQL: notes and documents (never updated), the follow-up group's
// changes (the `follow_ups` rows themselves, created by the persons foundation, are opened and closed
// here when a member is added or removed from the group screen), the person's notices, and the
// timeline (one UNION ALL over every capability's events, keyset-paged).
import { type RawBuilder, sql } from "kysely";
import type { Db } from "../db/connect";
import type { ReadableLevels } from "./shared-file.policy";
import type {
  FileDocumentsTable,
  FileNotesTable,
  FileNoticesTable,
  FollowUpChangesTable,
} from "./shared-file.tables";

const proName = (alias: string) =>
  sql<string>`${sql.ref(`${alias}.first_name`)} || ' ' || ${sql.ref(`${alias}.last_name`)}`;

export type TimelineRow = {
  kind: string;
  key: string;
  at: Date;
  at_us: number;
  ref_id: string | null;
  a1: string | null;
  a2: string | null;
  a3: string | null;
  a4: string | null;
  actor_name: string | null;
  structure_name: string | null;
  visibility: string | null;
};
export type TimelineCursor = { atUs: number; key: string };

/** The SQL form of `sharedFilePolicy.canReadItem` over a notes or documents alias. */
function readable(alias: string, r: ReadableLevels): RawBuilder<boolean> {
  const levels = sql.join(r.levels.map((l) => sql.lit(l)));
  const confidential = r.confidentialStructureId
    ? sql`${sql.ref(`${alias}.structure_id`)} = ${r.confidentialStructureId}`
    : sql`false`;
  return sql<boolean>`(${sql.ref(`${alias}.visibility`)} IN (${levels}) AND (${sql.ref(`${alias}.visibility`)} <> 'CONFIDENTIEL' OR ${confidential}))`;
}

export const sharedFileRepository = {
  personName(db: Db, personId: string) {
    return db
      .selectFrom("persons")
      .select([
        "first_names as firstNames",
        "usage_name as usageName",
        "birth_name as birthName",
        "departement",
      ])
      .where("id", "=", personId)
      .executeTakeFirst();
  },

  // ---- follow-up group

  group(db: Db, personId: string) {
    return db
      .selectFrom("follow_ups as f")
      .innerJoin("structures as s", "s.id", "f.structure_id")
      .leftJoin("professionals as pr", "pr.id", "f.professional_id")
      .select([
        "f.id",
        "f.structure_id as structureId",
        "s.name as structureName",
        "f.professional_id as professionalId",
        "pr.first_name as firstName",
        "pr.last_name as lastName",
        "f.role",
        "f.started_at as startedAt",
      ])
      .where("f.person_id", "=", personId)
      .where("f.ended_at", "is", null)
      .orderBy("f.started_at")
      .orderBy("f.id")
      .execute();
  },

  activeFollowUp(db: Db, personId: string, followUpId: string) {
    return db
      .selectFrom("follow_ups")
      .selectAll()
      .where("id", "=", followUpId)
      .where("person_id", "=", personId)
      .where("ended_at", "is", null)
      .executeTakeFirst();
  },

  /** An active membership of the same structure (whole structure) or the same professional. */
  sameActiveMember(db: Db, personId: string, structureId: string, professionalId: string | null) {
    let q = db
      .selectFrom("follow_ups")
      .select("id")
      .where("person_id", "=", personId)
      .where("ended_at", "is", null)
      .where("structure_id", "=", structureId);
    q = professionalId
      ? q.where("professional_id", "=", professionalId)
      : q.where("professional_id", "is", null);
    return q.executeTakeFirst();
  },

  structure(db: Db, structureId: string) {
    return db
      .selectFrom("structures")
      .select(["id", "name"])
      .where("id", "=", structureId)
      .executeTakeFirst();
  },

  activeProfessionalIn(db: Db, professionalId: string, structureId: string) {
    return db
      .selectFrom("professionals")
      .select(["id", "first_name as firstName", "last_name as lastName"])
      .where("id", "=", professionalId)
      .where("structure_id", "=", structureId)
      .where("active", "=", true)
      .executeTakeFirst();
  },

  professional(db: Db, professionalId: string) {
    return db
      .selectFrom("professionals")
      .select(["id", "first_name as firstName", "last_name as lastName"])
      .where("id", "=", professionalId)
      .executeTakeFirst();
  },

  /** Structures of a département with their active professionals who work on files. */
  async candidates(db: Db, departement: string) {
    const structures = await db
      .selectFrom("structures")
      .select(["id", "name"])
      .where("departement", "=", departement)
      .orderBy("name")
      .orderBy("id")
      .execute();
    const pros = await db
      .selectFrom("professionals")
      .select(["id", "structure_id as structureId", "first_name as firstName", "last_name as lastName"])
      .where("active", "=", true)
      .where(
        "structure_id",
        "in",
        structures.length > 0 ? structures.map((s) => s.id) : ["00000000-0000-0000-0000-000000000000"],
      )
      .where(sql<boolean>`roles && ARRAY['conseiller', 'charge_orientation', 'admin_structure']::text[]`)
      .orderBy("last_name")
      .orderBy("first_name")
      .execute();
    return structures.map((s) => ({
      ...s,
      professionals: pros
        .filter((p) => p.structureId === s.id)
        .map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}` })),
    }));
  },

  async insertFollowUp(
    db: Db,
    f: {
      id: string;
      personId: string;
      structureId: string;
      professionalId: string | null;
      role: "co_referent" | "membre";
      at: Date;
    },
  ) {
    await db
      .insertInto("follow_ups")
      .values({
        id: f.id,
        person_id: f.personId,
        structure_id: f.structureId,
        professional_id: f.professionalId,
        role: f.role,
        started_at: f.at,
        ended_at: null,
      })
      .execute();
  },

  async endFollowUp(db: Db, followUpId: string, at: Date) {
    await db.updateTable("follow_ups").set({ ended_at: at }).where("id", "=", followUpId).execute();
  },

  async insertChange(db: Db, c: FollowUpChangesTable) {
    await db.insertInto("follow_up_changes").values(c).execute();
  },

  async insertNotice(db: Db, n: FileNoticesTable) {
    await db.insertInto("file_notices").values(n).execute();
  },

  notices(db: Db, personId: string) {
    return db
      .selectFrom("file_notices")
      .select(["id", "kind", "message", "created_at as createdAt"])
      .where("person_id", "=", personId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .execute();
  },

  // ---- notes

  /** The notes the actor may read, newest first, with the id of the note that corrects each one. */
  notes(db: Db, personId: string, r: ReadableLevels) {
    if (r.levels.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("file_notes as n")
      .innerJoin("professionals as pr", "pr.id", "n.author_id")
      .innerJoin("structures as s", "s.id", "n.structure_id")
      .leftJoin("file_notes as c", "c.corrects_note_id", "n.id")
      .select([
        "n.id",
        "n.visibility",
        "n.body",
        "n.corrects_note_id as correctsNoteId",
        "n.author_id as authorId",
        "n.structure_id as structureId",
        "n.created_at as createdAt",
        "c.id as correctedByNoteId",
        "s.name as structureName",
        proName("pr").as("authorName"),
      ])
      .where("n.person_id", "=", personId)
      .where(readable("n", r))
      .orderBy("n.created_at", "desc")
      .orderBy("n.id", "desc")
      .execute();
  },

  note(db: Db, noteId: string) {
    return db
      .selectFrom("file_notes as n")
      .leftJoin("file_notes as c", "c.corrects_note_id", "n.id")
      .select([
        "n.id",
        "n.person_id as personId",
        "n.visibility",
        "n.author_id as authorId",
        "n.structure_id as structureId",
        "c.id as correctedByNoteId",
      ])
      .where("n.id", "=", noteId)
      .executeTakeFirst();
  },

  async insertNote(db: Db, n: FileNotesTable) {
    await db.insertInto("file_notes").values(n).execute();
  },

  // ---- documents

  documents(db: Db, personId: string, r: ReadableLevels) {
    if (r.levels.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("file_documents as d")
      .innerJoin("professionals as pr", "pr.id", "d.author_id")
      .innerJoin("structures as s", "s.id", "d.structure_id")
      .select([
        "d.id",
        "d.title",
        "d.category",
        "d.visibility",
        "d.filename",
        "d.media_type as mediaType",
        "d.size_bytes as sizeBytes",
        "d.structure_id as structureId",
        "d.created_at as createdAt",
        "s.name as structureName",
        proName("pr").as("authorName"),
      ])
      .where("d.person_id", "=", personId)
      .where(readable("d", r))
      .orderBy("d.created_at", "desc")
      .orderBy("d.id", "desc")
      .execute();
  },

  async document(db: Db, documentId: string) {
    const d = await db
      .selectFrom("file_documents")
      .select([
        "id",
        "person_id as personId",
        "visibility",
        "structure_id as structureId",
        "filename",
        "media_type as mediaType",
        "content",
      ])
      .where("id", "=", documentId)
      .executeTakeFirst();
    return d ? { ...d, content: Buffer.from(d.content) } : undefined;
  },

  async insertDocument(db: Db, d: FileDocumentsTable) {
    await db.insertInto("file_documents").values(d).execute();
  },

  countDocuments(db: Db, personId: string) {
    return db
      .selectFrom("file_documents")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("person_id", "=", personId)
      .executeTakeFirstOrThrow();
  },

  // ---- timeline

  /**
   * One page of the file's timeline, newest first. Ordered by (time in microseconds, key) descending: the
   * key (kind and id) makes the order total, so pages never overlap nor skip an entry, and the cursor is
   * the last entry's (time, key). The person's timeline carries their notices and no group log; the
   * professionals' carries the group log and no notices.
   */
  async timeline(
    db: Db,
    q: {
      personId: string;
      readable: ReadableLevels;
      forPerson: boolean;
      /** the messages with the référent·es, for who may read them (conversationsPolicy.read) */
      messages: boolean;
      cursor: TimelineCursor | null;
      limit: number;
    },
  ): Promise<TimelineRow[]> {
    const p = q.personId;
    const none = sql`NULL::text`;
    const branches: RawBuilder<unknown>[] = [
      sql`SELECT 'ORIENTATION_DECISION' AS kind, 'orientation:' || o.id::text AS key, o.decided_at AS at,
          o.id::text AS ref_id, o.decision AS a1, o.parcours_retenu AS a2, o.organisme_retenu AS a3, ${none} AS a4,
          ${proName("pr")} AS actor_name, s.name AS structure_name, ${none} AS visibility
        FROM orientations o
        LEFT JOIN professionals pr ON pr.id = o.decided_by
        LEFT JOIN structures s ON s.id = o.structure_id
        WHERE o.person_id = ${p} AND o.decided_at IS NOT NULL`,
      sql`SELECT 'DIAGNOSTIC_VERSION', 'diagnostic:' || d.id::text || '/' || lpad(dv.numero::text, 6, '0'), dv.created_at,
          d.id::text, dv.numero::text, ${none}, ${none}, ${none},
          ${proName("pr")}, s.name, ${none}
        FROM diagnostic_versions dv
        JOIN diagnostics d ON d.id = dv.diagnostic_id
        JOIN professionals pr ON pr.id = dv.author_id
        JOIN structures s ON s.id = dv.structure_id
        WHERE d.person_id = ${p}`,
      sql`SELECT 'CONTRACT_VERSION', 'contract:' || c.id::text || '/' || lpad(cv.numero::text, 6, '0'), cv.created_at,
          c.id::text, cv.numero::text, cv.motif, ${none}, ${none},
          ${proName("pr")}, s.name, ${none}
        FROM contract_versions cv
        JOIN contracts c ON c.id = cv.contract_id
        LEFT JOIN professionals pr ON pr.id = cv.created_by
        LEFT JOIN structures s ON s.id = pr.structure_id
        WHERE c.person_id = ${p}`,
      sql`SELECT 'CONTRACT_SIGNED', 'contract-signed:' || c.id::text || '/' || lpad(cv.numero::text, 6, '0'), cv.signed_at,
          c.id::text, cv.numero::text, cv.signature_mode, ${none}, ${none},
          ${none}, ${none}, ${none}
        FROM contract_versions cv
        JOIN contracts c ON c.id = cv.contract_id
        WHERE c.person_id = ${p} AND cv.signed_at IS NOT NULL`,
      sql`SELECT 'CONTRACT_REFUSED', 'contract-refused:' || c.id::text || '/' || lpad(cv.numero::text, 6, '0'), cv.refused_at,
          c.id::text, cv.numero::text, ${none}, ${none}, ${none},
          ${none}, ${none}, ${none}
        FROM contract_versions cv
        JOIN contracts c ON c.id = cv.contract_id
        WHERE c.person_id = ${p} AND cv.refused_at IS NOT NULL`,
    ];
    if (q.readable.levels.length > 0) {
      branches.push(
        sql`SELECT 'NOTE', 'note:' || n.id::text, n.created_at,
            n.id::text, n.body, n.corrects_note_id::text, ${none}, ${none},
            ${proName("pr")}, s.name, n.visibility
          FROM file_notes n
          JOIN professionals pr ON pr.id = n.author_id
          JOIN structures s ON s.id = n.structure_id
          WHERE n.person_id = ${p} AND ${readable("n", q.readable)}`,
        sql`SELECT 'DOCUMENT', 'document:' || d.id::text, d.created_at,
            d.id::text, d.title, d.category, ${none}, ${none},
            ${proName("pr")}, s.name, d.visibility
          FROM file_documents d
          JOIN professionals pr ON pr.id = d.author_id
          JOIN structures s ON s.id = d.structure_id
          WHERE d.person_id = ${p} AND ${readable("d", q.readable)}`,
      );
    }
    if (q.forPerson) {
      branches.push(
        sql`SELECT 'NOTICE', 'notice:' || fn.id::text, fn.created_at,
            fn.related_id::text, fn.message, fn.kind, ${none}, ${none},
            ${none}, ${none}, ${none}
          FROM file_notices fn
          WHERE fn.person_id = ${p}`,
      );
    } else {
      branches.push(
        sql`SELECT 'GROUP_CHANGE', 'group:' || ch.id::text, ch.at,
            ch.follow_up_id::text, ch.change, ch.role,
            CASE WHEN m.id IS NULL THEN NULL ELSE ${proName("m")} END, ch.reason,
            ${proName("act")}, s.name, ${none}
          FROM follow_up_changes ch
          JOIN structures s ON s.id = ch.structure_id
          LEFT JOIN professionals m ON m.id = ch.professional_id
          JOIN professionals act ON act.id = ch.actor_id
          WHERE ch.person_id = ${p}`,
      );
    }
    // appointments booked, attended or missed, at the time they are (were) held; invitations not yet
    // booked and cancelled ones are not part of the file's story
    branches.push(
      sql`SELECT 'APPOINTMENT', 'appointment:' || a.id::text, sl.starts_at,
          a.id::text, a.status, a.purpose, sl.modalite, ${none},
          ${proName("pr")}, s.name, ${none}
        FROM appointments a
        JOIN appointment_slots sl ON sl.id = a.slot_id
        JOIN professionals pr ON pr.id = sl.professional_id
        JOIN structures s ON s.id = a.structure_id
        WHERE a.person_id = ${p} AND a.status IN ('PLANIFIE', 'HONORE', 'ABSENT', 'EXCUSE')`,
    );
    if (q.messages)
      branches.push(
        sql`SELECT 'MESSAGE', 'message:' || m.id::text, m.created_at,
            m.id::text, m.author_kind, m.body, ${q.forPerson ? sql`'moi'` : none}, ${none},
            CASE WHEN a.id IS NULL THEN pe.first_names || ' ' || coalesce(pe.usage_name, pe.birth_name)
              ELSE ${proName("a")} END, s.name, ${none}
          FROM conversation_messages m
          JOIN persons pe ON pe.id = m.person_id
          LEFT JOIN professionals a ON a.id = m.author_professional_id
          LEFT JOIN structures s ON s.id = m.structure_id
          WHERE m.person_id = ${p}`,
      );
    const union = sql.join(branches, sql` UNION ALL `);
    const after = q.cursor
      ? sql`WHERE (t.at_us, t.key COLLATE "C") < (${q.cursor.atUs}::bigint, ${q.cursor.key}::text COLLATE "C")`
      : sql``;
    const res = await sql<TimelineRow>`
      SELECT * FROM (
        SELECT u.*, (extract(epoch FROM u.at) * 1000000)::bigint AS at_us FROM (${union}) u
      ) t
      ${after}
      ORDER BY t.at_us DESC, t.key COLLATE "C" DESC
      LIMIT ${q.limit}`.execute(db);
    return res.rows;
  },
};
