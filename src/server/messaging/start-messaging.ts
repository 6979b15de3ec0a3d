// The messaging runtime: pg-boss over Socle's database, the transports, and the sender that takes the
// due jobs of the send queue. Started by main.ts (stopped on SIGTERM) and by the test app.
//
//  · SMTP_URL set → nodemailer to that server; unset (demo/test only, config.ts refuses it in production)
//    → the bundled SMTP catcher on 127.0.0.1 and nodemailer pointed at it.
//  · SMS: no operator yet; demo/test store them in the demo mailbox, production refuses them (ECHEC).
//  · `poll` (default true): every POLL_MS the sender fetches the jobs pg-boss considers due
//    (start_after ≤ the database's now); on a SOCLE_ENV=test server each tick drains instead (below).
//    Tests of the test app poll nothing and call `drain()`, which takes every
//    waiting job whatever its start_after and lets the DOMAIN clock decide (send-message.ts): the due
//    messages are sent, the others get a new job for their remaining delay. A test therefore says « now is
//    48 h before the appointment » with its fixed clock, and drains.
import PgBoss from "pg-boss";
import type { DbHandle } from "../db/connect";
import type { Deps } from "../kernel/deps";
import { BOSS_SCHEMA, bossDbOf, executorOf, SEND_QUEUE, type SendJobData } from "./job-queue";
import { type MailPort, smtpMailPort } from "./mail.port";
import { type SendOutcome, sendMessage } from "./send-message";
import { mailboxSmsPort, type SmsPort } from "./sms.port";
import { type SmtpCatcher, startSmtpCatcher } from "./smtp-catcher";

export const POLL_MS = 2000;
const BATCH = 10;

export type DrainReport = Record<SendOutcome, number>;

export type MessagingRuntime = {
  /** the bundled catcher's address, when it runs (demo/test without SMTP_URL) */
  catcherUrl: string | null;
  /** processes every waiting job now, the domain clock deciding what is due (tests, CLI) */
  drain(): Promise<DrainReport>;
  stop(): Promise<void>;
};

export type MessagingOptions = {
  poll?: boolean;
  /** replaces a transport (tests: a failing SMTP server, an in-memory mail port) */
  mail?: MailPort;
  sms?: SmsPort;
};

const refusingSms: SmsPort = {
  send: () => Promise.reject(new Error("aucun opérateur SMS n'est configuré")),
};

export async function startMessaging(
  deps: Pick<Deps, "db" | "clock" | "log" | "config">,
  handle: DbHandle,
  opts: MessagingOptions = {},
): Promise<MessagingRuntime> {
  const { config, log } = deps;
  let catcher: SmtpCatcher | null = null;
  let mail = opts.mail;
  if (!mail) {
    let url = config.SMTP_URL;
    if (!url) {
      if (config.isProduction) throw new Error("SMTP_URL est obligatoire en production.");
      catcher = await startSmtpCatcher(deps);
      url = catcher.url;
    }
    mail = smtpMailPort({ url, from: config.MAIL_FROM });
  }
  const transports = {
    mail,
    sms: opts.sms ?? (config.isProduction ? refusingSms : mailboxSmsPort(deps)),
  };

  const poll = opts.poll ?? true;
  // a test server (browser journeys) moves its clock through /api/test/horloge: there every tick drains,
  // the domain clock deciding; elsewhere pg-boss's start_after decides which jobs are fetched
  const tickDrains = config.SOCLE_ENV === "test";
  const boss = new PgBoss({
    db: bossDbOf(handle),
    schema: BOSS_SCHEMA,
    // maintenance (expiring jobs whose sender died, archiving) only where a sender runs continuously
    supervise: poll,
    schedule: false,
    migrate: true,
  });
  boss.on("error", (e: Error) => log.warn({ code: "messaging.queue_error", message: e.message }));
  await boss.start();

  async function processBatch(ignoreStartAfter: boolean, report: DrainReport, seen?: Set<string>) {
    const jobs = await boss.fetch<SendJobData>(SEND_QUEUE, { batchSize: BATCH, ignoreStartAfter });
    let fresh = 0;
    for (const job of jobs) {
      const id = job.data.messageId;
      // a drain counts each message once (a deferred message comes back once more before the drain ends)
      const counted = !seen?.has(id);
      if (seen && counted) {
        seen.add(id);
        fresh += 1;
      }
      try {
        // (data `{}` first: pg-boss 10 reads the 4th argument as the options, whatever its .d.ts says)
        const outcome = await sendMessage(deps, transports, id, async (tx) => {
          await boss.complete(SEND_QUEUE, job.id, {}, { db: executorOf(tx) });
        });
        if (counted) report[outcome] += 1;
      } catch (e) {
        // not a transport failure (those are recorded on the message): pg-boss retries the job later
        log.warn({ code: "messaging.job_failed", messageId: id, message: (e as Error).message });
        await boss.fail(SEND_QUEUE, job.id, { message: (e as Error).message });
      }
    }
    return { fetched: jobs.length, fresh };
  }

  const emptyReport = (): DrainReport => ({ sent: 0, skipped: 0, deferred: 0, retry: 0, failed: 0 });

  let stopping = false;
  let running: Promise<unknown> | null = null;
  const drain = async () => {
    const report = emptyReport();
    const seen = new Set<string>();
    // deferred messages get a new job at once: stop when a round brings only messages already seen
    for (;;) {
      const { fetched, fresh } = await processBatch(true, report, seen);
      if (fetched === 0 || fresh === 0) break;
    }
    return report;
  };
  const tick = async () => {
    if (tickDrains) return void (await drain());
    const report = emptyReport();
    while (!stopping && (await processBatch(false, report)).fetched === BATCH) {
      // a full batch: there may be more due now
    }
  };
  const timer = poll
    ? setInterval(() => {
        if (running || stopping) return;
        running = tick()
          .catch((e: Error) => log.warn({ code: "messaging.poll_failed", message: e.message }))
          .finally(() => {
            running = null;
          });
      }, POLL_MS)
    : null;

  return {
    catcherUrl: catcher?.url ?? null,
    async drain() {
      while (running) await running;
      return drain();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      if (running) await running;
      await boss.stop({ graceful: false, wait: true, close: false });
      transports.mail.close?.();
      if (catcher) await catcher.close();
    },
  };
}
