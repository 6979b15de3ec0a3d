// The messaging API other capabilities use (docs: /work/briefs/messaging-api.md): a message is written in
// the caller's transaction (the outbox row) together with its job in the job queue; if the transaction
// rolls back, neither exists and nothing is sent. The message key makes scheduling idempotent.
import type { Db } from "../db/connect";
import type { Clock } from "../kernel/clock";
import type { Ids } from "../kernel/ids";
import { writeSendJob } from "./job-queue";
import { messagingRepository } from "./messaging.repository";

export type MessageAttachment = { filename: string; contentType: string; content: string | Uint8Array };
export type MessageToSend = {
  /** idempotency key, unique across all messages, e.g. `appointment:<id>:rappel-48h`; a second enqueue
   *  with the same key is a no-op (returns created: false) */
  key: string;
  channel: "EMAIL" | "SMS";
  personId: string | null;
  /** e-mail address or phone number */
  to: string;
  /** e-mail subject ("" for SMS) */
  subject: string;
  text: string;
  attachments?: MessageAttachment[]; // e.g. an .ics invitation, a PDF letter
  /** not sent before this instant (domain clock); default: now */
  sendAfter?: Date;
  relatedKind: string; // e.g. "appointment", "orientation"
  /** the related object's id: a UUID (outbound_messages.related_id is a uuid column) */
  relatedId: string;
};

const toBase64 = (content: string | Uint8Array) =>
  typeof content === "string"
    ? Buffer.from(content, "utf8").toString("base64")
    : Buffer.from(content).toString("base64");

/** Writes the message in the caller's transaction (outbox) and schedules its job in the job queue
 *  in the same transaction: if the transaction rolls back, nothing is sent. */
export async function enqueueMessage(
  tx: Db,
  deps: { clock: Clock; ids: Ids },
  m: MessageToSend,
): Promise<{ id: string; created: boolean }> {
  const now = deps.clock.now();
  const sendAfter = m.sendAfter ?? now;
  const id = deps.ids.uuid();
  const created = await messagingRepository.insertIfAbsent(tx, {
    id,
    key: m.key,
    channel: m.channel,
    personId: m.personId,
    to: m.to,
    subject: m.subject,
    text: m.text,
    attachments: (m.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      contentBase64: toBase64(a.content),
    })),
    relatedKind: m.relatedKind,
    relatedId: m.relatedId,
    sendAfter,
    now,
  });
  if (!created) {
    const existing = await messagingRepository.idByKey(tx, m.key);
    return { id: existing ?? id, created: false };
  }
  await writeSendJob(tx, {
    messageId: id,
    key: m.key,
    delaySeconds: (sendAfter.getTime() - now.getTime()) / 1000,
  });
  return { id, created: true };
}

/** Cancels the not-yet-sent messages of a related object (e.g. the reminders of a cancelled appointment),
 *  optionally only those whose key starts with keyPrefix. Returns how many were cancelled. */
export async function cancelPendingMessages(
  tx: Db,
  filter: { relatedKind: string; relatedId: string; keyPrefix?: string },
): Promise<number> {
  // the waiting job stays in the queue: when it runs, it finds the message ANNULE and does nothing
  return messagingRepository.cancelPending(tx, filter);
}
