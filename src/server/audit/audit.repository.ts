// The only home of audit SQL. Appends are serialised by a transaction-scoped advisory lock so the
// chain stays linear on PostgreSQL with concurrent writers.
import { sql } from "kysely";
import type { Db } from "../db/connect";
import { copyStatement } from "../db/copy";
import { type UnnestColumn, unnestInsert } from "../db/unnest";
import { type ChainBody, type ChainedContent, chainBody, chainHashOf, GENESIS_HASH } from "./audit.chain";

const AUDIT_LOCK = 7_270_001;

function toRow(c: ChainedContent, prevHash: string, hash: string) {
  return {
    at: c.at,
    actor_kind: c.actorKind as "professional",
    actor_id: c.actorId,
    actor_role: c.actorRole,
    structure_id: c.structureId,
    person_id: c.personId,
    action: c.action,
    section: c.section,
    purpose: c.purpose as "identify",
    channel: c.channel as "web",
    outcome: c.outcome as "allowed",
    request_id: c.requestId,
    details: JSON.stringify(c.details) as unknown as Record<string, unknown>,
    prev_hash: prevHash,
    hash,
  };
}

const auditColumns: UnnestColumn<ReturnType<typeof toRow>>[] = [
  ["at", "timestamptz"],
  ["actor_kind", "text"],
  ["actor_id", "text"],
  ["actor_role", "text"],
  ["structure_id", "uuid"],
  ["person_id", "uuid"],
  ["action", "text"],
  ["section", "text"],
  ["purpose", "text"],
  ["channel", "text"],
  ["outcome", "text"],
  ["request_id", "text"],
  ["details", "jsonb"],
  ["prev_hash", "text"],
  ["hash", "text"],
];

export const auditRepository = {
  /** Must run inside a transaction (the lock is released at commit). */
  async append(tx: Db, c: ChainedContent): Promise<void> {
    await auditRepository.appendMany(tx, [c]);
  },

  /**
   * Appends rows in order, chained, in batches; must run inside a transaction. `copy`: one COPY (the
   * database runs it, `supportsCopy`) instead of INSERTs from unnest(); the rows keep their order either way.
   */
  async appendMany(
    tx: Db,
    entries: (ChainedContent & { body?: ChainBody })[],
    opts: { copy?: boolean } = {},
  ): Promise<void> {
    if (entries.length === 0) return;
    await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
    const last = await tx
      .selectFrom("audit_events")
      .select("hash")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    let prevHash = last?.hash ?? GENESIS_HASH;
    const rows = entries.map((c) => {
      const hash = chainHashOf(prevHash, c.body ?? chainBody(c));
      const row = toRow(c, prevHash, hash);
      prevHash = hash;
      return row;
    });
    if (opts.copy) {
      await copyStatement("audit_events", auditColumns, rows).execute(tx);
      return;
    }
    // one statement per 5,000 rows; the rows keep their order (WITH ORDINALITY), so do the identity ids
    for (let i = 0; i < rows.length; i += 5000)
      await unnestInsert("audit_events", auditColumns, rows.slice(i, i + 5000)).execute(tx);
  },

  listForPerson(db: Db, personIds: string[], limit = 500) {
    return db
      .selectFrom("audit_events as a")
      .leftJoin("professionals as p", (j) => j.on(sql`p.id::text`, "=", sql.ref("a.actor_id")))
      .leftJoin("structures as s", "s.id", "a.structure_id")
      .select([
        "a.id",
        "a.at",
        "a.actor_kind as actorKind",
        "a.actor_id as actorId",
        "a.actor_role as actorRole",
        "p.first_name as actorFirstName",
        "p.last_name as actorLastName",
        "s.name as structureName",
        "a.action",
        "a.section",
        "a.purpose",
        "a.channel",
        "a.outcome",
      ])
      .where("a.person_id", "in", personIds)
      .orderBy("a.id", "desc")
      .limit(limit)
      .execute();
  },

  /** Streams the chain in id order, in pages, for verification. */
  async *scan(db: Db, pageSize = 5000) {
    let after = 0;
    for (;;) {
      const rows = await db
        .selectFrom("audit_events")
        .selectAll()
        .where("id", ">", after)
        .orderBy("id")
        .limit(pageSize)
        .execute();
      if (rows.length === 0) return;
      yield* rows;
      after = rows[rows.length - 1]!.id;
    }
  },
};
