// Server-side sessions (PS-48). The cookie carries a random id; only its SHA-256 is stored.
import { createHash } from "node:crypto";
import type { Db } from "../db/connect";

export const hashSessionId = (id: string) => createHash("sha256").update(id).digest("base64url");

export type NewSession = {
  id: string;
  kind: "professional" | "person";
  professionalId?: string;
  personId?: string;
  csrfToken: string;
  idTokenHint?: string | null;
  now: Date;
  idleMinutes: number;
  absoluteHours: number;
};

export const sessionsRepository = {
  async create(db: Db, s: NewSession): Promise<void> {
    await db
      .insertInto("sessions")
      .values({
        id_hash: hashSessionId(s.id),
        kind: s.kind,
        professional_id: s.professionalId ?? null,
        person_id: s.personId ?? null,
        csrf_token: s.csrfToken,
        id_token_hint: s.idTokenHint ?? null,
        created_at: s.now,
        last_seen_at: s.now,
        idle_minutes: s.idleMinutes,
        expires_at: new Date(s.now.getTime() + s.absoluteHours * 3_600_000),
      })
      .execute();
  },

  /** The live session for a cookie value, or undefined if unknown, revoked, idle or expired. */
  async findLive(db: Db, id: string, now: Date) {
    const s = await db
      .selectFrom("sessions")
      .selectAll()
      .where("id_hash", "=", hashSessionId(id))
      .where("revoked_at", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    if (!s) return undefined;
    if (s.last_seen_at.getTime() + s.idle_minutes * 60_000 <= now.getTime()) return undefined;
    return s;
  },

  async touch(db: Db, id: string, now: Date): Promise<void> {
    await db
      .updateTable("sessions")
      .set({ last_seen_at: now })
      .where("id_hash", "=", hashSessionId(id))
      .execute();
  },

  async revoke(db: Db, id: string, now: Date) {
    return db
      .updateTable("sessions")
      .set({ revoked_at: now })
      .where("id_hash", "=", hashSessionId(id))
      .returning(["id_token_hint", "kind"])
      .executeTakeFirst();
  },
};
