// Sends the pending outbound e-mails through the mail port, one transaction per batch: messages are
// claimed with FOR UPDATE SKIP LOCKED, so two senders never send the same message. A failure is recorded
// (and retried up to MAX_ATTEMPTS) without stopping the others. Only ids and counts are logged.

import type { Db } from "../../db/connect";
import type { Clock } from "../../kernel/clock";
import type { Log } from "../../kernel/logger";
import type { MailPort } from "./mail.port";
import { outboundMessagesRepository } from "./outbound-messages.repository";

export const MAX_ATTEMPTS = 5;

export async function sendPendingMessages(
  deps: { db: Db; clock: Clock; log: Pick<Log, "info" | "warn"> },
  mail: MailPort,
  opts: { batch?: number } = {},
): Promise<{ sent: number; failed: number }> {
  return deps.db.transaction().execute(async (tx) => {
    const pending = await outboundMessagesRepository.claimPending(tx, opts.batch ?? 50);
    let sent = 0;
    let failed = 0;
    for (const m of pending) {
      try {
        const { transportId } = await mail.send({ id: m.id, to: m.to, subject: m.subject, text: m.text });
        await outboundMessagesRepository.markSent(tx, m.id, transportId, deps.clock.now());
        sent += 1;
      } catch (e) {
        await outboundMessagesRepository.markFailed(tx, m.id, (e as Error).message ?? "erreur", MAX_ATTEMPTS);
        deps.log.warn({ messageId: m.id, attempt: m.attempts + 1 }, "échec d'envoi d'un courriel");
        failed += 1;
      }
    }
    if (pending.length > 0) deps.log.info({ sent, failed }, "courriels en attente traités");
    return { sent, failed };
  });
}
