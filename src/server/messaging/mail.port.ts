// The mail port: the one thing the platform needs from an e-mail transport. `smtpMailPort` sends through
// SMTP with nodemailer (production: SMTP_URL; demo/test: the bundled catcher, smtp-catcher.ts);
// `memoryMailPort` keeps the mails in memory (tests). Nothing here logs an address or a body.
import { createTransport } from "nodemailer";

export type OutgoingAttachment = { filename: string; contentType: string; content: Buffer };
export type OutgoingMail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  attachments: OutgoingAttachment[];
};

export interface MailPort {
  /** Resolves with the transport's id for the message; rejects when the transport refused it. */
  send(mail: OutgoingMail): Promise<{ transportId: string }>;
  close?(): void;
}

export function smtpMailPort(opts: { url: string; from: string }): MailPort {
  const transport = createTransport(opts.url);
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: opts.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        // the outbox id travels with the mail: a receiver (or the catcher) can tie it to the message
        headers: { "X-Socle-Message-Id": mail.id },
        attachments: mail.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
      });
      return { transportId: `smtp:${info.messageId}` };
    },
    close: () => transport.close(),
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
