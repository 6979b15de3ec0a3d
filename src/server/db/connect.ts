// Opens the system of record: embedded PGlite (default, data under SOCLE_DATA_DIR) or a PostgreSQL
// server when a connection string is given. Both get the same type parsers (see parsers.ts).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { copyCapablePool, markCopyCapable } from "./copy";
import { pgliteParsers, registerPgParsers } from "./parsers";
import type { Database } from "./schema";

export type Db = Kysely<Database>;
export type EngineKind = "pglite" | "postgres";

export type DbHandle = {
  db: Db;
  kind: EngineKind;
  /** runs a multi-statement SQL script (simple query protocol) */
  exec(script: string): Promise<void>;
  serverVersion(): Promise<string>;
  close(): Promise<void>;
  /** the embedded engine, when kind is "pglite" (dumps for test templates) */
  pglite?: PGlite;
};

export type ConnectOptions =
  | { kind: "postgres"; url: string; max?: number }
  | { kind: "pglite"; dataDir?: string /* undefined = in memory */; loadDataDir?: Blob | File };

/**
 * Session settings of every pooled connection. JIT off: Socle's queries are short (one file, one batch of
 * an import); JIT compilation costs ~30 ms each time the planner's estimate crosses jit_above_cost, which a
 * growing table soon does (measured on the CAF import: a candidate lookup went from 45 to 150 ms).
 */
export const PG_SESSION_OPTIONS = "-c jit=off";

/** Databases whose queries may run at once on several connections (a pool on the server, not PGlite). */
const concurrent = new WeakSet<object>();
export const markConcurrent = (db: Db) => concurrent.add(db);
export const allowsConcurrentQueries = (db: Db) => concurrent.has(db);

export async function connect(opts: ConnectOptions): Promise<DbHandle> {
  if (opts.kind === "postgres") {
    registerPgParsers();
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.max ?? 10,
      options: PG_SESSION_OPTIONS,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: copyCapablePool(pool) }) });
    markConcurrent(db);
    markCopyCapable(db);
    return {
      db,
      kind: "postgres",
      exec: async (script) => {
        await pool.query(script);
      },
      serverVersion: async () => (await pool.query("show server_version")).rows[0].server_version as string,
      close: () => db.destroy(),
    };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    parsers: pgliteParsers,
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: "pglite",
    exec: async (script) => {
      await pglite.exec(script);
    },
    serverVersion: async () =>
      (await pglite.query<{ server_version: string }>("show server_version")).rows[0]?.server_version ?? "?",
    close: () => db.destroy(),
    pglite,
  };
}

export function connectFromConfig(config: { DATABASE_URL?: string; SOCLE_DATA_DIR: string }) {
  return config.DATABASE_URL
    ? connect({ kind: "postgres", url: config.DATABASE_URL })
    : connect({ kind: "pglite", dataDir: join(config.SOCLE_DATA_DIR, "pglite") });
}
