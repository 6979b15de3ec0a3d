// The job queue is pg-boss (v10, Node 20), on the platform's own database: its tables live in the
// `pgboss` schema, created by the migration 202612061210-messaging.sql (pg-boss's construction plan for
// v10, so that a job can be written in any transaction, even before a runtime has started; pg-boss
// migrates its schema itself on later upgrades). pg-boss never opens a connection of its own: it is given
// an `executeSql` over Socle's Kysely handle (a pg Pool on the server, the single PGlite connection
// when embedded), and a job written by a use case goes through an `executeSql` bound to that use case's
// transaction, so the job and the business write commit or roll back together.
import { CompiledQuery } from "kysely";
import PgBoss from "pg-boss";
import type { Db, DbHandle } from "../db/connect";

export const BOSS_SCHEMA = "pgboss";
/** the queue of outbound messages: one job per message to send (data: { messageId }) */
export const SEND_QUEUE = "messaging-send";

export type SendJobData = { messageId: string };

type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/** pg-boss's `db` contract over a Kysely executor (a transaction or the whole database). */
export function executorOf(db: Db): { executeSql: ExecuteSql } {
  return {
    executeSql: async (text, values = []) => {
      const r = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: r.rows as unknown[] };
    },
  };
}

/**
 * pg-boss's own `db`: statements with parameters go through Kysely (the pool, or PGlite's serialised
 * connection); parameterless scripts may hold several statements (pg-boss's maintenance and migrations):
 * on the server the simple query protocol runs them, on PGlite `exec` does.
 */
export function bossDbOf(handle: DbHandle): { executeSql: ExecuteSql } {
  const viaKysely = executorOf(handle.db);
  const pglite = handle.pglite;
  return {
    executeSql: async (text, values) => {
      if (pglite && (!values || values.length === 0)) {
        // holding Kysely's single PGlite connection, so the script never lands inside another caller's
        // open transaction
        const results = await handle.db.connection().execute(() => pglite.exec(text));
        return { rows: (results.at(-1)?.rows ?? []) as unknown[] };
      }
      return viaKysely.executeSql(text, values ?? []);
    },
  };
}

/**
 * A pg-boss instance that is never started, used only to write jobs with an explicit `db` (the caller's
 * transaction): creating a job needs no worker, no timer, no connection of its own.
 */
const writer = new PgBoss({
  schema: BOSS_SCHEMA,
  db: {
    executeSql: () => Promise.reject(new Error("le rédacteur de tâches n'écrit que dans une transaction")),
  },
});

export const SEND_JOB_OPTIONS = {
  /** crashes (a sender died mid-job, the database was unreachable) are retried by pg-boss; transport
   *  failures are counted on the message itself (see send-message.ts) */
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
} as const;

/**
 * Writes the job that will send a message, in the given transaction. `delaySeconds` is relative to the
 * database's clock (see ARCHITECTURE.md « Messages, job queue » for why the domain clock is re-checked).
 * The singleton key (the message key) and the queue's « stately » policy mean at most one waiting job
 * per message.
 */
export async function writeSendJob(tx: Db, job: { messageId: string; key: string; delaySeconds: number }) {
  return writer.send(SEND_QUEUE, { messageId: job.messageId } satisfies SendJobData, {
    ...SEND_JOB_OPTIONS,
    singletonKey: job.key,
    startAfter: Math.max(0, Math.ceil(job.delaySeconds)),
    db: executorOf(tx),
  });
}
