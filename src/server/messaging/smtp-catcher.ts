// The bundled SMTP catcher (demo and test, when no SMTP_URL is configured): an SMTP server on 127.0.0.1
// (smtp-server) that parses each mail (mailparser) and stores it in the demo mailbox instead of
// delivering it. Never started in production (config.ts requires SMTP_URL there).
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { Db } from "../db/connect";
import type { Clock } from "../kernel/clock";
import type { Log } from "../kernel/logger";
import { messagingRepository } from "./messaging.repository";

export type SmtpCatcher = { url: string; port: number; close(): Promise<void> };

export async function startSmtpCatcher(deps: {
  db: Db;
  clock: Clock;
  log: Pick<Log, "info" | "warn">;
}): Promise<SmtpCatcher> {
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    banner: "Socle — récepteur de courriels de démonstration",
    size: 20 * 1024 * 1024,
    logger: false,
    async onData(stream, session, callback) {
      try {
        const parsed = await simpleParser(stream);
        const to = session.envelope.rcptTo.map((r) => r.address).join(", ");
        const header = parsed.headers.get("x-socle-message-id");
        await messagingRepository.addToMailbox(deps.db, {
          channel: "EMAIL",
          to,
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          attachments: parsed.attachments.map((a) => ({
            filename: a.filename ?? "(sans nom)",
            contentType: a.contentType,
            size: a.size,
          })),
          transportId: parsed.messageId ?? (typeof header === "string" ? header : ""),
          receivedAt: deps.clock.now(),
        });
        callback();
      } catch (e) {
        deps.log.warn({ code: "smtp_catcher.store_failed", message: (e as Error).message });
        callback(new Error("message non enregistré"));
      }
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  server.on("error", (e) => deps.log.warn({ code: "smtp_catcher.error", message: e.message }));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
