// Sends one message, the job queue's handler: the job carries only the message id; the row is re-read,
// so a message already ENVOYE, ANNULE or ECHEC is never sent again (a second job, a job retried after a
// crash). Before sending, the row is claimed (EN_COURS, a lease of CLAIM_LEASE_MS) in a short
// transaction of its own: no transaction stays open while the SMTP server answers (on PGlite, that would
// block every other query). The outcome, the completion of the job and, when needed, the next job are
// written in one transaction.
//
// Due-ness is decided by the DOMAIN clock (deps.clock), not by the database's: a job may run early (its
// start_after is relative to the database clock, and tests drain with a fixed clock), so a message whose
// send_after is still ahead is not sent: a new job is written for the remaining delay.
import type { Db } from "../db/connect";
import type { Clock } from "../kernel/clock";
import type { Log } from "../kernel/logger";
import { writeSendJob } from "./job-queue";
import type { MailPort } from "./mail.port";
import { messagingRepository } from "./messaging.repository";
import type { SmsPort } from "./sms.port";

/** transport failures before the message is given up (ECHEC) */
export const MAX_ATTEMPTS = 5;
/** delay before attempt n+1 after n failed attempts: 1 min, 5 min, 30 min, 2 h */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000];

export type SendDeps = { db: Db; clock: Clock; log: Pick<Log, "info" | "warn"> };
export type Transports = { mail: MailPort; sms: SmsPort };
export type SendOutcome = "sent" | "skipped" | "deferred" | "retry" | "failed";

/**
 * Processes one job of the send queue. `finish(tx)` completes the job in the transaction that records
 * the outcome (the runtime passes pg-boss's complete with that transaction).
 */
export async function sendMessage(
  deps: SendDeps,
  transports: Transports,
  messageId: string,
  finish: (tx: Db) => Promise<void>,
): Promise<SendOutcome> {
  const now = deps.clock.now();
  const m = await messagingRepository.get(deps.db, messageId);
  if (!m || m.status === "ENVOYE" || m.status === "ANNULE" || m.status === "ECHEC") {
    await deps.db.transaction().execute(finish);
    return "skipped";
  }
  if (m.status === "A_ENVOYER" && m.sendAfter.getTime() > now.getTime()) {
    await deps.db.transaction().execute(async (tx) => {
      await writeSendJob(tx, {
        messageId,
        key: m.key,
        delaySeconds: (m.sendAfter.getTime() - now.getTime()) / 1000,
      });
      await finish(tx);
    });
    return "deferred";
  }
  const claimed = await deps.db.transaction().execute((tx) => messagingRepository.claim(tx, messageId, now));
  if (!claimed) {
    // another sender holds it (its own job completes it), or it was cancelled meanwhile
    await deps.db.transaction().execute(finish);
    return "skipped";
  }
  const attempt = m.attempts + 1;
  try {
    const { transportId } =
      m.channel === "SMS"
        ? await transports.sms.send({ id: m.id, to: m.to, text: m.text })
        : await transports.mail.send({
            id: m.id,
            to: m.to,
            subject: m.subject,
            text: m.text,
            attachments: m.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              content: Buffer.from(a.contentBase64, "base64"),
            })),
          });
    await deps.db.transaction().execute(async (tx) => {
      await messagingRepository.markSent(tx, messageId, transportId, deps.clock.now());
      await finish(tx);
    });
    deps.log.info({ messageId, channel: m.channel, attempt }, "message envoyé");
    return "sent";
  } catch (e) {
    const detail = (e as Error).message || "erreur inconnue";
    const retryDelay = attempt < MAX_ATTEMPTS ? RETRY_DELAYS_MS[attempt - 1] : undefined;
    const transport = m.channel === "SMS" ? "SMS" : "serveur de courriel (SMTP)";
    const error =
      retryDelay === undefined
        ? `Envoi abandonné après ${attempt} tentatives : le ${transport} a refusé le message (${detail}).`
        : `Tentative ${attempt} sur ${MAX_ATTEMPTS} échouée : le ${transport} a refusé le message (${detail}). Nouvel essai prévu.`;
    const retryAt = retryDelay === undefined ? null : new Date(deps.clock.now().getTime() + retryDelay);
    await deps.db.transaction().execute(async (tx) => {
      await messagingRepository.markFailed(tx, messageId, error, retryAt);
      if (retryAt && retryDelay !== undefined) {
        await writeSendJob(tx, { messageId, key: m.key, delaySeconds: retryDelay / 1000 });
      }
      await finish(tx);
    });
    deps.log.warn(
      { messageId, channel: m.channel, attempt, final: retryAt === null },
      "échec d'envoi d'un message",
    );
    return retryAt ? "retry" : "failed";
  }
}
