// The only home of outbound_messages' SQL: e-mails written in a use case's transaction (an outbox), then
// sent by `sendPendingMessages` through the mail port.
import { sql } from "kysely";
import type { Db } from "../../db/connect";

export type NewOutboundMessage = {
  id: string;
  personId: string | null;
  to: string;
  subject: string;
  text: string;
  relatedKind: string;
  relatedId: string;
  now: Date;
};

export const outboundMessagesRepository = {
  async insert(db: Db, m: NewOutboundMessage) {
    await db
      .insertInto("outbound_messages")
      .values({
        id: m.id,
        channel: "EMAIL",
        person_id: m.personId,
        to_address: m.to,
        subject: m.subject,
        body_text: m.text,
        related_kind: m.relatedKind,
        related_id: m.relatedId,
        status: "A_ENVOYER",
        created_at: m.now,
        sent_at: null,
        transport_id: null,
        last_error: null,
      })
      .execute();
  },

  /** The oldest pending messages, locked for this sender (another sender skips them). */
  claimPending(db: Db, limit: number) {
    return db
      .selectFrom("outbound_messages")
      .select(["id", "to_address as to", "subject", "body_text as text", "attempts"])
      .where("status", "=", "A_ENVOYER")
      .orderBy("created_at")
      .orderBy("id")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
  },

  async markSent(db: Db, id: string, transportId: string, at: Date) {
    await db
      .updateTable("outbound_messages")
      .set({
        status: "ENVOYE",
        sent_at: at,
        transport_id: transportId,
        attempts: sql`attempts + 1`,
        last_error: null,
      })
      .where("id", "=", id)
      .execute();
  },

  /** A failed attempt: retried later, until `maxAttempts` where the message is marked ECHEC. */
  async markFailed(db: Db, id: string, error: string, maxAttempts: number) {
    await db
      .updateTable("outbound_messages")
      .set({
        attempts: sql`attempts + 1`,
        last_error: error.slice(0, 500),
        status: sql`CASE WHEN attempts + 1 >= ${maxAttempts} THEN 'ECHEC' ELSE 'A_ENVOYER' END`,
      })
      .where("id", "=", id)
      .execute();
  },

  forRelated(db: Db, relatedKind: string, relatedId: string) {
    return db
      .selectFrom("outbound_messages")
      .select([
        "id",
        "person_id as personId",
        "to_address as to",
        "subject",
        "body_text as text",
        "status",
        "attempts",
        "sent_at as sentAt",
        "last_error as lastError",
      ])
      .where("related_kind", "=", relatedKind)
      .where("related_id", "=", relatedId)
      .orderBy("created_at")
      .execute();
  },
};
