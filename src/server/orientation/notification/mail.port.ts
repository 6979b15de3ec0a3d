// The mail port: the one thing the platform needs from an e-mail transport. Two implementations here:
// `logMailPort` (demo and default: logs the message id, never the address nor the body) and
// `memoryMailPort` (tests). SMTP comes with a later issue, behind the same port (then this file moves to
// server/integrations/mail/).
import type { Log } from "../../kernel/logger";

export type OutgoingMail = { id: string; to: string; subject: string; text: string };

export interface MailPort {
  /** Resolves with the transport's id for the message; rejects when the transport refused it. */
  send(mail: OutgoingMail): Promise<{ transportId: string }>;
}

export function logMailPort(log: Pick<Log, "info">): MailPort {
  return {
    async send(mail) {
      log.info(
        { mail: { messageId: mail.id, bytes: mail.text.length } },
        "courriel remis au transport de démonstration (journal)",
      );
      return { transportId: `log:${mail.id}` };
    },
  };
}

export function memoryMailPort(opts: { failWith?: string } = {}): MailPort & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    sent,
    async send(mail) {
      if (opts.failWith) throw new Error(opts.failWith);
      sent.push(mail);
      return { transportId: `memory:${sent.length}` };
    },
  };
}
