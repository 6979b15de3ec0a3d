// The only home of the messaging SQL: the outbox (outbound_messages) and the demo/test mailbox.
import { sql } from "kysely";
import type { Db } from "../db/connect";
import type { MessageChannel, StoredAttachment } from "./messaging.tables";

export type NewMessage = {
  id: string;
  key: string;
  channel: MessageChannel;
  personId: string | null;
  to: string;
  subject: string;
  text: string;
  attachments: StoredAttachment[];
  relatedKind: string;
  relatedId: string;
  sendAfter: Date;
  now: Date;
};

/** how long a claim (EN_COURS) protects a message from another sender; past it, the sender is presumed dead */
export const CLAIM_LEASE_MS = 10 * 60 * 1000;

export const messagingRepository = {
  /** true when written, false when a message with the same key already exists (nothing changed) */
  async insertIfAbsent(db: Db, m: NewMessage): Promise<boolean> {
    const r = await db
      .insertInto("outbound_messages")
      .values({
        id: m.id,
        message_key: m.key,
        channel: m.channel,
        person_id: m.personId,
        to_address: m.to,
        subject: m.subject,
        body_text: m.text,
        attachments: JSON.stringify(m.attachments) as unknown as StoredAttachment[],
        related_kind: m.relatedKind,
        related_id: m.relatedId,
        status: "A_ENVOYER",
        created_at: m.now,
        send_after: m.sendAfter,
        claimed_at: null,
        sent_at: null,
        transport_id: null,
        last_error: null,
      })
      .onConflict((oc) => oc.column("message_key").doNothing())
      .returning("id")
      .executeTakeFirst();
    return r !== undefined;
  },

  async idByKey(db: Db, key: string) {
    const r = await db
      .selectFrom("outbound_messages")
      .select("id")
      .where("message_key", "=", key)
      .executeTakeFirst();
    return r?.id ?? null;
  },

  async cancelPending(db: Db, f: { relatedKind: string; relatedId: string; keyPrefix?: string }) {
    let q = db
      .updateTable("outbound_messages")
      .set({ status: "ANNULE" })
      .where("related_kind", "=", f.relatedKind)
      .where("related_id", "=", f.relatedId)
      .where("status", "=", "A_ENVOYER");
    if (f.keyPrefix !== undefined) {
      const pattern = `${f.keyPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where("message_key", "like", pattern);
    }
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /** The message row as the sender sees it. */
  get(db: Db, id: string) {
    return db
      .selectFrom("outbound_messages")
      .select([
        "id",
        "message_key as key",
        "channel",
        "to_address as to",
        "subject",
        "body_text as text",
        "attachments",
        "status",
        "attempts",
        "send_after as sendAfter",
        "claimed_at as claimedAt",
      ])
      .where("id", "=", id)
      .executeTakeFirst();
  },

  /**
   * Claims a due message for one sender: A_ENVOYER and due at `now`, or EN_COURS whose claim is older
   * than the lease (its sender died). Returns false when another sender holds it or it is not claimable.
   */
  async claim(db: Db, id: string, now: Date): Promise<boolean> {
    const leaseEnd = new Date(now.getTime() - CLAIM_LEASE_MS);
    const r = await db
      .updateTable("outbound_messages")
      .set({ status: "EN_COURS", claimed_at: now, attempts: sql`attempts + 1` })
      .where("id", "=", id)
      .where("send_after", "<=", now)
      .where((eb) =>
        eb.or([
          eb("status", "=", "A_ENVOYER"),
          eb.and([eb("status", "=", "EN_COURS"), eb("claimed_at", "<", leaseEnd)]),
        ]),
      )
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async markSent(db: Db, id: string, transportId: string, at: Date) {
    await db
      .updateTable("outbound_messages")
      .set({ status: "ENVOYE", sent_at: at, transport_id: transportId, last_error: null, claimed_at: null })
      .where("id", "=", id)
      .where("status", "=", "EN_COURS")
      .execute();
  },

  /** A failed attempt: back to A_ENVOYER at `retryAt`, or ECHEC when there is no retry left. */
  async markFailed(db: Db, id: string, error: string, retryAt: Date | null) {
    await db
      .updateTable("outbound_messages")
      .set(
        retryAt
          ? { status: "A_ENVOYER", send_after: retryAt, last_error: error.slice(0, 500), claimed_at: null }
          : { status: "ECHEC", last_error: error.slice(0, 500), claimed_at: null },
      )
      .where("id", "=", id)
      .where("status", "=", "EN_COURS")
      .execute();
  },

  forRelated(db: Db, relatedKind: string, relatedId: string) {
    return db
      .selectFrom("outbound_messages")
      .select([
        "id",
        "message_key as key",
        "channel",
        "person_id as personId",
        "to_address as to",
        "subject",
        "body_text as text",
        "status",
        "attempts",
        "send_after as sendAfter",
        "sent_at as sentAt",
        "transport_id as transportId",
        "last_error as lastError",
      ])
      .where("related_kind", "=", relatedKind)
      .where("related_id", "=", relatedId)
      .orderBy("created_at")
      .orderBy("message_key")
      .execute();
  },

  // --- the demo/test mailbox (caught e-mails and logged SMS) ---

  async addToMailbox(
    db: Db,
    m: {
      channel: MessageChannel;
      to: string;
      subject: string;
      text: string;
      attachments: { filename: string; contentType: string; size: number }[];
      transportId: string;
      receivedAt: Date;
    },
  ) {
    await db
      .insertInto("demo_mailbox")
      .values({
        channel: m.channel,
        to_address: m.to,
        subject: m.subject,
        body_text: m.text,
        attachments: JSON.stringify(m.attachments) as unknown as typeof m.attachments,
        transport_id: m.transportId,
        received_at: m.receivedAt,
      })
      .execute();
  },

  listMailbox(db: Db, limit: number) {
    return db
      .selectFrom("demo_mailbox")
      .select(["id", "channel", "to_address as to", "subject", "attachments", "received_at as receivedAt"])
      .orderBy("received_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
  },

  mailboxMessage(db: Db, id: number) {
    return db
      .selectFrom("demo_mailbox")
      .select([
        "id",
        "channel",
        "to_address as to",
        "subject",
        "body_text as text",
        "attachments",
        "received_at as receivedAt",
      ])
      .where("id", "=", id)
      .executeTakeFirst();
  },
};
